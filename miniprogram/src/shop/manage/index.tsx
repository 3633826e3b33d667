/** The coordinator's catalogue: add a reward (a class seat links its class), restock, retire. */
import { View, Text, Input, Picker } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { REWARD_KIND_LABELS, type Activity, type Reward, type RewardKind, type UpdateRewardRequest } from '@hele/shared';
import { api, ApiError } from '@/api';
import Card from '@/components/card';
import { EmptyView, ListFoot } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button } from '@/ui';
import { confirmAction, showError } from '@/utils/feedback';
import './index.scss';

const KINDS = Object.keys(REWARD_KIND_LABELS) as RewardKind[];

export default function ManageRewardsPage() {
  const list = usePagedList<Reward>((cursor) => api.points.rewards({ query: { cursor } }));
  const [classes, setClasses] = useState<Activity[]>([]);
  const [form, setForm] = useState({ title: '', kind: 'goods' as RewardKind, cost: '20', stock: '10', activityIndex: 0 });
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    api.activities.list({ query: { kind: 'class', limit: 50 } }).then((page) => setClasses(page.items), showError);
  }, []);

  const create = async () => {
    setErrors({});
    try {
      await api.points.createReward({
        body: {
          title: form.title.trim(),
          kind: form.kind,
          cost: Number(form.cost),
          stock: Number(form.stock),
          perUserLimit: 1,
          description: '',
          ...(form.kind === 'class_seat' && classes[form.activityIndex] ? { activityId: classes[form.activityIndex]!.id } : {}),
        },
      });
      void Taro.showToast({ title: '已上架', icon: 'success' });
      setForm((previous) => ({ ...previous, title: '' }));
      await list.refresh();
    } catch (error) {
      if (error instanceof ApiError) setErrors(Object.fromEntries(error.details.map((detail) => [detail.path, detail.message])));
      showError(error);
    }
  };
  /** Changes a reward and says what it is now. */
  const change = async (reward: Reward, body: UpdateRewardRequest, done: (changed: Reward) => string) => {
    try {
      const { reward: changed } = await api.points.updateReward({ params: { id: reward.id }, body });
      void Taro.showToast({ title: done(changed), icon: 'none' });
      await list.refresh();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <View className='page manage'>
      <Card title='上架新回馈' className='manage__form'>
        <Input
          className='manage__input manage__title'
          placeholder='名称，如：英语角名额'
          value={form.title}
          onInput={(e) => setForm({ ...form, title: e.detail.value })}
        />
        {errors.title && <Text className='manage__error'>{errors.title}</Text>}
        <Picker
          mode='selector'
          range={KINDS.map((kind) => REWARD_KIND_LABELS[kind])}
          value={KINDS.indexOf(form.kind)}
          onChange={(e) => setForm({ ...form, kind: KINDS[Number(e.detail.value)]! })}
        >
          <Text className='manage__picker'>类型：{REWARD_KIND_LABELS[form.kind]}</Text>
        </Picker>
        {form.kind === 'class_seat' && (
          <Picker
            mode='selector'
            range={classes.map((activity) => activity.title)}
            value={form.activityIndex}
            onChange={(e) => setForm({ ...form, activityIndex: Number(e.detail.value) })}
          >
            <Text className='manage__picker'>公益班：{classes[form.activityIndex]?.title ?? '（暂无公益班）'}</Text>
          </Picker>
        )}
        {errors.activityId && <Text className='manage__error'>{errors.activityId}</Text>}
        <View className='manage__numbers'>
          <Input className='manage__input' type='number' value={form.cost} onInput={(e) => setForm({ ...form, cost: e.detail.value })} />
          <Text>积分</Text>
          <Input className='manage__input' type='number' value={form.stock} onInput={(e) => setForm({ ...form, stock: e.detail.value })} />
          <Text>份</Text>
        </View>
        <Button block type='primary' className='manage__create' onClick={create}>
          上架
        </Button>
      </Card>
      {list.items.length === 0 && !list.loading ? (
        <EmptyView title='目录为空' />
      ) : (
        list.items.map((reward) => (
          <View key={reward.id} className='card manage__item'>
            <Text className='manage__name'>
              {reward.title}（{REWARD_KIND_LABELS[reward.kind]}）
            </Text>
            <Text className='muted'>
              {reward.cost} 积分 · 库存 {reward.stock}
            </Text>
            <View className='manage__actions'>
              <Button size='small' onClick={() => change(reward, { stockChange: 10 }, (changed) => `已补货，库存 ${changed.stock}`)}>
                补货 +10
              </Button>
              <Button
                size='small'
                type='danger'
                onClick={async () => {
                  const sure = await confirmAction({
                    title: `下架「${reward.title}」？`,
                    content: '下架后会员不能再兑换，已发出的兑换券仍然有效。',
                    confirmText: '下架',
                    danger: true,
                  });
                  if (sure) await change(reward, { active: false }, () => '已下架');
                }}
              >
                下架
              </Button>
            </View>
          </View>
        ))
      )}
      <ListFoot loading={list.loading} done={list.done} count={list.items.length} />
    </View>
  );
}
