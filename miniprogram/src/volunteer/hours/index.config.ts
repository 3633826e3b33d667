export default definePageConfig({ navigationBarTitleText: '服务时长', enablePullDownRefresh: true });
