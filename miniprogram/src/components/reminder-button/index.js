/**
 * 开始前提醒我 — a native WeChat component because `wx.requestSubscribeMessage` opens its prompt
 * only from a real tap. It reports `result` with `accepted` (one accept = one message); without a
 * template id (local stage) it reports accepted straight away and the reminder stays in-app.
 */
Component({
  properties: {
    // One lowercase word: WXML attribute names do not carry camelCase into properties.
    template: { type: String, value: '' },
    text: { type: String, value: '开始前提醒我' },
    doneText: { type: String, value: '已设置提醒' },
    subscribed: { type: Boolean, value: false },
  },

  data: { busy: false },

  methods: {
    ask() {
      if (this.data.busy || this.data.subscribed) return;
      const templateId = this.properties.template;
      if (!templateId) {
        this.triggerEvent('result', { accepted: true, inAppOnly: true });
        return;
      }
      this.setData({ busy: true });
      wx.requestSubscribeMessage({
        tmplIds: [templateId],
        success: (res) => {
          this.triggerEvent('result', { accepted: res[templateId] === 'accept', inAppOnly: false });
        },
        fail: (error) => {
          this.triggerEvent('result', { accepted: false, inAppOnly: false, errCode: error?.errCode });
        },
        complete: () => this.setData({ busy: false }),
      });
    },
  },
});
