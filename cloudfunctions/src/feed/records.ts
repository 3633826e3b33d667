/** What the posts, reactions and connections tables hold, and how records become the API's shapes. */
import { Comment, Post, publicByline, ReviewStateSchema, type PublicPost } from '@hele/shared';
import { ulid } from 'ulid';
import * as z from 'zod';

/** The feed's settings live beside its posts, under a key that sorts before every post id. */
export const META_ID = '#META';

export const FeedMetaRecord = z.object({
  activityId: z.string(),
  id: z.literal(META_ID),
  reporters: z.array(z.string()).default([]),
  muted: z.set(z.string()).optional(),
  pinnedPostId: z.string().optional(),
});
export type FeedMetaRecord = z.infer<typeof FeedMetaRecord>;

/** A post as stored: the API's shape, with its photos as keys (signed on the way out) and the state behind them. */
export const PostRecord = Post.omit({ images: true, review: true, likedByMe: true }).extend({
  /** Keys of the photos in the media bucket. */
  images: z.array(z.string()).optional(),
  /** The photo check: absent on posts without photos (they passed with their text). */
  review: ReviewStateSchema.optional(),
  /** Each photo's verdict so far, by key. */
  checks: z.record(z.string(), ReviewStateSchema).optional(),
  /** The photos that have a thumbnail (the others are small enough, or WebP). */
  thumbnailed: z.set(z.string()).optional(),
  /** Posted by the center's staff (a coordinator): the public page says 工作人员, never a name. */
  byStaff: z.boolean().optional(),
  /** Present (= id) only on key moments: the sparse index of the timeline. */
  keyMomentKey: z.string().optional(),
  deleted: z.boolean().optional(),
});
export type PostRecord = z.infer<typeof PostRecord>;

/** A comment as stored: the API's shape under its post, with the key that orders it and its activity. */
export const CommentRecord = Comment.extend({ sk: z.string(), activityId: z.string() });
export type CommentRecord = z.infer<typeof CommentRecord>;

/** A new post: its id is a ULID of its time (posts sort by it) and its first revision; its photos wait for their check. */
export const newPostRecord = ({
  activityId,
  text,
  images = [],
  keyMoment = false,
  author,
  at,
}: {
  activityId: string;
  text: string;
  images?: string[];
  keyMoment?: boolean;
  author: { id: string; nickname: string; staff?: boolean };
  at: Date;
}): PostRecord => {
  const id = ulid(at.getTime());
  return {
    activityId,
    id,
    text,
    ...(images.length
      ? { images, review: 'pending' as const, checks: Object.fromEntries(images.map((key) => [key, 'pending' as const])) }
      : {}),
    authorId: author.id,
    authorName: author.nickname,
    ...(author.staff ? { byStaff: true } : {}),
    keyMoment,
    ...(keyMoment ? { keyMomentKey: id } : {}),
    pinned: false,
    edited: false,
    likeCount: 0,
    commentCount: 0,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    rev: id,
  };
};

/** Where a photo's thumbnail is kept: beside it, under a name no upload can take (see ImageKey). */
export const thumbnailKeyOf = (key: string) => `${key}.thumb.jpg`;

/** The keys of some posts' photos and thumbnails, to sign links for in one go. */
export const imageKeysOf = (posts: PostRecord[]): string[] => [
  ...new Set(
    posts.flatMap((post) => (post.images ?? []).flatMap((key) => (post.thumbnailed?.has(key) ? [key, thumbnailKeyOf(key)] : [key]))),
  ),
];

export const toPost = (
  {
    keyMomentKey: _key,
    deleted: _deleted,
    checks: _checks,
    byStaff: _staff,
    thumbnailed,
    images = [],
    review = 'passed',
    ...post
  }: PostRecord,
  imageUrls: ReadonlyMap<string, string>,
  likedByMe?: boolean,
): Post => ({
  ...post,
  images: images.map((key) => {
    const url = imageUrls.get(key) ?? '';
    return { key, url, thumbnailUrl: (thumbnailed?.has(key) && imageUrls.get(thumbnailKeyOf(key))) || url };
  }),
  review,
  ...(likedByMe !== undefined ? { likedByMe } : {}),
});

export const toComment = ({ postId, id, authorId, authorName, text, hidden, createdAt }: CommentRecord): Comment => ({
  postId,
  id,
  authorId,
  authorName,
  text,
  hidden,
  createdAt,
});

/** Whether anyone may see the post: not deleted, and its photos (if any) passed the check. */
export const isApproved = (post: PostRecord): boolean => !post.deleted && (post.review ?? 'passed') === 'passed';

/** A post as the public page shows it: no author id or name (a byline), no likes or comments. */
export const toPublicPost = (post: PostRecord, imageUrls: ReadonlyMap<string, string>): PublicPost => ({
  id: post.id,
  text: post.text,
  images: (post.images ?? []).map((key) => {
    const url = imageUrls.get(key) ?? '';
    return { url, thumbnailUrl: (post.thumbnailed?.has(key) && imageUrls.get(thumbnailKeyOf(key))) || url };
  }),
  byline: publicByline(post),
  keyMoment: post.keyMoment,
  pinned: post.pinned,
  createdAt: post.createdAt,
});
