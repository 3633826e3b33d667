import * as z from 'zod';
import {
  ActivityKindSchema,
  ActivityStatusSchema,
  DiscussionFormatSchema,
  MeetingTypeSchema,
  RegistrationStatusSchema,
  ServiceDestinationSchema,
  TrainingTopicSchema,
} from '../constants';
import { PARTICIPATION_STATES } from '../rules/participation';
import { LeaveStatusSchema } from './check-in';
import { Id, IsoDateTime, ListQuery, page, list, timestampFields } from './common';

export const MAX_CAPACITY = 10_000;

export const AgendaItem = z.object({
  title: z.string().trim().min(1).max(40),
  minutes: z.number().int().min(1).max(600).optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** Fields a coordinator sets when planning an activity. */
const activityFields = {
  kind: ActivityKindSchema,
  title: z.string().trim().min(1, '请填写标题').max(60),
  description: z.string().trim().max(2000).default(''),
  coverImage: z.url().max(500).optional(),
  /** A period theme such as 两学一做 (meetings). */
  theme: z.string().trim().max(30).optional(),
  branchId: Id.optional(),
  /** A branch meeting open to its branch only (仅限本支部): others cannot register; its roster checks in without registering. */
  branchOnly: z.boolean().optional(),
  /** 三会一课: which kind of required branch meeting this is (支部党员大会, 党课…); it counts once someone checks in. */
  meetingType: MeetingTypeSchema.optional(),
  /** The public-benefit project (铅笔花校园行, 公益黄手环…) the activity belongs to. */
  projectId: Id.optional(),
  venue: z.string().trim().min(1, '请填写地点').max(100),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  capacity: z.number().int().min(1).max(MAX_CAPACITY),
  registrationOpensAt: IsoDateTime.optional(),
  registrationClosesAt: IsoDateTime.optional(),
  cancellationDeadline: IsoDateTime.optional(),
  agenda: z.array(AgendaItem).max(20).default([]),
  discussionFormat: DiscussionFormatSchema.optional(),
  /** Trainings: which academy topic completing this one records. */
  trainingTopic: TrainingTopicSchema.optional(),
  /** Service activities: the training a volunteer must have completed to register. */
  requiredTraining: TrainingTopicSchema.optional(),
  /** Service activities: where the service goes (进基层 / 进村居 / 进学校 / 进高墙). */
  destination: ServiceDestinationSchema.optional(),
  /** Classes: the lecturers who teach it (and alone declare its teaching); a series' sessions have the series'. */
  lecturerIds: z.array(Id).max(10).optional(),
};

/**
 * Some fields belong to their kinds: a topic to trainings, a requirement to service activities, lecturers to
 * classes, 仅限本支部 to meetings of a branch (`branchId` is the activity's, edited or stored).
 */
export const kindFieldIssues = (
  kind: string,
  value: {
    trainingTopic?: string;
    requiredTraining?: string;
    lecturerIds?: string[];
    branchOnly?: boolean;
    branchId?: string;
    meetingType?: string;
    destination?: string;
  },
): Array<{ path: string; message: string }> => [
  ...(value.meetingType !== undefined && kind !== 'meeting' ? [{ path: 'meetingType', message: '只有组织生活会有会议类型' }] : []),
  ...(value.meetingType !== undefined && kind === 'meeting' && !value.branchId ? [{ path: 'meetingType', message: '请先选择支部' }] : []),
  ...(value.branchOnly && kind !== 'meeting' ? [{ path: 'branchOnly', message: '只有组织生活会可以仅限本支部' }] : []),
  ...(value.branchOnly && kind === 'meeting' && !value.branchId ? [{ path: 'branchOnly', message: '请先选择支部' }] : []),
  ...(value.trainingTopic !== undefined && kind !== 'training' ? [{ path: 'trainingTopic', message: '只有培训活动有培训主题' }] : []),
  ...(value.requiredTraining !== undefined && kind !== 'service'
    ? [{ path: 'requiredTraining', message: '只有志愿服务活动可以要求培训' }]
    : []),
  ...(value.destination !== undefined && kind !== 'service' ? [{ path: 'destination', message: '只有志愿服务活动有服务去向' }] : []),
  ...(value.lecturerIds !== undefined && kind !== 'class' ? [{ path: 'lecturerIds', message: '只有公益课堂可以指定讲师' }] : []),
  ...(value.lecturerIds && new Set(value.lecturerIds).size !== value.lecturerIds.length
    ? [{ path: 'lecturerIds', message: '讲师不能重复' }]
    : []),
];

type TimeFields = {
  startsAt?: string;
  endsAt?: string;
  registrationOpensAt?: string;
  registrationClosesAt?: string;
  cancellationDeadline?: string;
};

/** What is wrong with the order of an activity's instants: opens < closes ≤ ends, start < end, deadline ≤ end. */
export const activityTimeIssues = (value: TimeFields): Array<{ path: string; message: string }> => {
  const at = (iso?: string) => (iso ? Date.parse(iso) : undefined);
  const [starts, ends, opens, closes, deadline] = [
    at(value.startsAt),
    at(value.endsAt),
    at(value.registrationOpensAt),
    at(value.registrationClosesAt),
    at(value.cancellationDeadline),
  ];
  const issues: Array<{ path: string; message: string }> = [];
  if (starts !== undefined && ends !== undefined && ends <= starts) issues.push({ path: 'endsAt', message: '须晚于开始时间' });
  if (opens !== undefined && closes !== undefined && closes <= opens) {
    issues.push({ path: 'registrationClosesAt', message: '须晚于报名开始时间' });
  }
  if (closes !== undefined && ends !== undefined && closes > ends)
    issues.push({ path: 'registrationClosesAt', message: '不能晚于结束时间' });
  if (deadline !== undefined && ends !== undefined && deadline > ends)
    issues.push({ path: 'cancellationDeadline', message: '不能晚于结束时间' });
  return issues;
};

const checkActivityTimes = (value: TimeFields, ctx: z.RefinementCtx): void => {
  for (const { path, message } of activityTimeIssues(value)) ctx.addIssue({ code: 'custom', path: [path], message });
};

export const CreateActivityRequest = z
  .object({ ...activityFields, publish: z.boolean().default(true) })
  .strict()
  .superRefine((value, ctx) => {
    checkActivityTimes(value, ctx);
    for (const { path, message } of kindFieldIssues(value.kind, value)) ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type CreateActivityRequest = z.infer<typeof CreateActivityRequest>;

/** Edits: any field but the kind; the times are checked again against the stored ones. */
export const UpdateActivityRequest = z
  .object(activityFields)
  .omit({ kind: true })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: '没有需要修改的内容' });
export type UpdateActivityRequest = z.infer<typeof UpdateActivityRequest>;

/** Where a member stands at an activity (shared/rules/participation), computed on the server. */
export const ParticipationStateSchema = z.enum(PARTICIPATION_STATES);

export const MyRegistration = z.object({
  id: Id,
  status: RegistrationStatusSchema,
  position: z.number().int().positive().optional(),
  checkedInAt: IsoDateTime.optional(),
  signedOutAt: IsoDateTime.optional(),
});

/** The caller's own leave request for an activity, as its page shows it. */
export const MyLeave = z.object({
  status: LeaveStatusSchema,
  reason: z.string(),
  requestedAt: IsoDateTime,
  /** What the one who decided wrote. */
  note: z.string().optional(),
});
export type MyLeave = z.infer<typeof MyLeave>;

export const Activity = z.object({
  id: Id,
  kind: ActivityKindSchema,
  status: ActivityStatusSchema,
  title: z.string(),
  description: z.string(),
  coverImage: z.string().optional(),
  theme: z.string().optional(),
  branchId: Id.optional(),
  branchOnly: z.boolean().optional(),
  meetingType: MeetingTypeSchema.optional(),
  projectId: Id.optional(),
  venue: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  capacity: z.number().int(),
  confirmedCount: z.number().int(),
  waitlistCount: z.number().int(),
  seatsLeft: z.number().int(),
  registrationOpensAt: IsoDateTime.optional(),
  registrationClosesAt: IsoDateTime,
  cancellationDeadline: IsoDateTime,
  agenda: z.array(AgendaItem),
  discussionFormat: DiscussionFormatSchema.optional(),
  trainingTopic: TrainingTopicSchema.optional(),
  requiredTraining: TrainingTopicSchema.optional(),
  destination: ServiceDestinationSchema.optional(),
  lecturerIds: z.array(Id).optional(),
  /** A session of a class series (公益班): set when the series is planned, never by an edit. */
  seriesId: Id.optional(),
  sessionNo: z.number().int().optional(),
  /** What the lecturer wrote after the session (课后小结). */
  sessionNotes: z.string().optional(),
  createdBy: Id,
  ...timestampFields,
  /**
   * Raised when the time, place or title changes and when the activity is cancelled: its calendar
   * event's SEQUENCE, and how the app knows an event added to a phone's calendar is out of date.
   */
  scheduleRevision: z.number().int().min(0).optional(),
  /** 公开直播: the live feed can be read by anyone, signed in or not (key moments, approved posts and photos, no names). */
  publicFeed: z.boolean().optional(),
  /** The caller's own live registration, when there is one. */
  myRegistration: MyRegistration.optional(),
  /** The caller's leave request, when there is one. */
  myLeave: MyLeave.optional(),
  /** The caller's state at the activity, when they hold a registration or asked for leave. */
  myState: ParticipationStateSchema.optional(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityResponse = z.object({ activity: Activity });

/** What anyone may see of a published activity (a shared link opened before signing in): no one's data. */
export const PublicActivity = Activity.pick({
  id: true,
  kind: true,
  status: true,
  title: true,
  description: true,
  theme: true,
  venue: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  seatsLeft: true,
  waitlistCount: true,
  registrationClosesAt: true,
  seriesId: true,
  sessionNo: true,
});
export type PublicActivity = z.infer<typeof PublicActivity>;
export const PublicActivityResponse = z.object({ activity: PublicActivity });

/** A coordinator opens the live feed to the public (公开直播), or closes it again. */
export const PublicFeedRequest = z.object({ public: z.boolean({ message: '请选择是否公开' }) }).strict();
export type PublicFeedRequest = z.infer<typeof PublicFeedRequest>;

/** Cancelling an activity: why, told to everyone who held a place. */
export const CancelActivityRequest = z.object({ reason: z.string().trim().min(2, '请写明取消原因').max(100).optional() }).strict();
export type CancelActivityRequest = z.infer<typeof CancelActivityRequest>;
export const ActivityPage = page(Activity);
export type ActivityPage = z.infer<typeof ActivityPage>;

export const ActivityListQuery = ListQuery.extend({
  kind: ActivityKindSchema.optional(),
  /** Activities starting at or after this instant (default: today 00:00 in the center's time zone). */
  from: IsoDateTime.optional(),
  /** Coordinators may list drafts and cancelled activities too. */
  status: ActivityStatusSchema.optional(),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;

/**
 * 我的培训: the academy topics the caller completed (by checking in, or by passing the topic's quiz after
 * checking in), and those attended whose quiz is still to pass (待测验). The activity is the latest attended.
 */
export const TrainingStatusSchema = z.enum(['completed', 'quiz_pending']);
export const CompletedTraining = z.object({
  topic: TrainingTopicSchema,
  status: TrainingStatusSchema,
  activityId: Id,
  title: z.string(),
  completedAt: IsoDateTime.optional(),
  attendedAt: IsoDateTime.optional(),
});
export const CompletedTrainings = list(CompletedTraining);
export type CompletedTraining = z.infer<typeof CompletedTraining>;
