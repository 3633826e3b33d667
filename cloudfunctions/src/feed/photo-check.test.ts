/**
 * The photo check, run as on AWS: the post is made, feedReview is invoked asynchronously (here by
 * the tests' Lambda endpoint) and decides. Until it has, only the author and coordinators see the post.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { createJimp } from '@jimp/core';
import jpeg from '@jimp/js-jpeg';
import { resetEnvForTests } from '../lib/config';
import { call, signIn } from '../../test/gateway';
import { newMembers } from '../../test/fixtures';
import { holdInvocations, settledInvocations } from '../../test/lambda-endpoint';
import { startWeChatStandIn } from '../../test/wechat-stand-in';
import { bytesOf, jpegPhoto, underWay, uploaded } from './feed-fixtures';
import { createMediaCheckAsync, pushSignature, sha256Hex } from './image-check';
import { createFeedService } from './service';
import { feedDeps } from './wiring';

const textsFor = async (activityId: string, token: string) =>
  ((await call('GET', `/activities/${activityId}/posts`, { token })).body.items as Array<{ text: string }>).map((post) => post.text);

const postWithPhoto = async (text: string, bytes?: Uint8Array) => {
  const activity = await underWay();
  const { token } = await signIn('coordinator');
  const key = await uploaded(activity.id, token, bytes);
  const created = await call('POST', `/activities/${activity.id}/posts`, { token, body: { text, images: [key] } });
  expect(created.status).toBe(201);
  return { activity, token, key, post: created.body.post };
};

describe('photo check', () => {
  afterEach(() => {
    delete process.env.IMAGE_BLOCKLIST_SHA256;
    resetEnvForTests();
  });

  it('keeps a post 审核中 for everyone but its author and the coordinators until its photos passed', async () => {
    const [member] = await newMembers(1);
    const queue = holdInvocations();
    const { activity, token, post } = await postWithPhoto('分组讨论现场');
    expect(post.review).toBe('pending');
    expect(await textsFor(activity.id, member!.token)).toEqual([]);
    expect(await textsFor(activity.id, token)).toEqual(['分组讨论现场']);
    // Catching up does not give it away either, nor may it be liked.
    const changes = (await call('GET', `/activities/${activity.id}/posts/changes`, { token: member!.token })).body.items;
    expect(changes).toEqual([{ id: post.id, rev: post.rev, deleted: true }]);
    expect((await call('PUT', `/activities/${activity.id}/posts/${post.id}/likes/me`, { token: member!.token })).status).toBe(404);

    queue.release();
    await settledInvocations();
    const page = (await call('GET', `/activities/${activity.id}/posts`, { token: member!.token })).body;
    expect(page.items.map((item: { text: string; review: string }) => [item.text, item.review])).toEqual([['分组讨论现场', 'passed']]);
    const caughtUp = (await call('GET', `/activities/${activity.id}/posts/changes?since=${post.rev}`, { token: member!.token })).body.items;
    expect(caughtUp).toEqual([expect.objectContaining({ id: post.id, review: 'passed' })]);
  });

  it('hides a post with a refused photo from everyone but its author and tells the author why', async () => {
    const refused = await jpegPhoto({ seed: 97 });
    process.env.IMAGE_BLOCKLIST_SHA256 = `0000,${sha256Hex(refused)}`;
    resetEnvForTests();
    const [member] = await newMembers(1);
    const { activity, token, post } = await postWithPhoto('不该出现的图片', refused);
    await settledInvocations();

    expect(await textsFor(activity.id, member!.token)).toEqual([]);
    const own = (await call('GET', `/activities/${activity.id}/posts`, { token })).body.items[0];
    expect(own).toMatchObject({ id: post.id, review: 'rejected', reviewNote: '图片含有违规内容' });
    const inbox = (await call('GET', '/me/messages', { token })).body.items;
    expect(inbox[0]).toMatchObject({ kind: 'post_refused', title: '现场动态未通过审核', activityId: activity.id });
    expect(inbox[0].body).toContain('图片含有违规内容');

    // Taking the refused photo out shows the post again.
    const edited = await call('PATCH', `/activities/${activity.id}/posts/${post.id}`, { token, body: { images: [] } });
    expect([edited.status, edited.body.post.review, edited.body.post.reviewNote]).toEqual([200, 'passed', undefined]);
    expect(await textsFor(activity.id, member!.token)).toEqual(['不该出现的图片']);
  });

  it('makes a small copy of a large photo for the grid, and refuses a file that is no photo', async () => {
    const [member] = await newMembers(1);
    const { activity, post } = await postWithPhoto('合影', await jpegPhoto({ seed: 5, width: 1600, height: 1200 }));
    await settledInvocations();
    const [image] = (await call('GET', `/activities/${activity.id}/posts`, { token: member!.token })).body.items[0].images;
    expect(image.key).toBe(post.images[0].key);
    expect(new URL(image.thumbnailUrl).pathname).toBe(`${new URL(image.url).pathname}.thumb.jpg`);
    const [full, small] = await Promise.all([fetch(image.url), fetch(image.thumbnailUrl)]);
    const [fullBytes, smallBytes] = await Promise.all([full.arrayBuffer(), small.arrayBuffer()]);
    expect(small.headers.get('content-type')).toBe('image/jpeg');
    expect(smallBytes.byteLength).toBeLessThan(fullBytes.byteLength / 4);
    const thumbnail = await createJimp({ formats: [jpeg] }).fromBuffer(Buffer.from(smallBytes));
    expect([thumbnail.bitmap.width, thumbnail.bitmap.height]).toEqual([480, 360]);

    // A small photo is its own thumbnail.
    const small2 = await postWithPhoto('小图', await jpegPhoto({ seed: 6 }));
    await settledInvocations();
    const [own] = (await call('GET', `/activities/${small2.activity.id}/posts`, { token: small2.token })).body.items[0].images;
    expect(own.thumbnailUrl).toBe(own.url);

    // Bytes sent as a JPEG that are none.
    const fake = await postWithPhoto('假图片', bytesOf(4096));
    await settledInvocations();
    expect(await textsFor(fake.activity.id, member!.token)).toEqual([]);
    const refused = (await call('GET', `/activities/${fake.activity.id}/posts`, { token: fake.token })).body.items[0];
    expect(refused).toMatchObject({ review: 'rejected', reviewNote: '不是可以识别的图片文件' });
  });

  describe('with WeChat (mediaCheckAsync and its pushed verdicts)', () => {
    let wechat: Awaited<ReturnType<typeof startWeChatStandIn>>;
    // WeChat answers each photo sent to the check with a trace id; its verdict comes later, by push.
    beforeAll(async () => {
      wechat = await startWeChatStandIn(() => ({ errcode: 0, errmsg: 'ok', trace_id: `trace-${randomUUID()}` }));
    });
    afterAll(() => wechat.close());
    const submitted = () => wechat.calls.filter((call) => call.path === '/wxa/media_check_async');

    /** A post whose photos went to the (stand-in) WeChat check; answers what was sent for each. */
    const submittedToWeChat = async (photos: number) => {
      const queue = holdInvocations();
      const activity = await underWay();
      const { token } = await signIn('coordinator');
      const keys = await Promise.all(
        Array.from({ length: photos }, async (_, i) => uploaded(activity.id, token, await jpegPhoto({ seed: 11 + i }))),
      );
      const { post } = (await call('POST', `/activities/${activity.id}/posts`, { token, body: { text: '讲党课', images: keys } })).body;
      queue.discard(); // the local check never runs: WeChat's does
      const before = submitted().length;
      const service = createFeedService({
        ...feedDeps(),
        imageChecker: createMediaCheckAsync({ appId: 'wx1', appSecret: async () => 's', apiBase: wechat.apiBase }),
      });
      await service.review(activity.id, post.id);
      const sent = submitted().slice(before);
      return {
        activity,
        post,
        token,
        keys,
        sent: sent.map((call) => call.body),
        traces: sent.map((call) => call.reply.trace_id as string),
      };
    };

    /** WeChat's query on a push: a new nonce each time, the time now unless `secondsOff` moves it. */
    const signed = (token = 'local-stage-push-token', secondsOff = 0) => {
      const timestamp = String(Math.floor(Date.now() / 1000) + secondsOff);
      const nonce = String(randomInt(1e9));
      return `signature=${pushSignature(token, timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}`;
    };
    const pushVerdict = (traceId: string, suggest: string, label = 100, query = signed()) =>
      call('POST', `/wechat/media-check?${query}`, {
        body: {
          ToUserName: 'gh_1',
          FromUserName: 'o',
          CreateTime: 1,
          MsgType: 'event',
          Event: 'wxa_media_check',
          appid: 'wx1',
          trace_id: traceId,
          version: 2,
          errcode: 0,
          result: { suggest, label },
        },
      });

    it('sends each photo by a signed link and shows the post once every pushed verdict passed', async () => {
      const [member] = await newMembers(1);
      const { activity, keys, sent, traces } = await submittedToWeChat(2);
      expect(
        sent.map(({ media_type, version, scene }: { media_type: number; version: number; scene: number }) => [media_type, version, scene]),
      ).toEqual([
        [2, 2, 3],
        [2, 2, 3],
      ]);
      expect(sent.map((request: { media_url: string }) => new URL(request.media_url).pathname).sort()).toEqual(
        keys.map((key) => `/${process.env.MEDIA_BUCKET}/${key}`).sort(),
      );
      expect(new URL(sent[0]!.media_url).searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);

      const first = await pushVerdict(traces[0]!, 'pass');
      expect([first.status, first.body]).toEqual([200, 'success']);
      expect(await textsFor(activity.id, member!.token)).toEqual([]);
      await pushVerdict(traces[1]!, 'pass');
      expect(await textsFor(activity.id, member!.token)).toEqual(['讲党课']);
      // WeChat repeats a push it thinks was lost (signed anew): nothing changes.
      expect((await pushVerdict(traces[1]!, 'pass')).status).toBe(200);
      expect(await textsFor(activity.id, member!.token)).toEqual(['讲党课']);
    });

    it('takes a signed push once, and only within five minutes of its timestamp', async () => {
      const [member] = await newMembers(1);
      const { activity, traces } = await submittedToWeChat(2);
      // Signed four minutes ago: still fresh, taken.
      const query = signed(undefined, -4 * 60);
      const first = await pushVerdict(traces[0]!, 'pass', 100, query);
      expect([first.status, first.body]).toEqual([200, 'success']);

      // The same signed URL again (leaked, or replayed), with another trace: refused in the error shape.
      const replayed = await pushVerdict(traces[1]!, 'pass', 100, query);
      expect([replayed.status, replayed.body.error.code]).toEqual([403, 'FORBIDDEN']);
      // Signed six minutes ago, or six minutes ahead: refused too.
      const stale = await pushVerdict(traces[1]!, 'pass', 100, signed(undefined, -6 * 60));
      expect([stale.status, stale.body.error.code]).toEqual([403, 'FORBIDDEN']);
      expect((await pushVerdict(traces[1]!, 'pass', 100, signed(undefined, 6 * 60))).status).toBe(403);
      expect(await textsFor(activity.id, member!.token)).toEqual([]);

      const fresh = await pushVerdict(traces[1]!, 'pass', 100, signed());
      expect([fresh.status, fresh.body]).toEqual([200, 'success']);
      expect(await textsFor(activity.id, member!.token)).toEqual(['讲党课']);

      // The URL check, too, is answered once per signature.
      const check = signed();
      expect((await call('GET', `/wechat/media-check?${check}&echostr=once`)).status).toBe(200);
      expect((await call('GET', `/wechat/media-check?${check}&echostr=once`)).status).toBe(403);
    });

    it('hides the post when WeChat finds a photo risky, with WeChat’s reason', async () => {
      const [member] = await newMembers(1);
      const { activity, post, token, traces } = await submittedToWeChat(1);
      await pushVerdict(traces[0]!, 'risky', 20002);
      expect(await textsFor(activity.id, member!.token)).toEqual([]);
      const own = (await call('GET', `/activities/${activity.id}/posts`, { token })).body.items[0];
      expect(own).toMatchObject({ id: post.id, review: 'rejected', reviewNote: '内容未通过安全检查（色情）' });
    });

    it('refuses pushes WeChat did not sign, and answers its URL check only when signed', async () => {
      const forged = await pushVerdict('trace-x', 'pass', 100, signed('guessed'));
      expect(forged.status).toBe(403);
      const unsigned = await call('POST', '/wechat/media-check', {
        body: { Event: 'wxa_media_check', trace_id: 't', result: { suggest: 'pass' } },
      });
      expect([unsigned.status, unsigned.body.error.details[0].path]).toEqual([400, 'signature']);
      const echoed = await call('GET', `/wechat/media-check?${signed()}&echostr=hello-wechat`);
      expect([echoed.status, echoed.body]).toEqual([200, 'hello-wechat']);
      expect((await call('GET', `/wechat/media-check?${signed('guessed')}&echostr=x`)).status).toBe(403);
    });
  });
});
