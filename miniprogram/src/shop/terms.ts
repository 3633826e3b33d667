/** A reward's terms as the catalogue and the reward's page say them: stock and the per-member limit, then its window. */
import { formatDateTime, type Reward } from '@hele/shared';

export const rewardTerms = (reward: Reward): string =>
  `${reward.stock > 0 ? `剩余 ${reward.stock} 份` : '已兑完'} · 每人限 ${reward.perUserLimit} 份`;

/** When a reward opens and closes, as far as it matters now; nothing for one always open. */
export const rewardWindow = (reward: Reward, now = new Date()): string | undefined => {
  const parts: string[] = [];
  if (reward.availableFrom && Date.parse(reward.availableFrom) > now.getTime()) parts.push(`${formatDateTime(reward.availableFrom)} 开始`);
  if (reward.availableUntil) {
    parts.push(Date.parse(reward.availableUntil) <= now.getTime() ? '已截止' : `${formatDateTime(reward.availableUntil)} 截止`);
  }
  return parts.length ? parts.join(' · ') : undefined;
};
