export default definePageConfig({
  navigationBarTitleText: '编辑资料',
  // The avatar and the phone are privacy APIs: WeChat asks for consent first, through this component.
  usingComponents: process.env.TARO_ENV === 'weapp' ? { 'privacy-consent': '../../components/privacy-consent/index' } : {},
});
