import { render, screen } from '@testing-library/react';
import ActivityCard, { isLive, seatsText } from './index';
import { activity } from '../../../test/fixtures';

const HOUR = 3_600_000;
const around = (now: number, startHours: number, endHours: number) =>
  activity({ startsAt: new Date(now + startHours * HOUR).toISOString(), endsAt: new Date(now + endHours * HOUR).toISOString() });

describe('activity card', () => {
  it('says 直播中 only while the activity is under way; after its end it says 活动已结束 alone, though the feed still takes posts', () => {
    const now = Date.now();
    expect(isLive(around(now, 1, 3), new Date(now))).toBe(false);
    expect(isLive(around(now, -1, 1), new Date(now))).toBe(true);
    expect(isLive({ ...around(now, -1, 1), status: 'cancelled' }, new Date(now))).toBe(false);
    const justOver = around(now, -3, -1);
    expect(isLive(justOver, new Date(now))).toBe(false);
    expect(seatsText(justOver, now)).toBe('活动已结束');

    render(<ActivityCard activity={justOver} />);
    expect(screen.getByText('活动已结束')).toBeTruthy();
    expect(screen.queryByText('直播中')).toBeNull();
  });

  it('marks an activity under way 直播中', () => {
    render(<ActivityCard activity={around(Date.now(), -1, 1)} />);
    expect(screen.getByText('直播中')).toBeTruthy();
  });
});
