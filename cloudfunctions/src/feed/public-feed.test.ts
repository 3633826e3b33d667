/**
 * 公开直播 and 生成报道 on the real local tables and bucket: a feed is readable without signing in only
 * once a coordinator made it public; the public reply holds approved posts only and never a member's
 * name; the report (web page and Word) is made of the key moments and the chosen photos.
 */
import JSZip from 'jszip';
import { resetEnvForTests } from '../lib/config';
import { call, signIn } from '../../test/gateway';
import { newMembers } from '../../test/fixtures';
import { holdInvocations, settledInvocations } from '../../test/lambda-endpoint';
import { jpegPhoto, underWay, uploaded } from './feed-fixtures';
import { sha256Hex } from './image-check';

const makePublic = async (activityId: string, open = true) => {
  const { token } = await signIn('coordinator');
  return call('PUT', `/activities/${activityId}/public-feed`, { token, body: { public: open } });
};
const post = (activityId: string, token: string, body: Record<string, unknown>) =>
  call('POST', `/activities/${activityId}/posts`, { token, body });
const readPublic = (activityId: string) => call('GET', `/public/activities/${activityId}/feed`);
const textsOf = (feed: { items: Array<{ text: string }> }) => feed.items.map((item) => item.text);

describe('公开直播', () => {
  afterEach(() => {
    delete process.env.IMAGE_BLOCKLIST_SHA256;
    resetEnvForTests();
  });

  it('is a 404 for an unknown feed and for one not made public, and readable by anyone once it is', async () => {
    expect((await readPublic('01UNKNOWNACTIVITY')).status).toBe(404);
    const activity = await underWay();
    const { token } = await signIn('coordinator');
    expect((await post(activity.id, token, { text: '会议开始' })).status).toBe(201);
    const closed = await readPublic(activity.id);
    expect([closed.status, closed.body.error.code]).toEqual([404, 'NOT_FOUND']);

    const opened = await makePublic(activity.id);
    expect([opened.status, opened.body.activity.publicFeed]).toEqual([200, true]);
    const feed = await readPublic(activity.id);
    expect(feed.status).toBe(200);
    expect(feed.body).toMatchObject({ state: 'live', publisher: '和乐党群服务中心', activity: { id: activity.id } });
    expect(textsOf(feed.body)).toEqual(['会议开始']);
    // The coordinator's page says it is public; a member's says nothing about it.
    const own = (await call('GET', `/activities/${activity.id}/posts`, { token })).body;
    expect(own.publicFeed).toBe(true);
    expect(own.publicUrl).toMatch(new RegExp(`/#/activity/live/index\\?id=${activity.id}$`));
    const [member] = await newMembers(1);
    expect((await call('GET', `/activities/${activity.id}/posts`, { token: member!.token })).body.publicFeed).toBeUndefined();
    // Only coordinators open it, and closing it makes it a 404 again.
    const refused = await call('PUT', `/activities/${activity.id}/public-feed`, { token: member!.token, body: { public: false } });
    expect(refused.status).toBe(403);
    expect((await makePublic(activity.id, false)).body.activity.publicFeed).toBe(false);
    expect((await readPublic(activity.id)).status).toBe(404);
    const bad = await call('PUT', `/activities/${activity.id}/public-feed`, { token, body: { public: 'yes' } });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'public']);
  });

  it('is a 404 once the activity is cancelled, and a cancelled one is not opened', async () => {
    const activity = await underWay();
    await makePublic(activity.id);
    const { token } = await signIn('coordinator');
    expect((await call('POST', `/activities/${activity.id}/cancel`, { token, body: { reason: '场地临时维修' } })).status).toBe(200);
    expect((await readPublic(activity.id)).status).toBe(404);
    const reopened = await makePublic(activity.id);
    expect([reopened.status, reopened.body.error.code]).toEqual([409, 'ACTIVITY_CANCELLED']);
  });

  it('never names an ordinary member: bylines are 工作人员 or the center, photo links carry no id, and comments stay out', async () => {
    const activity = await underWay();
    await makePublic(activity.id);
    const { token: coordinator } = await signIn('coordinator');
    const [reporter, commenter] = await newMembers(2);
    await call('PUT', `/activities/${activity.id}/reporters`, { token: coordinator, body: { userIds: [reporter!.userId] } });
    const staffPost = (await post(activity.id, coordinator, { text: '书记讲党课', keyMoment: true })).body.post;
    const photo = await uploaded(activity.id, reporter!.token, await jpegPhoto({ seed: 207 }));
    const reported = (await post(activity.id, reporter!.token, { text: '分组讨论热烈', images: [photo] })).body.post;
    expect(reported.authorName).toBe(reporter!.name); // signed-in readers see who reported
    await settledInvocations(); // the photo check
    const comment = await call('POST', `/activities/${activity.id}/posts/${staffPost.id}/comments`, {
      token: commenter!.token,
      body: { text: '讲得好' },
    });
    expect(comment.status).toBe(201);

    const feed = (await readPublic(activity.id)).body;
    expect(feed.items.map((item: { text: string; byline: string }) => [item.text, item.byline])).toEqual([
      ['分组讨论热烈', '和乐党群服务中心'],
      ['书记讲党课', '工作人员'],
    ]);
    expect(feed.keyMoments.map((item: { text: string }) => item.text)).toEqual(['书记讲党课']);
    expect(feed.items[0].images).toHaveLength(1);
    const text = JSON.stringify(feed);
    for (const secret of [reporter!.name, reporter!.userId, commenter!.name, commenter!.userId, '讲得好', '李社工'])
      expect(text).not.toContain(secret);
    expect(Object.keys(feed.items[0]).sort()).toEqual(['byline', 'createdAt', 'id', 'images', 'keyMoment', 'pinned', 'text']);
  });

  it('shows approved posts only: a post whose photo is under review or refused never appears', async () => {
    const refused = await jpegPhoto({ seed: 211 });
    process.env.IMAGE_BLOCKLIST_SHA256 = sha256Hex(refused);
    resetEnvForTests();
    const activity = await underWay();
    await makePublic(activity.id);
    const { token } = await signIn('coordinator');
    const good = await uploaded(activity.id, token, await jpegPhoto({ seed: 212 }));
    const bad = await uploaded(activity.id, token, refused);

    const queue = holdInvocations();
    expect((await post(activity.id, token, { text: '审核中的照片', images: [good], keyMoment: true })).body.post.review).toBe('pending');
    expect(textsOf((await readPublic(activity.id)).body)).toEqual([]);
    expect((await readPublic(activity.id)).body.keyMoments).toEqual([]);
    queue.release();
    await settledInvocations();
    await post(activity.id, token, { text: '违规的照片', images: [bad] });
    await settledInvocations();
    await post(activity.id, token, { text: '纯文字动态' });

    const feed = (await readPublic(activity.id)).body;
    expect(textsOf(feed)).toEqual(['纯文字动态', '审核中的照片']);
    expect(JSON.stringify(feed)).not.toContain('违规');
    // The photo comes through a signed link only: the bucket answers nobody without a signature.
    const photo = feed.items[1].images[0];
    const fetched = await fetch(photo.url);
    expect(fetched.status).toBe(200);
    expect((await fetch(photo.url.slice(0, photo.url.indexOf('?')))).status).toBe(403);
    expect(JSON.stringify(feed)).not.toContain(`"key"`);
  });
});

describe('生成报道', () => {
  it('turns the key moments and the chosen photos into a web page and a Word file, without names', async () => {
    const activity = await underWay();
    const { token } = await signIn('coordinator');
    const [reporter] = await newMembers(1);
    await call('PUT', `/activities/${activity.id}/reporters`, { token, body: { userIds: [reporter!.userId] } });
    const photo = await uploaded(activity.id, token, await jpegPhoto({ seed: 301, width: 120, height: 80 }));
    const other = await uploaded(activity.id, token, await jpegPhoto({ seed: 302 }));
    await post(activity.id, token, { text: '重温入党誓词', keyMoment: true, images: [photo] });
    await post(activity.id, reporter!.token, { text: '世界咖啡：形成 6 条措施', keyMoment: true });
    await post(activity.id, token, { text: '茶歇时间', images: [other] });
    await settledInvocations();

    const html = await call('GET', `/activities/${activity.id}/report?photos=${encodeURIComponent(photo)}`, { token });
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    const page = String(html.body);
    expect(page).toContain('关键时刻');
    expect(page.indexOf('重温入党誓词')).toBeLessThan(page.indexOf('世界咖啡：形成 6 条措施')); // in the order they happened
    expect(page).not.toContain('茶歇时间'); // neither a key moment nor a chosen photo's post
    expect(page.match(/<img src="data:image\/jpeg;base64,/g)).toHaveLength(1);
    expect(page).toContain('width="120" height="80"');
    expect(page).not.toContain(reporter!.name);
    expect(page).not.toContain('李社工');

    const word = await call('GET', `/activities/${activity.id}/report/document?photos=${encodeURIComponent(photo)}`, { token });
    expect(word.status).toBe(200);
    const zip = await JSZip.loadAsync(word.body as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('重温入党誓词');
    expect(xml).toContain('世界咖啡：形成 6 条措施');
    expect(xml).not.toContain(reporter!.name);
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
  });

  it('needs a key moment, photos of this feed, and a coordinator', async () => {
    const activity = await underWay();
    const { token } = await signIn('coordinator');
    await post(activity.id, token, { text: '会议开始' });
    const empty = await call('GET', `/activities/${activity.id}/report`, { token });
    expect([empty.status, empty.body.error.code]).toEqual([409, 'REPORT_EMPTY']);

    await post(activity.id, token, { text: '表决通过', keyMoment: true });
    const elsewhere = await underWay();
    const foreign = await uploaded(elsewhere.id, token);
    const wrong = await call('GET', `/activities/${activity.id}/report?photos=${encodeURIComponent(foreign)}`, { token });
    expect([wrong.status, wrong.body.error.details]).toEqual([400, [{ path: 'photos.0', message: '不是本场已发布的图片' }]]);
    const [member] = await newMembers(1);
    expect((await call('GET', `/activities/${activity.id}/report`, { token: member!.token })).status).toBe(403);
    expect((await call('GET', `/activities/${activity.id}/report`, { token })).status).toBe(200);
  });
});
