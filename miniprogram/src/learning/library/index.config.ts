export default definePageConfig({ navigationBarTitleText: '在线学习资料库', enablePullDownRefresh: true });
