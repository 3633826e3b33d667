/**
 * The social-work process a need goes through (docs/DOMAIN.md §3): 需求评估 → 预估 → 计划 → 介入 → 结果评估,
 * then closed. A case moves one step forward at a time; it may go one step back to revise, or be
 * reopened after closing, each with a reason; only coordinators (and admins) move cases.
 */
import * as z from 'zod';
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
  if (!hasAnyRole(actorRoles, [Role.COORDINATOR])) return { ok: false, code: 'NOT_ALLOWED', message: '只有社工可以推进个案' };
  const [a, b] = [CASE_STAGES.indexOf(from), CASE_STAGES.indexOf(to)];
  if (a === b) return { ok: false, code: 'SAME_STAGE', message: `个案已在「${CASE_STAGE_LABELS[to]}」` };
  const explained = (reason ?? '').trim().length >= MIN_REASON_LENGTH;
  if (b === a + 1) return { ok: true, kind: 'advance' };
  if (from === 'closed')
    return explained ? { ok: true, kind: 'reopen' } : { ok: false, code: 'REASON_REQUIRED', message: '请说明重新打开个案的原因' };
  if (b === a - 1)
    return explained ? { ok: true, kind: 'revise' } : { ok: false, code: 'REASON_REQUIRED', message: '请说明退回修改的原因' };
  return {
    ok: false,
    code: 'SKIPS_A_STEP',
    message: `个案应从「${CASE_STAGE_LABELS[from]}」进入「${CASE_STAGE_LABELS[CASE_STAGES[a + 1]!]}」，不能跳到「${CASE_STAGE_LABELS[to]}」`,
  };
};

/** What a step leaves behind before the case may go on: its form, or for 介入 at least one log entry. */
export interface CaseProgress {
  filledForms: readonly CaseStage[];
  logCount: number;
}

/** Why the case cannot advance from `stage` yet (undefined: it can). */
export const advanceBlocker = (stage: CaseStage, progress: CaseProgress): string | undefined => {
  if (stage === 'closed') return undefined;
  if (stage === 'intervention')
    return progress.logCount > 0 ? undefined : `记录至少一条${CASE_STAGE_LABELS.intervention}日志后才能进入下一步`;
  return progress.filledForms.includes(stage) ? undefined : `请先填写「${CASE_STAGE_LABELS[stage]}」表`;
};

/** A step's form is written while the case is at that step (to change an earlier one, step back with a reason). */
export const formEditable = (caseStage: CaseStage, formStep: CaseStage): boolean => caseStage === formStep;

/** Resources are allocated while the case is planned and carried out. */
export const ALLOCATION_STAGES: readonly CaseStage[] = ['planning', 'intervention'];

/**
 * An evaluation measures every goal of the plan exactly once; answers the problem (path, message)
 * with the index of the offending measure, or undefined.
 */
export const evaluationProblem = (goalCount: number, measuredGoals: readonly number[]): { path: string; message: string } | undefined => {
  const seen = new Set<number>();
  for (const [index, goal] of measuredGoals.entries()) {
    if (goal >= goalCount) return { path: `measures.${index}.goal`, message: `计划共有 ${goalCount} 个目标` };
    if (seen.has(goal)) return { path: `measures.${index}.goal`, message: '该目标重复评估' };
    seen.add(goal);
  }
  const missing = Array.from({ length: goalCount }, (_, goal) => goal).find((goal) => !seen.has(goal));
  return missing === undefined ? undefined : { path: 'measures', message: `计划的第 ${missing + 1} 个目标尚未评估` };
};
