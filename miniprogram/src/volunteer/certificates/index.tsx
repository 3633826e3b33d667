/**
 * 志愿服务证明管理 (coordinator): every issued certificate, newest first, with the way to revoke one
 * (a reason, kept with the certificate and shown to its holder; its public page then finds nothing);
 * and the approved hours of a period as an Excel workbook with what a 志愿服务记录证明 needs.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  centerDate,
  certificateHours,
  formatDate,
  formatSerial,
  HoursWorkbookQuery,
  RevokeCertificateRequest,
  type CertificateStatus,
  type IssuedCertificate,
} from '@hele/shared';
import { api } from '@/api';
import Card from '@/components/card';
import CheckedInput from '@/components/checked-input';
import { Chips } from '@/components/choice';
import FieldError from '@/components/field-error';
import { EmptyView, PagedItems } from '@/components/status-view';
import { useForm } from '@/hooks/use-form';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button, Input, Tag } from '@/ui';
import { saveOfficeFile } from '@/utils/document';
import { showError } from '@/utils/feedback';
import './index.scss';

type Filter = CertificateStatus | 'all';
const FILTERS: readonly Filter[] = ['all', 'valid', 'revoked'];
const FILTER_LABELS: Record<Filter, string> = { all: '全部', valid: '有效', revoked: '已撤销' };

export default function CertificatesPage() {
  const [status, setStatus] = useState<CertificateStatus>();
  const list = usePagedList<IssuedCertificate>(
    (cursor) => api.volunteers.certificates({ query: { cursor, ...(status ? { status } : {}) } }),
    [status],
  );
  // The certificate being revoked, and the reason its holder will read.
  const [revoking, setRevoking] = useState<string>();
  const [busy, setBusy] = useState(false);
  const revocation = useForm(RevokeCertificateRequest, { reason: '' });
  const today = centerDate(new Date());
  const period = useForm(HoursWorkbookQuery, { from: `${today.slice(0, 4)}-01-01`, to: today });

  const revoke = async (certificate: IssuedCertificate) => {
    const body = revocation.check();
    if (busy || !body) return;
    setBusy(true);
    try {
      await api.volunteers.revokeCertificate({ params: { serial: certificate.serial }, body });
      setRevoking(undefined);
      revocation.reset();
      void Taro.showToast({ title: '已撤销', icon: 'success' });
      await list.refresh();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const exportHours = async () => {
    const query = period.check();
    if (busy || !query) return;
    setBusy(true);
    try {
      const bytes = await api.volunteerDocuments.hoursWorkbook({ query });
      await saveOfficeFile(bytes, `志愿服务时长-${period.values.from}至${period.values.to}.xlsx`);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='page certificates'>
      <Card title='导出服务时长（志愿服务记录证明）' className='certificates__export'>
        <Text className='muted'>期间内审核通过的每条服务记录（姓名、日期、内容、时长、审核人），另附每人合计。</Text>
        <View className='certificates__period'>
          <Input className='certificates__from' placeholder='开始日期 2026-01-01' {...period.input('from')} />
          <Text>至</Text>
          <Input className='certificates__to' placeholder='结束日期 2026-12-31' {...period.input('to')} />
        </View>
        <FieldError field='from' message={period.problem('from')} />
        <FieldError field='to' message={period.problem('to')} />
        <Button block type='primary' loading={busy} className='certificates__export-button' onClick={exportHours}>
          导出 Excel
        </Button>
      </Card>

      <Chips
        className='certificates__filters'
        chipClass='certificates__filter'
        options={FILTERS}
        labels={FILTER_LABELS}
        value={status ?? 'all'}
        onChange={(filter) => setStatus(filter === 'all' ? undefined : filter)}
      />

      <PagedItems
        list={list}
        empty={<EmptyView title='还没有开具的证明' />}
        row={(certificate) => (
          <View key={certificate.serial} className='card certificates__item' data-serial={certificate.serial}>
            <View className='certificates__head'>
              <Text className='certificates__name'>{certificate.realName}</Text>
              {certificate.status === 'valid' ? <Tag type='success'>有效</Tag> : <Tag type='danger'>已撤销</Tag>}
            </View>
            <Text className='certificates__serial'>{formatSerial(certificate.serial)}</Text>
            <Text className='muted'>
              {formatDate(certificate.issuedAt)} 开具 · {certificateHours(certificate.totalMinutes)} 小时 · {certificate.lines.length}{' '}
              条记录
            </Text>
            {certificate.status === 'revoked' ? (
              <Text className='muted'>
                {certificate.revokedByName ?? '社工'}撤销：{certificate.revocationReason ?? ''}
              </Text>
            ) : revoking === certificate.serial ? (
              <View className='certificates__actions'>
                <CheckedInput {...revocation.field('reason')} className='certificates__reason' placeholder='撤销原因，如：服务记录有误' />
                <Button
                  size='small'
                  type='danger'
                  loading={busy}
                  className='certificates__confirm-revoke'
                  onClick={() => revoke(certificate)}
                >
                  确认撤销
                </Button>
              </View>
            ) : (
              <View className='certificates__actions'>
                <Button size='small' className='certificates__revoke' onClick={() => setRevoking(certificate.serial)}>
                  撤销
                </Button>
              </View>
            )}
          </View>
        )}
      />
    </View>
  );
}
