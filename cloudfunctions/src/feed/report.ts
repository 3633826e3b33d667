/**
 * 生成报道: a feed's key moments and the photos a coordinator chose, as an article for the center's
 * 公众号. Only approved posts go in, and no one's name: the center speaks. The article is then
 * written as a web page (report-html.ts) or a Word file (report-document.ts, in feedDocuments).
 */
import { CENTER_NAME, formatDate, formatDateTime, formatRange, type IMAGE_TYPES, type ImageType } from '@hele/shared';
import type { ActivitySummary } from '../domain/activities/summary';
import { ConflictError, NotFoundError, ValidationError } from '../lib/errors';
import type { MediaStorage } from '../lib/storage';
import { imageSize } from './image-size';
import { isApproved, thumbnailKeyOf, type PostRecord } from './records';
import type { FeedRepository } from './repository';

/** What the chosen photos may weigh together: the files stay well under what the API may answer (6 MB, base64). */
export const REPORT_PHOTO_BYTES_MAX = 3_000_000;

export interface ReportPhoto {
  bytes: Uint8Array;
  type: (typeof IMAGE_TYPES)[ImageType];
  width: number;
  height: number;
  caption: string;
}

export interface ReportArticle {
  headline: string;
  /** `11月28日 周六 14:00–16:30 · 和乐党群服务中心` */
  meta: string;
  lead: string;
  moments: { time: string; text: string }[];
  photos: ReportPhoto[];
  publisher: string;
}

const CAPTION_MAX = 60;
const extensionOf = (key: string) => key.slice(key.lastIndexOf('.') + 1) as ReportPhoto['type'];
const byTime = (a: PostRecord, b: PostRecord) => a.createdAt.localeCompare(b.createdAt);

export interface ReportDeps {
  feed: Pick<FeedRepository, 'allPosts'>;
  activity: (id: string) => Promise<ActivitySummary | undefined>;
  media: Pick<MediaStorage, 'read'>;
}

export const createReportService = ({ feed, activity: activityOf, media }: ReportDeps) => {
  /** A chosen photo: the small copy when the review made one (a JPEG), else the photo itself. */
  const photoOf = async (post: PostRecord, key: string, path: string): Promise<ReportPhoto> => {
    const small = post.thumbnailed?.has(key);
    const bytes = await media.read(small ? thumbnailKeyOf(key) : key);
    const size = imageSize(bytes);
    if (!size) throw ValidationError.field(path, '图片无法读取');
    const caption = post.text.length > CAPTION_MAX ? `${post.text.slice(0, CAPTION_MAX)}…` : post.text;
    return { bytes, type: small ? 'jpg' : extensionOf(key), ...size, caption };
  };

  return {
    async article(activityId: string, photoKeys: string[]): Promise<{ title: string; article: ReportArticle }> {
      const activity = await activityOf(activityId);
      if (!activity || activity.status === 'draft') throw new NotFoundError('Activity');
      const approved = (await feed.allPosts(activityId)).filter(isApproved).sort(byTime);
      const moments = approved.filter((post) => post.keyMoment);
      if (!moments.length) throw new ConflictError('REPORT_EMPTY', 'The feed has no key moments to report');
      const postOfPhoto = new Map(approved.flatMap((post) => (post.images ?? []).map((key) => [key, post] as const)));
      const problems = photoKeys.flatMap((key, index) =>
        postOfPhoto.has(key) && photoKeys.indexOf(key) === index ? [] : [{ path: `photos.${index}`, message: '不是本场已发布的图片' }],
      );
      if (problems.length) throw new ValidationError(problems);
      const photos = await Promise.all(photoKeys.map((key, index) => photoOf(postOfPhoto.get(key)!, key, `photos.${index}`)));
      if (photos.reduce((sum, photo) => sum + photo.bytes.length, 0) > REPORT_PHOTO_BYTES_MAX)
        throw ValidationError.field('photos', '所选图片合计过大，请少选几张');
      const venue = activity.venue ? `在${activity.venue}` : '';
      return {
        title: activity.title,
        article: {
          headline: activity.title,
          meta: `${formatRange(activity.startsAt, activity.endsAt)} · ${CENTER_NAME}`,
          lead: `${formatDate(activity.startsAt)}，${CENTER_NAME}${venue}举行「${activity.title}」。${activity.theme ? `本次活动的主题是「${activity.theme}」。` : ''}以下是现场的关键时刻。`,
          moments: moments.map((post) => ({ time: formatDateTime(post.createdAt).split(' ').at(-1)!, text: post.text })),
          photos,
          publisher: CENTER_NAME,
        },
      };
    },
  };
};

export type ReportService = ReturnType<typeof createReportService>;

/** `现场报道-两学一做.docx`: the title without what a file name cannot hold. */
export const reportFileName = (title: string, extension: 'html' | 'docx') =>
  `现场报道-${title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40) || '活动'}.${extension}`;
