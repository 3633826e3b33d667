export default definePageConfig({ navigationBarTitleText: '个案' });
