/**
 * Class series enrolment (issue #7): N members enrol at once in a series of S weekly sessions
 * (each session through the registration engine, the sessions of one enrolment in parallel),
 * beside the same N registering for one class over HTTP. Every session's invariants are checked.
 */
import { burst, type BenchContext as Context, type Row } from './lib';
import { checkRegistrationInvariants } from './registrations';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

const weekly = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const start = Date.now() + 48 * HOUR + i * WEEK;
    return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString() };
  });

const createSeries = async ({ client, coordinator }: Context, lecturerId: string, sessions: number, capacity: number) => {
  const reply = await client.request('POST', '/series', coordinator, {
    title: '压测越剧班',
    venue: '和乐党群服务中心 3 楼',
    capacity,
    lecturerIds: [lecturerId],
    sessions: weekly(sessions),
  });
  if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
  return reply.body.series as { id: string; sessionIds: string[] };
};

export const seriesBench = async (
  ctx: Context,
  { n, sessions, capacity }: { n: number; sessions: number; capacity: number },
): Promise<Row[]> => {
  const { userId: lecturerId } = await ctx.client.signIn('lecturer');
  const members = ctx.users.slice(0, n);

  // Baseline: the same members registering for one class (a series of one session).
  const [single] = (await createSeries(ctx, lecturerId, 1, capacity)).sessionIds;
  const baseline = await burst(members.length, async (i) => {
    const reply = await ctx.client.request('POST', `/activities/${single}/registrations`, members[i]!.token);
    return reply.status === 201 || `${reply.status} ${reply.body?.error?.code ?? ''}`;
  });

  const { id: seriesId, sessionIds } = await createSeries(ctx, lecturerId, sessions, capacity);
  const subject = await burst(members.length, async (i) => {
    const reply = await ctx.client.request('POST', `/series/${seriesId}/enrolment`, members[i]!.token);
    if (reply.status !== 200) return `${reply.status} ${reply.body?.error?.code ?? ''}`;
    const skipped = reply.body.items.filter((item: { outcome: string }) => item.outcome === 'skipped').length;
    return skipped === 0 || `${skipped} sessions skipped`;
  });
  if (subject.errors) console.error(`series enrolment failures: ${JSON.stringify(subject.failures)}`);
  const problems = [
    ...(await checkRegistrationInvariants(ctx, single!, members.length)),
    ...(await Promise.all(sessionIds.map((id) => checkRegistrationInvariants(ctx, id, members.length)))).flat(),
  ];
  if (problems.length) console.error(`series invariants broken: ${problems.join('; ')}`);
  return [
    {
      what: `series enrolment: ${members.length} at once in ${sessions} sessions of ${capacity} seats (drain)`,
      baseline: `${baseline.seconds.toFixed(2)} s for 1 session`,
      subject: `${subject.seconds.toFixed(2)} s for ${sessions} (${((subject.seconds / baseline.seconds / sessions) * 100).toFixed(0)}% of ${sessions}× one), ${subject.errors} errors`,
      ratio: `${(subject.seconds / baseline.seconds).toFixed(1)}×`,
      invariants: problems.length === 0 && subject.errors === 0 && baseline.errors === 0 ? 'yes' : 'no',
    },
  ];
};
