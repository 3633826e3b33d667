/** A coordinator names reporters for one feed from the activity's confirmed registrants (报道员). */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Registration } from '@hele/shared';
import { api } from '@/api';
import { useAction } from '@/hooks/use-action';
import { Button } from '@/ui';
import Card from '@/components/card';
import { showError } from '@/utils/feedback';

export function Reporters({
  activityId,
  current,
  onSaved,
}: {
  activityId: string;
  current: string[];
  onSaved: (reporters: string[]) => void;
}) {
  const [registrants, setRegistrants] = useState<Registration[]>();
  const [chosen, setChosen] = useState(new Set(current));
  const { busy, run } = useAction();
  useEffect(() => {
    api.registrations
      .ofActivity({ params: { id: activityId }, query: { status: 'confirmed', limit: 100 } })
      .then(({ items }) => setRegistrants(items), showError);
  }, [activityId]);
  const toggle = (userId: string) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (!next.delete(userId)) next.add(userId);
      return next;
    });
  const save = () =>
    run(async () => {
      const { reporters } = await api.feed.setReporters({ params: { id: activityId }, body: { userIds: [...chosen] } });
      void Taro.showToast({ title: `已设置 ${reporters.length} 位报道员`, icon: 'none' });
      onSaved(reporters);
    });
  return (
    <Card title='报道员' className='feed__reporters'>
      <Text className='muted'>从已报名的人中选择，他们可以在本场动态发帖。</Text>
      {registrants?.length === 0 && <Text className='muted'>还没有人报名。</Text>}
      <View className='feed__reporter-list'>
        {registrants?.map((registration) => (
          <Text
            key={registration.userId}
            className={`chip feed__reporter ${chosen.has(registration.userId) ? 'chip--on' : ''}`}
            onClick={() => toggle(registration.userId)}
          >
            {registration.nickname ?? registration.userId}
          </Text>
        ))}
      </View>
      <Button size='small' type='primary' loading={busy} className='feed__reporters-save' onClick={save}>
        保存
      </Button>
    </Card>
  );
}
