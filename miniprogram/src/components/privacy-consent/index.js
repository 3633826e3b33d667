/**
 * Privacy consent (用户隐私保护提示), a native WeChat component: WeChat asks for consent through
 * `wx.onNeedPrivacyAuthorization` when a privacy API is called; the agree button must be a real
 * `<button open-type="agreePrivacyAuthorization">`, which only a native component can render.
 */
Component({
  data: {
    visible: false,
    contractName: '《隐私保护指引》',
  },

  lifetimes: {
    attached() {
      this.listen();
      if (typeof wx.getPrivacySetting === 'function') {
        wx.getPrivacySetting({
          success: (res) => {
            if (res.privacyContractName) this.setData({ contractName: res.privacyContractName });
          },
        });
      }
    },
    detached() {
      this.answer({ event: 'disagree' });
    },
  },

  pageLifetimes: {
    // WeChat keeps only the last listener: the page in front takes it back when shown.
    show() {
      this.listen();
    },
  },

  methods: {
    listen() {
      if (typeof wx.onNeedPrivacyAuthorization !== 'function') return;
      wx.onNeedPrivacyAuthorization((resolve) => {
        this.pendingResolve = resolve;
        this.setData({ visible: true });
      });
    },

    answer(result) {
      const resolve = this.pendingResolve;
      this.pendingResolve = null;
      if (resolve) resolve(result);
    },

    handleAgree() {
      this.answer({ buttonId: 'privacy-agree', event: 'agree' });
      this.setData({ visible: false });
      this.triggerEvent('agree');
    },

    handleDisagree() {
      this.answer({ event: 'disagree' });
      this.setData({ visible: false });
      this.triggerEvent('disagree');
    },

    openContract() {
      if (typeof wx.openPrivacyContract === 'function') wx.openPrivacyContract({});
    },

    // The app's own page says in full what is collected, and how to export it or close the account.
    openGuide() {
      wx.navigateTo({ url: '/account/privacy/index' });
    },
  },
});
