/**
 * Where the app reaches the cloud. A release build (HELE_RELEASE=1, `npm run release:weapp`) is the
 * one uploaded to WeChat, which lets it reach only the HTTPS and WSS domains of its 合法域名 lists: it
 * must be given the stage's addresses (`npm run wechat:domains` prints them) and refuses anything else.
 * Every other build (npm start, npm test, DevTools on a laptop) keeps the loopback defaults.
 */
export interface AppEndpoints {
  /** TARO_APP_API_BASE: the HTTP API, e.g. https://api.hele.example.cn */
  apiBase: string;
  /** TARO_APP_SOCKET_BASE: the live feed's WebSocket API, e.g. wss://ws.hele.example.cn */
  socketBase: string;
}

const LOCAL_ENDPOINTS: AppEndpoints = { apiBase: 'http://127.0.0.1:3000', socketBase: 'ws://127.0.0.1:3001' };

/** What WeChat refuses in an address of a release, or undefined when it takes it. */
const refusal = (name: string, value: string | undefined, scheme: 'https:' | 'wss:'): string | undefined => {
  if (!value) return `${name} is not set`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name} "${value}" is not a URL`;
  }
  if (url.protocol !== scheme) return `${name} "${value}" must start with ${scheme}//`;
  // The lists take filed domain names: no IP address, no localhost.
  if (url.hostname === 'localhost' || /^[\d.]+$|^\[/.test(url.hostname))
    return `${name} "${value}" must name a domain, not ${url.hostname}`;
  if (value.endsWith('/')) return `${name} "${value}" must not end with a slash (paths are appended to it)`;
  return undefined;
};

export const appEndpoints = (env: NodeJS.ProcessEnv): AppEndpoints => {
  if (env.HELE_RELEASE !== '1') {
    return {
      apiBase: env.TARO_APP_API_BASE ?? LOCAL_ENDPOINTS.apiBase,
      socketBase: env.TARO_APP_SOCKET_BASE ?? LOCAL_ENDPOINTS.socketBase,
    };
  }
  const refusals = [
    refusal('TARO_APP_API_BASE', env.TARO_APP_API_BASE, 'https:'),
    refusal('TARO_APP_SOCKET_BASE', env.TARO_APP_SOCKET_BASE, 'wss:'),
  ].filter((text): text is string => text !== undefined);
  if (refusals.length) {
    throw new Error(
      `A release build (HELE_RELEASE=1) needs the stage's addresses, as \`npm run wechat:domains -- --stage <stage>\` prints them:\n  ${refusals.join('\n  ')}`,
    );
  }
  return { apiBase: env.TARO_APP_API_BASE!, socketBase: env.TARO_APP_SOCKET_BASE! };
};
