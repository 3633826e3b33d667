import Taro from '@tarojs/taro';
import { ApiError } from '@/api';

/** Chinese wording for the API's error codes; the server's English message is the fallback. */
const MESSAGES: Record<string, string> = {
  NETWORK: '网络连接失败，请稍后再试',
  UNAUTHENTICATED: '请先登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限',
  VALIDATION_FAILED: '填写的内容有误',
  TOO_MANY_REQUESTS: '操作太频繁，请稍后再试',
  NOT_FOUND: '内容不存在或已删除',
  IDEMPOTENCY_IN_PROGRESS: '上一次操作还在处理中，请稍候',
  ACTIVITY_NOT_OPEN: '活动未开放报名',
  ACTIVITY_CANCELLED: '活动已取消',
  REGISTRATION_NOT_OPEN: '报名尚未开始',
  REGISTRATION_CLOSED: '报名已截止',
  CANCELLATION_CLOSED: '已过取消截止时间',
  NOT_REGISTERED: '你还没有报名',
  CAPACITY_BELOW_CONFIRMED: '名额不能少于已报名人数',
  STALE_ACTIVITY: '活动刚被修改，请刷新后重试',
  BUSY: '人数较多，请稍后再试',
  NOT_CONFIRMED: '只有已报名（非候补）的人可以签到',
  ALREADY_CHECKED_IN: '你已经签到过了',
  CHECK_IN_NOT_OPEN: '签到尚未开始',
  CHECK_IN_CLOSED: '签到已结束',
  INVALID_CHECK_IN_CODE: '签到码错误或已过期，请看现场最新的码',
  LEAVE_EXISTS: '你已提交过请假',
  LEAVE_CLOSED: '活动已结束，不能请假',
  LEAVE_DECIDED: '该请假已审批',
  INSUFFICIENT_POINTS: '积分不足',
  OUT_OF_STOCK: '已兑完',
  REWARD_UNAVAILABLE: '当前不可兑换',
  REDEMPTION_LIMIT: '已达到兑换次数上限',
  VOUCHER_USED: '兑换券已使用',
  VOUCHER_CANCELLED: '兑换券已取消',
  CLASS_FULL: '公益班名额已满',
  ALREADY_REGISTERED: '你已报名该公益班',
  NOT_CHECKED_IN: '请先签到再签退',
  SIGN_OUT_EARLY: '未签退：提前签退不计入服务时长',
  ALREADY_SIGNED_OUT: '你已经签退过了',
  NOT_A_SERVICE_ACTIVITY: '只有志愿服务活动需要签退',
  APPLY_FIRST: '请先提交志愿者申请',
  ALREADY_VOLUNTEER: '你已是认证志愿者',
  EXAM_COOLDOWN: '冷静期内暂不能再次考试',
  EXAM_UNAVAILABLE: '题库尚未准备好，请联系社工',
  EXAM_TIME_UP: '考试时间已到，本次未计分',
  ALREADY_SUBMITTED: '本次考试已交卷',
  ALREADY_DECIDED: '该记录已审核',
  ALREADY_RECORDED: '该服务时长已记录',
  NOT_A_VOLUNTEER: '只有认证志愿者可以申报服务时长',
  DAILY_HOURS_LIMIT: '同一天申报的服务时长已达上限',
  // STEP_INCOMPLETE: the server says which form, in Chinese.
  SKIPS_A_STEP: '个案需按步骤推进，不能跳步',
  REASON_REQUIRED: '请填写原因（至少 4 个字）',
  SAME_STAGE: '个案已在该步骤',
  CASE_STAGE: '个案当前步骤不允许此操作',
  NOT_ENOUGH_REMAINING: '可分配的资源不足',
  PROVIDER_NOT_VERIFIED: '资源方尚未认证',
  OBSERVER_SEATS_FULL: '观摩名额已满',
  OWN_BRANCH: '不能观摩本支部的会议',
  NO_BRANCH: '请先加入支部再报名观摩',
  NOT_A_BRANCH_MEETING: '只有支部的组织生活会可以观摩',
  NOT_AN_OBSERVER: '报名观摩后才能评分',
  ALREADY_SCORED: '你已为这次会议评过分',
  MEETING_NOT_HELD: '会议举行后才能评分',
  NO_RUBRIC: '评分标准尚未设置，请联系社工',
  NOT_LECTURER: '只有本班的讲师（或社工）可以进行此操作',
  NOT_COMPLETED: '尚未达到结业要求',
  SERIES_CLOSED: '该公益班已没有可报名的课次',
  SERIES_EXISTS: '请重试',
  TRAINING_REQUIRED: '报名前需先完成志愿者学院的相应培训（签到后记录；设有测验的培训需通过测验）',
  TRAINING_NOT_ATTENDED: '请先参加该培训并现场签到，再参加测验',
  TRAINING_COMPLETED: '该培训已完成，无需再参加测验',
};

export const errorMessage = (error: unknown): string => {
  if (error instanceof ApiError) return MESSAGES[error.code] ?? error.message;
  return '出错了，请稍后再试';
};

export const showError = (error: unknown): void => {
  void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 });
};
