export default definePageConfig({ navigationBarTitleText: '公益班', enablePullDownRefresh: true });
