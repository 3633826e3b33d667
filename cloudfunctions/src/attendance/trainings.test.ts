import { call, signIn } from '../../test/gateway';
import { activityInput, createActivity, futureTimes, newMembers } from '../../test/fixtures';

const MINUTE = 60_000;

describe('academy trainings required before service', () => {
  it('refuses registration for a service that needs a training until the volunteer has checked in at one', async () => {
    const endsAt = new Date(Date.now() + 90 * MINUTE).toISOString();
    const training = await createActivity({
      kind: 'training',
      title: '志愿者学院 · 应急抢救培训',
      trainingTopic: 'first_aid',
      startsAt: new Date(Date.now() - 10 * MINUTE).toISOString(),
      endsAt,
      registrationClosesAt: endsAt,
      cancellationDeadline: endsAt,
    });
    const outing = await createActivity({
      kind: 'service',
      title: '公益黄手环 · 社区老人走访',
      requiredTraining: 'first_aid',
      ...futureTimes(72),
    });
    expect(outing.requiredTraining).toBe('first_aid');
    const [volunteer] = await newMembers(1, 'v');

    const refused = await call('POST', `/activities/${outing.id}/registrations`, { token: volunteer!.token });
    expect([refused.status, refused.body.error.code, refused.body.error.details[0]]).toEqual([
      409,
      'TRAINING_REQUIRED',
      { path: 'requiredTraining', message: '应急抢救' },
    ]);

    await call('POST', `/activities/${training.id}/registrations`, { token: volunteer!.token });
    const { token: coordinator } = await signIn('coordinator');
    const { code } = (await call('GET', `/activities/${training.id}/check-in-code`, { token: coordinator })).body;
    expect((await call('POST', `/activities/${training.id}/check-ins`, { token: volunteer!.token, body: { code } })).status).toBe(201);
    const completed = (await call('GET', '/me/trainings', { token: volunteer!.token })).body.items;
    expect(completed).toEqual([expect.objectContaining({ topic: 'first_aid', activityId: training.id })]);

    expect((await call('POST', `/activities/${outing.id}/registrations`, { token: volunteer!.token })).status).toBe(201);
  });

  it.each([
    ['a topic on a meeting', { kind: 'meeting', trainingTopic: 'first_aid' }, 'trainingTopic'],
    ['a requirement on a class', { kind: 'class', requiredTraining: 'etiquette' }, 'requiredTraining'],
    ['an unknown topic', { kind: 'service', requiredTraining: 'swimming' }, 'requiredTraining'],
  ])('refuses %s naming the field', async (_, fields, path) => {
    const { token } = await signIn('coordinator');
    const reply = await call('POST', '/activities', { token, body: activityInput(fields) });
    expect([reply.status, reply.body.error.details[0].path]).toEqual([400, path]);
  });

  it('refuses a requirement added to a meeting by an edit', async () => {
    const meeting = await createActivity();
    const { token } = await signIn('coordinator');
    const reply = await call('PATCH', `/activities/${meeting.id}`, { token, body: { requiredTraining: 'first_aid' } });
    expect([reply.status, reply.body.error.details[0].path]).toEqual([400, 'requiredTraining']);
  });
});
