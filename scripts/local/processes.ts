/** Child processes of the local stack: started with their own process group, stopped together. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export interface Managed {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export const startProcess = (name: string, command: string, args: string[], options: SpawnOptions): Managed => {
  const child = spawn(command, args, { ...options, detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
};

/** Resolves when `host:port` is free to listen on; rejects with a clear message when it is taken. */
export const assertPortFree = (port: number, what: string, host = '127.0.0.1'): Promise<void> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} (${what}) is already in use. Is another \`npm start\` running? Stop it or set another port.`
            : `Cannot listen on ${host}:${port} (${what}): ${error.message}`,
        ),
      ),
    );
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve()));
  });

/** The ports the kernel hands out for outgoing connections (Linux), which a server must not count on staying free. */
const ephemeralPorts = (): [number, number] => {
  try {
    const [low, high] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low && high) return [low, high];
  } catch {
    // Not Linux: the range IANA recommends.
  }
  return [49152, 65535];
};

const handedOut = new Set<number>();

const canListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });

/**
 * A port free now, for a server of a test stack or the bench to listen on shortly. Picked below the range the kernel
 * takes outgoing connections' ports from: a port picked there (`listen(0)`) could be taken by one of the many client
 * connections of a test before the server binds it (EADDRINUSE). Never the same port twice in one process.
 */
export const freePort = async (): Promise<number> => {
  const [ephemeralLow] = ephemeralPorts();
  const low = 10_000;
  const high = Math.max(low + 1_000, ephemeralLow) - 1;
  for (let tries = 0; tries < 200; tries++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`No free port found between ${low} and ${high}`);
};

export const waitFor = async (what: string, probe: () => Promise<boolean>, timeoutMs: number, child?: ChildProcess) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`);
};
