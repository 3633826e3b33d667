/**
 * The feed's tables. A post's counters move only with ADD inside the transaction that writes the
 * like or comment itself, so counts stay exact under concurrency; every visible change of a post
 * gets a new `rev`, which the catch-up query (index byRevision) follows.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReviewState } from '@hele/shared';
import * as z from 'zod';

import { batchGetAll, doc, isConditionFailure, transactNamed, type TransactItem } from '../lib/db';
import { newestOnIndex, type PageRequest, queryAll, queryPage } from '../lib/pagination';
import { CommentRecord, FeedMetaRecord, META_ID, PostRecord } from './records';
import { tableName } from '../lib/tables';

const posts = () => tableName('POSTS_TABLE');
const tracePartition = (traceId: string) => `trace#${traceId}`;
const TRACE_ID = '#TRACE';
const PhotoOfPost = z.object({ postActivityId: z.string(), postId: z.string(), key: z.string() });
export type PhotoOfPost = z.infer<typeof PhotoOfPost>;
const reactions = () => tableName('REACTIONS_TABLE');
const pushNonces = () => tableName('PUSH_NONCES_TABLE');
const likeSk = (userId: string) => `L#${userId}`;
const commentSk = (id: string) => `C#${id}`;
/** Post ids are ULIDs (digits and capitals): this bound leaves the #META item out of post queries. */
const FIRST_POST_ID = '0';

const postUpdate = (
  activityId: string,
  id: string,
  set: Record<string, unknown>,
  remove: string[] = [],
  pinnedWas?: boolean,
): TransactItem => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(set).map(([field, value]) => {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    return `#${field} = :${field}`;
  });
  return {
    Update: {
      TableName: posts(),
      Key: { activityId, id },
      UpdateExpression: `SET ${sets.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: `attribute_exists(id) AND attribute_not_exists(deleted)${pinnedWas === undefined ? '' : ' AND pinned = :pinnedWas'}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ...values, ...(pinnedWas === undefined ? {} : { ':pinnedWas': pinnedWas }) },
    },
  };
};

export const feedRepository = {
  async meta(activityId: string): Promise<FeedMetaRecord> {
    const { Item } = await doc.send(new GetCommand({ TableName: posts(), Key: { activityId, id: META_ID }, ConsistentRead: true }));
    return FeedMetaRecord.parse(Item ?? { activityId, id: META_ID });
  },

  async setReporters(activityId: string, reporters: string[]): Promise<FeedMetaRecord> {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: posts(),
        Key: { activityId, id: META_ID },
        UpdateExpression: 'SET reporters = :reporters',
        ExpressionAttributeValues: { ':reporters': reporters },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return FeedMetaRecord.parse(Attributes);
  },

  async setMuted(activityId: string, userId: string, muted: boolean): Promise<FeedMetaRecord> {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: posts(),
        Key: { activityId, id: META_ID },
        UpdateExpression: `${muted ? 'ADD' : 'DELETE'} muted :user`,
        ExpressionAttributeValues: { ':user': new Set([userId]) },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return FeedMetaRecord.parse(Attributes ?? { activityId, id: META_ID });
  },

  async createPost(record: PostRecord): Promise<void> {
    await doc.send(new PutCommand({ TableName: posts(), Item: record, ConditionExpression: 'attribute_not_exists(id)' }));
  },

  async getPost(activityId: string, id: string): Promise<PostRecord | undefined> {
    if (id === META_ID) return undefined;
    const { Item } = await doc.send(new GetCommand({ TableName: posts(), Key: { activityId, id }, ConsistentRead: true }));
    return Item && !Item.deleted ? PostRecord.parse(Item) : undefined;
  },

  /** Posts newest first (deleted ones are skipped, so a page may be short; the cursor goes on). */
  listPosts(activityId: string, page: PageRequest) {
    return queryPage(
      PostRecord,
      {
        TableName: posts(),
        KeyConditionExpression: 'activityId = :activity AND id >= :first',
        FilterExpression: 'attribute_not_exists(deleted)',
        ExpressionAttributeValues: { ':activity': activityId, ':first': FIRST_POST_ID },
        ScanIndexForward: false,
      },
      page,
    );
  },

  /** Every live post of a feed, oldest first (for the report: an off-path function reads it page by page). */
  allPosts: (activityId: string) =>
    queryAll(PostRecord, {
      TableName: posts(),
      KeyConditionExpression: 'activityId = :activity AND id >= :first',
      FilterExpression: 'attribute_not_exists(deleted)',
      ExpressionAttributeValues: { ':activity': activityId, ':first': FIRST_POST_ID },
    }),

  /** The key-moment timeline, newest first. */
  async keyMoments(activityId: string, limit = 20): Promise<PostRecord[]> {
    const result = await doc.send(new QueryCommand({ ...newestOnIndex(posts(), 'keyMoments', 'activityId', activityId), Limit: limit }));
    return (result.Items ?? []).map((item) => PostRecord.parse(item));
  },

  /** Posts changed after `since` (deleted ones included), oldest change first, a page at a time. */
  changes: (activityId: string, since: string | undefined, cursor?: string, limit = 100) =>
    queryPage(
      PostRecord,
      {
        TableName: posts(),
        IndexName: 'byRevision',
        KeyConditionExpression: since ? 'activityId = :activity AND rev > :since' : 'activityId = :activity',
        ExpressionAttributeValues: { ':activity': activityId, ...(since ? { ':since': since } : {}) },
        ScanIndexForward: true,
      },
      { limit, cursor },
    ),

  async latestRev(activityId: string): Promise<string | null> {
    const result = await doc.send(new QueryCommand({ ...newestOnIndex(posts(), 'byRevision', 'activityId', activityId), Limit: 1 }));
    return (result.Items?.[0]?.rev as string | undefined) ?? null;
  },

  /** Changes fields of a live post; answers the post as it is now, or undefined if it is gone. */
  async updatePost(activityId: string, id: string, set: Record<string, unknown>, remove: string[] = []): Promise<PostRecord | undefined> {
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({ ...postUpdate(activityId, id, set, remove).Update!, ReturnValues: 'ALL_NEW' }),
      );
      return PostRecord.parse(Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },

  /** Deletes a post (a tombstone stays for readers catching up) and, if it was pinned, unpins it. */
  async deletePost(post: PostRecord, rev: string, at: string) {
    return transactNamed(doc, [
      // Deleted as it was read: a pin that landed meanwhile makes the delete read again.
      {
        name: 'post',
        item: postUpdate(
          post.activityId,
          post.id,
          { deleted: true, text: '', pinned: false, rev, updatedAt: at },
          ['keyMomentKey'],
          post.pinned,
        ),
      },
      ...(post.pinned
        ? [
            {
              name: 'meta' as const,
              item: {
                Update: {
                  TableName: posts(),
                  Key: { activityId: post.activityId, id: META_ID },
                  UpdateExpression: 'REMOVE pinnedPostId',
                  ConditionExpression: 'pinnedPostId = :id',
                  ExpressionAttributeValues: { ':id': post.id },
                },
              },
            },
          ]
        : []),
    ]);
  },

  /** Pins `post` (unpinning `previous`) or unpins it: one pinned post per feed. */
  async setPinned(
    post: PostRecord,
    pinned: boolean,
    { id: previousId, post: previous }: { id?: string; post?: PostRecord },
    rev: string,
    at: string,
    previousRev?: string,
  ) {
    const key = { activityId: post.activityId, id: META_ID };
    const meta: TransactItem = pinned
      ? {
          Update: {
            TableName: posts(),
            Key: key,
            UpdateExpression: 'SET pinnedPostId = :id',
            // Conditioned on the pin as read (even one left on a post deleted meanwhile).
            ConditionExpression: previousId ? 'pinnedPostId = :previous' : 'attribute_not_exists(pinnedPostId)',
            ExpressionAttributeValues: { ':id': post.id, ...(previousId ? { ':previous': previousId } : {}) },
          },
        }
      : {
          Update: {
            TableName: posts(),
            Key: key,
            UpdateExpression: 'REMOVE pinnedPostId',
            ConditionExpression: 'pinnedPostId = :id',
            ExpressionAttributeValues: { ':id': post.id },
          },
        };
    return transactNamed(doc, [
      { name: 'meta', item: meta },
      { name: 'post', item: postUpdate(post.activityId, post.id, { pinned, rev, updatedAt: at }) },
      ...(previous && previous.id !== post.id
        ? [
            {
              name: 'previous' as const,
              item: postUpdate(previous.activityId, previous.id, { pinned: false, rev: previousRev ?? rev, updatedAt: at }),
            },
          ]
        : []),
    ]);
  },

  /** A like and the count, together; a second like by the same member is refused (`like`). */
  async like(post: PostRecord, userId: string, liked: boolean, rev: string, at: string) {
    return transactNamed(doc, [
      {
        name: 'like',
        item: liked
          ? {
              Put: {
                TableName: reactions(),
                Item: { postId: post.id, sk: likeSk(userId), userId, createdAt: at },
                ConditionExpression: 'attribute_not_exists(sk)',
              },
            }
          : {
              Delete: { TableName: reactions(), Key: { postId: post.id, sk: likeSk(userId) }, ConditionExpression: 'attribute_exists(sk)' },
            },
      },
      {
        name: 'post',
        item: {
          Update: {
            TableName: posts(),
            Key: { activityId: post.activityId, id: post.id },
            // A new revision: readers catching up get the count too.
            UpdateExpression: 'ADD likeCount :step SET rev = :rev',
            ConditionExpression: 'attribute_exists(id) AND attribute_not_exists(deleted)',
            ExpressionAttributeValues: { ':step': liked ? 1 : -1, ':rev': rev },
          },
        },
      },
    ]);
  },

  async likeCount(activityId: string, id: string): Promise<number> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: posts(), Key: { activityId, id }, ProjectionExpression: 'likeCount', ConsistentRead: true }),
    );
    return (Item?.likeCount as number | undefined) ?? 0;
  },

  /** Which of `postIds` the member likes. */
  async likedBy(userId: string, ids: string[]): Promise<Set<string>> {
    const keys = [...new Set(ids)].map((postId) => ({ postId, sk: likeSk(userId) })); // BatchGetItem refuses a key asked twice
    const likes = await batchGetAll(reactions(), keys, { ProjectionExpression: 'postId' });
    return new Set(likes.map((item) => item.postId as string));
  },

  async addComment(post: PostRecord, record: CommentRecord, rev: string) {
    return transactNamed(doc, [
      { name: 'comment', item: { Put: { TableName: reactions(), Item: record, ConditionExpression: 'attribute_not_exists(sk)' } } },
      {
        name: 'post',
        item: {
          Update: {
            TableName: posts(),
            Key: { activityId: post.activityId, id: post.id },
            UpdateExpression: 'ADD commentCount :one SET rev = :rev',
            ConditionExpression: 'attribute_exists(id) AND attribute_not_exists(deleted)',
            ExpressionAttributeValues: { ':one': 1, ':rev': rev },
          },
        },
      },
    ]);
  },

  comments(postId: string, page: PageRequest) {
    return queryPage(
      CommentRecord,
      {
        TableName: reactions(),
        KeyConditionExpression: 'postId = :post AND begins_with(sk, :comment)',
        ExpressionAttributeValues: { ':post': postId, ':comment': 'C#' },
      },
      page,
    );
  },

  /** One photo's verdict, if the photo is still in the post; answers the post as it is now. */
  async recordVerdict(activityId: string, id: string, key: string, verdict: ReviewState, note?: string): Promise<PostRecord | undefined> {
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: posts(),
          Key: { activityId, id },
          UpdateExpression: `SET checks.#key = :verdict${note ? ', reviewNote = :note' : ''}`,
          ConditionExpression: 'attribute_exists(checks.#key) AND attribute_not_exists(deleted)',
          ExpressionAttributeNames: { '#key': key },
          ExpressionAttributeValues: { ':verdict': verdict, ...(note ? { ':note': note } : {}) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return PostRecord.parse(Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },

  /** Notes the photos whose thumbnails were made (a string set: repeats do no harm). */
  async addThumbnails(activityId: string, id: string, keys: string[]): Promise<void> {
    await doc
      .send(
        new UpdateCommand({
          TableName: posts(),
          Key: { activityId, id },
          UpdateExpression: 'ADD thumbnailed :keys',
          ConditionExpression: 'attribute_exists(id)',
          ExpressionAttributeValues: { ':keys': new Set(keys) },
        }),
      )
      .catch((error) => {
        if (!isConditionFailure(error)) throw error;
      });
  },

  /** Ends a post's review once (the last verdict in decides), with a new revision readers pick up. */
  async settleReview(post: PostRecord, outcome: ReviewState, rev: string, at: string): Promise<PostRecord | undefined> {
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: posts(),
          Key: { activityId: post.activityId, id: post.id },
          UpdateExpression: 'SET review = :outcome, rev = :rev, updatedAt = :at',
          ConditionExpression: 'review = :pending AND attribute_not_exists(deleted)',
          ExpressionAttributeValues: { ':outcome': outcome, ':rev': rev, ':at': at, ':pending': 'pending' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return PostRecord.parse(Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },

  /** Which photo a WeChat trace id is about, kept beside the posts under its own partition. */
  async rememberTrace(traceId: string, photo: PhotoOfPost): Promise<void> {
    await doc.send(new PutCommand({ TableName: posts(), Item: { activityId: tracePartition(traceId), id: TRACE_ID, ...photo } }));
  },

  /** Takes a push's nonce, once: false when it was taken before. It is forgotten after `expiresAt` (epoch seconds). */
  async takePushNonce(nonce: string, expiresAt: number): Promise<boolean> {
    try {
      await doc.send(
        new PutCommand({ TableName: pushNonces(), Item: { nonce, expiresAt }, ConditionExpression: 'attribute_not_exists(nonce)' }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async releasePushNonce(nonce: string): Promise<void> {
    await doc.send(new DeleteCommand({ TableName: pushNonces(), Key: { nonce } }));
  },

  async trace(traceId: string): Promise<PhotoOfPost | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: posts(), Key: { activityId: tracePartition(traceId), id: TRACE_ID }, ConsistentRead: true }),
    );
    return Item ? PhotoOfPost.parse(Item) : undefined;
  },

  /** Hides a comment once, and takes it out of the post's count. */
  async hideComment(post: PostRecord, commentId: string, rev: string, at: string) {
    return transactNamed(doc, [
      {
        name: 'comment',
        item: {
          Update: {
            TableName: reactions(),
            Key: { postId: post.id, sk: commentSk(commentId) },
            UpdateExpression: 'SET #hidden = :true',
            ConditionExpression: 'attribute_exists(sk) AND #hidden = :false',
            ExpressionAttributeNames: { '#hidden': 'hidden' },
            ExpressionAttributeValues: { ':true': true, ':false': false },
          },
        },
      },
      {
        name: 'post',
        item: {
          Update: {
            TableName: posts(),
            Key: { activityId: post.activityId, id: post.id },
            UpdateExpression: 'ADD commentCount :minus SET rev = :rev, updatedAt = :at',
            ExpressionAttributeValues: { ':minus': -1, ':rev': rev, ':at': at },
          },
        },
      },
    ]);
  },
};

export const commentKey = commentSk;
export type FeedRepository = typeof feedRepository;
