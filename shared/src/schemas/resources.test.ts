import fc from 'fast-check';
import { OfferInput, quantityText, yuanToFen } from './resources';

describe('amounts of funds', () => {
  it('reads 元 as integer fen and writes fen back as 元, exactly', () => {
    expect([yuanToFen('12.5'), yuanToFen('0.07'), yuanToFen('300'), yuanToFen('1.234'), yuanToFen('-1'), yuanToFen('')]).toEqual([
      1250,
      7,
      30000,
      undefined,
      undefined,
      undefined,
    ]);
    expect([quantityText(1250, '分'), quantityText(7, '分'), quantityText(12, '箱')]).toEqual(['¥12.50', '¥0.07', '12 箱']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (fen) => expect(yuanToFen(quantityText(fen, '分').slice(1))).toBe(fen)),
    );
  });

  it('takes funds only in fen and goods only with a unit', () => {
    const offer = { providerId: 'p1', title: '助老餐费', quantity: 100 };
    expect(OfferInput.safeParse({ ...offer, kind: 'funds', unit: '元' }).error?.issues[0]?.path).toEqual(['unit']);
    expect(OfferInput.safeParse({ ...offer, kind: 'goods' }).error?.issues[0]?.path).toEqual(['unit']);
    expect(OfferInput.safeParse({ ...offer, kind: 'funds' }).success).toBe(true);
  });
});
