/**
 * 书记学院: a secretary signs up to observe other branches' meetings and, once a meeting is held,
 * scores it on the center's rubric (a comment is needed below 3); 互学互比 ranks the year's
 * meetings and branches by weighted score.
 */
import { View, Text, Picker } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { COMMENT_BELOW, formatDateTime, type AcademyBoard, type Activity, type ComplianceBoard, type MeetingScores } from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import { EmptyView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { Button, Input } from '@/ui';
import '../plan/index.scss';

const MARKS = [1, 2, 3, 4, 5];
const LOOK_BACK_DAYS = 14;
const mark = (hundredths: number) => (hundredths / 100).toFixed(2);

/** The rubric's criteria, a mark each, and a comment where the mark is low. */
function ScoreSheet({
  meeting,
  criteria,
  onScored,
}: {
  meeting: Activity;
  criteria: Array<{ id: string; name: string }>;
  onScored: () => void;
}) {
  const [marks, setMarks] = useState<Record<string, number>>(Object.fromEntries(criteria.map((criterion) => [criterion.id, 4])));
  const [comments, setComments] = useState<Record<string, string>>({});
  const { busy, run } = useAction();
  const submit = () =>
    run(async () => {
      const { mark: given } = await api.academy.score({ params: { id: meeting.id }, body: { marks, comments } });
      void Taro.showToast({ title: `已评分 ${mark(given)}`, icon: 'none' });
      onScored();
    });
  return (
    <View className='academy__sheet'>
      {criteria.map((criterion) => (
        <View key={criterion.id}>
          <Picker
            mode='selector'
            range={MARKS.map(String)}
            value={marks[criterion.id]! - 1}
            onChange={(e) => setMarks({ ...marks, [criterion.id]: MARKS[Number(e.detail.value)]! })}
          >
            <View className='plan__row'>
              <Text>{criterion.name}</Text>
              <Text className='plan__link academy__mark'>{marks[criterion.id]} 分</Text>
            </View>
          </Picker>
          {marks[criterion.id]! < COMMENT_BELOW && (
            <Input
              className='academy__comment'
              placeholder={`「${criterion.name}」低于 ${COMMENT_BELOW} 分，请写明原因`}
              value={comments[criterion.id] ?? ''}
              onChange={(text) => setComments({ ...comments, [criterion.id]: text })}
            />
          )}
        </View>
      ))}
      <Button block type='primary' className='academy__submit' loading={busy} onClick={submit}>
        提交评分
      </Button>
    </View>
  );
}

export default function AcademyPage() {
  const user = useCurrentUser();
  const [meetings, setMeetings] = useState<Activity[]>([]);
  const [observing, setObserving] = useState<Set<string>>(new Set());
  const [scored, setScored] = useState<Set<string>>(new Set());
  const [criteria, setCriteria] = useState<Array<{ id: string; name: string }>>([]);
  const [board, setBoard] = useState<AcademyBoard>();
  const [scoring, setScoring] = useState<string>();
  const [scores, setScores] = useState<MeetingScores>();
  const [compliance, setCompliance] = useState<ComplianceBoard>();
  /** A ranked meeting's marks per criterion, on a tap. */
  const showScores = (activityId: string) => run(async () => setScores((await api.academy.scores({ params: { id: activityId } })).scores));
  const { run } = useAction();
  const load = () =>
    run(async () => {
      const from = new Date(Date.now() - LOOK_BACK_DAYS * 24 * 3600 * 1000).toISOString();
      const [list, rubric, ranked] = await Promise.all([
        api.activities.list({ query: { kind: 'meeting', from, limit: 50 } }),
        api.academy.rubric(),
        api.academy.board(),
      ]);
      const others = list.items.filter((meeting) => meeting.branchId && meeting.branchId !== user?.branchId);
      const mine = (
        await Promise.all(
          others.map(async (meeting) =>
            (await api.academy.observers({ params: { id: meeting.id } })).items.find((observer) => observer.userId === user?.id),
          ),
        )
      ).filter((observer) => observer !== undefined);
      setMeetings(others);
      setObserving(new Set(mine.map((observer) => observer.activityId)));
      setScored(new Set(mine.filter((observer) => observer.scoredAt).map((observer) => observer.activityId)));
      setCriteria(rubric.rubric.criteria);
      setBoard(ranked.board);
      // 三会一课 side by side: every branch's rate of periods held (a failure leaves the rest of the page).
      setCompliance(await api.meetings.compliance().catch(() => undefined));
    });
  useDidShow(() => void load());
  const observe = (meeting: Activity) =>
    run(async () => {
      await api.academy.observe({ params: { id: meeting.id } });
      setObserving(new Set([...observing, meeting.id]));
    });

  return (
    <View className='page academy'>
      <Text className='section-title'>观摩其他支部的组织生活</Text>
      {meetings.length === 0 && <EmptyView title='近期没有其他支部的会议' />}
      {meetings.map((meeting) => {
        const held = Date.parse(meeting.startsAt) <= Date.now();
        return (
          <View key={meeting.id} className='card academy__meeting' data-id={meeting.id}>
            <Text className='section-title'>{meeting.title}</Text>
            <Text className='muted'>
              {formatDateTime(meeting.startsAt)} · {meeting.venue}
            </Text>
            {!observing.has(meeting.id) ? (
              !held && (
                <Button size='small' className='academy__observe' onClick={() => observe(meeting)}>
                  报名观摩
                </Button>
              )
            ) : held ? (
              scored.has(meeting.id) ? (
                <Text className='plan__link academy__scored'>已评分</Text>
              ) : scoring === meeting.id ? (
                <ScoreSheet
                  meeting={meeting}
                  criteria={criteria}
                  onScored={() => {
                    setScoring(undefined);
                    setScored(new Set([...scored, meeting.id]));
                  }}
                />
              ) : (
                <Button size='small' type='primary' className='academy__score' onClick={() => setScoring(meeting.id)}>
                  评分
                </Button>
              )
            ) : (
              <Text className='plan__link'>已报名观摩</Text>
            )}
          </View>
        );
      })}

      <Text className='section-title'>互学互比 · {board?.year} 年</Text>
      {board && board.meetings.length === 0 && <EmptyView title='评分满两份的会议会出现在这里' />}
      {board?.meetings.map((row) => (
        <View key={row.id} className='card academy__ranked' onClick={() => void showScores(row.id)}>
          <View className='plan__row'>
            <Text>
              {row.rank}. {row.title}
            </Text>
            <Text className='plan__link'>
              {mark(row.average)}（{row.count} 份）
            </Text>
          </View>
          {row.comments.map((comment) => (
            <Text key={comment} className='plan__reason'>
              “{comment}”
            </Text>
          ))}
          {scores?.activityId === row.id &&
            scores.criteria?.map((criterion) => (
              <View key={criterion.id} className='plan__row academy__criterion'>
                <Text>{criterion.name}</Text>
                <Text>{mark(criterion.average)}</Text>
              </View>
            ))}
        </View>
      ))}
      {board && board.branches.length > 0 && <Text className='section-title'>支部排名</Text>}
      {board?.branches.map((row) => (
        <View key={row.id} className='plan__row academy__branch'>
          <Text>
            {row.rank}. {row.name}
            {row.id === user?.branchId ? '（本支部）' : ''}
          </Text>
          <Text>{mark(row.average)}</Text>
        </View>
      ))}
      {compliance && compliance.items.length > 0 && <Text className='section-title'>三会一课完成率 · {compliance.year} 年</Text>}
      {compliance &&
        [...compliance.items]
          .sort((a, b) => (b.totals.rate ?? -1) - (a.totals.rate ?? -1) || a.totals.overdue - b.totals.overdue)
          .map((row) => (
            <View key={row.branchId} className='plan__row academy__compliance'>
              <Text>
                {row.branchName}
                {row.branchId === user?.branchId ? '（本支部）' : ''}
              </Text>
              <Text>
                {row.totals.rate === null ? '—' : `${row.totals.rate}%`} · 逾期 {row.totals.overdue} 期
              </Text>
            </View>
          ))}
    </View>
  );
}
