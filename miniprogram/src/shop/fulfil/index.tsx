/** The coordinator redeems a member's voucher: scan it (WeChat) or paste its text (browser). Once only. */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FulfilRequest, type Redemption } from '@hele/shared';
import { api } from '@/api';
import Card from '@/components/card';
import { CheckedTextarea } from '@/components/checked-input';
import { useForm } from '@/hooks/use-form';
import { Button } from '@/ui';
import { showError } from '@/utils/feedback';
import './index.scss';

export default function FulfilPage() {
  const [done, setDone] = useState<Redemption>();
  const [busy, setBusy] = useState(false);
  const pasted = useForm(FulfilRequest, { voucher: '' });

  const fulfil = async (voucher: string) => {
    if (busy) return;
    setBusy(true);
    try {
      setDone((await api.points.fulfil({ body: { voucher: voucher.trim() } })).redemption);
      pasted.reset();
      void Taro.showToast({ title: '核销成功', icon: 'success' });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  const scan = async () => {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    await fulfil(result);
  };

  return (
    <View className='page fulfil'>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button block type='primary' loading={busy} onClick={scan}>
          扫描兑换券
        </Button>
      ) : (
        <Card title='兑换券内容'>
          <CheckedTextarea {...pasted.field('voucher')} className='text-box fulfil__input' placeholder='HLVC1.…' />
          <Button
            block
            type='primary'
            loading={busy}
            className='fulfil__submit'
            onClick={() => {
              const body = pasted.check();
              if (body) void fulfil(body.voucher);
            }}
          >
            核销
          </Button>
        </Card>
      )}
      {done && (
        <View className='card fulfil__done'>
          <Text className='fulfil__title'>已核销：{done.title}</Text>
          <Text className='muted'>
            {done.nickname ?? done.userId} · {done.cost} 积分
          </Text>
        </View>
      )}
    </View>
  );
}
