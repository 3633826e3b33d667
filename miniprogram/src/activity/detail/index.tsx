/**
 * An activity's detail: what, when, where, seats; the member registers, joins the waitlist or
 * cancels; the coordinator edits, opens the roster, publishes or cancels. Shared cards open here.
 */
import { View, Text } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import {
  canCheckIn,
  DEFAULT_CHECK_IN_MARGINS,
  DISCUSSION_FORMAT_LABELS,
  formatDateTime,
  formatRange,
  hasAnyRole,
  KIND_LABELS,
  Role,
  TRAINING_TOPIC_LABELS,
  type Activity,
  type CheckInRequest,
} from '@hele/shared';
import { api, ApiError, newIdempotencyKey } from '@/api';
import { useCurrentUser } from '@/auth/session';
import { isLive, myStatusText, seatsText } from '@/components/activity-card';
import ReminderButton from '@/components/reminder-button/react';
import { ErrorView, LoadingView } from '@/components/status-view';
import { Button, Input, Tag } from '@/ui';
import { showError } from '@/utils/feedback';
import { goToSignIn, useRouteParam } from '@/utils/navigation';
import './index.scss';

/** The two steps that take the rotating code on site. */
const CODE_STEPS = { checkIn: { label: '签到' }, signOut: { label: '签退' } } as const;

export default function ActivityDetailPage() {
  const id = useRouteParam('id') ?? '';
  const user = useCurrentUser();
  const [activity, setActivity] = useState<Activity>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [typedCode, setTypedCode] = useState('');
  const [reminded, setReminded] = useState(false);

  const load = useCallback(async () => {
    setError(undefined);
    try {
      setActivity((await api.activities.get({ params: { id } })).activity);
    } catch (caught) {
      setError(caught);
    }
  }, [id]);

  useEffect(() => {
    if (user) void load();
  }, [load, user?.id]);

  useShareAppMessage(() => ({
    title: activity ? `${KIND_LABELS[activity.kind]}｜${activity.title}` : '和乐 · 党群服务中心',
    path: `/activity/detail/index?id=${id}`,
  }));

  const act = async (action: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await action();
      void Taro.showToast({ title: done, icon: 'success' });
      await load();
    } catch (caught) {
      showError(caught);
      await load();
    } finally {
      setBusy(false);
    }
  };

  if (!user) {
    return (
      <View className='page'>
        <Button block type='primary' onClick={goToSignIn}>
          登录后查看活动
        </Button>
      </View>
    );
  }
  if (error !== undefined && !activity) return <ErrorView error={error} onRetry={load} />;
  if (!activity) return <LoadingView />;

  const coordinator = hasAnyRole(user.roles, [Role.COORDINATOR]);
  const mine = activity.myRegistration;
  const open = activity.status === 'published';

  const register = () =>
    act(() => api.registrations.register({ params: { id: activity.id }, idempotencyKey: newIdempotencyKey() }), '报名成功');
  const cancelMine = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: mine?.status === 'waitlisted' ? '确定退出候补吗？' : '确定取消报名吗？名额将让给候补的人。',
    });
    if (confirm) await act(() => api.registrations.cancelMine({ params: { id: activity.id } }), '已取消');
  };
  // A branch meeting's own members are expected without registering: they check in on a seat taken on arrival.
  const onRoster = !!activity.branchId && activity.branchId === user.branchId;
  const checkInOpen =
    ((mine?.status === 'confirmed' && !mine.checkedInAt) || (!mine && onRoster)) &&
    canCheckIn(activity, new Date(), DEFAULT_CHECK_IN_MARGINS).ok;
  const mayAskLeave =
    open && Date.now() < Date.parse(activity.endsAt) && (!!mine || (!!activity.branchId && activity.branchId === user.branchId));
  // Volunteers at a service activity sign out with the same rotating code: their hours run from check-in.
  const signOutOpen =
    activity.kind === 'service' &&
    !!mine?.checkedInAt &&
    !mine.signedOutAt &&
    canCheckIn(activity, new Date(), DEFAULT_CHECK_IN_MARGINS).ok;
  const codeStep = checkInOpen ? CODE_STEPS.checkIn : signOutOpen ? CODE_STEPS.signOut : undefined;
  /** Signs out; leaving before the time that counts is confirmed first (the hours would be lost). */
  const signOut = async (body: CheckInRequest) => {
    try {
      return await api.attendance.signOut({ params: { id: activity.id }, body: body });
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'SIGN_OUT_EARLY') throw error;
      const { confirm } = await Taro.showModal({
        title: '提前签退',
        content: '现在签退，本次服务不足活动时长的 60%，不计入服务时长。确定签退吗？',
      });
      if (!confirm) throw error;
      return api.attendance.signOut({ params: { id: activity.id }, body: { ...body, early: true } });
    }
  };
  const sendCode = (body: CheckInRequest) =>
    codeStep === CODE_STEPS.signOut
      ? act(async () => {
          const { counted, minutes } = await signOut(body);
          void Taro.showModal({
            title: '已签退',
            content: counted
              ? `本次服务 ${minutes} 分钟，已提交社工审核，审核通过后计入积分。`
              : `本次服务 ${minutes} 分钟，未达到活动时长的 60%，不计入服务时长。`,
            showCancel: false,
          });
        }, '已签退')
      : act(() => api.attendance.checkIn({ params: { id: activity.id }, body: body }), '签到成功');
  const scanCode = async () => {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    await sendCode({ token: result });
  };
  const typeCode = async () => {
    await sendCode({ code: typedCode.trim() });
    setTypedCode('');
  };

  const beforeStart = Date.now() < Date.parse(activity.startsAt);
  // 公益服务换场地: a class that took place counts as service for its lecturers once a coordinator approves it.
  // They are the class's named ones, or for a series' session its series' (the server checks those).
  const teachesIt = !!activity.seriesId || !!activity.lecturerIds?.includes(user.id);
  const mayDeclareTeaching = activity.kind === 'class' && open && !beforeStart && user.roles.includes(Role.LECTURER) && teachesIt;
  const declareTeaching = () => act(() => api.volunteers.declareTeaching({ body: { activityId: activity.id } }), '已申报，等待社工审核');
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

  const cancelActivity = async () => {
    const { confirm } = await Taro.showModal({ title: '取消活动', content: '取消后所有报名将被释放，并通知已报名的人。' });
    if (confirm) await act(() => api.activities.cancel({ params: { id: activity.id } }), '活动已取消');
  };

  return (
    <View className='page activity-detail'>
      <View className='card'>
        <View className='activity-detail__tags'>
          <Tag type='primary'>{KIND_LABELS[activity.kind]}</Tag>
          {activity.theme && <Tag type='warning'>{activity.theme}</Tag>}
          {activity.status === 'draft' && <Tag>草稿</Tag>}
          {activity.status === 'cancelled' && <Tag type='danger'>已取消</Tag>}
        </View>
        <Text className='activity-detail__title'>{activity.title}</Text>
        <Text className='activity-detail__line'>时间：{formatRange(activity.startsAt, activity.endsAt)}</Text>
        <Text className='activity-detail__line'>地点：{activity.venue}</Text>
        <Text className='activity-detail__line'>
          名额：{activity.capacity} 人 · 已报名 {activity.confirmedCount} 人 · {seatsText(activity)}
        </Text>
        <Text className='activity-detail__line muted'>报名截止：{formatDateTime(activity.registrationClosesAt)}</Text>
        {activity.requiredTraining && (
          <Text className='activity-detail__line activity-detail__requires'>
            报名要求：已完成志愿者学院「{TRAINING_TOPIC_LABELS[activity.requiredTraining]}」培训
          </Text>
        )}
        {activity.discussionFormat && (
          <Text className='activity-detail__line'>讨论形式：{DISCUSSION_FORMAT_LABELS[activity.discussionFormat]}</Text>
        )}
      </View>

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
        <View className='card'>
          <Text className='section-title'>议程</Text>
          {activity.agenda.map((item, index) => (
            <Text key={item.title} className='activity-detail__agenda'>
              {index + 1}. {item.title}
              {item.minutes ? `（${item.minutes} 分钟）` : ''}
            </Text>
          ))}
        </View>
      )}

      {activity.description && (
        <View className='card'>
          <Text className='section-title'>活动介绍</Text>
          <Text className='activity-detail__description'>{activity.description}</Text>
        </View>
      )}

      {activity.status !== 'draft' && (
        <View
          className={`card activity-detail__feed ${isLive(activity) ? 'activity-detail__feed--live' : ''}`}
          onClick={() => Taro.navigateTo({ url: `/activity/feed/index?id=${activity.id}` })}
        >
          <Text className='activity-detail__feed-title'>现场动态</Text>
          <Text className='muted'>{isLive(activity) ? '直播中 · 点击观看' : '查看活动现场报道'}</Text>
        </View>
      )}

      {activity.kind === 'meeting' && activity.status !== 'draft' && (
        <View className='card activity-detail__board' onClick={() => Taro.navigateTo({ url: `/activity/board/index?id=${activity.id}` })}>
          <Text className='activity-detail__feed-title'>会议讨论与措施</Text>
          <Text className='muted'>提想法、投票、落实措施</Text>
        </View>
      )}

      <View className='activity-detail__actions'>
        {mine && <Text className='activity-detail__mine'>{myStatusText(activity)}</Text>}
        {open && !mine && (
          <Button block type='primary' loading={busy} className='activity-detail__register' onClick={register}>
            {activity.seatsLeft > 0 ? '立即报名' : '名额已满，加入候补'}
          </Button>
        )}
        {codeStep &&
          (process.env.TARO_ENV === 'weapp' ? (
            <Button block type='primary' loading={busy} className='activity-detail__check-in' onClick={scanCode}>
              扫码{codeStep.label}
            </Button>
          ) : (
            <View className='activity-detail__code'>
              <Input
                className='activity-detail__code-input'
                type='number'
                maxLength={6}
                placeholder={`输入现场 6 位${codeStep.label}码`}
                value={typedCode}
                onChange={setTypedCode}
              />
              <Button
                type='primary'
                loading={busy}
                disabled={!/^\d{6}$/.test(typedCode.trim())}
                className='activity-detail__check-in'
                onClick={typeCode}
              >
                {codeStep.label}
              </Button>
            </View>
          ))}
        {/* Checked in, the person is there: nothing to cancel or be reminded of. */}
        {mine && !mine.checkedInAt && (
          <Button block loading={busy} className='activity-detail__cancel' onClick={cancelMine}>
            {mine.status === 'waitlisted' ? '退出候补' : '取消报名'}
          </Button>
        )}
        {mine && !mine.checkedInAt && open && beforeStart && <ReminderButton subscribed={reminded} onResult={remindMe} />}
        {mayDeclareTeaching && (
          <Button block className='activity-detail__teaching' loading={busy} onClick={declareTeaching}>
            申报授课服务时长
          </Button>
        )}
        {mayAskLeave && (
          <Button
            block
            className='activity-detail__leave'
            onClick={() => Taro.navigateTo({ url: `/activity/leave/index?id=${activity.id}` })}
          >
            请假
          </Button>
        )}
      </View>

      {coordinator && (
        <View className='card activity-detail__manage'>
          <Text className='section-title'>管理</Text>
          {activity.status === 'draft' && (
            <Button block type='primary' onClick={() => act(() => api.activities.publish({ params: { id: activity.id } }), '已发布')}>
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
              <Button block type='danger' onClick={cancelActivity}>
                取消活动
              </Button>
            </>
          )}
        </View>
      )}
    </View>
  );
}
