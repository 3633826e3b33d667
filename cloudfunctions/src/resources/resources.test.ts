import { randomUUID } from 'node:crypto';
import { activityInput, createActivity, newMembers, newVolunteers } from '../../test/fixtures';
import { call, signIn } from '../../test/gateway';

const coordinator = async () => (await signIn('coordinator')).token;

const openCase = async (token: string, extra: Record<string, unknown> = {}) => {
  const reply = await call('POST', '/cases', {
    token,
    body: { title: '独居老人助餐', source: 'visit', description: '走访发现三位独居老人午餐无人照料', requester: '和乐社区', ...extra },
  });
  expect(reply.status).toBe(201);
  return reply.body.case as { id: string; stage: string };
};

const move = (token: string, id: string, to: string, reason?: string) =>
  call('POST', `/cases/${id}/transitions`, { token, body: { to, ...(reason ? { reason } : {}) } });
const saveForm = (token: string, id: string, step: string, body: unknown) => call('PUT', `/cases/${id}/forms/${step}`, { token, body });

/** A verified provider (registered by the coordinator) and one offer of it. */
const offerOf = async (token: string, offer: Record<string, unknown>) => {
  const provider = (await call('POST', '/providers', { token, body: { name: `爱心企业${randomUUID().slice(0, 4)}`, kind: 'company' } }))
    .body.provider;
  const reply = await call('POST', '/offers', { token, body: { providerId: provider.id, ...offer } });
  expect(reply.status).toBe(201);
  return reply.body.offer as { id: string; remaining: number; unit: string };
};

/** A case moved to 计划 with a plan of two goals. */
const plannedCase = async (token: string, extra: Record<string, unknown> = {}) => {
  const { id } = await openCase(token, extra);
  await saveForm(token, id, 'assessment', { notes: '老人行动不便，午餐靠邻居接济', priority: 'high' });
  await move(token, id, 'estimation');
  await saveForm(token, id, 'estimation', { resources: [{ kind: 'goods', description: '午餐盒饭', quantity: 90 }] });
  await move(token, id, 'planning');
  expect(
    (
      await saveForm(token, id, 'planning', {
        goals: ['每天按时吃上午餐', '每周一次上门探访'],
        tasks: [{ text: '联系爱心餐厅', owner: '王社工' }],
      })
    ).status,
  ).toBe(200);
  return id;
};

describe('cases through the social-work process', () => {
  it('walks a need from assessment to evaluation, one step at a time, each step’s form first, all in the history', async () => {
    const token = await coordinator();
    const { id, stage } = await openCase(token);
    expect(stage).toBe('assessment');
    expect((await move(token, id, 'estimation')).body.error.code).toBe('STEP_INCOMPLETE');
    expect((await saveForm(token, id, 'assessment', { notes: '老人行动不便', priority: 'high' })).body.case.forms.assessment.priority).toBe(
      'high',
    );
    expect((await move(token, id, 'planning')).body.error.code).toBe('SKIPS_A_STEP');
    expect((await move(token, id, 'estimation')).body.case.stage).toBe('estimation');
    // A form belongs to its step: the assessment cannot be rewritten from 预估.
    expect((await saveForm(token, id, 'assessment', { notes: '改写评估', priority: 'low' })).body.error.code).toBe('CASE_STAGE');
    await saveForm(token, id, 'estimation', { resources: [{ kind: 'people', description: '送餐志愿者', quantity: 2 }] });
    await move(token, id, 'planning');
    await saveForm(token, id, 'planning', { goals: ['按时吃上午餐', '每周探访'] });
    await move(token, id, 'intervention');
    expect((await move(token, id, 'evaluation')).body.error.code).toBe('STEP_INCOMPLETE');
    expect((await call('POST', `/cases/${id}/log`, { token, body: { text: '爱心餐厅开始每日送餐' } })).status).toBe(201);
    await move(token, id, 'evaluation');
    const halfMeasured = await saveForm(token, id, 'evaluation', { measures: [{ goal: 0, outcome: 'met' }], summary: '午餐问题解决' });
    expect([halfMeasured.status, halfMeasured.body.error.details[0].path]).toEqual([400, 'measures']);
    await saveForm(token, id, 'evaluation', {
      measures: [
        { goal: 0, outcome: 'met' },
        { goal: 1, outcome: 'partly', note: '两周一次' },
      ],
      summary: '午餐问题解决',
    });
    expect((await move(token, id, 'closed')).body.case.stage).toBe('closed');
    expect((await move(token, id, 'intervention')).body.error.code).toBe('REASON_REQUIRED');
    expect((await move(token, id, 'intervention', '老人病情反复，重新介入')).body.case.stage).toBe('intervention');

    const { history } = (await call('GET', `/cases/${id}`, { token })).body;
    expect(
      history.map((event: { kind: string; to?: string; step?: string; move?: string }) =>
        [event.kind, event.to ?? event.step, event.move].filter(Boolean).join(':'),
      ),
    ).toEqual([
      'opened:assessment',
      'form:assessment',
      'moved:estimation:advance',
      'form:estimation',
      'moved:planning:advance',
      'form:planning',
      'moved:intervention:advance',
      'log:intervention',
      'moved:evaluation:advance',
      'form:evaluation',
      'moved:closed:advance',
      'moved:intervention:reopen',
    ]);
    expect(
      (await call('GET', '/cases?stage=intervention&limit=100', { token })).body.items.map((item: { id: string }) => item.id),
    ).toContain(id);
  });

  it('refuses a form that does not fit its step, naming the field, and changes nothing', async () => {
    const token = await coordinator();
    const { id } = await openCase(token);
    const cases: Array<[string, unknown, string]> = [
      ['assessment', { notes: '需求', priority: 'soon' }, 'priority'],
      ['assessment', { priority: 'high' }, 'notes'],
      ['intervention', { text: '日志' }, 'step'],
    ];
    for (const [step, body, field] of cases) {
      const reply = await saveForm(token, id, step, body);
      expect([reply.status, reply.body.error.details[0].path]).toEqual([400, field]);
    }
    const after = (await call('GET', `/cases/${id}`, { token })).body;
    expect([after.case.forms, after.history.length]).toEqual([{}, 1]);
  });
});

describe('needs residents raise themselves (提出需求)', () => {
  it('enters 需求评估 marked 居民提出 for a coordinator, and its raiser (and no one else but coordinators) follows where it stands', async () => {
    const [resident, neighbour] = await newMembers(2, 'need');
    const token = await coordinator();
    const raised = await call('POST', '/me/needs', {
      token: resident!.token,
      body: { what: '家中老人行动不便，需要志愿者每周陪同就医', where: '松台街道和乐社区 3 幢', urgency: 'high', contact: '13800000000' },
    });
    expect(raised.status).toBe(201);
    const need = raised.body.need;
    expect(need).toMatchObject({ where: '松台街道和乐社区 3 幢', urgency: 'high', contact: '13800000000', stage: 'assessment' });

    // The coordinator's 需求评估 list has it, marked as raised by a resident, and assesses it like any case.
    const assessing = (await call('GET', '/cases?stage=assessment&limit=100', { token })).body.items as Array<Record<string, unknown>>;
    expect(assessing.find((item) => item.id === need.id)).toMatchObject({
      source: 'resident',
      raisedBy: resident!.userId,
      location: '松台街道和乐社区 3 幢',
      urgency: 'high',
      description: '家中老人行动不便，需要志愿者每周陪同就医',
    });
    const detail = (await call('GET', `/cases/${need.id}`, { token })).body;
    expect(detail.history[0]).toMatchObject({ kind: 'opened', to: 'assessment', text: '居民提出', actorId: resident!.userId });
    expect((await saveForm(token, need.id, 'assessment', { notes: '需求明确，每周二上午', priority: 'high' })).status).toBe(200);
    expect((await move(token, need.id, 'estimation')).status).toBe(200);

    // The raiser sees it move; a neighbour sees neither the need nor that it exists; coordinators read it.
    expect((await call('GET', '/me/needs', { token: resident!.token })).body.items).toEqual([
      expect.objectContaining({ id: need.id, stage: 'estimation', what: '家中老人行动不便，需要志愿者每周陪同就医' }),
    ]);
    expect((await call('GET', `/needs/${need.id}`, { token: resident!.token })).body.need.stage).toBe('estimation');
    expect((await call('GET', '/me/needs', { token: neighbour!.token })).body.items).toEqual([]);
    const peek = await call('GET', `/needs/${need.id}`, { token: neighbour!.token });
    expect([peek.status, peek.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await call('GET', `/needs/${need.id}`, { token })).body.need.id).toBe(need.id);
    // Only raised needs are needs: a case the coordinator opened is not one, even for its opener.
    const opened = await openCase(token);
    expect((await call('GET', `/needs/${opened.id}`, { token })).status).toBe(404);
    // The raiser cannot reach the coordinator's case routes.
    expect((await call('GET', `/cases/${need.id}`, { token: resident!.token })).status).toBe(403);
  });

  it('is in its raiser’s data export, and closing the account leaves the case without who, where and how to reach them', async () => {
    const [resident] = await newMembers(1, 'needclose');
    const token = await coordinator();
    const { need } = (
      await call('POST', '/me/needs', {
        token: resident!.token,
        body: { what: '需要上门理发', where: '和乐社区 7 幢 301', urgency: 'low', contact: '13900000000' },
      })
    ).body;
    const exported = (await call('GET', '/me/export', { token: resident!.token })).body;
    expect(exported.needs).toEqual([expect.objectContaining({ id: need.id, contact: '13900000000', location: '和乐社区 7 幢 301' })]);
    expect(exported.resources).toEqual([]);
    expect((await call('DELETE', '/me', { token: resident!.token })).status).toBe(200);
    const { case: kept } = (await call('GET', `/cases/${need.id}`, { token })).body;
    expect(kept).toMatchObject({
      description: '需要上门理发',
      raisedByName: '已注销用户',
      requester: '已注销用户',
      contact: '',
      location: '',
    });
  });

  it('refuses a need without what or where, naming the field, and caps the needs one person has waiting', async () => {
    const [resident] = await newMembers(1, 'needy');
    const raise = (body: Record<string, unknown>) => call('POST', '/me/needs', { token: resident!.token, body });
    for (const [body, field] of [
      [{ what: '', where: '和乐社区', urgency: 'low' }, 'what'],
      [{ what: '需要助餐', where: '', urgency: 'low' }, 'where'],
      [{ what: '需要助餐', where: '和乐社区', urgency: 'soon' }, 'urgency'],
      [{ what: '需要助餐', where: '和乐社区', urgency: 'low', contact: 'x'.repeat(41) }, 'contact'],
      [{ what: '需要助餐', where: '和乐社区', urgency: 'low', stage: 'closed' }, ''],
    ] as const) {
      const reply = await raise(body);
      expect(reply.status).toBe(400);
      if (field) expect(reply.body.error.details[0].path).toBe(field);
    }
    expect((await call('GET', '/me/needs', { token: resident!.token })).body.items).toEqual([]);
    for (let i = 0; i < 5; i++) expect((await raise({ what: `需要助餐 ${i}`, where: '和乐社区', urgency: 'low' })).status).toBe(201);
    const sixth = await raise({ what: '需要助餐 5', where: '和乐社区', urgency: 'low' });
    expect([sixth.status, sixth.body.error.code]).toEqual([409, 'TOO_MANY_OPEN_NEEDS']);
    expect((await call('GET', '/me/needs', { token: resident!.token })).body.items).toHaveLength(5);
  });
});

describe('providers, offers and allocation', () => {
  it('lets a provider register and offer; its resources are allocated once verified, and it sees where they went', async () => {
    const token = await coordinator();
    const [donor, stranger] = await newMembers(2, 'donor');
    const provider = (
      await call('POST', '/providers', { token: donor!.token, body: { name: '李阿姨', kind: 'donor', contact: '李阿姨 13800000000' } })
    ).body.provider;
    expect([provider.verified, provider.contactUserId]).toEqual([false, donor!.userId]);
    const offerReply = await call('POST', '/offers', {
      token: donor!.token,
      body: { providerId: provider.id, kind: 'funds', title: '助老餐费', quantity: 50_000 },
    });
    const offer = offerReply.body.offer;
    expect([offer.unit, offer.remaining]).toEqual(['分', 50_000]);
    expect(
      (await call('POST', '/offers', { token: stranger!.token, body: { providerId: provider.id, kind: 'information', title: '政策信息' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await call('POST', '/offers', {
          token: stranger!.token,
          body: { providerId: provider.id, kind: 'information', title: '政策信息', quantity: 1 },
        })
      ).status,
    ).toBe(403);

    const caseId = await plannedCase(token);
    const allocate = (quantity: number) =>
      call('POST', `/cases/${caseId}/allocations`, { token, body: { offerId: offer.id, quantity, note: '九月餐费' } });
    expect((await allocate(20_000)).body.error.code).toBe('PROVIDER_NOT_VERIFIED');
    expect((await call('POST', `/providers/${provider.id}/verification`, { token })).body.provider.verified).toBe(true);
    expect((await allocate(20_000)).status).toBe(201);
    expect((await allocate(30_001)).body.error).toMatchObject({
      code: 'NOT_ENOUGH_REMAINING',
      details: [{ path: 'quantity', message: '最多 30000' }],
    });

    const mine = (await call('GET', '/me/resources', { token: donor!.token })).body;
    expect(mine.providers.map((item: { id: string; verified: boolean }) => [item.id, item.verified])).toEqual([[provider.id, true]]);
    expect(mine.offers.map((item: { id: string; remaining: number }) => [item.id, item.remaining])).toEqual([[offer.id, 30_000]]);
    const went = (await call('GET', `/offers/${offer.id}/allocations`, { token: donor!.token })).body.items;
    expect(went.map((item: { caseTitle: string; quantity: number }) => [item.caseTitle, item.quantity])).toEqual([
      ['独居老人助餐', 20_000],
    ]);
    expect((await call('GET', `/offers/${offer.id}/allocations`, { token: stranger!.token })).status).toBe(404);
    const detail = (await call('GET', `/cases/${caseId}`, { token })).body;
    expect(detail.allocations.map((item: { offerId: string; quantity: number }) => [item.offerId, item.quantity])).toEqual([
      [offer.id, 20_000],
    ]);
    expect(detail.history.at(-1)).toMatchObject({ kind: 'allocated', step: 'planning' });
  });

  it('holds an unverified provider’s offers back from the allocatable list and the figures until it is verified', async () => {
    const token = await coordinator();
    const [donor] = await newMembers(1, 'donor');
    const provider = (await call('POST', '/providers', { token: donor!.token, body: { name: '王老师', kind: 'donor' } })).body.provider;
    const offered = async () =>
      ((await call('GET', '/dashboard', { token })).body.resources as Array<{ kind: string; offers: number; offered: number }>).find(
        (row) => row.kind === 'information',
      )!;
    const listed = async () =>
      ((await call('GET', '/offers?kind=information&limit=100', { token })).body.items as Array<{ id: string }>).map((item) => item.id);
    const before = await offered();
    const reply = await call('POST', '/offers', {
      token: donor!.token,
      body: { providerId: provider.id, kind: 'information', title: '社区政策解读', quantity: 3 },
    });
    expect(reply.status).toBe(201);
    const offer = reply.body.offer;

    expect(await listed()).not.toContain(offer.id);
    expect(await offered()).toEqual(before);
    // The provider still sees what it offered.
    expect((await call('GET', '/me/resources', { token: donor!.token })).body.offers.map((item: { id: string }) => item.id)).toEqual([
      offer.id,
    ]);
    const caseId = await plannedCase(token);
    const refused = await call('POST', `/cases/${caseId}/allocations`, { token, body: { offerId: offer.id, quantity: 1 } });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'PROVIDER_NOT_VERIFIED']);
    // More than remains, from an unverified provider: what is refused is the provider.
    const tooMuch = await call('POST', `/cases/${caseId}/allocations`, { token, body: { offerId: offer.id, quantity: 4 } });
    expect(tooMuch.body.error.code).toBe('PROVIDER_NOT_VERIFIED');

    expect((await call('POST', `/providers/${provider.id}/verification`, { token })).status).toBe(200);
    expect(await listed()).toContain(offer.id);
    expect(await offered()).toEqual({ ...before, offers: before.offers + 1, offered: before.offered + 3 });
    expect((await call('POST', `/cases/${caseId}/allocations`, { token, body: { offerId: offer.id, quantity: 1 } })).status).toBe(201);
    // Verifying again publishes nothing twice.
    expect((await call('POST', `/providers/${provider.id}/verification`, { token })).status).toBe(200);
    expect((await offered()).offers).toBe(before.offers + 1);

    // Offers made after the verification are listed at once.
    const later = await call('POST', '/offers', {
      token: donor!.token,
      body: { providerId: provider.id, kind: 'information', title: '就业信息', quantity: 1 },
    });
    expect(await listed()).toContain(later.body.offer.id);
  });

  it('shows any member the verified providers and their published offers, without contacts or the people behind them', async () => {
    const token = await coordinator();
    const [donor, member] = await newMembers(2, 'directory');
    const company = (
      await call('POST', '/providers', {
        token,
        body: { name: `和乐爱心餐厅${randomUUID().slice(0, 4)}`, kind: 'company', contact: '刘经理 13800000000' },
      })
    ).body.provider;
    const lunch = (
      await call('POST', '/offers', { token, body: { providerId: company.id, kind: 'goods', title: '爱心午餐', quantity: 90, unit: '份' } })
    ).body.offer;
    const waiting = (
      await call('POST', '/providers', { token: donor!.token, body: { name: '赵阿姨', kind: 'donor', contact: '13900000000' } })
    ).body.provider;
    await call('POST', '/offers', {
      token: donor!.token,
      body: { providerId: waiting.id, kind: 'people', title: '陪老人聊天', quantity: 2 },
    });

    const read = async () =>
      (await call('GET', '/resource-directory', { token: member!.token })).body.providers as Array<Record<string, any>>;
    const before = await read();
    expect(before.find((provider) => provider.id === company.id)).toEqual({
      id: company.id,
      name: company.name,
      kind: 'company',
      offers: [{ id: lunch.id, kind: 'goods', title: '爱心午餐', quantity: 90, unit: '份', remaining: 90 }],
    });
    // Not verified yet: neither the provider nor its offer.
    expect(before.map((provider) => provider.id)).not.toContain(waiting.id);
    expect(JSON.stringify(before)).not.toMatch(/13[89]00000000|contactUserId|createdBy/);

    await call('POST', `/providers/${waiting.id}/verification`, { token });
    const after = (await read()).find((provider) => provider.id === waiting.id)!;
    // A private donor shows by surname only.
    expect([after.name, after.offers.map((offer: { title: string }) => offer.title)]).toEqual(['赵**', ['陪老人聊天']]);
  });

  it('keeps out of the directory an offer whose title or time the content check refuses, naming the field', async () => {
    const token = await coordinator();
    const [reader] = await newMembers(1, 'reader');
    // Registered by a coordinator: verified, its offers listed at once.
    const own = (await call('POST', '/providers', { token, body: { name: `爱心超市${randomUUID().slice(0, 4)}`, kind: 'company' } })).body
      .provider;
    const offer = (body: Record<string, unknown>) =>
      call('POST', '/offers', { token, body: { providerId: own.id, kind: 'people', quantity: 2, ...body } });
    const title = await offer({ title: '代开发票' });
    expect([title.status, title.body.error.code, title.body.error.details[0].path]).toEqual([422, 'CONTENT_REJECTED', 'title']);
    const when = await offer({ title: '陪老人聊天', availability: '每周六 刷单返利' });
    expect([when.status, when.body.error.details[0].path]).toEqual([422, 'availability']);
    const directory = (await call('GET', '/resource-directory', { token: reader!.token })).body.providers as Array<{
      id: string;
      offers: unknown[];
    }>;
    expect(directory.find((entry) => entry.id === own.id)?.offers ?? []).toEqual([]);
  });

  it('never allocates more than was offered, however many coordinators allocate at once', async () => {
    const token = await coordinator();
    const offer = await offerOf(token, { kind: 'goods', title: '米面油礼包', quantity: 25, unit: '份' });
    const caseIds = await Promise.all([plannedCase(token), plannedCase(token), plannedCase(token)]);
    const asks = Array.from({ length: 40 }, (_, i) => ({ caseId: caseIds[i % 3]!, quantity: (i % 3) + 1 }));
    const replies = await Promise.all(
      asks.map(({ caseId, quantity }) => call('POST', `/cases/${caseId}/allocations`, { token, body: { offerId: offer.id, quantity } })),
    );
    const granted = replies.filter((reply) => reply.status === 201).map((reply) => reply.body.allocation.quantity as number);
    const refused = replies.filter((reply) => reply.status !== 201);
    const refusedAsks = asks.filter((_, i) => replies[i]!.status !== 201).map((ask) => ask.quantity);
    expect(refused.every((reply) => reply.status === 409 && reply.body.error.code === 'NOT_ENOUGH_REMAINING')).toBe(true);
    const total = granted.reduce((sum, quantity) => sum + quantity, 0);
    // 40 asks of 1–3 (80 in all) for 25.
    expect(total).toBeLessThanOrEqual(25);
    const remaining = (await call('GET', '/offers?kind=goods&limit=100', { token })).body.items.find(
      (item: { id: string }) => item.id === offer.id,
    ).remaining;
    expect(remaining).toBe(25 - total);
    // Each refused ask met less than it asked for, and what remains only shrank since.
    expect(remaining).toBeLessThan(Math.min(...refusedAsks));
    const recorded = (await call('GET', `/offers/${offer.id}/allocations`, { token })).body.items as Array<{ quantity: number }>;
    expect(recorded.reduce((sum, item) => sum + item.quantity, 0)).toBe(total);
  });

  it('allocates only during planning and intervention, once per Idempotency-Key, and refuses bad input by field', async () => {
    const token = await coordinator();
    const offer = await offerOf(token, { kind: 'people', title: '送餐志愿者', quantity: 5 });
    expect(offer.unit).toBe('人');
    const { id: early } = await openCase(token);
    expect((await call('POST', `/cases/${early}/allocations`, { token, body: { offerId: offer.id, quantity: 1 } })).body.error.code).toBe(
      'CASE_STAGE',
    );

    const caseId = await plannedCase(token);
    const headers = { 'Idempotency-Key': randomUUID() };
    const first = await call('POST', `/cases/${caseId}/allocations`, { token, headers, body: { offerId: offer.id, quantity: 2 } });
    const again = await call('POST', `/cases/${caseId}/allocations`, { token, headers, body: { offerId: offer.id, quantity: 2 } });
    expect([first.status, again.status, again.body.allocation.id]).toEqual([201, 201, first.body.allocation.id]);

    const bad: Array<[string, string, unknown, string]> = [
      ['POST', `/cases/${caseId}/allocations`, { offerId: offer.id, quantity: 0 }, 'quantity'],
      ['POST', `/cases/${caseId}/allocations`, { offerId: offer.id, quantity: 1.5 }, 'quantity'],
      ['POST', `/cases/${caseId}/allocations`, { offerId: '01MISSINGOFFER', quantity: 1 }, 'offerId'],
      ['POST', '/offers', { providerId: '01NOPROVIDER', kind: 'goods', title: '大米', quantity: 3 }, 'unit'],
      ['POST', '/offers', { providerId: '01NOPROVIDER', kind: 'funds', title: '善款', quantity: 100, unit: '元' }, 'unit'],
      ['POST', '/offers', { providerId: '01NOPROVIDER', kind: 'goods', title: '大米', quantity: 3, unit: '袋' }, 'providerId'],
      ['POST', '/providers', { name: '某', kind: 'company' }, 'name'],
      ['POST', '/providers', { name: '某某公司', kind: 'bank' }, 'kind'],
      ['POST', '/cases', { title: '助餐', source: 'visit', description: '' }, 'description'],
      ['POST', `/cases/${caseId}/transitions`, { to: 'done' }, 'to'],
    ];
    for (const [method, path, body, field] of bad) {
      const reply = await call(method, path, { token, body });
      expect([path, reply.status, reply.body.error.details[0].path]).toEqual([path, 400, field]);
    }
    const left = (await call('GET', `/offers/${offer.id}/allocations`, { token })).body.items;
    expect(left.map((item: { quantity: number }) => item.quantity)).toEqual([2]);
  });
});

describe('the dashboard’s cases and resources', () => {
  it('counts cases per stage and what was offered and allocated, as the writes happen', async () => {
    const token = await coordinator();
    const figures = async () => {
      const { cases, resources } = (await call('GET', '/dashboard', { token })).body as {
        cases: Array<{ stage: string; count: number }>;
        resources: Array<{ kind: string; offers: number; offered: number; allocations: number; allocated: number }>;
      };
      return {
        stages: Object.fromEntries(cases.map((row) => [row.stage, row.count])),
        kinds: Object.fromEntries(resources.map(({ kind, ...row }) => [kind, row])),
      };
    };
    const before = await figures();
    const goods = await offerOf(token, { kind: 'goods', title: '米面油礼包', quantity: 25, unit: '份' });
    const funds = await offerOf(token, { kind: 'funds', title: '助老餐费', quantity: 50_000 });
    await openCase(token);
    const planned = await plannedCase(token);
    await call('POST', `/cases/${planned}/allocations`, { token, body: { offerId: goods.id, quantity: 10 } });
    await call('POST', `/cases/${planned}/allocations`, { token, body: { offerId: funds.id, quantity: 20_000 } });
    // Refused allocations count nothing.
    expect((await call('POST', `/cases/${planned}/allocations`, { token, body: { offerId: goods.id, quantity: 16 } })).status).toBe(409);
    const after = await figures();

    const moved = (stage: string) => after.stages[stage]! - before.stages[stage]!;
    expect(['assessment', 'estimation', 'planning', 'intervention', 'evaluation', 'closed'].map(moved)).toEqual([1, 0, 1, 0, 0, 0]);
    const grew = (kind: string) =>
      Object.fromEntries(
        Object.entries(after.kinds[kind]!).map(([figure, value]) => [figure, value - before.kinds[kind]![figure as 'offers']]),
      );
    expect(grew('goods')).toEqual({ offers: 1, offered: 25, allocations: 1, allocated: 10 });
    expect(grew('funds')).toEqual({ offers: 1, offered: 50_000, allocations: 1, allocated: 20_000 });
    expect(grew('people')).toEqual({ offers: 0, offered: 0, allocations: 0, allocated: 0 });

    const csv = (await call('GET', '/dashboard/export?table=resources', { token })).body as string;
    expect(csv).toContain(`资金,${after.kinds.funds!.offers},`);
  });
});

describe('projects', () => {
  it('gather their activities’ check-ins and service time, their cases and allocations; categories add their projects up', async () => {
    const token = await coordinator();
    const created = await call('POST', '/projects', {
      token,
      body: { name: `公益黄手环${randomUUID().slice(0, 4)}`, category: 'elderly', description: '为认知障碍老人佩戴黄手环' },
    });
    expect(created.status).toBe(201);
    const project = created.body.project as { id: string; figures: Record<string, number> };
    expect(project.figures).toEqual({ checkIns: 0, serviceMinutes: 0, cases: 0, allocations: 0 });

    const now = Date.now();
    const [startsAt, endsAt] = [new Date(now - 10 * 60_000).toISOString(), new Date(now + 60 * 60_000).toISOString()];
    const activity = await createActivity({
      projectId: project.id,
      startsAt,
      endsAt,
      registrationClosesAt: endsAt,
      cancellationDeadline: endsAt,
    });
    expect(activity.projectId).toBe(project.id);
    const walkers = await newVolunteers(2, 'walker');
    for (const walker of walkers)
      expect((await call('POST', `/activities/${activity.id}/registrations`, { token: walker.token })).status).toBe(201);
    const { code } = (await call('GET', `/activities/${activity.id}/check-in-code`, { token })).body;
    for (const walker of walkers)
      expect((await call('POST', `/activities/${activity.id}/check-ins`, { token: walker.token, body: { code } })).status).toBe(201);
    const declared = await call('POST', '/me/service-records', {
      token: walkers[0]!.token,
      body: { activityId: activity.id, servedOn: startsAt.slice(0, 10), minutes: 60, note: '陪同老人散步' },
    });
    expect(
      (await call('POST', `/service-records/${declared.body.record.id}/decision`, { token, body: { decision: 'approve' } })).status,
    ).toBe(200);

    const caseId = await plannedCase(token, { projectId: project.id });
    const offer = await offerOf(token, { kind: 'goods', title: '黄手环', quantity: 30, unit: '个' });
    expect((await call('POST', `/cases/${caseId}/allocations`, { token, body: { offerId: offer.id, quantity: 12 } })).status).toBe(201);

    const listed = (await call('GET', '/projects', { token: walkers[1]!.token })).body.items.find(
      (item: { id: string }) => item.id === project.id,
    );
    expect(listed.figures).toEqual({ checkIns: 2, serviceMinutes: 60, cases: 1, allocations: 1 });
    const dashboard = (await call('GET', '/dashboard', { token })).body as {
      projects: Array<Record<string, number | string>>;
      categories: Array<Record<string, number | string>>;
    };
    expect(dashboard.projects.find((row) => row.id === project.id)).toMatchObject({
      checkIns: 2,
      serviceMinutes: 60,
      cases: 1,
      allocations: 1,
    });
    const elderly = dashboard.projects.filter((row) => row.category === 'elderly');
    expect(dashboard.categories.find((row) => row.category === 'elderly')).toEqual({
      category: 'elderly',
      projects: elderly.length,
      ...Object.fromEntries(
        (['checkIns', 'serviceMinutes', 'cases', 'allocations'] as const).map((figure) => [
          figure,
          elderly.reduce((sum, row) => sum + Number(row[figure]), 0),
        ]),
      ),
    });
  });

  it('refuses a project, an activity or a case that names what does not exist, by field', async () => {
    const token = await coordinator();
    const bad: Array<[string, unknown, string]> = [
      ['/projects', { name: '铅笔花校园行', category: 'sports' }, 'category'],
      ['/projects', { name: '铅', category: 'youth' }, 'name'],
      ['/activities', activityInput({ projectId: '01NOPROJECT' }), 'projectId'],
      ['/cases', { title: '助餐', source: 'visit', description: '老人午餐', projectId: '01NOPROJECT' }, 'projectId'],
    ];
    for (const [path, body, field] of bad) {
      const reply = await call('POST', path, { token, body });
      expect([path, reply.status, reply.body.error.details[0].path]).toEqual([path, 400, field]);
    }
  });
});
