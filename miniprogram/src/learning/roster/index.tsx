/**
 * The lecturer's workspace for one series: who registered and their attendance at each session,
 * notes after each session (课后小结); a coordinator confirms a session took place, which records
 * the lecturers' teaching as service (公益服务换场地).
 */
import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { formatRange, hasAnyRole, Role, SessionNotesRequest, type SeriesDetail, type SeriesRoster } from '@hele/shared';
import { api, ApiError } from '@/api';
import { useCurrentUser } from '@/auth/session';
import { CheckedTextarea } from '@/components/checked-input';
import { EmptyView, ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { useCheckedSubmit } from '@/hooks/use-form-check';
import { errorMessage } from '@/utils/feedback';
import { Button } from '@/ui';
import { useRouteParam } from '@/utils/navigation';
import SeriesMaterials from '../series-materials';
import '../classes.scss';

const MARK_TEXT = { attended: '✓', absent: '缺', confirmed: '报', waitlisted: '候', none: '·' } as const;

function SessionNotes({ seriesId, activityId, saved }: { seriesId: string; activityId: string; saved?: string }) {
  const form = useForm(SessionNotesRequest, { notes: saved ?? '' });
  const { busy, submit: save } = useCheckedSubmit(form, async (body) => {
    await api.series.saveNotes({ params: { id: seriesId, activityId }, body });
    void Taro.showToast({ title: '已保存', icon: 'success' });
  });
  return (
    <View className='roster__notes'>
      <CheckedTextarea
        {...form.field('notes')}
        className='text-box'
        maxlength={2000}
        placeholder='课后小结：本课内容、作业、下次要带的东西'
      />
      <Button size='small' className='roster__save' loading={busy} onClick={save}>
        保存小结
      </Button>
    </View>
  );
}

export default function RosterPage() {
  const id = useRouteParam('id') ?? '';
  const user = useCurrentUser();
  const [detail, setDetail] = useState<SeriesDetail>();
  const [roster, setRoster] = useState<SeriesRoster>();
  const [error, setError] = useState<unknown>();
  const { busy, run } = useAction();
  const load = () =>
    Promise.all([api.series.get({ params: { id } }), api.series.roster({ params: { id } })]).then(([found, rows]) => {
      setDetail(found);
      setRoster(rows);
    }, setError);
  useDidShow(() => void load());

  if (error !== undefined) return <ErrorView error={error} onRetry={load} />;
  if (!detail || !roster) return <LoadingView />;
  const coordinates = !!user && hasAnyRole(user.roles, [Role.COORDINATOR]);
  const confirmHeld = (activityId: string) =>
    run(async () => {
      // Each lecturer on their own: one already recorded (or who cannot be, such as oneself) does not stop the others.
      const missed: string[] = [];
      for (const lecturer of detail.series.lecturers.filter((item) => item.id !== user?.id)) {
        await api.volunteers.recordTeaching({ body: { activityId, lecturerId: lecturer.id } }).catch((caught: unknown) => {
          if (!(caught instanceof ApiError && caught.code === 'ALREADY_RECORDED'))
            missed.push(`${lecturer.nickname}（${errorMessage(caught)}）`);
        });
      }
      if (detail.series.lecturers.some((item) => item.id === user?.id)) missed.push('你本人的授课需由其他社工记录');
      void Taro.showToast({ title: missed.length ? `未记录：${missed.join('；')}` : '已记录讲师授课时长', icon: 'none', duration: 3000 });
      await load();
    });

  return (
    <View className='page classes roster'>
      <View className='card'>
        <Text className='classes__title'>{detail.series.title}</Text>
        <Text className='muted classes__line'>
          学员 {roster.rows.length} 人 · 共 {roster.sessions.length} 课
        </Text>
      </View>
      <Text className='section-title'>考勤</Text>
      {roster.rows.length === 0 ? (
        <EmptyView title='还没有学员报名' />
      ) : (
        <View className='card classes__grid'>
          <View className='classes__cells'>
            <Text className='classes__name muted'>学员</Text>
            {roster.sessions.map((session) => (
              <Text key={session.activityId} className='classes__cell muted'>
                {session.sessionNo}
              </Text>
            ))}
          </View>
          {roster.rows.map((row) => (
            <View key={row.userId} className='classes__cells roster__row' data-user={row.userId}>
              <Text className='classes__name'>
                {row.nickname}（{row.attended}）
              </Text>
              {row.marks.map((mark, i) => (
                <Text key={roster.sessions[i]!.activityId} className={`classes__cell classes__cell--${mark}`}>
                  {MARK_TEXT[mark]}
                </Text>
              ))}
            </View>
          ))}
          <Text className='muted'>✓ 已签到 · 缺 缺席 · 报 已报名 · 候 候补</Text>
        </View>
      )}
      <Text className='section-title'>课次</Text>
      {roster.sessions.map((session) => {
        const ended = Date.parse(session.endsAt) <= Date.now();
        const notes = detail.sessions.find((item) => item.id === session.activityId)?.sessionNotes;
        return (
          <View key={session.activityId} className='card roster__session' data-id={session.activityId}>
            <Text className='classes__line'>
              第{session.sessionNo}课 · {formatRange(session.startsAt, session.endsAt)}
            </Text>
            <Text className='muted classes__line'>
              报名 {session.confirmed} 人 · 签到 {session.checkedIn} 人{session.status === 'cancelled' ? ' · 已取消' : ''}
            </Text>
            {!ended && session.status === 'published' && (
              <Button
                size='small'
                className='roster__code'
                onClick={() => Taro.navigateTo({ url: `/activity/check-in/index?id=${session.activityId}` })}
              >
                出示签到码
              </Button>
            )}
            <SessionNotes seriesId={id} activityId={session.activityId} saved={notes} />
            {ended && session.teaching === 'recorded' && <Text className='muted roster__recorded'>授课时长已记录</Text>}
            {ended && session.teaching === 'pending' && (
              <Text className='muted roster__recorded'>讲师已申报授课时长，待社工在「时长审核」中审批</Text>
            )}
            {coordinates && ended && session.status === 'published' && session.teaching !== 'recorded' && (
              <Button size='small' className='roster__held' loading={busy} onClick={() => confirmHeld(session.activityId)}>
                确认已上课（记录授课时长）
              </Button>
            )}
          </View>
        );
      })}
      <Text className='section-title'>学习资料</Text>
      <SeriesMaterials seriesId={id} mayAdd />
    </View>
  );
}
