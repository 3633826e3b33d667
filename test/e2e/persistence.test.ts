/**
 * `npm start`'s promises about the local stack: data survives a stop and a start, and a second
 * stack on ports in use fails at once with a clear message instead of hanging.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestStack, testPorts } from '../support/stack';

const login = async (apiUrl: string, code: string) => {
  const response = await fetch(`${apiUrl}/auth/login`, { method: 'POST', body: JSON.stringify({ code }) });
  return (await response.json()) as { token: string; user: { id: string; nickname: string } };
};

it('keeps users across a restart, and refuses a second stack on the same ports', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hele-data-'));
  const ports = await testPorts();

  const first = await startTestStack({ dataDir, ports });
  let token: string;
  try {
    ({ token } = await login(first.apiUrl, 'dev:keeper'));
    await expect(startTestStack({ dataDir, ports })).rejects.toThrow(/already in use/);
  } finally {
    await first.stop();
  }

  const second = await startTestStack({ dataDir, ports });
  try {
    expect(second.createdTables).toEqual([]);
    const me = await fetch(`${second.apiUrl}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { nickname: string } }).user.nickname).toBe('keeper');
  } finally {
    await second.stop();
  }
});
