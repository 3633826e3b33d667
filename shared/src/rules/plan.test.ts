import fc from 'fast-check';
import {
  branchProfile,
  DISCUSSION_FORMAT_STEPS,
  MEETING_MODULE_MINUTES,
  moduleScore,
  proposePlan,
  STARTER_MODULES,
  themesFor,
  type Education,
} from './plan';

const YEAR = 2026;
const members = (births: number[], education: Education = 'college') => births.map((birthYear) => ({ birthYear, education }));
const namesOf = (ids: string[]) => ids.map((id) => STARTER_MODULES.find((module) => module.id === id)!.name);

describe('one branch, one plan', () => {
  it('profiles a branch from its roster: ages, education, and the band with more than half', () => {
    const profile = branchProfile([...members([1998, 2000, 1995]), ...members([1970], 'secondary')], YEAR);
    expect(profile).toEqual({
      size: 4,
      ages: { young: 3, middle: 1, senior: 0 },
      education: { primary: 0, secondary: 1, college: 3, postgraduate: 0 },
      leaning: 'young',
    });
    expect(branchProfile(members([1990, 1970, 1950, 1955]), YEAR).leaning).toBe('mixed');
  });

  it('gives a young branch collaborative and outdoor modules in world café and open space', () => {
    const plan = proposePlan(branchProfile(members([1998, 2000, 1995, 1990, 1960]), YEAR), STARTER_MODULES, '两学一做', 3);
    expect(plan.map((item) => namesOf(item.moduleIds))).toEqual([
      ['团队协作', '户外拓展'],
      ['创意党旗设计', '青春问政'],
      ['分享环保小妙招', '畅谈入党心得'],
    ]);
    expect(plan.map((item) => item.format)).toEqual(['world_cafe', 'open_space', 'world_cafe']);
    expect(plan[0]!.reasons[0]).toBe('支部 3/5 名党员35 岁以下，优先团队协作、户外类模块');
    expect(plan.flatMap((item) => namesOf(item.moduleIds))).not.toContain('送党课下支部');
  });

  it('gives an older branch lectures and stories in small groups', () => {
    const plan = proposePlan(branchProfile(members([1950, 1948, 1960, 1985]), YEAR), STARTER_MODULES, '三严三实', 2);
    expect(plan.map((item) => namesOf(item.moduleIds))).toEqual([
      ['送党课下支部', '畅谈入党心得'],
      ['分享入党故事', '分享环保小妙招'],
    ]);
    expect(plan.map((item) => item.format)).toEqual(['group', 'fishbowl']);
    expect(plan.flatMap((item) => namesOf(item.moduleIds))).not.toContain('户外拓展');
  });

  it('never overfills a meeting, never repeats a module before the library is used up, and explains every choice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1940, max: 2004 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (births, meetings) => {
          const profile = branchProfile(members(births), YEAR);
          const plan = proposePlan(profile, STARTER_MODULES, '主题党日', meetings);
          const fitting = STARTER_MODULES.filter((module) => moduleScore(module, profile.leaning) > 0).length;
          const used = plan.flatMap((item) => item.moduleIds);
          expect(plan).toHaveLength(meetings);
          for (const item of plan) {
            expect(item.minutes).toBeLessThanOrEqual(MEETING_MODULE_MINUTES);
            expect(item.reasons).toHaveLength(item.moduleIds.length + 1);
          }
          const firstRound = used.slice(0, fitting);
          expect(new Set(firstRound).size).toBe(firstRound.length);
        },
      ),
    );
  });
});

describe('discussion formats', () => {
  it('come with their steps, so a proposed meeting says how to run it', () => {
    for (const steps of Object.values(DISCUSSION_FORMAT_STEPS)) expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(DISCUSSION_FORMAT_STEPS.world_cafe[2]).toContain('桌长');
  });
});

describe('period themes', () => {
  it('offers the themes running today, the latest first, then the ones to come; never the ended ones', () => {
    const themes = [
      { name: '两学一做', from: '2026-01-01', to: '2026-12-31' },
      { name: '五水共治', from: '2026-03-01', to: '2026-06-30' },
      { name: '三严三实', from: '2026-12-01', to: '2027-03-31' },
      { name: '主题教育', from: '2025-01-01', to: '2025-12-31' },
    ];
    expect(themesFor(themes, '2026-04-15').map((theme) => theme.name)).toEqual(['五水共治', '两学一做', '三严三实']);
    expect(themesFor(themes, '2026-12-01').map((theme) => theme.name)).toEqual(['三严三实', '两学一做']);
    expect(themesFor(themes, '2028-01-01')).toEqual([]);
  });
});
