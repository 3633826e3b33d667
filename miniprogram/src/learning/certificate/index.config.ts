export default definePageConfig({ navigationBarTitleText: '结业证书' });
