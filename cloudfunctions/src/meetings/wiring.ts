/** The meetings service with its real parts, for the board's handler and the documents' handler. */
import { activitySummary, publishedMeetingsBetween } from '../domain/activities/summary';
import { branchRecord } from '../domain/branches';
import { directoryBranches, heldMeetings, meetingFrequencies, putMeetingFrequencies } from '../domain/compliance';
import { standingAt } from '../domain/meeting-audience';
import { stageContentChecker } from '../lib/content-check';
import { createComplianceService } from './compliance-service';
import { boardRepository } from './repository';
import { createMeetingService } from './service';

export const meetingService = () =>
  createMeetingService({
    board: boardRepository,
    activity: activitySummary,
    meetingsBetween: publishedMeetingsBetween,
    standing: standingAt,
    compliance: {
      branchIds: async () => (await directoryBranches()).map((branch) => branch.id),
      totalsOf: (branchIds, year) => complianceService().totalsOf(branchIds, year),
    },
    checker: stageContentChecker(),
  });

/** 三会一课 compliance with its real reads (at another moment than now, for a test of what a later day sees). */
export const complianceService = (now?: () => Date) =>
  createComplianceService({
    frequencies: meetingFrequencies,
    putFrequencies: putMeetingFrequencies,
    branches: directoryBranches,
    branch: branchRecord,
    held: heldMeetings,
    ...(now ? { now } : {}),
  });
