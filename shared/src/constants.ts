/**
 * Closed sets of the domain, as `as const` objects with their zod enums beside them,
 * so the server and the app agree on every code without a parallel list.
 */
import * as z from 'zod';

/** A closed set's codes under their upper-case names, as an `as const` object would hold them: `codes('member')` is `{ MEMBER: 'member' }`. */
const codes = <const V extends string>(...values: V[]): { readonly [K in V as Uppercase<K>]: K } =>
  Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as { readonly [K in V as Uppercase<K>]: K };

export const Role = codes('member', 'volunteer', 'lecturer', 'secretary', 'coordinator', 'admin');
export const RoleSchema = z.enum(Role);
export type Role = z.infer<typeof RoleSchema>;

/** Largest request body a function accepts; above it the answer is 413. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Header that makes a write safe to retry (docs/API.md). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 128;

export const LIST_LIMIT_DEFAULT = 20;
export const LIST_LIMIT_MAX = 100;

/** The center's time zone; China has no daylight saving, so a fixed offset is exact. */
export const CENTER_UTC_OFFSET_MINUTES = 8 * 60;

export const ActivityKind = codes('meeting', 'class', 'training', 'service');
export const ActivityKindSchema = z.enum(ActivityKind);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

export const ActivityStatus = codes('draft', 'published', 'cancelled');
export const ActivityStatusSchema = z.enum(ActivityStatus);
export type ActivityStatus = z.infer<typeof ActivityStatusSchema>;

export const RegistrationStatus = codes('confirmed', 'waitlisted', 'cancelled');
export const RegistrationStatusSchema = z.enum(RegistrationStatus);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;

/** Discussion formats that make a meeting produce measures (docs/DOMAIN.md §1). */
export const DiscussionFormat = codes('world_cafe', 'fishbowl', 'open_space', 'group');
export const DiscussionFormatSchema = z.enum(DiscussionFormat);
export type DiscussionFormat = z.infer<typeof DiscussionFormatSchema>;

/** Kinds of points-ledger entries (docs/API.md). */
export const LedgerType = codes('EARN', 'REDEEM', 'REFUND', 'ADJUST', 'EXPIRE');
export const LedgerTypeSchema = z.enum(LedgerType);
export type LedgerType = z.infer<typeof LedgerTypeSchema>;

/** The volunteer academy's trainings (志愿者学院); a service activity may require one of them. */
export const TrainingTopic = codes('etiquette', 'first_aid', 'counselling');
export const TrainingTopicSchema = z.enum(TrainingTopic);
export type TrainingTopic = z.infer<typeof TrainingTopicSchema>;
export const TRAINING_TOPIC_LABELS: Record<TrainingTopic, string> = { etiquette: '礼仪', first_aid: '应急抢救', counselling: '心理辅导' };

/** Question banks of the exam engine: the certification exam's, and one per academy topic for its quiz (培训测验). */
export const ExamBank = { CERTIFICATION: 'certification', ...TrainingTopic } as const;
export const ExamBankSchema = z.enum(ExamBank);
export type ExamBank = z.infer<typeof ExamBankSchema>;

/** 政治面貌: what a person states on their profile (编辑资料). */
export const PoliticalStatus = codes('party_member', 'probationary', 'league_member', 'masses');
export const PoliticalStatusSchema = z.enum(PoliticalStatus);
export type PoliticalStatus = z.infer<typeof PoliticalStatusSchema>;
export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, string> = {
  party_member: '党员',
  probationary: '预备党员',
  league_member: '共青团员',
  masses: '群众',
};

/**
 * 三会一课: the kinds of branch meeting the Party's rules require on a schedule (docs/DOMAIN.md §1). A meeting
 * of a branch may carry one; each kind's frequency is the center's setting (rules/compliance).
 */
export const MeetingType = codes('congress', 'committee', 'group', 'lecture', 'theme_day', 'life');
export const MeetingTypeSchema = z.enum(MeetingType);
export type MeetingType = z.infer<typeof MeetingTypeSchema>;
export const MEETING_TYPES: readonly MeetingType[] = Object.values(MeetingType);
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  congress: '支部党员大会',
  committee: '支部委员会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  life: '组织生活会',
};

/**
 * 志愿服务进基层、进村居、进学校、进高墙 (docs/DOMAIN.md §2): where a service activity takes the service, chosen
 * when it is planned; the dashboard and the yearly statistics count activities and hours per destination.
 */
export const ServiceDestination = codes('grassroots', 'village', 'school', 'prison');
export const ServiceDestinationSchema = z.enum(ServiceDestination);
export type ServiceDestination = z.infer<typeof ServiceDestinationSchema>;
export const SERVICE_DESTINATIONS: readonly ServiceDestination[] = Object.values(ServiceDestination);
export const SERVICE_DESTINATION_LABELS: Record<ServiceDestination, string> = {
  grassroots: '进基层',
  village: '进村居',
  school: '进学校',
  prison: '进高墙',
};

/** How often a kind of meeting is due: once per month, quarter, half year or year, or not required. */
export const MeetingFrequency = codes('monthly', 'quarterly', 'half_yearly', 'yearly', 'none');
export const MeetingFrequencySchema = z.enum(MeetingFrequency);
export type MeetingFrequency = z.infer<typeof MeetingFrequencySchema>;
export const MEETING_FREQUENCY_LABELS: Record<MeetingFrequency, string> = {
  monthly: '每月',
  quarterly: '每季度',
  half_yearly: '每半年',
  yearly: '每年',
  none: '不要求',
};
