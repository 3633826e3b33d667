export default defineAppConfig({
  pages: ['pages/index/index', 'pages/activities/index', 'pages/points/index', 'pages/me/index'],
  // Pages that are not tabs live in subpackages, loaded when first opened (main package ≤ 2 MB).
  subPackages: [
    {
      root: 'account',
      pages: ['login/index', 'registrations/index', 'messages/index', 'roles/index', 'profile/index', 'privacy/index'],
    },
    {
      root: 'shop',
      pages: ['rewards/index', 'reward/index', 'redemptions/index', 'fulfil/index', 'manage/index', 'settings/index'],
    },
    {
      root: 'activity',
      pages: [
        'detail/index',
        'edit/index',
        'registrations/index',
        'check-in/index',
        'attendance/index',
        'leave/index',
        'leaves/index',
        'feed/index',
        // 公开直播: a feed a coordinator made public, read without signing in (shared, embedded).
        'live/index',
        'board/index',
      ],
    },
    {
      root: 'resources',
      pages: ['offers/index', 'cases/index', 'case/index', 'projects/index', 'needs/index'],
    },
    {
      root: 'branch',
      pages: ['plan/index', 'academy/index', 'library/index', 'directory/index', 'detail/index', 'join/index', 'import/index'],
    },
    {
      root: 'dashboard',
      pages: ['home/index', 'compliance/index'],
    },
    {
      root: 'learning',
      pages: ['library/index', 'material/index', 'classes/index', 'series/index', 'roster/index', 'certificate/index', 'series-edit/index'],
    },
    {
      root: 'volunteer',
      pages: [
        'center/index',
        'apply/index',
        'exam/index',
        'quiz/index',
        'hours/index',
        'certificate/index',
        'certificates/index',
        // 证明核验: opened by a certificate's QR, signed in or not.
        'verify/index',
        'review/index',
        'questions/index',
        'attempts/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '和乐 · 党群服务中心',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#8a8a8a',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/activities/index',
        text: '活动',
        iconPath: 'assets/tabbar/activity.png',
        selectedIconPath: 'assets/tabbar/activity-active.png',
      },
      {
        pagePath: 'pages/points/index',
        text: '积分',
        iconPath: 'assets/tabbar/points.png',
        selectedIconPath: 'assets/tabbar/points-active.png',
      },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  // WeChat injects only the components a page uses, when it first renders (its recommended setting).
  lazyCodeLoading: 'requiredComponents',
  // H5: pages switch at once (no slide), which also keeps browser-test screenshots steady.
  animation: false,
  // The privacy guide must be agreed to before privacy APIs (phone, location, photos) are called.
  __usePrivacyCheck__: true,
});
