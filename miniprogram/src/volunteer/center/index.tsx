/**
 * 志愿者中心: where a member applies and sits the certification exam, and where a volunteer sees
 * their star level and hours, their academy trainings (taking a topic's quiz after its training),
 * declares hours and opens the service certificate. Coordinators find the hours review, the
 * issued certificates (revoking one, exporting the hours), the question banks and the exam records here.
 */
import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import {
  formatDateTime,
  hasAnyRole,
  hoursOf,
  Role,
  TRAINING_TOPIC_LABELS,
  type CompletedTraining,
  type MyVolunteerResponse,
} from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import Card from '@/components/card';
import { ErrorView, LoadingView } from '@/components/status-view';
import { Button, Cell, CellGroup, Tag } from '@/ui';
import './index.scss';

const go = (url: string) => () => Taro.navigateTo({ url });

export default function VolunteerCenterPage() {
  const user = useCurrentUser();
  const [me, setMe] = useState<MyVolunteerResponse>();
  const [trainings, setTrainings] = useState<CompletedTraining[]>([]);
  const [error, setError] = useState<unknown>();
  const load = useCallback(async () => {
    setError(undefined);
    try {
      const [summary, completed] = await Promise.all([api.volunteers.me(), api.attendance.myTrainings()]);
      setMe(summary);
      setTrainings(completed.items);
    } catch (caught) {
      setError(caught);
    }
  }, []);
  useDidShow(() => void load());

  if (error !== undefined && !me) return <ErrorView error={error} onRetry={load} />;
  if (!me || !user) return <LoadingView />;
  const { exam } = me;
  const coordinator = hasAnyRole(user.roles, [Role.COORDINATOR]);

  return (
    <View className='page volunteer-center'>
      <View className='card volunteer-center__level'>
        <Text className='volunteer-center__stars'>{'★'.repeat(me.stars) + '☆'.repeat(5 - me.stars)}</Text>
        <Text className='volunteer-center__hours'>累计服务 {hoursOf(me.approvedMinutes)} 小时</Text>
        {me.nextStars !== null && (
          <Text className='muted'>
            再服务 {me.hoursToNext} 小时可达 {me.nextStars} 星志愿者
          </Text>
        )}
      </View>

      <View className='card'>
        <View className='volunteer-center__status'>
          <Text className='section-title'>志愿者认证</Text>
          {me.certified ? <Tag type='success'>已认证</Tag> : me.profile ? <Tag type='warning'>待考试</Tag> : <Tag>未申请</Tag>}
        </View>
        {me.profile && (
          <Text className='volunteer-center__line'>
            特长：{me.profile.skills.join('、')} · 可服务时间：{me.profile.availability} · 手机：{me.profile.phone}
          </Text>
        )}
        {!me.certified && !!me.pendingPoints && (
          <Text className='volunteer-center__line volunteer-center__pending'>
            已审核通过的服务时长有 {me.pendingPoints} 积分待计入：申请并通过认证考试、成为中心注册志愿者后自动计入（服务攒积分 +
            资格认证）。
          </Text>
        )}
        {!me.certified && !me.profile && (
          <Button block type='primary' className='volunteer-center__apply' onClick={go('/volunteer/apply/index')}>
            申请成为志愿者
          </Button>
        )}
        {!me.certified && me.profile && (
          <>
            <Text className='volunteer-center__line muted'>
              认证考试共 {exam.questions} 题，限时 {exam.minutes} 分钟，{exam.passMark} 分及格，通过后即成为认证志愿者。
            </Text>
            {exam.lastAttempt && (
              <Text className='volunteer-center__line'>
                上次成绩：{exam.lastAttempt.score ?? 0} 分（{exam.lastAttempt.status === 'passed' ? '通过' : '未通过'}）
              </Text>
            )}
            {exam.retryAt ? (
              <Text className='volunteer-center__line volunteer-center__wait'>{formatDateTime(exam.retryAt)} 后可再次参加考试</Text>
            ) : (
              <Button block type='primary' className='volunteer-center__exam' onClick={go('/volunteer/exam/index')}>
                {exam.openAttempt ? '继续考试' : '参加认证考试'}
              </Button>
            )}
            <Button block onClick={go('/volunteer/apply/index')}>
              修改申请资料
            </Button>
          </>
        )}
      </View>

      <Card title='志愿者学院'>
        {trainings.length === 0 ? (
          <Text className='muted'>
            尚未完成培训。参加礼仪、应急抢救、心理辅导培训并现场签到即记录（设有测验的培训需通过测验）；部分服务活动要求先完成相应培训。
          </Text>
        ) : (
          trainings.map((training) =>
            training.status === 'completed' ? (
              <Text key={training.topic} className='volunteer-center__line volunteer-center__training'>
                ✓ {TRAINING_TOPIC_LABELS[training.topic]}（{training.title}，{formatDateTime(training.completedAt!)}）
              </Text>
            ) : (
              <View key={training.topic} className='volunteer-center__training volunteer-center__training--pending'>
                <Text className='volunteer-center__topic'>{TRAINING_TOPIC_LABELS[training.topic]}</Text>
                <Tag type='warning'>待测验</Tag>
                <Button
                  size='small'
                  type='primary'
                  className='volunteer-center__quiz'
                  onClick={go(`/volunteer/quiz/index?topic=${training.topic}`)}
                >
                  参加测验
                </Button>
              </View>
            ),
          )
        )}
      </Card>

      <CellGroup>
        <Cell title='申报服务时长' className='volunteer-center__declare' clickable onClick={go('/volunteer/hours/index?declare=1')} />
        <Cell title='我的服务记录' clickable onClick={go('/volunteer/hours/index')} />
        <Cell title='志愿服务证明' className='volunteer-center__certificate' clickable onClick={go('/volunteer/certificate/index')} />
      </CellGroup>

      {coordinator && (
        <CellGroup title='社工管理'>
          <Cell title='服务时长审核' className='volunteer-center__review' clickable onClick={go('/volunteer/review/index')} />
          <Cell
            title='志愿服务证明管理（撤销、导出 Excel）'
            className='volunteer-center__certificates'
            clickable
            onClick={go('/volunteer/certificates/index')}
          />
          <Cell title='题库（认证考试与培训测验）' clickable onClick={go('/volunteer/questions/index')} />
          <Cell title='考试记录与志愿者名单' clickable onClick={go('/volunteer/attempts/index')} />
        </CellGroup>
      )}
    </View>
  );
}
