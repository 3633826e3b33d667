export default definePageConfig({ navigationBarTitleText: '提出需求', enablePullDownRefresh: true });
