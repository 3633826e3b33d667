/**
 * A redemption voucher (兑换券), a native WeChat component: the reward, its state and, while it
 * can be used, the QR code a coordinator scans. The QR matrix arrives as dark runs per row
 * (computed by the page with the `qrcode` library), so the component stays plain WXML.
 */
const STATUS_TEXT = { issued: '待使用', fulfilled: '已使用', cancelled: '已取消' };

Component({
  properties: {
    title: { type: String, value: '' },
    status: { type: String, value: 'issued' },
    /** [[start, length], …] per row of the QR matrix. */
    rows: { type: Array, value: [] },
    /** Width of the code in rpx. */
    size: { type: Number, value: 400 },
  },

  data: { statusText: '', cell: 0, quiet: 0, lines: [] },

  observers: {
    'status, rows, size': function update(status, rows, size) {
      const cell = size / (rows.length || 1);
      this.setData({
        statusText: STATUS_TEXT[status] || status,
        cell,
        quiet: cell * 4,
        lines: rows.map((runs, r) => ({ r, runs: runs.map(([start, length]) => ({ x: start * cell, w: length * cell })) })),
      });
    },
  },
});
