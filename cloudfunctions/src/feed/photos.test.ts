/**
 * Photos of the live feed against the real local object storage: the app asks for a presigned POST,
 * sends the file straight to the bucket, then names the key in its post.
 */
import { IMAGE_BYTES_MAX } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { newMembers } from '../../test/fixtures';
import { settledInvocations } from '../../test/lambda-endpoint';
import { askUpload, bytesOf, jpegPhoto, send, underWay, uploaded, type Ticket } from './feed-fixtures';

describe('feed photos', () => {
  it('goes from the app straight to the bucket and shows in the post through a signed link', async () => {
    const activity = await underWay();
    const { token, userId } = await signIn('coordinator');
    const ticket = await askUpload(activity.id, token);
    expect(ticket.status).toBe(201);
    // Under the feed and a folder named for the uploader in it, not their id (links to a public feed's photos carry the key).
    const folder = ticket.body.upload.key.split('/')[2];
    expect(ticket.body.upload.key).toMatch(new RegExp(`^feed/${activity.id}/[A-Za-z0-9_-]{22}/[0-9A-Z]{26}\\.jpg$`));
    expect(ticket.body.upload.key).not.toContain(userId);
    expect((await askUpload(activity.id, token)).body.upload.key.split('/')[2]).toBe(folder);
    expect((await askUpload((await underWay()).id, token)).body.upload.key.split('/')[2]).not.toBe(folder);
    expect(ticket.body.upload.maxBytes).toBe(IMAGE_BYTES_MAX);

    const bytes = await jpegPhoto({ seed: 13 });
    expect((await send(ticket.body.upload, bytes)).status).toBe(204);
    const created = await call('POST', `/activities/${activity.id}/posts`, {
      token,
      body: { text: '重温入党誓词', images: [ticket.body.upload.key] },
    });
    expect(created.status).toBe(201);
    await settledInvocations(); // the photo check (see photo-check.test.ts)

    const [member] = await newMembers(1);
    const page = await call('GET', `/activities/${activity.id}/posts`, { token: member!.token });
    const [shown] = page.body.items[0].images;
    expect(shown.key).toBe(ticket.body.upload.key);
    const image = await fetch(shown.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(bytes);
  });

  it('holds an upload to the policy it was signed with: size, type and key', async () => {
    const activity = await underWay();
    const { token } = await signIn('coordinator');
    const ticket = (await askUpload(activity.id, token)).body.upload as Ticket;

    const tooLarge = await send(ticket, bytesOf(IMAGE_BYTES_MAX + 1));
    expect([tooLarge.status, tooLarge.text]).toEqual([400, expect.stringContaining('EntityTooLarge')]);
    const otherType = await send(ticket, bytesOf(100), { 'Content-Type': 'text/html' });
    expect([otherType.status, otherType.text]).toEqual([403, expect.stringContaining('Policy Condition failed')]);
    const otherKey = await send(ticket, bytesOf(100), { key: ticket.key.replace(/\/[^/]+$/, '/01ZZZZZZZZZZZZZZZZZZZZZZZZ.jpg') });
    expect(otherKey.status).toBe(403);
    const forgedPolicy = await send(ticket, bytesOf(100), {
      Policy: Buffer.from('{"expiration":"2999-01-01T00:00:00Z","conditions":[]}').toString('base64'),
    });
    expect([forgedPolicy.status, forgedPolicy.text]).toEqual([403, expect.stringContaining('SignatureDoesNotMatch')]);

    // Nothing of those reached the bucket: a post cannot name the key.
    const post = await call('POST', `/activities/${activity.id}/posts`, { token, body: { text: '照片', images: [ticket.key] } });
    expect([post.status, post.body.error.details]).toEqual([400, [{ path: 'images.0', message: '图片尚未上传成功' }]]);
  });

  it('refuses a form that could be read two ways: a field given twice, or after the file (400 InvalidArgument), storing nothing', async () => {
    const activity = await underWay();
    const { token } = await signIn('coordinator');
    const [ticket, other] = await Promise.all([askUpload(activity.id, token), askUpload(activity.id, token)]);
    const { fields } = ticket.body.upload as Ticket;
    const elsewhere = (other.body.upload as Ticket).key;
    const html = new Blob(['<script>alert(1)</script>'], { type: 'text/html' });
    /** Sends the parts in this order, as a crafted client would. */
    const sendParts = async (parts: Array<[string, string] | 'file'>) => {
      const form = new FormData();
      for (const part of parts) {
        if (part === 'file') form.append('file', html, 'page.html');
        else form.append(...part);
      }
      const response = await fetch(ticket.body.upload.url, { method: 'POST', body: form });
      return { status: response.status, text: await response.text() };
    };
    const own = Object.entries(fields);

    // Another key and type first, the ticket's own fields after the file.
    const smuggled = await sendParts([['key', elsewhere], ['Content-Type', 'text/html'], 'file', ...own]);
    expect([smuggled.status, smuggled.text]).toEqual([400, expect.stringContaining('<Code>InvalidArgument</Code>')]);
    const twice = await sendParts([...own, ['Key', elsewhere], 'file']);
    expect([twice.status, twice.text]).toEqual([400, expect.stringContaining('<Code>InvalidArgument</Code>')]);
    const after = await sendParts([...own, 'file', ['acl', 'public-read']]);
    expect([after.status, after.text]).toEqual([400, expect.stringContaining('<Code>InvalidArgument</Code>')]);

    // Nothing reached either key.
    const post = await call('POST', `/activities/${activity.id}/posts`, {
      token,
      body: { text: '照片', images: [elsewhere, ticket.body.upload.key] },
    });
    expect([post.status, post.body.error.details.map((detail: { path: string }) => detail.path)]).toEqual([400, ['images.0', 'images.1']]);
  });

  it('refuses photos that are not the caller’s uploads to this feed, and more than nine', async () => {
    const [activity, other] = await Promise.all([underWay(), underWay()]);
    const { token } = await signIn('coordinator');
    const [reporter] = await newMembers(1);
    await call('PUT', `/activities/${activity.id}/reporters`, { token, body: { userIds: [reporter!.userId] } });
    const [own, elsewhere, reportersOwn] = await Promise.all([
      uploaded(activity.id, token),
      uploaded(other.id, token),
      uploaded(activity.id, reporter!.token),
    ]);

    const forged = await call('POST', `/activities/${activity.id}/posts`, {
      token,
      body: { text: '照片', images: [own, elsewhere, reportersOwn, own] },
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.details).toEqual([
      { path: 'images.1', message: '不是你为本动态上传的图片' },
      { path: 'images.2', message: '不是你为本动态上传的图片' },
      { path: 'images.3', message: '该图片已在动态中' },
    ]);
    const outsideTheBucketFolder = await call('POST', `/activities/${activity.id}/posts`, {
      token,
      body: { text: '照片', images: ['../secrets/config.jpg'] },
    });
    expect([outsideTheBucketFolder.status, outsideTheBucketFolder.body.error.details[0].path]).toEqual([400, 'images.0']);
    const ten = await call('POST', `/activities/${activity.id}/posts`, { token, body: { text: '照片', images: Array(10).fill(own) } });
    expect([ten.status, ten.body.error.details[0].path]).toEqual([400, 'images']);
    // Nothing was stored by the refused posts.
    expect((await call('GET', `/activities/${activity.id}/posts`, { token })).body.items).toEqual([]);

    // The reporter's own upload goes into the reporter's post; a coordinator editing it keeps it.
    const reported = await call('POST', `/activities/${activity.id}/posts`, {
      token: reporter!.token,
      body: { text: '现场', images: [reportersOwn] },
    });
    expect(reported.status).toBe(201);
    const edited = await call('PATCH', `/activities/${activity.id}/posts/${reported.body.post.id}`, {
      token,
      body: { images: [reportersOwn, own] },
    });
    expect([edited.status, edited.body.post.edited, edited.body.post.images.map((image: { key: string }) => image.key)]).toEqual([
      200,
      true,
      [reportersOwn, own],
    ]);
  });

  it('gives upload tickets only to those who post on the feed, for photos of an allowed type and size', async () => {
    const activity = await underWay();
    const [member] = await newMembers(1);
    expect((await askUpload(activity.id, member!.token)).status).toBe(403);
    const { token } = await signIn('coordinator');
    const gif = await askUpload(activity.id, token, { contentType: 'image/gif', size: 100 });
    expect([gif.status, gif.body.error.details[0].path]).toEqual([400, 'contentType']);
    const huge = await askUpload(activity.id, token, { contentType: 'image/png', size: IMAGE_BYTES_MAX + 1 });
    expect([huge.status, huge.body.error.details[0].path]).toEqual([400, 'size']);
    const png = await askUpload(activity.id, token, { contentType: 'image/png', size: 100 });
    expect(png.body.upload.key).toMatch(/\.png$/);
  });
});
