import fc from 'fast-check';
import {
  branchProfile,
  DISCUSSION_FORMAT_STEPS,
  educationLeaning,
  readConstraints,
  MEETING_MODULE_MINUTES,
  moduleScore,
  proposePlan,
  STARTER_MODULES,
  themesFor,
  type Education,
} from './plan';

const YEAR = 2026;
// 初中/高中/中专 leans neither way on education: the age rules alone pick, unless a test says otherwise.
const members = (births: number[], education: Education = 'secondary') => births.map((birthYear) => ({ birthYear, education }));
const namesOf = (ids: string[]) => ids.map((id) => STARTER_MODULES.find((module) => module.id === id)!.name);

describe('one branch, one plan', () => {
  it('profiles a branch from its roster: ages, education, and the band with more than half', () => {
    const profile = branchProfile([...members([1998, 2000, 1995], 'college'), ...members([1970], 'secondary')], YEAR);
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

describe('one branch, one plan: education, the branch’s needs and constraints (根据…党员年龄分布、文化程度等现实条件)', () => {
  const young = [1998, 2000, 1995, 1990, 1960];

  it('reads the branch’s education: more than half 大专 and above, or more than half 小学及以下', () => {
    expect(educationLeaning(branchProfile(members(young, 'college'), YEAR))).toBe('higher');
    expect(educationLeaning(branchProfile(members([1950, 1948, 1960], 'primary'), YEAR))).toBe('basic');
    expect(educationLeaning(branchProfile(members(young), YEAR))).toBe('mixed');
    expect(educationLeaning(branchProfile([...members([1990], 'college'), ...members([1991], 'primary')], YEAR))).toBe('mixed');
  });

  it.each([
    {
      branch: 'a young, well-educated branch its discussion and creative modules first, and says why',
      births: young,
      education: 'college' as const,
      theme: '两学一做',
      modules: [
        ['创意党旗设计', '团队协作'],
        ['户外拓展', '分享环保小妙招'],
      ],
      why: '支部 3/5 名党员35 岁以下，5/5 名党员大专及以上学历，优先团队协作、户外类模块',
      firstModule: '「创意党旗设计」：创意、团队协作；适合35 岁以下党员；适合大专及以上学历的党员',
    },
    {
      branch: 'an older branch of little schooling lectures and stories, and says its schooling is why',
      births: [1950, 1948, 1960, 1985],
      education: 'primary' as const,
      theme: '三严三实',
      modules: [
        ['送党课下支部', '畅谈入党心得'],
        ['分享入党故事', '分享环保小妙招'],
      ],
      why: expect.stringContaining('4/4 名党员小学及以下文化程度'),
      firstModule: '「送党课下支部」：讲授；适合60 岁及以上党员；适合小学及以下文化程度的党员',
    },
  ])('gives $branch', ({ births, education, theme, modules, why, firstModule }) => {
    const plan = proposePlan(branchProfile(members(births, education), YEAR), STARTER_MODULES, theme, 2);
    expect(plan.map((item) => namesOf(item.moduleIds))).toEqual(modules);
    expect(plan[0]!.reasons[0]).toEqual(why);
    expect(plan[0]!.reasons[1]).toBe(firstModule);
  });

  it('puts first what the branch says it needs, even against its age profile, and names the need', () => {
    const plan = proposePlan(branchProfile(members(young), YEAR), STARTER_MODULES, '两学一做', 1, { needs: '希望多学习理论，上一次党课' });
    expect(namesOf(plan[0]!.moduleIds)).toContain('送党课下支部');
    expect(plan[0]!.reasons.find((reason) => reason.startsWith('「送党课下支部」'))).toBe(
      '「送党课下支部」：讲授；回应支部需求「党课、理论、学习」',
    );
  });

  it('keeps to the branch’s constraints: no outdoors when it cannot go out, no meeting longer than it allows', () => {
    expect(readConstraints('多数党员行动不便，每次活动不超过 60 分钟')).toEqual({ maxMinutes: 60, indoorOnly: true });
    expect(readConstraints('晚上只有一小时')).toEqual({ maxMinutes: 60, indoorOnly: false });
    expect(readConstraints('周末半天都可以，120分钟')).toEqual({ indoorOnly: false });
    expect(readConstraints('')).toEqual({ indoorOnly: false });
    const plan = proposePlan(branchProfile(members(young), YEAR), STARTER_MODULES, '两学一做', 4, {
      constraints: '只能在社区会议室（室内），每次 45 分钟以内',
    });
    const used = plan.flatMap((item) => namesOf(item.moduleIds));
    expect(used).not.toContain('户外拓展');
    for (const item of plan) expect(item.minutes).toBeLessThanOrEqual(45);
    expect(plan[0]!.reasons[0]).toMatch(/；按支部的限制每次不超过 45 分钟、不安排户外活动$/);
  });

  it('never breaks a constraint and explains every module, whatever the roster and notes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1940, max: 2004 }), fc.constantFrom<Education>('primary', 'secondary', 'college', 'postgraduate')),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('', '希望多一些团队协作和户外拓展', '想听党课'),
        fc.constantFrom('', '室内，不超过 40 分钟', '每次 1 小时'),
        (roster, meetings, needs, constraints) => {
          const profile = branchProfile(
            roster.map(([birthYear, education]) => ({ birthYear, education })),
            YEAR,
          );
          const plan = proposePlan(profile, STARTER_MODULES, '主题党日', meetings, { needs, constraints });
          const limits = readConstraints(constraints);
          for (const item of plan) {
            expect(item.minutes).toBeLessThanOrEqual(limits.maxMinutes ?? MEETING_MODULE_MINUTES);
            expect(item.reasons).toHaveLength(item.moduleIds.length + 1);
            if (limits.indoorOnly) expect(namesOf(item.moduleIds)).not.toContain('户外拓展');
          }
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
