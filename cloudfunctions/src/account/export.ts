/**
 * 导出我的数据: everything the center holds about the caller (个人信息保护法 art. 45), as the tables
 * store it without their index keys and secrets. What cannot be found by person without reading a
 * whole table is named in `notIncluded`.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { LedgerEntry, type AccountExport, type User } from '@hele/shared';
import { activityRepository } from '../domain/activities/repository';
import { ledger, partyAccount } from '../domain/ledger';
import { approvedMinutesOf } from '../domain/service-records';
import { batchGetAll, doc } from '../lib/db';
import { queryAll } from '../lib/pagination';
import type { UserRecord } from '../lib/principal';
import { tableName, type TableVariable } from '../lib/tables';
import { HOLDINGS, readHolding, type HoldingName, type Row } from './holdings';
import { activityOfPartition } from '../domain/activities/hot';
import { planRosterKey } from '../domain/branches';

/** Index keys, counters of guessing and secrets: the center's machinery, not the person's data (a voucher's secret would let anyone holding the file use it). */
const HIDDEN = new Set([
  'pk',
  'sk',
  'listKey',
  'kindKey',
  'pendingKey',
  'pendingAll',
  'pendingBranch',
  'openBranchKey',
  'keyMomentKey',
  'rev',
  'voucherSecret',
  'checkInFailures',
  'checkInFailureWindow',
  'paper',
  'checks',
  'thumbnailed',
  'digest',
]);

/** An item as the export shows it: sets as lists (JSON has no sets). */
const shown = (item: Row): Row =>
  Object.fromEntries(
    Object.entries(item)
      .filter(([field]) => !HIDDEN.has(field))
      .map(([field, value]) => [field, value instanceof Set ? [...value] : value]),
  );

/** Items of one of the user's tables by key (lib/db batchGetAll). */
const getItems = (table: TableVariable, keys: Row[]): Promise<Row[]> => batchGetAll(tableName(table), keys);

const getItem = async (table: TableVariable, Key: Row): Promise<Row | undefined> =>
  (await doc.send(new GetCommand({ TableName: tableName(table), Key, ConsistentRead: true }))).Item;

/** Kept by the center but not findable by person without reading whole tables (no index by user). */
const NOT_INCLUDED = [
  '会议点子墙上你提出的点子和投票（按会议存放，没有按人查找的索引）',
  '书记学院的观摩报名与评分（按会议存放）',
  '现场动态中的点赞（按动态存放）',
  '角色变更日志（按时间存放，管理员可查）',
];

/** One ledger account: its balance and every entry (service points under the user's id, 党员积分 under `party#`). */
const ledgerAccount = async (account: string) => {
  const [balance, entries] = await Promise.all([
    ledger.balanceOf(account),
    queryAll(LedgerEntry, {
      TableName: tableName('POINTS_TABLE'),
      KeyConditionExpression: 'userId = :user AND begins_with(sk, :entry)',
      ExpressionAttributeValues: { ':user': account, ':entry': 'E#' },
      ConsistentRead: true,
    }),
  ]);
  return { balance: balance?.balance ?? 0, entries };
};

export const exportAccount = async (record: UserRecord, profile: User, now: Date): Promise<AccountExport> => {
  const userId = record.id;
  const names = Object.keys(HOLDINGS) as HoldingName[];
  const held = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readHolding(name, userId)] as const))) as Record<
    HoldingName,
    Row[]
  >;
  // A hot activity's registrations are under a bucket of its id (domain/activities/hot): each is shown with its activity's.
  const registrations = held.registrations.map((registration) => ({
    ...registration,
    activityId: activityOfPartition(String(registration.activityId)),
  }));
  const [points, partyPoints, approvedMinutes, branchRoster, roles, activities, reminders] = await Promise.all([
    ledgerAccount(userId),
    ledgerAccount(partyAccount(userId)),
    approvedMinutesOf(userId),
    record.branchId ? getItem('BRANCHES_TABLE', planRosterKey(record.branchId, userId)) : Promise.resolve(undefined),
    getItems(
      'ROLE_HOLDERS_TABLE',
      record.roles.map((role) => ({ role, userId })),
    ),
    activityRepository.getActivities(registrations.map((registration) => String(registration.activityId))),
    getItems(
      'REMINDERS_TABLE',
      registrations.map((registration) => ({ activityId: registration.activityId, userId })),
    ),
  ]);
  const rows = (name: HoldingName) => held[name].map(shown);
  return {
    exportedAt: now.toISOString(),
    user: { ...profile, ...(record.openid ? { openid: record.openid } : {}), createdAt: record.createdAt },
    // Each registration with what it was for.
    registrations: registrations.map((registration) => {
      const activity = activities.get(String(registration.activityId));
      return shown({
        ...registration,
        ...(activity
          ? { activity: { title: activity.title, kind: activity.kind, venue: activity.venue, startsAt: activity.startsAt } }
          : {}),
      });
    }),
    points: { ...points, approvedMinutes },
    partyPoints,
    redemptions: rows('redemptions'),
    serviceRecords: rows('serviceRecords'),
    certificates: rows('certificates'),
    volunteer: rows('volunteer')[0] ?? null,
    examAttempts: rows('examAttempts'),
    trainings: rows('trainings'),
    leaveRequests: rows('leaveRequests'),
    reminders: reminders.map(shown),
    messages: rows('messages'),
    posts: rows('posts'),
    comments: rows('comments'),
    measures: rows('measures'),
    libraryProgress: rows('libraryProgress'),
    branchRoster: branchRoster ? shown(branchRoster) : null,
    resources: rows('resources'),
    needs: rows('needs'),
    roles: roles.map(shown),
    notIncluded: NOT_INCLUDED,
  };
};
