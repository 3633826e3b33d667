/**
 * Demo data for the local stage, written through the features' own code so that it has exactly
 * the shape the API writes. Idempotent: fixed ids, created only when absent.
 * Runs as its own process (`tsx scripts/local/seed.ts`) with the functions' environment, so the
 * repositories reach the stack's database and never another one the caller talks to.
 */
import { CreateActivityRequest, DEV_USERS } from '@hele/shared';
import { activityRepository } from '../../cloudfunctions/src/activities/repository';
import { newActivityRecord } from '../../cloudfunctions/src/activities/service';
import { dynamoUserRepository, userIdFor } from '../../cloudfunctions/src/auth/repository';
import { isConditionFailure } from '../../cloudfunctions/src/lib/db';
import { ledger } from '../../cloudfunctions/src/lib/ledger';
import { rewardRepository } from '../../cloudfunctions/src/points/repository';
import type { RewardRecord } from '../../cloudfunctions/src/points/records';

const DAY = 24 * 60 * 60 * 1000;

/** The demo branch (党支部) and who is on its roster. */
export const DEMO_BRANCH = 'demo-branch';
const DEMO_BRANCH_ROSTER = ['secretary', 'volunteer', 'member'];

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
      description: '心肺复苏与 AED 使用，完成培训后记入志愿者档案。',
    },
  },
  {
    id: 'demo-service-huangshouhuan',
    input: {
      kind: 'service',
      title: '公益黄手环 · 社区老人走访',
      venue: '松台街道各社区',
      startsAt: at(4, '09:00'),
      endsAt: at(4, '11:30'),
      capacity: 10,
      description: '为患有认知障碍的老人发放黄手环并登记信息。',
    },
  },
];

/** The reward catalogue (积分兑换回馈): public-class seats, services, small goods. */
const DEMO_REWARDS: Array<Pick<RewardRecord, 'id' | 'title' | 'description' | 'kind' | 'cost' | 'stock' | 'perUserLimit'> & { activityId?: string }> = [
  { id: 'demo-reward-yueju-seat', title: '越剧班名额', description: '兑换后直接报名「越剧班 · 第一课」', kind: 'class_seat', cost: 30, stock: 10, perUserLimit: 1, activityId: 'demo-class-yueju' },
  { id: 'demo-reward-english-corner', title: '英语角 · 口语陪练一次', description: '由志愿者讲师一对一陪练 30 分钟', kind: 'service', cost: 20, stock: 20, perUserLimit: 2 },
  { id: 'demo-reward-bag', title: '环保布袋', description: '党群服务中心定制', kind: 'goods', cost: 15, stock: 50, perUserLimit: 2 },
  { id: 'demo-reward-picture-book', title: '亲子绘本一本', description: '亲子绘本班推荐书目', kind: 'goods', cost: 40, stock: 10, perUserLimit: 1 },
];

const ignoreExisting = (error: unknown) => {
  if (!isConditionFailure(error)) throw error;
};

export const seedDemoData = async (now = new Date()): Promise<void> => {
  for (const user of DEV_USERS) {
    await dynamoUserRepository.findOrCreate({ openid: `dev:${user.name}`, nickname: user.nickname, roles: [...user.roles] }, now);
  }
  for (const name of DEMO_BRANCH_ROSTER) await dynamoUserRepository.assignBranch(userIdFor(`dev:${name}`), DEMO_BRANCH);
  const coordinator = userIdFor('dev:coordinator');
  for (const { id, input } of DEMO_ACTIVITIES) {
    await activityRepository.createActivity(newActivityRecord(CreateActivityRequest.parse(input), coordinator, now, id)).catch(ignoreExisting);
  }
  for (const reward of DEMO_REWARDS) {
    const at = now.toISOString();
    await rewardRepository
      .create({ ...reward, active: true, listKey: 'active', createdBy: coordinator, createdAt: at, updatedAt: at })
      .catch(ignoreExisting);
  }
  // The demo volunteer starts with points from earlier service (once: the ledger key is fixed).
  await ledger.append({
    userId: userIdFor('dev:volunteer'),
    type: 'EARN',
    amount: 120,
    reason: '2026 年志愿服务（历史时长导入）',
    actorId: coordinator,
    idempotencyKey: 'seed:volunteer-opening',
  });
};

if (require.main === module) {
  seedDemoData().catch((error: Error) => {
    console.error(`seeding failed: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
