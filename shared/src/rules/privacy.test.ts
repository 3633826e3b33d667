import fc from 'fast-check';
import { branchProfile } from './plan';
import { countLabel, maskName, outsiderProfile, SMALL_COUNT, suppressSmallCounts } from './privacy';

describe('what outsiders see of a branch', () => {
  it('masks a name to its first character, whatever script', () => {
    expect([maskName('陈党员'), maskName('王'), maskName('Zoe'), maskName('𠮷野家'), maskName('')]).toEqual([
      '陈*',
      '王*',
      'Z*',
      '𠮷*',
      '*',
    ]);
  });

  it('hides every count under 5 of a three-member branch, zeros included', () => {
    expect(suppressSmallCounts({ young: 2, middle: 1, senior: 0 })).toEqual({ young: null, middle: null, senior: null });
    expect(suppressSmallCounts({ young: 3, middle: 0, senior: 0 })).toEqual({ young: null, middle: null, senior: null });
  });

  it('hides a second count when only one would be hidden, so the total does not give it away', () => {
    expect(suppressSmallCounts({ young: 7, middle: 6, senior: 1 })).toEqual({ young: 7, middle: null, senior: null });
    expect(suppressSmallCounts({ young: 12, middle: 5 })).toEqual({ young: 12, middle: 5 });
    expect(countLabel(null)).toBe('<5');
    expect(countLabel(0)).toBe('0');
  });

  it('never shows a count under 5, and never hides exactly one count', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 5 }), (values) => {
        const counts = Object.fromEntries(values.map((value, i) => [`k${i}`, value]));
        const shown = Object.values(suppressSmallCounts(counts));
        expect(shown.every((count) => count === null || count >= SMALL_COUNT)).toBe(true);
        if (values.length > 1) expect(shown.filter((count) => count === null).length).not.toBe(1);
      }),
      { seed: 19, numRuns: 300 },
    );
  });

  it('shows outsiders a three-member branch’s size and nothing that tells its members apart', () => {
    const three = branchProfile(
      [
        { birthYear: 1996, education: 'college' },
        { birthYear: 1999, education: 'college' },
        { birthYear: 1960, education: 'postgraduate' },
      ],
      2026,
    );
    expect(outsiderProfile(three)).toEqual({
      size: 3,
      ages: { young: null, middle: null, senior: null },
      education: { primary: null, secondary: null, college: null, postgraduate: null },
      leaning: null,
    });
  });
});
