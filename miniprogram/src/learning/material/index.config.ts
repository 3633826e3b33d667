export default definePageConfig({ navigationBarTitleText: '学习资料' });
