/**
 * Meetings that produce measures (docs/DOMAIN.md §1): members post ideas and questions and vote (one vote
 * per member per idea, counted exactly); the facilitator — a coordinator or the branch's secretary —
 * groups them and records the measures (措施) with an owner and a due date; owners update them,
 * and overdue ones show on the secretary's home page. The board, measures and minutes belong to the
 * meeting's audience (domain/meeting-audience.ts, docs/DOMAIN.md › Who sees personal data).
 */
import {
  branchYear,
  centerDate,
  CENTER_UTC_OFFSET_MINUTES,
  draftMinutes,
  ErrorCode,
  hasAnyRole,
  runsActivityOf,
  maskName,
  Role,
  type ActionItem,
  type ActionItemInput,
  type BranchYearFigures,
  type PartyAppraisalRow,
  rankByTotal,
  type ComplianceTotalsFigures,
  type Idea,
  type IdeaInput,
  type Minutes,
} from '@hele/shared';
import { readAttendanceSheet } from '../domain/activities/attendance-sheet';
import type { ActivitySummary } from '../domain/activities/summary';
import type { Standing } from '../domain/meeting-audience';
import { requirePassing, TextScene, type ContentChecker } from '../lib/content-check';
import { ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import { branchMembers, loadUser, type Principal } from '../lib/principal';
import { settled } from '../lib/retry';
import { branchScope, readCounts } from '../domain/stats';
import { partyPoints } from '../domain/party-points';
import { newActionRecord, newIdeaRecord, type ActionRecord, type boardRepository as BoardRepository, type IdeaRecord } from './repository';

export interface MeetingDeps {
  board: typeof BoardRepository;
  activity: (id: string) => Promise<ActivitySummary | undefined>;
  /** Published meetings starting in [from, to]. */
  meetingsBetween: (from: string, to: string) => Promise<ActivitySummary[]>;
  /** Where the caller stands towards a meeting: in its audience, or outside. */
  standing: (activity: ActivitySummary, caller: Principal) => Promise<Standing>;
  /** 三会一课 of the year: every 党支部 of the directory, and the compliance figures of some. */
  compliance: {
    branchIds: () => Promise<string[]>;
    totalsOf: (branchIds: readonly string[], year: number) => Promise<Map<string, ComplianceTotalsFigures>>;
  };
  /** What members write for the meeting to read (ideas, a measure's note) passes it first. */
  checker: ContentChecker;
  now?: () => Date;
}

const isCoordinator = (caller: Principal) => hasAnyRole(caller.roles, [Role.COORDINATOR]);
const facilitates = (caller: Principal, activity: ActivitySummary) => runsActivityOf(caller, activity.branchId);

/** Who speaks at a meeting (posts ideas, votes): its audience but the observers, who watch. */
const speaks = (standing: Standing) => standing === 'center' || standing === 'member' || standing === 'registrant';

/**
 * Whether the caller sees someone on the board only masked: outside the audience, anyone but themselves. They then
 * get the name masked and no id, which the names shown elsewhere (a feed's comments) would match back to the person.
 */
const maskedFor = (standing: Standing, caller: Principal, userId: string) => standing === 'outsider' && userId !== caller.id;

const toIdea = ({ sk: _sk, ...idea }: IdeaRecord, votedByMe?: boolean): Idea => ({
  ...idea,
  ...(votedByMe !== undefined ? { votedByMe } : {}),
});
const toAction = ({ sk: _sk, openBranchKey: _key, ...action }: ActionRecord): ActionItem => action;

export const createMeetingService = ({
  board,
  activity: activityOf,
  meetingsBetween,
  standing: standingOf,
  compliance,
  checker,
  now = () => new Date(),
}: MeetingDeps) => {
  const visible = async (activityId: string, caller: Principal) => {
    const activity = await activityOf(activityId);
    if (!activity || (activity.status === 'draft' && !isCoordinator(caller))) throw new NotFoundError('Activity');
    return activity;
  };
  /**
   * The meeting and where the caller stands. A branch meeting's board is its audience's alone (403:
   * that the meeting exists is no secret, its activity page is public); another activity's board is
   * open to every user, with the names of people masked outside its audience.
   */
  const attended = async (activityId: string, caller: Principal) => {
    const activity = await visible(activityId, caller);
    const standing = await standingOf(activity, caller);
    if (activity.branchId && standing === 'outsider')
      throw new ForbiddenError('A branch meeting’s board is its audience’s', ErrorCode.MEETING_PRIVATE);
    return { activity, standing };
  };
  /** The minutes name people in their text: they are the audience's, at every activity. */
  const audience = async (activityId: string, caller: Principal) => {
    const found = await attended(activityId, caller);
    if (found.standing === 'outsider') throw new ForbiddenError('The minutes are the audience’s', ErrorCode.MEETING_PRIVATE);
    return found;
  };
  const speaker = async (activityId: string, caller: Principal) => {
    const found = await attended(activityId, caller);
    if (!speaks(found.standing)) throw new ForbiddenError('Only the meeting’s members and registrants speak', ErrorCode.NOT_A_PARTICIPANT);
    return found;
  };
  const facilitated = async (activityId: string, caller: Principal) => {
    const activity = await visible(activityId, caller);
    if (!facilitates(caller, activity)) throw new ForbiddenError('Only the facilitator (a coordinator or the branch secretary) does this');
    return activity;
  };

  /** The center's year of `now`, and the UTC instants of its first moment and of the next year's. */
  const yearBounds = (year: number) => {
    const offset = CENTER_UTC_OFFSET_MINUTES * 60_000;
    return [new Date(Date.UTC(year, 0, 1) - offset).toISOString(), new Date(Date.UTC(year + 1, 0, 1) - offset).toISOString()] as const;
  };
  const thisYear = () => Number(centerDate(now()).slice(0, 4));

  /**
   * Every branch's year: its meetings held so far (started, published), with their counted figures and
   * measures, and its 三会一课 (periods held, overdue). The whole year lists every 党支部 of the directory
   * once the year has begun, those that held nothing too.
   */
  const yearOfBranches = async (year: number, onlyBranch?: string): Promise<BranchYearFigures[]> => {
    const [from, until] = yearBounds(year);
    const to = [until, now().toISOString()].sort()[0]!;
    const begun = from <= to;
    // A year still to come has held nothing (and a range that ends before it starts is no query).
    const held = (begun ? await meetingsBetween(from, to) : []).filter(
      (meeting) => meeting.branchId && (!onlyBranch || meeting.branchId === onlyBranch),
    );
    const listed = onlyBranch ? [onlyBranch] : begun ? await compliance.branchIds() : [];
    const branches = [...new Set([...held.map((meeting) => meeting.branchId!), ...listed])].sort();
    // Each meeting counted as its attendance page counts it (one roster read per branch).
    const rosters = new Map(await Promise.all(branches.map(async (branchId) => [branchId, await branchMembers(branchId)] as const)));
    const at = now();
    const [figures, schedule] = await Promise.all([
      Promise.all(
        held.map(async (meeting) => {
          const [sheet, measures] = await Promise.all([
            readAttendanceSheet(meeting, at, { rosterOf: rosters.get(meeting.branchId!) }),
            board.actions(meeting.id),
          ]);
          return { branchId: meeting.branchId!, meeting: sheet.summary, measures };
        }),
      ),
      compliance.totalsOf(branches, year),
    ]);
    const partyTotals = await partyPoints.yearTotals(
      [...rosters.values()].flat().map((member) => member.id),
      year,
    );
    return Promise.all(
      branches.map(async (branchId) => {
        const mine = figures.filter((item) => item.branchId === branchId);
        const marks = await readCounts(branchScope(branchId, year));
        const totals = schedule.get(branchId);
        return {
          branchId,
          year,
          ...branchYear(
            mine.map((item) => item.meeting),
            mine.flatMap((item) => item.measures),
            { sum: marks.scoreSum ?? 0, sheets: marks.scores ?? 0 },
          ),
          compliance: totals
            ? { expected: totals.expected, held: totals.held, overdue: totals.overdue, rate: totals.rate }
            : { expected: 0, held: 0, overdue: 0, rate: null },
          partyPoints: (rosters.get(branchId) ?? []).reduce((sum, member) => sum + (partyTotals.get(member.id) ?? 0), 0),
        };
      }),
    );
  };

  return {
    /** One branch's year: for coordinators and that branch's secretary. */
    async branchStatistics(branchId: string, year: number | undefined, caller: Principal): Promise<BranchYearFigures> {
      if (!isCoordinator(caller) && !(hasAnyRole(caller.roles, [Role.SECRETARY]) && caller.branchId === branchId))
        throw new ForbiddenError('Only coordinators and the branch secretary see its statistics');
      return (await yearOfBranches(year ?? thisYear(), branchId))[0]!;
    },

    /** Every branch that held meetings in the year (coordinators; the yearly summary). */
    allBranches: (year: number | undefined) => yearOfBranches(year ?? thisYear()),

    /** 民主评议: every 党支部's members by the year's 党员积分, each branch ranked by itself. */
    async partyAppraisal(year: number): Promise<PartyAppraisalRow[]> {
      const branches = (await compliance.branchIds()).sort();
      const rows: PartyAppraisalRow[] = [];
      for (const branchId of branches) {
        const members = await branchMembers(branchId);
        const totals = await partyPoints.yearTotals(
          members.map((member) => member.id),
          year,
        );
        const ranked = rankByTotal(
          members.map((member) => ({ name: member.realName ?? member.nickname, total: totals.get(member.id) ?? 0 })),
        );
        rows.push(...ranked.map((row) => ({ branchId, ...row })));
      }
      return rows;
    },

    /** The center's current year (the statistics' default). */
    thisYear: async () => thisYear(),

    /** The minutes as the facilitator saved them, or else drafted from the meeting's records; with the meeting's title. */
    async minutesWithTitle(activityId: string, caller: Principal): Promise<{ minutes: Minutes; title: string }> {
      const { activity } = await audience(activityId, caller);
      const saved = await board.minutes(activityId);
      if (saved) return { title: activity.title, minutes: { activityId, text: saved.text, edited: true, updatedAt: saved.updatedAt } };
      const [ideas, actions, sheet] = await Promise.all([
        board.ideas(activityId),
        board.actions(activityId),
        readAttendanceSheet(activity, now()),
      ]);
      const text = draftMinutes({ ...activity, agenda: activity.agenda ?? [], attendance: sheet.summary, ideas, actions });
      return { title: activity.title, minutes: { activityId, text, edited: false } };
    },

    async saveMinutes(activityId: string, text: string, caller: Principal): Promise<Minutes> {
      await facilitated(activityId, caller);
      const updatedAt = now().toISOString();
      await board.putMinutes(activityId, { text, updatedAt, updatedBy: caller.id });
      return { activityId, text, edited: true, updatedAt };
    },

    async addIdea(activityId: string, input: IdeaInput, caller: Principal) {
      await speaker(activityId, caller);
      await requirePassing(checker, caller.id, TextScene.FORUM, { text: input.text });
      const record = newIdeaRecord(activityId, input, caller, now());
      await board.addIdea(record);
      return toIdea(record, false);
    },

    /** Most votes first, then oldest. */
    async ideas(activityId: string, caller: Principal) {
      const { standing } = await attended(activityId, caller);
      const records = await board.ideas(activityId);
      const voted = await board.votedBy(
        activityId,
        caller.id,
        records.map((idea) => idea.id),
      );
      const items = records
        .map((record) => {
          const idea = toIdea(record, voted.has(record.id));
          if (!maskedFor(standing, caller, record.authorId)) return idea;
          const { authorId: _hidden, ...shown } = idea;
          return { ...shown, authorName: maskName(idea.authorName) };
        })
        .sort((a, b) => b.voteCount - a.voteCount || a.id.localeCompare(b.id));
      return { items };
    },

    async vote(activityId: string, ideaId: string, voted: boolean, caller: Principal) {
      await speaker(activityId, caller);
      const outcome = await settled(() => board.vote(activityId, ideaId, caller.id, voted));
      if (outcome === 'idea') throw new NotFoundError('Idea');
      // `vote` refused: already voted (or had not): nothing changed.
      const idea = await board.idea(activityId, ideaId);
      if (!idea) throw new NotFoundError('Idea');
      return { ideaId, voteCount: idea.voteCount, voted };
    },

    async group(activityId: string, ideaId: string, group: string, caller: Principal) {
      await facilitated(activityId, caller);
      const idea = await board.group(activityId, ideaId, group);
      if (!idea) throw new NotFoundError('Idea');
      return toIdea(idea);
    },

    async addAction(activityId: string, input: ActionItemInput, caller: Principal) {
      const activity = await facilitated(activityId, caller);
      const owner = await loadUser(input.ownerId);
      if (!owner) throw ValidationError.field('ownerId', '用户不存在');
      const record = newActionRecord(activity, input, owner, now());
      await board.addAction(record);
      return toAction(record);
    },

    async actions(activityId: string, caller: Principal) {
      const { standing } = await attended(activityId, caller);
      const items = (await board.actions(activityId))
        .map((record) => {
          const action = toAction(record);
          if (!maskedFor(standing, caller, record.ownerId)) return action;
          const { ownerId: _hidden, ...shown } = action;
          return { ...shown, ownerName: maskName(action.ownerName) };
        })
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      return { items };
    },

    /** Owners report progress on their own measures; the facilitator on any of the meeting's. */
    async updateAction(activityId: string, actionId: string, change: { status?: 'open' | 'done'; note?: string }, caller: Principal) {
      const activity = await visible(activityId, caller);
      const record = await board.action(activityId, actionId);
      if (!record) throw new NotFoundError('Action item');
      if (record.ownerId !== caller.id && !facilitates(caller, activity))
        throw new ForbiddenError('Only the owner or the facilitator updates a measure');
      await requirePassing(checker, caller.id, TextScene.COMMENT, { note: change.note });
      const updated = await board.updateAction(record, change, now().toISOString());
      if (!updated) throw new NotFoundError('Action item');
      return toAction(updated);
    },

    async mine(caller: Principal, page: { limit: number; cursor?: string }) {
      const result = await board.ofOwner(caller.id, page);
      return { items: result.items.map(toAction), nextCursor: result.nextCursor };
    },

    /** Open measures past their due date: a secretary's own branch; coordinators name the branch. */
    async overdue(query: { branchId?: string; limit: number; cursor?: string }, caller: Principal) {
      const branchId = isCoordinator(caller) ? query.branchId : caller.branchId;
      if (!branchId) {
        if (isCoordinator(caller)) throw ValidationError.field('branchId', '请选择支部');
        return { items: [], nextCursor: null };
      }
      if (query.branchId && query.branchId !== branchId) throw new ForbiddenError('A secretary sees their own branch');
      const result = await board.overdue(branchId, centerDate(now()), query);
      return { items: result.items.map(toAction), nextCursor: result.nextCursor };
    },
  };
};
