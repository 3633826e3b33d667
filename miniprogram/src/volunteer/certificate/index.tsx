/**
 * 志愿服务证明: the approved hours as they stand, and the certificate issued from them (a stored
 * snapshot with a serial and the QR anyone scans to verify it); issuing again once new hours were
 * approved; the certificate's lines as an Excel workbook (志愿服务记录证明); earlier certificates,
 * and why one was revoked.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import {
  certificateHours,
  certificateLineOf,
  formatDate,
  formatSerial,
  type IssuedCertificate,
  type ServiceCertificate,
} from '@hele/shared';
import { api } from '@/api';
import { EmptyView, ErrorView, LoadingView } from '@/components/status-view';
import { Button, Tag } from '@/ui';
import { saveOfficeFile } from '@/utils/document';
import { showError } from '@/utils/feedback';
import { CertificateLines, CertificatePaper } from '../certificate-paper';
import { needsRealName, RealNameNeeded } from '../real-name';
import './index.scss';

export default function CertificatePage() {
  const [current, setCurrent] = useState<ServiceCertificate>();
  const [issued, setIssued] = useState<IssuedCertificate[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setError(undefined);
    try {
      const [{ certificate }, mine] = await Promise.all([
        api.volunteers.certificate(),
        api.volunteers.myCertificates({ query: { limit: 20 } }),
      ]);
      setCurrent(certificate);
      setIssued(mine.items);
    } catch (caught) {
      setError(caught);
    }
  };
  // Again on coming back from 编辑资料 with a real name.
  useDidShow(() => void load());

  const issue = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await api.volunteers.issueCertificate();
      void Taro.showToast({ title: '证明已开具', icon: 'success' });
      await load();
    } catch (caught) {
      showError(caught);
    } finally {
      setBusy(false);
    }
  };

  const exportWorkbook = async (certificate: IssuedCertificate) => {
    if (busy) return;
    setBusy(true);
    try {
      const bytes = await api.volunteerDocuments.certificateWorkbook({ params: { serial: certificate.serial } });
      await saveOfficeFile(bytes, `志愿服务记录证明-${formatSerial(certificate.serial)}.xlsx`);
    } catch (caught) {
      showError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (needsRealName(error)) return <RealNameNeeded why='志愿服务证明写明你的真实姓名，请先在“编辑资料”中填写。' />;
  if (error !== undefined) return <ErrorView error={error} onRetry={load} />;
  if (!current || !issued) return <LoadingView />;

  const latest = issued.find((certificate) => certificate.status === 'valid');
  const earlier = issued.filter((certificate) => certificate !== latest);
  // Hours approved (or a name changed) since the latest certificate was issued.
  const outdated = latest && (latest.totalMinutes !== current.totalMinutes || latest.realName !== current.volunteer.realName);

  if (!latest && current.records.length === 0) {
    return (
      <View className='page certificate'>
        <EmptyView title='暂无经审核的服务记录' description='服务时长经社工审核通过后，即可开具志愿服务证明。' />
      </View>
    );
  }

  return (
    <View className='page certificate'>
      {latest ? (
        <>
          <CertificatePaper paper={latest} />
          {outdated && (
            <View className='card certificate__outdated'>
              <Text>
                开具后又有服务时长审核通过（现累计 {certificateHours(current.totalMinutes)} 小时），本证明仍为开具时的{' '}
                {certificateHours(latest.totalMinutes)} 小时。
              </Text>
              <Button block type='primary' loading={busy} className='certificate__issue' onClick={issue}>
                重新开具证明
              </Button>
            </View>
          )}
          <Button block loading={busy} className='certificate__workbook' onClick={() => exportWorkbook(latest)}>
            导出 Excel（志愿服务记录证明）
          </Button>
          <CertificateLines lines={latest.lines} />
        </>
      ) : (
        <>
          <CertificatePaper
            paper={{
              realName: current.volunteer.realName,
              totalMinutes: current.totalMinutes,
              stars: current.stars,
              issuer: current.issuer,
              issuedAt: current.issuedAt,
            }}
          />
          <View className='card certificate__unissued'>
            <Text className='muted'>开具后，证明带有编号和二维码：任何人扫码即可核验姓名与服务时长（不显示手机号等其他信息）。</Text>
            <Button block type='primary' loading={busy} className='certificate__issue' onClick={issue}>
              开具证明
            </Button>
          </View>
          <CertificateLines lines={current.records.map(certificateLineOf)} />
        </>
      )}

      {earlier.length > 0 && (
        <View className='certificate__earlier'>
          <Text className='section-title'>以往开具的证明</Text>
          {earlier.map((certificate) => (
            <View key={certificate.serial} className='card certificate__issued'>
              <View className='certificate__issued-head'>
                <Text className='certificate__issued-serial'>{formatSerial(certificate.serial)}</Text>
                {certificate.status === 'valid' ? <Tag type='success'>有效</Tag> : <Tag type='danger'>已撤销</Tag>}
              </View>
              <Text className='muted'>
                {formatDate(certificate.issuedAt)} 开具 · {certificateHours(certificate.totalMinutes)} 小时
              </Text>
              {certificate.status === 'revoked' && (
                <Text className='muted certificate__revoked'>
                  {certificate.revokedAt ? `${formatDate(certificate.revokedAt)} ` : ''}由{certificate.revokedByName ?? '社工'}撤销：
                  {certificate.revocationReason ?? ''}
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
