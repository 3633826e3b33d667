/**
 * The weapp release build's addresses (miniprogram/config/release.ts): HTTPS and WSS domains or no
 * build at all, while the builds of npm start and npm test keep their loopback defaults.
 */
import config from '../../miniprogram/config';
import { appEndpoints } from '../../miniprogram/config/release';

const RELEASE = { HELE_RELEASE: '1', TARO_APP_API_BASE: 'https://api.hele.example.cn', TARO_APP_SOCKET_BASE: 'wss://ws.hele.example.cn' };

describe('a release build (HELE_RELEASE=1)', () => {
  it('takes the stage domains', () => {
    expect(appEndpoints(RELEASE)).toEqual({ apiBase: 'https://api.hele.example.cn', socketBase: 'wss://ws.hele.example.cn' });
  });

  it('refuses missing addresses', () => {
    expect(() => appEndpoints({ HELE_RELEASE: '1' })).toThrow(/TARO_APP_API_BASE is not set\n {2}TARO_APP_SOCKET_BASE is not set/);
  });

  it('refuses http:// and ws://', () => {
    expect(() => appEndpoints({ ...RELEASE, TARO_APP_API_BASE: 'http://api.hele.example.cn' })).toThrow(
      'TARO_APP_API_BASE "http://api.hele.example.cn" must start with https://',
    );
    expect(() => appEndpoints({ ...RELEASE, TARO_APP_SOCKET_BASE: 'ws://ws.hele.example.cn' })).toThrow(
      'TARO_APP_SOCKET_BASE "ws://ws.hele.example.cn" must start with wss://',
    );
  });

  it('refuses what WeChat lists cannot hold: an IP address, localhost, no URL at all', () => {
    expect(() => appEndpoints({ ...RELEASE, TARO_APP_API_BASE: 'https://10.0.0.8' })).toThrow('must name a domain, not 10.0.0.8');
    expect(() => appEndpoints({ ...RELEASE, TARO_APP_SOCKET_BASE: 'wss://localhost:3001' })).toThrow('must name a domain, not localhost');
    expect(() => appEndpoints({ ...RELEASE, TARO_APP_API_BASE: 'api.hele.example.cn' })).toThrow('is not a URL');
    expect(() => appEndpoints({ ...RELEASE, TARO_APP_API_BASE: 'https://api.hele.example.cn/' })).toThrow('must not end with a slash');
  });

  it('stops the Taro build before it compiles', async () => {
    const variables = ['HELE_RELEASE', 'TARO_APP_API_BASE', 'TARO_APP_SOCKET_BASE'] as const;
    const saved = variables.map((name) => [name, process.env[name]] as const);
    Object.assign(process.env, { HELE_RELEASE: '1', TARO_APP_API_BASE: 'http://127.0.0.1:3000' });
    delete process.env.TARO_APP_SOCKET_BASE;
    try {
      const taroConfig = config as unknown as (merge: (...configs: object[]) => object) => Promise<object>;
      await expect(taroConfig((...configs) => Object.assign({}, ...configs))).rejects.toThrow(
        'TARO_APP_API_BASE "http://127.0.0.1:3000" must start with https://',
      );
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('any other build (npm start, npm test)', () => {
  it('keeps the loopback defaults, or what it is given', () => {
    expect(appEndpoints({})).toEqual({ apiBase: 'http://127.0.0.1:3000', socketBase: 'ws://127.0.0.1:3001' });
    expect(appEndpoints({ TARO_APP_API_BASE: 'http://127.0.0.1:4000' }).apiBase).toBe('http://127.0.0.1:4000');
  });
});
