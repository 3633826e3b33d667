/**
 * The photo check. Every photo of a post is checked after the post is made: in production by
 * WeChat's mediaCheckAsync v2, whose verdict arrives later as a push to our callback route (matched
 * by its trace id); on the local stage by a list of SHA-256 digests of refused files, at once.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MediaCheckPush, PushSignature } from '@hele/shared';
import * as z from 'zod';
import { UpstreamError } from '../lib/errors';
import { createWeChatApi, type WeChatAppOptions } from '../lib/wechat-token';
import { refusalReason } from '../lib/content-check';

/** A verdict known now, or the trace id of one WeChat will push. */
export type ImageCheckResult = { key: string; verdict: 'passed' | 'rejected'; reason?: string } | { key: string; traceId: string };

export interface ImageChecker {
  submit(images: ReadonlyArray<{ key: string; url: string }>, author: { openid: string }): Promise<ImageCheckResult[]>;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The local stage's stand-in: a photo whose digest is listed is refused. */
export const digestBlocklistChecker = ({
  read,
  blocked,
}: {
  read: (key: string) => Promise<Uint8Array>;
  blocked: () => ReadonlySet<string>;
}): ImageChecker => ({
  async submit(images) {
    return Promise.all(
      images.map(async ({ key }) =>
        blocked().has(sha256Hex(await read(key)))
          ? { key, verdict: 'rejected' as const, reason: '图片含有违规内容' }
          : { key, verdict: 'passed' as const },
      ),
    );
  },
});

const SubmitReply = z.object({ errcode: z.number().default(0), errmsg: z.string().optional(), trace_id: z.string().optional() });

/** WeChat fetches each photo from its signed link and checks it for the author (scene 3: social posts). */
export const createMediaCheckAsync = (options: WeChatAppOptions): ImageChecker => {
  const wechat = createWeChatApi(options);
  return {
    async submit(images, { openid }) {
      return Promise.all(
        images.map(async ({ key, url }) => {
          const reply = await wechat(
            '/wxa/media_check_async',
            { media_url: url, media_type: 2, version: 2, scene: 3, openid },
            SubmitReply,
            'The photo check',
          );
          if (reply.errcode !== 0 || !reply.trace_id) throw new UpstreamError(`The photo check refused the request (${reply.errcode})`);
          return { key, traceId: reply.trace_id };
        }),
      );
    },
  };
};

/** `review` (a person must look) is refused too: nothing unchecked is shown to others. */
export const verdictOfPush = (push: MediaCheckPush): { verdict: 'passed' | 'rejected'; reason?: string } =>
  push.errcode === 0 && push.result.suggest === 'pass'
    ? { verdict: 'passed' }
    : { verdict: 'rejected', reason: refusalReason(push.result.label) };

/** WeChat signs a push with the token set in its console: sha1 of token, timestamp and nonce, sorted. */
export const pushSignature = (token: string, timestamp: string, nonce: string) =>
  createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');

export const isSignedPush = (token: string, { signature, timestamp, nonce }: PushSignature): boolean =>
  token.length > 0 && timingSafeEqual(Buffer.from(pushSignature(token, timestamp, nonce)), Buffer.from(signature));

/** How far a push's timestamp may be from our clock: the signature covers it, so an old signed URL goes stale. */
export const PUSH_WINDOW_SECONDS = 5 * 60;

export const isFreshPush = ({ timestamp }: PushSignature, now: Date): boolean =>
  Math.abs(now.getTime() / 1000 - Number(timestamp)) <= PUSH_WINDOW_SECONDS;
