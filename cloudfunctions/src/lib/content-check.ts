/**
 * The content-security check every text a person writes for others to read passes first: a post, a
 * comment, an idea on a meeting's board, a measure's note, an offer in the resource directory, a nickname.
 * In production, WeChat's msgSecCheck v2 for the author's openid, in the scene where the text appears; on
 * the local stage, a keyword list.
 */
import { findBlockedWord } from '@hele/shared';
import * as z from 'zod';
import { env } from './config';
import { HttpError, UpstreamError } from './errors';
import { loadUser } from './principal';
import { createWeChatApi, stageWeChatApp, type WeChatAppOptions } from './wechat-token';

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Where a text is shown, as msgSecCheck v2 numbers its scenes (each has its own rules). */
export const TextScene = { PROFILE: 1, COMMENT: 2, FORUM: 3 } as const;
export type TextScene = (typeof TextScene)[keyof typeof TextScene];

export interface ContentChecker {
  check(text: string, author: { openid: string }, scene: TextScene): Promise<Verdict>;
}

/** What the local stage refuses; enough to show the path a refused text takes. */
export const LOCAL_BLOCKED_WORDS = ['赌博', '博彩', '色情', '毒品', '代开发票', '刷单返利'];

export const keywordChecker = (words: readonly string[] = LOCAL_BLOCKED_WORDS): ContentChecker => ({
  async check(text) {
    const hit = findBlockedWord(text, words);
    return hit ? { ok: false, reason: `含有不当内容「${hit}」` } : { ok: true };
  },
});

const CheckReply = z.object({
  errcode: z.number().default(0),
  errmsg: z.string().optional(),
  result: z.object({ suggest: z.string(), label: z.number().optional() }).optional(),
});

/** WeChat's own wording of the labels a refusal may carry. */
const LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
};

/** Why WeChat refused a text or a photo, in its own words. */
export const refusalReason = (label = 21000) => `内容未通过安全检查（${LABELS[label] ?? '其他'}）`;

export const createMsgSecCheck = (options: WeChatAppOptions): ContentChecker => {
  const wechat = createWeChatApi(options);
  return {
    async check(text, { openid }, scene) {
      const reply = await wechat('/wxa/msg_sec_check', { content: text, version: 2, scene, openid }, CheckReply, 'The content check');
      if (reply.errcode !== 0 || !reply.result) throw new UpstreamError(`The content check failed (${reply.errcode})`);
      // `review` (needs a person) is refused too: nothing unchecked is shown to others.
      if (reply.result.suggest === 'pass') return { ok: true };
      return { ok: false, reason: refusalReason(reply.result.label) };
    },
  };
};

/**
 * The check of this stage: WeChat's where the stage has an app, else the keyword list. Chosen at the first text, not
 * when a handler's module loads (its configuration is read then, as everywhere: lib/config).
 */
export const stageContentChecker = (): ContentChecker => {
  let chosen: ContentChecker | undefined;
  return {
    check(text, author, scene) {
      if (!chosen) {
        const wechat = stageWeChatApp(env());
        chosen = wechat ? createMsgSecCheck(wechat) : keywordChecker();
      }
      return chosen.check(text, author, scene);
    },
  };
};

/**
 * What `authorId` wrote for others, field by field (a field left out or empty is skipped), checked with one read of
 * the author; any refused is a 422 CONTENT_REJECTED naming each refused field with its reason.
 */
export const requirePassing = async (
  checker: ContentChecker,
  authorId: string,
  scene: TextScene,
  texts: Record<string, string | undefined>,
) => {
  const written = Object.entries(texts).filter((entry): entry is [string, string] => !!entry[1]);
  if (!written.length) return;
  const author = { openid: (await loadUser(authorId))?.openid ?? '' };
  const verdicts = await Promise.all(written.map(async ([path, text]) => ({ path, verdict: await checker.check(text, author, scene) })));
  const refused = verdicts.flatMap(({ path, verdict }) => (verdict.ok ? [] : [{ path, message: verdict.reason }]));
  if (refused.length) throw new HttpError('CONTENT_REJECTED', 'The text did not pass the content check', refused);
};
