/**
 * Every error code the API can send, declared once with its HTTP status and the Chinese wording the
 * app shows. The server's error classes accept only codes of their status (`ConflictError` takes a
 * 409 code), and the app's messages are this table: a code cannot be added without its wording.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 502;

interface ErrorSpec {
  readonly status: ErrorStatus;
  /** What the person sees, in Chinese. */
  readonly message: string;
  /** The answer's first detail says more precisely what to do, in Chinese: the app shows it instead. */
  readonly explained?: true;
}

export const ERRORS = {
  // The request itself
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误' },
  MALFORMED_JSON: { status: 400, message: '请求格式有误，请刷新后重试' },
  INVALID_CHECK_IN_CODE: { status: 400, message: '签到码错误或已过期，请看现场最新的码' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '内容太长，请删减后再提交' },
  TOO_MANY_REQUESTS: { status: 429, message: '操作太频繁，请稍后再试' },
  ROUTE_NOT_FOUND: { status: 404, message: '该功能不存在，请更新小程序后重试' },
  NOT_FOUND: { status: 404, message: '内容不存在或已删除' },
  INTERNAL: { status: 500, message: '系统出错了，请稍后再试' },
  UPSTREAM_UNAVAILABLE: { status: 502, message: '微信服务暂时不可用，请稍后再试' },

  // Who is calling
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  INVALID_LOGIN_CODE: { status: 401, message: '微信登录失败，请重试' },
  DEV_LOGIN_DISABLED: { status: 401, message: '开发登录只在本地环境可用' },
  FORBIDDEN: { status: 403, message: '没有权限' },

  // Retries and races
  CONFLICT: { status: 409, message: '内容刚被修改，请刷新后重试' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: '这次操作与上一次不一致，请重新操作' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '上一次操作还在处理中，请稍候' },
  BUSY: { status: 409, message: '人数较多，请稍后再试' },
  STALE_ACTIVITY: { status: 409, message: '活动刚被修改，请刷新后重试' },

  // Activities and registration
  ACTIVITY_NOT_OPEN: { status: 409, message: '活动未开放报名' },
  ACTIVITY_CANCELLED: { status: 409, message: '活动已取消' },
  ACTIVITY_STARTED: { status: 409, message: '活动已开始' },
  REGISTRATION_NOT_OPEN: { status: 409, message: '报名尚未开始' },
  REGISTRATION_CLOSED: { status: 409, message: '报名已截止' },
  CANCELLATION_CLOSED: { status: 409, message: '已过取消截止时间' },
  NOT_REGISTERED: { status: 404, message: '你还没有报名' },
  REGISTER_FIRST: { status: 409, message: '请先报名，再设置提醒' },
  CAPACITY_BELOW_CONFIRMED: { status: 409, message: '名额不能少于已报名人数' },
  TRAINING_REQUIRED: { status: 409, message: '报名前需先完成志愿者学院的相应培训（签到后记录；设有测验的培训需通过测验）' },
  BRANCH_ONLY: { status: 409, message: '该会议仅限本支部党员参加' },

  // Check-in, sign-out and leave
  NOT_CONFIRMED: { status: 409, message: '只有已报名（非候补）的人可以签到' },
  ALREADY_CHECKED_IN: { status: 409, message: '已经签到过了' },
  NO_SEAT_LEFT: { status: 409, message: '名额已满，请先调整活动名额再签到' },
  CHECK_IN_NOT_OPEN: { status: 409, message: '签到尚未开始' },
  CHECK_IN_CLOSED: { status: 409, message: '签到已结束' },
  NOT_CHECKED_IN: { status: 409, message: '请先签到再签退' },
  SIGN_OUT_EARLY: { status: 409, message: '未签退：提前签退不计入服务时长' },
  ALREADY_SIGNED_OUT: { status: 409, message: '你已经签退过了' },
  NOT_A_SERVICE_ACTIVITY: { status: 409, message: '只有志愿服务活动需要签退' },
  LEAVE_EXISTS: { status: 409, message: '你已提交过请假' },
  LEAVE_CLOSED: { status: 409, message: '活动已结束，不能请假' },
  LEAVE_DECIDED: { status: 409, message: '该请假已审批' },

  // Points and rewards
  INSUFFICIENT_POINTS: { status: 409, message: '积分不足' },
  INVALID_AMOUNT: { status: 409, message: '积分数额不正确' },
  OUT_OF_STOCK: { status: 409, message: '已兑完' },
  REWARD_UNAVAILABLE: { status: 409, message: '当前不可兑换' },
  REDEMPTION_LIMIT: { status: 409, message: '已达到兑换次数上限' },
  VOUCHER_USED: { status: 409, message: '兑换券已使用' },
  VOUCHER_CANCELLED: { status: 409, message: '兑换券已取消' },
  CLASS_FULL: { status: 409, message: '公益班名额已满' },
  ALREADY_REGISTERED: { status: 409, message: '你已报名该公益班' },
  ALREADY_DECIDED: { status: 409, message: '该记录已审核' },

  // Volunteers, exams and hours
  APPLY_FIRST: { status: 409, message: '请先提交志愿者申请' },
  REAL_NAME_REQUIRED: { status: 409, message: '请先在“编辑资料”中填写真实姓名' },
  ALREADY_VOLUNTEER: { status: 409, message: '你已是认证志愿者' },
  EXAM_COOLDOWN: { status: 409, message: '冷静期内暂不能再次考试' },
  EXAM_UNAVAILABLE: { status: 409, message: '题库尚未准备好，请联系社工' },
  EXAM_TIME_UP: { status: 409, message: '考试时间已到，本次未计分' },
  ALREADY_SUBMITTED: { status: 409, message: '本次考试已交卷' },
  ALREADY_RECORDED: { status: 409, message: '该服务时长已记录' },
  NOT_A_VOLUNTEER: { status: 403, message: '只有认证志愿者可以申报服务时长' },
  DAILY_HOURS_LIMIT: { status: 409, message: '同一天申报的服务时长已达上限' },
  TRAINING_NOT_ATTENDED: { status: 409, message: '请先参加该培训并现场签到，再参加测验' },
  TRAINING_COMPLETED: { status: 409, message: '该培训已完成，无需再参加测验' },
  NO_APPROVED_HOURS: { status: 409, message: '还没有审核通过的服务时长，暂不能开具证明' },
  CERTIFICATE_NOT_FOUND: { status: 404, message: '未找到该证明：编号有误，或证明已被撤销' },
  CERTIFICATE_REVOKED: { status: 409, message: '该证明已撤销' },

  // Live feed
  FEED_ENDED: { status: 409, message: '现场动态已结束' },
  REPORT_EMPTY: { status: 409, message: '还没有关键时刻：请先在现场动态中把要写进报道的动态设为关键时刻' },
  MUTED: { status: 403, message: '你已被禁言，暂不能评论' },
  CONTENT_REJECTED: { status: 422, message: '内容未通过安全检查，请修改后再发', explained: true },

  // Meetings' boards, measures and minutes
  MEETING_PRIVATE: { status: 403, message: '会议的讨论、措施和纪要仅所属支部的党员、参会人、观摩书记和社工可以查看' },
  NOT_A_PARTICIPANT: { status: 403, message: '报名参会后才能发言和投票' },

  // Resource cloud
  SKIPS_A_STEP: { status: 409, message: '个案需按步骤推进，不能跳步', explained: true },
  REASON_REQUIRED: { status: 409, message: '请填写原因（至少 4 个字）', explained: true },
  SAME_STAGE: { status: 409, message: '个案已在该步骤', explained: true },
  NOT_ALLOWED: { status: 403, message: '只有社工可以推进个案' },
  STEP_INCOMPLETE: { status: 409, message: '请先完成本步骤的表单（介入阶段需至少一条日志）', explained: true },
  CASE_STAGE: { status: 409, message: '个案当前步骤不允许此操作' },
  TOO_MANY_OPEN_NEEDS: { status: 409, message: '你已有多条需求正在处理，请等社工回复后再提出新的需求' },
  NOT_ENOUGH_REMAINING: { status: 409, message: '可分配的资源不足' },
  PROVIDER_NOT_VERIFIED: { status: 409, message: '资源方尚未认证' },

  // Branch directory
  MEMBER_OF_ANOTHER_BRANCH: { status: 409, message: '该党员已在其他支部，请办理组织关系转接' },
  ROSTER_PERSON_CLAIMED: { status: 409, message: '此人已认领名单并加入支部，请在党员名单中操作' },

  // Secretary academy
  OBSERVER_SEATS_FULL: { status: 409, message: '观摩名额已满' },
  OWN_BRANCH: { status: 403, message: '不能观摩本支部的会议' },
  NO_BRANCH: { status: 409, message: '请先加入支部再报名观摩' },
  NOT_A_BRANCH_MEETING: { status: 409, message: '只有支部的组织生活会可以观摩' },
  NOT_AN_OBSERVER: { status: 403, message: '报名观摩后才能评分' },
  ALREADY_SCORED: { status: 409, message: '你已为这次会议评过分' },
  MEETING_NOT_HELD: { status: 409, message: '会议举行后才能评分' },
  NO_RUBRIC: { status: 409, message: '评分标准尚未设置，请联系社工' },

  // Public classes
  NOT_LECTURER: { status: 403, message: '只有本班的讲师（或社工）可以进行此操作' },
  NOT_COMPLETED: { status: 409, message: '尚未达到结业要求' },
  SERIES_CLOSED: { status: 409, message: '该公益班已没有可报名的课次' },
  SERIES_EXISTS: { status: 409, message: '请重试' },

  // 党员积分
  NOT_YOUR_BRANCH: { status: 403, message: '只能查看本支部的党员积分排行' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** `ErrorCode.BUSY === 'BUSY'`: the codes as values, for code that names one. */
export const ErrorCode = Object.fromEntries(Object.keys(ERRORS).map((code) => [code, code])) as { readonly [K in ErrorCode]: K };

/** The codes that answer with status `S` (e.g. every 409 code). */
export type ErrorCodeOf<S extends ErrorStatus> = { [K in ErrorCode]: (typeof ERRORS)[K]['status'] extends S ? K : never }[ErrorCode];

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERRORS, code);

/** The wording of a code the server sent; undefined for a code this app does not know (a newer server). */
export const errorWording = (code: string): string | undefined => (isErrorCode(code) ? ERRORS[code].message : undefined);

/** Whether the answer's first detail is the better wording (a sentence from the rules, in Chinese). */
export const isExplained = (code: string): boolean => isErrorCode(code) && (ERRORS[code] as ErrorSpec).explained === true;
