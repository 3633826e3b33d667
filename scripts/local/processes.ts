/** Child processes of the local stack: started with their own process group, stopped together. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
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

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export const waitFor = async (what: string, probe: () => Promise<boolean>, timeoutMs: number, child?: ChildProcess) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`);
};
