/** Wording shared by the volunteer pages. */
import { ExamBankSchema, SERVICE_SOURCE_LABELS, TRAINING_TOPIC_LABELS, type ExamBank, type ServiceRecord } from '@hele/shared';

export const SOURCE_LABELS = SERVICE_SOURCE_LABELS;

export const STATUS_TAGS: Record<ServiceRecord['status'], { label: string; type: 'warning' | 'success' | 'default' }> = {
  pending: { label: '待审核', type: 'warning' },
  approved: { label: '已通过', type: 'success' },
  refused: { label: '未通过', type: 'default' },
};

/** Hours as every screen shows them (shared). */
export { hoursOf } from '@hele/shared';

/** The question banks as coordinators pick them: the certification exam's, then each training topic's quiz. */
export const BANK_LABELS: Record<ExamBank, string> = { certification: '认证考试', ...TRAINING_TOPIC_LABELS };
export const BANKS = ExamBankSchema.options;
