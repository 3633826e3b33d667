/** How the series pages word a member's place in a session and their progress. */
import { formatRange, type Activity, type SeriesProgress } from '@hele/shared';

export const sessionState = (session: Activity): string => {
  const mine = session.myRegistration;
  if (session.status === 'cancelled') return '本课已取消';
  if (!mine) return '未报名';
  if (mine.checkedInAt) return '已签到';
  if (Date.parse(session.endsAt) <= Date.now()) return mine.status === 'waitlisted' ? '未上（候补）' : '缺席';
  if (mine.status === 'waitlisted') return `候补第 ${mine.position ?? '?'} 位`;
  return '已报名';
};

export const sessionWhen = (session: Activity) => `第${session.sessionNo ?? ''}课 · ${formatRange(session.startsAt, session.endsAt)}`;

export const progressLine = (progress: SeriesProgress) =>
  `已上 ${progress.attended}/${progress.total} 课（${progress.percent}%）${progress.completed ? ' · 已结业' : progress.finished ? ' · 未达结业要求' : ` · 结业需 ${progress.needed} 课`}`;
