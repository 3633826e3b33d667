/**
 * Attendance of an activity: the rotating check-in code, members checking in, leave requests
 * (请假) and their approval, the coordinator's live list (and CSV), and each member's
 * attendance rate over the branch meetings of a year.
 */
import {
  attendanceRate,
  attendanceState,
  canCheckIn,
  centerMonth,
  checkInPeriod,
  CHECK_IN_PERIOD_SECONDS,
  formatDateTime,
  hasAnyRole,
  noticeFields,
  parseCheckInToken,
  periodEndsAt,
  Role,
  servedMinutes,
  type AttendanceResponse,
  type AttendanceRow,
  type CheckInMargins,
  type CheckInRequest,
  type Leave,
  type LeaveDecisionBody,
  type SignOutRequest,
  type TrainingTopic,
} from '@hele/shared';
import { ConflictError, ForbiddenError, HttpError, NotFoundError, TooManyRequestsError } from '../lib/errors';
import type { Principal, UserRecord } from '../lib/principal';
import { settled } from '../lib/retry';
import { topicHasQuiz as bankHasQuiz } from '../domain/question-bank';
import { trainings } from '../domain/trainings';
import { serviceItems, serviceRecordId, type ServiceRecordItem } from '../domain/service-records';
import { toCsv } from '../lib/csv';
import { notify } from '../domain/inbox';
import { projectScope } from '../domain/projects';
import { teachesClass } from '../domain/series';
import { activityScope, countItem, participationScope } from '../domain/stats';
import { codeIsValid, issueCheckIn, newCheckInSecret, tokenIsValid } from '../domain/activities/check-in-code';
import type { LeaveRecord, LeaveRepository } from './leave-repository';
import { isLive, toRegistration, type ActivityRecord } from '../domain/activities/records';
import type { ActivityRepository } from '../domain/activities/repository';

/** Codes a registrant may send per ten minutes before check-in locks (guessing 6 digits). */
export const MAX_CHECK_IN_TRIES = 10;
const TRY_WINDOW_MS = 10 * 60 * 1000;

export interface AttendanceDeps {
  activities: ActivityRepository;
  leaves: LeaveRepository;
  roster: (branchId: string) => Promise<UserRecord[]>;
  margins: CheckInMargins;
  /** Share of a service activity a volunteer must attend for the time to count. */
  minServiceShare: number;
  /** Whether an academy topic has a quiz (then check-in records attendance, and the quiz completes it). */
  topicHasQuiz?: (topic: TrainingTopic) => Promise<boolean>;
  now?: () => Date;
}

const isCoordinator = (caller: Principal) => hasAnyRole(caller.roles, [Role.COORDINATOR]);
const isSecretaryOf = (caller: Principal, branchId?: string) =>
  !!branchId && caller.branchId === branchId && hasAnyRole(caller.roles, [Role.SECRETARY]);

const toLeave = (record: LeaveRecord, activity?: ActivityRecord): Leave => ({
  activityId: record.activityId,
  userId: record.userId,
  nickname: record.nickname,
  ...(record.branchId ? { branchId: record.branchId } : {}),
  reason: record.reason,
  status: record.status,
  requestedAt: record.requestedAt,
  ...(record.decidedBy ? { decidedBy: record.decidedBy, decidedAt: record.decidedAt } : {}),
  ...(record.note ? { note: record.note } : {}),
  ...(activity ? { activity: { title: activity.title, startsAt: activity.startsAt } } : {}),
});

/** The member hears of the decision on their leave (inbox, and WeChat where they allowed it). */
const tellLeaveDecided = (leave: LeaveRecord, activity: ActivityRecord) => {
  const approved = leave.status === 'approved';
  const result = approved ? '已批准' : '未批准';
  return notify(
    {
      userId: leave.userId,
      kind: 'leave_decided',
      activityId: activity.id,
      title: `请假${result}`,
      body: `你为「${activity.title}」（${formatDateTime(activity.startsAt)}）的请假${result}${leave.note ? `：${leave.note.replace(/[。.!！]+$/, '')}` : ''}。${approved ? '' : '请按时参加。'}`,
    },
    {
      topic: 'leave_result',
      fields: noticeFields({ subject: `请假：${activity.title}`, result, note: leave.note }),
      page: `activity/detail/index?id=${activity.id}`,
    },
  );
};

export const attendanceCsv = (attendance: AttendanceResponse, labels: Record<string, string>): string =>
  toCsv(
    ['姓名', '状态', '签到时间', '是否报名', '请假原因'],
    attendance.items.map((row) => [
      row.nickname,
      labels[row.state] ?? row.state,
      row.checkedInAt ?? '',
      row.registered ? '是' : '否',
      row.leaveReason ?? '',
    ]),
  );

export const createAttendanceService = ({
  activities,
  leaves,
  roster,
  margins,
  minServiceShare,
  topicHasQuiz = bankHasQuiz,
  now = () => new Date(),
}: AttendanceDeps) => {
  const requireActivity = async (id: string) => {
    const activity = await activities.getActivity(id);
    if (!activity || activity.status === 'draft') throw new NotFoundError('Activity');
    return activity;
  };
  const secretOf = async (activity: ActivityRecord) =>
    activity.checkInSecret ?? (await activities.ensureCheckInSecret(activity.id, newCheckInSecret()));

  /**
   * The rotating code (scanned token or typed digits) is right now. Every try, right or wrong, takes
   * one of MAX_CHECK_IN_TRIES per ten minutes before the code is looked at, so parallel guessing is capped.
   */
  const verifyCode = async (activity: ActivityRecord, body: CheckInRequest, caller: Principal, at: Date) => {
    const window = Math.floor(at.getTime() / TRY_WINDOW_MS);
    if ((await activities.takeCheckInTry(activity.id, caller.id, window, MAX_CHECK_IN_TRIES)) === 'locked') {
      throw new TooManyRequestsError('Too many wrong codes, try again in a few minutes');
    }
    const secret = await secretOf(activity);
    const parsed = body.token !== undefined ? parseCheckInToken(body.token) : undefined;
    const valid =
      body.token !== undefined
        ? parsed !== undefined && tokenIsValid(secret, activity.id, parsed, at)
        : codeIsValid(secret, activity.id, body.code!, at);
    if (!valid) {
      const field = body.token !== undefined ? 'token' : 'code';
      throw new HttpError('INVALID_CHECK_IN_CODE', 'The check-in code is wrong or has expired', [{ path: field, message: '错误或已过期' }]);
    }
  };

  const mayManage = (caller: Principal, activity: ActivityRecord) => isCoordinator(caller) || isSecretaryOf(caller, activity.branchId);
  /** A class's lecturers (its series', or those it names) run it: they show the code and see who came. */
  const teaches = (caller: Principal, activity: ActivityRecord) => teachesClass(activity, caller.id);

  return {
    /** The rotating code the check-in screen shows now, and when it turns: coordinators', and a series' lecturers' at its sessions. */
    async code(activityId: string, caller: Principal) {
      const activity = await requireActivity(activityId);
      if (!isCoordinator(caller) && !(await teaches(caller, activity))) {
        throw new ForbiddenError('Only coordinators and the lecturers of this class', 'NOT_LECTURER');
      }
      const at = now();
      const period = checkInPeriod(at);
      const { token, code } = issueCheckIn(await secretOf(activity), activity.id, period);
      return { activityId, token, code, period, periodSeconds: CHECK_IN_PERIOD_SECONDS, expiresAt: periodEndsAt(period).toISOString() };
    },

    async checkIn(activityId: string, body: CheckInRequest, caller: Principal) {
      const at = now();
      const activity = await requireActivity(activityId);
      const verdict = canCheckIn(activity, at, margins);
      if (!verdict.ok) throw new ConflictError(verdict.code, verdict.message);
      const registration = await activities.getRegistration(activityId, caller.id);
      if (!isLive(registration) || registration.status !== 'confirmed') {
        throw new ConflictError('NOT_CONFIRMED', 'Only confirmed registrants check in');
      }
      if (registration.checkedInAt) throw new ConflictError('ALREADY_CHECKED_IN', 'Already checked in');
      await verifyCode(activity, body, caller, at);
      const nowIso = at.toISOString();
      const training =
        activity.kind === 'training' && activity.trainingTopic
          ? { userId: caller.id, topic: activity.trainingTopic, activityId, title: activity.title }
          : undefined;
      const alongside = [
        // Checking in at an academy training completes its topic; where the topic has a quiz, it opens the quiz instead.
        ...(training
          ? [
              (await topicHasQuiz(training.topic))
                ? trainings.attend(training, nowIso)
                : trainings.complete({ ...training, completedAt: nowIso }),
            ]
          : []),
        // The dashboard's participation per month and kind, and per project.
        countItem(participationScope(centerMonth(activity.startsAt)), { checkIns: 1, [`${activity.kind}CheckIns`]: 1 }),
        countItem(activityScope(activityId), { checkIns: 1 }),
        ...(activity.projectId ? [countItem(projectScope(activity.projectId), { checkIns: 1 })] : []),
      ];
      if ((await settled(() => activities.checkIn(activityId, caller.id, nowIso, alongside))) === 'refused') {
        const current = await activities.getRegistration(activityId, caller.id);
        if (current?.checkedInAt) throw new ConflictError('ALREADY_CHECKED_IN', 'Already checked in');
        throw new ConflictError('NOT_CONFIRMED', 'Only confirmed registrants check in');
      }
      return toRegistration({ ...registration, checkedInAt: nowIso, updatedAt: nowIso });
    },

    /**
     * A volunteer leaves a service activity: the same code as check-in, once, after checking in.
     * Time from check-in to sign-out inside the activity counts when it covers the required share;
     * then a pending service record is written in the same transaction, for a coordinator to approve.
     */
    async signOut(activityId: string, body: SignOutRequest, caller: Principal) {
      const at = now();
      const activity = await requireActivity(activityId);
      if (activity.kind !== 'service') throw new ConflictError('NOT_A_SERVICE_ACTIVITY', 'Only service activities have sign-out');
      const verdict = canCheckIn(activity, at, margins);
      if (!verdict.ok) throw new ConflictError(verdict.code, verdict.message);
      const registration = await activities.getRegistration(activityId, caller.id);
      if (!isLive(registration) || registration.status !== 'confirmed' || !registration.checkedInAt) {
        throw new ConflictError('NOT_CHECKED_IN', 'Check in first');
      }
      if (registration.signedOutAt) throw new ConflictError('ALREADY_SIGNED_OUT', 'Already signed out');
      const nowIso = at.toISOString();
      const served = servedMinutes(activity, registration.checkedInAt, nowIso, minServiceShare);
      // An early tap would forfeit the hours for good: it has to be meant.
      if (!served.counted && !body.early && at.getTime() < Date.parse(activity.endsAt)) {
        throw new ConflictError('SIGN_OUT_EARLY', `Signing out now counts ${served.minutes} minutes, less than the share that counts`, [
          {
            path: 'early',
            message: `${served.minutes} / ${Math.ceil(minServiceShare * ((Date.parse(activity.endsAt) - Date.parse(activity.startsAt)) / 60_000))}`,
          },
        ]);
      }
      await verifyCode(activity, body, caller, at);
      const record: ServiceRecordItem | undefined = served.counted
        ? {
            id: serviceRecordId.signOut(activityId, caller.id),
            userId: caller.id,
            nickname: caller.nickname,
            activityId,
            activityTitle: activity.title,
            source: 'check_in',
            servedOn: activity.startsAt,
            minutes: served.minutes,
            note: '签到签退',
            status: 'pending',
            createdAt: nowIso,
          }
        : undefined;
      const outcome = await settled(() => activities.signOut(activityId, caller.id, nowIso, record && serviceItems.put(record)));
      if (outcome === 'refused') throw new ConflictError('ALREADY_SIGNED_OUT', 'Already signed out');
      return {
        registration: toRegistration({ ...registration, signedOutAt: nowIso, updatedAt: nowIso }),
        record: record ?? null,
        ...served,
      };
    },

    /** Everyone expected (confirmed registrants, and the branch's roster for a branch meeting). */
    async attendance(activityId: string, caller: Principal): Promise<AttendanceResponse> {
      const activity = await requireActivity(activityId);
      if (!mayManage(caller, activity) && !(await teaches(caller, activity)))
        throw new ForbiddenError('Only coordinators, the branch secretary and the class lecturers see attendance');
      const at = now();
      const [registrations, leaveRecords, members] = await Promise.all([
        activities.allRegistrations(activityId),
        leaves.forActivity(activityId),
        activity.branchId ? roster(activity.branchId) : Promise.resolve([]),
      ]);
      const approvedLeave = new Map(leaveRecords.filter((leave) => leave.status === 'approved').map((leave) => [leave.userId, leave]));
      const rows = new Map<string, AttendanceRow>();
      const add = (userId: string, nickname: string, registered: boolean, checkedInAt?: string) => {
        const leave = approvedLeave.get(userId);
        rows.set(userId, {
          userId,
          nickname,
          registered,
          state: attendanceState({ checkedInAt, onLeave: !!leave }, activity.endsAt, at),
          ...(checkedInAt ? { checkedInAt } : {}),
          ...(leave ? { leaveReason: leave.reason } : {}),
        });
      };
      for (const member of members) add(member.id, member.nickname, false);
      for (const registration of registrations.filter((record) => record.status === 'confirmed')) {
        add(registration.userId, registration.nickname ?? registration.userId, true, registration.checkedInAt);
      }
      const items = [...rows.values()].sort((a, b) => a.nickname.localeCompare(b.nickname, 'zh-CN'));
      const count = (state: AttendanceRow['state']) => items.filter((row) => row.state === state).length;
      return {
        activityId,
        summary: {
          registered: items.filter((row) => row.registered).length,
          checkedIn: count('checked_in'),
          onLeave: count('on_leave'),
          absent: count('absent'),
          notYet: count('not_yet'),
        },
        items,
      };
    },

    async requestLeave(activityId: string, reason: string, caller: Principal): Promise<Leave> {
      const activity = await requireActivity(activityId);
      const at = now();
      if (activity.status !== 'published' || at.getTime() > Date.parse(activity.endsAt)) {
        throw new ConflictError('LEAVE_CLOSED', 'Leave can be asked only before the activity ends');
      }
      const onRoster = !!activity.branchId && caller.branchId === activity.branchId;
      if (!onRoster && !isLive(await activities.getRegistration(activityId, caller.id))) {
        throw new ForbiddenError('Only the branch roster and registrants ask for leave');
      }
      const record = await leaves.request({
        activityId,
        userId: caller.id,
        nickname: caller.nickname,
        ...(activity.branchId ? { branchId: activity.branchId } : {}),
        reason,
        requestedAt: at.toISOString(),
      });
      if (!record) throw new ConflictError('LEAVE_EXISTS', 'A leave request is already pending or approved');
      return toLeave(record, activity);
    },

    async decideLeave(activityId: string, userId: string, { decision, note }: LeaveDecisionBody, caller: Principal): Promise<Leave> {
      const activity = await requireActivity(activityId);
      if (!mayManage(caller, activity)) throw new ForbiddenError('Only coordinators and the branch secretary decide leave');
      const existing = await leaves.get(activityId, userId);
      if (!existing) throw new NotFoundError('Leave request');
      // An approved leave counts in the activity's figures (the branch statistics).
      const counted = decision === 'approve' ? [countItem(activityScope(activityId), { leaves: 1 })] : [];
      const decided = await leaves.decide(
        activityId,
        userId,
        decision === 'approve' ? 'approved' : 'refused',
        caller.id,
        now().toISOString(),
        note,
        counted,
      );
      if (!decided) throw new ConflictError('LEAVE_DECIDED', 'This leave request was already decided');
      await tellLeaveDecided(decided, activity);
      return toLeave(decided, activity);
    },

    /** Pending requests a caller may decide: all for coordinators, their branch's for a secretary. */
    async pendingLeaves(caller: Principal, query: { limit: number; cursor?: string }) {
      if (!isCoordinator(caller) && !caller.branchId) return { items: [], nextCursor: null }; // a secretary of no branch decides none
      const page = await leaves.pending({ ...(isCoordinator(caller) ? {} : { branchId: caller.branchId }), ...query });
      const activityRecords = await activities.getActivities(page.items.map((leave) => leave.activityId));
      return { items: page.items.map((leave) => toLeave(leave, activityRecords.get(leave.activityId))), nextCursor: page.nextCursor };
    },

    /** The caller's attendance over their branch's meetings held in `year`. */
    async myRate(caller: Principal, year: number) {
      const empty = { year, branchId: caller.branchId ?? null, held: 0, attended: 0, excused: 0, absent: 0, rate: null };
      if (!caller.branchId) return empty;
      const at = now();
      // Stored instants are UTC ISO strings, so they compare as text; the year is the center's.
      const yearStart = new Date(`${year}-01-01T00:00:00+08:00`).toISOString();
      const yearEnd = new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString();
      const meetings: ActivityRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await activities.listActivities({ kind: 'meeting', status: 'published', from: yearStart, limit: 100, cursor });
        meetings.push(...page.items.filter((meeting) => meeting.startsAt < yearEnd && meeting.branchId === caller.branchId));
        cursor = page.items.some((meeting) => meeting.startsAt >= yearEnd) ? undefined : (page.nextCursor ?? undefined);
      } while (cursor);
      const held = meetings.filter((meeting) => Date.parse(meeting.endsAt) < at.getTime());
      const mine = await activities.getMine(
        held.map((meeting) => meeting.id),
        caller.id,
      );
      let attended = 0;
      let excused = 0;
      for (const meeting of held) {
        if (mine.get(meeting.id)?.checkedInAt) attended++;
        else if ((await leaves.get(meeting.id, caller.id))?.status === 'approved') excused++;
      }
      const counts = { held: held.length, attended, excused };
      return { ...empty, ...counts, absent: held.length - attended - excused, rate: attendanceRate(counts) };
    },
  };
};

export type AttendanceService = ReturnType<typeof createAttendanceService>;
