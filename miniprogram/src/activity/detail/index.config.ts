export default definePageConfig({
  navigationBarTitleText: '活动详情',
  enableShareAppMessage: true,
  usingComponents: process.env.TARO_ENV === 'weapp' ? { 'reminder-button': '../../components/reminder-button/index' } : {},
});
