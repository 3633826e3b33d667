import { calendarUid } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { createActivity, futureTimes, newMembers } from '../../test/fixtures';

/** The unfolded property lines of an .ics file, as a map of the ones that occur once. */
const properties = (text: string) =>
  Object.fromEntries(
    text
      .replace(/\r\n /g, '')
      .split('\r\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
  );

const calendarOf = (id: string, token: string) => call('GET', `/activities/${id}/calendar`, { token });

describe('加入日历: an activity as a calendar event', () => {
  it('is an .ics with a stable UID whose SEQUENCE rises when the activity moves; the registered are told', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const activity = await createActivity({ publish: true, title: '主题党日：走进红色教育基地' });
    const [member, bystander] = await newMembers(2, 'cal');
    await call('POST', `/activities/${activity.id}/registrations`, { token: member!.token });

    const first = await calendarOf(activity.id, member!.token);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(decodeURIComponent(first.headers['content-disposition']!)).toContain('主题党日：走进红色教育基地.ics');
    const before = properties(first.body);
    expect(before).toMatchObject({
      UID: calendarUid(activity.id),
      SEQUENCE: '0',
      STATUS: 'CONFIRMED',
      SUMMARY: '主题党日：走进红色教育基地',
      LOCATION: '和乐党群服务中心 2 楼',
      DTSTART: String(activity.startsAt)
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, ''),
    });
    expect(before.URL).toMatch(new RegExp(`/#/activity/detail/index\\?id=${activity.id}$`));

    // An edit that does not move it (capacity) leaves the event as it is.
    await call('PATCH', `/activities/${activity.id}`, { token: coordinator, body: { capacity: 20 } });
    expect(properties((await calendarOf(activity.id, member!.token)).body).SEQUENCE).toBe('0');
    expect((await call('GET', `/activities/${activity.id}`, { token: member!.token })).body.activity.scheduleRevision).toBeUndefined();

    const later = futureTimes(72, 3);
    const moved = await call('PATCH', `/activities/${activity.id}`, {
      token: coordinator,
      body: { ...later, venue: '和乐党群服务中心 3 楼' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.activity.scheduleRevision).toBe(1);
    const after = properties((await calendarOf(activity.id, member!.token)).body);
    expect(after).toMatchObject({
      UID: calendarUid(activity.id),
      SEQUENCE: '1',
      LOCATION: '和乐党群服务中心 3 楼',
      DTSTART: new Date(later.startsAt)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, ''),
    });

    // The registered person is told, with a word about the calendar; someone not registered is not.
    const inbox = (await call('GET', '/me/messages', { token: member!.token })).body.items;
    expect(inbox[0]).toMatchObject({ kind: 'activity_changed', activityId: activity.id, title: '活动时间地点有变' });
    expect(inbox[0].body).toContain('更新日历');
    expect((await call('GET', '/me/messages', { token: bystander!.token })).body.items).toEqual([]);
  });

  it('says STATUS:CANCELLED with a higher SEQUENCE once the activity is cancelled', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const activity = await createActivity({ publish: true });
    const [member] = await newMembers(1, 'cal');
    await call('POST', `/activities/${activity.id}/registrations`, { token: member!.token });
    await call('POST', `/activities/${activity.id}/cancel`, { token: coordinator });
    const cancelled = properties((await calendarOf(activity.id, member!.token)).body);
    expect(cancelled).toMatchObject({ UID: calendarUid(activity.id), SEQUENCE: '1', STATUS: 'CANCELLED' });
    expect(cancelled.SUMMARY).toMatch(/^【已取消】/);
    expect(Object.keys(cancelled)).not.toContain('TRIGGER');
  });

  it('is not there for a draft, except for coordinators, nor for an activity nobody made', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const draft = await createActivity({ publish: false });
    const [member] = await newMembers(1, 'cal');
    expect((await calendarOf(draft.id, member!.token)).status).toBe(404);
    expect((await calendarOf(draft.id, coordinator)).status).toBe(200);
    expect((await calendarOf('01NOSUCHACTIVITY', member!.token)).status).toBe(404);
  });
});
