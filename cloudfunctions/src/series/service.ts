/**
 * Class series (公益班, e.g. 越剧班 of 12 sessions) taught by volunteer lecturers. Each session is
 * an activity of kind class with its own seats and check-in: enrolling in the series registers for
 * every session still open through the registration engine (so its waitlist applies), one by one.
 * Progress and the completion certificate are computed from the check-ins.
 */
import {
  ActivityStatus,
  canCancel,
  canRegister,
  hasAnyRole,
  ErrorCode,
  holdsRole,
  Role,
  seriesProgress,
  type CreateSeriesRequest,
  type EnrolmentOutcome,
  type Series,
  type SeriesCertificate,
  type SeriesRoster,
} from '@hele/shared';
import { ulid } from 'ulid';
import { ConflictError, ForbiddenError, HttpError, NotFoundError, ValidationError } from '../lib/errors';
import { loadUser, type Principal } from '../lib/principal';
import { projectOf } from '../domain/projects';
import { retrying, settled } from '../lib/retry';
import { logger } from '../lib/logger';
import { recordStatuses, serviceRecordId } from '../domain/service-records';
import { isLive, toActivity, type ActivityRecord, type RegistrationRecord } from '../domain/activities/records';
import { placesOf } from '../domain/activities/places';
import type { RegistrationEngine } from '../domain/activities/registration-engine';
import type { ActivityRepository } from '../domain/activities/repository';
import type { SeriesRecord, SeriesRepository } from './repository';
import { newActivityRecord } from '../domain/activities/records';

export interface SeriesDeps {
  repository: ActivityRepository;
  series: SeriesRepository;
  engine: RegistrationEngine;
  now?: () => Date;
}

export const CERTIFICATE_ISSUER = '和乐党群服务中心';

const toSeries = ({ listKey: _listKey, lecturerIds: _ids, ...series }: SeriesRecord): Series => series;

const isCoordinator = (caller: Principal) => hasAnyRole(caller.roles, [Role.COORDINATOR]);
const teaches = (series: SeriesRecord, caller: Principal) => isCoordinator(caller) || series.lecturerIds.includes(caller.id);

/**
 * A new series and its sessions: one published class activity per session, titled with its
 * number, ids derived from the series' id (so a planned series is easy to recognise in lists).
 */
export const newSeriesRecords = (
  input: CreateSeriesRequest,
  lecturers: Array<{ id: string; nickname: string }>,
  createdBy: string,
  at: Date,
  id: string = ulid(at.getTime()),
): { record: SeriesRecord; sessions: ActivityRecord[] } => {
  const sessions = input.sessions.map((session, i) => ({
    ...newActivityRecord(
      {
        kind: 'class',
        title: `${input.title}（第${i + 1}课）`,
        description: input.description,
        venue: input.venue,
        capacity: input.capacity,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        agenda: [],
        publish: true,
        ...(input.projectId ? { projectId: input.projectId } : {}),
      },
      createdBy,
      at,
      `${id}-${i + 1}`,
    ),
    seriesId: id,
    sessionNo: i + 1,
  }));
  const record: SeriesRecord = {
    id,
    listKey: 'series',
    title: input.title,
    description: input.description,
    venue: input.venue,
    capacity: input.capacity,
    lecturerIds: lecturers.map((lecturer) => lecturer.id),
    lecturers,
    completionPercent: input.completionPercent,
    ...(input.projectId ? { projectId: input.projectId } : {}),
    sessionIds: sessions.map((session) => session.id),
    startsAt: sessions[0]!.startsAt,
    endsAt: sessions.at(-1)!.endsAt,
    createdBy,
    createdAt: at.toISOString(),
  };
  return { record, sessions };
};

type SessionOutcome = Omit<EnrolmentOutcome, 'activityId' | 'sessionNo'>;

/** One session's part of an enrolment: a session that refuses (closed a moment ago, too busy) does not undo the others. */
const eachSession = async (session: ActivityRecord, act: () => Promise<SessionOutcome>): Promise<EnrolmentOutcome> => {
  const base = { activityId: session.id, sessionNo: session.sessionNo ?? 0 };
  try {
    return { ...base, ...(await act()) };
  } catch (error) {
    // The sessions done beside it stay done: the caller hears which one failed and why, never a 500 that hides them.
    if (!(error instanceof HttpError)) logger.error('series session failed', { activityId: session.id, error: error as Error });
    return { ...base, outcome: 'skipped', reason: error instanceof HttpError ? error.code : 'FAILED' };
  }
};

/** A session's teaching: recorded once every lecturer's is approved; pending while a declaration waits for review. */
const teachingState = (statuses: Array<string | undefined>): 'recorded' | 'pending' | 'none' =>
  statuses.every((status) => status === 'approved') ? 'recorded' : statuses.includes('pending') ? 'pending' : 'none';

/** Why a session takes no registrations for good (as opposed to a moment's refusal such as BUSY). */
const CLOSED_REASONS = new Set<string>([ErrorCode.ACTIVITY_CANCELLED, ErrorCode.REGISTRATION_CLOSED, ErrorCode.ACTIVITY_NOT_OPEN]);

export const createSeriesService = ({ repository, series: seriesTable, engine, now = () => new Date() }: SeriesDeps) => {
  const load = async (id: string) => {
    const record = await seriesTable.get(id);
    if (!record) throw new NotFoundError('Series');
    return record;
  };

  /** The sessions in order (a session that went missing is left out rather than failing the page). */
  const sessionsOf = async (series: SeriesRecord): Promise<ActivityRecord[]> => {
    const found = await repository.getActivities(series.sessionIds);
    return series.sessionIds.flatMap((id) => found.get(id) ?? []);
  };

  const progressOf = (series: SeriesRecord, sessions: ActivityRecord[], mine: Map<string, RegistrationRecord>) => {
    const attended = new Set(
      [...mine.values()].filter((registration) => registration.checkedInAt).map((registration) => registration.activityId),
    );
    return seriesProgress(sessions, attended, series.completionPercent, now());
  };

  const requireTeacher = async (id: string, caller: Principal) => {
    const series = await load(id);
    if (!teaches(series, caller)) throw new ForbiddenError('Only the lecturers of this series and coordinators', 'NOT_LECTURER');
    return series;
  };

  return {
    async create(input: CreateSeriesRequest, caller: Principal): Promise<Series> {
      const lecturers = await Promise.all(input.lecturerIds.map((id) => loadUser(id)));
      const issues = lecturers.flatMap((user, i) =>
        user && holdsRole(user.roles, Role.LECTURER) ? [] : [{ path: `lecturerIds.${i}`, message: '不是公益讲师' }],
      );
      if (issues.length) throw new ValidationError(issues);
      if (input.projectId && !(await projectOf(input.projectId))) throw ValidationError.field('projectId', '公益项目不存在');

      const { record, sessions } = newSeriesRecords(
        input,
        lecturers.map((user) => ({ id: user!.id, nickname: user!.nickname })),
        caller.id,
        now(),
      );
      if ((await settled(() => seriesTable.create(record, sessions))) !== 'ok') {
        throw new ConflictError('SERIES_EXISTS', 'A series with this id exists, try again');
      }
      return toSeries(record);
    },

    /** Every series, newest first; `teaching`: only the caller's own (the lecturer's workspace). */
    async list(query: { limit: number; cursor?: string; teaching?: boolean }, caller: Principal) {
      if (query.teaching)
        return {
          items: (await seriesTable.all()).filter((series) => series.lecturerIds.includes(caller.id)).map(toSeries),
          nextCursor: null,
        };
      const page = await seriesTable.list(query);
      return { items: page.items.map(toSeries), nextCursor: page.nextCursor };
    },

    async detail(id: string, caller: Principal) {
      const series = await load(id);
      const sessions = await sessionsOf(series);
      const places = await placesOf(repository, series.sessionIds, caller.id);
      const mine = new Map([...places].flatMap(([sessionId, place]) => (place.record ? [[sessionId, place.record] as const] : [])));
      const presented = sessions.map((session) => toActivity(session, places.get(session.id), now()));
      return {
        series: toSeries(series),
        sessions: presented,
        ...(mine.size ? { progress: progressOf(series, sessions, mine) } : {}),
        teaches: teaches(series, caller),
      };
    },

    /** Registers the caller for every session that still takes registrations (all at once); the rest say why not. */
    async enrol(id: string, caller: Principal): Promise<EnrolmentOutcome[]> {
      const series = await load(id);
      const at = now();
      const outcomes = await Promise.all(
        (await sessionsOf(series)).map((session) =>
          eachSession(session, async () => {
            const verdict = canRegister(session, at);
            if (!verdict.ok) return { outcome: 'skipped', reason: verdict.code };
            const { registration } = await engine.register(session.id, caller);
            return {
              outcome: registration.status === 'waitlisted' ? 'waitlisted' : 'confirmed',
              ...(registration.position ? { position: registration.position } : {}),
            };
          }),
        ),
      );
      if (outcomes.every((item) => item.outcome === 'skipped' && CLOSED_REASONS.has(item.reason ?? ''))) {
        throw new ConflictError('SERIES_CLOSED', 'No session of this series takes registrations any more');
      }
      return outcomes;
    },

    /** Gives back the caller's places in the sessions still to come (those past their cancellation deadline stay). */
    async withdraw(id: string, caller: Principal): Promise<EnrolmentOutcome[]> {
      const series = await load(id);
      const at = now();
      const mine = await repository.getMine(series.sessionIds, caller.id);
      const upcoming = (await sessionsOf(series)).filter(
        (session) => isLive(mine.get(session.id)) && Date.parse(session.startsAt) > at.getTime(),
      );
      if (!upcoming.length) throw new NotFoundError('Live registration', 'NOT_REGISTERED');
      return Promise.all(
        upcoming.map((session) =>
          eachSession(session, async () => {
            const verdict = canCancel(session, mine.get(session.id)!.status, at);
            if (!verdict.ok) return { outcome: 'skipped', reason: verdict.code };
            if (session.status !== ActivityStatus.PUBLISHED) return { outcome: 'skipped', reason: ErrorCode.ACTIVITY_NOT_OPEN };
            await engine.cancel(session.id, caller);
            return { outcome: 'cancelled' };
          }),
        ),
      );
    },

    /** The lecturer's roster: every member who registered, and their state at each session. */
    async roster(id: string, caller: Principal): Promise<SeriesRoster> {
      const series = await requireTeacher(id, caller);
      const sessions = await sessionsOf(series);
      const at = now().getTime();
      const teachingIds = (sessionId: string) => series.lecturerIds.map((lecturerId) => serviceRecordId.teaching(sessionId, lecturerId));
      const [registrations, recorded] = await Promise.all([
        Promise.all(sessions.map((session) => repository.allRegistrations(session.id))),
        recordStatuses(sessions.flatMap((session) => teachingIds(session.id))),
      ]);
      const rows = new Map<string, SeriesRoster['rows'][number]>();
      registrations.forEach((ofSession, i) => {
        const ended = Date.parse(sessions[i]!.endsAt) <= at;
        for (const registration of ofSession) {
          if (!isLive(registration)) continue;
          const row = rows.get(registration.userId) ?? {
            userId: registration.userId,
            nickname: registration.nickname ?? '',
            marks: sessions.map(() => 'none' as const),
            attended: 0,
          };
          row.marks[i] = registration.checkedInAt
            ? 'attended'
            : registration.status === 'waitlisted'
              ? 'waitlisted'
              : ended
                ? 'absent'
                : 'confirmed';
          if (registration.checkedInAt) row.attended++;
          rows.set(registration.userId, row);
        }
      });
      return {
        sessions: sessions.map((session, i) => ({
          activityId: session.id,
          sessionNo: session.sessionNo ?? i + 1,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          status: session.status,
          confirmed: session.confirmedCount,
          checkedIn: registrations[i]!.filter((registration) => registration.checkedInAt).length,
          teaching: teachingState(teachingIds(session.id).map((id) => recorded.get(id))),
        })),
        rows: [...rows.values()].sort((a, b) => b.attended - a.attended || a.nickname.localeCompare(b.nickname, 'zh-CN')),
      };
    },

    /** 课后小结: the lecturer's notes on one session of their series. */
    async saveNotes(id: string, activityId: string, notes: string, caller: Principal) {
      await requireTeacher(id, caller);
      return retrying(async () => {
        const session = await repository.getActivity(activityId);
        if (!session || session.seriesId !== id) throw new NotFoundError('Session');
        const outcome = await repository.updateActivity(
          activityId,
          { sessionNotes: notes, updatedAt: now().toISOString() },
          session.version,
        );
        return outcome === 'ok' ? toActivity({ ...session, sessionNotes: notes }) : undefined;
      });
    },

    /** 结业证书: only for a finished series attended at least at its threshold. */
    async certificate(id: string, caller: Principal): Promise<SeriesCertificate> {
      const series = await load(id);
      const sessions = await sessionsOf(series);
      const progress = progressOf(series, sessions, await repository.getMine(series.sessionIds, caller.id));
      if (!progress.completed) {
        throw new ConflictError(
          'NOT_COMPLETED',
          progress.finished
            ? `Attended ${progress.attended} of ${progress.total} sessions; ${progress.needed} are needed`
            : 'The series has not finished yet',
          [{ path: 'progress', message: `${progress.attended}/${progress.needed}` }],
        );
      }
      return {
        serial: `HL-${series.id.slice(-6)}-${caller.id.slice(-6)}`.toUpperCase(),
        series: {
          id: series.id,
          title: series.title,
          lecturers: series.lecturers.map((lecturer) => lecturer.nickname),
          startsAt: series.startsAt,
          endsAt: series.endsAt,
        },
        member: { id: caller.id, nickname: caller.nickname },
        attended: progress.attended,
        total: progress.total,
        percent: progress.percent,
        issuer: CERTIFICATE_ISSUER,
        issuedAt: now().toISOString(),
      };
    },

    /** 我的公益班: every series the caller registered for, with their progress. */
    async mine(caller: Principal) {
      const registrations = (await repository.allOfUser(caller.id)).filter(isLive);
      const activities = await repository.getActivities(registrations.map((registration) => registration.activityId));
      const seriesIds = [...new Set([...activities.values()].flatMap((activity) => activity.seriesId ?? []))];
      const items = await Promise.all(
        seriesIds.map(async (seriesId) => {
          const series = await seriesTable.get(seriesId);
          if (!series) return [];
          const sessions = await sessionsOf(series);
          const mine = new Map(
            registrations
              .filter((registration) => series.sessionIds.includes(registration.activityId))
              .map((registration) => [registration.activityId, registration]),
          );
          return [{ ...toSeries(series), progress: progressOf(series, sessions, mine) }];
        }),
      );
      return { items: items.flat().sort((a, b) => b.startsAt.localeCompare(a.startsAt)), nextCursor: null };
    },
  };
};
