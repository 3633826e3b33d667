/**
 * The content-security check every post and comment passes before anyone else sees it. In
 * production, WeChat's msgSecCheck v2 (scene 3: social posts) for the author's openid; on the local
 * stage, a keyword list.
 */
import { findBlockedWord } from '@hele/shared';
import * as z from 'zod';
import { UpstreamError } from '../lib/errors';
import { createWeChatApi, type WeChatAppOptions } from '../lib/wechat-token';

export type Verdict = { ok: true } | { ok: false; reason: string };

export interface ContentChecker {
  check(text: string, author: { openid: string }): Promise<Verdict>;
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
    async check(text, { openid }) {
      const reply = await wechat('/wxa/msg_sec_check', { content: text, version: 2, scene: 3, openid }, CheckReply, 'The content check');
      if (reply.errcode !== 0 || !reply.result) throw new UpstreamError(`The content check failed (${reply.errcode})`);
      // `review` (needs a person) is refused too: nothing unchecked is shown to others.
      if (reply.result.suggest === 'pass') return { ok: true };
      return { ok: false, reason: refusalReason(reply.result.label) };
    },
  };
};
