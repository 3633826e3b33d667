/**
 * 一支部一方案: a branch's profile computed from its roster, and the rules that propose a plan of
 * meetings for it (docs/DOMAIN.md §1). Every choice carries its reason, so a coordinator sees why a
 * module was picked and can change it.
 */
import * as z from 'zod';
import { DiscussionFormat, type DiscussionFormat as Format } from '../constants';

export const EducationSchema = z.enum(['primary', 'secondary', 'college', 'postgraduate']);
export type Education = z.infer<typeof EducationSchema>;
export const EDUCATION_LABELS: Record<Education, string> = {
  primary: '小学及以下',
  secondary: '初中/高中/中专',
  college: '大专/本科',
  postgraduate: '研究生',
};

export const AgeBandSchema = z.enum(['young', 'middle', 'senior']);
export type AgeBand = z.infer<typeof AgeBandSchema>;
export const AGE_BAND_LABELS: Record<AgeBand, string> = { young: '35 岁以下', middle: '35–59 岁', senior: '60 岁及以上' };

export const ageBandOf = (birthYear: number, year: number): AgeBand => {
  const age = year - birthYear;
  return age < 35 ? 'young' : age < 60 ? 'middle' : 'senior';
};

/** How a module is run: what suits a young branch differs from what suits an older one. */
export const ModuleStyleSchema = z.enum(['collaborative', 'outdoor', 'creative', 'discussion', 'lecture', 'story', 'ceremony']);
export type ModuleStyle = z.infer<typeof ModuleStyleSchema>;
export const MODULE_STYLE_LABELS: Record<ModuleStyle, string> = {
  collaborative: '团队协作',
  outdoor: '户外',
  creative: '创意',
  discussion: '研讨',
  lecture: '讲授',
  story: '故事分享',
  ceremony: '仪式',
};

export interface ProfileMember {
  birthYear: number;
  education: Education;
}

export interface BranchProfile {
  size: number;
  ages: Record<AgeBand, number>;
  education: Record<Education, number>;
  /** The band with more than half the members, if any ('mixed' otherwise). */
  leaning: AgeBand | 'mixed';
}

export const branchProfile = (members: readonly ProfileMember[], year: number): BranchProfile => {
  const ages = { young: 0, middle: 0, senior: 0 };
  const education = { primary: 0, secondary: 0, college: 0, postgraduate: 0 };
  for (const member of members) {
    ages[ageBandOf(member.birthYear, year)] += 1;
    education[member.education] += 1;
  }
  const leaning = AgeBandSchema.options.find((band) => ages[band] * 2 > members.length) ?? 'mixed';
  return { size: members.length, ages, education, leaning };
};

/** Styles preferred for each leaning, strongest first. */
export const PREFERRED_STYLES: Record<AgeBand | 'mixed', readonly ModuleStyle[]> = {
  young: ['collaborative', 'outdoor', 'creative', 'discussion'],
  middle: ['discussion', 'collaborative', 'story', 'lecture'],
  senior: ['lecture', 'story', 'ceremony', 'discussion'],
  mixed: ['discussion', 'story', 'collaborative', 'lecture'],
};

/** Discussion formats that suit each leaning, used in turn across the plan. */
export const PREFERRED_FORMATS: Record<AgeBand | 'mixed', readonly Format[]> = {
  young: [DiscussionFormat.WORLD_CAFE, DiscussionFormat.OPEN_SPACE],
  middle: [DiscussionFormat.WORLD_CAFE, DiscussionFormat.GROUP],
  senior: [DiscussionFormat.GROUP, DiscussionFormat.FISHBOWL],
  mixed: [DiscussionFormat.FISHBOWL, DiscussionFormat.WORLD_CAFE],
};

export interface PlanModule {
  id: string;
  name: string;
  styles: readonly ModuleStyle[];
  /** Bands it suits (empty: any). */
  suits: readonly AgeBand[];
  minutes: number;
}

export interface PlanItem {
  order: number;
  theme: string;
  moduleIds: string[];
  format: Format;
  minutes: number;
  reasons: string[];
}

/** Longest a proposed meeting runs, besides its opening and measures. */
export const MEETING_MODULE_MINUTES = 90;

/** How well a module fits a leaning: preferred styles (earlier ones more), and the bands it names. */
export const moduleScore = (module: PlanModule, leaning: AgeBand | 'mixed'): number => {
  const preferred = PREFERRED_STYLES[leaning];
  const styleScore = Math.max(
    0,
    ...module.styles.map((style) => (preferred.includes(style) ? preferred.length - preferred.indexOf(style) : 0)),
  );
  const bandScore = module.suits.length === 0 ? 1 : leaning !== 'mixed' && module.suits.includes(leaning) ? 3 : 0;
  return styleScore + bandScore;
};

/**
 * 文化程度 (education): a branch where more than half hold 大专 or above leans to 研讨 and 创意 modules; one where
 * more than half have 小学及以下 to stories, ceremony and lectures ("根据…党员年龄分布、文化程度等现实条件").
 */
export type EducationLeaning = 'higher' | 'basic' | 'mixed';
export const educationLeaning = (profile: Pick<BranchProfile, 'size' | 'education'>): EducationLeaning =>
  (profile.education.college + profile.education.postgraduate) * 2 > profile.size
    ? 'higher'
    : profile.education.primary * 2 > profile.size
      ? 'basic'
      : 'mixed';
export const EDUCATION_STYLES: Record<Exclude<EducationLeaning, 'mixed'>, readonly ModuleStyle[]> = {
  higher: ['discussion', 'creative'],
  basic: ['story', 'ceremony', 'lecture'],
};
const EDUCATION_WHY: Record<Exclude<EducationLeaning, 'mixed'>, string> = { higher: '大专及以上学历', basic: '小学及以下文化程度' };

/** Words in a branch's stated needs that call for a style of module (its own name counts too). */
export const STYLE_KEYWORDS: Record<ModuleStyle, readonly string[]> = {
  collaborative: ['协作', '团队', '凝聚'],
  outdoor: ['户外', '拓展', '走出去'],
  creative: ['创意', '设计', '创新'],
  discussion: ['讨论', '研讨', '问政', '议事'],
  lecture: ['党课', '理论', '学习'],
  story: ['故事', '心得', '经历'],
  ceremony: ['誓词', '仪式', '宣誓'],
};

/** A module that answers the branch's stated needs outranks any fit by age and education alone (at most 8). */
export const NEED_WEIGHT = 8;

/** What the branch said it needs and what limits it (一支部一方案's notes, kept by the secretary). */
export interface PlanContext {
  needs?: string;
  constraints?: string;
}

/** Words in the constraints that rule out going outdoors. */
const INDOOR_ONLY = ['不能外出', '不便外出', '不宜户外', '不能户外', '无法外出', '室内', '行动不便', '腿脚不便'];

/**
 * What the constraints limit: a meeting's length (`不超过 60 分钟`, `1 小时以内`, `45分钟`) and going outdoors.
 * A length is taken only between 15 minutes and the usual MEETING_MODULE_MINUTES.
 */
export const readConstraints = (text = ''): { maxMinutes?: number; indoorOnly: boolean } => {
  const minutes = /(\d{1,3})\s*分钟/.exec(text);
  const hours = /(\d(?:\.\d)?|一|两|半)\s*(?:个)?\s*小时/.exec(text);
  const hourValue = hours ? (({ 一: 1, 两: 2, 半: 0.5 } as Record<string, number>)[hours[1]!] ?? Number(hours[1])) : undefined;
  const limit = minutes ? Number(minutes[1]) : hourValue !== undefined ? Math.round(hourValue * 60) : undefined;
  return {
    ...(limit !== undefined && limit >= 15 && limit < MEETING_MODULE_MINUTES ? { maxMinutes: limit } : {}),
    indoorOnly: INDOOR_ONLY.some((word) => text.includes(word)),
  };
};

/** The words of the branch's needs a module answers: its name, or a word of one of its styles. */
export const needsMet = (module: Pick<PlanModule, 'name' | 'styles'>, needs = ''): string[] => {
  if (!needs.trim()) return [];
  const words = [module.name, ...module.styles.flatMap((style) => STYLE_KEYWORDS[style])];
  return [...new Set(words.filter((word) => needs.includes(word)))];
};

/**
 * How well a module fits the branch, with why: age (moduleScore), education (+1 for a style that suits it), the
 * branch's needs (NEED_WEIGHT when it answers them). Ruled out (null) when the constraints forbid it: outdoors for a
 * branch that cannot go out, or longer than the meeting may run.
 */
export const moduleFit = (
  module: PlanModule,
  profile: BranchProfile,
  context: PlanContext = {},
): { score: number; why: string[] } | null => {
  const limits = readConstraints(context.constraints);
  if (limits.indoorOnly && module.styles.includes('outdoor')) return null;
  if (limits.maxMinutes !== undefined && module.minutes > limits.maxMinutes) return null;
  const base = moduleScore(module, profile.leaning);
  const why: string[] = [];
  if (profile.leaning !== 'mixed' && module.suits.includes(profile.leaning)) why.push(`适合${AGE_BAND_LABELS[profile.leaning]}党员`);
  const literacy = educationLeaning(profile);
  const educated = literacy !== 'mixed' && module.styles.some((style) => EDUCATION_STYLES[literacy].includes(style));
  if (educated) why.push(`适合${EDUCATION_WHY[literacy as Exclude<EducationLeaning, 'mixed'>]}的党员`);
  const met = needsMet(module, context.needs);
  if (met.length > 0) why.push(`回应支部需求「${met.join('、')}」`);
  // What the branch asked for comes first, even where its age profile would not pick it.
  const score = base + (educated && base > 0 ? 1 : 0) + (met.length > 0 ? NEED_WEIGHT : 0);
  return score > 0 ? { score, why } : null;
};

const describeLeaning = (profile: BranchProfile): string =>
  profile.leaning === 'mixed'
    ? `支部 ${profile.size} 名党员年龄分布较均衡`
    : `支部 ${profile.ages[profile.leaning]}/${profile.size} 名党员${AGE_BAND_LABELS[profile.leaning]}`;

/**
 * Proposes `meetings` meetings on `theme`: each gets the best-fitting modules not used yet (up to
 * MEETING_MODULE_MINUTES, or less when the branch's constraints say so), and the leaning's formats in turn. Fit
 * weighs age, education and the branch's stated needs (moduleFit); ties go to the library's order. The first
 * reason says what the plan rests on; each module's says why it was chosen.
 */
export const proposePlan = (
  profile: BranchProfile,
  modules: readonly PlanModule[],
  theme: string,
  meetings: number,
  context: PlanContext = {},
): PlanItem[] => {
  const fits = new Map<string, string[]>();
  const ranked = modules
    .map((module, index) => ({ module, index, fit: moduleFit(module, profile, context) }))
    .filter((entry): entry is { module: PlanModule; index: number; fit: { score: number; why: string[] } } => entry.fit !== null)
    .sort((a, b) => b.fit.score - a.fit.score || a.index - b.index)
    .map(({ module, fit }) => {
      fits.set(module.id, fit.why);
      return module;
    });
  const limits = readConstraints(context.constraints);
  const budget = limits.maxMinutes ?? MEETING_MODULE_MINUTES;
  const formats = PREFERRED_FORMATS[profile.leaning];
  const literacy = educationLeaning(profile);
  const grounds = [
    describeLeaning(profile),
    ...(literacy !== 'mixed'
      ? [
          `${literacy === 'higher' ? profile.education.college + profile.education.postgraduate : profile.education.primary}/${profile.size} 名党员${EDUCATION_WHY[literacy]}`,
        ]
      : []),
  ].join('，');
  const styles = PREFERRED_STYLES[profile.leaning]
    .slice(0, 2)
    .map((style) => MODULE_STYLE_LABELS[style])
    .join('、');
  const limitsText = [
    ...(limits.maxMinutes !== undefined ? [`每次不超过 ${limits.maxMinutes} 分钟`] : []),
    ...(limits.indoorOnly ? ['不安排户外活动'] : []),
  ];
  const unused = [...ranked];
  return Array.from({ length: meetings }, (_, order) => {
    if (unused.length === 0) unused.push(...ranked); // more meetings than modules: start over
    const chosen: PlanModule[] = [];
    let minutes = 0;
    for (const module of [...unused]) {
      if (minutes + module.minutes > budget) continue;
      chosen.push(module);
      minutes += module.minutes;
      unused.splice(unused.indexOf(module), 1);
      if (chosen.length === 2) break;
    }
    const format = formats[order % formats.length]!;
    return {
      order: order + 1,
      theme,
      moduleIds: chosen.map((module) => module.id),
      format,
      minutes,
      reasons: [
        `${grounds}，优先${styles}类模块${limitsText.length ? `；按支部的限制${limitsText.join('、')}` : ''}`,
        ...chosen.map((module) => {
          const why = fits.get(module.id) ?? [];
          return `「${module.name}」：${module.styles.map((style) => MODULE_STYLE_LABELS[style]).join('、')}${why.length ? `；${why.join('；')}` : ''}`;
        }),
      ],
    };
  });
};

/** The module library a center starts with (the article's list); coordinators add their own. */
export const STARTER_MODULES: ReadonlyArray<PlanModule & { materials: string }> = [
  { id: 'm-team', name: '团队协作', styles: ['collaborative'], suits: ['young'], minutes: 30, materials: '任务卡、计时器' },
  { id: 'm-youth-voice', name: '青春问政', styles: ['discussion'], suits: ['young'], minutes: 40, materials: '社区议题清单' },
  { id: 'm-outdoor', name: '户外拓展', styles: ['outdoor', 'collaborative'], suits: ['young'], minutes: 60, materials: '场地、拓展器材' },
  { id: 'm-lecture', name: '送党课下支部', styles: ['lecture'], suits: ['middle', 'senior'], minutes: 45, materials: '党课讲稿、投影' },
  { id: 'm-insights', name: '畅谈入党心得', styles: ['story', 'discussion'], suits: ['middle', 'senior'], minutes: 30, materials: '' },
  { id: 'm-stories', name: '分享入党故事', styles: ['story'], suits: ['senior'], minutes: 30, materials: '老照片、入党志愿书' },
  { id: 'm-oath', name: '重温入党誓词', styles: ['ceremony'], suits: [], minutes: 10, materials: '党旗' },
  { id: 'm-flag', name: '创意党旗设计', styles: ['creative', 'collaborative'], suits: ['young'], minutes: 40, materials: '画纸、彩笔' },
  { id: 'm-green-tips', name: '分享环保小妙招', styles: ['story', 'creative'], suits: [], minutes: 20, materials: '' },
];

export interface PeriodTheme {
  name: string;
  /** First and last day (`YYYY-MM-DD`, the center's calendar). */
  from: string;
  to: string;
}

/** The themes running on `day` (latest start first), then those still to come (soonest first). */
export const themesFor = <T extends PeriodTheme>(themes: readonly T[], day: string): T[] => [
  ...themes.filter((theme) => theme.from <= day && day <= theme.to).sort((a, b) => b.from.localeCompare(a.from)),
  ...themes.filter((theme) => theme.from > day).sort((a, b) => a.from.localeCompare(b.from)),
];

/** How each discussion format is run, step by step (shown with a proposed meeting and put in its agenda's notes). */
export const DISCUSSION_FORMAT_STEPS: Record<Format, readonly string[]> = {
  world_cafe: [
    '分成 4–6 人一桌，每桌一个议题和一位桌长',
    '每轮 15–20 分钟讨论，把想法写在桌布上',
    '除桌长外换桌，桌长向新来的人介绍上一轮要点',
    '各桌汇报，把想法贴上意见墙并投票',
  ],
  fishbowl: ['内圈 4–5 把椅子，留一把空椅', '内圈讨论，外圈聆听', '外圈的人坐上空椅即可发言，内圈一人随之退出', '主持人总结共识与分歧'],
  open_space: [
    '大家提出想讨论的议题并贴到议程墙',
    '认领议题，自由选择小组（“双脚法则”）',
    '各组记录讨论结果与行动建议',
    '全体分享，形成措施清单',
  ],
  group: ['按议题分组，每组推选记录员', '组内讨论并归纳要点', '各组汇报', '全体讨论形成措施'],
};
