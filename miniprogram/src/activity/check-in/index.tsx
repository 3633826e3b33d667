/**
 * The coordinator's check-in screen: a QR code that turns every 30 s (members scan it), the six
 * digits under it (typed in the browser), and the live counts (应到, 已报名, 实到…) of the attendance page.
 */
import { View, Text } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttendanceResponse, CheckInCodeResponse } from '@hele/shared';
import { api } from '@/api';
import QrCode from '@/components/qr-code';
import { ErrorView, LoadingView } from '@/components/status-view';
import { Button } from '@/ui';
import { useRouteParam } from '@/utils/navigation';
import { AttendanceCounts } from '../attendance/counts';
import './index.scss';

const SUMMARY_EVERY_MS = 5_000;

export default function CheckInScreen() {
  const id = useRouteParam('id') ?? '';
  const [shown, setShown] = useState<CheckInCodeResponse>();
  const [summary, setSummary] = useState<AttendanceResponse['summary']>();
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [error, setError] = useState<unknown>();
  const timers = useRef<ReturnType<typeof setInterval>[]>([]);

  const refreshCode = useCallback(async () => {
    try {
      setShown(await api.attendance.checkInCode({ params: { id } }));
      setError(undefined);
    } catch (caught) {
      setError(caught);
    }
  }, [id]);

  const refreshSummary = useCallback(async () => {
    try {
      setSummary((await api.attendance.attendance({ params: { id } })).summary);
    } catch {
      /* the code matters more than the count; the next tick tries again */
    }
  }, [id]);

  const stop = () => {
    timers.current.forEach(clearInterval);
    timers.current = [];
  };
  const start = useCallback(() => {
    stop();
    void refreshCode();
    void refreshSummary();
    timers.current.push(setInterval(() => void refreshSummary(), SUMMARY_EVERY_MS));
  }, [refreshCode, refreshSummary]);

  useEffect(() => {
    start();
    return stop;
  }, [start]);
  useDidShow(start);
  useDidHide(stop);

  // Count down to the next code, and fetch it when the current one turns.
  useEffect(() => {
    if (!shown) return undefined;
    const tick = () => {
      const left = Math.max(0, Math.ceil((Date.parse(shown.expiresAt) - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) void refreshCode();
    };
    tick();
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [shown, refreshCode]);

  if (error !== undefined && !shown) return <ErrorView error={error} onRetry={refreshCode} />;
  if (!shown) return <LoadingView />;

  return (
    <View className='page check-in'>
      <View className='card check-in__card'>
        <Text className='check-in__hint'>请使用微信扫码签到</Text>
        <QrCode text={shown.token} />
        <Text className='check-in__code'>{shown.code}</Text>
        <Text className='muted'>网页端输入上方 6 位签到码 · {secondsLeft} 秒后更新</Text>
      </View>
      {summary && <AttendanceCounts summary={summary} />}
      <Button block onClick={() => Taro.navigateTo({ url: `/activity/attendance/index?id=${id}` })}>
        签到名单
      </Button>
    </View>
  );
}
