/** feedReview: checks one post's photos and makes their thumbnails; the feed function invokes it asynchronously after a post is made or edited. */
import * as z from 'zod';
import { env } from '../lib/config';
import { mediaStorage } from '../lib/storage';
import { createFeedService, type FeedService } from './service';
import { createThumbnailer } from './thumbnails';
import { feedDeps } from './wiring';

const ReviewRequest = z.object({ activityId: z.string().min(1), postId: z.string().min(1) });

let service: FeedService | undefined;

export const handler = async (event: unknown): Promise<void> => {
  const { activityId, postId } = ReviewRequest.parse(event);
  service ??= createFeedService({ ...feedDeps(), thumbnails: createThumbnailer(mediaStorage(env().MEDIA_BUCKET)) });
  await service.review(activityId, postId);
};
