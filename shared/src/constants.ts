/**
 * Closed sets of the domain, as `as const` objects with their zod enums beside them,
 * so the server and the app agree on every code without a parallel list.
 */
import * as z from 'zod';

export const Role = {
  MEMBER: 'member',
  VOLUNTEER: 'volunteer',
  LECTURER: 'lecturer',
  SECRETARY: 'secretary',
  COORDINATOR: 'coordinator',
  ADMIN: 'admin',
} as const;
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

export const ActivityKind = {
  MEETING: 'meeting',
  CLASS: 'class',
  TRAINING: 'training',
  SERVICE: 'service',
} as const;
export const ActivityKindSchema = z.enum(ActivityKind);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

export const ActivityStatus = {
  DRAFT: 'draft',
  PUBLISHED: 'published',
  CANCELLED: 'cancelled',
} as const;
export const ActivityStatusSchema = z.enum(ActivityStatus);
export type ActivityStatus = z.infer<typeof ActivityStatusSchema>;

export const RegistrationStatus = {
  CONFIRMED: 'confirmed',
  WAITLISTED: 'waitlisted',
  CANCELLED: 'cancelled',
} as const;
export const RegistrationStatusSchema = z.enum(RegistrationStatus);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;

/** Discussion formats that make a meeting produce measures (docs/DOMAIN.md §1). */
export const DiscussionFormat = {
  WORLD_CAFE: 'world_cafe',
  FISHBOWL: 'fishbowl',
  OPEN_SPACE: 'open_space',
  GROUP: 'group',
} as const;
export const DiscussionFormatSchema = z.enum(DiscussionFormat);
export type DiscussionFormat = z.infer<typeof DiscussionFormatSchema>;

/** Kinds of points-ledger entries (docs/API.md). */
export const LedgerType = {
  EARN: 'EARN',
  REDEEM: 'REDEEM',
  REFUND: 'REFUND',
  ADJUST: 'ADJUST',
  EXPIRE: 'EXPIRE',
} as const;
export const LedgerTypeSchema = z.enum(LedgerType);
export type LedgerType = z.infer<typeof LedgerTypeSchema>;

/** The volunteer academy's trainings (志愿者学院); a service activity may require one of them. */
export const TrainingTopic = {
  ETIQUETTE: 'etiquette',
  FIRST_AID: 'first_aid',
  COUNSELLING: 'counselling',
} as const;
export const TrainingTopicSchema = z.enum(TrainingTopic);
export type TrainingTopic = z.infer<typeof TrainingTopicSchema>;
export const TRAINING_TOPIC_LABELS: Record<TrainingTopic, string> = { etiquette: '礼仪', first_aid: '应急抢救', counselling: '心理辅导' };

/** Question banks of the exam engine: the certification exam's, and one per academy topic for its quiz (培训测验). */
export const ExamBank = { CERTIFICATION: 'certification', ...TrainingTopic } as const;
export const ExamBankSchema = z.enum(ExamBank);
export type ExamBank = z.infer<typeof ExamBankSchema>;

/** 政治面貌: what a person states on their profile (编辑资料). */
export const PoliticalStatus = {
  PARTY_MEMBER: 'party_member',
  PROBATIONARY: 'probationary',
  LEAGUE_MEMBER: 'league_member',
  MASSES: 'masses',
} as const;
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
export const MeetingType = {
  CONGRESS: 'congress',
  COMMITTEE: 'committee',
  GROUP: 'group',
  LECTURE: 'lecture',
  THEME_DAY: 'theme_day',
  LIFE: 'life',
} as const;
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
export const ServiceDestination = {
  GRASSROOTS: 'grassroots',
  VILLAGE: 'village',
  SCHOOL: 'school',
  PRISON: 'prison',
} as const;
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
export const MeetingFrequency = {
  MONTHLY: 'monthly',
  QUARTERLY: 'quarterly',
  HALF_YEARLY: 'half_yearly',
  YEARLY: 'yearly',
  NONE: 'none',
} as const;
export const MeetingFrequencySchema = z.enum(MeetingFrequency);
export type MeetingFrequency = z.infer<typeof MeetingFrequencySchema>;
export const MEETING_FREQUENCY_LABELS: Record<MeetingFrequency, string> = {
  monthly: '每月',
  quarterly: '每季度',
  half_yearly: '每半年',
  yearly: '每年',
  none: '不要求',
};
