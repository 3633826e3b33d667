/**
 * 编辑资料 against the real local database and object storage: the profile (GET/PATCH /me), the avatar
 * through a presigned POST, the phone through WeChat's code (a stand-in locally), and who sees what.
 */
import { call, signIn, uniqueName } from '../../test/gateway';
import { newMembers, withEnv } from '../../test/fixtures';
import { startWeChatStandIn } from '../../test/wechat-stand-in';
import { bytesOf, send, type Ticket } from '../feed/feed-fixtures';
import { issueSessionToken } from '../lib/session';
import { mediaStorage } from '../lib/storage';
import { accountRepository } from './repository';

const media = () => mediaStorage(process.env.MEDIA_BUCKET!);

const newMember = async () => (await newMembers(1, 'account'))[0]!;

/** An avatar uploaded by the token's user: its key. */
const uploadedAvatar = async (token: string, seed = 3) => {
  const reply = await call('POST', '/me/avatar-uploads', { token, body: { contentType: 'image/png', size: 500 } });
  expect(reply.status).toBe(201);
  const ticket = reply.body.upload as Ticket;
  expect((await send(ticket, bytesOf(500, seed))).status).toBe(204);
  return ticket.key;
};

describe('GET /me and PATCH /me', () => {
  it('answers the caller’s own profile; a new account has only its name and roles', async () => {
    const user = await newMember();
    const reply = await call('GET', '/me', { token: user.token });
    expect(reply.status).toBe(200);
    expect(reply.body.user).toEqual({ id: user.userId, nickname: user.name, roles: ['member'] });
  });

  it('changes nickname, real name and political status at once, and shows them to the person only', async () => {
    const user = await newMember();
    const reply = await call('PATCH', '/me', {
      token: user.token,
      body: { nickname: ' 小陈 ', realName: '陈静', politicalStatus: 'league_member' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.user).toEqual({
      id: user.userId,
      nickname: '小陈',
      roles: ['member'],
      realName: '陈静',
      politicalStatus: 'league_member',
    });
    expect((await call('GET', '/me', { token: user.token })).body.user).toEqual(reply.body.user);
    // Others never see the profile: an admin looking the user up gets the name and roles alone.
    const { token: admin } = await signIn('admin');
    expect((await call('GET', `/users/${user.userId}`, { token: admin })).body.user).toEqual({
      id: user.userId,
      nickname: '小陈',
      roles: ['member'],
    });
  });

  it('refuses a nickname the content check refuses, naming it, and changes nothing', async () => {
    const user = await newMember();
    const reply = await call('PATCH', '/me', { token: user.token, body: { nickname: '毒品批发', realName: '陈静' } });
    expect([reply.status, reply.body.error.code, reply.body.error.details[0]]).toEqual([
      422,
      'CONTENT_REJECTED',
      { path: 'nickname', message: '含有不当内容「毒品」' },
    ]);
    expect((await call('GET', '/me', { token: user.token })).body.user).toEqual({
      id: user.userId,
      nickname: user.name,
      roles: ['member'],
    });
  });

  it('takes a minority name with its middle dot, and removes a field given as null', async () => {
    const user = await newMember();
    expect(
      (await call('PATCH', '/me', { token: user.token, body: { realName: '阿依古丽·买买提', politicalStatus: 'masses' } })).status,
    ).toBe(200);
    const removed = await call('PATCH', '/me', { token: user.token, body: { realName: null, politicalStatus: null } });
    expect(removed.body.user).toEqual({ id: user.userId, nickname: user.name, roles: ['member'] });
  });

  it.each([
    ['an empty body', {}, 'nickname'],
    ['an empty nickname', { nickname: '  ' }, 'nickname'],
    ['the closed-account name', { nickname: '已注销用户' }, 'nickname'],
    ['a one-character real name', { realName: '陈' }, 'realName'],
    ['digits in a real name', { realName: '陈123' }, 'realName'],
    ['an unknown political status', { politicalStatus: 'communist' }, 'politicalStatus'],
    ['a phone number (set through WeChat only)', { phone: '13800000000' }, 'phone'],
    ['an avatar key of the feed', { avatarKey: 'feed/a1/u1/01ARZ3NDEKTSV4RRFFQ69G5FAV.jpg' }, 'avatarKey'],
    ['a valid nickname with an invalid real name', { nickname: '新名字', realName: 'x' }, 'realName'],
  ])('answers 400 naming the field for %s, changing nothing', async (_, body, field) => {
    const user = await newMember();
    await call('PATCH', '/me', { token: user.token, body: { realName: '陈静' } });
    const before = await accountRepository.get(user.userId);
    const reply = await call('PATCH', '/me', { token: user.token, body });
    expect([reply.status, reply.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(reply.body.error.details.map((detail: { path: string }) => detail.path)).toContain(field);
    expect(await accountRepository.get(user.userId)).toEqual(before);
  });

  it('keeps both of two changes sent at once to different fields, and one whole value of two to the same field', async () => {
    const user = await newMember();
    const [name, status] = await Promise.all([
      call('PATCH', '/me', { token: user.token, body: { realName: '王芳' } }),
      call('PATCH', '/me', { token: user.token, body: { politicalStatus: 'party_member' } }),
    ]);
    expect([name.status, status.status]).toEqual([200, 200]);
    expect((await call('GET', '/me', { token: user.token })).body.user).toMatchObject({
      realName: '王芳',
      politicalStatus: 'party_member',
    });

    const nicknames = Array.from({ length: 6 }, (_, i) => `昵称${i}`);
    const replies = await Promise.all(nicknames.map((nickname) => call('PATCH', '/me', { token: user.token, body: { nickname } })));
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    expect(nicknames).toContain((await call('GET', '/me', { token: user.token })).body.user.nickname);
  });
});

describe('avatar', () => {
  it('goes to the bucket under the caller’s folder, is named by PATCH /me and comes back as a signed link', async () => {
    const user = await newMember();
    const key = await uploadedAvatar(user.token);
    expect(key).toMatch(new RegExp(`^avatars/${user.userId}/[0-9A-Z]{26}\\.png$`));
    const reply = await call('PATCH', '/me', { token: user.token, body: { avatarKey: key } });
    expect(reply.status).toBe(200);
    const image = await fetch(reply.body.user.avatarUrl);
    expect(image.status).toBe(200);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(bytesOf(500, 3));
  });

  it('deletes the avatar it replaces or removes', async () => {
    const user = await newMember();
    const first = await uploadedAvatar(user.token, 3);
    const second = await uploadedAvatar(user.token, 5);
    await call('PATCH', '/me', { token: user.token, body: { avatarKey: first } });
    await call('PATCH', '/me', { token: user.token, body: { avatarKey: second } });
    expect(await media().stat(first)).toBeUndefined();
    expect(await media().stat(second)).toBeDefined();
    const removed = await call('PATCH', '/me', { token: user.token, body: { avatarKey: null } });
    expect(removed.body.user.avatarUrl).toBeUndefined();
    expect(await media().stat(second)).toBeUndefined();
  });

  it('refuses another person’s upload and a key never uploaded, naming avatarKey', async () => {
    const [owner, other] = await newMembers(2, 'avatar');
    const theirs = await uploadedAvatar(owner!.token);
    const stolen = await call('PATCH', '/me', { token: other!.token, body: { avatarKey: theirs } });
    expect([stolen.status, stolen.body.error.details]).toEqual([400, [{ path: 'avatarKey', message: '不是你上传的头像' }]]);
    const ticket = await call('POST', '/me/avatar-uploads', { token: other!.token, body: { contentType: 'image/jpeg', size: 100 } });
    const missing = await call('PATCH', '/me', { token: other!.token, body: { avatarKey: ticket.body.upload.key } });
    expect([missing.status, missing.body.error.details]).toEqual([400, [{ path: 'avatarKey', message: '头像尚未上传成功' }]]);
    expect((await call('GET', '/me', { token: other!.token })).body.user.avatarUrl).toBeUndefined();
  });

  it.each([
    ['a GIF', { contentType: 'image/gif', size: 100 }, 'contentType'],
    ['more than 2 MB', { contentType: 'image/jpeg', size: 3 * 1024 * 1024 }, 'size'],
    ['no size', { contentType: 'image/jpeg' }, 'size'],
  ])('refuses an upload ticket for %s naming the field', async (_, body, field) => {
    const user = await newMember();
    const reply = await call('POST', '/me/avatar-uploads', { token: user.token, body });
    expect([reply.status, reply.body.error.details[0].path]).toEqual([400, field]);
  });
});

describe('phone', () => {
  it('takes the local stand-in’s number, shows it whole to its owner, and removes it on request', async () => {
    const user = await newMember();
    const reply = await call('POST', '/me/phone', { token: user.token, body: { code: 'dev-phone:13800000000' } });
    expect(reply.status).toBe(200);
    expect(reply.body.user.phone).toBe('13800000000');
    const removed = await call('PATCH', '/me', { token: user.token, body: { phone: null } });
    expect(removed.body.user.phone).toBeUndefined();
  });

  it.each([
    ['an empty code', '', '缺少手机号授权凭证'],
    ['a stand-in with a short number', 'dev-phone:138', '须为 11 位手机号'],
  ])('answers 400 naming code for %s', async (_, code, message) => {
    const user = await newMember();
    const reply = await call('POST', '/me/phone', { token: user.token, body: { code } });
    expect([reply.status, reply.body.error.details]).toEqual([400, [{ path: 'code', message }]]);
  });

  describe('with WeChat’s getuserphonenumber', () => {
    let wechat: Awaited<ReturnType<typeof startWeChatStandIn>>;
    beforeAll(async () => {
      wechat = await startWeChatStandIn(({ body }) =>
        body.code === 'used'
          ? { errcode: 40029, errmsg: 'invalid code' }
          : { errcode: 0, phone_info: { phoneNumber: '+86 13912345678', purePhoneNumber: '13912345678', countryCode: '86' } },
      );
    });
    afterAll(() => wechat.close());
    const prod = () => ({
      STAGE: 'prod',
      WECHAT_API_BASE: wechat.apiBase,
      WECHAT_APP_ID: `wx-${uniqueName('app')}`,
      WECHAT_APP_SECRET: 's',
    });

    it('exchanges the button’s code on the server for the number', async () => {
      const user = await newMember();
      await withEnv(prod(), async () => {
        // A token of that stage (its audience is the stage).
        const token = await issueSessionToken({ id: user.userId, nickname: user.name });
        const reply = await call('POST', '/me/phone', { token, body: { code: 'fresh-code' } });
        expect([reply.status, reply.body.user.phone]).toEqual([200, '13912345678']);
      });
      expect(wechat.calls.at(-1)).toMatchObject({ path: '/wxa/business/getuserphonenumber', token: 'TOKEN', body: { code: 'fresh-code' } });
    });

    it('answers 400 naming code for a used code and for the stand-in, writing nothing', async () => {
      const user = await newMember();
      await withEnv(prod(), async () => {
        const token = await issueSessionToken({ id: user.userId, nickname: user.name });
        const used = await call('POST', '/me/phone', { token, body: { code: 'used' } });
        expect([used.status, used.body.error.details]).toEqual([400, [{ path: 'code', message: '手机号授权已失效，请重新获取' }]]);
        const dev = await call('POST', '/me/phone', { token, body: { code: 'dev-phone:13800000000' } });
        expect([dev.status, dev.body.error.details]).toEqual([400, [{ path: 'code', message: '开发手机号只在本地环境可用' }]]);
      });
      expect((await accountRepository.get(user.userId))!.phone).toBeUndefined();
    });
  });
});
