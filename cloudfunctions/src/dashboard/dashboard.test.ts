import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { hoursOf } from '@hele/shared';
import { doc, transactNamed } from '../lib/db';
import { activitySummary } from '../domain/activities/summary';
import { ledger } from '../domain/ledger';
import { countItem, participationScope, readCounts, STAT_SHARDS } from '../domain/stats';
import { createHoursService } from '../volunteers/hours-service';
import { serviceRecordRepository } from '../volunteers/repository';
import { activityInput, createActivity, newMembers, newVolunteers } from '../../test/fixtures';
import { call, signIn } from '../../test/gateway';

/**
 * Service `volunteer` declared when the clock read `then` (hours are declared for recent days only),
 * approved now by the coordinator through the API.
 */
const serveApproved = async (
  volunteer: { userId: string; name: string },
  then: string,
  declaration: { servedOn: string; minutes: number; note: string; activityId?: string },
  coordinator: string,
) => {
  const hours = createHoursService({
    ledger,
    records: serviceRecordRepository,
    activity: activitySummary,
    pointsPerHour: 10,
    declaring: { maxAgeDays: 90, dailyMaxMinutes: 12 * 60 },
    now: () => new Date(then),
  });
  const declared = await hours.declare(declaration, { id: volunteer.userId, nickname: volunteer.name, roles: ['member', 'volunteer'] });
  const decided = await call('POST', `/service-records/${declared.id}/decision`, { token: coordinator, body: { decision: 'approve' } });
  expect(decided.status).toBe(200);
};

describe('dashboard counters', () => {
  it('count exactly when many writes move them at once', async () => {
    const scope = `test#${randomUUID()}`;
    const writes = Array.from({ length: 120 }, (_, i) => ({ one: 1, i }));
    // Each write is a transaction of its own, as when a feature counts alongside its write.
    const outcomes = await Promise.all(
      writes.map(({ one, i }) => retryUntilDone(() => transactNamed(doc, [{ name: 'count', item: countItem(scope, { n: one, sum: i }) }]))),
    );
    expect(outcomes.every((outcome) => outcome === 'ok')).toBe(true);
    expect(await readCounts(scope)).toEqual({ n: 120, sum: (119 * 120) / 2 });
    expect(() => countItem(scope, { 'bad name': 1 })).toThrow('not plain');
    expect(STAT_SHARDS).toBeGreaterThan(1);
  });

  it('adds up approved service time in the month it was served, and points earned this month', async () => {
    // A month of its own, so other test files approving hours at the same time do not move it.
    const month = `20${10 + Math.floor(Math.random() * 10)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    const { token: coordinator } = await signIn('coordinator');
    const dashboard = async () => (await call('GET', `/dashboard?from=${month}&to=${month}`, { token: coordinator })).body;
    const thisMonth = async () => (await call('GET', '/dashboard', { token: coordinator })).body.months.at(-1);
    const [before, earnedBefore] = [(await dashboard()).months[0], (await thisMonth()).pointsEarned];
    const [volunteer] = await newVolunteers(1, 'served');
    for (const minutes of [90, 45]) {
      await serveApproved(volunteer!, `${month}-20T04:00:00Z`, { servedOn: `${month}-15`, minutes, note: '社区环保清扫' }, coordinator);
    }
    const after = (await dashboard()).months[0];
    expect([after.month, after.serviceMinutes - before.serviceMinutes, after.serviceRecords - before.serviceRecords]).toEqual([
      month,
      135,
      2,
    ]);
    // 10 points an hour: at least 15 + 7 earned this month (other test files only add to it).
    expect((await thisMonth()).pointsEarned - earnedBefore).toBeGreaterThanOrEqual(22);

    const csv = (await call('GET', `/dashboard/export?table=months&from=${month}&to=${month}`, { token: coordinator })).body as string;
    expect(csv.split('\r\n')[0]).toBe('\uFEFF月份,报名人次,签到人次,获得积分,兑换积分,调整积分,服务时长（小时）,服务记录数');
    expect(csv.split('\r\n')[1]).toMatch(new RegExp(`^${month},`));
  });

  it('counts sign-ups for seats and waitlist places in the month the activity starts, with those counted before #20', async () => {
    // A month years ahead, of this test alone.
    const month = `20${40 + Math.floor(Math.random() * 40)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    const { token: coordinator } = await signIn('coordinator');
    const signUps = async () =>
      (await call('GET', `/dashboard?from=${month}&to=${month}`, { token: coordinator })).body.months[0].registrations as number;
    const before = await signUps();
    // Sign-ups made before the activities counted their own stay in the stats table, and still count.
    await transactNamed(doc, [{ name: 'older', item: countItem(participationScope(month), { registrations: 4 }) }]);
    expect((await signUps()) - before).toBe(4);

    const [activity, another] = await Promise.all(
      ['10', '28'].map((day) =>
        createActivity({ capacity: 2, startsAt: `${month}-${day}T06:00:00.000Z`, endsAt: `${month}-${day}T08:00:00.000Z` }),
      ),
    );
    const members = await newMembers(3, 'signup');
    const replies = await Promise.all(
      members.map((member) => call('POST', `/activities/${activity!.id}/registrations`, { token: member.token })),
    );
    expect(replies.map((reply) => reply.body.registration.status).sort()).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    // Signing up again answers with the place one has, and counts nothing.
    await call('POST', `/activities/${activity!.id}/registrations`, { token: members[0]!.token });
    expect((await signUps()) - before).toBe(4 + 3);

    // A sign-up stays counted when it is given back, and when its activity is cancelled.
    await call('POST', `/activities/${another!.id}/registrations`, { token: members[0]!.token });
    await call('DELETE', `/activities/${activity!.id}/registrations/me`, { token: members[1]!.token });
    expect((await call('POST', `/activities/${another!.id}/cancel`, { token: coordinator, body: { reason: '场地检修' } })).status).toBe(
      200,
    );
    expect((await signUps()) - before).toBe(4 + 3 + 1);
  });

  it('counts service activities and approved hours per destination (进基层 / 进村居 / 进学校 / 进高墙), on the dashboard and in the yearly workbook', async () => {
    // A year of this test alone: activities planned then, hours served then.
    const year = 2081 + Math.floor(Math.random() * 19);
    const { token: coordinator } = await signIn('coordinator');
    const yearly = async () =>
      (await call('GET', `/dashboard?from=${year}-01&to=${year}-12`, { token: coordinator })).body.destinations as Array<{
        destination: string;
        activities: number;
        serviceMinutes: number;
        serviceRecords: number;
      }>;
    const before = await yearly();
    const at = (month: string) => ({ startsAt: `${year}-${month}-10T02:00:00.000Z`, endsAt: `${year}-${month}-10T05:00:00.000Z` });
    const school = await createActivity({ kind: 'service', title: '铅笔花校园行', destination: 'school', ...at('03') });
    await createActivity({ kind: 'service', title: '铅笔花校园行（二）', destination: 'school', ...at('09') });
    const prison = await createActivity({ kind: 'service', title: '富心计划帮教', destination: 'prison', ...at('05') });
    // A cancelled one went nowhere; one without a destination counts under none.
    const cancelled = await createActivity({ kind: 'service', title: '进村居义诊', destination: 'village', ...at('06') });
    expect((await call('POST', `/activities/${cancelled.id}/cancel`, { token: coordinator, body: {} })).status).toBe(200);
    await createActivity({ kind: 'service', title: '未定去向', ...at('07') });
    // Only a service activity goes somewhere.
    const meeting = await call('POST', '/activities', { token: coordinator, body: activityInput({ destination: 'school' }) });
    expect([meeting.status, meeting.body.error.details[0].path]).toEqual([400, 'destination']);

    const [volunteer] = await newVolunteers(1, 'dest');
    const served = (activityId: string, month: string, minutes: number) =>
      serveApproved(
        volunteer!,
        `${year}-${month}-20T04:00:00Z`,
        { servedOn: `${year}-${month}-10`, minutes, note: '志愿服务', activityId },
        coordinator,
      );
    await served(school.id, '03', 90);
    await served(school.id, '04', 60);
    await served(prison.id, '05', 120);

    const after = await yearly();
    const moved = after.map((row, i) => [
      row.destination,
      row.activities - before[i]!.activities,
      row.serviceMinutes - before[i]!.serviceMinutes,
      row.serviceRecords - before[i]!.serviceRecords,
    ]);
    expect(moved).toEqual([
      ['grassroots', 0, 0, 0],
      ['village', 0, 0, 0],
      ['school', 2, 150, 2],
      ['prison', 1, 120, 1],
    ]);
    const csv = (await call('GET', `/dashboard/export?table=destinations&from=${year}-01&to=${year}-12`, { token: coordinator }))
      .body as string;
    expect(csv.split('\r\n')[0]).toBe('\uFEFF服务去向,服务活动,服务时长（小时）,服务记录数');
    expect(csv).toContain(`\r\n进学校,${after[2]!.activities},${hoursOf(after[2]!.serviceMinutes)},${after[2]!.serviceRecords}\r\n`);

    // The year's statistics: as JSON, and a second sheet of the workbook.
    const statistics = (await call('GET', `/statistics/branches?year=${year}`, { token: coordinator })).body;
    expect(statistics.destinations).toEqual(after);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await call('GET', `/statistics/branches?year=${year}&format=xlsx`, { token: coordinator })).body as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet(`${year} 年服务去向`)!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((row) => row.slice(1))).toEqual([
      ['服务去向', '服务活动', '服务时长（小时）', '服务记录数'],
      ...after.map((row) => [
        { grassroots: '进基层', village: '进村居', school: '进学校', prison: '进高墙' }[row.destination],
        row.activities,
        hoursOf(row.serviceMinutes),
        row.serviceRecords,
      ]),
    ]);
  });

  it.each([
    ['/dashboard?from=2026-13&to=2026-12', 'from'],
    ['/dashboard?from=2026-05', 'to'],
    ['/dashboard?from=2026-05&to=2026-01', 'to'],
    ['/dashboard/export?table=everything', 'table'],
    ['/dashboard/export?table=cases&to=2026-01', 'from'],
    // More than 24 months (the fuzz test found 0001-01 to 9999-12 read for minutes).
    ['/dashboard?from=2024-01&to=2026-01', 'to'],
    ['/dashboard/export?table=months&from=0001-01&to=9999-12', 'to'],
    // A field the query does not take is named by the part it came in.
    ['/dashboard?month=2026-01', 'query'],
    ['/dashboard/export?table=months&month=2026-01', 'query'],
  ])('refuses %s, naming %s', async (path, field) => {
    const { token } = await signIn('coordinator');
    const reply = await call('GET', path, { token });
    expect([reply.status, reply.body.error.details[0].path]).toEqual([400, field]);
  });
});

/** DynamoDB answers `conflict` to a transaction that lost a race: the features retry, so does this test. */
const retryUntilDone = async (write: () => Promise<string>) => {
  for (;;) {
    const outcome = await write();
    if (outcome !== 'conflict') return outcome;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
  }
};
