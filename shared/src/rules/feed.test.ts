import { feedState, findBlockedWord } from './feed';

describe('feed rules', () => {
  const activity = { startsAt: '2026-12-01T06:00:00.000Z', endsAt: '2026-12-01T08:00:00.000Z' };
  it('is a preview before the start, live until some hours after the end, then ended', () => {
    expect(feedState(activity, new Date('2026-12-01T05:59:00.000Z'))).toBe('upcoming');
    expect(feedState(activity, new Date('2026-12-01T07:00:00.000Z'))).toBe('live');
    expect(feedState(activity, new Date('2026-12-01T10:59:00.000Z'))).toBe('live');
    expect(feedState(activity, new Date('2026-12-01T11:01:00.000Z'))).toBe('ended');
  });

  it('finds blocked words through spaces, punctuation and case', () => {
    const blocked = ['赌博', 'spam'];
    expect(findBlockedWord('今天学习两学一做', blocked)).toBeUndefined();
    expect(findBlockedWord('网上赌 博，一夜暴富', blocked)).toBe('赌博');
    expect(findBlockedWord('buy S-P-A-M now', blocked)).toBe('spam');
  });
});
