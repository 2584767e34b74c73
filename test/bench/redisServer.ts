import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A private redis-server for the queue tests and the queue benchmark: Debian's `redis-server`
// (.ci/run installs it), started on 127.0.0.1 on a free port, with no persistence, in a
// temporary folder, and stopped after. Here with the benchmarks, which are compiled to dist/.

/** Whether CI=true: a missing redis-server then fails the queue tests instead of skipping them. */
export const UNDER_CI = process.env.CI === 'true' || process.env.CI === '1';
const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

/** Whether `redis-server` runs here. */
export const redisAvailable = spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' }).status === 0;

/** A port nobody listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A running redis-server. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Start redis-server on 127.0.0.1 on a free port and wait until it accepts connections.
 *
 * @throws {Error} when redis-server is missing (the test suites skip then, unless CI=true) or does not start
 */
export async function startRedis(): Promise<RedisServer> {
  if (!redisAvailable)
    throw new Error(`${REDIS_SERVER} not found, and CI=true requires it (.ci/run installs it)`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'hotline-redis-'));
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server stopped with code ${code}:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
