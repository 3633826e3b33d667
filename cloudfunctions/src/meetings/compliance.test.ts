import { centerDate, daysBetween, DEFAULT_MEETING_FREQUENCIES, MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { newBranch, registerAndCheckIn, underWayNow } from '../../test/fixtures';
import { directoryBranches, markComplianceReminder } from '../domain/compliance';
import { notify } from '../domain/inbox';
import { createComplianceReminders } from './compliance-reminders';
import { complianceService } from './wiring';

const DAY = 24 * 3600_000;

/** A meeting of the branch under way now, of a 三会一课 kind. */
const meetingNow = (branchId: string, meetingType: MeetingType) => underWayNow({ branchId, meetingType });

/** `member` registers and checks in with the code the coordinator shows. */
const checkIn = async (activityId: string, member: { token: string }, coordinator: string) =>
  expect((await registerAndCheckIn(activityId, member.token, coordinator)).status).toBe(201);

const stateOf = (compliance: { current: Array<{ type: string; state: string; meetings: number }> }) =>
  Object.fromEntries(compliance.current.map((period) => [period.type, [period.state, period.meetings]]));

describe('三会一课 compliance', () => {
  it('counts a kind held once someone checked in; not a meeting cancelled, nor one nobody came to', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const held = await newBranch(1);
    const idle = await newBranch(1);
    // The first branch holds one meeting of each kind, someone checking in at each.
    for (const type of MEETING_TYPES) await checkIn((await meetingNow(held.branch, type)).id, held.members[0]!, coordinator);
    // The other plans a 党课 nobody comes to, and cancels a 支部党员大会 someone had checked in at.
    await meetingNow(idle.branch, 'lecture');
    const cancelled = await meetingNow(idle.branch, 'congress');
    await checkIn(cancelled.id, idle.members[0]!, coordinator);
    expect((await call('POST', `/activities/${cancelled.id}/cancel`, { token: coordinator })).status).toBe(200);

    const mine = (await call('GET', `/branches/${held.branch}/compliance`, { token: held.secretary.token })).body.compliance;
    expect(stateOf(mine)).toEqual(Object.fromEntries(MEETING_TYPES.map((type) => [type, ['held', 1]])));
    expect(mine.totals).toMatchObject({ held: 6, overdue: 0, due: 0, rate: 100 });
    const theirs = (await call('GET', `/branches/${idle.branch}/compliance`, { token: idle.secretary.token })).body.compliance;
    expect(stateOf(theirs)).toEqual(Object.fromEntries(MEETING_TYPES.map((type) => [type, ['due', 0]])));
    expect(theirs.totals).toMatchObject({ held: 0, overdue: 0, due: 6, rate: null });
    expect(theirs.current.every((period: { daysLeft: number }) => period.daysLeft >= 0)).toBe(true);

    // A secretary sees their own branch; the director sees every 党支部 on one page.
    const refused = await call('GET', `/branches/${held.branch}/compliance`, { token: idle.secretary.token });
    expect(refused.status).toBe(403);
    const board = (await call('GET', '/compliance', { token: coordinator })).body;
    expect(board.year).toBe(Number(centerDate(new Date()).slice(0, 4)));
    const rows = new Map(board.items.map((item: { branchId: string }) => [item.branchId, item]));
    expect(rows.get(held.branch)).toEqual(mine);
    expect(rows.get(idle.branch)).toEqual(theirs);
    expect((await call('GET', '/branches/01NOBRANCH/compliance', { token: coordinator })).status).toBe(404);
  });

  it('shows a month missed as overdue once it closed, and a week before a period closes what is still due', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const { branch, members } = await newBranch(1);
    for (const type of ['committee', 'theme_day'] as const) await checkIn((await meetingNow(branch, type)).id, members[0]!, coordinator);
    const caller = { id: 'u_director', nickname: '主任', roles: ['coordinator' as const] };
    const serviceAt = (now: Date) => complianceService(() => now);
    // Two months on: this month was held, the next one went by with nothing.
    const thisMonth = centerDate(new Date()).slice(0, 7);
    const [year, month] = thisMonth.split('-').map(Number) as [number, number];
    const nextMonth = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 7);
    const later = new Date(Date.UTC(year, month + 1, 3));
    const periodOf = async (key: string, type: MeetingType) => {
      const compliance = await serviceAt(later).ofBranch(branch, Number(key.slice(0, 4)), caller);
      return compliance.types.find((row) => row.type === type)?.periods.find((period) => period.key === key)?.state;
    };
    expect(await periodOf(thisMonth, 'committee')).toBe('held');
    expect(await periodOf(thisMonth, 'group')).toBe('overdue');
    expect(await periodOf(nextMonth, 'committee')).toBe('overdue');
    expect(await periodOf(nextMonth, 'theme_day')).toBe('overdue');

    // Four days before this month closes (or now, when that is past): what has nothing held is due, with the days left.
    const lastDay = `${thisMonth}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
    const soonAt = new Date(Math.max(Date.now() + 3600_000, Date.parse(`${lastDay}T03:00:00Z`) - 4 * DAY));
    const soon = await serviceAt(soonAt).ofBranch(branch, year, caller);
    expect(soon.current.find((period) => period.type === 'group')).toMatchObject({
      state: 'due',
      daysLeft: daysBetween(centerDate(soonAt), lastDay),
    });
    expect(soon.current.find((period) => period.type === 'committee')).toMatchObject({ state: 'held', meetings: 1 });
  });

  it('reminds the secretary once of each kind whose period closes within a week with nothing held', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const { branch, members, secretary } = await newBranch(1);
    await checkIn((await meetingNow(branch, 'committee')).id, members[0]!, coordinator);
    const thisMonth = centerDate(new Date()).slice(0, 7);
    const [year, month] = thisMonth.split('-').map(Number) as [number, number];
    const lastDay = `${thisMonth}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
    const at = (daysBefore: number) => new Date(Math.max(Date.now() + 3600_000, Date.parse(`${lastDay}T03:00:00Z`) - daysBefore * DAY));
    const remindersAt = (now: Date) =>
      createComplianceReminders({
        // This test's branch only: the directory holds every other test's branches too.
        board: async () => {
          const board = await complianceService(() => now).board(undefined);
          return { ...board, items: board.items.filter((item) => item.branchId === branch) };
        },
        branches: directoryBranches,
        markSent: markComplianceReminder,
        notify,
        now: () => now,
      });
    const told = async () =>
      (await call('GET', '/me/messages', { token: secretary.token })).body.items.filter(
        (item: { kind: string }) => item.kind === 'compliance_due',
      );

    if (daysBetween(centerDate(new Date()), lastDay) >= 7) {
      // More than a week before the month closes, nothing is said.
      expect(await remindersAt(new Date())()).toEqual({ told: 0 });
    }
    // Four days before: every required kind not held this period, the committee (held) not; twice runs tell once.
    const soon = at(4);
    const first = await remindersAt(soon)();
    const again = await remindersAt(new Date(soon.getTime() + 3600_000))();
    const messages = await told();
    expect(first.told).toBe(MEETING_TYPES.length - 1);
    expect(again.told).toBe(0);
    expect(messages.map((message: { title: string }) => message.title).sort()).toEqual(
      MEETING_TYPES.filter((type) => type !== 'committee')
        .map((type) => `三会一课待开：${MEETING_TYPE_LABELS[type]}`)
        .sort(),
    );
    expect(messages.find((message: { title: string }) => message.title.endsWith('主题党日')).body).toMatch(/尚未召开，.+截止，还剩 \d+ 天/);
  });

  it('lets the center change how often a kind is due', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const { branch, secretary } = await newBranch(0);
    const frequencies = { ...DEFAULT_MEETING_FREQUENCIES, group: 'none', lecture: 'half_yearly' };
    try {
      expect((await call('PUT', '/compliance/frequencies', { token: secretary.token, body: frequencies })).status).toBe(403);
      const bad = await call('PUT', '/compliance/frequencies', { token: coordinator, body: { ...frequencies, life: 'weekly' } });
      expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'life']);
      const saved = await call('PUT', '/compliance/frequencies', { token: coordinator, body: frequencies });
      expect(saved.body.frequencies).toEqual(frequencies);
      const { compliance } = (await call('GET', `/branches/${branch}/compliance`, { token: secretary.token })).body;
      expect(compliance.types.map((row: { type: string }) => row.type)).not.toContain('group');
      expect(compliance.types.find((row: { type: string }) => row.type === 'lecture').periods.at(-1).key).toMatch(/-H2$/);
      expect((await call('GET', '/compliance', { token: coordinator })).body.frequencies).toEqual(frequencies);
    } finally {
      await call('PUT', '/compliance/frequencies', { token: coordinator, body: DEFAULT_MEETING_FREQUENCIES });
    }
  });
});
