export default definePageConfig({ navigationBarTitleText: '需求个案', enablePullDownRefresh: true });
