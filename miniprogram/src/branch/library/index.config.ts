export default definePageConfig({ navigationBarTitleText: '模块库与评分标准' });
