export default definePageConfig({
  navigationBarTitleText: '签到',
  pageOrientation: 'portrait',
});
