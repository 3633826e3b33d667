/**
 * 三会一课 reminders: a week before a period closes with nothing held, the branch's secretary is told, in the
 * inbox and, where they allowed one, by subscribe message. A schedule runs it daily; each branch, kind and
 * period is told once to each secretary however often it runs (a marker written only if absent).
 */
import { closingUnheld, formatDate, MEETING_TYPE_LABELS, noticeFields, type ComplianceBoard, type MeetingType } from '@hele/shared';
import type { BranchRecord } from '../domain/branches';
import type { NewMessage, Notice } from '../domain/inbox';

export interface ComplianceReminderDeps {
  /** Every 党支部's compliance this year. */
  board: () => Promise<ComplianceBoard>;
  branches: () => Promise<BranchRecord[]>;
  /** Records that this reminder went out; false when it already had. */
  markSent: (reminder: { branchId: string; type: MeetingType; periodKey: string; secretaryId: string }, at: Date) => Promise<boolean>;
  notify: (message: NewMessage, notice?: Notice) => Promise<void>;
  now?: () => Date;
}

export const createComplianceReminders =
  ({ board, branches, markSent, notify, now = () => new Date() }: ComplianceReminderDeps) =>
  async (): Promise<{ told: number }> => {
    const [compliance, directory] = await Promise.all([board(), branches()]);
    const secretaries = new Map(directory.flatMap((branch) => (branch.secretaryId ? [[branch.id, branch] as const] : [])));
    let told = 0;
    for (const item of compliance.items) {
      const branch = secretaries.get(item.branchId);
      if (!branch?.secretaryId) continue;
      for (const period of closingUnheld(item.types, compliance.today)) {
        const reminder = { branchId: branch.id, type: period.type, periodKey: period.key, secretaryId: branch.secretaryId };
        if (!(await markSent(reminder, now()))) continue;
        const kind = MEETING_TYPE_LABELS[period.type];
        await notify(
          {
            userId: branch.secretaryId,
            kind: 'compliance_due',
            title: `三会一课待开：${kind}`,
            body: `${branch.name}${period.label}的${kind}尚未召开，${formatDate(period.to)}截止，还剩 ${period.daysLeft + 1} 天。会议有人签到即计为已召开。`,
          },
          {
            topic: 'compliance_due',
            fields: noticeFields({ subject: `${kind}（${period.label}）`, result: '待召开', note: `${formatDate(period.to)}前召开` }),
            page: '/pages/index/index',
          },
        );
        told++;
      }
    }
    return { told };
  };
