import fc from 'fast-check';
import { indexTokens, queryTokens } from './search';

const matches = (text: string, query: string) => {
  const tokens = new Set(indexTokens(text));
  return queryTokens(query).every((token) => tokens.has(token));
};

describe('Chinese search tokens', () => {
  it('finds a title by any run of its characters, without spaces between words', () => {
    expect(matches('越剧唱腔入门：从《梁祝》学起', '唱腔')).toBe(true);
    expect(matches('越剧唱腔入门：从《梁祝》学起', '梁祝')).toBe(true);
    expect(matches('越剧唱腔入门：从《梁祝》学起', '剧')).toBe(true);
    expect(matches('越剧唱腔入门：从《梁祝》学起', '京剧')).toBe(false);
    expect(matches('心肺复苏 CPR 与 AED 使用', 'aed')).toBe(true);
  });

  it('always finds a text by any substring of it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'党建志愿服务越剧亲子绘本英语角急救'.split('')), minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const chars = [...text];
          const start = a % chars.length;
          const end = start + 1 + (b % (chars.length - start));
          expect(matches(text, chars.slice(start, end).join(''))).toBe(true);
        },
      ),
    );
  });
});
