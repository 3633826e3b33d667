/** The state of an activity's live feed (预告 → 直播中 → 已结束), the content checks' rules, and photos. */
import * as z from 'zod';

export const FeedStateSchema = z.enum(['upcoming', 'live', 'ended']);
export type FeedState = z.infer<typeof FeedStateSchema>;

export const FEED_STATE_LABELS: Record<FeedState, string> = { upcoming: '预告', live: '直播中', ended: '已结束' };

/**
 * Who a post is by on the public page (公开直播) and in the report: never a member's name. Posts of the
 * center's staff (coordinators) say 工作人员; everyone else's (the reporters it named) speak for the center.
 */
export const CENTER_NAME = '和乐党群服务中心';
export const STAFF_BYLINE = '工作人员';
export const publicByline = (post: { byStaff?: boolean }): string => (post.byStaff ? STAFF_BYLINE : CENTER_NAME);

/** The public page of a feed in the H5 app; `embed` renders it bare, for another site's iframe. */
export const PUBLIC_FEED_PAGE = '/activity/live/index';
export const publicFeedLink = (appOrigin: string, activityId: string, embed = false): string =>
  `${appOrigin.replace(/\/$/, '')}/#${PUBLIC_FEED_PAGE}?id=${activityId}${embed ? '&embed=1' : ''}`;

/** How often the public page asks again while the meeting runs (signed-in readers have the socket). */
export const PUBLIC_FEED_POLL_MS = 5_000;

/** At most this many photos go into a report (生成报道): a 公众号 article, and a file the API can answer. */
export const REPORT_PHOTOS_MAX = 9;

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

/** What a reader holds of a post, and what a change says about one (a newer version, or its deletion). */
interface Revised {
  id: string;
  rev: string;
  deleted?: boolean;
}

/**
 * Merges changes (from the socket or from polling, in any order, repeated or not) into the posts a
 * reader holds: per post the newest revision wins, deleted posts go, newest post first.
 */
export const mergeChanges = <P extends Revised>(
  posts: readonly P[],
  changes: ReadonlyArray<P | Revised>,
  tombstones = new Map<string, string>(),
): P[] => {
  const byId = new Map(posts.map((post) => [post.id, post]));
  for (const change of changes) {
    const known = byId.get(change.id);
    const buried = tombstones.get(change.id);
    if ((known && known.rev >= change.rev) || (buried && buried >= change.rev)) continue;
    if (change.deleted) {
      byId.delete(change.id);
      tombstones.set(change.id, change.rev);
    } else {
      byId.set(change.id, change as P);
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
};

export const POST_IMAGES_MAX = 9;
export const IMAGE_BYTES_MAX = 5 * 1024 * 1024;

/** The photo types a post takes, with the extension their keys end in. */
export const IMAGE_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type ImageType = keyof typeof IMAGE_TYPES;

const TYPE_OF_EXTENSION: Record<string, ImageType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** A photo the user picked, as `Taro.chooseImage` describes it: a weapp temp path, or on H5 a blob URL and the File. */
export interface ChosenPhoto {
  path: string;
  size: number;
  originalFileObj?: { type?: string };
}

/** The photo's type: the browser knows it (H5); on weapp the temp file's name ends in it. */
export const photoTypeOf = (photo: ChosenPhoto): ImageType | undefined => {
  const declared = photo.originalFileObj?.type;
  if (declared) return declared in IMAGE_TYPES ? (declared as ImageType) : undefined;
  const extension = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(photo.path)?.[1]?.toLowerCase();
  return extension ? TYPE_OF_EXTENSION[extension] : undefined;
};

/** Why a picked photo cannot go into a post, in the words the composer shows; undefined when it can. */
export const photoProblem = (photo: ChosenPhoto): string | undefined => {
  if (!photoTypeOf(photo)) return '只能上传 JPG、PNG 或 WebP 图片';
  if (photo.size > IMAGE_BYTES_MAX) return `图片不能超过 ${IMAGE_BYTES_MAX / 1024 / 1024} MB`;
  return undefined;
};

/**
 * Every photo is checked after the post is made (asynchronously): until all of a post's photos
 * passed it is 审核中, shown only to its author and the coordinators; one refused photo hides it.
 */
export const ReviewStateSchema = z.enum(['passed', 'pending', 'rejected']);
export type ReviewState = z.infer<typeof ReviewStateSchema>;
export const REVIEW_LABELS: Record<Exclude<ReviewState, 'passed'>, string> = { pending: '审核中', rejected: '未通过审核' };

/** A post's state from its photos' verdicts: one refusal decides, else any photo still waiting. */
export const reviewOf = (verdicts: Iterable<ReviewState>): ReviewState => {
  let state: ReviewState = 'passed';
  for (const verdict of verdicts) {
    if (verdict === 'rejected') return 'rejected';
    if (verdict === 'pending') state = 'pending';
  }
  return state;
};

/** Whether a reader sees a post: everyone once it passed; before that (or when refused) its author and the coordinators. */
export const postShownTo = (post: { authorId: string; review?: ReviewState }, reader: { id: string; coordinator: boolean }): boolean =>
  (post.review ?? 'passed') === 'passed' || post.authorId === reader.id || reader.coordinator;
