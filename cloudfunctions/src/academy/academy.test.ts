import { createActivity, newBranch } from '../../test/fixtures';
import { call, signIn } from '../../test/gateway';

const RUBRIC = [
  { id: 'discussion', name: '讨论充分', weight: 3 },
  { id: 'measures', name: '措施可落实', weight: 3 },
  { id: 'participation', name: '党员参与', weight: 2 },
  { id: 'form', name: '形式创新', weight: 2 },
];
const HOUR = 3600_000;

/** A published meeting of a new branch: held an hour ago, or in two days. */
const branchMeeting = async (held: boolean) => {
  const owner = await newBranch(1);
  const start = Date.now() + (held ? -HOUR : 48 * HOUR);
  const meeting = await createActivity({
    branchId: owner.branch,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + HOUR).toISOString(),
    registrationClosesAt: new Date(start + HOUR).toISOString(),
  });
  return { owner, meeting };
};

const observe = (activityId: string, token: string) => call('POST', `/activities/${activityId}/observers`, { token });
const score = (activityId: string, token: string, body: unknown) => call('POST', `/activities/${activityId}/score-sheets`, { token, body });

describe('书记学院', () => {
  beforeAll(async () => {
    const { token } = await signIn('coordinator');
    expect((await call('PUT', '/rubric', { token, body: { criteria: RUBRIC } })).status).toBe(200);
  });

  it('seats exactly as many observers as a meeting takes, however many sign up at once, and never its own secretary', async () => {
    const { owner, meeting } = await branchMeeting(false);
    const others = await Promise.all(Array.from({ length: 6 }, () => newBranch(0)));
    const replies = await Promise.all(others.map(({ secretary }) => observe(meeting.id, secretary.token)));
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(3);
    expect(replies.filter((reply) => reply.status === 409).map((reply) => reply.body.error.code)).toEqual([
      'OBSERVER_SEATS_FULL',
      'OBSERVER_SEATS_FULL',
      'OBSERVER_SEATS_FULL',
    ]);
    const listed = (await call('GET', `/activities/${meeting.id}/observers`, { token: owner.members[0]!.token })).body;
    expect([listed.items.length, listed.seats]).toEqual([3, 3]);
    const own = await observe(meeting.id, owner.secretary.token);
    expect([own.status, own.body.error.code]).toEqual([403, 'OWN_BRANCH']);
    // Observing twice keeps one seat.
    const seated = others[replies.findIndex((reply) => reply.status === 201)]!;
    expect((await observe(meeting.id, seated.secretary.token)).status).toBe(201);
    expect((await call('GET', `/activities/${meeting.id}/observers`, { token: owner.secretary.token })).body.items).toHaveLength(3);
  });

  it('takes one sheet per observer, says who scored, shows scores from the second on, and ranks the meeting and its branch by name on the board', async () => {
    const { owner, meeting } = await branchMeeting(true);
    const [a, b, stranger] = await Promise.all([newBranch(0), newBranch(0), newBranch(0)]);
    for (const observer of [a, b]) expect((await observe(meeting.id, observer.secretary.token)).status).toBe(201);

    const sheetA = { marks: { discussion: 5, measures: 4, participation: 3, form: 2 }, comments: { form: '形式较传统' } };
    expect((await score(meeting.id, a.secretary.token, sheetA)).body).toEqual({ activityId: meeting.id, mark: 370 });
    expect((await score(meeting.id, a.secretary.token, sheetA)).body.error.code).toBe('ALREADY_SCORED');
    // The observers' list says who has scored (the page then offers no second sheet).
    const listed = (await call('GET', `/activities/${meeting.id}/observers`, { token: a.secretary.token })).body.items;
    expect(Object.fromEntries(listed.map((line: { userId: string; scoredAt?: string }) => [line.userId, !!line.scoredAt]))).toEqual({
      [a.secretary.userId]: true,
      [b.secretary.userId]: false,
    });
    expect((await score(meeting.id, stranger.secretary.token, sheetA)).body.error.code).toBe('NOT_AN_OBSERVER');
    const hidden = (await call('GET', `/activities/${meeting.id}/scores`, { token: owner.secretary.token })).body.scores;
    expect(hidden).toEqual({ activityId: meeting.id, count: 1, visible: false });

    const low = { marks: { discussion: 4, measures: 2, participation: 4, form: 4 } };
    const refused = await score(meeting.id, b.secretary.token, low);
    expect([refused.status, refused.body.error.details.map((detail: { path: string }) => detail.path)]).toEqual([
      400,
      ['comments.measures'],
    ]);
    expect((await score(meeting.id, b.secretary.token, { ...low, comments: { measures: '措施没有明确责任人' } })).body.mark).toBe(340);

    const shown = (await call('GET', `/activities/${meeting.id}/scores`, { token: owner.secretary.token })).body.scores;
    expect(shown).toMatchObject({ count: 2, visible: true, average: 355 });
    expect(shown.criteria.find((criterion: { id: string }) => criterion.id === 'measures').average).toBe(300);
    expect(shown.comments.map((comment: { text: string }) => comment.text).sort()).toEqual(['形式较传统', '措施没有明确责任人']);

    const year = Number(new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 4));
    const { board } = (await call('GET', `/academy/board?year=${year}`, { token: stranger.secretary.token })).body;
    const ranked = board.meetings.find((row: { id: string }) => row.id === meeting.id);
    expect(ranked).toMatchObject({ title: meeting.title, branchId: owner.branch, average: 355, count: 2 });
    expect(ranked.comments.sort()).toEqual(['形式较传统', '措施没有明确责任人']);
    expect(board.branches.find((row: { id: string }) => row.id === owner.branch)).toMatchObject({
      name: expect.stringMatching(/^测试支部/),
      average: 355,
      count: 2,
    });
    const statistics = (await call('GET', `/branches/${owner.branch}/statistics?year=${year}`, { token: owner.secretary.token })).body
      .statistics;
    expect([statistics.observerMark, statistics.observerSheets]).toEqual([355, 2]);
    const ranks = board.meetings.map((row: { rank: number }) => row.rank);
    expect(ranks).toEqual(ranks.map((_: number, i: number) => i + 1));
  });

  it('refuses a sheet before the meeting is held, and a rubric or sheet that does not fit, by field', async () => {
    const { meeting } = await branchMeeting(false);
    const observer = await newBranch(0);
    await observe(meeting.id, observer.secretary.token);
    expect(
      (await score(meeting.id, observer.secretary.token, { marks: { discussion: 5, measures: 5, participation: 5, form: 5 } })).body.error
        .code,
    ).toBe('MEETING_NOT_HELD');
    const { token } = await signIn('coordinator');
    const duplicated = await call('PUT', '/rubric', { token, body: { criteria: [RUBRIC[0], RUBRIC[0]] } });
    expect([duplicated.status, duplicated.body.error.details[0].path]).toEqual([400, 'criteria.1.id']);
    expect((await call('GET', '/rubric', { token })).body.rubric.criteria).toHaveLength(4);
  });
});
