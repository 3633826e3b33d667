export default definePageConfig({ navigationBarTitleText: '认证题库', enablePullDownRefresh: true });
