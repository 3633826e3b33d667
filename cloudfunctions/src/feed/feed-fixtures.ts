/** What the feed's tests share: an activity under way, and photos sent the way the app sends them. */
import { createJimp } from '@jimp/core';
import jpeg from '@jimp/js-jpeg';
import { createActivity } from '../../test/fixtures';
import { call } from '../../test/gateway';

const MINUTE = 60_000;

/** An activity that started ten minutes ago: its feed is live. */
export const underWay = () => {
  const endsAt = new Date(Date.now() + 60 * MINUTE).toISOString();
  return createActivity({
    startsAt: new Date(Date.now() - 10 * MINUTE).toISOString(),
    endsAt,
    registrationClosesAt: endsAt,
    cancellationDeadline: endsAt,
  });
};

export interface Ticket {
  url: string;
  fields: Record<string, string>;
  key: string;
}

export const askUpload = (activityId: string, token: string, body: Record<string, unknown> = { contentType: 'image/jpeg', size: 2048 }) =>
  call('POST', `/activities/${activityId}/uploads`, { token, body });

/** What `Taro.uploadFile` and the H5 form do: the policy's fields, then the file, as multipart/form-data. */
export const send = async (ticket: Ticket, bytes: Uint8Array, fieldChanges: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...ticket.fields, ...fieldChanges })) form.append(name, value);
  form.append('file', new Blob([bytes], { type: fieldChanges['Content-Type'] ?? ticket.fields['Content-Type'] }), 'photo.jpg');
  const response = await fetch(ticket.url, { method: 'POST', body: form });
  return { status: response.status, text: await response.text() };
};

/** Bytes of a given size (not a decodable photo): enough for what the bucket's policy checks. */
export const bytesOf = (size: number, seed = 7) => Uint8Array.from({ length: size }, (_, i) => (i * seed) % 251);

const Jimp = createJimp({ formats: [jpeg] });

/** A real JPEG, striped so that it compresses like a photo; a different seed makes a different file (and digest). */
export const jpegPhoto = async ({ seed = 1, width = 64, height = 48 } = {}): Promise<Uint8Array> => {
  const image = new Jimp({ width, height, color: 0xffffffff });
  image.scan((x, y, index) => {
    image.bitmap.data.writeUInt32BE((((x * 7 + y * 13) * seed) & 0xffffff) * 256 + 0xff, index);
  });
  return new Uint8Array(await image.getBuffer('image/jpeg', { quality: 85 }));
};

/** Uploads a photo to the feed as the token's user; answers its key. */
export const uploaded = async (activityId: string, token: string, bytes?: Uint8Array) => {
  bytes ??= await jpegPhoto();
  const reply = await askUpload(activityId, token);
  if (reply.status !== 201) throw new Error(`no upload ticket: ${JSON.stringify(reply.body)}`);
  const ticket = reply.body.upload as Ticket;
  const sent = await send(ticket, bytes);
  if (sent.status !== 204) throw new Error(`upload refused: ${sent.text}`);
  return ticket.key;
};
