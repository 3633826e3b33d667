/**
 * 书记学院 (docs/DOMAIN.md §1): secretaries sign up to observe another branch's meeting (limited seats,
 * taken by conditional writes), then score it once on the coordinators' rubric; a meeting's scores
 * show from the second sheet on, and the board (互学互比) ranks meetings and branches per year.
 */
import {
  centerMonth,
  mayObserve,
  OBSERVER_SEATS,
  rankBoard,
  SCORES_VISIBLE_AT,
  scoreProblems,
  weightedMark,
  type AcademyBoard,
  type MeetingScores,
  type Observer,
  type RubricInput,
  type ScoreSheetInput,
} from '@hele/shared';
import { branchNames } from '../domain/branches';
import type { ActivitySummary } from '../domain/activities/summary';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import type { Principal } from '../lib/principal';
import { busy, settled } from '../lib/retry';
import type { academyRepository as AcademyRepository } from './repository';

export interface AcademyDeps {
  academy: typeof AcademyRepository;
  activity: (id: string) => Promise<ActivitySummary | undefined>;
  now?: () => Date;
}

const yearOf = (iso: string) => Number(centerMonth(iso).slice(0, 4));

export const createAcademyService = ({ academy, activity: activityOf, now = () => new Date() }: AcademyDeps) => {
  const requireMeeting = async (id: string) => {
    const meeting = await activityOf(id);
    if (meeting?.status !== 'published') throw new NotFoundError('Activity');
    return meeting;
  };
  const requireRubric = async () => {
    const rubric = await academy.rubric();
    if (!rubric) throw new ConflictError('NO_RUBRIC', 'The coordinators have not set the rubric yet');
    return rubric;
  };

  return {
    rubric: async () => (await academy.rubric()) ?? { criteria: [] },
    async setRubric(rubric: RubricInput) {
      await academy.putRubric(rubric);
      return rubric;
    },

    async observe(activityId: string, caller: Principal): Promise<Observer> {
      const meeting = await requireMeeting(activityId);
      const verdict = mayObserve(meeting, caller.branchId);
      if (!verdict.ok)
        throw verdict.code === 'OWN_BRANCH'
          ? new ForbiddenError(verdict.message, verdict.code)
          : new ConflictError(verdict.code, verdict.message);
      const observer = { activityId, userId: caller.id, nickname: caller.nickname, branchId: caller.branchId!, at: now().toISOString() };
      const outcome = await settled(() => academy.observe(observer, OBSERVER_SEATS));
      if (outcome === 'ok') return observer;
      if (outcome === 'seats') throw new ConflictError('OBSERVER_SEATS_FULL', `The ${OBSERVER_SEATS} observer seats are taken`);
      if (outcome === 'observer') return (await academy.observers(activityId)).find((item) => item.userId === caller.id)!;
      throw busy();
    },

    async observers(activityId: string) {
      await requireMeeting(activityId);
      return { items: await academy.observers(activityId), seats: OBSERVER_SEATS };
    },

    async score(activityId: string, input: ScoreSheetInput, caller: Principal) {
      const meeting = await requireMeeting(activityId);
      if (Date.parse(meeting.startsAt) > now().getTime()) throw new ConflictError('MEETING_NOT_HELD', 'Score a meeting after observing it');
      const rubric = await requireRubric();
      const problems = scoreProblems(rubric.criteria, input.marks, input.comments);
      if (problems.length) throw new ValidationError(problems);
      const sheet = {
        activityId,
        userId: caller.id,
        marks: input.marks,
        comments: input.comments,
        mark: weightedMark(rubric.criteria, input.marks),
        at: now().toISOString(),
      };
      const outcome = await settled(() =>
        academy.score(sheet, { year: yearOf(meeting.startsAt), title: meeting.title, branchId: meeting.branchId! }),
      );
      if (outcome === 'observer') throw new ForbiddenError('Only the meeting’s observers score it', 'NOT_AN_OBSERVER');
      if (outcome === 'sheet') throw new ConflictError('ALREADY_SCORED', 'You scored this meeting already');
      return { activityId, mark: sheet.mark };
    },

    async scores(activityId: string): Promise<MeetingScores> {
      await requireMeeting(activityId);
      const [sheets, rubric] = await Promise.all([academy.sheets(activityId), academy.rubric()]);
      if (sheets.length < SCORES_VISIBLE_AT) return { activityId, count: sheets.length, visible: false };
      const average = (values: number[]) => Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
      return {
        activityId,
        count: sheets.length,
        visible: true,
        average: average(sheets.map((sheet) => sheet.mark)),
        criteria: (rubric?.criteria ?? []).map((criterion) => ({
          id: criterion.id,
          name: criterion.name,
          average: average(sheets.map((sheet) => (sheet.marks[criterion.id] ?? 0) * 100)),
        })),
        comments: sheets.flatMap((sheet) =>
          Object.entries(sheet.comments)
            .filter(([, text]) => text)
            .map(([criterion, text]) => ({ criterion, text })),
        ),
      };
    },

    async board(year = yearOf(now().toISOString())): Promise<AcademyBoard> {
      const { meetings, branches } = await academy.board(year);
      const names = await branchNames(branches.map((branch) => branch.id));
      return {
        year,
        meetings: await Promise.all(
          rankBoard(meetings).map(async ({ id, title, branchId, average, count, rank }) => ({
            id,
            title: title ?? '',
            branchId: branchId ?? '',
            average,
            count,
            rank,
            comments: (await academy.sheets(id)).flatMap((sheet) => Object.values(sheet.comments).filter(Boolean)),
          })),
        ),
        // A branch gone from the directory keeps its marks under a plain name.
        branches: rankBoard(branches).map(({ id, average, count, rank }) => ({
          id,
          name: names.get(id) ?? '已撤销的支部',
          average,
          count,
          rank,
        })),
      };
    },
  };
};
