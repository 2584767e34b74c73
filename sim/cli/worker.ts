import { availableParallelism } from 'node:os';
import { parseQueueUrl, runQueueWorker } from '../index.js';
import { OptionReader, optionText, UsageError } from './args.js';
import type { CommandSpec } from './command.js';

/** `hotline worker --queue <url>`: run the replications other machines send to a Redis queue. */
export const workerCommand: CommandSpec = {
  name: 'worker',
  summary: 'run replications sent to a Redis queue by simulate, plan, sweep and report with --queue',
  description:
    'Take replications from the Redis queue at --queue (jobs sent by hotline simulate, plan, sweep or report ' +
    'with --queue) and run them, --concurrency at a time, each on a worker thread; log each job on standard ' +
    'output. Start as many as you like, on any machine that reaches the Redis and has the same version ' +
    'installed (package version and build): a worker of another version refuses the jobs, saying so. A worker ' +
    'killed mid-job leaves its job to another one after --lock-seconds; a worker thread that fails (out of ' +
    'memory) fails its job and is replaced, so the worker goes on. Ctrl-C (or SIGTERM) stops taking jobs ' +
    'and finishes the running ones; a second Ctrl-C stops at once.',
  operands: [],
  options: [
    ['--queue <url>', 'the Redis queue: redis://HOST:PORT[/DB] (rediss:// for TLS)'],
    ['--concurrency <n>', 'jobs run at once, one worker thread each (default: the cores available)'],
    [
      '--lock-seconds <s>',
      'seconds before another worker takes over the job of a worker that stopped answering (default: 30)',
    ],
    [
      '--thread-heap <MB>',
      'most heap of each worker thread; a job that needs more fails (another worker may retry it) and a new thread takes the place (default: Node’s)',
    ],
  ],
  examples: [
    'hotline worker --queue redis://127.0.0.1:6379',
    'hotline worker --queue redis://10.0.0.5:6379 --concurrency 2',
  ],
  async run(_operands, options, scanProblems) {
    const reader = new OptionReader();
    for (const problem of scanProblems) reader.problem(problem);
    const url = optionText(options, 'queue');
    if (url === undefined) reader.problem('give the queue to take jobs from: --queue redis://HOST:PORT');
    else {
      try {
        parseQueueUrl(url);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        reader.problem(`--queue: ${error.message}`);
      }
    }
    const concurrency = reader.number(
      '--concurrency',
      optionText(options, 'concurrency') ?? String(availableParallelism()),
      { min: 1, max: 1024, integer: true },
    );
    const lockSeconds = reader.number(
      '--lock-seconds',
      optionText(options, 'lockSeconds') ?? '30',
      { min: 1, max: 86_400 },
      'seconds',
    );
    const heapText = optionText(options, 'threadHeap');
    const threadHeapMb =
      heapText === undefined
        ? undefined
        : reader.number('--thread-heap', heapText, { min: 16, max: 1_048_576, integer: true }, 'MB');
    if (reader.problems.length > 0 || url === undefined) throw new UsageError(reader.problems);

    const log = (line: string): void => {
      process.stdout.write(`${new Date().toISOString()} ${line}\n`);
    };
    const worker = await runQueueWorker(url, {
      concurrency: concurrency as number,
      lockSeconds: lockSeconds as number,
      ...(threadHeapMb === undefined ? {} : { threadHeapMb }),
      log,
    });
    log(
      `hotline worker ${worker.name}: version ${worker.version}, ${worker.concurrency} thread${worker.concurrency === 1 ? '' : 's'}, ` +
        `taking jobs from ${parseQueueUrl(url).shown} (Ctrl-C to stop)`,
    );
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals): void => {
        if (stopping) {
          log(`${signal} again: stopping at once (another worker takes the running jobs over)`);
          const late = new Promise((r) => setTimeout(r, 2_000).unref()); // Redis may be gone
          void Promise.race([worker.close(true), late]).finally(() => process.exit(130));
          return;
        }
        stopping = true;
        log(`${signal}: taking no more jobs, finishing the running ones (Ctrl-C again to stop at once)`);
        void worker.close().finally(() => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    log(`hotline worker ${worker.name}: stopped`);
  },
};
