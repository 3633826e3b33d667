/**
 * The reminder button for either build: the native component on weapp (the subscribe prompt
 * needs a real tap), a plain button on H5 (in-app reminder only).
 */
import { Button } from '@/ui';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'reminder-button': Record<string, unknown>;
    }
  }
}

export interface ReminderResult {
  accepted: boolean;
}

export default function ReminderButton({ subscribed, onResult }: { subscribed: boolean; onResult: (result: ReminderResult) => void }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <reminder-button
        template={process.env.TARO_APP_REMINDER_TEMPLATE_ID}
        subscribed={subscribed}
        onResult={(event: { detail: ReminderResult }) => onResult(event.detail)}
      />
    );
  }
  return (
    <Button block disabled={subscribed} className='reminder-button' onClick={() => onResult({ accepted: true })}>
      {subscribed ? '已设置提醒' : '开始前提醒我'}
    </Button>
  );
}
