/**
 * 证明核验 (public, no sign-in): what a certificate's QR opens. A valid certificate shows what its
 * paper says (name, hours, each activity with its approver) and nothing else; a forged, mistyped or
 * revoked serial finds nothing. A serial can also be typed, as printed on the paper.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { normalizeSerial, type PublicCertificate } from '@hele/shared';
import { api, ApiError } from '@/api';
import Card from '@/components/card';
import { ErrorView, LoadingView } from '@/components/status-view';
import { Button, Input } from '@/ui';
import { useRouteParam } from '@/utils/navigation';
import { CertificateLines, CertificatePaper } from '../certificate-paper';
import './index.scss';

type Outcome = { state: 'valid'; certificate: PublicCertificate } | { state: 'unknown' } | { state: 'error'; error: unknown };

export default function VerifyCertificatePage() {
  const linked = useRouteParam('serial');
  const [serial, setSerial] = useState(linked ?? '');
  const [typed, setTyped] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!serial) return;
    setOutcome(undefined);
    // What cannot be a serial is not worth asking the server about: it finds nothing either way.
    const normal = normalizeSerial(serial);
    if (!normal) {
      setOutcome({ state: 'unknown' });
      return;
    }
    api.volunteers.verifyCertificate({ params: { serial: normal } }).then(
      ({ certificate }) => setOutcome({ state: 'valid', certificate }),
      (error: unknown) => setOutcome(error instanceof ApiError && error.status === 404 ? { state: 'unknown' } : { state: 'error', error }),
    );
  }, [serial, attempt]);

  const lookUp = (
    <Card title='核验其他证明' className='verify__lookup'>
      <Input className='verify__input' placeholder='输入证明上的编号，如 ABCD-EFGH-…' value={typed} onChange={setTyped} />
      <Button block type='primary' className='verify__submit' disabled={!typed.trim()} onClick={() => setSerial(typed.trim())}>
        核验
      </Button>
    </Card>
  );

  if (!serial) return <View className='page verify'>{lookUp}</View>;
  if (!outcome) return <LoadingView text='正在核验…' />;
  if (outcome.state === 'error') return <ErrorView error={outcome.error} onRetry={() => setAttempt((n) => n + 1)} />;

  return (
    <View className='page verify'>
      {outcome.state === 'valid' ? (
        <>
          <View className='card verify__verdict verify__verdict--valid'>
            <Text className='verify__verdict-title'>✓ 证书有效</Text>
            <Text className='muted'>本证明由{outcome.certificate.issuer}开具，以下内容与证明原件一致。</Text>
          </View>
          <CertificatePaper paper={outcome.certificate} />
          <CertificateLines lines={outcome.certificate.lines} />
        </>
      ) : (
        <View className='card verify__verdict verify__verdict--unknown'>
          <Text className='verify__verdict-title'>✗ 未找到该证明</Text>
          <Text className='muted'>证明编号有误，或该证明已被撤销。如有疑问，请联系开具单位核实。</Text>
        </View>
      )}
      {lookUp}
    </View>
  );
}
