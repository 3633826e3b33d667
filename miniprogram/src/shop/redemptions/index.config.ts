export default definePageConfig({
  navigationBarTitleText: '我的兑换',
  enablePullDownRefresh: true,
  usingComponents: process.env.TARO_ENV === 'weapp' ? { voucher: '../../components/voucher/index' } : {},
});
