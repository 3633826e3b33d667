/**
 * A stand-in for api.weixin.qq.com on a loopback port: it hands out access tokens (counting them)
 * and answers every other API with what the test says, recording what was sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WeChatCall {
  path: string;
  token: string | null;
  body: any;
  /** What the stand-in answered. */
  reply?: any;
}

export const startWeChatStandIn = async (answer: (call: WeChatCall) => unknown) => {
  const calls: WeChatCall[] = [];
  let tokenCalls = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const url = new URL(req.url!, 'http://wechat');
      if (url.pathname === '/cgi-bin/stable_token') {
        tokenCalls++;
        return void res.end(JSON.stringify({ access_token: 'TOKEN', expires_in: 7200 }));
      }
      const call: WeChatCall = { path: url.pathname, token: url.searchParams.get('access_token'), body: JSON.parse(body) };
      call.reply = answer(call);
      calls.push(call);
      res.end(JSON.stringify(call.reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    tokenCalls: () => tokenCalls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
