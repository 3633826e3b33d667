import { createHttpHandler, plainText } from '../lib/http';
import { feedService } from './wiring';
import { feedRoutes } from '@hele/shared/contract/feed';

export const handler = createHttpHandler(feedRoutes, {
  post: async ({ params, body, caller }) => ({ post: await feedService().create(params.id, body, caller) }),
  upload: async ({ params, body, caller }) => ({ upload: await feedService().createUpload(params.id, body, caller) }),
  page: async ({ params, query, caller }) => await feedService().list(params.id, query, caller),
  changes: async ({ params, query, caller }) => await feedService().changes(params.id, query, caller),
  update: async ({ params, body, caller }) => ({ post: await feedService().update(params.id, params.postId, body, caller) }),
  remove: async ({ params, caller }) => await feedService().remove(params.id, params.postId, caller),
  pin: async ({ params, body, caller }) => ({ post: await feedService().pin(params.id, params.postId, body.pinned, caller) }),
  like: async ({ params, caller }) => await feedService().like(params.id, params.postId, true, caller),
  unlike: async ({ params, caller }) => await feedService().like(params.id, params.postId, false, caller),
  comment: async ({ params, body, caller }) => ({ comment: await feedService().comment(params.id, params.postId, body.text, caller) }),
  comments: async ({ params, query, caller }) => await feedService().comments(params.id, params.postId, query, caller),
  hideComment: async ({ params, caller }) => await feedService().hideComment(params.id, params.postId, params.commentId, caller),
  setReporters: async ({ params, body, caller }) => await feedService().setReporters(params.id, body.userIds, caller),
  mute: async ({ params, body, caller }) => await feedService().setMuted(params.id, body.userId, body.muted, caller),
  publicFeed: async ({ params, query }) => await feedService().publicFeed(params.id, query),
  // WeChat's server, not our app, calls these two: its signature is the credential.
  verifyPushUrl: async ({ query }) => plainText(await feedService().confirmPushUrl(query, query.echostr)),
  mediaCheckPush: async ({ query, body }) => {
    await feedService().applyPushedVerdict(query, body);
    return plainText('success');
  },
});
