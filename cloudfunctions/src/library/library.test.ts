import { randomUUID } from 'node:crypto';
import { call, signIn } from '../../test/gateway';
import { backdateProgress, newMembers } from '../../test/fixtures';

/** A unique word in every title, so searches of one test see only its own materials. */
const mark = () => `试${randomUUID().slice(0, 4)}`;

const add = async (body: Record<string, unknown>) => {
  const { token } = await signIn('coordinator');
  const reply = await call('POST', '/materials', { token, body });
  expect(reply.status).toBe(201);
  return reply.body.material as { id: string; title: string };
};

const search = async (token: string, q: string) =>
  ((await call('GET', `/materials?q=${encodeURIComponent(q)}`, { token })).body.items as Array<{ id: string; progress: number }>).map(
    (item) => item.id,
  );

describe('learning library', () => {
  it('finds Chinese titles and tags by any part of them, and respects who may see what', async () => {
    const m = mark();
    const yueju = await add({
      title: `越剧唱腔入门${m}`,
      kind: 'video',
      category: '公益班',
      tags: ['戏曲', '梁祝'],
      url: 'https://example.org/yueju.mp4',
    });
    const firstAid = await add({
      title: `心肺复苏与 AED 使用${m}`,
      kind: 'video',
      category: '志愿者学院',
      tags: ['应急抢救'],
      audience: 'volunteers',
      url: 'https://example.org/cpr.mp4',
    });
    const charter = await add({ title: `党章学习笔记${m}`, kind: 'article', category: '理论学习', body: '第一章 党员……' });
    const { token: member } = await signIn('member');
    const { token: volunteer } = await signIn('volunteer');

    expect(await search(member, `唱腔 ${m}`)).toEqual([yueju.id]);
    expect(await search(member, '梁祝')).toContain(yueju.id);
    expect(await search(member, `章 ${m}`)).toEqual([charter.id]);
    expect(await search(member, m)).toEqual([charter.id, yueju.id]);
    // Volunteers only: invisible to a member, even by search or by id.
    expect(await search(member, `aed ${m}`)).toEqual([]);
    expect(await search(volunteer, `aed ${m}`)).toEqual([firstAid.id]);
    expect(await search(volunteer, `应急抢救`)).toContain(firstAid.id);
    expect((await call('GET', `/materials/${firstAid.id}`, { token: member })).status).toBe(404);
    expect(
      (await call('GET', `/materials?category=${encodeURIComponent('理论学习')}&limit=100`, { token: member })).body.items.map(
        (item: { id: string }) => item.id,
      ),
    ).toContain(charter.id);
  });

  it('keeps each member’s progress as earned: what was played, an article read to its end, a document opened; never down', async () => {
    const m = mark();
    const article = await add({ title: `亲子绘本共读指南${m}`, kind: 'article', category: '公益班', body: '共读的三个步骤' });
    const lesson = await add({ title: `越剧身段${m}`, kind: 'video', category: '公益班', url: 'https://example.org/shenduan.mp4' });
    const handout = await add({ title: `唱词讲义${m}`, kind: 'document', category: '公益班', url: 'https://example.org/changci.pdf' });
    const [reader] = await newMembers(1, 'reader');
    const report = async (id: string, body: unknown) =>
      (await call('PUT', `/materials/${id}/progress`, { token: reader!.token, body })).body;

    // An article: opening it starts the clock; its end counts once it could have been read.
    expect((await report(article.id, { event: 'opened' })).progress).toBe(0);
    expect((await report(article.id, { event: 'read_to_end' })).progress).toBe(0);
    await backdateProgress(reader!.userId, article.id, 10);
    expect((await report(article.id, { event: 'read_to_end' })).progress).toBe(100);

    // A video: a tap to the end at once earns only seconds; played for 200 s, half of 600 s counts; never down.
    expect((await report(lesson.id, { event: 'played', position: 600, duration: 600 })).progress).toBe(0);
    await backdateProgress(reader!.userId, lesson.id, 200);
    expect((await report(lesson.id, { event: 'played', position: 300, duration: 600 })).progress).toBe(50);
    expect((await report(lesson.id, { event: 'played', position: 30, duration: 600 })).progress).toBe(50);
    const wrong = await call('PUT', `/materials/${lesson.id}/progress`, { token: reader!.token, body: { event: 'read_to_end' } });
    expect([wrong.status, wrong.body.error.details[0]]).toEqual([
      400,
      { path: 'event', message: expect.stringContaining('按观看进度记录') },
    ]);

    // A document: opened is read, as its page says.
    expect((await report(handout.id, { event: 'opened' })).progress).toBe(100);
    expect((await call('GET', `/materials/${lesson.id}`, { token: reader!.token })).body.material.progress).toBe(50);
    const { token: other } = await signIn('member');
    expect((await call('GET', `/materials/${article.id}`, { token: other })).body.material.progress).toBe(0);
  });

  it.each([
    ['body', { title: '党章学习', kind: 'article', category: '理论学习' }],
    ['url', { title: '越剧视频', kind: 'video', category: '公益班' }],
    ['url', { title: '越剧视频', kind: 'video', category: '公益班', url: 'http://example.org/a.mp4' }],
    ['title', { title: '党', kind: 'article', category: '理论学习', body: '全文' }],
  ])('refuses a material with a bad %s, naming it', async (field, body) => {
    const { token } = await signIn('coordinator');
    const reply = await call('POST', '/materials', { token, body });
    expect([reply.status, reply.body.error.details[0].path]).toEqual([400, field]);
  });

  it('refuses a search longer than 30 characters, and a progress report that is not one', async () => {
    const { token } = await signIn('member');
    expect((await call('GET', `/materials?q=${'字'.repeat(31)}`, { token })).body.error.details[0].path).toBe('q');
    const material = await add({ title: `学习强国使用指南${mark()}`, kind: 'article', category: '理论学习', body: '下载与登录' });
    const progress = (body: unknown) => call('PUT', `/materials/${material.id}/progress`, { token, body });
    expect((await progress({ percent: 100 })).body.error.details[0].path).toBe('event');
    expect((await progress({ event: 'played', position: -1, duration: 60 })).body.error.details[0].path).toBe('position');
  });
});
