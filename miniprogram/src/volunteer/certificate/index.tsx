/** 志愿服务证明: approved service, each record with who recorded it (谁记录谁证明), the total and the stars. */
import { View, Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { formatDate, formatDateTime, type ServiceCertificate } from '@hele/shared';
import { api } from '@/api';
import { EmptyView, ErrorView, LoadingView } from '@/components/status-view';
import { SOURCE_LABELS, hoursOf } from '../labels';
import { needsRealName, RealNameNeeded } from '../real-name';
import './index.scss';

export default function CertificatePage() {
  const [certificate, setCertificate] = useState<ServiceCertificate>();
  const [error, setError] = useState<unknown>();
  const load = () => {
    setError(undefined);
    return api.volunteers.certificate().then(({ certificate: result }) => setCertificate(result), setError);
  };
  // Again on coming back from 编辑资料 with a real name.
  useDidShow(() => void load());
  if (needsRealName(error)) return <RealNameNeeded why='志愿服务证明写明你的真实姓名，请先在“编辑资料”中填写。' />;
  if (error !== undefined) return <ErrorView error={error} onRetry={load} />;
  if (!certificate) return <LoadingView />;
  return (
    <View className='page certificate'>
      <View className='card certificate__paper'>
        <Text className='certificate__title'>志愿服务证明</Text>
        <Text className='certificate__body'>
          兹证明 {certificate.volunteer.realName} 同志在{certificate.issuer}参加志愿服务，经审核累计服务 {hoursOf(certificate.totalMinutes)}{' '}
          小时
          {certificate.stars > 0 ? `，获评 ${certificate.stars} 星志愿者` : ''}。
        </Text>
        <Text className='certificate__stars'>{'★'.repeat(certificate.stars) + '☆'.repeat(5 - certificate.stars)}</Text>
        <Text className='certificate__issuer'>{certificate.issuer}</Text>
        <Text className='muted certificate__date'>开具时间：{formatDateTime(certificate.issuedAt)}</Text>
      </View>
      <Text className='section-title'>服务明细（{certificate.records.length} 条）</Text>
      {certificate.records.length === 0 ? (
        <EmptyView title='暂无经审核的服务记录' />
      ) : (
        certificate.records.map((record) => (
          <View key={record.id} className='card certificate__record'>
            <Text className='certificate__what'>{record.activityTitle ?? record.note}</Text>
            <Text className='muted'>
              {formatDate(record.servedOn)} · {hoursOf(record.minutes)} 小时 · {SOURCE_LABELS[record.source]}
            </Text>
            <Text className='muted'>记录人：{record.decidedByName ?? '—'}</Text>
          </View>
        ))
      )}
    </View>
  );
}
