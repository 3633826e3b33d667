/** Asking for leave (请假) from a meeting, with a reason the secretary reads; the activity's page then shows 请假待批. */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LeaveRequestBody } from '@hele/shared';
import { api } from '@/api';
import Card from '@/components/card';
import { CheckedTextarea } from '@/components/checked-input';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { Button } from '@/ui';
import { toastOnNextPage } from '@/utils/feedback';
import { askForNotices } from '@/utils/notices';
import { useRouteParam } from '@/utils/navigation';
import './index.scss';

export default function LeavePage() {
  const id = useRouteParam('id') ?? '';
  const form = useForm(LeaveRequestBody, { reason: '' });
  const { busy, run } = useAction();
  const submit = () => {
    // WeChat asks only during the tap: may it tell the member the decision?
    askForNotices(['leave_result']);
    return run(async () => {
      const body = form.check();
      if (!body) return;
      await api.attendance.requestLeave({ params: { id }, body });
      toastOnNextPage({ title: '已提交，等待审批', icon: 'success' });
      await Taro.navigateBack();
    });
  };
  return (
    <View className='page leave'>
      <Card title='请假原因'>
        <CheckedTextarea
          {...form.field('reason')}
          className='text-box leave__reason'
          maxlength={200}
          placeholder='如：出差在外地，无法参加'
        />
        <Text className='muted'>支部书记或社工审批后生效，批准的请假不计入缺席；审批结果会发到「我的 › 消息」。</Text>
      </Card>
      <Button block type='primary' loading={busy} className='leave__submit' onClick={submit}>
        提交请假
      </Button>
    </View>
  );
}
