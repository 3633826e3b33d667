/** The daily run (09:00 in the center's time on AWS; every ten minutes on the local stack): 三会一课 reminders. */
import { directoryBranches, markComplianceReminder } from '../domain/compliance';
import { notify } from '../domain/inbox';
import { logger } from '../lib/logger';
import { createComplianceReminders } from './compliance-reminders';
import { complianceService } from './wiring';

export const complianceReminders = () =>
  createComplianceReminders({
    board: () => complianceService().board(undefined),
    branches: directoryBranches,
    markSent: markComplianceReminder,
    notify,
  });

export const handler = async (): Promise<{ told: number }> => {
  const result = await complianceReminders()();
  if (result.told) logger.info('compliance reminders', result);
  return result;
};
