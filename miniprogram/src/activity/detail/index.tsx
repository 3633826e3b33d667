/**
 * An activity's detail: what, when, where, seats; the member registers, joins the waitlist, asks for
 * leave or cancels, as their state there allows (shared/rules/participation, computed by the server);
 * the member puts it in their calendar (kept in step when it moves or is cancelled);
 * the coordinator edits, opens the roster, publishes or cancels with a reason. A shared card opened
 * before signing in shows the activity's public summary and 登录后报名, which comes back here.
 */
import { View, Text } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { type ReactNode, useEffect, useState } from 'react';
import {
  SERVICE_DESTINATION_LABELS,
  CancelActivityRequest,
  canCancel,
  canCheckIn,
  admits,
  canRegister,
  runsActivityOf,
  DEFAULT_CHECK_IN_MARGINS,
  DISCUSSION_FORMAT_LABELS,
  formatDateTime,
  formatRange,
  hasAnyRole,
  isSettled,
  KIND_LABELS,
  participationLabel,
  registrationOutcome,
  Role,
  TRAINING_TOPIC_LABELS,
  type Activity,
  CheckInRequest,
  type PublicActivity,
  type User,
} from '@hele/shared';
import { api, ApiError, newIdempotencyKey } from '@/api';
import { useCurrentUser } from '@/auth/session';
import Card from '@/components/card';
import { isLive, seatsText, STATE_TAGS } from '@/components/activity-card';
import { CheckedTextarea } from '@/components/checked-input';
import FieldError from '@/components/field-error';
import CalendarButton from '@/components/calendar-button';
import ReminderButton from '@/components/reminder-button/react';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useForm } from '@/hooks/use-form';
import { useResource } from '@/hooks/use-resource';
import { Button, Input, Tag } from '@/ui';
import { confirmAction, showError, tellResult } from '@/utils/feedback';
import { goToSignIn, useRouteParam } from '@/utils/navigation';
import { askForNotices } from '@/utils/notices';
import './index.scss';

/** The two steps that take the rotating code on site. */
const CODE_STEPS = { checkIn: { label: '签到' }, signOut: { label: '签退' } } as const;

const path = (id: string) => `/activity/detail/index?id=${id}`;

/** What, when, where and the seats: the same card signed in or not. */
function Summary({ activity, children }: { activity: PublicActivity; children?: ReactNode }) {
  return (
    <View className='card'>
      <View className='activity-detail__tags'>
        <Tag type='primary'>{KIND_LABELS[activity.kind]}</Tag>
        {activity.theme && <Tag type='warning'>{activity.theme}</Tag>}
        {activity.status === 'draft' && <Tag>草稿</Tag>}
        {activity.status === 'cancelled' && <Tag type='danger'>已取消</Tag>}
      </View>
      <Text className='activity-detail__title'>{activity.title}</Text>
      <Text className='activity-detail__line activity-detail__when'>时间：{formatRange(activity.startsAt, activity.endsAt)}</Text>
      <Text className='activity-detail__line activity-detail__where'>地点：{activity.venue}</Text>
      <Text className='activity-detail__line activity-detail__seats'>
        名额：{activity.capacity} 人 · {seatsText(activity)}
      </Text>
      <Text className='activity-detail__line muted'>报名截止：{formatDateTime(activity.registrationClosesAt)}</Text>
      {children}
    </View>
  );
}

/** Before signing in: the activity as anyone may see it, and the way to sign in and come back. */
function PublicView({ activity }: { activity: PublicActivity }) {
  return (
    <View className='page activity-detail activity-detail--public'>
      <Summary activity={activity} />
      {activity.description && (
        <Card title='活动介绍'>
          <Text className='activity-detail__description'>{activity.description}</Text>
        </Card>
      )}
      <View className='activity-detail__actions'>
        <Button block type='primary' className='activity-detail__sign-in' onClick={() => goToSignIn(path(activity.id))}>
          登录后报名
        </Button>
      </View>
    </View>
  );
}

/** The coordinator's cancellation: the reason goes to everyone who held a place. */
function CancelActivity({ onCancel, onClose }: { onCancel: (reason?: string) => Promise<void>; onClose: () => void }) {
  const form = useForm(CancelActivityRequest, { reason: '' }, { optional: ['reason'] });
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    const body = form.check();
    if (!body || busy) return;
    setBusy(true);
    await onCancel(body.reason).finally(() => setBusy(false));
  };
  return (
    <Card title='确认取消活动？' className='activity-detail__cancel-panel'>
      <Text className='muted'>所有报名将被释放；已报名和候补的人会收到通知，附上你写的原因。</Text>
      <CheckedTextarea
        {...form.field('reason')}
        className='text-box activity-detail__cancel-reason'
        maxlength={100}
        placeholder='取消原因，如：场地临时维修，改期另行通知'
      />
      <View className='activity-detail__cancel-buttons'>
        <Button type='danger' loading={busy} className='activity-detail__cancel-confirm' onClick={confirm}>
          确认取消活动
        </Button>
        <Button className='activity-detail__cancel-back' onClick={onClose}>
          再想想
        </Button>
      </View>
    </Card>
  );
}

/** What the way into the live feed says: it is on, it will be, or what it recorded. */
const feedLine = (activity: Activity, now = new Date()): string => {
  if (isLive(activity, now)) return '直播中 · 点击观看';
  return now.getTime() < Date.parse(activity.startsAt) && activity.status === 'published' ? '活动开始后在此直播' : '查看活动现场报道';
};

function MemberView({ activity, user, reload }: { activity: Activity; user: User; reload: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const codeForm = useForm(CheckInRequest, { code: '' });
  const [reminded, setReminded] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [declared, setDeclared] = useState(false);

  /** Runs an action once at a time, says what happened, and shows the activity as it is now. */
  const act = async (action: () => Promise<string | undefined>) => {
    if (busy) return;
    setBusy(true);
    try {
      const done = await action();
      if (done) void Taro.showToast({ title: done, icon: 'none', duration: 2500 });
    } catch (caught) {
      showError(caught);
    } finally {
      await reload();
      setBusy(false);
    }
  };

  const now = new Date();
  const coordinator = hasAnyRole(user.roles, [Role.COORDINATOR]);
  const mine = activity.myRegistration;
  const state = activity.myState;
  const leave = activity.myLeave;
  const open = activity.status === 'published';
  const ended = now.getTime() > Date.parse(activity.endsAt);
  const beforeStart = now.getTime() < Date.parse(activity.startsAt);
  // What the member may still do follows their state: nothing after check-in, the end or a cancellation.
  const active = !!state && !isSettled(state) && !ended;
  const admitted = admits(activity, user);
  const mayRegister = open && !mine && admitted && canRegister(activity, now).ok;
  const mayCancel = !!mine && active && canCancel(activity, mine.status, now).ok;
  const onRoster = !!activity.branchId && activity.branchId === user.branchId;
  const mayAskLeave =
    open && !ended && !mine?.checkedInAt && (!leave || leave.status === 'refused') && (!!mine || onRoster) && state !== 'cancelled';
  // A branch meeting's own members are expected without registering: they check in on a seat taken on arrival.
  const checkInOpen =
    ((mine?.status === 'confirmed' && !mine.checkedInAt) || (!mine && onRoster)) && canCheckIn(activity, now, DEFAULT_CHECK_IN_MARGINS).ok;
  // Volunteers at a service activity sign out with the same rotating code: their hours run from check-in.
  const signOutOpen =
    activity.kind === 'service' && !!mine?.checkedInAt && !mine.signedOutAt && canCheckIn(activity, now, DEFAULT_CHECK_IN_MARGINS).ok;
  const codeStep = checkInOpen ? CODE_STEPS.checkIn : signOutOpen ? CODE_STEPS.signOut : undefined;

  const register = () => {
    // WeChat asks only during the tap: may it tell the member if the activity is cancelled?
    askForNotices(['activity_cancelled']);
    return act(async () => {
      const { registration } = await api.registrations.register({ params: { id: activity.id }, idempotencyKey: newIdempotencyKey() });
      return registrationOutcome(registration);
    });
  };
  const cancelMine = async () => {
    const waitlisted = mine?.status === 'waitlisted';
    const go = await confirmAction(
      waitlisted
        ? { title: '确认退出候补？', content: '退出后候补位置不再保留。', confirmText: '退出候补' }
        : { title: '确认取消报名？', content: '名额将让给候补的人。', confirmText: '取消报名', danger: true },
    );
    if (go)
      await act(async () => {
        await api.registrations.cancelMine({ params: { id: activity.id } });
        return waitlisted ? '已退出候补' : '已取消报名';
      });
  };
  /** Signs out; leaving before the time that counts is confirmed first (the hours would be lost). */
  const signOut = async (body: CheckInRequest) => {
    try {
      return await api.attendance.signOut({ params: { id: activity.id }, body });
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'SIGN_OUT_EARLY') throw error;
      const early = await confirmAction({
        title: '确认提前签退？',
        content: '现在签退，本次服务不足活动时长的 60%，不计入服务时长。',
        confirmText: '提前签退',
        cancelText: '继续服务',
      });
      if (!early) throw error;
      return api.attendance.signOut({ params: { id: activity.id }, body: { ...body, early: true } });
    }
  };
  const sendCode = (body: CheckInRequest) => {
    if (codeStep !== CODE_STEPS.signOut)
      return act(async () => {
        await api.attendance.checkIn({ params: { id: activity.id }, body });
        return '签到成功';
      });
    askForNotices(['hours_result']);
    return act(async () => {
      const { counted, minutes } = await signOut(body);
      await tellResult({
        title: '已签退',
        content: counted
          ? `本次服务 ${minutes} 分钟，已提交社工审核，审核结果会发到「我的 › 消息」。`
          : `本次服务 ${minutes} 分钟，未达到活动时长的 60%，不计入服务时长。`,
      });
      return undefined;
    });
  };
  const scanCode = async () => {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    await sendCode({ token: result });
  };
  const typeCode = async () => {
    const body = codeForm.check();
    if (!body) return;
    await sendCode(body);
    codeForm.reset();
  };

  // 公益服务换场地: a class that took place counts as service for its lecturers once a coordinator approves it.
  // They are the class's named ones, or for a series' session its series' (the server checks those).
  const teachesIt = !!activity.seriesId || !!activity.lecturerIds?.includes(user.id);
  const mayDeclareTeaching = activity.kind === 'class' && open && !beforeStart && user.roles.includes(Role.LECTURER) && teachesIt;
  // Whether they declared it already: their newest service records say so (asked only where a declaration is offered).
  useEffect(() => {
    if (!mayDeclareTeaching) return;
    api.volunteers.myHours({ query: { limit: 50 } }).then(
      ({ items }) => setDeclared(items.some((record) => record.source === 'teaching' && record.activityId === activity.id)),
      () => undefined,
    );
  }, [mayDeclareTeaching, activity.id]);
  const declareTeaching = () =>
    act(async () => {
      await api.volunteers.declareTeaching({ body: { activityId: activity.id } });
      setDeclared(true);
      return '已申报，等待社工审核';
    });
  const remindMe = async ({ accepted }: { accepted: boolean }) => {
    if (!accepted) {
      void Taro.showToast({ title: '未开启提醒', icon: 'none' });
      return;
    }
    try {
      await api.notifications.remindMe({ params: { id: activity.id } });
      setReminded(true);
      void Taro.showToast({ title: '将在开始前 1 小时提醒你', icon: 'none' });
    } catch (caught) {
      showError(caught);
    }
  };
  const cancelActivity = async (reason?: string) => {
    await act(async () => {
      const { cancelledRegistrations } = await api.activities.cancel({ params: { id: activity.id }, body: reason ? { reason } : {} });
      setCancelling(false);
      return `活动已取消，已通知 ${cancelledRegistrations} 人`;
    });
  };

  return (
    <View className='page activity-detail'>
      <Summary activity={activity}>
        <Text className='activity-detail__line'>已报名 {activity.confirmedCount} 人</Text>
        {activity.destination && (
          <Text className='activity-detail__line activity-detail__destination'>
            服务去向：{SERVICE_DESTINATION_LABELS[activity.destination]}
          </Text>
        )}
        {activity.requiredTraining && (
          <Text className='activity-detail__line activity-detail__requires'>
            报名要求：已完成志愿者学院「{TRAINING_TOPIC_LABELS[activity.requiredTraining]}」培训
          </Text>
        )}
        {activity.discussionFormat && (
          <Text className='activity-detail__line'>讨论形式：{DISCUSSION_FORMAT_LABELS[activity.discussionFormat]}</Text>
        )}
      </Summary>

      {activity.seriesId && (
        <View
          className='card activity-detail__series'
          onClick={() => Taro.navigateTo({ url: `/learning/series/index?id=${activity.seriesId}` })}
        >
          <Text className='section-title'>公益班 · 第{activity.sessionNo}课</Text>
          <Text className='muted'>查看全部课次、学习进度与学习资料 ›</Text>
          {activity.sessionNotes && <Text className='activity-detail__description'>课后小结：{activity.sessionNotes}</Text>}
        </View>
      )}

      {activity.agenda.length > 0 && (
        <Card title='议程'>
          {activity.agenda.map((item, index) => (
            <Text key={item.title} className='activity-detail__agenda'>
              {index + 1}. {item.title}
              {item.minutes ? `（${item.minutes} 分钟）` : ''}
            </Text>
          ))}
        </Card>
      )}

      {activity.description && (
        <Card title='活动介绍'>
          <Text className='activity-detail__description'>{activity.description}</Text>
        </Card>
      )}

      {activity.status !== 'draft' && (
        <View
          className={`card activity-detail__feed ${isLive(activity) ? 'activity-detail__feed--live' : ''}`}
          onClick={() => Taro.navigateTo({ url: `/activity/feed/index?id=${activity.id}` })}
        >
          <Text className='activity-detail__feed-title'>现场动态</Text>
          <Text className='muted'>{feedLine(activity)}</Text>
        </View>
      )}

      {activity.kind === 'meeting' && activity.status !== 'draft' && (
        <View className='card activity-detail__board' onClick={() => Taro.navigateTo({ url: `/activity/board/index?id=${activity.id}` })}>
          <Text className='activity-detail__feed-title'>会议讨论与措施</Text>
          <Text className='muted'>提想法、投票、落实措施</Text>
        </View>
      )}

      <View className='activity-detail__actions'>
        {state && (
          <View className='activity-detail__state'>
            <Tag type={STATE_TAGS[state]} className={`activity-detail__mine activity-detail__mine--${state}`}>
              {participationLabel(state, mine?.position)}
            </Tag>
            {leave && state !== 'checked_in' && (
              <Text className='muted activity-detail__leave-note'>
                请假原因：{leave.reason}
                {leave.note ? `；审批意见：${leave.note}` : ''}
              </Text>
            )}
          </View>
        )}
        {mayRegister && (
          <Button block type='primary' loading={busy} className='activity-detail__register' onClick={register}>
            {activity.seatsLeft > 0 ? '立即报名' : '名额已满，加入候补'}
          </Button>
        )}
        {open && !mine && !mayRegister && !ended && (
          <Text className='muted activity-detail__closed'>{admitted ? '报名未开放或已截止' : '仅限本支部党员参加'}</Text>
        )}
        {codeStep &&
          (process.env.TARO_ENV === 'weapp' ? (
            <Button block type='primary' loading={busy} className='activity-detail__check-in' onClick={scanCode}>
              扫码{codeStep.label}
            </Button>
          ) : (
            <>
              <View className='activity-detail__code'>
                <Input
                  className='activity-detail__code-input'
                  type='number'
                  maxLength={6}
                  placeholder={`输入现场 6 位${codeStep.label}码`}
                  value={codeForm.values.code}
                  onChange={(code) => codeForm.set('code', code)}
                />
                <Button type='primary' loading={busy} className='activity-detail__check-in' onClick={typeCode}>
                  {codeStep.label}
                </Button>
              </View>
              <FieldError field='code' message={codeForm.problem('code')} />
            </>
          ))}
        {mayCancel && (
          <Button block loading={busy} className='activity-detail__cancel' onClick={cancelMine}>
            {mine?.status === 'waitlisted' ? '退出候补' : '取消报名'}
          </Button>
        )}
        {mine && active && beforeStart && state !== 'on_leave' && <ReminderButton subscribed={reminded} onResult={remindMe} />}
        <CalendarButton activity={activity} registered={!!mine} />
        {mayDeclareTeaching &&
          (declared ? (
            <Text className='muted activity-detail__teaching-declared'>已申报授课服务时长，审核进度见志愿者中心 › 我的服务记录</Text>
          ) : (
            <Button block className='activity-detail__teaching' loading={busy} onClick={declareTeaching}>
              申报授课服务时长
            </Button>
          ))}
        {mayAskLeave && (
          <Button
            block
            className='activity-detail__leave'
            onClick={() => Taro.navigateTo({ url: `/activity/leave/index?id=${activity.id}` })}
          >
            {leave?.status === 'refused' ? '再次请假' : '请假'}
          </Button>
        )}
      </View>

      {/* The branch's own secretary runs its meetings: who came, and checking in those without a phone (代签). */}
      {!coordinator && runsActivityOf(user, activity.branchId) && activity.status !== 'draft' && (
        <Card title='会议组织' className='activity-detail__run'>
          <Button block onClick={() => Taro.navigateTo({ url: `/activity/attendance/index?id=${activity.id}` })}>
            签到名单
          </Button>
        </Card>
      )}
      {coordinator && (
        <Card title='管理' className='activity-detail__manage'>
          {activity.status === 'draft' && (
            <Button
              block
              type='primary'
              onClick={() =>
                act(async () => {
                  await api.activities.publish({ params: { id: activity.id } });
                  return '已发布';
                })
              }
            >
              发布活动
            </Button>
          )}
          {open && (
            <Button
              block
              type='primary'
              className='activity-detail__check-in-screen'
              onClick={() => Taro.navigateTo({ url: `/activity/check-in/index?id=${activity.id}` })}
            >
              签到二维码
            </Button>
          )}
          <Button block onClick={() => Taro.navigateTo({ url: `/activity/registrations/index?id=${activity.id}` })}>
            报名名单
          </Button>
          <Button block onClick={() => Taro.navigateTo({ url: `/activity/attendance/index?id=${activity.id}` })}>
            签到名单
          </Button>
          {activity.status !== 'cancelled' && (
            <>
              <Button block onClick={() => Taro.navigateTo({ url: `/activity/edit/index?id=${activity.id}` })}>
                编辑活动
              </Button>
              {cancelling ? (
                <CancelActivity onCancel={cancelActivity} onClose={() => setCancelling(false)} />
              ) : (
                <Button block type='danger' className='activity-detail__cancel-activity' onClick={() => setCancelling(true)}>
                  取消活动
                </Button>
              )}
            </>
          )}
        </Card>
      )}
    </View>
  );
}

export default function ActivityDetailPage() {
  const id = useRouteParam('id') ?? '';
  const user = useCurrentUser();
  // Signed in: the activity with the member's place in it; before that, what anyone may see of it.
  const resource = useResource<Activity | PublicActivity>(
    async () =>
      user ? (await api.activities.get({ params: { id } })).activity : (await api.activities.publicSummary({ params: { id } })).activity,
    [id, user?.id],
  );
  const activity = resource.data;

  useShareAppMessage(() => ({
    title: activity ? `${KIND_LABELS[activity.kind]}｜${activity.title}` : '和乐 · 党群服务中心',
    path: path(id),
  }));

  if (resource.error !== undefined && !activity) return <ErrorView error={resource.error} onRetry={resource.reload} />;
  if (!activity) return <LoadingView />;
  if (!user || !('createdBy' in activity)) return user ? <LoadingView /> : <PublicView activity={activity} />;
  return <MemberView activity={activity} user={user} reload={resource.reload} />;
}
