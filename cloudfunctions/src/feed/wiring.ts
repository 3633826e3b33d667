/**
 * The feed service as a stage runs it: WeChat's text and photo checks where the app is configured,
 * else the keyword list and the digest list of the local stage.
 */
import { activitySummary } from '../domain/activities/summary';
import { env } from '../lib/config';
import { stageWeChatApp } from '../lib/wechat-token';
import { postMessage } from '../domain/inbox';
import { invokeLater } from '../lib/invoke';
import { stageContentChecker } from '../lib/content-check';
import { readSecret } from '../lib/secrets';
import { mediaStorage } from '../lib/storage';
import { socketBroadcaster } from './connections';
import { createMediaCheckAsync, digestBlocklistChecker } from './image-check';
import { feedRepository } from './repository';
import { createFeedService, type FeedDeps, type FeedService } from './service';

let service: FeedService | undefined;

export const feedService = (): FeedService => (service ??= createFeedService(feedDeps()));

/** What the service runs with on this stage (tests swap a part, e.g. WeChat's photo check against a stand-in). */
export const feedDeps = (): FeedDeps => {
  const config = env();
  const media = mediaStorage(config.MEDIA_BUCKET);
  const wechat = stageWeChatApp(config);
  return {
    feed: feedRepository,
    activity: activitySummary,
    checker: stageContentChecker(),
    imageChecker: wechat
      ? createMediaCheckAsync(wechat)
      : digestBlocklistChecker({
          read: media.read,
          // Read each time: the list is configuration, and tests change it.
          blocked: () =>
            new Set(
              env()
                .IMAGE_BLOCKLIST_SHA256.split(',')
                .map((digest) => digest.trim().toLowerCase())
                .filter(Boolean),
            ),
        }),
    requestReview: (post) => invokeLater(config.FEED_REVIEW_FUNCTION, post),
    pushToken: () => readSecret('WeChat push token', config.WECHAT_PUSH_TOKEN, config.WECHAT_PUSH_TOKEN_PARAMETER),
    notify: postMessage,
    broadcaster: socketBroadcaster,
    media,
    afterEndHours: config.FEED_AFTER_END_HOURS,
    appOrigin: config.APP_ORIGIN,
  };
};
