import { checkInPeriod } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { createActivity, newMembers, registerAndCheckIn } from '../../test/fixtures';
import type { Principal } from '../lib/principal';
import { issueCheckIn } from '../domain/activities/check-in-code';
import { activityRepository } from '../domain/activities/repository';
import { attendanceService } from './handler';

const MINUTE = 60_000;

/** A service activity that began 5 minutes ago and runs 60 more: 65 minutes long. */
const serviceUnderWay = () => {
  const startsAt = new Date(Date.now() - 5 * MINUTE).toISOString();
  const endsAt = new Date(Date.now() + 60 * MINUTE).toISOString();
  return createActivity({
    kind: 'service',
    title: '公益黄手环 陪伴老人',
    startsAt,
    endsAt,
    registrationClosesAt: endsAt,
    cancellationDeadline: endsAt,
  });
};

/** The attendance service as it runs `minutesLater`, and the code its screen shows then. */
const later = async (activityId: string, minutesLater: number) => {
  const at = new Date(Date.now() + minutesLater * MINUTE);
  const service = attendanceService(() => at);
  const { checkInSecret } = (await activityRepository.getActivity(activityId))!;
  return { service, code: issueCheckIn(checkInSecret!, activityId, checkInPeriod(at)).code };
};

const checkedInVolunteer = async (activityId: string) => {
  const [user] = await newMembers(1, 'v');
  expect((await registerAndCheckIn(activityId, user!.token)).status).toBe(201);
  const principal: Principal = { id: user!.userId, nickname: user!.name, roles: ['member', 'volunteer'] };
  return { user: user!, principal };
};

describe('sign-out of a service activity', () => {
  it('counts the time from check-in and writes a pending record when it covers 60% of the activity', async () => {
    const activity = await serviceUnderWay();
    const { principal } = await checkedInVolunteer(activity.id);
    const { service, code } = await later(activity.id, 50);
    const result = await service.signOut(activity.id, { code }, principal);
    expect(result.counted).toBe(true);
    expect(result.minutes).toBeGreaterThanOrEqual(49);
    expect(result.record).toMatchObject({ status: 'pending', source: 'check_in', minutes: result.minutes, activityId: activity.id });
    expect(result.registration.signedOutAt).toBeTruthy();
    await expect(service.signOut(activity.id, { code }, principal)).rejects.toMatchObject({ statusCode: 409, code: 'ALREADY_SIGNED_OUT' });
  });

  it('asks to confirm an early sign-out, then records it without service', async () => {
    const activity = await serviceUnderWay();
    const { user } = await checkedInVolunteer(activity.id);
    const { token } = await signIn('coordinator');
    const { code } = (await call('GET', `/activities/${activity.id}/check-in-code`, { token })).body;
    const unconfirmed = await call('POST', `/activities/${activity.id}/sign-outs`, { token: user.token, body: { code } });
    expect([unconfirmed.status, unconfirmed.body.error.code, unconfirmed.body.error.details[0].path]).toEqual([
      409,
      'SIGN_OUT_EARLY',
      'early',
    ]);
    expect((await activityRepository.getRegistration(activity.id, user.userId))?.signedOutAt).toBeUndefined();
    const reply = await call('POST', `/activities/${activity.id}/sign-outs`, { token: user.token, body: { code, early: true } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ counted: false, record: null });
    const mine = await call('GET', '/me/service-records', { token: user.token });
    expect(mine.body.items).toEqual([]);
  });

  it('refuses sign-out before check-in, on other kinds of activity, and with a wrong code', async () => {
    const activity = await serviceUnderWay();
    const [stranger] = await newMembers(1);
    await call('POST', `/activities/${activity.id}/registrations`, { token: stranger!.token });
    const notIn = await call('POST', `/activities/${activity.id}/sign-outs`, { token: stranger!.token, body: { code: '123456' } });
    expect([notIn.status, notIn.body.error.code]).toEqual([409, 'NOT_CHECKED_IN']);

    const { user } = await checkedInVolunteer(activity.id);
    const wrong = await call('POST', `/activities/${activity.id}/sign-outs`, { token: user.token, body: { code: 'abc' } });
    expect([wrong.status, wrong.body.error.details[0].path]).toEqual([400, 'code']);

    const endsAt = new Date(Date.now() + 60 * MINUTE).toISOString();
    const meeting = await createActivity({
      startsAt: new Date(Date.now() - 5 * MINUTE).toISOString(),
      endsAt,
      registrationClosesAt: endsAt,
      cancellationDeadline: endsAt,
    });
    const onMeeting = await call('POST', `/activities/${meeting.id}/sign-outs`, { token: user.token, body: { code: '123456' } });
    expect([onMeeting.status, onMeeting.body.error.code]).toEqual([409, 'NOT_A_SERVICE_ACTIVITY']);
  });
});
