import { startWeChatStandIn } from '../../test/wechat-stand-in';
import { createMsgSecCheck, keywordChecker, TextScene } from './content-check';
import { UpstreamError } from './errors';

describe('the content check', () => {
  let wechat: Awaited<ReturnType<typeof startWeChatStandIn>>;
  beforeAll(async () => {
    // WeChat's answers: a pass, a refusal with its label, one left for a person to review, and an error.
    wechat = await startWeChatStandIn(({ body }) => {
      if (body.content.includes('违法')) return { errcode: 0, result: { suggest: 'risky', label: 20006 } };
      if (body.content.includes('待定')) return { errcode: 0, result: { suggest: 'review', label: 21000 } };
      if (body.content.includes('坏请求')) return { errcode: 40003, errmsg: 'invalid openid' };
      return { errcode: 0, result: { suggest: 'pass', label: 100 } };
    });
  });
  afterAll(() => wechat.close());
  const check = () => createMsgSecCheck({ appId: 'wx-check', appSecret: async () => 's', apiBase: wechat.apiBase });

  it('asks WeChat for the author and the scene the text is shown in, and shows only what passes', async () => {
    const checker = check();
    expect(await checker.check('小陈', { openid: 'o-1' }, TextScene.PROFILE)).toEqual({ ok: true });
    expect(wechat.calls.at(-1)).toMatchObject({
      path: '/wxa/msg_sec_check',
      token: 'TOKEN',
      body: { content: '小陈', version: 2, scene: 1, openid: 'o-1' },
    });
    expect(await checker.check('违法的事', { openid: 'o-2' }, TextScene.COMMENT)).toEqual({
      ok: false,
      reason: '内容未通过安全检查（违法犯罪）',
    });
    expect(wechat.calls.at(-1)!.body).toMatchObject({ scene: 2, openid: 'o-2' });
    // What WeChat leaves to a person is not shown unchecked.
    expect((await checker.check('待定的话', { openid: 'o-1' }, TextScene.FORUM)).ok).toBe(false);
  });

  it('answers an error of WeChat as the upstream being unavailable, not as a pass', async () => {
    await expect(check().check('坏请求', { openid: '' }, TextScene.FORUM)).rejects.toBeInstanceOf(UpstreamError);
  });

  it('finds the local stage’s words through spacing and punctuation', async () => {
    expect(await keywordChecker().check('代 开-发票', { openid: '' }, TextScene.FORUM)).toEqual({
      ok: false,
      reason: '含有不当内容「代开发票」',
    });
    expect(await keywordChecker().check('开发', { openid: '' }, TextScene.PROFILE)).toEqual({ ok: true });
  });
});
