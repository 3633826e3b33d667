import simulate from 'miniprogram-simulate';
import { qrRuns } from '../qr-code';
import { nativeComponent } from '../../../test/native-component';

describe('voucher (native)', () => {
  const render = nativeComponent(__dirname);

  it('draws the QR code of an issued voucher from its dark runs', async () => {
    const { rows, size } = qrRuns('HLVC1.01JREDEMPTION.abcdefghijklmnopqrstuvwx');
    const component = render({ title: '越剧班名额', status: 'issued', rows, size: 400 });
    await simulate.sleep(0);
    expect(component.querySelector('.voucher__title')!.dom!.textContent).toBe('越剧班名额');
    expect(component.querySelector('.voucher__status')!.dom!.textContent).toBe('待使用');
    expect(component.querySelectorAll('.voucher__row')).toHaveLength(size);
    const runs = rows.reduce((sum, row) => sum + row.length, 0);
    expect(component.querySelectorAll('.voucher__run')).toHaveLength(runs);
  });

  it('hides the code once used or cancelled', async () => {
    for (const [status, label] of [
      ['fulfilled', '已使用'],
      ['cancelled', '已取消'],
    ] as const) {
      const component = render({ title: '环保袋', status, rows: [] });
      await simulate.sleep(0);
      expect(component.querySelector('.voucher__status')!.dom!.textContent).toBe(label);
      expect(component.querySelector('.voucher__qr')).toBeFalsy();
    }
  });
});
