/** feedReview: checks one post's photos; the feed function invokes it asynchronously after a post is made or edited. */
import { z } from 'zod';
import { feedService } from './wiring';

const ReviewRequest = z.object({ activityId: z.string().min(1), postId: z.string().min(1) });

export const handler = async (event: unknown): Promise<void> => {
  const { activityId, postId } = ReviewRequest.parse(event);
  await feedService().review(activityId, postId);
};
