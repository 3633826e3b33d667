/**
 * Points that expire (shared/rules/expiry): once a day the scheduled run reads each account holding
 * points, expires every earning whose validity has run out (what remains of it, FIFO by earning day)
 * and tells the member, once per day of expiry, 30 days ahead. Each EXPIRE goes through the ledger's
 * transaction (never below zero) under the key `expire:<lot>`, so a lot expires once however often the
 * run repeats or overlaps; it is written only while the ledger is as it was read (`atSeq`), so an
 * earning spent meanwhile is never expired as well.
 */
import {
  dueExpiries,
  EXPIRY_NOTICE_DAYS,
  expiringText,
  expiryReason,
  LedgerType,
  pointLots,
  upcomingExpiries,
  type PointLot,
} from '@hele/shared';
import { LedgerMovedError, type Ledger } from '../domain/ledger';
import type { NewMessage } from '../domain/inbox';
import { logger } from '../lib/logger';
import type { expiryRepository as ExpiryRepository, pointsSettingsRepository as SettingsRepository } from './repository';

/** Who the ledger names as the actor of an expiry: the center's rule, not a person. */
export const EXPIRY_ACTOR = 'system';
const ROUNDS = 5;

export interface ExpiryDeps {
  ledger: Ledger;
  settings: typeof SettingsRepository;
  accounts: typeof ExpiryRepository;
  tell: (message: NewMessage) => Promise<void>;
}

export interface ExpiryRun {
  validityMonths: number;
  accounts: number;
  expiredEntries: number;
  expiredPoints: number;
  notices: number;
}

/** The lots of one account as its ledger stands, and the sequence number it stands at. */
export const lotsOf = async (ledger: Ledger, userId: string): Promise<{ lots: PointLot[]; seq: number }> => {
  const entries = await ledger.allEntries(userId);
  return { lots: pointLots(entries), seq: entries.at(-1)?.seq ?? 0 };
};

export const createExpiry = ({ ledger, settings, accounts, tell }: ExpiryDeps) => {
  /** Expires what is due in one account; answers the entries and points expired. */
  const expireAccount = async (userId: string, validityMonths: number, now: Date) => {
    let entries = 0;
    let points = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let { lots, seq } = await lotsOf(ledger, userId);
      const due = dueExpiries(lots, validityMonths, now);
      try {
        for (const expiry of due) {
          const outcome = await ledger.append(
            {
              userId,
              type: LedgerType.EXPIRE,
              amount: -expiry.points,
              reason: expiryReason(expiry.earnedAt, validityMonths),
              actorId: EXPIRY_ACTOR,
              idempotencyKey: `expire:${expiry.lotId}`,
              ref: expiry.lotId,
            },
            [],
            now,
            { atSeq: seq },
          );
          if (outcome.status !== 'applied') throw new LedgerMovedError(seq); // expired before: read again
          seq = outcome.entry.seq;
          entries += 1;
          points += expiry.points;
        }
        ({ lots } = await lotsOf(ledger, userId));
        return { entries, points, lots };
      } catch (error) {
        if (!(error instanceof LedgerMovedError)) throw error;
      }
    }
    logger.warn('points expiry: the ledger kept moving', { userId });
    return { entries, points, lots: undefined };
  };

  return {
    /** One scheduled run at `now`. */
    async run(now: Date): Promise<ExpiryRun> {
      const { validityMonths } = await settings.get();
      const result: ExpiryRun = { validityMonths, accounts: 0, expiredEntries: 0, expiredPoints: 0, notices: 0 };
      if (validityMonths <= 0) return result;
      for (const userId of await accounts.accountsWithPoints()) {
        result.accounts += 1;
        const expired = await expireAccount(userId, validityMonths, now);
        result.expiredEntries += expired.entries;
        result.expiredPoints += expired.points;
        if (!expired.lots) continue;
        for (const soon of upcomingExpiries(expired.lots, validityMonths, now, EXPIRY_NOTICE_DAYS)) {
          if (!(await accounts.markNotice(userId, soon.expiresOn, soon.points, now.toISOString()))) continue;
          result.notices += 1;
          await tell({
            userId,
            kind: 'points',
            title: '积分即将过期',
            body: `${expiringText(soon.points, soon.expiresOn)}（积分有效期 ${validityMonths} 个月，先获得的先过期），可在 积分 › 积分兑换 中使用。`,
          });
        }
      }
      return result;
    },
  };
};
