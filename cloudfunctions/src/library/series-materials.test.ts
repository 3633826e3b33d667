/** Materials of a class series (公益班): who may attach them, and the series' own list. */
import { call, signIn } from '../../test/gateway';
import { backdateProgress, futureTimes, newMembers } from '../../test/fixtures';

/** A one-session series taught by the lecturers, planned through the activities feature's route. */
const newSeries = async (lecturerIds: string[]) => {
  const { token } = await signIn('coordinator');
  const reply = await call('POST', '/series', {
    token,
    body: { title: '越剧班', venue: '和乐党群服务中心 3 楼', capacity: 20, lecturerIds, sessions: [futureTimes(72)] },
  });
  if (reply.status !== 201) throw new Error(`create series failed: ${JSON.stringify(reply.body)}`);
  return reply.body.series.id as string;
};

const lecturers = async (count: number) => {
  const people = await newMembers(count, 'lecturer');
  const { token: admin } = await signIn('admin');
  await Promise.all(people.map((person) => call('PUT', `/users/${person.userId}/roles/lecturer`, { token: admin })));
  return people;
};

const material = (seriesId: string, title: string, extra: Record<string, unknown> = {}) => ({
  title,
  kind: 'article',
  category: '公益班',
  body: '唱腔要点',
  seriesId,
  ...extra,
});
const listed = async (token: string, seriesId: string) =>
  (await call('GET', `/materials?seriesId=${seriesId}`, { token })).body.items.map((item: { title: string }) => item.title);

describe('series materials', () => {
  it('lets the series’ lecturers and coordinators attach materials, and lists exactly the series’ ones', async () => {
    const [teacher, otherTeacher] = await lecturers(2);
    const [yueju, other] = await Promise.all([newSeries([teacher!.userId]), newSeries([otherTeacher!.userId])]);
    const { token: coordinator } = await signIn('coordinator');

    const first = await call('POST', '/materials', { token: teacher!.token, body: material(yueju, '第一课 越剧唱腔') });
    expect([first.status, first.body.material.seriesId]).toEqual([201, yueju]);
    const refused = await call('POST', '/materials', { token: otherTeacher!.token, body: material(yueju, '不是我的班') });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const unknown = await call('POST', '/materials', { token: coordinator, body: material('series-unknown', '没有这个班') });
    expect([unknown.status, unknown.body.error.details[0].path]).toEqual([400, 'seriesId']);
    expect((await call('POST', '/materials', { token: coordinator, body: material(yueju, '第二课 身段') })).status).toBe(201);
    expect(
      (await call('POST', '/materials', { token: coordinator, body: material(yueju, '志愿者讲义', { audience: 'volunteers' }) })).status,
    ).toBe(201);
    expect((await call('POST', '/materials', { token: otherTeacher!.token, body: material(other, '别的班') })).status).toBe(201);

    const [member] = await newMembers(1);
    expect(await listed(member!.token, yueju)).toEqual(['第二课 身段', '第一课 越剧唱腔']);
    expect(await listed(coordinator, yueju)).toEqual(['志愿者讲义', '第二课 身段', '第一课 越剧唱腔']);
    expect(await listed(member!.token, other)).toEqual(['别的班']);

    // With the member's progress, page by page.
    const read = (event: string) => call('PUT', `/materials/${first.body.material.id}/progress`, { token: member!.token, body: { event } });
    await read('opened');
    await backdateProgress(member!.userId, first.body.material.id, 5);
    await read('read_to_end');
    const firstPage = await call('GET', `/materials?seriesId=${yueju}&limit=2`, { token: coordinator });
    expect(firstPage.body.items.map((item: { title: string }) => item.title)).toEqual(['志愿者讲义', '第二课 身段']);
    const rest = await call('GET', `/materials?seriesId=${yueju}&limit=2&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`, {
      token: member!.token,
    });
    expect(rest.body.items.map((item: { title: string; progress: number }) => [item.title, item.progress])).toEqual([
      ['第一课 越剧唱腔', 100],
    ]);
    // A cursor of one series' list is no cursor of another's.
    const mixed = await call('GET', `/materials?seriesId=${other}&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`, {
      token: member!.token,
    });
    expect([mixed.status, mixed.body.error.details[0].path]).toEqual([400, 'cursor']);
  });
});
