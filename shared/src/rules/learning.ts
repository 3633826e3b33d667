/**
 * Learning progress is earned, never tapped (docs/DOMAIN.md §2): a video or an audio counts what was
 * played (the furthest position reached over its duration, no faster than it can be played since the
 * member began), an article counts once read to its end (no sooner than it can be read), a document
 * counts once opened (the app cannot see inside another viewer, and the page says so). Progress
 * never goes down. The server decides with these rules; the page says them.
 */
export type LearningKind = 'article' | 'video' | 'document' | 'audio';

/** What the app reports: where playback got to, the article's end reached, or the material opened. */
export type ProgressEvent = { event: 'played'; position: number; duration: number } | { event: 'read_to_end' } | { event: 'opened' };

/** Players go at most this fast (WeChat's video: 2×), plus a few seconds of slack for late reports. */
export const PLAYBACK_RATE_MAX = 2;
export const PLAYBACK_SLACK_SECONDS = 5;

/** How long an article takes to read, at least: about 15 characters a second, between 3 and 60 seconds. */
export const readingSeconds = (body: string): number => Math.min(60, Math.max(3, Math.ceil(Array.from(body).length / 15)));

/** How each kind counts, in the words the material page shows. */
export const LEARNING_RULES: Record<LearningKind, string> = {
  video: '按观看进度记录：看到的最远位置 ÷ 视频总时长',
  audio: '按收听进度记录：听到的最远位置 ÷ 音频总时长',
  article: '读到文末即记为已学',
  document: '打开文档即记为已学',
};

/** Which report each kind takes. */
const EVENT_OF: Record<LearningKind, ProgressEvent['event']> = {
  video: 'played',
  audio: 'played',
  article: 'read_to_end',
  document: 'opened',
};

export type ProgressVerdict = { ok: true; progress: number } | { ok: false; message: string };

/**
 * The progress a report earns (0–100), given when the member began (their first report of this
 * material) and what they had; `opened` on a kind that counts otherwise only starts the clock.
 */
export const earnedProgress = (
  material: { kind: LearningKind; body?: string },
  report: ProgressEvent,
  { previous, startedAt, now }: { previous: number; startedAt: Date; now: Date },
): ProgressVerdict => {
  const elapsed = Math.max(0, (now.getTime() - startedAt.getTime()) / 1000);
  const expected = EVENT_OF[material.kind];
  if (report.event === 'opened' && expected !== 'opened') return { ok: true, progress: previous };
  if (report.event !== expected) return { ok: false, message: `「${LEARNING_RULES[material.kind]}」，不按此方式记录` };
  let earned = 0;
  if (report.event === 'played') {
    const reached = Math.min(report.position, report.duration, elapsed * PLAYBACK_RATE_MAX + PLAYBACK_SLACK_SECONDS);
    // The last second counts as the end: players stop a little short of the duration.
    earned = reached >= report.duration - 1 ? 100 : Math.floor((reached / report.duration) * 100);
  } else if (report.event === 'read_to_end') {
    earned = elapsed >= readingSeconds(material.body ?? '') ? 100 : 0;
  } else {
    earned = 100;
  }
  return { ok: true, progress: Math.max(previous, earned) };
};
