/**
 * The library's files against the real local object storage: the app asks for a presigned POST,
 * sends the file straight to the bucket, then names the key in its material.
 */
import { MATERIAL_FILE_BYTES_MAX } from '@hele/shared';
import { randomUUID } from 'node:crypto';
import { call, signIn } from '../../test/gateway';
import { newMembers } from '../../test/fixtures';
import { bytesOf, send, type Ticket } from '../feed/feed-fixtures';

const askUpload = (token: string, body: Record<string, unknown> = { contentType: 'application/pdf', fileName: '党章.pdf' }) =>
  call('POST', '/materials/uploads', { token, body });

/** Uploads bytes as the token's user; answers the ticket's key. */
const uploaded = async (token: string, contentType = 'application/pdf', bytes = bytesOf(2048)) => {
  const reply = await askUpload(token, { contentType, fileName: '资料' });
  expect(reply.status).toBe(201);
  const ticket = reply.body.upload as Ticket;
  expect((await send(ticket, bytes)).status).toBe(204);
  return ticket.key;
};

const titled = () => `文件资料${randomUUID().slice(0, 6)}`;
const found = async (token: string, title: string) =>
  (await call('GET', `/materials?q=${encodeURIComponent(title)}`, { token })).body.items;

describe('library files', () => {
  it('go from the app straight to the bucket, and open through a signed link for those allowed', async () => {
    const { token, userId } = await signIn('coordinator');
    const ticket = await askUpload(token);
    expect(ticket.status).toBe(201);
    expect(ticket.body.upload.key).toMatch(new RegExp(`^library/${userId}/[0-9A-Z]{26}\\.pdf$`));
    expect(ticket.body.upload.maxBytes).toBe(MATERIAL_FILE_BYTES_MAX.document);
    const bytes = bytesOf(4096, 11);
    expect((await send(ticket.body.upload, bytes)).status).toBe(204);

    const title = titled();
    const created = await call('POST', '/materials', {
      token,
      body: {
        title,
        kind: 'document',
        category: '志愿者学院',
        audience: 'volunteers',
        file: { key: ticket.body.upload.key, name: '急救手册.pdf' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.material.file).toEqual({
      key: ticket.body.upload.key,
      name: '急救手册.pdf',
      bytes: 4096,
      contentType: 'application/pdf',
    });
    const { id } = created.body.material;

    const { token: volunteer } = await signIn('volunteer');
    const opened = await call('GET', `/materials/${id}`, { token: volunteer });
    expect(opened.status).toBe(200);
    const file = await fetch(opened.body.material.fileUrl);
    expect([file.status, file.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    // Lists never carry links.
    const [listed] = await found(volunteer, title);
    expect([listed.id, listed.file.name, listed.fileUrl]).toEqual([id, '急救手册.pdf', undefined]);

    const [member] = await newMembers(1);
    expect((await call('GET', `/materials/${id}`, { token: member!.token })).status).toBe(404);
  });

  it('refuses a file that is not the caller’s upload, not uploaded, of another kind, or beside a link, and writes nothing', async () => {
    const { token } = await signIn('coordinator');
    const [author] = await newMembers(1);
    await call('PUT', `/users/${author!.userId}/roles/lecturer`, { token: (await signIn('admin')).token });
    const [own, others, audio] = await Promise.all([uploaded(token), uploaded(author!.token), uploaded(token, 'audio/mpeg')]);
    const neverSent = (await askUpload(token)).body.upload.key as string;

    const title = titled();
    const document = (file: unknown, extra: Record<string, unknown> = {}) => ({
      title,
      kind: 'document',
      category: '理论学习',
      file,
      ...extra,
    });
    const refusals: Array<[Record<string, unknown>, string]> = [
      [document({ key: others, name: 'a.pdf' }), 'file.key'],
      [document({ key: neverSent, name: 'a.pdf' }), 'file.key'],
      [document({ key: audio, name: 'a.mp3' }), 'file.key'],
      [document({ key: own, name: 'a.pdf' }, { url: 'https://example.org/a.pdf' }), 'file'],
      [document({ key: '../secrets/a.pdf', name: 'a.pdf' }), 'file.key'],
      [{ title, kind: 'article', category: '理论学习', body: '全文', file: { key: own, name: 'a.pdf' } }, 'file'],
    ];
    for (const [body, field] of refusals) {
      const reply = await call('POST', '/materials', { token, body });
      expect([reply.status, reply.body.error.details[0].path]).toEqual([400, field]);
    }
    expect(await found(token, title)).toEqual([]);
    // The same audio file is fine as audio.
    const asAudio = await call('POST', '/materials', {
      token,
      body: { title, kind: 'audio', category: '公益班', file: { key: audio, name: '越剧选段.mp3' } },
    });
    expect([asAudio.status, asAudio.body.material.file.contentType]).toEqual([201, 'audio/mpeg']);
  });

  it('gives tickets to authors only, for the types the library takes, within their size', async () => {
    const [member] = await newMembers(1);
    expect((await askUpload(member!.token)).status).toBe(403);
    const { token } = await signIn('lecturer');
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ contentType: 'application/x-msdownload', fileName: 'a.exe' }, 'contentType'],
      [{ contentType: 'application/pdf', fileName: 'a.pdf', size: MATERIAL_FILE_BYTES_MAX.document + 1 }, 'size'],
      [{ contentType: 'application/pdf', fileName: '../a.pdf' }, 'fileName'],
      [{ contentType: 'application/pdf' }, 'fileName'],
    ];
    for (const [body, field] of refusals) {
      const reply = await askUpload(token, body);
      expect([reply.status, reply.body.error.details[0].path]).toEqual([400, field]);
    }
    const video = await askUpload(token, {
      contentType: 'video/mp4',
      fileName: '课堂录像.mp4',
      size: MATERIAL_FILE_BYTES_MAX.document + 1,
    });
    expect([video.status, video.body.upload.key, video.body.upload.maxBytes]).toEqual([
      201,
      expect.stringMatching(/\.mp4$/),
      MATERIAL_FILE_BYTES_MAX.video,
    ]);
  });
});
