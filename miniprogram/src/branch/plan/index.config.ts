export default definePageConfig({ navigationBarTitleText: '一支部一方案' });
