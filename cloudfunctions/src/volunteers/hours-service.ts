/**
 * Service hours (服务时长): declarations by hand, coordinators' decisions, lecturers' teaching, and
 * the certificate. Approval pays points (EARN) exactly once: the ledger entry's key is the record's
 * id, and the record leaves `pending` under a condition in the same transaction that adds the hours.
 */
import {
  centerDate,
  centerMonth,
  destinationCounters,
  formatDate,
  hasAnyRole,
  holdsRole,
  hoursOf,
  LedgerType,
  noticeFields,
  pointsForMinutes,
  POINT_EARNING_ROLES,
  earnsServicePoints,
  serviceAward,
  pendingServicePoints,
  Role,
  starLevel,
  type DeclareHoursRequest,
  type HoursDecisionRequest,
  type ServiceCertificate,
  type TeachingRequest,
} from '@hele/shared';
import { ulid } from 'ulid';
import { doc, transactNamed } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import { notify } from '../domain/inbox';
import type { Ledger, Named } from '../domain/ledger';
import { loadUser, type Principal } from '../lib/principal';
import { busy, settled } from '../lib/retry';
import { approvedMinutesOf, serviceItems, serviceRecordId, type ServiceRecordItem } from '../domain/service-records';
import type { ActivitySummary } from '../domain/activities/summary';
import { projectScope } from '../domain/projects';
import { teachesClass } from '../domain/series';
import { countItem } from '../domain/stats';
import { serviceScope } from '../domain/destinations';
import type { serviceRecordRepository as ServiceRecordRepository } from './repository';

export interface HoursDeps {
  ledger: Ledger;
  records: typeof ServiceRecordRepository;
  activity: (id: string) => Promise<ActivitySummary | undefined>;
  pointsPerHour: number;
  /** Declared hours: how many days back a declaration may reach, and how much one day may hold. */
  declaring: { maxAgeDays: number; dailyMaxMinutes: number };
  now?: () => Date;
}

export const CERTIFICATE_ISSUER = '和乐党群服务中心';

const hoursText = (minutes: number) => `${hoursOf(minutes)} 小时`;

/** A published public class that has begun (teaching is recorded for classes that took place). */
const requireHeldClass = (activity: ActivitySummary | undefined, at: Date): ActivitySummary => {
  if (activity?.kind !== 'class' || activity.status !== 'published') throw ValidationError.field('activityId', '不是已发布的公益班课程');
  if (Date.parse(activity.endsAt) > at.getTime()) throw ValidationError.field('activityId', '活动尚未结束');
  return activity;
};

/** What an approval awards: points now, or points waiting for the certification (rules/service-points). */
type Award = { points: number; pointsPending?: undefined } | { points?: undefined; pointsPending: number };

/** Approved: what it earns, in the words of the message. */
const awardText = (award: Award) =>
  award.pointsPending !== undefined
    ? `计入累计服务时长；取得中心注册志愿者资格认证后获得 ${award.pointsPending} 积分`
    : `计入累计服务时长，获得 ${award.points} 积分`;

/** The volunteer hears of the decision on their hours (inbox, and WeChat where they allowed it); the award when approved. */
const tellDecided = (record: ServiceRecordItem, note: string | undefined, award?: Award) => {
  const approved = award !== undefined;
  const what = `${record.activityTitle ?? record.note}（${formatDate(record.servedOn)}，${hoursText(record.minutes)}）`;
  return notify(
    {
      userId: record.userId,
      kind: 'hours_decided',
      ...(record.activityId ? { activityId: record.activityId } : {}),
      title: approved ? '服务时长已通过审核' : '服务时长未通过审核',
      body: approved
        ? `你的服务时长${what}已通过审核，${awardText(award)}。`
        : `你的服务时长${what}未通过审核${note ? `：${note.replace(/[。.!！]+$/, '')}` : ''}。`,
    },
    {
      topic: 'hours_result',
      fields: noticeFields({ subject: `服务时长 ${hoursText(record.minutes)}`, result: approved ? '已通过' : '未通过', note }),
      page: 'volunteer/hours/index',
    },
  );
};

/** The longest stretch one record may count, as for declared hours. */
const MAX_RECORD_MINUTES = 12 * 60;

/** The teaching of one class by one lecturer: one record (its id says which), pending until decided. */
const teachingRecord = (activity: ActivitySummary, lecturer: { id: string; nickname: string }, at: string): ServiceRecordItem => ({
  id: serviceRecordId.teaching(activity.id, lecturer.id),
  userId: lecturer.id,
  nickname: lecturer.nickname,
  activityId: activity.id,
  activityTitle: activity.title,
  source: 'teaching',
  servedOn: activity.startsAt,
  minutes: Math.min(MAX_RECORD_MINUTES, Math.round((Date.parse(activity.endsAt) - Date.parse(activity.startsAt)) / 60_000)),
  note: '公益班授课（公益服务换场地）',
  status: 'pending',
  createdAt: at,
});

const DAY_MS = 24 * 60 * 60 * 1000;

export const createHoursService = ({
  ledger,
  records,
  activity: activityOf,
  pointsPerHour,
  declaring,
  now = () => new Date(),
}: HoursDeps) => {
  /**
   * A day a volunteer may declare: served already (in the center's time zone) and recently enough to
   * be checked. Far-off days would also land in dashboard months nobody looks at.
   */
  const requireDeclarableDay = (servedOn: string) => {
    const at = now();
    if (servedOn > centerDate(at)) throw ValidationError.field('servedOn', '服务日期不能晚于今天');
    if (servedOn <= centerDate(new Date(at.getTime() - declaring.maxAgeDays * DAY_MS)))
      throw ValidationError.field('servedOn', `只能申报最近 ${declaring.maxAgeDays} 天内的服务`);
  };
  const dailyLimit = () =>
    new ConflictError('DAILY_HOURS_LIMIT', `At most ${declaring.dailyMaxMinutes} minutes may be declared for one day`, [
      { path: 'minutes', message: `同一天最多申报 ${hoursText(declaring.dailyMaxMinutes)}` },
    ]);

  const heldClass = async (activityId: string) => requireHeldClass(await activityOf(activityId), now());

  /**
   * The coordinator records a lecturer's teaching: of a class that names its lecturers (a series' session,
   * or a class given lecturerIds), only theirs; a class that names none is taught by whom the coordinator says.
   */
  const taughtBy = async (activity: ActivitySummary, lecturerId: string) => {
    const named = !!activity.seriesId || !!activity.lecturerIds?.length;
    if (named && !(await teachesClass(activity, lecturerId))) throw ValidationError.field('lecturerId', '不是这节课的讲师');
    return activity;
  };

  /**
   * Writes `decision` (an approval or a new approved record) with its hours and, when it earns any, the EARN
   * entry, all in one transaction. `recordItem` is the item whose condition guards "once", written with what
   * the approval awards: points for a certified volunteer (or lecturer), else points kept waiting on the record
   * (服务攒积分 + 资格认证) under a check that the person is still uncertified, so a certification meanwhile pays.
   */
  const payFor = async (record: ServiceRecordItem, caller: Principal, recordItem: (award: Award) => Named<'record'>) => {
    const served = record.activityId ? await activityOf(record.activityId) : undefined;
    const projectId = served?.projectId;
    const alongside: Array<Named<'hours'>> = [
      { name: 'hours', item: serviceItems.addHours(record.userId, record.minutes) },
      // The dashboard's service time per month (of the day served), per destination (进基层…), and per project.
      {
        name: 'hours',
        item: countItem(serviceScope(centerMonth(record.servedOn)), {
          minutes: record.minutes,
          records: 1,
          ...destinationCounters(served?.kind === 'service' ? served.destination : undefined, record.minutes),
        }),
      },
      ...(projectId ? [{ name: 'hours' as const, item: countItem(projectScope(projectId), { serviceMinutes: record.minutes }) }] : []),
    ];
    const earned = { points: pointsForMinutes(record.minutes, pointsPerHour) };
    const award = serviceAward(record.minutes, pointsPerHour, (await loadUser(record.userId))?.roles ?? []);
    if (award.pointsPending !== undefined) {
      const outcome = await settled(() =>
        transactNamed<'record' | 'hours' | 'certified'>(doc, [
          recordItem(award),
          ...alongside,
          { name: 'certified', item: serviceItems.notCertified(record.userId, POINT_EARNING_ROLES) },
        ]),
      );
      if (outcome !== 'certified')
        return { applied: outcome === 'ok', award: award as Award, balance: (await ledger.balanceOf(record.userId))?.balance ?? 0 };
      // Certified meanwhile: the approval pays as a volunteer's does.
    }
    if (earned.points === 0) {
      const outcome = await settled(() => transactNamed<'record' | 'hours'>(doc, [recordItem(earned), ...alongside]));
      return { applied: outcome === 'ok', award: earned as Award, balance: (await ledger.balanceOf(record.userId))?.balance ?? 0 };
    }
    const outcome = await ledger.append(
      {
        userId: record.userId,
        type: LedgerType.EARN,
        amount: earned.points,
        reason: `服务时长 ${hoursText(record.minutes)}：${record.activityTitle ?? record.note}`.slice(0, 200),
        actorId: caller.id,
        idempotencyKey: `service:${record.id}`,
        ref: record.id,
      },
      [recordItem(earned), ...alongside],
    );
    return { applied: outcome.status === 'applied', award: earned as Award, balance: outcome.status === 'refused' ? 0 : outcome.balance };
  };

  /**
   * On certification: the points of the person's approved records that waited for it, each credited once (the
   * EARN entry's key is the record's, as an approval's would be, and the record's pending mark goes in the same
   * transaction). Running it again, or at the same time, credits nothing twice. Answers the points credited.
   */
  const creditCertified = async (userId: string, actorId: string): Promise<number> => {
    const user = await loadUser(userId, { consistent: true });
    if (!user || !earnsServicePoints(user.roles)) return 0;
    const waiting = (await records.allOfUser(userId)).filter((record) => record.status === 'approved' && (record.pointsPending ?? 0) > 0);
    let credited = 0;
    for (const record of waiting) {
      const points = record.pointsPending!;
      const outcome = await ledger.append(
        {
          userId,
          type: LedgerType.EARN,
          amount: points,
          reason: `资格认证后计入：服务时长 ${hoursText(record.minutes)}：${record.activityTitle ?? record.note}`.slice(0, 200),
          actorId,
          idempotencyKey: `service:${record.id}`,
          ref: record.id,
        },
        [{ name: 'record', item: serviceItems.credit(record.id, points) }],
      );
      if (outcome.status === 'applied') credited += points;
    }
    if (credited > 0)
      await notify({
        userId,
        kind: 'hours_decided',
        title: '服务积分已计入',
        body: `你已取得中心注册志愿者资格认证，此前审核通过的服务时长获得 ${credited} 积分。`,
      });
    return credited;
  };

  return {
    async declare(input: DeclareHoursRequest, caller: Principal) {
      if (!hasAnyRole(caller.roles, [Role.VOLUNTEER]))
        throw new ForbiddenError('Only certified volunteers declare service hours', 'NOT_A_VOLUNTEER');
      requireDeclarableDay(input.servedOn);
      if (input.minutes > declaring.dailyMaxMinutes) throw dailyLimit();
      const activity = input.activityId ? await activityOf(input.activityId) : undefined;
      if (input.activityId && activity?.status !== 'published') throw ValidationError.field('activityId', '活动不存在');
      // Time signed in and out at an activity is recorded already: declaring it again would count it twice.
      if (activity && (await records.get(serviceRecordId.signOut(activity.id, caller.id)))) {
        throw new ConflictError('ALREADY_RECORDED', 'Your service at this activity is recorded from your sign-out');
      }
      const record: ServiceRecordItem = {
        id: ulid(now().getTime()),
        userId: caller.id,
        nickname: caller.nickname,
        ...(activity ? { activityId: activity.id, activityTitle: activity.title } : {}),
        source: 'declared',
        servedOn: input.servedOn,
        minutes: input.minutes,
        note: input.note,
        status: 'pending',
        createdAt: now().toISOString(),
      };
      // The record and its day's total in one transaction: declarations at once cannot pass the cap together.
      const outcome = await settled(() =>
        transactNamed<'record' | 'day'>(doc, [
          { name: 'record', item: serviceItems.put(record) },
          { name: 'day', item: records.items.declaredOn(caller.id, input.servedOn, input.minutes, declaring.dailyMaxMinutes) },
        ]),
      );
      if (outcome === 'day') throw dailyLimit();
      if (outcome !== 'ok') throw busy();
      return record;
    },

    async mine(caller: Principal, page: { limit: number; cursor?: string }) {
      const result = await records.ofUser(caller.id, page);
      return result;
    },

    async byStatus(status: ServiceRecordItem['status'], page: { limit: number; cursor?: string }) {
      const result = await records.byStatus(status, page);
      return result;
    },

    async decide(id: string, { decision, note }: HoursDecisionRequest, caller: Principal) {
      const record = await records.get(id);
      if (!record) throw new NotFoundError('Service record');
      const decided = () => new ConflictError('ALREADY_DECIDED', 'This record was already decided');
      if (record.status !== 'pending') throw decided();
      if (record.userId === caller.id) throw new ForbiddenError('Another coordinator decides your own hours');
      const at = now().toISOString();
      const base = { by: caller.id, byName: caller.nickname, at, ...(note ? { note } : {}) };
      const after = (status: 'approved' | 'refused', award?: Award): ServiceRecordItem => ({
        ...record,
        status,
        ...award,
        decidedBy: caller.id,
        decidedByName: caller.nickname,
        decidedAt: at,
        ...(note ? { decisionNote: note } : {}),
      });
      if (decision === 'refuse') {
        // A refusal keeps the record (no delete): the volunteer sees why.
        const outcome = await settled(() =>
          transactNamed(doc, [{ name: 'record', item: serviceItems.decide(id, { ...base, status: 'refused' }) }]),
        );
        if (outcome !== 'ok') throw decided();
        await tellDecided(record, note);
        return { record: after('refused') };
      }
      const paid = await payFor(record, caller, (award) => ({
        name: 'record',
        item: serviceItems.decide(id, { ...base, status: 'approved', ...award }),
      }));
      if (!paid.applied) throw decided();
      await tellDecided(record, note, paid.award);
      return { record: after('approved', paid.award), balance: paid.balance };
    },

    /** The coordinator confirms a public class took place: its lecturer's teaching counts as approved service. */
    async recordTeaching({ activityId, lecturerId }: TeachingRequest, caller: Principal) {
      const lecturer = await loadUser(lecturerId);
      if (!lecturer || !holdsRole(lecturer.roles, Role.LECTURER)) throw ValidationError.field('lecturerId', '不是公益讲师');
      if (lecturer.id === caller.id) throw new ForbiddenError('Another coordinator records your own teaching');
      const record = teachingRecord(await taughtBy(await heldClass(activityId), lecturer.id), lecturer, now().toISOString());
      const approved = (award: Award): ServiceRecordItem => ({
        ...record,
        status: 'approved',
        ...award,
        decidedBy: caller.id,
        decidedByName: caller.nickname,
        decidedAt: record.createdAt,
      });
      const paid = await payFor(record, caller, (award) => ({ name: 'record', item: serviceItems.put(approved(award)) }));
      if (!paid.applied) throw new ConflictError('ALREADY_RECORDED', 'This teaching is already recorded');
      return approved(paid.award);
    },

    creditCertified,

    /** The points the person's approved hours keep waiting for the certification. */
    pendingPoints: async (userId: string) => pendingServicePoints(await records.allOfUser(userId)).points,

    /** A lecturer the class names declares it taught; it waits for a coordinator like declared hours. */
    async declareTeaching(activityId: string, caller: Principal) {
      const activity = await heldClass(activityId);
      // Any lecturer could claim a class that names nobody: such a class is recorded by a coordinator only.
      if (!(await teachesClass(activity, caller.id)))
        throw new ForbiddenError('Only the lecturers the class names declare its teaching', 'NOT_LECTURER');
      const record = teachingRecord(activity, caller, now().toISOString());
      if ((await settled(() => transactNamed(doc, [{ name: 'record', item: serviceItems.put(record) }]))) !== 'ok') {
        throw new ConflictError('ALREADY_RECORDED', 'This teaching is already recorded');
      }
      return record;
    },

    /** 服务证明: every approved record, who recorded it, the total and the star level (the total as every page has it). */
    async certificate(caller: Principal): Promise<ServiceCertificate> {
      const realName = (await loadUser(caller.id))?.realName;
      if (!realName) throw new ConflictError('REAL_NAME_REQUIRED', 'A certificate names a real person: set your real name first');
      const [all, totalMinutes] = await Promise.all([records.allOfUser(caller.id), approvedMinutesOf(caller.id)]);
      const approved = all.filter((record) => record.status === 'approved');
      return {
        volunteer: { id: caller.id, nickname: caller.nickname, realName },
        totalMinutes,
        stars: starLevel(totalMinutes).stars,
        records: approved,
        issuer: CERTIFICATE_ISSUER,
        issuedAt: now().toISOString(),
      };
    },
  };
};

export type HoursService = ReturnType<typeof createHoursService>;
