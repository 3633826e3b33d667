export default definePageConfig({ navigationBarTitleText: '服务时长审核', enablePullDownRefresh: true });
