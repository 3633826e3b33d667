/** The meetings service with its real parts, for the board's handler and the documents' handler. */
import { activitySummary, publishedMeetingsBetween } from '../domain/activities/summary';
import { standingAt } from '../domain/meeting-audience';
import { boardRepository } from './repository';
import { createMeetingService } from './service';

export const meetingService = () =>
  createMeetingService({
    board: boardRepository,
    activity: activitySummary,
    meetingsBetween: publishedMeetingsBetween,
    standing: standingAt,
  });
