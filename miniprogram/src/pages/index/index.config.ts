export default definePageConfig({
  navigationBarTitleText: '和乐 · 党群服务中心',
  enablePullDownRefresh: false,
});
