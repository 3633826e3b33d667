/** The scheduled run (every 5 minutes on AWS; every minute on the local stack): send due reminders. */
import { env } from '../lib/config';
import { logger } from '../lib/logger';
import { notificationService } from './wiring';

export const handler = async (): Promise<{ sent: number; skipped: number }> => {
  const result = await notificationService(env()).sendDue();
  if (result.sent || result.skipped) logger.info('reminders', result);
  return result;
};
