import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { refreshUser } from '@/auth/session';
import { applyLargeText, largeTextOn } from '@/utils/large-text';
import './app.scss';

// 长辈模式 as it was left, before the first page draws.
applyLargeText(largeTextOn());

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Roles may have changed since the last launch; a stale or expired session renews itself.
    refreshUser().catch(() => undefined);
  });
  return children;
}

export default App;
