/**
 * Demo data for the local stage, written through the features' own code so that it has exactly
 * the shape the API writes. Idempotent: fixed ids, created only when absent.
 * Runs as its own process (`tsx scripts/local/seed.ts`) with the functions' environment, so the
 * repositories reach the stack's database and never another one the caller talks to.
 */
import { CreateActivityRequest, CreateSeriesRequest, DEV_USERS, ManagedRoleSchema, weeklySessions, type ManagedRole } from '@hele/shared';
import fs from 'node:fs';
import path from 'node:path';
import { activityRepository } from '../../cloudfunctions/src/domain/activities/repository';
import { newActivityRecord } from '../../cloudfunctions/src/domain/activities/records';
import { dynamoUserRepository, userIdFor } from '../../cloudfunctions/src/auth/repository';
import { accountRepository } from '../../cloudfunctions/src/account/repository';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { cancellationReasons, doc, isConditionFailure, transactNamed } from '../../cloudfunctions/src/lib/db';
import { trainings } from '../../cloudfunctions/src/domain/trainings';
import { ledger } from '../../cloudfunctions/src/domain/ledger';
import { rewardRepository } from '../../cloudfunctions/src/points/repository';
import type { RewardRecord } from '../../cloudfunctions/src/points/records';
import { questionRepository, serviceRecordRepository, volunteerRepository } from '../../cloudfunctions/src/volunteers/repository';
import { createHoursService } from '../../cloudfunctions/src/volunteers/hours-service';
import { activitySummary } from '../../cloudfunctions/src/domain/activities/summary';
import { env } from '../../cloudfunctions/src/lib/config';
import { loadUser, toPrincipal } from '../../cloudfunctions/src/lib/principal';
import { mediaStorage } from '../../cloudfunctions/src/lib/storage';
import { questionKeys } from '../../cloudfunctions/src/domain/question-bank';
import type { ExamBank } from '@hele/shared';
import { roleRepository } from '../../cloudfunctions/src/roles/repository';
import { boardRepository, newActionRecord, newIdeaRecord } from '../../cloudfunctions/src/meetings/repository';
import { libraryRepository } from '../../cloudfunctions/src/library/repository';
import {
  centerDate,
  MATERIAL_FILE_BYTES_MAX,
  MATERIAL_FILE_TYPES,
  materialFilePrefix,
  materialTokens,
  STARTER_MODULES,
  type MaterialInput,
} from '@hele/shared';
import { feedRepository } from '../../cloudfunctions/src/feed/repository';
import { newPostRecord } from '../../cloudfunctions/src/feed/records';
import { resourceRepository } from '../../cloudfunctions/src/resources/repository';
import { branchRepository } from '../../cloudfunctions/src/branches/repository';
import { directoryRepository } from '../../cloudfunctions/src/directory/repository';
import { academyRepository } from '../../cloudfunctions/src/academy/repository';
import { seriesRepository } from '../../cloudfunctions/src/series/repository';
import { newSeriesRecords } from '../../cloudfunctions/src/series/service';

const DAY = 24 * 60 * 60 * 1000;

/** The demo project (公益黄手环): its outing and the meals case belong to it. */
const DEMO_PROJECT_ID = '00demo-project-yellow-band';
/** The demo class series (越剧班); its lesson video is one of its materials. */
export const DEMO_SERIES_ID = '00demo-series-yueju';

/** The demo branch (党支部) and who is on its roster. */
export const DEMO_BRANCH = 'demo-branch';
const DEMO_BRANCH_ROSTER = ['secretary', 'volunteer', 'member'];
/** What the secretary recorded of each: a young branch (the plan generator proposes for it). */
const DEMO_BRANCH_PROFILES: Record<string, { birthYear: number; education: 'secondary' | 'college' | 'postgraduate'; joinedOn: string }> = {
  secretary: { birthYear: 1992, education: 'college', joinedOn: '2015-07-01' },
  volunteer: { birthYear: 1998, education: 'college', joinedOn: '2021-06-20' },
  member: { birthYear: 1995, education: 'postgraduate', joinedOn: '2019-05-04' },
};

/** The demo people's real names (编辑资料): the volunteer's certificate and applications need one; the admin has none, so 我的 asks for it. */
const DEMO_REAL_NAMES: Record<string, string> = {
  coordinator: '李明',
  secretary: '王芳',
  volunteer: '张志远',
  lecturer: '周敏',
  member: '陈静',
};

/** A dev user's id and nickname, by their dev sign-in name (DEV_USERS). */
const devUser = (name: string) => ({ id: userIdFor(`dev:${name}`), nickname: DEV_USERS.find((user) => user.name === name)!.nickname });

/** `days` from today at `hh:mm` in the center's time zone. */
const at = (days: number, time: string) => {
  const day = new Date(Date.now() + days * DAY + 8 * 3600 * 1000).toISOString().slice(0, 10);
  return `${day}T${time}:00+08:00`;
};

const DEMO_ACTIVITIES: Array<{ id: string; input: unknown }> = [
  {
    id: 'demo-meeting-liangxue',
    input: {
      kind: 'meeting',
      title: '“两学一做”专题组织生活会',
      theme: '两学一做',
      branchId: DEMO_BRANCH,
      venue: '和乐党群服务中心 2 楼会议室',
      startsAt: at(3, '14:00'),
      endsAt: at(3, '16:00'),
      capacity: 30,
      discussionFormat: 'world_cafe',
      agenda: [
        { title: '重温入党誓词', minutes: 10 },
        { title: '世界咖啡分组讨论：如何落实“两学一做”', minutes: 60 },
        { title: '创意党旗设计', minutes: 30 },
        { title: '形成措施并明确责任人', minutes: 20 },
      ],
      description: '针对组织生活会“讨论不起来、讨论不出措施”的难题，本次采用世界咖啡讨论模式，每组形成可落实的措施。',
    },
  },
  {
    id: 'demo-class-yueju',
    input: {
      kind: 'class',
      title: '越剧班 · 第一课：唱腔入门',
      venue: '和乐党群服务中心 多功能厅',
      startsAt: at(5, '19:00'),
      endsAt: at(5, '20:30'),
      capacity: 20,
      description: '由志愿者讲师授课的公益班（公益服务换场地），零基础可报名。',
    },
  },
  {
    id: 'demo-training-firstaid',
    input: {
      kind: 'training',
      title: '志愿者学院 · 应急抢救培训',
      venue: '和乐党群服务中心 培训室',
      startsAt: at(7, '09:00'),
      endsAt: at(7, '11:30'),
      capacity: 40,
      trainingTopic: 'first_aid',
      description: '心肺复苏与 AED 使用，完成培训后记入志愿者档案。',
    },
  },
  {
    id: 'demo-service-huangshouhuan',
    input: {
      kind: 'service',
      title: '公益黄手环 · 社区老人走访',
      projectId: DEMO_PROJECT_ID,
      venue: '松台街道各社区',
      startsAt: at(4, '09:00'),
      endsAt: at(4, '11:30'),
      capacity: 10,
      requiredTraining: 'first_aid',
      destination: 'village',
      description: '为患有认知障碍的老人发放黄手环并登记信息（需先完成应急抢救培训）。',
    },
  },
];

/** The reward catalogue (积分兑换回馈): public-class seats, services, small goods. */
const DEMO_REWARDS: Array<
  Pick<RewardRecord, 'id' | 'title' | 'description' | 'kind' | 'cost' | 'stock' | 'perUserLimit'> & { activityId?: string }
> = [
  {
    id: 'demo-reward-yueju-seat',
    title: '越剧班名额',
    description: '兑换后直接报名「越剧班 · 第一课」',
    kind: 'class_seat',
    cost: 30,
    stock: 10,
    perUserLimit: 1,
    activityId: 'demo-class-yueju',
  },
  {
    id: 'demo-reward-english-corner',
    title: '英语角 · 口语陪练一次',
    description: '由志愿者讲师一对一陪练 30 分钟',
    kind: 'service',
    cost: 20,
    stock: 20,
    perUserLimit: 2,
  },
  { id: 'demo-reward-bag', title: '环保布袋', description: '党群服务中心定制', kind: 'goods', cost: 15, stock: 50, perUserLimit: 2 },
  {
    id: 'demo-reward-picture-book',
    title: '亲子绘本一本',
    description: '亲子绘本班推荐书目',
    kind: 'goods',
    cost: 40,
    stock: 10,
    perUserLimit: 1,
  },
];

/** The certification question bank (志愿者认证题库): etiquette, first aid, psychological support, service rules. */
const DEMO_QUESTIONS: Array<{ category: string; text: string; options: string[]; answer: number[] }> = [
  {
    category: '服务规范',
    text: '志愿服务应当遵循的原则是？',
    options: ['自愿、无偿、平等、诚信', '有偿、自愿', '强制参加', '按积分多少决定是否参加'],
    answer: [0],
  },
  {
    category: '服务规范',
    text: '因故不能参加已报名的志愿服务时，应当？',
    options: ['直接不去', '提前取消报名或请假，让候补的人参加', '让朋友冒名顶替', '事后再说明'],
    answer: [1],
  },
  {
    category: '服务规范',
    text: '志愿服务时长如何计入？（多选）',
    options: ['现场扫码签到、签退', '手工申报后经社工审核', '自己在系统里直接修改', '公益班讲师授课经社工确认'],
    answer: [0, 1, 3],
  },
  {
    category: '礼仪',
    text: '接待来访群众时，恰当的做法是？',
    options: ['起身问候、主动引导', '继续看手机', '让对方自己找', '只接待认识的人'],
    answer: [0],
  },
  {
    category: '礼仪',
    text: '陪伴老人时，下列哪些做法是恰当的？（多选）',
    options: ['放慢语速、耐心倾听', '尊重老人的生活习惯', '替老人做所有决定', '随意拍照发朋友圈'],
    answer: [0, 1],
  },
  {
    category: '礼仪',
    text: '志愿者服装与仪容应当？',
    options: ['整洁得体，佩戴志愿者标识', '越随意越好', '可以穿拖鞋', '无所谓'],
    answer: [0],
  },
  {
    category: '应急抢救',
    text: '发现有人突然倒地、呼之不应，第一步应当？',
    options: ['确认现场环境安全并呼叫 120', '马上喂水', '立即搬动到室内', '离开现场'],
    answer: [0],
  },
  {
    category: '应急抢救',
    text: '成人胸外按压的频率一般为每分钟？',
    options: ['60～80 次', '100～120 次', '150～180 次', '越快越好'],
    answer: [1],
  },
  {
    category: '应急抢救',
    text: '对烫伤的正确初步处理是？（多选）',
    options: ['用流动冷水冲洗', '涂抹牙膏或酱油', '不要刺破水疱', '用冰块直接长时间敷'],
    answer: [0, 2],
  },
  {
    category: '心理辅导',
    text: '倾听服务对象倾诉时，恰当的做法是？',
    options: ['专注倾听，不急于评判', '打断并讲自己的经历', '马上给出结论', '转移话题'],
    answer: [0],
  },
  {
    category: '心理辅导',
    text: '服务对象透露有伤害自己的想法时，志愿者应当？',
    options: ['答应替他保密', '及时告知带队社工并寻求专业帮助', '劝他别多想就离开', '发到群里讨论'],
    answer: [1],
  },
  {
    category: '心理辅导',
    text: '关于服务对象的个人信息，正确的做法是？（多选）',
    options: ['未经同意不对外透露', '只在服务需要的范围内使用', '可以随意转发', '服务结束后仍需保密'],
    answer: [0, 1, 3],
  },
];

/**
 * The 应急抢救 training's quiz bank (培训测验): a full quiz's worth, so checking in at the demo training
 * opens the quiz and passing it completes the topic. 张志愿's earlier completion stands as it is.
 */
const DEMO_FIRST_AID_QUIZ: typeof DEMO_QUESTIONS = [
  {
    category: '心肺复苏',
    text: '判断成人是否需要心肺复苏，应当？',
    options: ['拍打双肩并呼喊，同时看胸廓有无起伏', '先喂温水', '等家属到场再说', '测量血压'],
    answer: [0],
  },
  {
    category: '心肺复苏',
    text: '成人胸外按压的位置是？',
    options: ['胸骨下半部（两乳头连线中点）', '腹部', '左侧肋骨', '颈部'],
    answer: [0],
  },
  { category: '心肺复苏', text: '成人胸外按压的深度一般为？', options: ['1～2 厘米', '5～6 厘米', '10 厘米以上', '越浅越好'], answer: [1] },
  {
    category: 'AED',
    text: '使用 AED（自动体外除颤器）时，正确的做法有？（多选）',
    options: ['按语音提示贴好电极片', '分析心律和放电时任何人不要接触患者', '放电后立即继续胸外按压', '先关机再使用'],
    answer: [0, 1, 2],
  },
  {
    category: '常见急症',
    text: '老人进食时突然呛噎、不能说话，应当？',
    options: ['立即用海姆立克法施救并呼叫 120', '拍打胸口', '让他喝水咽下去', '等一会儿看看'],
    answer: [0],
  },
  {
    category: '常见急症',
    text: '遇到有人跌倒后手腕明显变形，志愿者应当？',
    options: ['用硬纸板等临时固定并尽快送医', '用力把骨头掰正', '让他继续活动试试', '热敷'],
    answer: [0],
  },
];

const seedBank = async (bank: ExamBank, idPrefix: string, questions: typeof DEMO_QUESTIONS, now: Date) => {
  for (const [index, question] of questions.entries()) {
    const id = `${idPrefix}-${String(index + 1).padStart(2, '0')}`;
    await questionRepository
      .create({
        ...questionKeys(bank, id),
        id,
        ...question,
        type: question.answer.length > 1 ? 'multiple' : 'single',
        active: true,
        createdAt: now.toISOString(),
      })
      .catch(ignoreExisting);
  }
};

/** A meeting under way when the stack first starts, with a live feed to watch (直播中). */
const LIVE_MEETING_ID = 'demo-meeting-live';
const LIVE_POSTS = [
  { text: '“三严三实”专题组织生活会现在开始，全体党员重温入党誓词。', keyMoment: true },
  { text: '世界咖啡第一轮：每桌围绕“如何把三严三实落到社区服务中”讨论，桌长记录要点。', keyMoment: false },
  { text: '会议议程：①重温入党誓词 ②世界咖啡分组讨论 ③形成措施并明确责任人。', keyMoment: false, pinned: true },
];

const seedLiveMeeting = async (coordinator: string, now: Date) => {
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000).toISOString();
  const input = CreateActivityRequest.parse({
    kind: 'meeting',
    title: '“三严三实”专题组织生活会（直播中）',
    theme: '三严三实',
    branchId: DEMO_BRANCH,
    // The branch's own meeting: its three members check in without registering (仅限本支部).
    branchOnly: true,
    venue: '和乐党群服务中心 2 楼会议室',
    startsAt: minutes(-30),
    endsAt: minutes(90),
    registrationClosesAt: minutes(90),
    cancellationDeadline: minutes(90),
    capacity: 30,
    discussionFormat: 'world_cafe',
    agenda: [
      { title: '重温入党誓词', minutes: 10 },
      { title: '世界咖啡分组讨论', minutes: 60 },
    ],
  });
  try {
    await activityRepository.createActivity(newActivityRecord(input, coordinator, now, LIVE_MEETING_ID));
  } catch (error) {
    return ignoreExisting(error); // seeded on an earlier start: its feed is there too
  }
  for (const [index, { text, keyMoment, pinned }] of LIVE_POSTS.entries()) {
    const at = new Date(now.getTime() - (LIVE_POSTS.length - index) * 5 * 60_000);
    const post = newPostRecord({ activityId: LIVE_MEETING_ID, text, keyMoment, author: { id: coordinator, nickname: '李社工' }, at });
    await feedRepository.createPost(post);
    if (pinned) await feedRepository.setPinned(post, true, {}, ulid(at.getTime() + 1), at.toISOString());
  }
  // The meeting's idea board and a measure already past due (the secretary's home page shows it).
  const ideas = ['把组织生活会开到社区里，请居民一起参加', '邀请退休老党员讲“三严三实”党课'];
  const member = devUser('member');
  for (const [index, text] of ideas.entries()) {
    const id = ulid(now.getTime() - (ideas.length - index) * 60_000);
    await boardRepository.addIdea(newIdeaRecord(LIVE_MEETING_ID, { text, kind: 'idea' }, member, now, id));
  }
  const dueOn = new Date(now.getTime() - 2 * DAY + 8 * 3600_000).toISOString().slice(0, 10);
  await boardRepository.addAction(
    newActionRecord(
      { id: LIVE_MEETING_ID, title: input.title, branchId: DEMO_BRANCH },
      { text: '整理上次会议的学习笔记并分享到群里', ownerId: member.id, dueOn },
      member,
      now,
    ),
  );
};

/**
 * Materials whose files are in the media bucket (scripts/local/demo-media: a few seconds of a real MP4,
 * a one-page PDF), so that the demo's materials open and play.
 */
const DEMO_FILE_MATERIALS = [
  {
    material: {
      id: 'demo-material-yueju',
      title: '越剧唱腔入门（公益班课堂录像）',
      kind: 'video' as const,
      category: '公益班',
      tags: ['越剧', '戏曲'],
      audience: 'public' as const,
      seriesId: DEMO_SERIES_ID,
    },
    file: { path: 'yueju-lesson-1.mp4', name: '越剧唱腔入门（第一课）.mp4', contentType: 'video/mp4' as const },
  },
  {
    material: {
      id: 'demo-material-cpr',
      title: '心肺复苏与 AED 使用要点',
      kind: 'document' as const,
      category: '志愿者学院',
      tags: ['应急抢救', '急救'],
      audience: 'volunteers' as const,
    },
    file: { path: 'cpr-aed.pdf', name: '心肺复苏与AED使用要点.pdf', contentType: 'application/pdf' as const },
  },
];

/** The online learning library's first shelf. */
const DEMO_MATERIALS: Array<
  { id: string } & Omit<MaterialInput, 'tags' | 'audience' | 'file'> & { tags: string[]; audience: MaterialInput['audience'] }
> = [
  {
    id: 'demo-material-liangxue',
    title: '“两学一做”学习笔记：学党章党规、学系列讲话',
    kind: 'article',
    category: '理论学习',
    tags: ['两学一做', '党章'],
    audience: 'members',
    body: '一、学党章党规，明确基本标准、树立行为规范。\n二、学系列讲话，坚定理想信念、把握基本要求。\n三、做合格党员，在服务群众中发挥先锋模范作用。',
  },
];

/**
 * 张志愿's earlier service: stretches they declared and 李社工 approved through the hours service, so the
 * hours, the points (10 an hour: 120) and the star level agree on every page, as real service makes them.
 */
const DEMO_SERVICE_HISTORY = [
  { daysAgo: 45, minutes: 6 * 60, note: '文明城市创建 · 社区环境整治' },
  { daysAgo: 20, minutes: 6 * 60, note: '松台街道敬老院陪伴服务' },
];

const seedServiceHistory = async (now: Date) => {
  const principal = async (name: string) => toPrincipal((await loadUser(userIdFor(`dev:${name}`)))!);
  const volunteer = await principal('volunteer');
  if ((await serviceRecordRepository.ofUser(volunteer.id, { limit: 1 })).items.length) return; // seeded before
  const coordinator = await principal('coordinator');
  const hours = createHoursService({
    ledger,
    records: serviceRecordRepository,
    activity: activitySummary,
    pointsPerHour: env().POINTS_PER_HOUR,
    declaring: { maxAgeDays: env().HOURS_DECLARE_MAX_AGE_DAYS, dailyMaxMinutes: env().HOURS_DECLARE_DAILY_MAX_MINUTES },
    now: () => now,
  });
  for (const { daysAgo, minutes, note } of DEMO_SERVICE_HISTORY) {
    const record = await hours.declare({ servedOn: centerDate(new Date(now.getTime() - daysAgo * DAY)), minutes, note }, volunteer);
    await hours.decide(record.id, { decision: 'approve' }, coordinator);
  }
};

/**
 * Uploads a demo material's file to the local bucket the way the app does (a presigned POST under the
 * coordinator's folder, held to its type and size), then adds the material naming the key.
 */
const seedFileMaterial = async ({ material, file }: (typeof DEMO_FILE_MATERIALS)[number], coordinator: string, now: Date) => {
  if (await libraryRepository.get(material.id)) return;
  const media = mediaStorage(env().MEDIA_BUCKET);
  const type = MATERIAL_FILE_TYPES[file.contentType];
  const ticket = await media.presignUpload({
    key: `${materialFilePrefix(coordinator)}${ulid(now.getTime())}.${type.extension}`,
    contentType: file.contentType,
    maxBytes: MATERIAL_FILE_BYTES_MAX[type.kind],
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append('file', new Blob([fs.readFileSync(path.join(__dirname, 'demo-media', file.path))], { type: file.contentType }), file.path);
  const uploaded = await fetch(ticket.url, { method: 'POST', body: form });
  if (!uploaded.ok) throw new Error(`${file.path}: upload answered ${uploaded.status} ${await uploaded.text()}`);
  const stored = await media.stat(ticket.key);
  if (!stored) throw new Error(`${file.path}: not in the bucket after its upload`);
  const { id, ...fields } = material;
  await libraryRepository.create(
    {
      pk: 'M',
      sk: id,
      id,
      ...fields,
      file: { key: ticket.key, name: file.name, ...stored },
      createdBy: coordinator,
      createdAt: now.toISOString(),
    },
    materialTokens({ ...fields, tags: [...fields.tags] }),
  );
};

/**
 * The resource cloud's demo: two verified providers and their offers; a need being planned with
 * part of an offer allocated, and a new one waiting for its assessment. (Known totals: the
 * dashboard's browser test starts from them.) Ids begin `00`: these lists run newest first by
 * id (ULIDs), and the demo items are the oldest.
 */
const seedResourceCloud = async (coordinator: string, now: Date) => {
  const at = now.toISOString();
  const by = { createdBy: coordinator, createdAt: at };
  const actor = { actorId: coordinator, actorName: devUser('coordinator').nickname, at };
  const providers = [
    { id: '00demo-provider-mingzheng', name: '街道民政办', kind: 'government' as const, verified: true, ...by },
    { id: '00demo-provider-lvyuan', name: '绿源超市', kind: 'company' as const, contact: '李经理 13800002222', verified: true, ...by },
  ];
  await resourceRepository.addProject({
    id: DEMO_PROJECT_ID,
    name: '公益黄手环',
    category: 'elderly',
    description: '为认知障碍老人佩戴黄手环、上门走访，防走失。',
    ...by,
  });
  for (const provider of providers) await resourceRepository.addProvider(provider);
  const funds = {
    id: '00demo-offer-meal-fund',
    providerId: '00demo-provider-mingzheng',
    providerName: '街道民政办',
    kind: 'funds' as const,
    title: '助老餐费补贴',
    quantity: 100_000,
    unit: '分',
    remaining: 100_000,
    ...by,
  };
  const goods = {
    id: '00demo-offer-grain',
    providerId: '00demo-provider-lvyuan',
    providerName: '绿源超市',
    kind: 'goods' as const,
    title: '米面油礼包',
    quantity: 50,
    unit: '份',
    remaining: 50,
    availability: '每月第一周',
    ...by,
  };
  for (const offer of [funds, goods]) await resourceRepository.addOffer(offer);
  const meals = {
    id: '00demo-case-meals',
    title: '独居老人助餐',
    source: 'visit' as const,
    description: '走访发现和乐社区三位独居老人午餐无人照料。',
    requester: '和乐社区',
    projectId: DEMO_PROJECT_ID,
    stage: 'planning' as const,
    forms: {
      assessment: { notes: '三位老人行动不便，午餐靠邻居接济，需求迫切。', priority: 'high' as const },
      estimation: {
        resources: [
          { kind: 'goods' as const, description: '米面油礼包', quantity: 20 },
          { kind: 'people' as const, description: '送餐志愿者', quantity: 2 },
        ],
      },
      planning: { goals: ['每天按时吃上午餐', '每周一次上门探访'], tasks: [{ text: '联系爱心餐厅', owner: '王社工' }] },
    },
    logCount: 0,
    ...by,
    updatedAt: at,
  };
  await resourceRepository.openCase(meals, { id: '00demo-case-meals-opened', kind: 'opened', to: 'planning', ...actor });
  await resourceRepository.allocate(
    {
      id: '00demo-allocation-grain',
      caseId: meals.id,
      caseTitle: meals.title,
      offerId: goods.id,
      offerTitle: goods.title,
      providerId: goods.providerId,
      providerName: goods.providerName,
      kind: 'goods',
      quantity: 20,
      unit: '份',
      actorId: coordinator,
      at,
    },
    ['planning'],
    { id: '00demo-allocation-grain-event', kind: 'allocated', step: 'planning', text: '绿源超市「米面油礼包」20 份', ...actor },
    DEMO_PROJECT_ID,
  );
  const tutoring = {
    id: '00demo-case-tutoring',
    title: '困境儿童课业辅导',
    source: 'community' as const,
    description: '社区反映两名困境儿童放学后无人辅导作业。',
    stage: 'assessment' as const,
    forms: {},
    logCount: 0,
    ...by,
    updatedAt: at,
  };
  await resourceRepository.openCase(tutoring, { id: '00demo-case-tutoring-opened', kind: 'opened', to: 'assessment', ...actor });
};

/** Seeding again finds its items in place: a refused put (or transaction of puts) is fine. */
const ignoreExisting = (error: unknown) => {
  if (!isConditionFailure(error) && !cancellationReasons(error)?.includes('ConditionalCheckFailed')) throw error;
};

/**
 * A weekly class series (越剧班, 8 sessions) with three sessions held (the fourth is tomorrow): 陈党员 enrolled in every
 * session and attended the first two, so 我的学习 shows progress and the lecturer's roster has marks.
 */
const seedClassSeries = async (coordinator: string, now: Date) => {
  const lecturer = devUser('lecturer');
  const input = CreateSeriesRequest.parse({
    title: '越剧班（晨间班）',
    description: '志愿讲师周老师教唱越剧经典选段，零基础可报，每周上午一课。',
    venue: '和乐党群服务中心 3 楼活动室',
    capacity: 20,
    lecturerIds: [lecturer.id],
    completionPercent: 75,
    sessions: weeklySessions(new Date(at(-20, '09:30')), 8, 90),
  });
  const { record, sessions } = newSeriesRecords(input, [lecturer], coordinator, now, DEMO_SERIES_ID);
  if ((await seriesRepository.create(record, sessions)) !== 'ok') return; // seeded before
  const { id: userId, nickname } = devUser('member');
  const member = { userId, nickname };
  for (const session of sessions) {
    const registeredAt = new Date(Date.parse(sessions[0]!.startsAt) - 7 * DAY).toISOString();
    await activityRepository.confirmSeat({
      activityId: session.id,
      ...member,
      id: ulid(),
      status: 'confirmed',
      registeredAt,
      updatedAt: registeredAt,
    });
  }
  for (const session of sessions.slice(0, 2)) await activityRepository.checkIn(session.id, member.userId, session.startsAt, []);
};

/**
 * The demo branch in the directory, with 王书记 its secretary and its members on its roster, as the
 * directory itself would leave them: each member's user record, active membership and the count.
 */
const seedDemoBranch = async (now: Date) => {
  if (await directoryRepository.branch(DEMO_BRANCH)) return;
  const iso = now.toISOString();
  const secretary = devUser('secretary');
  const secretaryId = secretary.id;
  await directoryRepository.create({
    id: DEMO_BRANCH,
    name: '和乐社区第一党支部',
    kind: 'branch',
    community: '和乐社区',
    secretaryId,
    secretaryName: secretary.nickname,
    memberCount: DEMO_BRANCH_ROSTER.length,
    createdAt: iso,
    createdBy: userIdFor('dev:admin'),
  });
  for (const name of DEMO_BRANCH_ROSTER) {
    const { id: userId, nickname } = devUser(name);
    await dynamoUserRepository.assignBranch(userId, DEMO_BRANCH);
    await transactNamed(doc, [
      {
        name: 'membership',
        item: directoryRepository.items.putActive({
          branchId: DEMO_BRANCH,
          userId,
          status: 'active',
          requestedAt: iso,
          approvedAt: iso,
          approvedBy: secretaryId,
        }),
      },
    ]);
    if (!(await branchRepository.putMember(DEMO_BRANCH, { userId, nickname, ...DEMO_BRANCH_PROFILES[name]! })))
      throw new Error(`The demo branch's roster line of ${name} was not written`);
  }
};

export const seedDemoData = async (now = new Date()): Promise<void> => {
  for (const user of DEV_USERS) {
    await dynamoUserRepository.findOrCreate({ openid: `dev:${user.name}`, nickname: user.nickname, roles: [...user.roles] }, now);
  }
  // A real name once: one the developer changed since is kept (and a closed demo account stays closed).
  for (const [name, realName] of Object.entries(DEMO_REAL_NAMES)) {
    const record = await accountRepository.get(userIdFor(`dev:${name}`));
    if (record && !record.closedAt && !record.realName) await accountRepository.update(record.id, { realName });
  }
  // The dev users' managed roles appear in the admin's lists (no audit line: nobody granted them).
  for (const user of DEV_USERS) {
    for (const role of user.roles.filter((held): held is ManagedRole => ManagedRoleSchema.safeParse(held).success)) {
      await roleRepository.recordSeeded({
        role,
        userId: userIdFor(`dev:${user.name}`),
        nickname: user.nickname,
        grantedBy: userIdFor('dev:admin'),
        grantedByName: '管理员',
        grantedAt: now.toISOString(),
      });
    }
  }
  await seedDemoBranch(now);
  // Period themes of the year (一支部一方案 offers the running ones).
  const year = now.toISOString().slice(0, 4);
  if ((await branchRepository.themes()).length === 0) {
    const themes = [
      ['两学一做', `${year}-01-01`, `${year}-12-31`],
      ['三严三实', `${year}-07-01`, `${year}-12-31`],
      ['五水共治', `${year}-03-01`, `${year}-06-30`],
    ] as const;
    for (const [index, [name, from, to]] of themes.entries())
      await branchRepository.putTheme({ id: `00theme-${index + 1}`, name, from, to });
  }
  // 书记学院's rubric, until the coordinators set their own.
  if (!(await academyRepository.rubric())) {
    await academyRepository.putRubric({
      criteria: [
        { id: 'discussion', name: '讨论充分', weight: 3 },
        { id: 'measures', name: '措施可落实', weight: 3 },
        { id: 'participation', name: '党员参与', weight: 2 },
        { id: 'form', name: '形式创新', weight: 2 },
      ],
    });
  }
  // The module library starts with the article's modules, in its order (ids sort that way, before any added later).
  await branchRepository.putModules(
    STARTER_MODULES.map(({ id, ...module }, index) => ({
      ...module,
      styles: [...module.styles],
      suits: [...module.suits],
      id: `00-${String(index + 1).padStart(2, '0')}-${id}`,
    })),
  );
  const coordinator = userIdFor('dev:coordinator');
  for (const { id, input } of DEMO_ACTIVITIES) {
    await activityRepository
      .createActivity(newActivityRecord(CreateActivityRequest.parse(input), coordinator, now, id))
      .catch(ignoreExisting);
  }
  await seedLiveMeeting(coordinator, now);
  await seedResourceCloud(coordinator, now);
  await seedClassSeries(coordinator, now);
  for (const { id, ...material } of DEMO_MATERIALS) {
    await libraryRepository
      .create({ pk: 'M', sk: id, id, ...material, createdBy: coordinator, createdAt: now.toISOString() }, materialTokens(material))
      .catch(ignoreExisting);
  }
  for (const reward of DEMO_REWARDS) {
    const at = now.toISOString();
    await rewardRepository
      .create({ ...reward, active: true, listKey: 'active', createdBy: coordinator, createdAt: at, updatedAt: at })
      .catch(ignoreExisting);
  }
  await seedBank('certification', 'demo-q', DEMO_QUESTIONS, now);
  await seedBank('first_aid', 'demo-first-aid-q', DEMO_FIRST_AID_QUIZ, now);
  // The demo volunteer is certified; their profile is what they applied with.
  await volunteerRepository.apply(
    {
      userId: userIdFor('dev:volunteer'),
      nickname: '张志愿',
      skills: ['急救', '陪伴老人'],
      availability: '周末全天',
      phone: '13800001234',
      intro: '社区志愿服务三年',
    },
    'certified',
    now.toISOString(),
  );
  // The demo volunteer took first aid at an earlier session, so 公益黄手环 is open to them (not to 陈党员).
  await doc.send(
    new PutCommand(
      trainings.complete({
        userId: userIdFor('dev:volunteer'),
        topic: 'first_aid',
        activityId: 'demo-training-firstaid',
        title: '志愿者学院 · 应急抢救培训（往期）',
        completedAt: new Date(now.getTime() - 30 * DAY).toISOString(),
      }).Put!,
    ),
  );
  await seedServiceHistory(now);
  for (const entry of DEMO_FILE_MATERIALS) await seedFileMaterial(entry, coordinator, now);
};

if (require.main === module) {
  seedDemoData().catch((error: Error) => {
    console.error(`seeding failed: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
