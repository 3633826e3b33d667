import fc from 'fast-check';
import { ALLOCATION_STAGES, advanceBlocker, CASE_STAGES, caseTransition, evaluationProblem, formEditable, type CaseStage } from './cases';

const stage = fc.constantFrom(...CASE_STAGES);

describe('the case process', () => {
  it('goes through every stage in order, one step at a time, to closed', () => {
    let at: CaseStage = 'assessment';
    const path: CaseStage[] = [at];
    for (const next of CASE_STAGES.slice(1)) {
      expect(caseTransition(at, next, ['coordinator'])).toEqual({ ok: true, kind: 'advance' });
      at = next;
      path.push(at);
    }
    expect(path).toEqual(['assessment', 'estimation', 'planning', 'intervention', 'evaluation', 'closed']);
  });

  it('never lets a case skip a step forward, whoever asks and whatever the reason', () => {
    fc.assert(
      fc.property(stage, stage, fc.string(), (from, to, reason) => {
        const jump = CASE_STAGES.indexOf(to) - CASE_STAGES.indexOf(from);
        const verdict = caseTransition(from, to, ['coordinator', 'admin'], reason);
        if (jump > 1) expect(verdict).toMatchObject({ ok: false, code: 'SKIPS_A_STEP' });
      }),
    );
  });

  it('takes a step back or reopens a closed case only with a reason', () => {
    expect(caseTransition('planning', 'estimation', ['coordinator'])).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(caseTransition('planning', 'estimation', ['coordinator'], '资源估计有误，重新预估')).toEqual({ ok: true, kind: 'revise' });
    expect(caseTransition('planning', 'assessment', ['coordinator'], '重新评估需求')).toMatchObject({ ok: false, code: 'SKIPS_A_STEP' });
    expect(caseTransition('closed', 'intervention', ['coordinator'], '   ')).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(caseTransition('closed', 'intervention', ['coordinator'], '服务对象情况反复')).toEqual({ ok: true, kind: 'reopen' });
  });

  it('lets only coordinators and admins move a case', () => {
    fc.assert(
      fc.property(stage, stage, fc.constantFrom('member', 'volunteer', 'secretary', 'lecturer'), (from, to, role) => {
        expect(caseTransition(from, to, ['member', role as 'member'], '理由充分的说明')).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
      }),
    );
    expect(caseTransition('assessment', 'estimation', ['admin'])).toMatchObject({ ok: true });
  });

  it('refuses a move to where the case already is', () => {
    expect(caseTransition('intervention', 'intervention', ['coordinator'], '再次介入')).toMatchObject({ ok: false, code: 'SAME_STAGE' });
  });
});

describe('what each step leaves behind', () => {
  it('lets a case advance only once the step’s form is saved (介入: once the log has an entry)', () => {
    expect(advanceBlocker('assessment', { filledForms: [], logCount: 0 })).toMatch('需求评估');
    expect(advanceBlocker('assessment', { filledForms: ['assessment'], logCount: 0 })).toBeUndefined();
    expect(advanceBlocker('planning', { filledForms: ['assessment', 'estimation'], logCount: 3 })).toMatch('计划');
    expect(advanceBlocker('intervention', { filledForms: ['assessment', 'estimation', 'planning'], logCount: 0 })).toMatch('日志');
    expect(advanceBlocker('intervention', { filledForms: [], logCount: 1 })).toBeUndefined();
    expect(advanceBlocker('closed', { filledForms: [], logCount: 0 })).toBeUndefined();
  });

  it('writes a form only at its own step and allocates only while planning and intervening', () => {
    for (const at of CASE_STAGES) for (const form of CASE_STAGES) expect(formEditable(at, form)).toBe(at === form);
    expect(CASE_STAGES.filter((at) => ALLOCATION_STAGES.includes(at))).toEqual(['planning', 'intervention']);
  });

  it('measures every goal of the plan exactly once', () => {
    expect(evaluationProblem(2, [1, 0])).toBeUndefined();
    expect(evaluationProblem(2, [0])).toEqual({ path: 'measures', message: '计划的第 2 个目标尚未评估' });
    expect(evaluationProblem(2, [0, 0])).toMatchObject({ path: 'measures.1.goal' });
    expect(evaluationProblem(2, [0, 1, 2])).toMatchObject({ path: 'measures.2.goal' });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 10 }), (goals, measured) => {
        const fine = evaluationProblem(goals, measured) === undefined;
        expect(fine).toBe(measured.length === goals && new Set(measured).size === goals && measured.every((goal) => goal < goals));
      }),
    );
  });
});
