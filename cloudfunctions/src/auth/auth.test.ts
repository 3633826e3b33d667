import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT } from 'jose';
import { call, signIn, uniqueName } from '../../test/gateway';
import { withEnv } from '../../test/fixtures';
import { doc } from '../lib/db';
import { issueSessionToken } from '../lib/session';
import { userIdFor } from './repository';
import { tableName } from '../lib/tables';

const userExists = async (openid: string) =>
  (await doc.send(new GetCommand({ TableName: tableName('USERS_TABLE'), Key: { id: userIdFor(openid) }, ConsistentRead: true }))).Item !==
  undefined;

describe('POST /auth/login', () => {
  it('signs in a seeded dev user with the roles of the users table', async () => {
    const reply = await call('POST', '/auth/login', { body: { code: 'dev:coordinator' } });
    expect(reply.status).toBe(200);
    expect(reply.body.user).toEqual({ id: userIdFor('dev:coordinator'), nickname: '李社工', roles: ['member', 'coordinator'] });
    expect(typeof reply.body.token).toBe('string');
    expect(reply.headers['x-request-id']).toBeTruthy();
  });

  it('makes any other dev name a new plain member, once, even when two sign in at once', async () => {
    const name = uniqueName('newbie');
    const replies = await Promise.all([1, 2, 3].map(() => call('POST', '/auth/login', { body: { code: `dev:${name}` } })));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200]);
    expect(new Set(replies.map((reply) => reply.body.user.id)).size).toBe(1);
    expect(replies[0]!.body.user).toMatchObject({ nickname: name, roles: ['member'] });
  });

  it.each([
    ['no body', undefined, 'code'],
    ['an empty code', { code: '' }, 'code'],
    ['a number', { code: 42 }, 'code'],
    ['a bad dev name', { code: 'dev:Not Allowed!' }, 'code'],
    ['a code too long', { code: 'x'.repeat(500) }, 'code'],
  ])('answers 400 naming the field for %s', async (_, body, field) => {
    const reply = await call('POST', '/auth/login', { body });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    expect(reply.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
  });

  it('answers 400 MALFORMED_JSON for a body that is not JSON', async () => {
    const reply = await call('POST', '/auth/login', { rawBody: '{"code":' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('MALFORMED_JSON');
  });

  it('answers 413 for a body above the limit, without a stack trace', async () => {
    const reply = await call('POST', '/auth/login', { rawBody: JSON.stringify({ code: 'a'.repeat(70_000) }) });
    expect(reply.status).toBe(413);
    expect(reply.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
  });

  it('refuses the dev path on any stage but local, and creates no user', async () => {
    const name = uniqueName('intruder');
    await withEnv({ STAGE: 'prod' }, async () => {
      const reply = await call('POST', '/auth/login', { body: { code: `dev:${name}` } });
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toBe('DEV_LOGIN_DISABLED');
    });
    expect(await userExists(`dev:${name}`)).toBe(false);
  });

  describe('with WeChat code2Session', () => {
    let server: http.Server;
    let apiBase: string;
    const seen: URLSearchParams[] = [];

    beforeAll(async () => {
      // A stand-in for api.weixin.qq.com on loopback: the production client really talks HTTP to it.
      server = http.createServer((req, res) => {
        const url = new URL(req.url!, 'http://wechat');
        seen.push(url.searchParams);
        const code = url.searchParams.get('js_code');
        res.setHeader('content-type', 'application/json');
        if (url.pathname !== '/sns/jscode2session') res.end(JSON.stringify({ errcode: 404 }));
        else if (code === 'used-code') res.end(JSON.stringify({ errcode: 40163, errmsg: 'code been used' }));
        else if (code === 'busy') res.end(JSON.stringify({ errcode: 45011, errmsg: 'api minute-quota reach limit' }));
        else res.end(JSON.stringify({ openid: `openid-${code}`, session_key: 'SECRET-SESSION-KEY' }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const wechatEnv = () => ({ STAGE: 'prod', WECHAT_API_BASE: apiBase, WECHAT_APP_ID: 'wx-app', WECHAT_APP_SECRET: 'wx-secret' });

    it('exchanges the code for an openid and never returns the session_key', async () => {
      const code = uniqueName('wx');
      await withEnv(wechatEnv(), async () => {
        const reply = await call('POST', '/auth/login', { body: { code } });
        expect(reply.status).toBe(200);
        expect(reply.body.user).toMatchObject({ id: userIdFor(`openid-${code}`), nickname: '微信用户', roles: ['member'] });
        expect(JSON.stringify(reply.body)).not.toContain('SECRET-SESSION-KEY');
      });
      const last = seen.at(-1)!;
      expect([last.get('appid'), last.get('secret'), last.get('grant_type')]).toEqual(['wx-app', 'wx-secret', 'authorization_code']);
    });

    it('answers 401 INVALID_LOGIN_CODE for a used code and 429 when WeChat limits the rate', async () => {
      await withEnv(wechatEnv(), async () => {
        const used = await call('POST', '/auth/login', { body: { code: 'used-code' } });
        expect([used.status, used.body.error.code]).toEqual([401, 'INVALID_LOGIN_CODE']);
        const busy = await call('POST', '/auth/login', { body: { code: 'busy' } });
        expect(busy.status).toBe(429);
      });
    });
  });
});

describe('session token', () => {
  it('lets GET /me through with a valid token', async () => {
    const { token } = await signIn('member');
    const reply = await call('GET', '/me', { token });
    expect(reply.status).toBe(200);
    expect(reply.body.user.nickname).toBe('陈党员');
  });

  it('answers 401 without a token, with a tampered one, one of another key, and an expired one', async () => {
    const { token, userId } = await signIn('member');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: userIdFor('dev:admin') }),
    ).toString('base64url');
    const otherKey = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('hele-center')
      .setAudience('local')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    const expired = await issueSessionToken({ id: userId, nickname: 'expired' }, new Date(Date.now() - 3 * 60 * 60 * 1000));

    const replies = await Promise.all([
      call('GET', '/me'),
      call('GET', '/me', { token: `${header}.${forgedPayload}.${signature}` }),
      call('GET', '/me', { token: otherKey }),
      call('GET', '/me', { token: expired }),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([401, 401, 401, 401]);
    expect(replies[3]!.body.error.code).toBe('TOKEN_EXPIRED');
  });

  it('answers 401 UNAUTHENTICATED for a token signed with our key but without an expiry or a string subject', async () => {
    const { userId } = await signIn('member');
    /** A token of our own key and stage with these claims, as a leaked key or a past bug could make. */
    const ours = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('hele-center')
        .setAudience('local')
        .sign(new TextEncoder().encode(process.env.JWT_SECRET));
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    const tokens = await Promise.all([
      ours({ sub: userId }),
      ours({ sub: 42, exp: inAnHour }),
      ours({ sub: { id: userId }, exp: inAnHour }),
      ours({ exp: inAnHour }),
      ours({ sub: userId, exp: 'tomorrow' }),
    ]);
    const replies = await Promise.all(tokens.map((token) => call('GET', '/me', { token })));
    expect(replies.map((reply) => [reply.status, reply.body.error?.code])).toEqual(tokens.map(() => [401, 'UNAUTHENTICATED']));
    // The same key with both claims is accepted: the refusals above are the claims'.
    expect((await call('GET', '/me', { token: await ours({ sub: userId, exp: inAnHour }) })).status).toBe(200);
  });
});

describe('GET /health', () => {
  it('answers 200 { ok: true } once the tables are reachable', async () => {
    const reply = await call('GET', '/health');
    expect(reply).toMatchObject({ status: 200, body: { ok: true } });
  });
});
