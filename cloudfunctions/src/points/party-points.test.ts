/**
 * 党员积分 against the local database: paid where organisational life happens (a check-in at a branch
 * meeting, a material finished), by the center's rules and under its monthly caps, in an account apart
 * from service points, never below zero, reconciled, and ranked per branch.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { MeetingType } from '@hele/shared';
import { reconcilePoints } from '../../../scripts/local/reconcile';
import { call, signIn } from '../../test/gateway';
import { backdateProgress, newBranch, registerAndCheckIn, underWayNow } from '../../test/fixtures';
import { doc } from '../lib/db';
import { partyAccount } from '../domain/ledger';
import { tableName } from '../lib/tables';

const RULES = { meeting: { points: 5, monthlyCap: 12 }, material: { points: 2, monthlyCap: 20 }, quiz: { points: 3, monthlyCap: 15 } };

/** A meeting of the branch under way now. */
const meetingNow = (branchId: string, meetingType: MeetingType) => underWayNow({ branchId, meetingType });

const checkIn = (activityId: string, member: { token: string }, coordinator: string) =>
  registerAndCheckIn(activityId, member.token, coordinator);

const partyOf = async (token: string) => (await call('GET', '/me/party-points?limit=100', { token })).body;

let coordinator: string;
beforeAll(async () => {
  coordinator = (await signIn('coordinator')).token;
  expect((await call('PUT', '/points/settings', { token: coordinator, body: { party: RULES } })).status).toBe(200);
});

describe('党员积分', () => {
  it('pays each checked-in branch meeting by the center’s rule, never past the month’s cap, apart from service points', async () => {
    const { branch, secretary, members } = await newBranch(3);
    const [keen, once, masses] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    expect((await call('PATCH', '/me', { token: masses.token, body: { politicalStatus: 'masses' } })).status).toBe(200);
    const meetings = await Promise.all((['committee', 'group', 'theme_day', 'lecture'] as const).map((type) => meetingNow(branch, type)));

    // Four meetings at once: 5 + 5 + 2 (the cap of 12) + 0, whatever the order.
    const replies = await Promise.all(meetings.map((meeting) => checkIn(meeting.id, keen, coordinator)));
    expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201, 201]);
    expect((await checkIn(meetings[1]!.id, once, coordinator)).status).toBe(201);
    expect((await checkIn(meetings[1]!.id, masses, coordinator)).status).toBe(201);

    const mine = await partyOf(keen.token);
    expect(mine).toMatchObject({ partyMember: true, balance: 12, year: { total: 12 } });
    expect(mine.entries.map((entry: { amount: number }) => entry.amount).sort()).toEqual([2, 5, 5]);
    expect(
      mine.entries.every((entry: { type: string; reason: string }) => entry.type === 'EARN' && entry.reason.startsWith('参加组织生活：')),
    ).toBe(true);
    expect(mine.month).toContainEqual({ kind: 'meeting', earned: 12, points: 5, cap: 12 });
    expect((await partyOf(once.token)).balance).toBe(5);
    expect(await partyOf(masses.token)).toMatchObject({ partyMember: false, balance: 0, entries: [] });
    // Service points stay what they are.
    expect((await call('GET', '/me/points', { token: keen.token })).body).toMatchObject({ balance: 0, entries: [] });

    // The branch's ranking: its secretary and members see it; another branch does not.
    const ranking = (await call('GET', `/branches/${branch}/party-points`, { token: secretary.token })).body;
    const row = (userId: string) => ranking.items.find((item: { userId: string }) => item.userId === userId);
    expect([row(keen.userId)?.total, row(keen.userId)?.rank]).toEqual([12, 1]);
    expect([row(once.userId)?.total, row(once.userId)?.rank]).toEqual([5, 2]);
    expect(row(masses.userId)?.total).toBe(0);
    expect((await call('GET', `/branches/${branch}/party-points`, { token: once.token })).status).toBe(200);
    const other = await newBranch(1);
    const refused = await call('GET', `/branches/${branch}/party-points`, { token: other.members[0]!.token });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_YOUR_BRANCH']);

    // 民主评议: the branch's year has its members' total, and the workbook each member's, ranked.
    expect((await call('GET', `/branches/${branch}/statistics`, { token: secretary.token })).body.statistics.partyPoints).toBe(17);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await call('GET', '/statistics/branches?format=xlsx', { token: coordinator })).body as ArrayBuffer);
    const branchRow = (workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).find((cells) => cells[1] === branch)!;
    expect(branchRow.at(-1)).toBe(17);
    const appraisal = workbook.worksheets
      .find((sheet) => sheet.name.includes('民主评议'))!
      .getSheetValues()
      .filter(Boolean) as unknown[][];
    expect(appraisal[0]!.slice(1)).toEqual(['支部', '姓名', '年度党员积分', '支部排名']);
    expect(appraisal.filter((cells) => cells[1] === branch).map((cells) => cells.slice(2))).toContainEqual([keen.name, 12, 1]);
  });

  it('pays a material finished once, and never lets the party account go below zero; the ledger reconciles', async () => {
    const { members } = await newBranch(1);
    const reader = members[0]!;
    const article = await call('POST', '/materials', {
      token: coordinator,
      body: { title: `党章学习${randomUUID().slice(0, 4)}`, kind: 'article', category: '理论学习', body: '第一章 党员' },
    });
    expect(article.status).toBe(201);
    const id = article.body.material.id;
    await call('PUT', `/materials/${id}/progress`, { token: reader.token, body: { event: 'opened' } });
    await backdateProgress(reader.userId, id, 10);
    for (let i = 0; i < 2; i++) {
      expect((await call('PUT', `/materials/${id}/progress`, { token: reader.token, body: { event: 'read_to_end' } })).body.progress).toBe(
        100,
      );
    }
    expect((await partyOf(reader.token)).entries).toEqual([
      expect.objectContaining({ type: 'EARN', amount: 2, reason: expect.stringContaining('完成学习资料') }),
    ]);

    const tooMuch = await call('POST', '/party-points/adjustments', {
      token: coordinator,
      body: { userId: reader.userId, amount: -3, reason: '纠正重复记录' },
    });
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([409, 'INSUFFICIENT_POINTS']);
    const take = await call('POST', '/party-points/adjustments', {
      token: coordinator,
      body: { userId: reader.userId, amount: -1, reason: '纠正' },
    });
    expect(take.status).toBe(201);
    expect(await partyOf(reader.token)).toMatchObject({ balance: 1, year: { total: 1 } });

    const report = await reconcilePoints(doc, tableName('POINTS_TABLE'));
    expect(report.problems.filter((problem) => [reader.userId, partyAccount(reader.userId)].includes(problem.userId))).toEqual([]);
  });

  it('lets the center set the rules, refusing a bad one by field and keeping the validity of service points', async () => {
    const before = (await call('GET', '/points/settings', { token: coordinator })).body.settings;
    const bad = await call('PUT', '/points/settings', {
      token: coordinator,
      body: { party: { ...RULES, quiz: { points: 3, monthlyCap: 0 } } },
    });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'party.quiz.monthlyCap']);
    const { settings } = (await call('PUT', '/points/settings', { token: coordinator, body: { party: RULES } })).body;
    expect(settings).toMatchObject({ party: RULES, validityMonths: before.validityMonths });
  });
});
