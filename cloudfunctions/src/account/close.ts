/**
 * 注销账号 (个人信息保护法 art. 47; docs/DOMAIN.md › Who sees personal data). In this order, each step
 * safe to run again, so a closing cut short is finished by asking again (the token works until the end):
 *
 * 1. live registrations of activities still to come (not checked in: check-in opens before the start), and
 *    every waitlist place, are cancelled through the registration engine: a freed seat goes to the earliest
 *    waitlisted, as on any cancel;
 * 2. copies of the name on records others see become 已注销用户, personal fields there are blanked,
 *    the inbox is deleted (holdings.ts), and so are the branch roster entry and the avatar;
 * 3. a positive balance is forfeited with an EXPIRE entry: the ledger still sums;
 * 4. the user record becomes a tombstone (id and dates only), its granted roles leave the holder lists
 *    with an audit line, in one transaction: from then on its token is a 401, and signing in again
 *    with the same WeChat account makes a new, empty account (auth/repository.ts);
 * 5. steps 1–3 run once more for what a request that was already running wrote meanwhile (no
 *    registration is written after the tombstone: its transaction holds only while the account is open).
 *
 * Records keep the user id, so attendance, hours, counts and the ledger still hold.
 */
import { CLOSED_ACCOUNT_NAME, ErrorCode, LedgerType, Role } from '@hele/shared';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { isLive } from '../domain/activities/records';
import type { RegistrationEngine } from '../domain/activities/registration-engine';
import type { ActivityRepository } from '../domain/activities/repository';
import { partyAccount, type Ledger } from '../domain/ledger';
import { doc, transactNamed } from '../lib/db';
import { HttpError } from '../lib/errors';
import { toPrincipal, type Principal, type UserRecord } from '../lib/principal';
import { roleRecordItems } from '../domain/role-changes';
import { branchRecord, leaveBranchItems, planRosterKey } from '../domain/branches';
import { DEFAULT_RETRY, retrying } from '../lib/retry';
import type { MediaStorage } from '../lib/storage';
import { tableName } from '../lib/tables';
import { closeHolding, HOLDINGS, type HoldingName } from './holdings';
import { accountRepository } from './repository';

export interface CloseDeps {
  engine: RegistrationEngine;
  activities: ActivityRepository;
  ledger: Ledger;
  media: MediaStorage;
  now?: () => Date;
}

/** Roles that have a holder list and an audit trail (granted by an admin, or by `npm run admin:grant`). */
const GRANTED_ROLES: Role[] = [Role.COORDINATOR, Role.SECRETARY, Role.LECTURER, Role.ADMIN];

/** Enough rounds for a balance moving while it is forfeited; each round reads it again. */
const FORFEIT_ROUNDS = 5;

const isRefusal = (error: unknown, code: string) => error instanceof HttpError && error.code === code;

export const createAccountCloser = ({ engine, activities, ledger, media, now = () => new Date() }: CloseDeps) => {
  /** Cancels the live registrations that still hold a place: waitlist places, and seats of activities yet to start not checked in. */
  const cancelRegistrations = async (person: Principal) => {
    const live = (await activities.allOfUser(person.id)).filter(isLive);
    const of = await activities.getActivities(live.map((registration) => registration.activityId));
    for (const registration of live) {
      const activity = of.get(registration.activityId);
      const toCome = !activity || Date.parse(activity.startsAt) > now().getTime();
      // Attended (checked in, perhaps before the start: check-in opens early) or under way: kept as a record.
      if (registration.checkedInAt || (registration.status !== 'waitlisted' && !toCome)) continue;
      await engine.cancel(registration.activityId, person, { closingAccount: true }).catch((error: unknown) => {
        if (!isRefusal(error, ErrorCode.NOT_REGISTERED) && !isRefusal(error, ErrorCode.NOT_FOUND)) throw error;
      });
    }
  };

  /** Forfeits a positive balance; the key is the balance's sequence, so two closings at once forfeit once. */
  const forfeitPoints = async (userId: string) => {
    for (let round = 0; round < FORFEIT_ROUNDS; round++) {
      const balance = await ledger.balanceOf(userId);
      if (!balance || balance.balance <= 0) return;
      try {
        await ledger.append({
          userId,
          type: LedgerType.EXPIRE,
          amount: -balance.balance,
          reason: '注销账号，积分作废',
          actorId: userId,
          idempotencyKey: `close:${balance.seq}`,
        });
      } catch (error) {
        // Points were spent meanwhile: read the balance again.
        if (!isRefusal(error, ErrorCode.INSUFFICIENT_POINTS)) throw error;
      }
    }
  };

  /** Steps 1–3; the holdings of step 2 are the given ones. */
  const settle = async (person: Principal, holdings: HoldingName[]) => {
    await cancelRegistrations(person);
    for (const name of holdings) await closeHolding(name, person.id);
    await forfeitPoints(person.id);
    // 党员积分 are an account of their own on the same ledger: forfeited the same way.
    await forfeitPoints(partyAccount(person.id));
  };

  /** Step 4, against the record as it is now: a role granted or revoked meanwhile fails the condition and is read again. */
  const tombstone = (userId: string) =>
    retrying(async () => {
      const current = await accountRepository.get(userId);
      if (!current || current.closedAt) return true;
      const at = now();
      const granted = current.roles.filter((role) => GRANTED_ROLES.includes(role));
      const outcome = await transactNamed(doc, [
        { name: 'user', item: accountRepository.tombstone(current, at.toISOString()) },
        ...granted.flatMap((role) => [
          { name: 'holder', item: roleRecordItems.removeHolder(role, userId) },
          {
            name: 'audit',
            item: roleRecordItems.audit({
              id: ulid(at.getTime()),
              action: 'revoke',
              role,
              userId,
              nickname: CLOSED_ACCOUNT_NAME,
              actorId: userId,
              actorName: `${CLOSED_ACCOUNT_NAME}（本人注销账号）`,
              at: at.toISOString(),
            }),
          },
        ]),
      ]);
      return outcome === 'ok' ? true : undefined;
    }, DEFAULT_RETRY);

  return async (record: UserRecord): Promise<void> => {
    const person = toPrincipal(record);
    await settle(person, Object.keys(HOLDINGS) as HoldingName[]);
    if (record.branchId) {
      await doc.send(new DeleteCommand({ TableName: tableName('BRANCHES_TABLE'), Key: planRosterKey(record.branchId, record.id) }));
      // The branch loses a member (and its secretary, if it was them); no membership item: nothing to count.
      const branch = await branchRecord(record.branchId, true);
      if (branch)
        await transactNamed(
          doc,
          leaveBranchItems(branch, record.id).map((item) => ({ name: 'leave', item })),
        );
    }
    if (record.avatarKey) await media.remove(record.avatarKey);
    await tombstone(record.id);
    await settle(person, ['registrations']);
  };
};
