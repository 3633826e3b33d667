/**
 * The environment every function runs with, validated once at cold start.
 * Values come from serverless.yml (provider.environment), so a missing one fails loudly. Table names
 * are not here: each function is given only its own (lib/tables.ts).
 */
import * as z from 'zod';

/** A whole-number setting, within [min, max]; `fallback` when it is not set. */
const wholeNumber = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const Env = z.object({
  STAGE: z.string().min(1),
  MEDIA_BUCKET: z.string().min(1),
  /** The center's domain in front of the media bucket (a CDN; empty: the bucket's own S3 address). */
  MEDIA_DOMAIN: z.string().default(''),
  /** The function that checks a post's photos after the post is made (invoked asynchronously). */
  FEED_REVIEW_FUNCTION: z.string().min(1),
  /** Local stage: SHA-256 digests (hex, comma-separated) of photos the local check refuses. */
  IMAGE_BLOCKLIST_SHA256: z.string().default(''),
  /** The token set for WeChat's message push (it signs the photo-check verdicts it pushes). */
  WECHAT_PUSH_TOKEN: z.string().default(''),
  WECHAT_PUSH_TOKEN_PARAMETER: z.string().default(''),
  /** Where PostToConnection reaches the WebSocket API (empty: no pushes, readers poll). */
  WEBSOCKET_API_ENDPOINT: z.string().default(''),
  /** Where the H5 app is served: its join link (`/join?code=`) is what a local invitation QR encodes. */
  APP_ORIGIN: z.string().default(''),
  /** The mini-program page an invitation's 小程序码 opens, with the code in its `scene`. */
  INVITE_PAGE: z.string().default('branch/join/index'),
  /** A live feed ends by itself this long after its activity. */
  FEED_AFTER_END_HOURS: z.coerce.number().min(0).max(72).default(3),
  /** WeChat subscribe-message template of the activity reminder (empty: in-app messages only). */
  REMINDER_TEMPLATE_ID: z.string().default(''),
  /** Subscribe-message templates of the outcomes a member may be told of (`leave_result:<id>,…`; shared/rules/reminders). */
  NOTICE_TEMPLATES: z.string().default(''),
  REMINDER_LEAD_MINUTES: wholeNumber(1, 7 * 24 * 60, 60),
  // A secret is either given directly (local stage) or named as an SSM parameter (deployed stages).
  JWT_SECRET: z.string().default(''),
  JWT_SECRET_PARAMETER: z.string().default(''),
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 60 * 60),
  /** Sign-in attempts taken in one window from one address, and with one code (auth/throttle.ts). */
  LOGIN_WINDOW_SECONDS: wholeNumber(1, 3600, 60),
  LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_ATTEMPTS_PER_CODE: z.coerce.number().int().min(1).default(5),
  WECHAT_APP_ID: z.string().default(''),
  WECHAT_APP_SECRET: z.string().default(''),
  WECHAT_APP_SECRET_PARAMETER: z.string().default(''),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  CHECK_IN_EARLY_MINUTES: wholeNumber(0, 24 * 60, 30),
  CHECK_IN_LATE_MINUTES: wholeNumber(0, 24 * 60, 30),
  /** Points per approved hour of service (docs/DOMAIN.md: 10). */
  POINTS_PER_HOUR: wholeNumber(0, 1000, 10),
  /** Hours are declared for a day of the last this many days (today included), never a future one. */
  HOURS_DECLARE_MAX_AGE_DAYS: wholeNumber(1, 3650, 90),
  /** What one volunteer may declare for one day, all declarations of that day together. */
  HOURS_DECLARE_DAILY_MAX_MINUTES: wholeNumber(15, 24 * 60, 12 * 60),
  /** Share of a service activity a volunteer must be present for the time to count. */
  MIN_ATTENDANCE_SHARE: z.coerce.number().min(0).max(1).default(0.6),
  EXAM_QUESTIONS: wholeNumber(1, 100, 10),
  EXAM_PASS_MARK: wholeNumber(0, 100, 80),
  EXAM_MINUTES: wholeNumber(1, 240, 20),
  EXAM_COOLDOWN_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  /** An academy topic's quiz: its paper and time (pass mark and cool-down are the exam's). */
  QUIZ_QUESTIONS: wholeNumber(1, 100, 5),
  QUIZ_MINUTES: wholeNumber(1, 240, 10),
});
export type Env = z.infer<typeof Env>;

/** The stage on which `dev:<name>` codes sign in; on every other stage they are refused. */
export const LOCAL_STAGE = 'local';

let cached: Env | undefined;

export const env = (): Env => {
  cached ??= Env.parse(process.env);
  return cached;
};

/** Tests change the environment between cases; production never calls this. */
export const resetEnvForTests = (): void => {
  cached = undefined;
};
