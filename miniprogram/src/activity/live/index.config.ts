export default definePageConfig({
  navigationBarTitleText: '公开直播',
  // 转发 to a chat and 分享到朋友圈 (opened there in WeChat's single-page mode: no sign-in needed here).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
