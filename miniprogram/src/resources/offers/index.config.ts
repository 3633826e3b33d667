export default definePageConfig({ navigationBarTitleText: '资源云平台', enablePullDownRefresh: true });
