import * as z from 'zod';
import {
  FeedStateSchema,
  IMAGE_BYTES_MAX,
  IMAGE_TYPES,
  POST_IMAGES_MAX,
  REPORT_PHOTOS_MAX,
  ReviewStateSchema,
  type ImageType,
} from '../rules/feed';
import { Id, IsoDateTime, ListQuery, page, timestampFields } from './common';

export const POST_TEXT_MAX = 2000;
export const COMMENT_TEXT_MAX = 500;

/**
 * Where a photo of a feed lives in the media bucket: under its feed and its uploader's folder, named by a
 * pseudonym of the uploader in that feed (never their id: a public feed's links carry the key).
 */
export const feedImagePrefix = (activityId: string, uploaderFolder: string) => `feed/${activityId}/${uploaderFolder}/`;
export const ImageKey = z
  .string()
  .max(256)
  .regex(/^feed\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[0-9A-Z]{26}\.(jpg|png|webp)$/, '不是已上传的图片');
const PostImages = z.array(ImageKey).max(POST_IMAGES_MAX, `最多 ${POST_IMAGES_MAX} 张图片`);

/**
 * Asking to upload one image: what it is and how big, so the policy can hold it to that. A feed photo and an
 * avatar differ only in their largest size and in how the wrong type is named.
 */
export const imageUploadRequest = (maxBytes: number, typeMessage: string) =>
  z
    .object({
      contentType: z.enum(Object.keys(IMAGE_TYPES) as [ImageType, ...ImageType[]], { message: typeMessage }),
      size: z
        .number()
        .int()
        .min(1)
        .max(maxBytes, `最大 ${maxBytes / 1024 / 1024} MB`),
    })
    .strict();

/** Asking to upload one photo of a feed. */
export const UploadRequest = imageUploadRequest(IMAGE_BYTES_MAX, '图片须为 JPEG、PNG 或 WebP');
export type UploadRequest = z.infer<typeof UploadRequest>;

/** A presigned POST: send `fields` and then the file (as `file`) to `url` as multipart/form-data. */
export const UploadTicket = z.object({
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  key: ImageKey,
  maxBytes: z.number().int(),
  expiresAt: IsoDateTime,
});
export type UploadTicket = z.infer<typeof UploadTicket>;
export const UploadResponse = z.object({ upload: UploadTicket });

/** A coordinator's or reporter's post on an activity's live feed (互学互比). */
export const PostInput = z
  .object({
    text: z.string().trim().min(1, '请填写内容').max(POST_TEXT_MAX),
    images: PostImages.optional(),
    keyMoment: z.boolean().optional(),
  })
  .strict();
export type PostInput = z.infer<typeof PostInput>;

export const PostUpdate = z
  .object({
    text: z.string().trim().min(1).max(POST_TEXT_MAX).optional(),
    images: PostImages.optional(),
    keyMoment: z.boolean().optional(),
  })
  .strict()
  .refine((value) => value.text !== undefined || value.images !== undefined || value.keyMoment !== undefined, {
    path: ['text'],
    message: '请修改文字、图片或关键时刻',
  });
export type PostUpdate = z.infer<typeof PostUpdate>;

export const Post = z.object({
  id: Id,
  activityId: Id,
  text: z.string(),
  /** Photos in the order posted, each with short-lived links: the photo, and a small copy for grids. */
  images: z.array(z.object({ key: ImageKey, url: z.string(), thumbnailUrl: z.string() })),
  /** The photo check: 审核中 and refused posts reach only their author and the coordinators. */
  review: ReviewStateSchema,
  /** Why the check refused it (for the author and the coordinators). */
  reviewNote: z.string().optional(),
  authorId: Id,
  authorName: z.string(),
  keyMoment: z.boolean(),
  pinned: z.boolean(),
  /** 已编辑 */
  edited: z.boolean(),
  likeCount: z.number().int(),
  commentCount: z.number().int(),
  likedByMe: z.boolean().optional(),
  ...timestampFields,
  /** Changes with every edit, pin and delete; the catch-up cursor of a reader whose socket dropped. */
  rev: z.string(),
});
export type Post = z.infer<typeof Post>;
export const PostResponse = z.object({ post: Post });

export const FeedPage = page(Post).extend({
  state: FeedStateSchema,
  /** On the first page only: the pinned post (not repeated in `items`) and the key-moment timeline. */
  pinned: Post.nullable(),
  keyMoments: z.array(Post),
  /** The newest revision seen: poll `changes?since=` with it. */
  latestRev: z.string().nullable(),
  /** Whether the caller may post here (a coordinator or a named reporter). */
  mayPost: z.boolean(),
  /** For coordinators: whether anyone may read this feed without signing in (公开直播). */
  publicFeed: z.boolean().optional(),
  /** For coordinators, where the stage knows the H5 app's address: the public page's link, to share or embed. */
  publicUrl: z.string().optional(),
  /** For coordinators: who they named as this feed's reporters. */
  reporters: z.array(Id).optional(),
  /** For coordinators: who may not comment here (禁言). */
  muted: z.array(z.object({ id: Id, nickname: z.string() })).optional(),
});
export type FeedPage = z.infer<typeof FeedPage>;

/**
 * A post as the public page (公开直播) shows it: approved, with its photos' signed links, and a byline
 * that is never a person's name (工作人员 or the center). No likes, comments or author ids.
 */
export const PublicPost = z.object({
  id: Id,
  text: z.string(),
  images: z.array(z.object({ url: z.string(), thumbnailUrl: z.string() })),
  byline: z.string(),
  keyMoment: z.boolean(),
  pinned: z.boolean(),
  createdAt: IsoDateTime,
});
export type PublicPost = z.infer<typeof PublicPost>;

/** A public live feed: what the meeting is, then the posts newest first (the first page carries the pinned post and the key moments). */
export const PublicFeed = page(PublicPost).extend({
  activity: z.object({ id: Id, title: z.string(), venue: z.string().optional(), startsAt: IsoDateTime, endsAt: IsoDateTime }),
  state: FeedStateSchema,
  pinned: PublicPost.nullable(),
  keyMoments: z.array(PublicPost),
  /** Who speaks on the page: the center. */
  publisher: z.string(),
});
export type PublicFeed = z.infer<typeof PublicFeed>;
export const PublicFeedQuery = ListQuery;

/** 生成报道: the photos chosen for the article, as keys separated by commas (none: the article has no photos). */
export const FeedReportQuery = z.object({
  photos: z
    .string()
    .max(REPORT_PHOTOS_MAX * 260)
    .optional()
    .transform((value) => (value ? value.split(',').filter(Boolean) : []))
    .pipe(z.array(ImageKey).max(REPORT_PHOTOS_MAX, `最多选 ${REPORT_PHOTOS_MAX} 张图片`)),
});
export type FeedReportQuery = z.infer<typeof FeedReportQuery>;

export const PostChange = z.union([Post, z.object({ id: Id, rev: z.string(), deleted: z.literal(true) })]);
export type PostChange = z.infer<typeof PostChange>;
/** Changes oldest first; when `nextCursor` is set there are more: ask again with it. */
export const FeedChanges = z.object({ items: z.array(PostChange), latestRev: z.string().nullable(), nextCursor: z.string().nullable() });
export type FeedChanges = z.infer<typeof FeedChanges>;
export const FeedChangesQuery = z.object({
  since: z
    .string()
    .regex(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/, '不是本动态的版本号')
    .optional(),
  cursor: z.string().min(1).max(1024).optional(),
});

export const PostParams = z.object({ id: Id, postId: Id });
export const CommentParams = PostParams.extend({ commentId: Id });
export const PinRequest = z.object({ pinned: z.boolean() }).strict();
export const LikeResponse = z.object({ postId: Id, likeCount: z.number().int(), liked: z.boolean() });
export type LikeResponse = z.infer<typeof LikeResponse>;

export const CommentInput = z.object({ text: z.string().trim().min(1, '请填写内容').max(COMMENT_TEXT_MAX) }).strict();
export const Comment = z.object({
  id: Id,
  postId: Id,
  authorId: Id,
  authorName: z.string(),
  text: z.string(),
  hidden: z.boolean(),
  createdAt: IsoDateTime,
});
export type Comment = z.infer<typeof Comment>;
export const CommentResponse = z.object({ comment: Comment });
export const CommentPage = page(Comment);
export const FeedListQuery = ListQuery;

export const ReportersRequest = z.object({ userIds: z.array(Id).max(20) }).strict();
export const MuteRequest = z.object({ userId: Id, muted: z.boolean().default(true) }).strict();
export const FeedSettings = z.object({ activityId: Id, reporters: z.array(Id), muted: z.array(Id) });

/** What the socket pushes to everyone watching a feed. */
export const FeedEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('post'), post: Post }),
  z.object({ type: z.literal('deleted'), id: Id, rev: z.string() }),
  z.object({ type: z.literal('likes'), id: Id, likeCount: z.number().int() }),
  /** A post went into review or was refused: what each reader may see of it, they ask `changes` for. */
  z.object({ type: z.literal('review'), id: Id, rev: z.string() }),
]);
export type FeedEvent = z.infer<typeof FeedEvent>;

/** What WeChat pushes when a photo's check is done (message push in JSON, plain-text mode). */
export const MediaCheckPush = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  errcode: z.number().default(0),
  result: z.object({ suggest: z.string(), label: z.number().optional() }),
});
export type MediaCheckPush = z.infer<typeof MediaCheckPush>;

/** The signature WeChat puts on its message push (`?signature=&timestamp=&nonce=`). */
export const PushSignature = z.object({
  signature: z.string().regex(/^[0-9a-f]{40}$/),
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: z.string().min(1).max(64),
});
export type PushSignature = z.infer<typeof PushSignature>;
/** WeChat checks the push URL once with a GET that must echo `echostr`. */
export const PushUrlCheck = PushSignature.extend({ echostr: z.string().min(1).max(128) });
