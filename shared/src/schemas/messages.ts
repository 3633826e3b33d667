import * as z from 'zod';
import { NOTICE_TOPICS } from '../rules/reminders';
import { Id, IsoDateTime, page } from './common';

export const MessageKindSchema = z.enum([
  'reminder',
  'activity_cancelled',
  'activity_changed',
  'promoted',
  'points',
  'post_refused',
  'leave_decided',
  'hours_decided',
  'compliance_due',
]);
export type MessageKind = z.infer<typeof MessageKindSchema>;

export const Message = z.object({
  id: Id,
  kind: MessageKindSchema,
  title: z.string(),
  body: z.string(),
  activityId: Id.optional(),
  createdAt: IsoDateTime,
});
export type Message = z.infer<typeof Message>;
export const MessagePage = page(Message);

export const Reminder = z.object({
  activityId: Id,
  dueAt: IsoDateTime,
  status: z.enum(['pending', 'sent', 'skipped']),
});
export type Reminder = z.infer<typeof Reminder>;
export const ReminderResponse = z.object({ reminder: Reminder });

/**
 * Outcomes a member may ask to hear of by a WeChat subscribe message, besides the inbox: one accepted
 * prompt is one message (a credit), spent when the outcome comes.
 */
export const NoticeTopicSchema = z.enum(NOTICE_TOPICS);
export const NoticeConsentRequest = z.object({ topics: z.array(NoticeTopicSchema).min(1).max(3) }).strict();
export const NoticeConsentResponse = z.object({ credits: z.partialRecord(NoticeTopicSchema, z.number().int()) });
