/**
 * Planning activities: create, edit, publish, cancel, and the lists members browse. Seats are the
 * registration engine's business; this service only calls it when a change affects them.
 */
import {
  activityCalendar,
  ActivityStatus,
  activityTimeIssues,
  kindFieldIssues,
  noticeFields,
  hasAnyRole,
  ErrorCode,
  formatRange,
  holdsRole,
  Role,
  startOfCenterDay,
  PublicActivity,
  type Activity,
  type ActivityListQuery,
  type CreateActivityRequest,
  type UpdateActivityRequest,
} from '@hele/shared';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import { notify } from '../domain/inbox';
import { loadUser, type Principal } from '../lib/principal';
import { DEFAULT_RETRY, retrying } from '../lib/retry';
import { branchRecord } from '../domain/branches';
import { projectOf } from '../domain/projects';
import { indexKeys, inUtc, isLive, newActivityRecord, toActivity, type ActivityRecord } from '../domain/activities/records';
import { newActivityId } from '../domain/activities/hot';
import { placesOf } from '../domain/activities/places';
import { busy, type RegistrationEngine } from '../domain/activities/registration-engine';
import type { ActivityRepository } from '../domain/activities/repository';

export interface ActivityServiceDeps {
  repository: ActivityRepository;
  engine: RegistrationEngine;
  now?: () => Date;
}

const isCoordinator = (caller: Principal) => hasAnyRole(caller.roles, [Role.COORDINATOR]);
const stale = () => new ConflictError('STALE_ACTIVITY', 'The activity changed meanwhile, reload and try again');
const reload = async (repository: ActivityRepository, id: string) => (await repository.getActivity(id))!;

/** An edit that collided with a registration's transaction on the same item is simply tried again. */
const retryOnConflict = <T>(write: () => Promise<T | 'conflict'>): Promise<T> =>
  retrying(
    async () => {
      const outcome = await write();
      return outcome === 'conflict' ? undefined : outcome;
    },
    DEFAULT_RETRY,
    busy,
  );

/** The lecturers a class names hold the role, as a series' lecturers do. */
const requireLecturers = async (lecturerIds: string[] | undefined) => {
  const users = await Promise.all((lecturerIds ?? []).map((id) => loadUser(id)));
  const issues = users.flatMap((user, i) =>
    user && holdsRole(user.roles, Role.LECTURER) ? [] : [{ path: `lecturerIds.${i}`, message: '不是公益讲师' }],
  );
  if (issues.length) throw new ValidationError(issues);
};

/** An activity may name a project only if it exists. */
const requireProject = async (projectId: string | undefined) => {
  if (projectId && !(await projectOf(projectId))) throw ValidationError.field('projectId', '公益项目不存在');
};

/** A meeting may name a branch only if the directory has it (its roster, leave and statistics are that branch's). */
const requireBranch = async (branchId: string | undefined) => {
  if (branchId && !(await branchRecord(branchId))) throw ValidationError.field('branchId', '支部不存在');
};

/** What a registered person's calendar holds of an activity: a change to any of these moves the event. */
const SCHEDULE_FIELDS = ['startsAt', 'endsAt', 'venue', 'title'] as const;

export const createActivityService = ({ repository, engine, now = () => new Date() }: ActivityServiceDeps) => {
  /** Everyone who holds a seat or a waitlist place is told the new time and place (and to update their calendar). */
  const tellMoved = async (record: ActivityRecord) => {
    const holders = (await repository.allRegistrations(record.id)).filter(isLive);
    await Promise.all(
      holders.map((registration) =>
        notify({
          userId: registration.userId,
          kind: 'activity_changed',
          activityId: record.id,
          title: '活动时间地点有变',
          body: `你报名的「${record.title}」现为 ${formatRange(record.startsAt, record.endsAt)}，地点：${record.venue}。如已加入日历，请在活动页点“更新日历”。`,
        }),
      ),
    );
  };

  const load = async (id: string, caller: Principal): Promise<ActivityRecord> => {
    const record = await repository.getActivity(id);
    // Drafts are the coordinators' own: to anyone else they do not exist.
    if (!record || (record.status === ActivityStatus.DRAFT && !isCoordinator(caller))) throw new NotFoundError('Activity');
    return record;
  };

  const present = async (record: ActivityRecord, caller: Principal): Promise<Activity> =>
    toActivity(record, (await placesOf(repository, [record.id], caller.id)).get(record.id), now());

  const changeStatus = async (id: string, caller: Principal, to: ActivityStatus, allowedFrom: ActivityStatus[]) => {
    const record = await load(id, caller);
    if (!allowedFrom.includes(record.status)) {
      throw new ConflictError(ErrorCode.ACTIVITY_NOT_OPEN, `A ${record.status} activity cannot become ${to}`);
    }
    // A cancelled activity's calendar event says so with a higher SEQUENCE than the one people added.
    const revision = to === ActivityStatus.CANCELLED ? { scheduleRevision: (record.scheduleRevision ?? 0) + 1 } : {};
    const outcome = await retryOnConflict(() =>
      repository.updateActivity(
        id,
        { status: to, ...indexKeys(record.kind, to), ...revision, updatedAt: now().toISOString() },
        record.version,
      ),
    );
    if (outcome !== 'ok') throw stale();
    return record;
  };

  return {
    async create(input: CreateActivityRequest, caller: Principal): Promise<Activity> {
      await requireBranch(input.branchId);
      await requireProject(input.projectId);
      await requireLecturers(input.lecturerIds);
      const record = newActivityRecord(input, caller.id, now(), newActivityId(input.capacity));
      await repository.createActivity(record);
      return toActivity(record);
    },

    async get(id: string, caller: Principal): Promise<Activity> {
      return present(await load(id, caller), caller);
    },

    /** A published activity as anyone may see it: what, when, where and how many seats are left; nobody's data. */
    async publicSummary(id: string): Promise<PublicActivity> {
      const record = await repository.getActivity(id);
      if (record?.status !== ActivityStatus.PUBLISHED) throw new NotFoundError('Activity');
      return PublicActivity.parse(toActivity(record));
    },

    /** The activity as a calendar event (whoever may see the activity may add it to a calendar). */
    async calendar(id: string, caller: Principal, appOrigin: string): Promise<{ text: string; title: string }> {
      const record = await load(id, caller);
      const url = appOrigin ? `${appOrigin.replace(/\/$/, '')}/#/activity/detail/index?id=${record.id}` : undefined;
      return { text: activityCalendar(record, { now: now(), ...(url ? { url } : {}) }), title: record.title };
    },

    async list(query: ActivityListQuery, caller: Principal) {
      const status = query.status ?? ActivityStatus.PUBLISHED;
      if (status !== ActivityStatus.PUBLISHED && !isCoordinator(caller))
        throw new ForbiddenError('Only coordinators list drafts and cancelled activities');
      const page = await repository.listActivities({
        kind: query.kind,
        status,
        from: query.from ? new Date(query.from).toISOString() : startOfCenterDay(now()),
        limit: query.limit,
        cursor: query.cursor,
      });
      const places = await placesOf(
        repository,
        page.items.map((record) => record.id),
        caller.id,
      );
      return { items: page.items.map((record) => toActivity(record, places.get(record.id), now())), nextCursor: page.nextCursor };
    },

    async update(id: string, patch: UpdateActivityRequest, caller: Principal): Promise<Activity> {
      const record = await load(id, caller);
      if (record.status === ActivityStatus.CANCELLED)
        throw new ConflictError(ErrorCode.ACTIVITY_CANCELLED, 'A cancelled activity cannot be edited');
      // 仅限本支部 is checked against the branch the activity will have, edited or stored.
      const branch = { branchId: patch.branchId ?? record.branchId, branchOnly: patch.branchOnly ?? record.branchOnly };
      const issues = [...activityTimeIssues({ ...record, ...patch }), ...kindFieldIssues(record.kind, { ...patch, ...branch })];
      if (record.seriesId && patch.lecturerIds !== undefined)
        issues.push({ path: 'lecturerIds', message: '公益班课次的讲师由所属公益班决定' });
      if (issues.length) throw new ValidationError(issues);
      await requireBranch(patch.branchId);
      await requireProject(patch.projectId);
      await requireLecturers(patch.lecturerIds);
      const changes = inUtc(patch);
      const moved = SCHEDULE_FIELDS.some((field) => changes[field] !== undefined && changes[field] !== record[field]);
      const revision = moved ? { scheduleRevision: (record.scheduleRevision ?? 0) + 1 } : {};
      const outcome = await retryOnConflict(() =>
        repository.updateActivity(id, { ...changes, ...revision, updatedAt: now().toISOString() }, record.version),
      );
      if (outcome === 'below-confirmed') {
        throw new ConflictError(ErrorCode.CAPACITY_BELOW_CONFIRMED, `${record.confirmedCount} seats are taken: capacity cannot be lower`, [
          { path: 'capacity', message: '不能少于已报名人数' },
        ]);
      }
      if (outcome === 'stale') throw stale();
      if (patch.capacity !== undefined && patch.capacity > record.capacity) await engine.promoteWhileSeatsFree(id);
      const updated = await reload(repository, id);
      if (moved && updated.status === ActivityStatus.PUBLISHED) await tellMoved(updated);
      return present(updated, caller);
    },

    /** 公开直播 on or off; a cancelled activity's feed is not opened. */
    async setPublicFeed(id: string, open: boolean, caller: Principal): Promise<Activity> {
      const record = await load(id, caller);
      if (open && record.status === ActivityStatus.CANCELLED)
        throw new ConflictError(ErrorCode.ACTIVITY_CANCELLED, 'A cancelled activity’s feed is not made public');
      if ((record.publicFeed ?? false) !== open) {
        const outcome = await retryOnConflict(() =>
          repository.updateActivity(id, { publicFeed: open, updatedAt: now().toISOString() }, record.version),
        );
        if (outcome !== 'ok') throw stale();
      }
      return present(await reload(repository, id), caller);
    },

    async publish(id: string, caller: Principal): Promise<Activity> {
      await changeStatus(id, caller, ActivityStatus.PUBLISHED, [ActivityStatus.DRAFT]);
      return present(await reload(repository, id), caller);
    },

    /** Cancels the activity and every registration of it, and tells everyone who held one (and why, when the coordinator said). */
    async cancel(id: string, caller: Principal, reason?: string) {
      const record = await changeStatus(id, caller, ActivityStatus.CANCELLED, [ActivityStatus.DRAFT, ActivityStatus.PUBLISHED]);
      const affected = await engine.cancelAll(id);
      await Promise.all(
        affected.map((registration) =>
          notify(
            {
              userId: registration.userId,
              kind: 'activity_cancelled',
              activityId: id,
              title: '活动已取消',
              body: `很抱歉，你报名的「${record.title}」已取消${reason ? `，原因：${reason}` : ''}。报名已自动释放。`,
            },
            {
              topic: 'activity_cancelled',
              fields: noticeFields({ subject: record.title, result: '已取消', note: reason }),
              page: `activity/detail/index?id=${id}`,
            },
          ),
        ),
      );
      return { activity: await present(await reload(repository, id), caller), affected };
    },
  };
};
