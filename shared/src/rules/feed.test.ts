import fc from 'fast-check';
import { CENTER_NAME, feedState, findBlockedWord, mergeChanges, publicByline, publicFeedLink, STAFF_BYLINE } from './feed';

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

describe('merging feed changes', () => {
  const post = (id: string, rev: string, text = id) => ({ id, rev, text });

  it('keeps the newest revision, drops deleted posts, and orders newest first', () => {
    const held = [post('02', '02'), post('01', '01')];
    const merged = mergeChanges(held, [
      post('03', '03'),
      post('01', '05', 'edited'),
      { id: '02', rev: '06', deleted: true },
      post('01', '04', 'older'),
    ]);
    expect(merged).toEqual([post('03', '03'), post('01', '05', 'edited')]);
  });

  it('gives the same result whatever the order and however often changes arrive', () => {
    const changes = fc.array(
      fc.record({ id: fc.constantFrom('01', '02', '03', '04'), rev: fc.integer({ min: 10, max: 99 }).map(String), deleted: fc.boolean() }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(changes, fc.infiniteStream(fc.nat()), (list, seeds) => {
        // Revisions are unique per change, as the server makes them.
        const unique = [...new Map(list.map((change) => [change.rev, change])).values()].map((change) =>
          change.deleted ? { id: change.id, rev: change.rev, deleted: true } : post(change.id, change.rev),
        );
        const once = mergeChanges([], unique);
        const shuffled = [...unique, ...unique].sort(() => (seeds.next().value % 3) - 1);
        expect(mergeChanges([], shuffled)).toEqual(once);
      }),
    );
  });
});

describe('the public feed', () => {
  it('names no one: staff posts are by 工作人员, the others by the center', () => {
    expect(publicByline({ byStaff: true })).toBe(STAFF_BYLINE);
    expect(publicByline({})).toBe(CENTER_NAME);
    expect(publicByline({ byStaff: false })).toBe('和乐党群服务中心');
  });

  it('links to the H5 page, bare for an iframe when asked', () => {
    expect(publicFeedLink('https://hele.example.org/', 'A1')).toBe('https://hele.example.org/#/activity/live/index?id=A1');
    expect(publicFeedLink('https://hele.example.org', 'A1', true)).toBe('https://hele.example.org/#/activity/live/index?id=A1&embed=1');
  });
});
