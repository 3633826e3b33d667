/** The state of an activity's live feed (预告 → 直播中 → 已结束), and the local content check's rule. */
import { z } from 'zod';

export const FeedStateSchema = z.enum(['upcoming', 'live', 'ended']);
export type FeedState = z.infer<typeof FeedStateSchema>;

export const FEED_STATE_LABELS: Record<FeedState, string> = { upcoming: '预告', live: '直播中', ended: '已结束' };

/** A feed stays live this long after its activity ends (the coordinator's wrap-up and photos). */
export const FEED_AFTER_END_HOURS = 3;

export const feedState = (activity: { startsAt: string; endsAt: string }, now: Date, afterEndHours = FEED_AFTER_END_HOURS): FeedState => {
  if (now.getTime() < Date.parse(activity.startsAt)) return 'upcoming';
  if (now.getTime() <= Date.parse(activity.endsAt) + afterEndHours * 3600_000) return 'live';
  return 'ended';
};

/**
 * The local stage's stand-in for WeChat's msgSecCheck: a keyword list. Matching ignores spaces,
 * punctuation and letter case, so `赌 博` and `赌-博` are caught like `赌博`.
 */
export const findBlockedWord = (text: string, blocked: readonly string[]): string | undefined => {
  const squeeze = (value: string) => value.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  const plain = squeeze(text);
  return blocked.find((word) => plain.includes(squeeze(word)));
};
