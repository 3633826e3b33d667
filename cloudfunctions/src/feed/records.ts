/** What the posts, reactions and connections tables hold, and how records become the API's shapes. */
import type { Comment, Post } from '@hele/shared';
import { z } from 'zod';

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

export const PostRecord = z.object({
  activityId: z.string(),
  id: z.string(),
  text: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  keyMoment: z.boolean(),
  /** Present (= id) only on key moments: the sparse index of the timeline. */
  keyMomentKey: z.string().optional(),
  pinned: z.boolean(),
  edited: z.boolean(),
  likeCount: z.number().int(),
  commentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rev: z.string(),
  deleted: z.boolean().optional(),
});
export type PostRecord = z.infer<typeof PostRecord>;

export const CommentRecord = z.object({
  postId: z.string(),
  sk: z.string(),
  id: z.string(),
  activityId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  text: z.string(),
  hidden: z.boolean(),
  createdAt: z.string(),
});
export type CommentRecord = z.infer<typeof CommentRecord>;

export const toPost = ({ keyMomentKey: _key, deleted: _deleted, ...post }: PostRecord, likedByMe?: boolean): Post => ({
  ...post,
  ...(likedByMe !== undefined ? { likedByMe } : {}),
});

export const toComment = ({ postId, id, authorId, authorName, text, hidden, createdAt }: CommentRecord): Comment => ({ postId, id, authorId, authorName, text, hidden, createdAt });
