/** Idea board and measures (措施) of a meeting; the owners' and the secretary's lists. */
import { createHttpHandler } from '../lib/http';
import { complianceService, meetingService } from './wiring';
import { meetingsRoutes } from '@hele/shared/contract/meetings';

const meetings = meetingService();
const compliance = complianceService();

export const handler = createHttpHandler(meetingsRoutes, {
  addIdea: async ({ params, body, caller }) => ({ idea: await meetings.addIdea(params.id, body, caller) }),
  ideas: async ({ params, caller }) => await meetings.ideas(params.id, caller),
  vote: async ({ params, caller }) => await meetings.vote(params.id, params.ideaId, true, caller),
  unvote: async ({ params, caller }) => await meetings.vote(params.id, params.ideaId, false, caller),
  groupIdea: async ({ params, body, caller }) => ({ idea: await meetings.group(params.id, params.ideaId, body.group, caller) }),
  addAction: async ({ params, body, caller }) => ({ action: await meetings.addAction(params.id, body, caller) }),
  actions: async ({ params, caller }) => await meetings.actions(params.id, caller),
  updateAction: async ({ params, body, caller }) => ({ action: await meetings.updateAction(params.id, params.actionId, body, caller) }),
  minutes: async ({ params, caller }) => ({ minutes: (await meetings.minutesWithTitle(params.id, caller)).minutes }),
  saveMinutes: async ({ params, body, caller }) => ({ minutes: await meetings.saveMinutes(params.id, body.text, caller) }),
  branchStatistics: async ({ params, query, caller }) => ({ statistics: await meetings.branchStatistics(params.id, query.year, caller) }),
  myActions: async ({ query, caller }) => await meetings.mine(caller, query),
  overdueActions: async ({ query, caller }) => await meetings.overdue(query, caller),
  compliance: async ({ query }) => await compliance.board(query.year),
  branchCompliance: async ({ params, query, caller }) => ({ compliance: await compliance.ofBranch(params.id, query.year, caller) }),
  setMeetingFrequencies: async ({ body, caller }) => ({ frequencies: await compliance.setFrequencies(body, caller) }),
});
