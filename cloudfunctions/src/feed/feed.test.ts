import { randomUUID } from 'node:crypto';
import { call, signIn } from '../../test/gateway';
import { createActivity, markAtOnce, newMembers } from '../../test/fixtures';
import { invoke } from '../../test/lambda-endpoint';
import { underWay } from './feed-fixtures';

const MINUTE = 60_000;

const post = async (activityId: string, text: string, extra: Record<string, unknown> = {}, token?: string) =>
  call('POST', `/activities/${activityId}/posts`, { token: token ?? (await signIn('coordinator')).token, body: { text, ...extra } });

/** Every post of a feed, following the cursor page by page. */
const readAll = async (activityId: string, token: string, limit = 37) => {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const reply = await call('GET', `/activities/${activityId}/posts?${query}`, { token });
    expect(reply.status).toBe(200);
    if (!cursor && reply.body.pinned) ids.push(reply.body.pinned.id);
    ids.push(...reply.body.items.map((item: { id: string }) => item.id));
    cursor = reply.body.nextCursor;
  } while (cursor);
  return ids;
};

describe('live feed', () => {
  it('shows a coordinator’s post to members, newest first, and lets only coordinators and named reporters post', async () => {
    const activity = await underWay();
    const [member, reporter] = await newMembers(2);
    expect((await post(activity.id, '组织生活会开始，重温入党誓词')).status).toBe(201);
    expect((await post(activity.id, '世界咖啡第一轮讨论')).status).toBe(201);
    const page = await call('GET', `/activities/${activity.id}/posts`, { token: member!.token });
    expect(page.body).toMatchObject({ state: 'live', mayPost: false, pinned: null });
    expect(page.body.items.map((item: { text: string }) => item.text)).toEqual(['世界咖啡第一轮讨论', '组织生活会开始，重温入党誓词']);

    const refused = await post(activity.id, '我也想发', {}, member!.token);
    expect(refused.status).toBe(403);
    const { token: coordinator } = await signIn('coordinator');
    expect(
      (await call('PUT', `/activities/${activity.id}/reporters`, { token: coordinator, body: { userIds: [reporter!.userId] } })).status,
    ).toBe(200);
    const reported = await post(activity.id, '分组讨论热烈', {}, reporter!.token);
    expect([reported.status, reported.body.post.authorName]).toEqual([201, reporter!.name]);
    // Coordinators see whom they named; nobody else does.
    expect((await call('GET', `/activities/${activity.id}/posts`, { token: coordinator })).body.reporters).toEqual([reporter!.userId]);
    expect((await call('GET', `/activities/${activity.id}/posts`, { token: reporter!.token })).body).toMatchObject({ mayPost: true });
    expect((await call('GET', `/activities/${activity.id}/posts`, { token: reporter!.token })).body.reporters).toBeUndefined();
  });

  it('pages through 1,000 posts newest first with no duplicates and no gaps', async () => {
    const activity = await underWay();
    const { token } = await signIn('coordinator');
    const created: string[] = [];
    for (let i = 0; i < 1000; i += 50) {
      const replies = await Promise.all(Array.from({ length: 50 }, (_, j) => post(activity.id, `第 ${i + j + 1} 条`, {}, token)));
      created.push(...replies.map((reply) => reply.body.post.id as string));
    }
    const read = await readAll(activity.id, token);
    expect(read).toHaveLength(1000);
    expect(new Set(read).size).toBe(1000);
    expect(read).toEqual([...created].sort().reverse());
  }, 120_000);

  it('never shows a text the content check refuses, and stores markup as plain text', async () => {
    const activity = await underWay();
    const rejected = await post(activity.id, '加群领取 赌-博 秘籍');
    expect([rejected.status, rejected.body.error.code, rejected.body.error.details[0].path]).toEqual([422, 'CONTENT_REJECTED', 'text']);
    const markup = await post(activity.id, '<script>alert(1)</script>');
    expect(markup.body.post.text).toBe('<script>alert(1)</script>');
    const { token } = await signIn('member');
    const texts = (await call('GET', `/activities/${activity.id}/posts`, { token })).body.items.map((item: { text: string }) => item.text);
    expect(texts).toEqual(['<script>alert(1)</script>']);
    const changes = await call('GET', `/activities/${activity.id}/posts/changes`, { token });
    expect(JSON.stringify(changes.body)).not.toContain('赌');
  });

  it('counts likes exactly when many members like at once, and one like per member', async () => {
    const activity = await underWay();
    const { post: target } = (await post(activity.id, '为发言的同志点赞')).body;
    const members = await newMembers(40);
    const path = `/activities/${activity.id}/posts/${target.id}/likes/me`;
    await markAtOnce(path, members, 10);
    const page = await call('GET', `/activities/${activity.id}/posts`, { token: members[0]!.token });
    expect(page.body.items[0]).toMatchObject({ likeCount: 39, likedByMe: true });
  });

  it('pins one post on top, keeps a key-moment timeline, and marks edits', async () => {
    const activity = await underWay();
    const { token } = await signIn('coordinator');
    const first = (await post(activity.id, '会议议程：重温入党誓词、世界咖啡讨论', { keyMoment: true })).body.post;
    const second = (await post(activity.id, '会议总结：形成 5 条措施')).body.post;
    await post(activity.id, '现场照片稍后上传');
    await call('POST', `/activities/${activity.id}/posts/${first.id}/pin`, { token, body: { pinned: true } });
    await call('POST', `/activities/${activity.id}/posts/${second.id}/pin`, { token, body: { pinned: true } });
    const edited = await call('PATCH', `/activities/${activity.id}/posts/${second.id}`, {
      token,
      body: { text: '会议总结：形成 6 条措施', keyMoment: true },
    });
    expect(edited.body.post).toMatchObject({ edited: true, pinned: true, keyMoment: true });

    const page = (await call('GET', `/activities/${activity.id}/posts`, { token })).body;
    expect(page.pinned).toMatchObject({ id: second.id, text: '会议总结：形成 6 条措施' });
    expect(page.items.map((item: { id: string }) => item.id)).not.toContain(second.id);
    expect(page.items.find((item: { id: string }) => item.id === first.id)).toMatchObject({ pinned: false });
    expect(page.keyMoments.map((item: { id: string }) => item.id)).toEqual([second.id, first.id]);
  });

  it('lets a reader catch up on new, edited and deleted posts from their last revision', async () => {
    const activity = await underWay();
    const { token } = await signIn('coordinator');
    const kept = (await post(activity.id, '第一条')).body.post;
    const gone = (await post(activity.id, '发错了')).body.post;
    const { latestRev } = (await call('GET', `/activities/${activity.id}/posts`, { token })).body;
    expect(latestRev).toBe(gone.rev);

    const added = (await post(activity.id, '第三条')).body.post;
    await call('PATCH', `/activities/${activity.id}/posts/${kept.id}`, { token, body: { text: '第一条（更正）' } });
    expect((await call('DELETE', `/activities/${activity.id}/posts/${gone.id}`, { token })).status).toBe(200);

    const changes = (await call('GET', `/activities/${activity.id}/posts/changes?since=${latestRev}`, { token })).body;
    const byId = new Map(changes.items.map((item: { id: string }) => [item.id, item]));
    expect(byId.get(added.id)).toMatchObject({ text: '第三条' });
    expect(byId.get(kept.id)).toMatchObject({ text: '第一条（更正）', edited: true });
    expect(byId.get(gone.id)).toMatchObject({ deleted: true });
    expect(changes.latestRev > latestRev).toBe(true);
    const list = (await call('GET', `/activities/${activity.id}/posts`, { token })).body.items.map((item: { id: string }) => item.id);
    expect(list).toEqual([added.id, kept.id]);
  });

  it('takes comments through the check, hides them for coordinators, and mutes a member for one feed', async () => {
    const activity = await underWay();
    const { token: coordinator } = await signIn('coordinator');
    const target = (await post(activity.id, '大家有什么建议？')).body.post;
    const [member, noisy] = await newMembers(2);
    const path = `/activities/${activity.id}/posts/${target.id}/comments`;
    const comment = (await call('POST', path, { token: member!.token, body: { text: '建议多开展户外拓展' } })).body.comment;
    expect((await call('POST', path, { token: member!.token, body: { text: '刷单返利找我' } })).status).toBe(422);
    const bad = (await call('POST', path, { token: noisy!.token, body: { text: '无关广告' } })).body.comment;
    await call('POST', `${path}/${bad.id}/hide`, { token: coordinator });
    await call('POST', `/activities/${activity.id}/mutes`, { token: coordinator, body: { userId: noisy!.userId } });
    const muted = await call('POST', path, { token: noisy!.token, body: { text: '再发一条' } });
    expect([muted.status, muted.body.error.code]).toEqual([403, 'MUTED']);

    expect((await call('GET', path, { token: member!.token })).body.items.map((item: { id: string }) => item.id)).toEqual([comment.id]);
    expect((await call('GET', path, { token: coordinator })).body.items).toHaveLength(2);
    const page = (await call('GET', `/activities/${activity.id}/posts`, { token: member!.token })).body;
    expect(page.items[0].commentCount).toBe(1);
    expect(page.muted).toBeUndefined();
    // The coordinator's moderation view lists whom they muted, and lifting it lets them comment again.
    const moderated = (await call('GET', `/activities/${activity.id}/posts`, { token: coordinator })).body;
    expect(moderated.muted).toEqual([{ id: noisy!.userId, nickname: noisy!.name }]);
    await call('POST', `/activities/${activity.id}/mutes`, { token: coordinator, body: { userId: noisy!.userId, muted: false } });
    expect((await call('POST', path, { token: noisy!.token, body: { text: '谢谢提醒' } })).status).toBe(201);
  });

  it('hands out long catch-ups page by page, and refuses a revision it never gave', async () => {
    const activity = await underWay();
    const { token } = await signIn('coordinator');
    const first = (await post(activity.id, '开始')).body.post;
    for (let i = 0; i < 130; i += 26)
      await Promise.all(Array.from({ length: 26 }, (_, j) => post(activity.id, `第 ${i + j} 条`, {}, token)));
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const query: string = `since=${first.rev}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await call('GET', `/activities/${activity.id}/posts/changes?${query}`, { token })).body;
      for (const item of page.items) seen.add(item.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBeGreaterThanOrEqual(130);
    const bad = await call('GET', `/activities/${activity.id}/posts/changes?since=ZZZZZZZZZZZZZZZZZZZZZZZZZZ`, { token });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'since']);
  });

  it('lets reporters pin their own posts only', async () => {
    const activity = await underWay();
    const { token: coordinator } = await signIn('coordinator');
    const [reporter] = await newMembers(1);
    await call('PUT', `/activities/${activity.id}/reporters`, { token: coordinator, body: { userIds: [reporter!.userId] } });
    const announcement = (await post(activity.id, '会议须知')).body.post;
    const mine = (await post(activity.id, '现场照片', {}, reporter!.token)).body.post;
    expect(
      (await call('POST', `/activities/${activity.id}/posts/${announcement.id}/pin`, { token: reporter!.token, body: { pinned: true } }))
        .status,
    ).toBe(403);
    await call('POST', `/activities/${activity.id}/posts/${announcement.id}/pin`, { token: coordinator, body: { pinned: true } });
    // Replacing the coordinator's pin is the coordinator's call.
    expect(
      (await call('POST', `/activities/${activity.id}/posts/${mine.id}/pin`, { token: reporter!.token, body: { pinned: true } })).status,
    ).toBe(403);
    await call('DELETE', `/activities/${activity.id}/posts/${announcement.id}`, { token: coordinator });
    expect(
      (await call('POST', `/activities/${activity.id}/posts/${mine.id}/pin`, { token: reporter!.token, body: { pinned: true } })).body.post
        .pinned,
    ).toBe(true);
  });

  it('ends by itself hours after the activity: no more posts', async () => {
    const startsAt = new Date(Date.now() - 6 * 60 * MINUTE).toISOString();
    const endsAt = new Date(Date.now() - 4 * 60 * MINUTE).toISOString();
    const past = await createActivity({ startsAt, endsAt, registrationClosesAt: startsAt, cancellationDeadline: startsAt });
    const reply = await post(past.id, '补发一条');
    expect([reply.status, reply.body.error.code]).toEqual([409, 'FEED_ENDED']);
    const { token } = await signIn('member');
    expect((await call('GET', `/activities/${past.id}/posts`, { token })).body.state).toBe('ended');
  });

  it.each([
    ['empty text', { text: '   ' }, 400, 'text'],
    ['2,001 characters', { text: '字'.repeat(2001) }, 400, 'text'],
    ['a photo key outside the feed photos', { text: '照片', images: ['feeds/x/1.jpg'] }, 400, 'images.0'],
    [
      'ten photos',
      { text: '照片', images: Array.from({ length: 10 }, (_, i) => `feed/a/u/01J00000000000000000000${String(i).padStart(3, '0')}.jpg`) },
      400,
      'images',
    ],
    ['a 3 MB text', { text: 'x'.repeat(3 * 1024 * 1024) }, 413, undefined],
  ])('refuses %s and stores nothing', async (_, body, status, field) => {
    const activity = await underWay();
    const { token } = await signIn('coordinator');
    const reply = await call('POST', `/activities/${activity.id}/posts`, { token, body });
    expect(reply.status).toBe(status);
    if (field) expect(reply.body.error.details[0].path).toBe(field);
    expect((await call('GET', `/activities/${activity.id}/posts`, { token })).body.items).toEqual([]);
  });
});

describe('live feed socket', () => {
  /** The WebSocket API's connect, as API Gateway calls feedSocket: answers the status it gives. */
  const connect = async (token: string, activityId: string) => {
    const connectionId = `test-${randomUUID()}`;
    const reply = (await invoke('feedSocket', {
      requestContext: { routeKey: '$connect', connectionId },
      queryStringParameters: { token, activityId },
    })) as { statusCode: number };
    if (reply.statusCode === 200) await invoke('feedSocket', { requestContext: { routeKey: '$disconnect', connectionId } });
    return reply.statusCode;
  };

  it('lets coordinators and admins watch a draft’s feed, as over HTTP, and no one else', async () => {
    const draft = await createActivity({ publish: false });
    const [member] = await newMembers(1);
    const [coordinator, admin] = await Promise.all([signIn('coordinator'), signIn('admin')]);
    expect((await call('GET', `/activities/${draft.id}/posts`, { token: admin.token })).status).toBe(200);
    expect(await connect(coordinator.token, draft.id)).toBe(200);
    expect(await connect(admin.token, draft.id)).toBe(200);
    expect(await connect(member!.token, draft.id)).toBe(403);
  });
});
