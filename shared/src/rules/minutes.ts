/**
 * A meeting's minutes (会议纪要), drafted from what the meeting recorded — attendance, agenda, the
 * ideas with the most votes, the measures with owners and dates — for the secretary to edit.
 */
import { type AttendanceCounts, countsLine, turnoutPercent } from './attendance';
import { formatDate, formatDateTime } from './time';

/** How many of the most-voted ideas the draft quotes. */
export const MINUTES_TOP_IDEAS = 5;

export interface MinutesSource {
  title: string;
  startsAt: string;
  venue?: string;
  theme?: string;
  agenda: ReadonlyArray<{ title: string; minutes?: number }>;
  /** The meeting's counts, as the attendance page has them (rules/attendance). */
  attendance: AttendanceCounts;
  ideas: ReadonlyArray<{ text: string; voteCount: number; group?: string }>;
  actions: ReadonlyArray<{ text: string; ownerName: string; dueOn: string }>;
}

const numbered = (lines: string[]) => lines.map((line, i) => `${i + 1}. ${line}`);

export const draftMinutes = (meeting: MinutesSource): string => {
  const turnout = turnoutPercent(meeting.attendance);
  const rate = turnout === null ? '' : `，出席率 ${turnout}%`;
  const ideas = [...meeting.ideas].sort((a, b) => b.voteCount - a.voteCount).slice(0, MINUTES_TOP_IDEAS);
  return [
    `【会议纪要】${meeting.title}`,
    `时间：${formatDateTime(meeting.startsAt)}${meeting.venue ? `　地点：${meeting.venue}` : ''}${meeting.theme ? `　主题：${meeting.theme}` : ''}`,
    `出席：${countsLine(meeting.attendance)}${rate}`,
    '',
    '一、议程',
    ...(meeting.agenda.length
      ? numbered(meeting.agenda.map((item) => `${item.title}${item.minutes ? `（${item.minutes} 分钟）` : ''}`))
      : ['（未列议程）']),
    '',
    '二、讨论要点（得票最多的意见）',
    ...(ideas.length
      ? numbered(ideas.map((idea) => `${idea.group ? `【${idea.group}】` : ''}${idea.text}（${idea.voteCount} 票）`))
      : ['（无）']),
    '',
    '三、形成的措施',
    ...(meeting.actions.length
      ? numbered(meeting.actions.map((action) => `${action.text} —— 负责人：${action.ownerName}，${formatDate(action.dueOn)}前完成`))
      : ['（无）']),
  ].join('\n');
};
