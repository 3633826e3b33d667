/**
 * 加入日历 for a registration: on WeChat the phone's calendar (wx.addPhoneCalendar, with an alarm an
 * hour before); in the browser the activity's `.ics` from the API (one UID per activity, so opening a
 * newer file updates the event). The app remembers which schedule revision it added: when the
 * activity moves it offers 更新日历, and when it is cancelled it says how to take the event out.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { CALENDAR_ALARM_MINUTES, calendarFileName, KIND_LABELS, type Activity } from '@hele/shared';
import { api } from '@/api';
import { Button } from '@/ui';
import { downloadInBrowser } from '@/utils/document';
import { showError } from '@/utils/feedback';
import './index.scss';

const storageKey = (activityId: string) => `calendar:${activityId}`;

/** The schedule revision last added to a calendar on this device, if any. */
export const addedRevision = (activityId: string): number | undefined => {
  const stored = Taro.getStorageSync(storageKey(activityId));
  return typeof stored === 'number' ? stored : undefined;
};

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Puts the activity into the phone's calendar (WeChat) or hands over its .ics (browser). */
const addToCalendar = async (activity: Activity): Promise<void> => {
  if (process.env.TARO_ENV === 'weapp') {
    await Taro.addPhoneCalendar({
      title: activity.title,
      startTime: seconds(activity.startsAt),
      endTime: String(seconds(activity.endsAt)),
      location: activity.venue,
      description: `${KIND_LABELS[activity.kind]} · 和乐党群服务中心`,
      alarm: true,
      alarmOffset: CALENDAR_ALARM_MINUTES * 60,
    });
    return;
  }
  const text = await api.activities.calendar({ params: { id: activity.id } });
  downloadInBrowser(text, 'text/calendar;charset=utf-8', calendarFileName(activity.title));
};

export default function CalendarButton({ activity, registered }: { activity: Activity; registered: boolean }) {
  const [added, setAdded] = useState(() => addedRevision(activity.id));
  const [busy, setBusy] = useState(false);
  const revision = activity.scheduleRevision ?? 0;
  const weapp = process.env.TARO_ENV === 'weapp';

  const run = async (done: string, forget = false) => {
    if (busy) return;
    setBusy(true);
    try {
      await addToCalendar(activity);
      if (forget) Taro.removeStorageSync(storageKey(activity.id));
      else Taro.setStorageSync(storageKey(activity.id), revision);
      setAdded(forget ? undefined : revision);
      void Taro.showToast({ title: done, icon: weapp ? 'success' : 'none' });
    } catch (error) {
      // WeChat: the person declined the calendar permission, or closed the sheet.
      if (weapp) void Taro.showToast({ title: '未加入日历', icon: 'none' });
      else showError(error);
    } finally {
      setBusy(false);
    }
  };

  if (activity.status === 'cancelled') {
    if (added === undefined) return null;
    const forget = () => {
      Taro.removeStorageSync(storageKey(activity.id));
      setAdded(undefined);
    };
    return (
      <View className='calendar-button calendar-button--cancelled'>
        <Text className='calendar-button__notice'>活动已取消，你的日历中还有这个日程。</Text>
        {weapp ? (
          <Button block className='calendar-button__forget' onClick={forget}>
            我已在手机日历中删除
          </Button>
        ) : (
          <Button
            block
            loading={busy}
            className='calendar-button__remove'
            onClick={() => run('已下载取消通知，打开即从日历中标记取消', true)}
          >
            从日历中取消该日程
          </Button>
        )}
      </View>
    );
  }

  if (!registered || activity.status !== 'published' || Date.now() >= Date.parse(activity.endsAt)) return null;
  if (added !== undefined && added < revision) {
    return (
      <View className='calendar-button calendar-button--stale'>
        <Text className='calendar-button__notice'>
          活动时间或地点已变更，你日历中的日程已过时。{weapp ? '更新后请删除手机日历中的旧日程。' : ''}
        </Text>
        <Button block type='primary' loading={busy} className='calendar-button__update' onClick={() => run('日历已更新')}>
          更新日历
        </Button>
      </View>
    );
  }
  return (
    <Button block loading={busy} className='calendar-button__add' onClick={() => run(weapp ? '已加入日历' : '已下载日程，打开即加入日历')}>
      {added === undefined ? '加入日历' : '已加入日历 · 再次加入'}
    </Button>
  );
}
