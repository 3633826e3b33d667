/**
 * 会议讨论与措施: the meeting's idea board (ideas and questions, one vote each, most votes first,
 * grouped by the facilitator) and its measures (措施) with owners and due dates. Owners mark their
 * measures done; the facilitator (a coordinator or the branch secretary) groups and records.
 */
import { View, Text, Picker, Textarea } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ActionItemInput,
  centerDate,
  IdeaInput,
  MinutesInput,
  POST_TEXT_MAX,
  runsActivityOf,
  type ActionItem,
  type Activity,
  type AttendanceRow,
  type Idea,
  type Minutes,
} from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import Card from '@/components/card';
import CheckedInput from '@/components/checked-input';
import FieldError from '@/components/field-error';
import { EmptyView, ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { useCheckedSubmit } from '@/hooks/use-form-check';
import { Button, Input, Tag } from '@/ui';
import { confirmAction, showError } from '@/utils/feedback';
import { saveOfficeFile } from '@/utils/document';
import { useRouteParam } from '@/utils/navigation';
import './index.scss';

/** A measure's owner is chosen from whoever the meeting expects: its registrants and, at a branch meeting, the branch. */
function ActionForm({ activityId, onAdded }: { activityId: string; onAdded: () => void }) {
  const [people, setPeople] = useState<AttendanceRow[]>([]);
  const form = useForm(
    ActionItemInput,
    { text: '', owner: -1, dueOn: centerDate(new Date(Date.now() + 14 * 24 * 3600_000)) },
    { input: ({ text, owner, dueOn }) => ({ text, ownerId: people[owner]?.userId, dueOn }) },
  );
  const { owner, dueOn } = form.values;
  // Mounted after the page has shown (once the board loaded): load on mount, not on show.
  useEffect(() => {
    api.attendance
      .attendance({ params: { id: activityId }, query: { format: 'json' } })
      .then(({ items }) => setPeople(items.filter((row) => !row.walkIn)), showError);
  }, [activityId]);
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    await api.meetings.addAction({ params: { id: activityId }, body });
    form.reset('text');
    void Taro.showToast({ title: '措施已添加', icon: 'success' });
    onAdded();
  });
  return (
    <Card title='记录措施' className='board__form'>
      <CheckedInput {...form.field('text')} className='board__action-text' placeholder='措施内容，如：每月走访一次困难党员' />
      <Picker
        mode='selector'
        range={people.map((person) => person.nickname)}
        value={Math.max(0, owner)}
        onChange={(e) => form.set('owner', Number(e.detail.value))}
      >
        <View className='board__field'>责任人：{owner >= 0 ? (people[owner]?.nickname ?? '') : '从参会人中选择'}</View>
      </Picker>
      <FieldError field='ownerId' message={form.problem('ownerId')} />
      <Picker mode='date' value={dueOn} onChange={(e) => form.set('dueOn', String(e.detail.value))}>
        <View className='board__field'>完成期限：{dueOn}</View>
      </Picker>
      <FieldError field='dueOn' message={form.problem('dueOn')} />
      <Button size='small' type='primary' loading={busy} className='board__add-action' onClick={submit}>
        添加措施
      </Button>
    </Card>
  );
}

/**
 * 会议纪要: drafted by the server from attendance, the most-voted ideas and the measures; the
 * facilitator edits and saves it and, while the live feed takes posts from them, posts it there.
 */
function MinutesCard({ activityId, facilitator }: { activityId: string; facilitator: boolean }) {
  const [minutes, setMinutes] = useState<Minutes>();
  // Whether the caller may post to the meeting's live feed now (a coordinator or a named reporter, while it is live).
  const [feedOpen, setFeedOpen] = useState(false);
  const { busy, run } = useAction();
  const form = useForm(MinutesInput, { text: '' });
  // Mounted after the page has shown (the board loads first): load on mount, not on show.
  useEffect(() => {
    api.meetings.minutes({ params: { id: activityId } }).then(({ minutes: found }) => {
      setMinutes(found);
      form.set('text', found.text);
    }, showError);
    if (facilitator)
      api.feed.page({ params: { id: activityId }, query: { limit: 1 } }).then(
        (page) => setFeedOpen(page.mayPost && page.state === 'live'),
        () => setFeedOpen(false),
      );
  }, [activityId, facilitator]);
  if (!minutes) return null;
  const save = () =>
    run(async () => {
      const body = form.check();
      if (!body) return;
      setMinutes((await api.meetings.saveMinutes({ params: { id: activityId }, body })).minutes);
      void Taro.showToast({ title: '纪要已保存', icon: 'success' });
    });
  const publish = () =>
    run(async () => {
      const body = form.check();
      if (!body) return;
      // A post holds POST_TEXT_MAX characters: longer minutes go out cut, once the facilitator agreed.
      if (body.text.length > POST_TEXT_MAX) {
        const goOn = await confirmAction({
          title: '纪要较长',
          content: `现场动态每条最多 ${POST_TEXT_MAX} 字，将只发布纪要的前 ${POST_TEXT_MAX} 字。完整纪要请导出 Word。`,
          confirmText: '仍然发布',
        });
        if (!goOn) return;
      }
      await api.feed.post({ params: { id: activityId }, body: { text: body.text.slice(0, POST_TEXT_MAX) } });
      void Taro.showToast({ title: '已发布到动态', icon: 'success' });
    });
  return (
    <View className='card board__minutes'>
      <Text className='muted'>{minutes.edited ? '已编辑的纪要' : '根据签到、投票和措施自动生成的草稿'}</Text>
      {facilitator ? (
        <Textarea
          className='text-box board__minutes-text'
          value={form.values.text}
          maxlength={10000}
          autoHeight
          onInput={(e) => form.set('text', e.detail.value)}
          onBlur={form.touch('text')}
        />
      ) : (
        <Text className='board__minutes-text'>{minutes.text}</Text>
      )}
      {facilitator && <FieldError field='minutes' message={form.problem('text')} />}
      {facilitator && (
        <View className='board__compose-buttons'>
          <Button size='small' type='primary' className='board__save-minutes' loading={busy} onClick={save}>
            保存纪要
          </Button>
          {feedOpen && (
            <Button size='small' className='board__publish-minutes' onClick={publish}>
              发布到现场动态
            </Button>
          )}
        </View>
      )}
      <Button
        size='small'
        className='board__minutes-document'
        onClick={() =>
          run(async () => saveOfficeFile(await api.meetingDocuments.minutesDocument({ params: { id: activityId } }), '会议纪要.docx'))
        }
      >
        导出 Word
      </Button>
    </View>
  );
}

export default function BoardPage() {
  const activityId = useRouteParam('id') ?? '';
  // Opened from a measure (首页's overdue list): the board scrolls to it and marks it.
  const focused = useRouteParam('action');
  const user = useCurrentUser();
  const [ideas, setIdeas] = useState<Idea[]>();
  const [activity, setActivity] = useState<Activity>();
  const [actions, setActions] = useState<ActionItem[]>([]);
  const [error, setError] = useState<unknown>();
  const { busy, run } = useAction();
  const ideaForm = useForm(IdeaInput, { text: '' });

  const load = useCallback(async () => {
    try {
      const [board, measures, meeting] = await Promise.all([
        api.meetings.ideas({ params: { id: activityId } }),
        api.meetings.actions({ params: { id: activityId } }),
        api.activities.get({ params: { id: activityId } }),
      ]);
      setActivity(meeting.activity);
      setIdeas(board.items);
      setActions(measures.items);
    } catch (caught) {
      setError(caught);
    }
  }, [activityId]);
  useDidShow(() => void load());
  const shownFocus = useRef(false);
  useEffect(() => {
    if (!focused || shownFocus.current || !actions.some((action) => action.id === focused)) return;
    shownFocus.current = true;
    // After the measures are drawn.
    Taro.nextTick(() => void Taro.pageScrollTo({ selector: `#action-${focused}`, duration: 300 }));
  }, [actions, focused]);

  if (error !== undefined && !ideas) return <ErrorView error={error} onRetry={load} />;
  if (!ideas || !activity || !user) return <LoadingView />;
  // The tools of whoever facilitates, by the rule the server applies: a coordinator, or this branch's own secretary.
  const facilitator = runsActivityOf(user, activity.branchId);
  const today = centerDate(new Date());

  const post = (kind: 'idea' | 'question') =>
    run(async () => {
      const body = ideaForm.check();
      if (!body) return;
      await api.meetings.addIdea({ params: { id: activityId }, body: { ...body, kind } });
      ideaForm.reset();
      await load();
    });
  const vote = (idea: Idea) =>
    run(async () => {
      const reply = await (idea.votedByMe ? api.meetings.unvote : api.meetings.vote)({ params: { id: activityId, ideaId: idea.id } });
      setIdeas((current) =>
        current?.map((item) => (item.id === idea.id ? { ...item, voteCount: reply.voteCount, votedByMe: reply.voted } : item)),
      );
    });
  const group = async (idea: Idea) => {
    const groups = [...new Set(ideas.map((item) => item.group).filter(Boolean))] as string[];
    const choices = [...groups, '新分组…', '取消分组'];
    const { tapIndex } = await Taro.showActionSheet({ itemList: choices.slice(0, 6) });
    const choice = choices[tapIndex];
    let name = choice === '取消分组' ? '' : choice;
    if (choice === '新分组…') name = `第${groups.length + 1}组`;
    await run(async () => {
      await api.meetings.groupIdea({ params: { id: activityId, ideaId: idea.id }, body: { group: name ?? '' } });
      await load();
    });
  };
  const finish = (action: ActionItem) =>
    run(async () => {
      await api.meetings.updateAction({
        params: { id: activityId, actionId: action.id },
        body: { status: action.status === 'done' ? 'open' : 'done' },
      });
      await load();
    });

  return (
    <View className='page board'>
      <View className='card board__compose'>
        <Input className='board__idea-input' placeholder='写下你的想法或问题' maxLength={300} {...ideaForm.choice('text')} />
        <FieldError field='idea' message={ideaForm.problem('text')} />
        <View className='board__compose-buttons'>
          <Button size='small' type='primary' loading={busy} className='board__post-idea' onClick={() => post('idea')}>
            提想法
          </Button>
          <Button size='small' onClick={() => post('question')}>
            提问题
          </Button>
        </View>
      </View>

      <Text className='section-title'>想法与问题（按票数）</Text>
      {ideas.length === 0 && <EmptyView title='还没有想法' description='讨论中的好想法写在这里，大家投票' />}
      {ideas.map((idea) => (
        <View key={idea.id} className='card board__idea' data-id={idea.id}>
          <View className='board__idea-head'>
            {idea.kind === 'question' && <Tag type='warning'>问题</Tag>}
            {idea.group && <Tag type='primary'>{idea.group}</Tag>}
            <Text className='muted'>{idea.authorName}</Text>
          </View>
          <Text className='board__idea-text'>{idea.text}</Text>
          <View className='board__idea-foot'>
            <Text className={`board__vote ${idea.votedByMe ? 'board__vote--on' : ''}`} onClick={() => vote(idea)}>
              {idea.votedByMe ? '已投票' : '投票'} · {idea.voteCount}
            </Text>
            {facilitator && (
              <Text className='board__group' onClick={() => group(idea)}>
                分组
              </Text>
            )}
          </View>
        </View>
      ))}

      <Text className='section-title'>措施</Text>
      {facilitator && <ActionForm activityId={activityId} onAdded={() => void load()} />}
      {actions.length === 0 && <EmptyView title='还没有措施' />}
      {actions.map((action) => (
        <View
          key={action.id}
          id={`action-${action.id}`}
          className={`card board__action ${action.status === 'open' && action.dueOn < today ? 'board__action--late' : ''} ${
            action.id === focused ? 'board__action--focused' : ''
          }`}
        >
          <Text className='board__action-title'>{action.text}</Text>
          <Text className='muted'>
            责任人 {action.ownerName} · 期限 {action.dueOn} ·{' '}
            {action.status === 'done' ? '已完成' : action.dueOn < today ? '已逾期' : '进行中'}
          </Text>
          {(action.ownerId === user.id || facilitator) && (
            <Text className='board__finish' onClick={() => finish(action)}>
              {action.status === 'done' ? '重新打开' : '标记完成'}
            </Text>
          )}
        </View>
      ))}

      <Text className='section-title'>会议纪要</Text>
      <MinutesCard activityId={activityId} facilitator={facilitator} />
    </View>
  );
}
