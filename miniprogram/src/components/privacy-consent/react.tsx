/**
 * The privacy consent for either build: the native component on weapp, the React stand-in on H5.
 * `process.env.TARO_ENV` is fixed at build time, so each build keeps only its own branch.
 */
import PrivacyFallback from '../privacy-fallback';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'privacy-consent': Record<string, unknown>;
    }
  }
}

export default function PrivacyConsent() {
  if (process.env.TARO_ENV === 'weapp') return <privacy-consent />;
  return <PrivacyFallback />;
}
