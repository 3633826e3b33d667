/** Reminders: a member subscribes on the detail page; the scheduler sends each one once when due. */
import { reminderDueAt, reminderFields, type Reminder } from '@hele/shared';
import { ConflictError, NotFoundError } from '../lib/errors';
import { logger } from '../lib/logger';
import type { Principal, UserRecord } from '../lib/principal';
import type { ReminderRecord, ReminderRepository } from './repository';
import type { ReminderSender } from './sender';

export interface NotificationDeps {
  reminders: ReminderRepository;
  sender: ReminderSender;
  loadUser: (id: string) => Promise<UserRecord | undefined>;
  leadMinutes: number;
  now?: () => Date;
}

const toReminder = ({ activityId, dueAt, status }: ReminderRecord): Reminder => ({ activityId, dueAt, status });

export const createNotificationService = ({ reminders, sender, loadUser, leadMinutes, now = () => new Date() }: NotificationDeps) => ({
  async subscribe(activityId: string, caller: Principal) {
    const activity = await reminders.activity(activityId);
    if (activity?.status !== 'published') throw new NotFoundError('Activity');
    if (Date.parse(activity.startsAt) <= now().getTime()) throw new ConflictError('ACTIVITY_STARTED', 'The activity has already started');
    if (!(await reminders.hasLiveRegistration(activityId, caller.id)))
      throw new ConflictError('REGISTER_FIRST', 'Register first, then ask for a reminder');
    const { reminder, created } = await reminders.subscribe({
      activityId,
      userId: caller.id,
      dueAt: reminderDueAt(activity.startsAt, leadMinutes),
      createdAt: now().toISOString(),
    });
    return { reminder: toReminder(reminder), created };
  },

  /** Sends every due reminder once; answers how many went out and how many were skipped. */
  async sendDue() {
    const at = now().toISOString();
    let sent = 0;
    let skipped = 0;
    for (const reminder of await reminders.due(at)) {
      const activity = await reminders.activity(reminder.activityId);
      const stillWanted =
        activity?.status === 'published' &&
        Date.parse(activity.startsAt) > Date.parse(at) &&
        (await reminders.hasLiveRegistration(reminder.activityId, reminder.userId));
      if (!stillWanted || !activity) {
        if (await reminders.claim(reminder, 'skipped', at)) skipped++;
        continue;
      }
      if (!(await reminders.claim(reminder, 'sent', at))) continue; // another run took it
      const user = await loadUser(reminder.userId);
      try {
        await sender.send({
          userId: reminder.userId,
          openid: user?.openid ?? '',
          activityId: activity.id,
          fields: reminderFields(activity),
        });
        sent++;
      } catch (error) {
        logger.warn('reminder not delivered; back in the queue', {
          activityId: activity.id,
          userId: reminder.userId,
          error: error as Error,
        });
        await reminders.release(reminder);
      }
    }
    return { sent, skipped };
  },
});
