import * as z from 'zod';
import { Id, IsoDateTime, page } from './common';

export const MessageKindSchema = z.enum(['reminder', 'activity_cancelled', 'activity_changed', 'promoted', 'points', 'post_refused']);
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
