/**
 * The daily run of points expiry (serverless `schedule`; on the local stack the stack invokes it, and
 * tests invoke it as its trigger would). An EventBridge event carries the time it was scheduled for:
 * the run expires what is due at that time.
 */
import { notify } from '../domain/inbox';
import { ledger } from '../domain/ledger';
import { logger } from '../lib/logger';
import { createExpiry, type ExpiryRun } from './expiry';
import { expiryRepository, pointsSettingsRepository } from './repository';

const expiry = createExpiry({ ledger, settings: pointsSettingsRepository, accounts: expiryRepository, tell: (message) => notify(message) });

export const handler = async (event?: { time?: unknown }): Promise<ExpiryRun> => {
  const scheduled = typeof event?.time === 'string' ? Date.parse(event.time) : Number.NaN;
  const result = await expiry.run(Number.isNaN(scheduled) ? new Date() : new Date(scheduled));
  if (result.expiredEntries || result.notices) logger.info('points expiry', { ...result });
  return result;
};
