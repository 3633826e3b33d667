/**
 * Serves the H5 build on loopback. The API address is not baked into the build: this server
 * answers `/hele-config.js` with it, so one build works for any API_PORT (and for the tests).
 * The app's short links lead into the hash-routed app: `/join?code=` (a branch invitation's QR).
 */
import http from 'node:http';
import sirv from 'sirv';

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

export const startAppServer = async ({
  port,
  root,
  apiBase,
  socketBase,
}: {
  port: number;
  root: string;
  apiBase: string;
  socketBase: string;
}): Promise<AppServer> => {
  const files = sirv(root, { single: true, dev: false, etag: true });
  const config = `window.__HELE_CONFIG__ = ${JSON.stringify({ apiBase, socketBase })};\n`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://app');
    if (url.pathname === '/join') {
      res.writeHead(302, { location: `/#/branch/join/index${url.search}` });
      res.end();
      return;
    }
    if (req.url === '/hele-config.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(config);
      return;
    }
    files(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
