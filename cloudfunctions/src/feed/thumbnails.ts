/**
 * Small copies of a post's photos for the feed's grid (the full photo opens on a tap). Made by
 * feedReview, once per photo, with Jimp (pure JavaScript: the same on every Lambda architecture).
 * A file that does not decode as the photo it claims to be is no photo: the check refuses it.
 */
import { createJimp } from '@jimp/core';
import jpeg from '@jimp/js-jpeg';
import png from '@jimp/js-png';
import { methods as resize } from '@jimp/plugin-resize';
import type { MediaStorage } from '../lib/storage';
import { thumbnailKeyOf } from './records';

const Jimp = createJimp({ formats: [jpeg, png], plugins: [resize] });

/** The long side of a thumbnail, in pixels: three to a row on a phone at 3× density. */
export const THUMBNAIL_SIZE = 480;

/** `made`; `kept` when the photo is already small (or WebP, which Jimp does not read: shown as is); `unreadable`. */
export type ThumbnailOutcome = 'made' | 'kept' | 'unreadable';

export const createThumbnailer =
  (media: Pick<MediaStorage, 'read' | 'write'>) =>
  async (key: string): Promise<ThumbnailOutcome> => {
    if (!/\.(jpg|png)$/.test(key)) return 'kept';
    let image: Awaited<ReturnType<typeof Jimp.fromBuffer>>;
    try {
      image = await Jimp.fromBuffer(Buffer.from(await media.read(key)));
    } catch {
      return 'unreadable';
    }
    if (image.bitmap.width <= THUMBNAIL_SIZE && image.bitmap.height <= THUMBNAIL_SIZE) return 'kept';
    image.scaleToFit({ w: THUMBNAIL_SIZE, h: THUMBNAIL_SIZE });
    await media.write(thumbnailKeyOf(key), await image.getBuffer('image/jpeg', { quality: 80 }), 'image/jpeg');
    return 'made';
  };
