export default definePageConfig({
  navigationBarTitleText: '奖品管理',
  enablePullDownRefresh: true,
});
