/**
 * The 志愿服务证明 as a paper: who, how many hours, the stars, the issuer and date; once issued, its
 * serial and the QR that opens its public verification page. The certificate page and the public
 * page draw the same paper, so what a stranger verifies looks like what the volunteer holds.
 */
import { Text, View } from '@tarojs/components';
import { certificateHours, formatDate, formatSerial, SERVICE_SOURCE_LABELS, type CertificateLine } from '@hele/shared';
import QrCode from '@/components/qr-code';
import './certificate-paper.scss';

export interface PaperContent {
  realName: string;
  totalMinutes: number;
  stars: number;
  issuer: string;
  issuedAt: string;
  serial?: string;
  /** What the QR encodes (the issued certificate's public page). */
  verifyUrl?: string;
}

export function CertificatePaper({ paper }: { paper: PaperContent }) {
  return (
    <View className='card certificate-paper'>
      <Text className='certificate-paper__title'>志愿服务证明</Text>
      <Text className='certificate-paper__body'>
        兹证明 <Text className='certificate-paper__name'>{paper.realName}</Text> 同志在{paper.issuer}参加志愿服务，经审核累计服务{' '}
        <Text className='certificate-paper__hours'>{certificateHours(paper.totalMinutes)}</Text> 小时
        {paper.stars > 0 ? `，获评 ${paper.stars} 星志愿者` : ''}。
      </Text>
      <Text className='certificate-paper__stars'>{'★'.repeat(paper.stars) + '☆'.repeat(5 - paper.stars)}</Text>
      <Text className='certificate-paper__issuer'>{paper.issuer}</Text>
      <Text className='muted certificate-paper__date'>开具日期：{formatDate(paper.issuedAt)}</Text>
      {paper.serial && <Text className='certificate-paper__serial'>证明编号：{formatSerial(paper.serial)}</Text>}
      {paper.verifyUrl && (
        <View className='certificate-paper__qr'>
          <QrCode text={paper.verifyUrl} size={280} />
          <Text className='muted'>扫码核验本证明</Text>
        </View>
      )}
    </View>
  );
}

/** The certified lines: what, when, how long, how recorded, who approved (谁记录谁证明). */
export function CertificateLines({ lines }: { lines: readonly CertificateLine[] }) {
  return (
    <View className='certificate-lines'>
      <Text className='section-title'>服务明细（{lines.length} 条）</Text>
      {lines.map((line, index) => (
        <View key={`${line.servedOn}-${index}`} className='card certificate-lines__line'>
          <Text className='certificate-lines__what'>{line.activity}</Text>
          <Text className='muted certificate-lines__meta'>
            {formatDate(line.servedOn)} · {certificateHours(line.minutes)} 小时 · {SERVICE_SOURCE_LABELS[line.source]}
          </Text>
          <Text className='muted certificate-lines__meta'>审核人：{line.approver}</Text>
        </View>
      ))}
    </View>
  );
}
