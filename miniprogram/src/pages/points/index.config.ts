export default definePageConfig({
  navigationBarTitleText: '积分',
  enablePullDownRefresh: true,
  usingComponents: process.env.TARO_ENV === 'weapp' ? { 'points-card': '../../components/points-card/index' } : {},
});
