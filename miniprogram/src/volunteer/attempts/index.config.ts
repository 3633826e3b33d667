export default definePageConfig({ navigationBarTitleText: '考试记录与志愿者', enablePullDownRefresh: true });
