/**
 * Closed sets of the domain, as `as const` objects with their zod enums beside them,
 * so the server and the app agree on every code without a parallel list.
 */
import { z } from 'zod';

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

/** Error codes of the API's error shape; the app maps them to Chinese wording. */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_JSON: 'MALFORMED_JSON',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  INVALID_LOGIN_CODE: 'INVALID_LOGIN_CODE',
  DEV_LOGIN_DISABLED: 'DEV_LOGIN_DISABLED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  CONFLICT: 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_IN_PROGRESS: 'IDEMPOTENCY_IN_PROGRESS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

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

/** Registration conflicts (409) the app explains in Chinese. */
export const RegistrationError = {
  ACTIVITY_NOT_OPEN: 'ACTIVITY_NOT_OPEN',
  REGISTRATION_NOT_OPEN: 'REGISTRATION_NOT_OPEN',
  REGISTRATION_CLOSED: 'REGISTRATION_CLOSED',
  CANCELLATION_CLOSED: 'CANCELLATION_CLOSED',
  NOT_REGISTERED: 'NOT_REGISTERED',
  CAPACITY_BELOW_CONFIRMED: 'CAPACITY_BELOW_CONFIRMED',
  ACTIVITY_CANCELLED: 'ACTIVITY_CANCELLED',
  BUSY: 'BUSY',
} as const;

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

export const PointsError = {
  INSUFFICIENT_POINTS: 'INSUFFICIENT_POINTS',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  REWARD_UNAVAILABLE: 'REWARD_UNAVAILABLE',
  REDEMPTION_LIMIT: 'REDEMPTION_LIMIT',
  VOUCHER_USED: 'VOUCHER_USED',
  VOUCHER_CANCELLED: 'VOUCHER_CANCELLED',
  CLASS_FULL: 'CLASS_FULL',
  ALREADY_REGISTERED: 'ALREADY_REGISTERED',
  ALREADY_DECIDED: 'ALREADY_DECIDED',
} as const;

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
