/**
 * Attendance of an activity: the rotating check-in code, members checking in, leave requests
 * (请假) and their approval, the coordinator's live list (and CSV), and each member's
 * attendance rate over the branch meetings of a year.
 */
import {
  ATTENDANCE_COUNT_LABELS,
  attendanceRate,
  canCheckIn,
  centerMonth,
  checkInPeriod,
  CHECK_IN_PERIOD_SECONDS,
  formatDateTime,
  hasAnyRole,
  runsActivityOf,
  noticeFields,
  parseCheckInToken,
  periodEndsAt,
  Role,
  servedMinutes,
  type AttendanceCounts,
  type AttendanceResponse,
  type CheckInMargins,
  type CheckInRequest,
  type Leave,
  type LeaveDecisionBody,
  type Registration,
  type SignOutRequest,
  type TrainingTopic,
} from '@hele/shared';
import { ulid } from 'ulid';
import { ConflictError, ForbiddenError, HttpError, NotFoundError, TooManyRequestsError } from '../lib/errors';
import { loadUser, type Principal, type UserRecord } from '../lib/principal';
import { settled } from '../lib/retry';
import { topicHasQuiz as bankHasQuiz } from '../domain/question-bank';
import { trainings } from '../domain/trainings';
import { serviceItems, serviceRecordId, type ServiceRecordItem } from '../domain/service-records';
import { toCsv } from '../lib/csv';
import { notify } from '../domain/inbox';
import { partyPoints } from '../domain/party-points';
import { projectScope } from '../domain/projects';
import { teachesClass } from '../domain/series';
import { countItem, participationScope } from '../domain/stats';
import { codeIsValid, issueCheckIn, newCheckInSecret, tokenIsValid } from '../domain/activities/check-in-code';
import type { LeaveRecord, LeaveRepository } from './leave-repository';
import { readAttendanceSheet } from '../domain/activities/attendance-sheet';
import { isLive, toRegistration, type ActivityRecord, type RegistrationRecord } from '../domain/activities/records';
import { createRegistrationEngine, type RegistrationEngine } from '../domain/activities/registration-engine';
import type { ActivityRepository } from '../domain/activities/repository';

/** Codes a registrant may send per ten minutes before check-in locks (guessing 6 digits). */
export const MAX_CHECK_IN_TRIES = 10;
const TRY_WINDOW_MS = 10 * 60 * 1000;

export interface AttendanceDeps {
  activities: ActivityRepository;
  /** Takes the seat of someone checking in without one (a roster member, a walk-in); by default over `activities`. */
  engine?: Pick<RegistrationEngine, 'seatOnArrival'>;
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

/** Who a row is: a walk-in, on the branch's roster, or a registrant from elsewhere. */
const standing = (row: AttendanceResponse['items'][number]) => (row.walkIn ? '现场登记' : row.onRoster ? '支部党员' : '报名人员');

/** The sheet as the page shows it, then its counts (the same numbers: shared/rules/attendance). */
export const attendanceCsv = (attendance: AttendanceResponse, labels: Record<string, string>): string =>
  toCsv(
    ['姓名', '身份', '状态', '是否报名', '签到时间', '代签人', '请假原因'],
    [
      ...attendance.items.map((row) => [
        row.nickname,
        standing(row),
        labels[row.state] ?? row.state,
        row.registered ? '是' : '否',
        row.checkedInAt ?? '',
        row.assistedBy ?? '',
        row.leaveReason ?? '',
      ]),
      [],
      ...(Object.keys(ATTENDANCE_COUNT_LABELS) as Array<keyof AttendanceCounts>).map((count) => [
        ATTENDANCE_COUNT_LABELS[count],
        attendance.summary[count],
      ]),
    ],
  );

export const createAttendanceService = ({
  activities,
  leaves,
  roster,
  margins,
  minServiceShare,
  topicHasQuiz = bankHasQuiz,
  now = () => new Date(),
  engine = createRegistrationEngine({ repository: activities, now }),
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

  const mayManage = (caller: Principal, activity: ActivityRecord) => runsActivityOf(caller, activity.branchId);
  /** A class's lecturers (its series', or those it names) run it: they show the code and see who came. */
  const teaches = (caller: Principal, activity: ActivityRecord) => teachesClass(activity, caller.id);

  const openForCheckIn = (activity: ActivityRecord, at: Date) => {
    const verdict = canCheckIn(activity, at, margins);
    if (!verdict.ok) throw new ConflictError(verdict.code, verdict.message);
  };

  /** An activity the caller runs: a coordinator, or the secretary of its branch. */
  const managed = async (activityId: string, caller: Principal) => {
    const activity = await requireActivity(activityId);
    if (!mayManage(caller, activity)) throw new ForbiddenError('Only coordinators and the branch secretary check people in for them');
    return activity;
  };

  const onRoster = (activity: ActivityRecord, person: { branchId?: string }) =>
    !!activity.branchId && person.branchId === activity.branchId;

  /**
   * Where a person checking in sits: their confirmed registration, or a seat to take on arrival when they
   * are on the branch's roster and hold no live registration; anyone else is not expected here.
   */
  const seatOf = (activity: ActivityRecord, person: { branchId?: string }, registration: RegistrationRecord | undefined): Seat => {
    if (isLive(registration) && registration.status === 'confirmed') {
      if (registration.checkedInAt) throw new ConflictError('ALREADY_CHECKED_IN', 'Already checked in');
      return { kind: 'held', registration };
    }
    if (!isLive(registration) && onRoster(activity, person)) return { kind: 'roster' };
    throw new ConflictError('NOT_CONFIRMED', 'Only confirmed registrants and the branch roster check in');
  };

  /**
   * The check-in's write, with what goes with it: an academy training's completion (not for a walk-in: no
   * account) and the dashboard's participation (a seat taken on arrival counts as a sign-up too). A held
   * seat is stamped; otherwise the seat is taken in the same transaction.
   */
  const attend = async (
    activity: ActivityRecord,
    person: { id: string; nickname: string; branchId?: string },
    seat: Seat,
    at: Date,
    assistant?: { id: string; name: string },
  ): Promise<Registration> => {
    const nowIso = at.toISOString();
    const training =
      activity.kind === 'training' && activity.trainingTopic && seat.kind !== 'walk-in'
        ? { userId: person.id, topic: activity.trainingTopic, activityId: activity.id, title: activity.title }
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
      // A seat taken on arrival is counted as a sign-up by its own update of the activity (activities/seats.ts).
      countItem(participationScope(centerMonth(activity.startsAt)), { checkIns: 1, [`${activity.kind}CheckIns`]: 1 }),
      ...(activity.projectId ? [countItem(projectScope(activity.projectId), { checkIns: 1 })] : []),
    ];
    const stamp = {
      checkedInAt: nowIso,
      updatedAt: nowIso,
      ...(assistant ? { checkedInBy: assistant.id, checkedInByName: assistant.name } : {}),
    };
    if (seat.kind === 'held') {
      if ((await settled(() => activities.checkIn(activity.id, person.id, nowIso, alongside, assistant))) === 'refused') {
        const current = await activities.getRegistration(activity.id, person.id);
        if (current?.checkedInAt) throw new ConflictError('ALREADY_CHECKED_IN', 'Already checked in');
        throw new ConflictError('NOT_CONFIRMED', 'Only confirmed registrants check in');
      }
      return toRegistration({ ...seat.registration, ...stamp });
    }
    const record: RegistrationRecord = {
      activityId: activity.id,
      userId: person.id,
      id: ulid(at.getTime()),
      nickname: person.nickname,
      status: 'confirmed',
      registeredAt: nowIso,
      ...stamp,
      ...(seat.kind === 'walk-in' ? { walkIn: true } : {}),
    };
    const taken = await engine.seatOnArrival(record, alongside);
    if (taken === 'full')
      throw new ConflictError('NO_SEAT_LEFT', 'Every seat is taken: raise the capacity first', [{ path: 'capacity', message: '名额已满' }]);
    // They registered meanwhile (or checked in twice at once): check in on that seat instead, once.
    if (taken === 'exists')
      return attend(activity, person, seatOf(activity, person, await activities.getRegistration(activity.id, person.id)), at, assistant);
    return toRegistration(record);
  };

  /** 党员积分: checked in at a branch's meeting of organisational life (三会一课 and the like), once per meeting. */
  const organisationalLife = async (activity: ActivityRecord, userId: string, actorId: string, at: Date) => {
    if (activity.kind !== 'meeting' || !activity.meetingType || !activity.branchId) return;
    await partyPoints.awardQuietly({ userId, kind: 'meeting', ref: activity.id, what: activity.title, actorId, at });
  };

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

    /**
     * A member checks in with the code shown at the door: on their seat, or, on the branch's roster of a
     * branch meeting, on a seat taken in the same transaction (no registration needed).
     */
    async checkIn(activityId: string, body: CheckInRequest, caller: Principal) {
      const at = now();
      const activity = await requireActivity(activityId);
      openForCheckIn(activity, at);
      const seat = seatOf(activity, caller, await activities.getRegistration(activityId, caller.id));
      await verifyCode(activity, body, caller, at);
      const registration = await attend(activity, caller, seat, at);
      await organisationalLife(activity, caller.id, caller.id, at);
      return registration;
    },

    /** 代签: a coordinator or the branch's secretary checks in someone on the sheet (a registrant, or the roster), recorded as theirs. */
    async assistedCheckIn(activityId: string, userId: string, caller: Principal) {
      const at = now();
      const activity = await managed(activityId, caller);
      openForCheckIn(activity, at);
      const [registration, user] = await Promise.all([activities.getRegistration(activityId, userId), loadUser(userId)]);
      if (!user && !isLive(registration)) throw new NotFoundError('User');
      const person = { id: userId, nickname: user?.nickname ?? registration?.nickname ?? userId, branchId: user?.branchId };
      const checkedIn = await attend(activity, person, seatOf(activity, person, registration), at, by(caller));
      if (user) await organisationalLife(activity, userId, caller.id, at);
      return checkedIn;
    },

    /** 现场登记: someone without a phone or an account, checked in by name on a seat of their own; they never hold an account. */
    async walkIn(activityId: string, name: string, caller: Principal) {
      const at = now();
      const activity = await managed(activityId, caller);
      openForCheckIn(activity, at);
      return attend(activity, { id: `walkin-${ulid(at.getTime())}`, nickname: name }, { kind: 'walk-in' }, at, by(caller));
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

    /** Everyone expected (confirmed registrants, and the branch's roster for a branch meeting), counted by shared/rules/attendance. */
    async attendance(activityId: string, caller: Principal): Promise<AttendanceResponse> {
      const activity = await requireActivity(activityId);
      if (!mayManage(caller, activity) && !(await teaches(caller, activity)))
        throw new ForbiddenError('Only coordinators, the branch secretary and the class lecturers see attendance');
      const sheet = await readAttendanceSheet(activity, now(), {
        registrations: (id) => activities.allRegistrations(id),
        leaves: (id) => leaves.forActivity(id),
        roster,
      });
      return { activityId, ...sheet };
    },

    async requestLeave(activityId: string, reason: string, caller: Principal): Promise<Leave> {
      const activity = await requireActivity(activityId);
      const at = now();
      if (activity.status !== 'published' || at.getTime() > Date.parse(activity.endsAt)) {
        throw new ConflictError('LEAVE_CLOSED', 'Leave can be asked only before the activity ends');
      }
      if (!onRoster(activity, caller) && !isLive(await activities.getRegistration(activityId, caller.id))) {
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
      const decided = await leaves.decide(
        activityId,
        userId,
        decision === 'approve' ? 'approved' : 'refused',
        caller.id,
        now().toISOString(),
        note,
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

/** A person's seat at check-in: held already, to take as one of the branch's roster, or a walk-in's. */
type Seat = { kind: 'held'; registration: RegistrationRecord } | { kind: 'roster' } | { kind: 'walk-in' };

/** Who checked someone in for them, as the record keeps it. */
const by = (caller: Principal) => ({ id: caller.id, name: caller.nickname });
