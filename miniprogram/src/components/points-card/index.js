/**
 * The points card on the 积分 tab, a native WeChat component: balance, star level (1★ 100 h …
 * 5★ 1500 h) and total service hours. Its numbers come from the server; it only shows them.
 */
const STAR_COUNT = 5;

Component({
  properties: {
    balance: { type: Number, value: 0 },
    stars: { type: Number, value: 0 },
    minutes: { type: Number, value: 0 },
  },

  data: { starSlots: [], levelText: '', hoursText: '0' },

  observers: {
    'stars, minutes': function update(stars, minutes) {
      const level = Math.max(0, Math.min(STAR_COUNT, stars || 0));
      this.setData({
        starSlots: Array.from({ length: STAR_COUNT }, (_, i) => i < level),
        levelText: level > 0 ? `${level} 星志愿者` : '未定级',
        // As shared's hoursOf, which every other page uses (a native component imports nothing): one decimal.
        hoursText: String(Math.round(((minutes || 0) / 60) * 10) / 10),
      });
    },
  },
});
