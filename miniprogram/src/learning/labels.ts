/** How the series pages word a member's place in a session and their progress. */
import { formatRange, participationLabel, type Activity, type SeriesProgress } from '@hele/shared';

/** The member's place in a session, as the server computed it (shared/rules/participation). */
export const sessionState = (session: Activity): string => {
  if (session.status === 'cancelled') return '本课已取消';
  return session.myState ? participationLabel(session.myState, session.myRegistration?.position) : '未报名';
};

/**
 * How a session looks, so that held, missed and booked ones differ at a glance: attended (held), missed
 * (absent, or never seated from the waitlist), booked (a place or a leave to come), over, or open.
 */
export const sessionLook = (session: Activity, now = Date.now()): 'held' | 'missed' | 'booked' | 'over' | 'open' | 'cancelled' => {
  if (session.status === 'cancelled' || session.myState === 'cancelled') return 'cancelled';
  if (session.myState === 'checked_in') return 'held';
  if (session.myState === 'absent' || session.myState === 'not_seated') return 'missed';
  if (Date.parse(session.endsAt) < now) return 'over';
  return session.myState ? 'booked' : 'open';
};

export const sessionWhen = (session: Activity) => `第${session.sessionNo ?? ''}课 · ${formatRange(session.startsAt, session.endsAt)}`;

export const progressLine = (progress: SeriesProgress) =>
  `已上 ${progress.attended}/${progress.total} 课（${progress.percent}%）${progress.completed ? ' · 已结业' : progress.finished ? ' · 未达结业要求' : ` · 结业需 ${progress.needed} 课`}`;
