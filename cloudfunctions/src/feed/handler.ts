/** Live-feed routes (API.md): posts and their photo uploads, catch-up, edits, pins, likes, comments, reporters and mutes. */
import {
  ActivityIdParams,
  CommentInput,
  CommentParams,
  FeedChangesQuery,
  FeedListQuery,
  MuteRequest,
  PinRequest,
  PostInput,
  PostParams,
  PostUpdate,
  ReportersRequest,
  Role,
  UploadRequest,
} from '@hele/shared';
import { z } from 'zod';
import { createHttpHandler, created, ok, plainText, route } from '../lib/http';
import { MediaCheckPush, PushSignature } from './image-check';
import { feedService } from './wiring';

const COORDINATORS = [Role.COORDINATOR] as const;

export const handler = createHttpHandler({
  'POST /activities/{id}/posts': route({
    access: 'user',
    params: ActivityIdParams,
    body: PostInput,
    handle: async ({ params, body, caller }) => created({ post: await feedService().create(params.id, body, caller) }),
  }),
  'POST /activities/{id}/uploads': route({
    access: 'user',
    params: ActivityIdParams,
    body: UploadRequest,
    handle: async ({ params, body, caller }) => created({ upload: await feedService().createUpload(params.id, body, caller) }),
  }),
  'GET /activities/{id}/posts': route({
    access: 'user',
    params: ActivityIdParams,
    query: FeedListQuery,
    handle: async ({ params, query, caller }) => ok(await feedService().list(params.id, query, caller)),
  }),
  'GET /activities/{id}/posts/changes': route({
    access: 'user',
    params: ActivityIdParams,
    query: FeedChangesQuery,
    handle: async ({ params, query, caller }) => ok(await feedService().changes(params.id, query, caller)),
  }),
  'PATCH /activities/{id}/posts/{postId}': route({
    access: 'user',
    params: PostParams,
    body: PostUpdate,
    handle: async ({ params, body, caller }) => ok({ post: await feedService().update(params.id, params.postId, body, caller) }),
  }),
  'DELETE /activities/{id}/posts/{postId}': route({
    access: 'user',
    params: PostParams,
    handle: async ({ params, caller }) => ok(await feedService().remove(params.id, params.postId, caller)),
  }),
  'POST /activities/{id}/posts/{postId}/pin': route({
    access: 'user',
    params: PostParams,
    body: PinRequest,
    handle: async ({ params, body, caller }) => ok({ post: await feedService().pin(params.id, params.postId, body.pinned, caller) }),
  }),
  'PUT /activities/{id}/posts/{postId}/likes/me': route({
    access: 'user',
    params: PostParams,
    handle: async ({ params, caller }) => ok(await feedService().like(params.id, params.postId, true, caller)),
  }),
  'DELETE /activities/{id}/posts/{postId}/likes/me': route({
    access: 'user',
    params: PostParams,
    handle: async ({ params, caller }) => ok(await feedService().like(params.id, params.postId, false, caller)),
  }),
  'POST /activities/{id}/posts/{postId}/comments': route({
    access: 'user',
    params: PostParams,
    body: CommentInput,
    handle: async ({ params, body, caller }) => created({ comment: await feedService().comment(params.id, params.postId, body.text, caller) }),
  }),
  'GET /activities/{id}/posts/{postId}/comments': route({
    access: 'user',
    params: PostParams,
    query: FeedListQuery,
    handle: async ({ params, query, caller }) => ok(await feedService().comments(params.id, params.postId, query, caller)),
  }),
  'POST /activities/{id}/posts/{postId}/comments/{commentId}/hide': route({
    access: COORDINATORS,
    params: CommentParams,
    handle: async ({ params, caller }) => ok(await feedService().hideComment(params.id, params.postId, params.commentId, caller)),
  }),
  'PUT /activities/{id}/reporters': route({
    access: COORDINATORS,
    params: ActivityIdParams,
    body: ReportersRequest,
    handle: async ({ params, body, caller }) => ok(await feedService().setReporters(params.id, body.userIds, caller)),
  }),
  'POST /activities/{id}/mutes': route({
    access: COORDINATORS,
    params: ActivityIdParams,
    body: MuteRequest,
    handle: async ({ params, body, caller }) => ok(await feedService().setMuted(params.id, body.userId, body.muted, caller)),
  }),
  // WeChat's server, not our app, calls these two: its signature is the credential.
  'GET /wechat/media-check': route({
    access: 'public',
    query: PushSignature.extend({ echostr: z.string().min(1).max(128) }),
    handle: async ({ query }) => plainText(await feedService().confirmPushUrl(query, query.echostr)),
  }),
  'POST /wechat/media-check': route({
    access: 'public',
    query: PushSignature,
    body: MediaCheckPush,
    handle: async ({ query, body }) => {
      await feedService().applyPushedVerdict(query, body);
      return plainText('success');
    },
  }),
});
