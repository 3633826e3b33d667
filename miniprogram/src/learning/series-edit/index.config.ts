export default definePageConfig({ navigationBarTitleText: '开设公益班' });
