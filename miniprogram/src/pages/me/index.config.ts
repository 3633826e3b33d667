export default definePageConfig({
  navigationBarTitleText: '我的',
  usingComponents: process.env.TARO_ENV === 'weapp' ? { 'privacy-consent': '../../components/privacy-consent/index' } : {},
});
