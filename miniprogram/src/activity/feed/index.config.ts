export default definePageConfig({ navigationBarTitleText: '现场动态' });
