/**
 * The social-work process a need goes through (DOMAIN.md §3): 需求评估 → 预估 → 计划 → 介入 → 结果评估,
 * then closed. A case moves one step forward at a time; it may go one step back to revise, or be
 * reopened after closing, each with a reason; only coordinators (and admins) move cases.
 */
import { z } from 'zod';
import { Role } from '../constants';
import { hasAnyRole } from './roles';

export const CaseStageSchema = z.enum(['assessment', 'estimation', 'planning', 'intervention', 'evaluation', 'closed']);
export type CaseStage = z.infer<typeof CaseStageSchema>;
export const CASE_STAGES = CaseStageSchema.options;

export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  assessment: '需求评估',
  estimation: '预估',
  planning: '计划',
  intervention: '介入',
  evaluation: '结果评估',
  closed: '已结案',
};

/** A reason has to say something. */
export const MIN_REASON_LENGTH = 4;

export type CaseTransitionVerdict =
  | { ok: true; kind: 'advance' | 'revise' | 'reopen' }
  | { ok: false; code: 'SAME_STAGE' | 'SKIPS_A_STEP' | 'NOT_ALLOWED' | 'REASON_REQUIRED'; message: string };

export const caseTransition = (from: CaseStage, to: CaseStage, actorRoles: readonly Role[], reason?: string): CaseTransitionVerdict => {
  if (!hasAnyRole(actorRoles, [Role.COORDINATOR])) return { ok: false, code: 'NOT_ALLOWED', message: 'Only coordinators move cases' };
  const [a, b] = [CASE_STAGES.indexOf(from), CASE_STAGES.indexOf(to)];
  if (a === b) return { ok: false, code: 'SAME_STAGE', message: `The case is at ${to} already` };
  const explained = (reason ?? '').trim().length >= MIN_REASON_LENGTH;
  if (b === a + 1) return { ok: true, kind: 'advance' };
  if (from === 'closed') return explained ? { ok: true, kind: 'reopen' } : { ok: false, code: 'REASON_REQUIRED', message: 'Say why the case is reopened' };
  if (b === a - 1) return explained ? { ok: true, kind: 'revise' } : { ok: false, code: 'REASON_REQUIRED', message: 'Say why the step is revised' };
  return { ok: false, code: 'SKIPS_A_STEP', message: `A case goes from ${from} to ${CASE_STAGES[a + 1]}, not to ${to}` };
};
