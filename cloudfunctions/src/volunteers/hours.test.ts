import { centerDate } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { activityInput, createActivity, ledgerEntriesOf, newMembers, newVolunteers, withRealName } from '../../test/fixtures';

const HOUR = 3600_000;

const pointsOf = async (token: string) =>
  (await call('GET', '/me/points', { token })).body as { balance: number; approvedMinutes: number; entries: any[] };

const earnEntries = async (userId: string) => (await ledgerEntriesOf(userId)).filter((entry) => entry.type === 'EARN');

/** A day in the center's calendar, `days` before today. */
const daysAgo = (days: number) => centerDate(new Date(Date.now() - days * 24 * HOUR));

const declare = (token: string, body: Record<string, unknown> = {}) =>
  call('POST', '/me/service-records', { token, body: { servedOn: daysAgo(1), minutes: 90, note: '社区环保清扫', ...body } });

const recordsOf = async (token: string) => (await call('GET', '/me/service-records', { token })).body.items as Array<{ minutes: number }>;

describe('service hours', () => {
  it('keeps declared hours pending until a coordinator approves them, then pays points once (10 per hour)', async () => {
    const [volunteer] = await newVolunteers(1);
    const { token: coordinator } = await signIn('coordinator');
    const declared = await declare(volunteer!.token);
    expect(declared.status).toBe(201);
    expect(declared.body.record).toMatchObject({ status: 'pending', source: 'declared', minutes: 90 });
    expect((await pointsOf(volunteer!.token)).balance).toBe(0);

    const pending = await call('GET', '/service-records?status=pending&limit=100', { token: coordinator });
    expect(pending.body.items.map((record: { id: string }) => record.id)).toContain(declared.body.record.id);

    const approved = await call('POST', `/service-records/${declared.body.record.id}/decision`, {
      token: coordinator,
      body: { decision: 'approve' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ record: { status: 'approved', points: 15, decidedByName: '李社工' }, balance: 15 });
    const points = await pointsOf(volunteer!.token);
    expect(points).toMatchObject({ balance: 15, approvedMinutes: 90 });
    expect(points.entries[0]).toMatchObject({ type: 'EARN', amount: 15, balanceAfter: 15 });

    const again = await call('POST', `/service-records/${declared.body.record.id}/decision`, {
      token: coordinator,
      body: { decision: 'approve' },
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_DECIDED']);
    expect(await earnEntries(volunteer!.userId)).toHaveLength(1);
  });

  it('pays exactly once when many coordinators approve the same record at the same time', async () => {
    const [volunteer] = await newVolunteers(1);
    const { token: coordinator } = await signIn('coordinator');
    const { record } = (await declare(volunteer!.token, { minutes: 120 })).body;
    const replies = await Promise.all(
      Array.from({ length: 12 }, () =>
        call('POST', `/service-records/${record.id}/decision`, { token: coordinator, body: { decision: 'approve' } }),
      ),
    );
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
    expect(replies.filter((reply) => reply.status === 409)).toHaveLength(11);
    expect(await earnEntries(volunteer!.userId)).toHaveLength(1);
    expect(await pointsOf(volunteer!.token)).toMatchObject({ balance: 20, approvedMinutes: 120 });
  });

  it('does not let coordinators approve their own hours', async () => {
    // A volunteer who became a coordinator declares hours of their own.
    const [volunteer] = await newVolunteers(1);
    await call('PUT', `/users/${volunteer!.userId}/roles/coordinator`, { token: (await signIn('admin')).token });
    const coordinator = volunteer!.token;
    const { record } = (await declare(coordinator)).body;
    const own = await call('POST', `/service-records/${record.id}/decision`, { token: coordinator, body: { decision: 'approve' } });
    expect(own.status).toBe(403);
    const byAdmin = await call('POST', `/service-records/${record.id}/decision`, {
      token: (await signIn('admin')).token,
      body: { decision: 'approve' },
    });
    expect(byAdmin.status).toBe(200);
  });

  it('keeps a refused record with its reason, and pays nothing', async () => {
    const [volunteer] = await newVolunteers(1);
    const { token: coordinator } = await signIn('coordinator');
    const { record } = (await declare(volunteer!.token)).body;
    const refused = await call('POST', `/service-records/${record.id}/decision`, {
      token: coordinator,
      body: { decision: 'refuse', note: '当天无此活动' },
    });
    expect(refused.body.record).toMatchObject({ status: 'refused', decisionNote: '当天无此活动' });
    const mine = await call('GET', '/me/service-records', { token: volunteer!.token });
    expect(mine.body.items).toEqual([expect.objectContaining({ id: record.id, status: 'refused' })]);
    expect((await pointsOf(volunteer!.token)).balance).toBe(0);
    const approveLater = await call('POST', `/service-records/${record.id}/decision`, {
      token: coordinator,
      body: { decision: 'approve' },
    });
    expect(approveLater.status).toBe(409);
  });

  it.each([
    ['minutes', { minutes: 5 }],
    ['note', { note: '' }],
    ['servedOn', { servedOn: '20日' }],
    ['activityId', { activityId: '01NOSUCHACTIVITY' }],
  ])('answers 400 naming %s and records nothing', async (field, body) => {
    const [volunteer] = await newVolunteers(1);
    const reply = await declare(volunteer!.token, body);
    expect([reply.status, reply.body.error.details[0].path]).toEqual([400, field]);
    expect((await call('GET', '/me/service-records', { token: volunteer!.token })).body.items).toEqual([]);
  });

  it('lets only certified volunteers declare hours (an admin passes every role check), and records nothing else', async () => {
    const [member] = await newMembers(1, 'm');
    const refused = await declare(member!.token);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_A_VOLUNTEER']);
    expect(await recordsOf(member!.token)).toEqual([]);
    const { token: coordinator } = await signIn('coordinator');
    expect((await declare(coordinator)).body.error.code).toBe('NOT_A_VOLUNTEER');
    expect((await declare((await signIn('admin')).token)).status).toBe(201);
  });

  it.each([
    ['tomorrow', () => daysAgo(-1)],
    ['a day of 2099', () => '2099-12-31'],
    ['a day of 1900', () => '1900-01-01'],
    ['90 days ago', () => daysAgo(90)],
  ])('refuses to declare %s (400 naming servedOn) and records nothing', async (_, servedOn) => {
    const [volunteer] = await newVolunteers(1);
    const reply = await declare(volunteer!.token, { servedOn: servedOn() });
    expect([reply.status, reply.body.error.code, reply.body.error.details[0].path]).toEqual([400, 'VALIDATION_FAILED', 'servedOn']);
    expect(await recordsOf(volunteer!.token)).toEqual([]);
  });

  it('takes today and the last 90 days, up to 12 hours a day whatever the concurrency (409 DAILY_HOURS_LIMIT)', async () => {
    const [volunteer] = await newVolunteers(1);
    expect((await declare(volunteer!.token, { servedOn: daysAgo(0), minutes: 600 })).status).toBe(201);
    expect((await declare(volunteer!.token, { servedOn: daysAgo(89), minutes: 60 })).status).toBe(201);
    const over = await declare(volunteer!.token, { servedOn: daysAgo(0), minutes: 180 });
    expect([over.status, over.body.error.code, over.body.error.details[0].path]).toEqual([409, 'DAILY_HOURS_LIMIT', 'minutes']);
    expect((await declare(volunteer!.token, { servedOn: daysAgo(0), minutes: 120 })).status).toBe(201);
    expect((await declare(volunteer!.token, { servedOn: daysAgo(0), minutes: 15 })).status).toBe(409);
    expect((await recordsOf(volunteer!.token)).map((record) => record.minutes).sort((a, b) => a - b)).toEqual([60, 120, 600]);

    const [eager] = await newVolunteers(1);
    const replies = await Promise.all(Array.from({ length: 6 }, () => declare(eager!.token, { servedOn: daysAgo(2), minutes: 180 })));
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 201, 201, 201, 409, 409]);
    expect(await recordsOf(eager!.token)).toHaveLength(4);
  });

  it('records a lecturer’s class as approved service once (公益服务换场地)', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const { token: lecturerToken, userId: lecturerId } = await signIn('lecturer');
    const before = (await pointsOf(lecturerToken)).balance;
    const startsAt = new Date(Date.now() - 3 * HOUR).toISOString();
    const endsAt = new Date(Date.now() - HOUR).toISOString();
    const lesson = await createActivity({
      kind: 'class',
      title: '越剧班 第3课',
      startsAt,
      endsAt,
      registrationClosesAt: startsAt,
      cancellationDeadline: startsAt,
    });
    const recorded = await call('POST', '/service-records/teaching', { token: coordinator, body: { activityId: lesson.id, lecturerId } });
    expect(recorded.status).toBe(201);
    expect(recorded.body.record).toMatchObject({ source: 'teaching', status: 'approved', minutes: 120, points: 20 });
    expect((await pointsOf(lecturerToken)).balance).toBe(before + 20);
    const twice = await call('POST', '/service-records/teaching', { token: coordinator, body: { activityId: lesson.id, lecturerId } });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ALREADY_RECORDED']);

    const { userId: memberId } = await signIn('member');
    const notLecturer = await call('POST', '/service-records/teaching', {
      token: coordinator,
      body: { activityId: lesson.id, lecturerId: memberId },
    });
    expect([notLecturer.status, notLecturer.body.error.details[0].path]).toEqual([400, 'lecturerId']);
  });

  it('lets a lecturer declare a class they taught; a coordinator approves it once', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const { token: lecturer, userId: lecturerId } = await signIn('lecturer');
    const startsAt = new Date(Date.now() - 2 * HOUR).toISOString();
    const endsAt = new Date(Date.now() - HOUR / 2).toISOString();
    const lesson = await createActivity({
      kind: 'class',
      title: '国学班 第2课',
      lecturerIds: [lecturerId],
      startsAt,
      endsAt,
      registrationClosesAt: startsAt,
      cancellationDeadline: startsAt,
    });
    const before = (await pointsOf(lecturer)).balance;
    const declared = await call('POST', '/me/teaching', { token: lecturer, body: { activityId: lesson.id } });
    expect([declared.status, declared.body.record.status, declared.body.record.minutes]).toEqual([201, 'pending', 90]);
    expect((await call('POST', '/me/teaching', { token: lecturer, body: { activityId: lesson.id } })).body.error.code).toBe(
      'ALREADY_RECORDED',
    );
    const direct = await call('POST', '/service-records/teaching', { token: coordinator, body: { activityId: lesson.id, lecturerId } });
    expect([direct.status, direct.body.error.code]).toEqual([409, 'ALREADY_RECORDED']);
    await call('POST', `/service-records/${declared.body.record.id}/decision`, { token: coordinator, body: { decision: 'approve' } });
    expect((await pointsOf(lecturer)).balance).toBe(before + 15);

    const { token: member } = await signIn('member');
    expect((await call('POST', '/me/teaching', { token: member, body: { activityId: lesson.id } })).status).toBe(403);
    const future = await createActivity({ kind: 'class' });
    const early = await call('POST', '/me/teaching', { token: lecturer, body: { activityId: future.id } });
    expect([early.status, early.body.error.details[0].path]).toEqual([400, 'activityId']);
  });

  it('takes a teaching declaration from the lecturers the class names only (403 NOT_LECTURER), and none for a class naming nobody', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const { token: lecturer, userId: lecturerId } = await signIn('lecturer');
    const [other] = await newMembers(1, 'lecturer');
    await call('PUT', `/users/${other!.userId}/roles/lecturer`, { token: (await signIn('admin')).token });
    const held = (extra: Record<string, unknown>) =>
      createActivity({
        kind: 'class',
        title: '书法班 第1课',
        startsAt: new Date(Date.now() - 2 * HOUR).toISOString(),
        endsAt: new Date(Date.now() - HOUR).toISOString(),
        registrationClosesAt: new Date(Date.now() - 2 * HOUR).toISOString(),
        cancellationDeadline: new Date(Date.now() - 2 * HOUR).toISOString(),
        ...extra,
      });
    const [othersClass, nobodysClass] = await Promise.all([held({ lecturerIds: [other!.userId] }), held({})]);
    expect(othersClass.lecturerIds).toEqual([other!.userId]);
    for (const lesson of [othersClass, nobodysClass]) {
      const refused = await call('POST', '/me/teaching', { token: lecturer, body: { activityId: lesson.id } });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_LECTURER']);
    }
    const claimed = (await call('GET', '/me/service-records?limit=100', { token: lecturer })).body.items as Array<{ activityId?: string }>;
    expect(claimed.filter((record) => [othersClass.id, nobodysClass.id].includes(record.activityId!))).toEqual([]);
    expect((await call('POST', '/me/teaching', { token: other!.token, body: { activityId: othersClass.id } })).status).toBe(201);
    // A coordinator cannot record it for a lecturer the class does not name either.
    const wrong = await call('POST', '/service-records/teaching', { token: coordinator, body: { activityId: othersClass.id, lecturerId } });
    expect([wrong.status, wrong.body.error.details[0].path]).toEqual([400, 'lecturerId']);

    // A class names lecturers who hold the role; other kinds name none.
    const { userId: memberId } = await signIn('member');
    const notALecturer = await call('POST', '/activities', {
      token: coordinator,
      body: activityInput({ kind: 'class', lecturerIds: [lecturerId, memberId] }),
    });
    expect([notALecturer.status, notALecturer.body.error.details]).toEqual([400, [{ path: 'lecturerIds.1', message: '不是公益讲师' }]]);
    const meeting = await call('POST', '/activities', { token: coordinator, body: activityInput({ lecturerIds: [lecturerId] }) });
    expect([meeting.status, meeting.body.error.details[0].path]).toEqual([400, 'lecturerIds']);
  });

  it('lists approved records on the certificate with the total and the star level', async () => {
    const [volunteer] = await newVolunteers(1);
    const { token: coordinator } = await signIn('coordinator');
    const ids: string[] = [];
    for (const [days, minutes] of [
      [2, 600],
      [3, 600],
    ])
      ids.push((await declare(volunteer!.token, { servedOn: daysAgo(days!), minutes })).body.record.id);
    await declare(volunteer!.token, { minutes: 60 }); // stays pending: not on the certificate
    for (const id of ids) await call('POST', `/service-records/${id}/decision`, { token: coordinator, body: { decision: 'approve' } });
    // A certificate names a real person: refused until the profile has a real name.
    const unnamed = await call('GET', '/me/service-certificate', { token: volunteer!.token });
    expect([unnamed.status, unnamed.body.error.code]).toEqual([409, 'REAL_NAME_REQUIRED']);
    await withRealName(volunteer!.token, '李志强');
    const { certificate } = (await call('GET', '/me/service-certificate', { token: volunteer!.token })).body;
    expect(certificate).toMatchObject({ totalMinutes: 1200, stars: 0, issuer: '和乐党群服务中心', volunteer: { realName: '李志强' } });
    expect(certificate.records).toHaveLength(2);
    expect(certificate.records.every((record: { decidedByName: string }) => record.decidedByName === '李社工')).toBe(true);
  });
});
