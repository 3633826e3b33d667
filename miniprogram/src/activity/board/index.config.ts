export default definePageConfig({ navigationBarTitleText: '会议讨论与措施' });
