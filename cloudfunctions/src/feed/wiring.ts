/** The feed service as a stage runs it: WeChat's content check where the app is configured, else the keyword list. */
import { activitySummary } from '../lib/activity-summary';
import { env, LOCAL_STAGE } from '../lib/config';
import { readSecret } from '../lib/secrets';
import { mediaStorage } from '../lib/storage';
import { socketBroadcaster } from './connections';
import { createMsgSecCheck, keywordChecker } from './content-check';
import { feedRepository } from './repository';
import { createFeedService, type FeedService } from './service';

let service: FeedService | undefined;

export const feedService = (): FeedService => {
  const config = env();
  return (service ??= createFeedService({
    feed: feedRepository,
    activity: activitySummary,
    checker:
      config.STAGE !== LOCAL_STAGE && config.WECHAT_APP_ID
        ? createMsgSecCheck({
            appId: config.WECHAT_APP_ID,
            appSecret: () => readSecret('WeChat app secret', config.WECHAT_APP_SECRET, config.WECHAT_APP_SECRET_PARAMETER),
            apiBase: config.WECHAT_API_BASE,
          })
        : keywordChecker(),
    broadcaster: socketBroadcaster,
    media: mediaStorage(config.MEDIA_BUCKET),
    afterEndHours: config.FEED_AFTER_END_HOURS,
  }));
};
