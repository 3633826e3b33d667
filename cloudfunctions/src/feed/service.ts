/**
 * Live feeds (互学互比): coordinators and the reporters they name post while an activity runs;
 * members read, like and comment. Every text passes the content check before anyone sees it.
 * Each change is pushed to the feed's watchers and gets a revision readers can catch up from.
 */
import {
  CENTER_NAME,
  feedImagePrefix,
  feedState,
  hasAnyRole,
  IMAGE_BYTES_MAX,
  IMAGE_TYPES,
  postShownTo,
  publicFeedLink,
  reviewOf,
  Role,
  type FeedChanges,
  type FeedEvent,
  type FeedPage,
  type LikeResponse,
  type PostInput,
  type PostUpdate,
  type PublicFeed,
  type ReviewState,
  type UploadRequest,
  type UploadTicket,
} from '@hele/shared';
import { decodeTime, encodeTime, ulid } from 'ulid';
import type { ActivitySummary } from '../domain/activities/summary';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import { settled } from '../lib/retry';
import { loadUser, type Principal } from '../lib/principal';
import { pseudonym } from '../lib/session';
import type { NewMessage } from '../domain/inbox';
import type { MediaStorage } from '../lib/storage';
import type { Broadcaster } from './connections';
import { requirePassing, TextScene, type ContentChecker } from '../lib/content-check';
import type { MediaCheckPush, PushSignature } from '@hele/shared';
import { isFreshPush, isSignedPush, PUSH_WINDOW_SECONDS, verdictOfPush, type ImageChecker } from './image-check';
import type { ThumbnailOutcome } from './thumbnails';
import {
  imageKeysOf,
  isApproved,
  newPostRecord,
  toComment,
  toPost,
  toPublicPost,
  type CommentRecord,
  type FeedMetaRecord,
  type PostRecord,
} from './records';
import { commentKey, type FeedRepository } from './repository';

export interface FeedDeps {
  feed: FeedRepository;
  activity: (id: string) => Promise<ActivitySummary | undefined>;
  checker: ContentChecker;
  broadcaster: Broadcaster;
  media: MediaStorage;
  imageChecker: ImageChecker;
  /** Makes a photo's thumbnail; only feedReview has it (the image library stays out of the other bundles). */
  thumbnails?: (key: string) => Promise<ThumbnailOutcome>;
  /** Has the post's photos checked without waiting (another function, invoked asynchronously). */
  requestReview: (post: { activityId: string; postId: string }) => Promise<void>;
  /** The token WeChat signs its pushes with. */
  pushToken: () => Promise<string>;
  notify: (message: NewMessage) => Promise<unknown>;
  afterEndHours: number;
  /** The H5 app's address (the public page's link is shown to coordinators); empty where the stage has none. */
  appOrigin?: string;
  now?: () => Date;
}

/** Readers catching up ask again for this much before their last revision: writes commit out of order. */
export const CATCH_UP_OVERLAP_MS = 5_000;

const isCoordinator = (caller: Principal) => hasAnyRole(caller.roles, [Role.COORDINATOR]);

export const createFeedService = ({
  feed,
  activity: activityOf,
  checker,
  broadcaster,
  media,
  imageChecker,
  thumbnails,
  requestReview,
  pushToken,
  notify,
  afterEndHours,
  appOrigin = '',
  now = () => new Date(),
}: FeedDeps) => {
  /**
   * The signature is WeChat's only credential and covers no body, so a signed URL that leaks must not
   * stay good: its timestamp must be within minutes of ours and its nonce new. The nonce is given back
   * when `apply` fails, so that WeChat's retry of the same push is not refused.
   */
  const takePush = async (signature: PushSignature, apply: () => Promise<void>) => {
    if (!isSignedPush(await pushToken(), signature)) throw new ForbiddenError('The push is not signed by WeChat');
    if (!isFreshPush(signature, now())) throw new ForbiddenError('The push is not recent: its timestamp is too far from now');
    const forgetAt = Number(signature.timestamp) + 2 * PUSH_WINDOW_SECONDS;
    if (!(await feed.takePushNonce(signature.nonce, forgetAt))) throw new ForbiddenError('The push was received before');
    try {
      await apply();
    } catch (error) {
      await feed.releasePushNonce(signature.nonce);
      throw error;
    }
  };

  /** The activity, if the caller may see it: published ones for everyone, drafts for coordinators. */
  const visibleActivity = async (activityId: string, caller: Principal) => {
    const activity = await activityOf(activityId);
    if (!activity || (activity.status === 'draft' && !isCoordinator(caller))) throw new NotFoundError('Activity');
    return activity;
  };
  const mayPost = (caller: Principal, meta: FeedMetaRecord) => isCoordinator(caller) || meta.reporters.includes(caller.id);
  const requirePoster = async (activityId: string, caller: Principal) => {
    const [activity, meta] = await Promise.all([visibleActivity(activityId, caller), feed.meta(activityId)]);
    if (!mayPost(caller, meta)) throw new ForbiddenError('Only coordinators and this feed’s reporters post here');
    return { activity, meta };
  };
  const mutedUsers = async (meta: FeedMetaRecord) =>
    Promise.all([...(meta.muted ?? [])].map(async (id) => ({ id, nickname: (await loadUser(id))?.nickname ?? id })));
  const reader = (caller: Principal) => ({ id: caller.id, coordinator: isCoordinator(caller) });
  /** A post the caller may see (one under review or refused only its author and the coordinators do). */
  const requirePost = async (activityId: string, postId: string, caller: Principal) => {
    const post = await feed.getPost(activityId, postId);
    if (!post || !postShownTo(post, reader(caller))) throw new NotFoundError('Post');
    return post;
  };
  /** Authors change their own posts; coordinators change any. */
  const requireOwnPost = async (activityId: string, postId: string, caller: Principal) => {
    const { meta } = await requirePoster(activityId, caller);
    const post = await requirePost(activityId, postId, caller);
    if (post.authorId !== caller.id && !isCoordinator(caller)) throw new ForbiddenError('Only the author or a coordinator changes a post');
    return { post, meta };
  };
  /** The caller's photo folder in this feed: named by a pseudonym, so a photo's link does not carry who uploaded it. */
  const photoFolder = async (activityId: string, userId: string) =>
    feedImagePrefix(activityId, await pseudonym(`feed:${activityId}`, userId));
  /**
   * Photos named in a post must be uploads of this caller to this feed (or already in the post,
   * when a coordinator edits another author's post) that reached the bucket.
   */
  const checkImages = async (activityId: string, images: string[], caller: Principal, kept: string[] = []) => {
    const prefix = await photoFolder(activityId, caller.id);
    const problems = await Promise.all(
      images.map(async (key, index) => {
        const path = `images.${index}`;
        if (images.indexOf(key) !== index) return { path, message: '该图片已在动态中' };
        if (kept.includes(key)) return undefined;
        if (!key.startsWith(prefix)) return { path, message: '不是你为本动态上传的图片' };
        if (!(await media.stat(key))) return { path, message: '图片尚未上传成功' };
        return undefined;
      }),
    );
    const details = problems.filter((problem) => problem !== undefined);
    if (details.length) throw new ValidationError(details);
  };
  /** Posts as the API shows them: each photo with a fresh signed link. */
  const present = async (posts: PostRecord[], liked?: ReadonlySet<string>) => {
    const urls = new Map(await Promise.all(imageKeysOf(posts).map(async (key) => [key, await media.readUrl(key)] as const)));
    return posts.map((post) => toPost(post, urls, liked?.has(post.id)));
  };
  const presentOne = async (post: PostRecord) => (await present([post]))[0]!;
  const push = (activityId: string, event: FeedEvent) => broadcaster.publish(activityId, event);
  /** Tells the watchers: the post itself once everyone may see it; else only that it changed (each asks what they may see). */
  const changed = async (record: PostRecord | undefined) => {
    if (!record) throw new NotFoundError('Post');
    const post = await presentOne(record);
    await push(record.activityId, post.review === 'passed' ? { type: 'post', post } : { type: 'review', id: post.id, rev: post.rev });
    return post;
  };
  const reviewLater = async (record: PostRecord | undefined) => {
    if (record?.review === 'pending') await requestReview({ activityId: record.activityId, postId: record.id });
  };
  /** Once every photo has its verdict: the post is shown, or hidden and its author told why. */
  const settle = async (record: PostRecord | undefined) => {
    if (record?.review !== 'pending') return;
    const outcome = reviewOf(Object.values(record.checks ?? {}));
    if (outcome === 'pending') return;
    const at = now();
    const settled = await feed.settleReview(record, outcome, ulid(at.getTime()), at.toISOString());
    if (!settled) return; // another verdict settled it first
    await changed(settled);
    if (outcome === 'rejected') {
      const activity = await activityOf(record.activityId);
      await notify({
        userId: record.authorId,
        kind: 'post_refused',
        title: '现场动态未通过审核',
        body: `你在「${activity?.title ?? '活动'}」发布的动态中有图片未通过安全审核（${settled.reviewNote ?? '图片含有违规内容'}），这条动态已对其他人隐藏。可以删除这张图片后重新发布。`,
        activityId: record.activityId,
      });
    }
  };

  return {
    async create(activityId: string, input: PostInput, caller: Principal) {
      const { activity } = await requirePoster(activityId, caller);
      if (feedState(activity, now(), afterEndHours) === 'ended') throw new ConflictError('FEED_ENDED', 'This feed has ended');
      await checkImages(activityId, input.images ?? [], caller);
      await requirePassing(checker, caller.id, TextScene.FORUM, { text: input.text });
      const record = newPostRecord({
        activityId,
        text: input.text,
        images: input.images,
        keyMoment: input.keyMoment,
        author: { ...caller, staff: isCoordinator(caller) },
        at: now(),
      });
      await feed.createPost(record);
      await reviewLater(record);
      return changed(record);
    },

    /** A presigned POST for one photo, under this feed and this caller, limited to its type and the size cap. */
    async createUpload(activityId: string, request: UploadRequest, caller: Principal): Promise<UploadTicket> {
      const { activity } = await requirePoster(activityId, caller);
      if (feedState(activity, now(), afterEndHours) === 'ended') throw new ConflictError('FEED_ENDED', 'This feed has ended');
      const key = `${await photoFolder(activityId, caller.id)}${ulid(now().getTime())}.${IMAGE_TYPES[request.contentType]}`;
      return media.presignUpload({ key, contentType: request.contentType, maxBytes: IMAGE_BYTES_MAX });
    },

    /** Newest first; the first page also carries the pinned post (on top, not repeated) and the key moments. */
    async list(activityId: string, query: { limit: number; cursor?: string }, caller: Principal): Promise<FeedPage> {
      const activity = await visibleActivity(activityId, caller);
      const first = !query.cursor;
      const [meta, page, keyMoments, latestRev] = await Promise.all([
        feed.meta(activityId),
        feed.listPosts(activityId, query),
        first ? feed.keyMoments(activityId) : Promise.resolve([]),
        feed.latestRev(activityId),
      ]);
      const shown = (post: PostRecord | undefined): post is PostRecord => !!post && postShownTo(post, reader(caller));
      const pinnedPost = first && meta.pinnedPostId ? await feed.getPost(activityId, meta.pinnedPostId) : undefined;
      const pinned = shown(pinnedPost) ? pinnedPost : undefined;
      const items = page.items.filter((post) => !post.pinned && shown(post));
      const liked = await feed.likedBy(
        caller.id,
        [...items, ...(pinned ? [pinned] : []), ...keyMoments].map((post) => post.id),
      );
      const [shownItems, shownMoments, shownPinned] = await Promise.all([
        present(items, liked),
        present(keyMoments.filter(shown), liked),
        present(pinned ? [pinned] : [], liked),
      ]);
      return {
        state: feedState(activity, now(), afterEndHours),
        pinned: shownPinned[0] ?? null,
        keyMoments: shownMoments,
        items: shownItems,
        nextCursor: page.nextCursor,
        latestRev,
        mayPost: mayPost(caller, meta),
        ...(isCoordinator(caller)
          ? {
              publicFeed: activity.publicFeed ?? false,
              ...(appOrigin ? { publicUrl: publicFeedLink(appOrigin, activityId) } : {}),
              reporters: meta.reporters,
              muted: await mutedUsers(meta),
            }
          : {}),
      };
    },

    /**
     * 公开直播, for anyone: only a published activity whose coordinator made its feed public (else 404,
     * as for an unknown one); approved posts only, each with a byline instead of its author.
     */
    async publicFeed(activityId: string, query: { limit: number; cursor?: string }): Promise<PublicFeed> {
      const activity = await activityOf(activityId);
      if (activity?.status !== 'published' || !activity.publicFeed) throw new NotFoundError('Feed');
      const first = !query.cursor;
      const [meta, page, moments] = await Promise.all([
        feed.meta(activityId),
        feed.listPosts(activityId, query),
        first ? feed.keyMoments(activityId) : Promise.resolve([]),
      ]);
      const pinnedPost = first && meta.pinnedPostId ? await feed.getPost(activityId, meta.pinnedPostId) : undefined;
      const pinned = pinnedPost && isApproved(pinnedPost) ? pinnedPost : undefined;
      const items = page.items.filter((post) => !post.pinned && isApproved(post));
      const keyMoments = moments.filter(isApproved);
      const shown = [...items, ...keyMoments, ...(pinned ? [pinned] : [])];
      const urls = new Map(await Promise.all(imageKeysOf(shown).map(async (key) => [key, await media.readUrl(key)] as const)));
      return {
        activity: {
          id: activity.id,
          title: activity.title,
          ...(activity.venue ? { venue: activity.venue } : {}),
          startsAt: activity.startsAt,
          endsAt: activity.endsAt,
        },
        state: feedState(activity, now(), afterEndHours),
        pinned: pinned ? toPublicPost(pinned, urls) : null,
        keyMoments: keyMoments.map((post) => toPublicPost(post, urls)),
        items: items.map((post) => toPublicPost(post, urls)),
        nextCursor: page.nextCursor,
        publisher: CENTER_NAME,
      };
    },

    /** What changed after `since` (with a small overlap: the app merges by id and revision). */
    async changes(activityId: string, { since, cursor }: { since?: string; cursor?: string }, caller: Principal): Promise<FeedChanges> {
      await visibleActivity(activityId, caller);
      const from = since ? `${encodeTime(Math.max(0, decodeTime(since) - CATCH_UP_OVERLAP_MS), 10)}${'0'.repeat(16)}` : undefined;
      const { items: records, nextCursor } = await feed.changes(activityId, from, cursor);
      // What this reader may not see (deleted, or under review and not theirs) reaches them as gone.
      const live = records.filter((post) => !post.deleted && postShownTo(post, reader(caller)));
      const liked = await feed.likedBy(
        caller.id,
        live.map((post) => post.id),
      );
      const shown = new Map((await present(live, liked)).map((post) => [post.id, post]));
      return {
        items: records.map((post) => shown.get(post.id) ?? { id: post.id, rev: post.rev, deleted: true as const }),
        latestRev: records.at(-1)?.rev ?? since ?? null,
        nextCursor,
      };
    },

    async update(activityId: string, postId: string, input: PostUpdate, caller: Principal) {
      const { post } = await requireOwnPost(activityId, postId, caller);
      if (input.images !== undefined) await checkImages(activityId, input.images, caller, post.images);
      await requirePassing(checker, caller.id, TextScene.FORUM, { text: input.text });
      const at = now();
      const set: Record<string, unknown> = { rev: ulid(at.getTime()), updatedAt: at.toISOString() };
      const remove = input.keyMoment === false ? ['keyMomentKey'] : [];
      if (input.text !== undefined) Object.assign(set, { text: input.text, edited: true });
      if (input.images !== undefined) {
        // Photos kept keep their verdict (photos of posts from before the check passed); new ones wait for theirs.
        const checks = Object.fromEntries(
          input.images.map(
            (key) => [key, post.checks?.[key] ?? (post.images?.includes(key) ? 'passed' : 'pending')] as [string, ReviewState],
          ),
        );
        const review = reviewOf(Object.values(checks));
        Object.assign(set, { images: input.images, checks, review, edited: true });
        if (review !== 'rejected') remove.push('reviewNote');
      }
      if (input.keyMoment === true) Object.assign(set, { keyMoment: true, keyMomentKey: postId });
      if (input.keyMoment === false) set.keyMoment = false;
      const updated = await feed.updatePost(activityId, postId, set, remove);
      await reviewLater(updated);
      return changed(updated);
    },

    async remove(activityId: string, postId: string, caller: Principal) {
      const { post } = await requireOwnPost(activityId, postId, caller);
      const at = now();
      const rev = ulid(at.getTime());
      if ((await settled(() => feed.deletePost(post, rev, at.toISOString()))) !== 'ok')
        throw new ConflictError('CONFLICT', 'The post changed meanwhile, try again');
      await push(activityId, { type: 'deleted', id: postId, rev });
      return { id: postId, deleted: true as const, rev };
    },

    /** One pinned post per feed: pinning another unpins the previous one in the same step. */
    async pin(activityId: string, postId: string, pinned: boolean, caller: Principal) {
      // Reporters pin and unpin their own posts; replacing someone else's pin is a coordinator's call.
      const { post, meta } = await requireOwnPost(activityId, postId, caller);
      if (post.pinned === pinned) return presentOne(post);
      const previousId = pinned ? meta.pinnedPostId : undefined;
      const previous = previousId ? await feed.getPost(activityId, previousId) : undefined;
      if (previous && previous.authorId !== caller.id && !isCoordinator(caller))
        throw new ForbiddenError('Only a coordinator replaces another author’s pinned post');
      const at = now();
      const rev = ulid(at.getTime());
      const previousRev = ulid(at.getTime());
      const outcome = await settled(() =>
        feed.setPinned(post, pinned, { id: previousId, post: previous }, rev, at.toISOString(), previousRev),
      );
      if (outcome !== 'ok') throw new ConflictError('CONFLICT', 'The pinned post changed meanwhile, try again');
      if (previous) await changed({ ...previous, pinned: false, rev: previousRev, updatedAt: at.toISOString() });
      return changed(await feed.getPost(activityId, postId));
    },

    async like(activityId: string, postId: string, liked: boolean, caller: Principal): Promise<LikeResponse> {
      await visibleActivity(activityId, caller);
      const post = await requirePost(activityId, postId, caller);
      const at = now();
      const outcome = await settled(() => feed.like(post, caller.id, liked, ulid(at.getTime()), at.toISOString()));
      if (outcome === 'post') throw new NotFoundError('Post');
      // `like` refused: the member already likes it (or already does not): nothing to change.
      const likeCount = await feed.likeCount(activityId, postId);
      if (outcome === 'ok') await push(activityId, { type: 'likes', id: postId, likeCount });
      return { postId, likeCount, liked };
    },

    async comment(activityId: string, postId: string, text: string, caller: Principal) {
      await visibleActivity(activityId, caller);
      const [meta, post] = await Promise.all([feed.meta(activityId), requirePost(activityId, postId, caller)]);
      if (meta.muted?.has(caller.id)) throw new ForbiddenError('You cannot comment on this feed', 'MUTED');
      await requirePassing(checker, caller.id, TextScene.COMMENT, { text });
      const at = now();
      const id = ulid(at.getTime());
      const record: CommentRecord = {
        postId,
        sk: commentKey(id),
        id,
        activityId,
        authorId: caller.id,
        authorName: caller.nickname,
        text,
        hidden: false,
        createdAt: at.toISOString(),
      };
      if ((await settled(() => feed.addComment(post, record, ulid(at.getTime())))) !== 'ok') throw new NotFoundError('Post');
      await changed(await feed.getPost(activityId, postId)); // everyone watching sees the new count
      return toComment(record);
    },

    /** Comments oldest first; hidden ones only for coordinators (marked). */
    async comments(activityId: string, postId: string, query: { limit: number; cursor?: string }, caller: Principal) {
      await visibleActivity(activityId, caller);
      await requirePost(activityId, postId, caller);
      const page = await feed.comments(postId, query);
      const items = page.items.filter((comment) => !comment.hidden || isCoordinator(caller)).map(toComment);
      return { items, nextCursor: page.nextCursor };
    },

    async hideComment(activityId: string, postId: string, commentId: string, caller: Principal) {
      await visibleActivity(activityId, caller);
      const post = await requirePost(activityId, postId, caller);
      const at = now();
      if ((await settled(() => feed.hideComment(post, commentId, ulid(at.getTime()), at.toISOString()))) !== 'ok')
        throw new NotFoundError('Comment');
      await changed(await feed.getPost(activityId, postId));
      return { id: commentId, hidden: true };
    },

    /** The photo check of one post (run by feedReview): verdicts known at once are applied, WeChat's come back later. */
    async review(activityId: string, postId: string) {
      const post = await feed.getPost(activityId, postId);
      if (post?.review !== 'pending') return;
      const pending = Object.entries(post.checks ?? {}).flatMap(([key, verdict]) => (verdict === 'pending' ? [key] : []));
      const outcomes = thumbnails ? await Promise.all(pending.map(thumbnails)) : [];
      const made = pending.filter((_, index) => outcomes[index] === 'made');
      if (made.length) await feed.addThumbnails(activityId, postId, made);
      // A file that does not decode as the photo it claims to be is refused without asking further.
      for (const key of pending.filter((_, index) => outcomes[index] === 'unreadable'))
        await feed.recordVerdict(activityId, postId, key, 'rejected', '不是可以识别的图片文件');
      const waiting = pending.filter((_, index) => outcomes[index] !== 'unreadable');
      const author = await loadUser(post.authorId);
      const images = await Promise.all(waiting.map(async (key) => ({ key, url: await media.readUrl(key) })));
      for (const result of await imageChecker.submit(images, { openid: author?.openid ?? '' })) {
        if ('traceId' in result) await feed.rememberTrace(result.traceId, { postActivityId: activityId, postId, key: result.key });
        else await feed.recordVerdict(activityId, postId, result.key, result.verdict, result.reason);
      }
      await settle(await feed.getPost(activityId, postId));
    },

    /** A verdict WeChat pushed: only fresh pushes signed with our token count, once; unknown traces are old news. */
    async applyPushedVerdict(signature: PushSignature, push: MediaCheckPush) {
      await takePush(signature, async () => {
        const photo = await feed.trace(push.trace_id);
        if (!photo) return;
        const { verdict, reason } = verdictOfPush(push);
        await settle(await feed.recordVerdict(photo.postActivityId, photo.postId, photo.key, verdict, reason));
      });
    },

    /** WeChat checks the push URL once: echo its string back if it signed the request. */
    async confirmPushUrl(signature: PushSignature, echo: string) {
      await takePush(signature, async () => {});
      return echo;
    },

    async setReporters(activityId: string, userIds: string[], caller: Principal) {
      await visibleActivity(activityId, caller);
      const users = await Promise.all(userIds.map((id) => loadUser(id)));
      const missing = userIds.findIndex((_, index) => !users[index]);
      if (missing >= 0) throw ValidationError.field(`userIds.${missing}`, '没有这个用户');
      const meta = await feed.setReporters(activityId, [...new Set(userIds)]);
      return { activityId, reporters: meta.reporters, muted: [...(meta.muted ?? [])] };
    },

    async setMuted(activityId: string, userId: string, muted: boolean, caller: Principal) {
      await visibleActivity(activityId, caller);
      const meta = await feed.setMuted(activityId, userId, muted);
      return { activityId, reporters: meta.reporters, muted: [...(meta.muted ?? [])] };
    },
  };
};

export type FeedService = ReturnType<typeof createFeedService>;
