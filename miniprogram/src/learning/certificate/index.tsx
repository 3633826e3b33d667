/** 结业证书: shown once the series has ended and the member attended enough of it. */
import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { formatDate, type SeriesCertificate } from '@hele/shared';
import { api } from '@/api';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useRouteParam } from '@/utils/navigation';
import '../classes.scss';

export default function SeriesCertificatePage() {
  const id = useRouteParam('id') ?? '';
  const [certificate, setCertificate] = useState<SeriesCertificate>();
  const [error, setError] = useState<unknown>();
  const load = () => api.series.certificate({ params: { id } }).then(({ certificate: found }) => setCertificate(found), setError);
  useEffect(() => {
    void load();
  }, [id]);
  if (error !== undefined) return <ErrorView error={error} onRetry={load} />;
  if (!certificate) return <LoadingView />;
  return (
    <View className='page'>
      <View className='card series-certificate'>
        <Text className='series-certificate__title'>结业证书</Text>
        <Text className='series-certificate__body'>
          {certificate.member.nickname} 同志于 {formatDate(certificate.series.startsAt)} 至 {formatDate(certificate.series.endsAt)} 参加
          {certificate.issuer}「{certificate.series.title}」，共出席 {certificate.attended}/{certificate.total} 课（{certificate.percent}
          %），成绩合格，准予结业。
        </Text>
        <Text className='muted'>授课讲师：{certificate.series.lecturers.join('、')}</Text>
        <Text className='series-certificate__issuer'>{certificate.issuer}</Text>
        <Text className='muted series-certificate__issuer'>
          证书编号 {certificate.serial} · {formatDate(certificate.issuedAt)}
        </Text>
      </View>
    </View>
  );
}
