/**
 * One class series: its sessions with the member's place in each, enrolment in all of them at
 * once or in single sessions, progress and the completion certificate, the series' materials;
 * its lecturers (and coordinators) go on to the roster.
 */
import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { registrationOutcome, type SeriesDetail } from '@hele/shared';
import { api, newIdempotencyKey } from '@/api';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { Button } from '@/ui';
import { useRouteParam } from '@/utils/navigation';
import { sessionLook, sessionState, sessionWhen } from '../labels';
import ProgressBar from '../progress-bar';
import SeriesMaterials from '../series-materials';
import '../classes.scss';

const OUTCOME_TEXT = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消', skipped: '未能报名' } as const;

export default function SeriesPage() {
  const id = useRouteParam('id') ?? '';
  const [detail, setDetail] = useState<SeriesDetail>();
  const [error, setError] = useState<unknown>();
  const { busy, run, runConfirmed } = useAction();
  // Each load also remounts the materials list, so coming back from a material shows its progress.
  const [loads, setLoads] = useState(0);
  const load = () =>
    api.series.get({ params: { id } }).then((found) => {
      setDetail(found);
      setLoads((n) => n + 1);
    }, setError);
  useDidShow(() => void load());

  if (error !== undefined) return <ErrorView error={error} onRetry={load} />;
  if (!detail) return <LoadingView />;
  const { series, sessions, progress } = detail;
  // Sessions the caller can still join (open, and not held already).
  const open = sessions.filter(
    (session) => session.status === 'published' && !session.myRegistration && Date.parse(session.registrationClosesAt) > Date.now(),
  );
  const holding = sessions.filter((session) => session.myRegistration && Date.parse(session.startsAt) > Date.now());

  const summarise = (items: Array<{ outcome: keyof typeof OUTCOME_TEXT }>) => {
    const counts: Record<string, number> = {};
    for (const item of items) counts[item.outcome] = (counts[item.outcome] ?? 0) + 1;
    return Object.entries(counts)
      .map(([outcome, n]) => `${OUTCOME_TEXT[outcome as keyof typeof OUTCOME_TEXT]} ${n} 课`)
      .join('，');
  };
  const enrol = () =>
    run(async () => {
      const { items } = await api.series.enrol({ params: { id } });
      void Taro.showToast({ title: summarise(items), icon: 'none', duration: 2500 });
      await load();
    });
  const withdraw = () =>
    runConfirmed(
      {
        title: '确认退出公益班？',
        content: '将取消你在以后各课的报名，名额会让给候补的学员。',
        confirmText: '退出',
        danger: true,
      },
      async () => {
        const { items } = await api.series.withdraw({ params: { id } });
        const kept = items.filter((item) => item.outcome === 'skipped').length;
        void Taro.showToast({ title: `已取消 ${items.length - kept} 课${kept ? `，${kept} 课已过取消截止时间` : ''}`, icon: 'none' });
        await load();
      },
    );
  const registerOne = (activityId: string) =>
    run(async () => {
      const { registration } = await api.registrations.register({ params: { id: activityId }, idempotencyKey: newIdempotencyKey() });
      void Taro.showToast({ title: registrationOutcome(registration), icon: 'none' });
      await load();
    });

  return (
    <View className='page classes series'>
      <View className='card'>
        <Text className='classes__title'>{series.title}</Text>
        <Text className='muted classes__line'>
          共 {series.sessionIds.length} 课 · {series.venue} · 每课 {series.capacity} 人
        </Text>
        <Text className='muted classes__line'>讲师：{series.lecturers.map((lecturer) => lecturer.nickname).join('、')}</Text>
        {series.description && <Text className='classes__line classes__description'>{series.description}</Text>}
        <Text className='muted classes__line'>出勤达到 {series.completionPercent}% 可获结业证书</Text>
        {progress && <ProgressBar progress={progress} />}
        {progress?.completed && (
          <Button
            block
            type='primary'
            className='series__certificate'
            onClick={() => Taro.navigateTo({ url: `/learning/certificate/index?id=${id}` })}
          >
            查看结业证书
          </Button>
        )}
        {open.length > 0 && (
          <Button block type='primary' className='series__enrol' loading={busy} onClick={enrol}>
            报名全部课次（{open.length} 课）
          </Button>
        )}
        {holding.length > 0 && (
          <Button block className='series__withdraw' loading={busy} onClick={withdraw}>
            退出公益班
          </Button>
        )}
        {detail.teaches && (
          <Button block className='series__roster' onClick={() => Taro.navigateTo({ url: `/learning/roster/index?id=${id}` })}>
            花名册与考勤
          </Button>
        )}
      </View>
      <Text className='section-title'>课次</Text>
      {sessions.map((session) => {
        const look = sessionLook(session);
        const ahead = look === 'open' || look === 'booked';
        return (
          <View key={session.id} className={`card classes__session classes__session--${look}`} data-id={session.id}>
            <View className='classes__row'>
              <Text className='classes__line' onClick={() => Taro.navigateTo({ url: `/activity/detail/index?id=${session.id}` })}>
                {sessionWhen(session)}
              </Text>
              <Text className={`classes__state classes__state--${look}`}>{sessionState(session)}</Text>
            </View>
            {/* Seats matter only for what is still to come. */}
            {ahead ? (
              <Text className='muted classes__seats'>
                余 {session.seatsLeft} 个名额{session.waitlistCount ? ` · 候补 ${session.waitlistCount} 人` : ''}
              </Text>
            ) : (
              <Text className='muted classes__seats'>{look === 'cancelled' ? '本课不再上' : '已结束'}</Text>
            )}
            {open.includes(session) && (
              <Button size='small' className='series__one' loading={busy} onClick={() => registerOne(session.id)}>
                只报这一课
              </Button>
            )}
            {session.sessionNotes && <Text className='classes__notes'>课后小结：{session.sessionNotes}</Text>}
          </View>
        );
      })}
      <Text className='section-title'>学习资料</Text>
      <SeriesMaterials key={loads} seriesId={id} mayAdd={detail.teaches} />
    </View>
  );
}
