/**
 * A registration takes its caller from the session token instead of reading the users table first
 * (lib/http `decidedOnToken`), and its transaction checks what the token says: against the real local
 * database, what the token may be out of date on (nickname, branch, the account itself) is always decided on
 * the user's record.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT } from 'jose';
import { registrationsRoutes } from '@hele/shared/contract/registrations';
import { call, signIn } from '../../test/gateway';
import { createActivity, newBranch, newMembers } from '../../test/fixtures';
import { env } from '../lib/config';
import { doc, transactNamed } from '../lib/db';
import { createHttpHandler } from '../lib/http';
import { userItems } from '../lib/principal';
import { tableName } from '../lib/tables';

const register = (activityId: string, token: string) => call('POST', `/activities/${activityId}/registrations`, { token });
const stored = async (activityId: string, userId: string) =>
  (await doc.send(new GetCommand({ TableName: tableName('REGISTRATIONS_TABLE'), Key: { activityId, userId }, ConsistentRead: true }))).Item;
const roundTrips = (headers: Record<string, string>) => Number(headers['x-dynamodb-cost']!.split(';')[0]);

describe('a registration decided on the session token', () => {
  it('takes the nickname the token carries, and the nickname of the record when it changed since sign-in', async () => {
    const activity = await createActivity({ capacity: 5 });
    const [kept, renamed] = await newMembers(2, 'token');
    const first = await register(activity.id, kept!.token);
    expect([first.status, first.body.registration.nickname]).toEqual([201, kept!.name]);

    expect((await call('PATCH', '/me', { token: renamed!.token, body: { nickname: '改过的名字' } })).status).toBe(200);
    const second = await register(activity.id, renamed!.token);
    expect([second.status, second.body.registration.nickname]).toEqual([201, '改过的名字']);
    expect((await stored(activity.id, renamed!.userId))?.nickname).toBe('改过的名字');
    // Deciding again on the record costs its read: the checked transaction, then the read and the write again.
    expect(roundTrips(first.headers)).toBeLessThan(roundTrips(second.headers));
  });

  it('admits to a branch-only meeting on the branch of the record, whatever the token says', async () => {
    // The members signed in before they joined: their tokens name no branch.
    const { branch, members } = await newBranch(2);
    const [joined, leaving] = members;
    const meeting = await createActivity({ branchId: branch, branchOnly: true });
    expect((await register(meeting.id, joined!.token)).status).toBe(201);

    // Signed in on the branch, then taken off it: the token says the branch, the record no longer does.
    const { token: onBranch } = await signIn(leaving!.name);
    expect(await transactNamed(doc, [{ name: 'off', item: userItems.takeOffBranch(leaving!.userId, branch) }])).toBe('ok');
    const refused = await register(meeting.id, onBranch);
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'BRANCH_ONLY']);
    expect(await stored(meeting.id, leaving!.userId)).toBeUndefined();
  });

  it('answers 401 to the token of a closed account, writing nothing', async () => {
    const activity = await createActivity({ capacity: 5 });
    const [person] = await newMembers(1, 'token-closed');
    expect((await call('DELETE', '/me', { token: person!.token })).status).toBe(200);
    const reply = await register(activity.id, person!.token);
    expect(reply.status).toBe(401);
    expect(await stored(activity.id, person!.userId)).toBeUndefined();
  });

  it('replays the first answer to an Idempotency-Key only while the account is open', async () => {
    const activity = await createActivity({ capacity: 5 });
    const [person] = await newMembers(1, 'token-replay');
    const headers = { 'Idempotency-Key': 'token-replay-1' };
    const first = await call('POST', `/activities/${activity.id}/registrations`, { token: person!.token, headers });
    const replayed = await call('POST', `/activities/${activity.id}/registrations`, { token: person!.token, headers });
    expect([first.status, replayed.status, replayed.body.registration.id]).toEqual([201, 201, first.body.registration.id]);
    expect((await call('DELETE', '/me', { token: person!.token })).status).toBe(200);
    const afterClosing = await call('POST', `/activities/${activity.id}/registrations`, { token: person!.token, headers });
    expect(afterClosing.status).toBe(401);
  });

  it('answers the registration the caller holds as before', async () => {
    const activity = await createActivity({ capacity: 5 });
    const [person] = await newMembers(1, 'token-again');
    const first = await register(activity.id, person!.token);
    const again = await register(activity.id, person!.token);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.registration.id).toBe(first.body.registration.id);
  });

  it('reads the caller when the token carries no nickname (issued before tokens did)', async () => {
    const activity = await createActivity({ capacity: 5 });
    const [person] = await newMembers(1, 'token-old');
    const bare = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(person!.userId)
      .setIssuer('hele-center')
      .setAudience(env().STAGE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(env().JWT_SECRET));
    const reply = await register(activity.id, bare);
    expect([reply.status, reply.body.registration.nickname]).toEqual([201, person!.name]);
  });

  it('is refused for a route that needs roles: the token does not carry them', () => {
    const unused = async () => {
      throw new Error('not called');
    };
    const implementation = { register: unused, cancelMine: unused, ofActivity: unused, mine: unused };
    expect(() => createHttpHandler(registrationsRoutes, implementation, { folded: ['register'], decidedOnToken: ['ofActivity'] })).toThrow(
      /needs roles/,
    );
  });
});
