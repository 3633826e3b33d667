/** A voucher for either build: the native component on weapp, the same in React on H5. */
import { View, Text } from '@tarojs/components';
import { useMemo } from 'react';
import type { Redemption } from '@hele/shared';
import QrCode, { qrRuns } from '@/components/qr-code';
import './react.scss';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      voucher: Record<string, unknown>;
    }
  }
}

const STATUS_TEXT = { issued: '待使用', fulfilled: '已使用', cancelled: '已取消' } as const;

export default function Voucher({ redemption }: { redemption: Redemption }) {
  const rows = useMemo(() => (redemption.voucher ? qrRuns(redemption.voucher).rows : []), [redemption.voucher]);
  if (process.env.TARO_ENV === 'weapp') return <voucher title={redemption.title} status={redemption.status} rows={rows} size={400} />;
  return (
    <View className={`voucher voucher--${redemption.status}`}>
      <Text className='voucher__title'>{redemption.title}</Text>
      <Text className='voucher__status'>{STATUS_TEXT[redemption.status]}</Text>
      {redemption.status === 'issued' && redemption.voucher && (
        <>
          <QrCode text={redemption.voucher} size={400} />
          <Text className='voucher__hint'>请向工作人员出示此码</Text>
          <Text className='voucher__text'>{redemption.voucher}</Text>
        </>
      )}
    </View>
  );
}
