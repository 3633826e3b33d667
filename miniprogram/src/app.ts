import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { refreshUser } from '@/auth/session';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Roles may have changed since the last launch; a stale or expired session renews itself.
    refreshUser().catch(() => undefined);
  });
  return children;
}

export default App;
