export default definePageConfig({ navigationBarTitleText: '书记学院' });
