/** The test stacks' ports (scripts/local/processes `freePort`): free, distinct, and outside the outgoing connections' range. */
import fs from 'node:fs';
import net from 'node:net';
import { freePort } from '../../scripts/local/processes';

it('hands out distinct ports a server can listen on, below the range outgoing connections take theirs from', async () => {
  const ports: number[] = [];
  for (let i = 0; i < 30; i++) ports.push(await freePort());
  expect(new Set(ports).size).toBe(ports.length);
  const range = '/proc/sys/net/ipv4/ip_local_port_range';
  const ephemeralLow = fs.existsSync(range) ? Number(fs.readFileSync(range, 'utf8').trim().split(/\s+/)[0]) : 49152;
  expect(ports.every((port) => port >= 10_000 && port < ephemeralLow)).toBe(true);
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(ports[0], '127.0.0.1', resolve));
  await new Promise((resolve) => server.close(resolve));
});
