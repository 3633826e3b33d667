import * as z from 'zod';
import { Activity, MAX_CAPACITY } from './activities';
import { Id, IsoDateTime, ListQuery, counts, list, page } from './common';

/** One session of a class series: its own times; title, venue and capacity come from the series. */
export const SeriesSessionInput = z.object({ startsAt: IsoDateTime, endsAt: IsoDateTime }).strict();

/** Sessions in order, each ending after it starts and before the next one starts. */
export const sessionIssues = (sessions: ReadonlyArray<{ startsAt: string; endsAt: string }>): Array<{ path: string; message: string }> => {
  const issues: Array<{ path: string; message: string }> = [];
  sessions.forEach((session, i) => {
    if (Date.parse(session.endsAt) <= Date.parse(session.startsAt))
      issues.push({ path: `sessions.${i}.endsAt`, message: '须晚于开始时间' });
    const previous = sessions[i - 1];
    if (previous && Date.parse(session.startsAt) < Date.parse(previous.endsAt)) {
      issues.push({ path: `sessions.${i}.startsAt`, message: '不能早于上一次课结束' });
    }
  });
  return issues;
};

/** A coordinator plans a class series (公益班, e.g. 越剧班 of 12 sessions) taught by volunteer lecturers. */
export const CreateSeriesRequest = z
  .object({
    title: z.string().trim().min(2).max(40),
    description: z.string().trim().max(2000).default(''),
    venue: z.string().trim().min(1, '请填写地点').max(100),
    capacity: z.number().int().min(1).max(MAX_CAPACITY),
    lecturerIds: z.array(Id).min(1).max(5),
    /** Share of the sessions a member must attend for the completion certificate. */
    completionPercent: z.number().int().min(50).max(100).default(80),
    projectId: Id.optional(),
    sessions: z.array(SeriesSessionInput).min(1).max(30),
  })
  .strict()
  .superRefine((value, ctx) => {
    for (const { path, message } of sessionIssues(value.sessions))
      ctx.addIssue({ code: 'custom', path: path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message });
    if (new Set(value.lecturerIds).size !== value.lecturerIds.length)
      ctx.addIssue({ code: 'custom', path: ['lecturerIds'], message: '同一位讲师填写了两次' });
  });
export type CreateSeriesRequest = z.infer<typeof CreateSeriesRequest>;

/** The weekly rhythm a coordinator types to plan the sessions (`weeklySessions`): how many, and how long each. */
export const WeeklyRhythm = z
  .object({
    count: z.number().int().min(1).max(30),
    minutes: z
      .number()
      .int()
      .min(10)
      .max(8 * 60),
  })
  .strict();

export const SeriesLecturer = z.object({ id: Id, nickname: z.string() });

export const Series = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  venue: z.string(),
  capacity: z.number().int(),
  lecturers: z.array(SeriesLecturer),
  completionPercent: z.number().int(),
  projectId: Id.optional(),
  /** The sessions' activity ids, in order (session n is `sessionIds[n - 1]`). */
  sessionIds: z.array(Id),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  createdBy: Id,
  createdAt: IsoDateTime,
});
export type Series = z.infer<typeof Series>;

/**
 * A member's progress in a series: sessions attended of those that count (cancelled ones do not); `needed`: sessions
 * to attend for the certificate.
 */
export const SeriesProgress = z.object({
  ...counts('attended', 'held', 'total', 'percent', 'needed'),
  finished: z.boolean(),
  completed: z.boolean(),
});
export type SeriesProgress = z.infer<typeof SeriesProgress>;

export const SeriesSummary = Series.extend({ progress: SeriesProgress.optional() });
export const SeriesPage = page(SeriesSummary);
export const SeriesListQuery = ListQuery.extend({
  /** `true`: only the series the caller teaches (the lecturer's workspace). */
  teaching: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export const SeriesDetail = z.object({
  series: Series,
  sessions: z.array(Activity),
  /** The caller's progress, once they registered for any session. */
  progress: SeriesProgress.optional(),
  /** The caller teaches this series (or coordinates the center): the roster and notes are theirs. */
  teaches: z.boolean(),
});
export type SeriesDetail = z.infer<typeof SeriesDetail>;

export const EnrolmentOutcome = z.object({
  activityId: Id,
  sessionNo: z.number().int(),
  outcome: z.enum(['confirmed', 'waitlisted', 'cancelled', 'skipped']),
  position: z.number().int().optional(),
  /** Why a session was skipped (its registration closed, a seat already held…). */
  reason: z.string().optional(),
});
export const EnrolmentResponse = list(EnrolmentOutcome);
export type EnrolmentOutcome = z.infer<typeof EnrolmentOutcome>;

/** One member's row of a series roster: their state per session, in session order. */
export const RosterMark = z.enum(['attended', 'absent', 'confirmed', 'waitlisted', 'none']);
export const RosterRow = z.object({ userId: Id, nickname: z.string(), marks: z.array(RosterMark), attended: z.number().int() });
export const SeriesRoster = z.object({
  sessions: z.array(
    z.object({
      activityId: Id,
      sessionNo: z.number().int(),
      startsAt: IsoDateTime,
      endsAt: IsoDateTime,
      status: z.string(),
      confirmed: z.number().int(),
      checkedIn: z.number().int(),
      teaching: z.enum(['recorded', 'pending', 'none']),
    }),
  ),
  rows: z.array(RosterRow),
});
export type SeriesRoster = z.infer<typeof SeriesRoster>;

export const SessionParams = z.object({ id: Id, activityId: Id });
export const SessionNotesRequest = z.object({ notes: z.string().trim().min(1).max(2000) }).strict();

/** 结业证书: issued once a finished series was attended above its threshold. */
export const SeriesCertificate = z.object({
  serial: z.string(),
  series: z.object({ id: Id, title: z.string(), lecturers: z.array(z.string()), startsAt: IsoDateTime, endsAt: IsoDateTime }),
  member: z.object({ id: Id, nickname: z.string() }),
  attended: z.number().int(),
  total: z.number().int(),
  percent: z.number().int(),
  issuer: z.string(),
  issuedAt: IsoDateTime,
});
export type SeriesCertificate = z.infer<typeof SeriesCertificate>;
