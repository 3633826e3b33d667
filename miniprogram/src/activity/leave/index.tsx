/** Asking for leave (请假) from a meeting, with a reason the secretary reads. */
import { View, Text, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '@/api';
import { Button } from '@/ui';
import { useAction } from '@/hooks/use-action';
import { useRouteParam } from '@/utils/navigation';
import { toastOnNextPage } from '@/utils/feedback';
import './index.scss';

export default function LeavePage() {
  const id = useRouteParam('id') ?? '';
  const [reason, setReason] = useState('');
  const { busy, run } = useAction();
  const submit = () =>
    run(async () => {
      await api.attendance.requestLeave({ params: { id }, body: { reason: reason.trim() } });
      toastOnNextPage({ title: '已提交，等待审批', icon: 'success' });
      await Taro.navigateBack();
    });
  return (
    <View className='page leave'>
      <View className='card'>
        <Text className='section-title'>请假原因</Text>
        <Textarea
          className='text-box leave__reason'
          value={reason}
          maxlength={200}
          placeholder='如：出差在外地，无法参加'
          onInput={(e) => setReason(e.detail.value)}
        />
        <Text className='muted'>支部书记或社工审批后生效，批准的请假不计入缺席。</Text>
      </View>
      <Button block type='primary' loading={busy} disabled={reason.trim().length < 2} className='leave__submit' onClick={submit}>
        提交请假
      </Button>
    </View>
  );
}
