export default definePageConfig({ navigationBarTitleText: '认证考试' });
