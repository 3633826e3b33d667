import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { centerDate } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { createActivity, markAtOnce, newBranch, newMembers } from '../../test/fixtures';

const DAY = 24 * 3600_000;

/** A branch with a secretary (granted by the admin) and two members, and a meeting of it. */
const branchMeeting = async (times: Record<string, unknown> = {}) => {
  const { branch, secretary, members } = await newBranch(2);
  const meeting = await createActivity({ branchId: branch, title: '“两学一做”组织生活会', ...times });
  return { branch, secretary, alice: members[0]!, bob: members[1]!, meeting };
};

describe('idea board', () => {
  it('counts one vote per member per idea, exactly, however many arrive at once', async () => {
    const { meeting, alice } = await branchMeeting({ capacity: 40 });
    const idea = (await call('POST', `/activities/${meeting.id}/ideas`, { token: alice.token, body: { text: '把组织生活会开到社区里' } }))
      .body.idea;
    const other = (
      await call('POST', `/activities/${meeting.id}/ideas`, {
        token: alice.token,
        body: { text: '邀请退休老党员讲党课', kind: 'question' },
      })
    ).body.idea;
    const voters = await newMembers(30, 'voter');
    // Registered for the meeting, so its board is theirs too.
    await Promise.all(voters.map((voter) => call('POST', `/activities/${meeting.id}/registrations`, { token: voter.token })));
    const path = `/activities/${meeting.id}/ideas/${idea.id}/votes/me`;
    await markAtOnce(path, voters, 5);
    const { items } = (await call('GET', `/activities/${meeting.id}/ideas`, { token: voters[0]!.token })).body;
    expect(items.map((item: { id: string; voteCount: number; votedByMe: boolean }) => [item.id, item.voteCount, item.votedByMe])).toEqual([
      [idea.id, 29, true],
      [other.id, 0, false],
    ]);
  });

  it('lets the branch secretary group ideas, and no other secretary', async () => {
    const { meeting, secretary, alice } = await branchMeeting();
    const { secretary: stranger } = await branchMeeting();
    const idea = (await call('POST', `/activities/${meeting.id}/ideas`, { token: alice.token, body: { text: '建立党员志愿服务队' } })).body
      .idea;
    const path = `/activities/${meeting.id}/ideas/${idea.id}`;
    expect((await call('PATCH', path, { token: stranger.token, body: { group: '服务群众' } })).status).toBe(403);
    expect((await call('PATCH', path, { token: alice.token, body: { group: '服务群众' } })).status).toBe(403);
    const grouped = await call('PATCH', path, { token: secretary.token, body: { group: '服务群众' } });
    expect(grouped.body.idea.group).toBe('服务群众');
  });
});

describe('what members write for the meeting', () => {
  it('shows no idea or measure note the content check refuses, naming the field', async () => {
    const { meeting, secretary, alice } = await branchMeeting();
    const idea = await call('POST', `/activities/${meeting.id}/ideas`, { token: alice.token, body: { text: '加群学 赌博 技巧' } });
    expect([idea.status, idea.body.error.code, idea.body.error.details[0]]).toEqual([
      422,
      'CONTENT_REJECTED',
      { path: 'text', message: '含有不当内容「赌博」' },
    ]);
    expect((await call('GET', `/activities/${meeting.id}/ideas`, { token: secretary.token })).body.items).toEqual([]);

    const { action } = (
      await call('POST', `/activities/${meeting.id}/actions`, {
        token: secretary.token,
        body: { text: '走访社区困难党员', ownerId: alice.userId, dueOn: centerDate(new Date(Date.now() + 7 * DAY)) },
      })
    ).body;
    const path = `/activities/${meeting.id}/actions/${action.id}`;
    const note = await call('PATCH', path, { token: alice.token, body: { status: 'done', note: '刷单返利群里见' } });
    expect([note.status, note.body.error.details[0].path]).toEqual([422, 'note']);
    // Nothing of the refused change is kept, the status neither.
    const [kept] = (await call('GET', `/activities/${meeting.id}/actions`, { token: secretary.token })).body.items;
    expect(kept).toMatchObject({ id: action.id, status: 'open' });
    expect(kept.note).toBeUndefined();
  });
});

describe('who sees a meeting’s board, measures and minutes', () => {
  const MEASURE = { text: '建立走访台账', dueOn: '2099-12-31' };

  /** What `token` gets of the meeting: each read's status, and the names it sees. */
  const seenBy = async (activityId: string, token: string) => {
    const [ideas, actions, minutes, document] = await Promise.all(
      ['ideas', 'actions', 'minutes', 'minutes/document'].map((what) => call('GET', `/activities/${activityId}/${what}`, { token })),
    );
    return {
      statuses: [ideas!.status, actions!.status, minutes!.status, document!.status],
      codes: [...new Set([ideas, actions, minutes, document].map((reply) => reply!.body?.error?.code).filter(Boolean))],
      authors: ideas!.body.items?.map((idea: { authorName: string }) => idea.authorName),
      owners: actions!.body.items?.map((action: { ownerName: string }) => action.ownerName),
    };
  };
  const speak = async (activityId: string, token: string) => [
    (await call('POST', `/activities/${activityId}/ideas`, { token, body: { text: '多开展户外学习' } })).status,
  ];

  it('keeps a branch meeting’s board to its branch, its registrants, its observers and the center (403 for others)', async () => {
    const { meeting, secretary, alice, bob } = await branchMeeting();
    const idea = (await call('POST', `/activities/${meeting.id}/ideas`, { token: alice.token, body: { text: '把组织生活会开到社区里' } }))
      .body.idea;
    expect(
      (await call('POST', `/activities/${meeting.id}/actions`, { token: secretary.token, body: { ...MEASURE, ownerId: bob.userId } }))
        .status,
    ).toBe(201);
    const [registrant, stranger] = await newMembers(2, 'audience');
    expect((await call('POST', `/activities/${meeting.id}/registrations`, { token: registrant!.token })).status).toBe(201);
    const otherBranch = await newBranch(1);
    const observer = await newBranch(0);
    expect((await call('POST', `/activities/${meeting.id}/observers`, { token: observer.secretary.token })).status).toBe(201);
    const { token: coordinator } = await signIn('coordinator');

    const inside = { statuses: [200, 200, 200, 200], codes: [], authors: [alice.name], owners: [bob.name] };
    expect(await seenBy(meeting.id, bob.token)).toEqual(inside);
    expect(await seenBy(meeting.id, registrant!.token)).toEqual(inside);
    expect(await seenBy(meeting.id, observer.secretary.token)).toEqual(inside);
    expect(await seenBy(meeting.id, coordinator)).toEqual(inside);
    const refused = { statuses: [403, 403, 403, 403], codes: ['MEETING_PRIVATE'], authors: undefined, owners: undefined };
    expect(await seenBy(meeting.id, otherBranch.members[0]!.token)).toEqual(refused);
    expect(await seenBy(meeting.id, otherBranch.secretary.token)).toEqual(refused);
    expect(await seenBy(meeting.id, stranger!.token)).toEqual(refused);

    // The branch, its registrants and the center speak; observers watch; others cannot.
    for (const token of [bob.token, registrant!.token, coordinator]) expect(await speak(meeting.id, token)).toEqual([201]);
    const watcher = await call('POST', `/activities/${meeting.id}/ideas`, { token: observer.secretary.token, body: { text: '观摩建议' } });
    expect([watcher.status, watcher.body.error.code]).toEqual([403, 'NOT_A_PARTICIPANT']);
    expect(await speak(meeting.id, otherBranch.members[0]!.token)).toEqual([403]);
    const vote = (token: string) => call('PUT', `/activities/${meeting.id}/ideas/${idea.id}/votes/me`, { token });
    expect([
      (await vote(registrant!.token)).status,
      (await vote(observer.secretary.token)).status,
      (await vote(stranger!.token)).status,
    ]).toEqual([200, 403, 403]);
  });

  it('shows another activity’s board to everyone, with the names masked and no ids outside its audience, and its minutes to the audience only', async () => {
    const meeting = await createActivity({ title: '社区议事会' });
    const [owner, registrant, stranger] = await newMembers(3, 'open');
    for (const user of [owner!, registrant!])
      expect((await call('POST', `/activities/${meeting.id}/registrations`, { token: user.token })).status).toBe(201);
    expect(await speak(meeting.id, owner!.token)).toEqual([201]);
    const { token: coordinator } = await signIn('coordinator');
    for (const [user, dueOn] of [
      [owner!, '2099-12-30'],
      [stranger!, '2099-12-31'],
    ] as const)
      expect(
        (await call('POST', `/activities/${meeting.id}/actions`, { token: coordinator, body: { ...MEASURE, dueOn, ownerId: user.userId } }))
          .status,
      ).toBe(201);

    expect(await seenBy(meeting.id, registrant!.token)).toEqual({
      statuses: [200, 200, 200, 200],
      codes: [],
      authors: [owner!.name],
      owners: [owner!.name, stranger!.name],
    });
    // Outside the audience: names masked but one's own, and no minutes.
    const masked = `${[...owner!.name][0]}*`;
    expect(await seenBy(meeting.id, stranger!.token)).toEqual({
      statuses: [200, 200, 403, 403],
      codes: ['MEETING_PRIVATE'],
      authors: [masked],
      owners: [masked, stranger!.name],
    });
    // Nor the ids, which the names shown elsewhere (a feed's comments) would match back to the people.
    const idsSeenBy = async (token: string) => {
      const [ideas, actions] = await Promise.all(
        ['ideas', 'actions'].map(async (what) => (await call('GET', `/activities/${meeting.id}/${what}`, { token })).body.items),
      );
      return [ideas.map((idea: { authorId?: string }) => idea.authorId), actions.map((action: { ownerId?: string }) => action.ownerId)];
    };
    expect(await idsSeenBy(stranger!.token)).toEqual([[undefined], [undefined, stranger!.userId]]);
    expect(await idsSeenBy(registrant!.token)).toEqual([[owner!.userId], [owner!.userId, stranger!.userId]]);
    const refused = await call('POST', `/activities/${meeting.id}/ideas`, { token: stranger!.token, body: { text: '我也想说' } });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_A_PARTICIPANT']);
  });
});

describe('measures (措施)', () => {
  it('records measures with owners, lets owners finish them, and lists the overdue ones for the secretary', async () => {
    const { meeting, secretary, alice, bob } = await branchMeeting();
    const yesterday = centerDate(new Date(Date.now() - DAY));
    const nextWeek = centerDate(new Date(Date.now() + 7 * DAY));
    const add = (ownerId: string, text: string, dueOn: string) =>
      call('POST', `/activities/${meeting.id}/actions`, { token: secretary.token, body: { text, ownerId, dueOn } });
    const late = (await add(alice.userId, '走访社区困难党员', yesterday)).body.action;
    const done = (await add(bob.userId, '整理学习笔记', yesterday)).body.action;
    await add(bob.userId, '筹备志愿服务队', nextWeek);

    const refused = await call('PATCH', `/activities/${meeting.id}/actions/${done.id}`, { token: alice.token, body: { status: 'done' } });
    expect(refused.status).toBe(403);
    const finished = await call('PATCH', `/activities/${meeting.id}/actions/${done.id}`, {
      token: bob.token,
      body: { status: 'done', note: '已完成并上传' },
    });
    expect(finished.body.action).toMatchObject({ status: 'done', note: '已完成并上传' });

    const overdue = (await call('GET', '/actions/overdue', { token: secretary.token })).body.items;
    expect(overdue.map((item: { id: string }) => item.id)).toEqual([late.id]);
    expect(overdue[0]).toMatchObject({ ownerName: alice.name, activityTitle: '“两学一做”组织生活会' });
    const bobs = (await call('GET', '/me/actions', { token: bob.token })).body.items;
    expect(bobs.map((item: { text: string; status: string }) => [item.text, item.status])).toEqual([
      ['整理学习笔记', 'done'],
      ['筹备志愿服务队', 'open'],
    ]);
    const { token: coordinator } = await signIn('coordinator');
    expect((await call('GET', '/actions/overdue', { token: coordinator })).status).toBe(400);
  });

  it.each([
    ['ownerId', { text: '走访', ownerId: 'u_nobody_here', dueOn: '2026-12-31' }],
    ['dueOn', { text: '走访', ownerId: 'u_x', dueOn: '下周' }],
    ['text', { text: '走', ownerId: 'u_x', dueOn: '2026-12-31' }],
  ])('refuses a measure with a bad %s, naming it', async (field, body) => {
    const { meeting, secretary } = await branchMeeting();
    const reply = await call('POST', `/activities/${meeting.id}/actions`, { token: secretary.token, body });
    expect([reply.status, reply.body.error.details[0].path]).toEqual([400, field]);
    expect((await call('GET', `/activities/${meeting.id}/actions`, { token: secretary.token })).body.items).toEqual([]);
  });
});

describe('minutes', () => {
  it('drafts the minutes from attendance, the most-voted ideas and the measures; the branch secretary edits them', async () => {
    const [startsAt, endsAt] = [new Date(Date.now() - 600_000).toISOString(), new Date(Date.now() + 3600_000).toISOString()];
    const { secretary, alice, bob, meeting } = await branchMeeting({
      startsAt,
      endsAt,
      registrationClosesAt: endsAt,
      cancellationDeadline: endsAt,
    });
    const [carol] = await newMembers(1, 'carol');
    for (const user of [alice, bob, carol!])
      expect((await call('POST', `/activities/${meeting.id}/registrations`, { token: user.token })).status).toBe(201);
    const { token: coordinator } = await signIn('coordinator');
    const { code } = (await call('GET', `/activities/${meeting.id}/check-in-code`, { token: coordinator })).body;
    for (const user of [alice, bob])
      expect((await call('POST', `/activities/${meeting.id}/check-ins`, { token: user.token, body: { code } })).status).toBe(201);
    const idea = (await call('POST', `/activities/${meeting.id}/ideas`, { token: alice.token, body: { text: '每月走访困难党员' } })).body
      .idea;
    for (const user of [alice, bob]) await call('PUT', `/activities/${meeting.id}/ideas/${idea.id}/votes/me`, { token: user.token });
    await call('POST', `/activities/${meeting.id}/actions`, {
      token: secretary.token,
      body: { text: '建立走访台账', ownerId: bob.userId, dueOn: '2026-12-31' },
    });

    const draft = (await call('GET', `/activities/${meeting.id}/minutes`, { token: carol!.token })).body.minutes;
    expect(draft.edited).toBe(false);
    // 应到: the roster (the secretary, Alice, Bob) and Carol, who registered; the secretary has not come yet.
    expect(draft.text).toContain('出席：应到 4 人，实到 2 人，请假 0 人，未签到 2 人（已报名 3 人），出席率 50%');
    expect(draft.text).toContain('1. 每月走访困难党员（2 票）');
    expect(draft.text).toMatch(/1\. 建立走访台账 —— 负责人：.+，12月31日前完成/);

    const other = await newBranch(0);
    expect(
      (await call('PUT', `/activities/${meeting.id}/minutes`, { token: other.secretary.token, body: { text: `${draft.text}\n（改）` } }))
        .status,
    ).toBe(403);
    expect(
      (await call('PUT', `/activities/${meeting.id}/minutes`, { token: secretary.token, body: { text: '短' } })).body.error.details[0].path,
    ).toBe('text');
    const saved = await call('PUT', `/activities/${meeting.id}/minutes`, {
      token: secretary.token,
      body: { text: `${draft.text}\n四、其他：下次会议到社区开` },
    });
    expect(saved.body.minutes.edited).toBe(true);
    expect((await call('GET', `/activities/${meeting.id}/minutes`, { token: alice.token })).body.minutes.text).toContain(
      '四、其他：下次会议到社区开',
    );

    // The Word document holds the saved text.
    const document = await call('GET', `/activities/${meeting.id}/minutes/document`, { token: alice.token });
    expect([document.status, document.headers['content-type']]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    const xml = await (await JSZip.loadAsync(document.body as Buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('四、其他：下次会议到社区开');
    expect(xml).toContain('1. 每月走访困难党员（2 票）');
  });
});

describe('branch statistics', () => {
  it('sums a branch’s year: meetings held, attendance, approved leaves, measures on time; and the yearly sheet', async () => {
    const [startsAt, endsAt] = [new Date(Date.now() - 600_000).toISOString(), new Date(Date.now() + 3600_000).toISOString()];
    const { branch, secretary, alice, bob, meeting } = await branchMeeting({
      startsAt,
      endsAt,
      registrationClosesAt: endsAt,
      cancellationDeadline: endsAt,
    });
    await createActivity({ branchId: branch }); // still to come: not held yet
    const [carol] = await newMembers(1, 'carol');
    for (const user of [alice, bob, carol!]) await call('POST', `/activities/${meeting.id}/registrations`, { token: user.token });
    const { token: coordinator } = await signIn('coordinator');
    const { code } = (await call('GET', `/activities/${meeting.id}/check-in-code`, { token: coordinator })).body;
    for (const user of [alice, bob])
      expect((await call('POST', `/activities/${meeting.id}/check-ins`, { token: user.token, body: { code } })).status).toBe(201);
    expect(
      (await call('POST', `/activities/${meeting.id}/leave-requests`, { token: carol!.token, body: { reason: '出差在外地' } })).status,
    ).toBe(201);
    expect(
      (
        await call('POST', `/activities/${meeting.id}/leave-requests/${carol!.userId}/decision`, {
          token: secretary.token,
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(200);
    const actions = [];
    for (const text of ['建立走访台账', '开展一次社区清扫'])
      actions.push(
        (
          await call('POST', `/activities/${meeting.id}/actions`, {
            token: secretary.token,
            body: { text, ownerId: alice.userId, dueOn: '2099-12-31' },
          })
        ).body.action,
      );
    expect(
      (await call('PATCH', `/activities/${meeting.id}/actions/${actions[0].id}`, { token: alice.token, body: { status: 'done' } })).status,
    ).toBe(200);

    const registered = (await call('GET', `/activities/${meeting.id}`, { token: coordinator })).body.activity.confirmedCount;
    const { statistics } = (await call('GET', `/branches/${branch}/statistics`, { token: secretary.token })).body;
    expect(statistics).toEqual({
      branchId: branch,
      year: Number(centerDate(new Date()).slice(0, 4)),
      meetings: 1,
      // The roster (the secretary, Alice, Bob) and Carol; Carol is on leave, the secretary not come yet.
      expected: 4,
      registered,
      attended: 2,
      attendanceRate: 67,
      leaves: 1,
      absent: 0,
      measures: 2,
      measuresDoneOnTime: 1,
      observerMark: null,
      observerSheets: 0,
      // A meeting of no 三会一课 kind: the branch (made today) has held none of its periods yet.
      compliance: { expected: expect.any(Number), held: 0, overdue: 0, rate: null },
      // A meeting of no 三会一课 kind pays no 党员积分.
      partyPoints: 0,
    });
    const other = await newBranch(0);
    expect((await call('GET', `/branches/${branch}/statistics`, { token: other.secretary.token })).status).toBe(403);
    const sheet = (await call('GET', '/statistics/branches?format=csv', { token: coordinator })).body as string;
    expect(sheet.split('\r\n')[0]).toBe(
      '\uFEFF支部,年度,召开会议,应到人次,已报名人次,实到人次,出席率,请假人次,缺席人次,措施,按期完成,观摩评分,评分份数,三会一课应开,三会一课已开,三会一课逾期,三会一课完成率,党员积分',
    );
    expect(sheet).toContain(
      `\r\n${branch},${statistics.year},1,4,${registered},2,67%,1,0,2,1,,0,${statistics.compliance.expected},0,0,,0\r\n`,
    );
    expect((await call('GET', '/statistics/branches?year=1999', { token: coordinator })).body.error.details[0].path).toBe('year');
    // A year still to come has held nothing (the fuzz test found it answered 500).
    expect((await call('GET', `/branches/${branch}/statistics?year=2099`, { token: coordinator })).body.statistics).toMatchObject({
      year: 2099,
      meetings: 0,
    });
    expect((await call('GET', '/statistics/branches?year=2099', { token: coordinator })).body.items).toEqual([]);

    // The same year as an Excel workbook: numbers stay numbers.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await call('GET', '/statistics/branches?format=xlsx', { token: coordinator })).body as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1, 4)).toEqual(['支部', '年度', '召开会议']);
    const mine = rows.find((row) => row[1] === branch)!;
    expect(mine.slice(1, 14)).toEqual([branch, statistics.year, 1, 4, registered, 2, 0.67, 1, 0, 2, 1, undefined, 0]);
  });
});
