import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, freePort, startRedis, type RedisServer } from '../plan/withRedis.js';

// The README's section "Beyond one machine", run: its commands, scaled down (--days 2, two or
// three replications, --concurrency 1, a private redis-server on a free port), against the
// BUILT command (`npm test` builds first; alone: `npm run build && npx vitest run
// test/cli/queue.test.ts`), with two `hotline worker` processes; each must print byte for byte
// what the same command prints with --workers 2, also when a worker is killed mid-job.

const ROOT = resolve('.');
const MAIN = join(ROOT, 'dist/sim/cli/main.js');
/** The URL the README's commands use; the tests put their own redis-server's there. */
const README_URL = 'redis://10.0.0.5:6379';
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built `hotline` to its end. */
function hotline(args: readonly string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(cwd, 'dist/sim/cli/main.js'), ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (status) => resolvePromise({ status, stdout, stderr }));
  });
}

/** A `hotline worker` process and the lines it has logged so far. */
interface WorkerProcess {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line matching, waiting for it. */
  line(pattern: RegExp): Promise<string>;
  stop(): Promise<void>;
}

const workers: WorkerProcess[] = [];

function startWorker(args: readonly string[], cwd = ROOT): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [join(cwd, 'dist/sim/cli/main.js'), ...args], { cwd });
  const lines: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      const text = line.replace(/^\S+Z /, ''); // the timestamp
      lines.push(text);
      for (const w of waiting.filter((w) => w.pattern.test(text))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(text);
      }
    }
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const worker: WorkerProcess = {
    child,
    lines,
    line: (pattern) =>
      new Promise((resolveLine, reject) => {
        const found = lines.find((l) => pattern.test(l));
        if (found !== undefined) resolveLine(found);
        else {
          waiting.push({ pattern, resolve: resolveLine });
          child.once('exit', (code) =>
            reject(new Error(`worker exited (${code}) before ${pattern}:\n${stderr}`)),
          );
        }
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 5_000); // a worker whose Redis is gone
      await exited;
      clearTimeout(late);
    },
  };
  workers.push(worker);
  return worker.line(/^hotline worker \S+: version/).then(() => worker);
}

/** The README section's shell block: its `hotline ...` command lines. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Beyond one machine'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').filter((line) => line.startsWith('hotline '));
}

/** A README command as arguments: the URL replaced, the output redirection dropped. */
function argsOf(command: string, url: string): string[] {
  return command
    .replace(/\s*>\s*\S+$/, '')
    .split(/\s+/)
    .slice(1)
    .map((word) => (word === README_URL ? url : word));
}

/** Set an option's value, or add it. */
function withOption(args: readonly string[], flag: string, value: string): string[] {
  const at = args.indexOf(flag);
  if (at < 0) return [...args, flag, value];
  const copy = [...args];
  copy[at + 1] = value;
  return copy;
}

/** The same command on two worker threads of this machine instead of the queue. */
function onThreads(args: readonly string[]): string[] {
  const at = args.indexOf('--queue');
  return [...args.slice(0, at), ...args.slice(at + 2), '--workers', '2'];
}

describeWithRedis('hotline on a Redis queue: the README commands, scaled down', () => {
  let redis: RedisServer;
  let commands: string[];
  const folder = mkdtempSync(join(tmpdir(), 'hotline-queue-'));

  beforeAll(async () => {
    redis = await startRedis();
    commands = readmeCommands();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await redis?.stop();
  });

  const workerArgs = (url: string): string[] => {
    const line = commands.find((c) => c.startsWith('hotline worker '));
    return [...withOption(argsOf(line ?? '', url), '--concurrency', '1'), '--lock-seconds', '2'];
  };

  it('the README shows the worker and the five commands, all with --queue', () => {
    expect(commands.map((c) => c.split(' ').slice(0, 3).join(' '))).toEqual([
      'hotline worker --queue',
      'hotline sweep data/shanghai-12333-2020/scenario.json',
      'hotline plan data/shanghai-12333-2020/scenario.json',
      'hotline plan data/shanghai-12333-2020/scenario.json',
      'hotline simulate data/shanghai-12333-2020/scenario.json',
      'hotline report data/shanghai-12333-2020/scenario.json',
    ]);
    for (const command of commands) expect(command).toContain(`--queue ${README_URL}`);
  });

  it('the sweep on two worker processes gives exactly the local JSON, also with a worker killed mid-job', async () => {
    const [a, b] = await Promise.all([
      startWorker(workerArgs(redis.url)),
      startWorker(workerArgs(redis.url)),
    ]);
    const sweepLine = commands.find((c) => c.startsWith('hotline sweep ')) as string;
    // 14 days: jobs of a few tenths of a second, so that the kill lands inside one
    const args = [...withOption(argsOf(sweepLine, redis.url), '--replications', '2'), '--days', '14'];
    const queued = hotline(args);
    const started = await a!.line(/^start job /);
    a!.child.kill('SIGKILL');
    const jobId = /^start job (\S+):/.exec(started)?.[1] as string;
    const [run, local] = [await queued, await hotline(onThreads(args))];
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.status).toBe(0);
    expect(local.status).toBe(0);
    expect(run.stdout).toBe(local.stdout);
    expect(JSON.parse(run.stdout).rows).toHaveLength(2 * 3); // 2 seats x (baseline, volume x 0.9, x 1.1)
    // The killed worker never finished that job: the other took it over after the lock expired.
    expect(a!.lines).not.toContain(
      expect.stringMatching(new RegExp(`^done job ${jobId.replace(/\./g, '\\.')} `)),
    );
    await b!.line(
      new RegExp(`^start job ${jobId.replace(/\./g, '\\.')}: .*\\(again: the worker that had it stopped\\)$`),
    );
    expect(run.stderr).toContain(`replications go to the queue at ${redis.url}: 2 workers`);
    await startWorker(workerArgs(redis.url)); // two again for the next tests
  });

  it('plan (least budget, allocation), simulate and report on the queue print and write what --workers 2 does', async () => {
    for (const line of commands.filter((c) => !/^hotline (worker|sweep) /.test(c))) {
      let args = [...argsOf(line, redis.url), '--days', '2'];
      if (args.includes('--replications')) args = withOption(args, '--replications', '2');
      if (args.includes('--least')) args.push('--batch', '2', '--max-replications', '4');
      const out = (where: string): string => join(folder, where);
      if (args[0] === 'report') {
        args.push('--sensitivity-days', '2', '--sensitivity-replications', '2', '--bank', 'none');
        args = withOption(args, '--out', out('queued'));
      }
      const run = await hotline(args);
      const localArgs =
        args[0] === 'report' ? withOption(onThreads(args), '--out', out('local')) : onThreads(args);
      const local = await hotline(localArgs);
      expect(run.status, `${line}\n${run.stderr}`).toBe(0);
      expect(local.status).toBe(0);
      expect(run.stdout.replaceAll(out('queued'), '')).toBe(local.stdout.replaceAll(out('local'), ''));
      if (args[0] === 'report') {
        for (const file of ['report.json', 'report.md', 'report.html']) {
          expect(readFileSync(out(`queued/${file}`), 'utf8'), file).toBe(
            readFileSync(out(`local/${file}`), 'utf8'),
          );
        }
        expect(readFileSync(out('queued/report.md'), 'utf8')).not.toContain('--queue');
      }
    }
  });

  it('a worker of another build refuses the jobs, and the command exits 1 naming both versions', async () => {
    const other = await startRedis();
    try {
      // The same package with one byte more in dist/: another build.
      const copy = mkdtempSync(join(tmpdir(), 'hotline-other-build-'));
      cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
      cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
      symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
      appendFileSync(join(copy, 'dist/sim/index.js'), '\n');
      const stale = await startWorker(workerArgs(other.url), copy);
      const version = /@(\S+):/.exec(stale.lines[0] ?? '')?.[1] as string;
      const run = await hotline([
        'simulate',
        'data/shanghai-12333-2020/scenario.json',
        '--days',
        '2',
        '--replications',
        '2',
        '--queue',
        other.url,
      ]);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stderr).toMatch(
        new RegExp(
          `refused the job: it runs hotline-planner ${version.replace(/[.+]/g, '\\$&')}, the command runs 0\\.1\\.0\\+[0-9a-f]{12};`,
        ),
      );
      expect(run.stderr).toContain('(of another version, which refuse the jobs: ');
      await stale.line(/^refused job \S+: sent by build 0\.1\.0\+[0-9a-f]{12}, this worker runs /);
      await stale.stop();
    } finally {
      await other.stop();
    }
  });

  it('a malformed URL is exit 2, an unreachable Redis exit 1 naming the URL, for the commands and the worker', async () => {
    const scenario = ['data/shanghai-12333-2020/scenario.json', '--days', '2', '--replications', '2'];
    const malformed = await hotline([
      'simulate',
      ...scenario,
      '--queue',
      'redis//127.0.0.1:6379',
      '--workers',
      '2',
    ]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toBe(
      'hotline: 2 problem(s) in the input\n' +
        '  --queue: queue URL must be redis://HOST:PORT such as redis://127.0.0.1:6379 (got "redis//127.0.0.1:6379")\n' +
        '  --workers and --queue exclude each other: with --queue the replications run on the workers of the queue\n',
    );
    const unreachable = `redis://127.0.0.1:${await freePort()}`;
    for (const args of [
      ['sweep', ...scenario, '--seats', '330', '--queue', unreachable],
      ['worker', '--queue', unreachable],
    ]) {
      const run = await hotline(args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(`^hotline: cannot reach Redis at ${unreachable}: connect ECONNREFUSED`),
      );
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
    expect((await hotline(['worker', '--queue', 'http://x'])).status).toBe(2);
    const heap = await hotline(['worker', '--queue', unreachable, '--thread-heap', '8']);
    expect(heap.status).toBe(2);
    expect(heap.stderr).toContain('--thread-heap');
  });

  it('with no worker, the command exits 1 after --queue-timeout, and Ctrl-C removes its jobs (exit 130)', async () => {
    const lonely = await startRedis();
    const client = new Redis(lonely.url);
    try {
      const args = [
        'simulate',
        'data/shanghai-12333-2020/scenario.json',
        '--days',
        '2',
        '--replications',
        '3',
      ];
      const timedOut = await hotline([...args, '--queue', lonely.url, '--queue-timeout', '1']);
      expect(timedOut.status).toBe(1);
      expect(timedOut.stderr).toContain(
        `hotline: no hotline worker connected to the queue at ${lonely.url} for 1 s (start one with: hotline worker --queue ${lonely.url}); this command runs no replication itself\n`,
      );
      expect(await client.llen('hotline:replications:wait')).toBe(0);

      const child = spawn(process.execPath, [MAIN, ...args, '--queue', lonely.url], { cwd: ROOT });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((r) => child.once('exit', r));
      await expect.poll(() => client.llen('hotline:replications:wait'), { timeout: 20_000 }).toBe(3);
      expect(await client.keys('hotline:run:*')).toHaveLength(1);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr).toContain('hotline: SIGINT: removing this command’s jobs from the queue\n');
      expect(await client.llen('hotline:replications:wait')).toBe(0);
      expect(await client.keys('hotline:run:*')).toEqual([]);
    } finally {
      client.disconnect();
      await lonely.stop();
    }
  });
});
