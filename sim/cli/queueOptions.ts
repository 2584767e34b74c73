import { openQueuePool, parseQueueUrl, type QueuePool, type QueueStatus } from '../index.js';
import { optionText, type OptionReader } from './args.js';
import type { Progress } from './output.js';

/** `--queue` and `--queue-timeout`, the options of every command that replicates (simulate, plan, sweep, report). */
export const QUEUE_OPTIONS: readonly (readonly [string, string])[] = [
  [
    '--queue <url>',
    'send the replications as jobs to this Redis queue (redis://HOST:PORT), run by `hotline worker` processes on any machine; the result is the one --workers gives',
  ],
  [
    '--queue-timeout <s>',
    'with --queue: fail when no worker has been connected for this many seconds (default: 60)',
  ],
];

/** Where a command's replications go when `--queue` is given. */
export interface QueueChoice {
  /** The queue's URL, as given. */
  url: string;
  /** `--queue-timeout`, seconds. */
  timeoutSeconds: number;
}

/**
 * Read `--queue` and `--queue-timeout`, each problem to the reader: a
 * malformed URL, a timeout without a queue, or `--workers` beside `--queue`
 * (the command then runs no replication itself, so threads have no meaning).
 *
 * @param reader collects the problems
 * @param options the parsed options
 * @returns the queue, or undefined when none was given (or it was bad: the reader says why)
 * @example
 * const reader = new OptionReader();
 * readQueueOptions(reader, { queue: 'redis://127.0.0.1:6379' }); // => { url: 'redis://127.0.0.1:6379', timeoutSeconds: 60 }
 * readQueueOptions(reader, {}); // => undefined (no queue: worker threads)
 */
export function readQueueOptions(
  reader: OptionReader,
  options: Readonly<Record<string, unknown>>,
): QueueChoice | undefined {
  const url = optionText(options, 'queue');
  const timeoutText = optionText(options, 'queueTimeout');
  if (url === undefined) {
    if (timeoutText !== undefined) reader.problem('--queue-timeout: give it with --queue <url>');
    return undefined;
  }
  let valid = true;
  try {
    parseQueueUrl(url);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    reader.problem(`--queue: ${error.message}`);
    valid = false;
  }
  if (optionText(options, 'workers') !== undefined) {
    reader.problem(
      '--workers and --queue exclude each other: with --queue the replications run on the workers of the queue',
    );
  }
  const timeoutSeconds = reader.number(
    '--queue-timeout',
    timeoutText ?? '60',
    { min: 0, exclusiveMin: true, max: 86_400 },
    'seconds',
  );
  return valid && timeoutSeconds !== undefined ? { url, timeoutSeconds } : undefined;
}

/**
 * The queue's state in a few words, for the progress bar and the log.
 *
 * @param status what the pool read
 * @returns for example `2 workers, 5 jobs waiting, 2 running`
 * @example
 * queueStatusText({ workers: 0, otherVersions: [], waiting: 4, active: 0 }); // => 'no worker connected, 4 jobs waiting, 0 running'
 */
export function queueStatusText(status: QueueStatus): string {
  const workers =
    status.workers === 0
      ? 'no worker connected'
      : `${status.workers} worker${status.workers === 1 ? '' : 's'}`;
  const others =
    status.otherVersions.length > 0
      ? ` (of another version, which refuse the jobs: ${status.otherVersions.join(', ')})`
      : '';
  return `${workers}${others}, ${status.waiting} job${status.waiting === 1 ? '' : 's'} waiting, ${status.active} running`;
}

/**
 * Run a command's replications on the queue when `--queue` was given: open
 * the pool (Redis unreachable: a `QueueError`, exit status 1), say on
 * standard error where the jobs go and who takes them, show the queue on the
 * progress bar, and close the pool afterwards. Ctrl-C (or SIGTERM) removes
 * the command's waiting jobs and exits with status 130. Without a queue,
 * `body` gets undefined and the command runs on worker threads.
 *
 * @param queue what `readQueueOptions` read
 * @param progress the command's progress bar
 * @param body the work, given the pool (or undefined)
 * @returns what `body` returns
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 1, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const result = await onQueue(undefined, new Progress('replications', 2), (pool) =>
 *   replicate(scenario, { replications: 2, seed: 1, ...(pool ? { pool } : { workers: 0 }) }),
 * );
 * result.replications; // => 2 (without --queue, on this thread)
 */
export async function onQueue<T>(
  queue: QueueChoice | undefined,
  progress: Progress,
  body: (pool: QueuePool | undefined) => Promise<T>,
): Promise<T> {
  if (queue === undefined) return body(undefined);
  let workersSeen = -1;
  const pool = await openQueuePool(queue.url, {
    timeoutSeconds: queue.timeoutSeconds,
    onStatus: (status) => {
      progress.setNote(queueStatusText(status));
      if (!process.stderr.isTTY && status.workers !== workersSeen) {
        process.stderr.write(`hotline: queue: ${queueStatusText(status)}\n`);
      }
      workersSeen = status.workers;
    },
  });
  const status = await pool.status();
  workersSeen = status.workers;
  process.stderr.write(
    `hotline: replications go to ${pool.where}: ${queueStatusText(status)}` +
      (status.workers === 0 ? `; waiting up to ${queue.timeoutSeconds} s for one` : '') +
      '\n',
  );
  let stopping = false;
  const interrupt = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130);
    stopping = true;
    progress.stop();
    process.stderr.write(`hotline: ${signal}: removing this command’s jobs from the queue\n`);
    void pool.close().finally(() => process.exit(130));
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    return await body(pool);
  } catch (error) {
    if (stopping) await new Promise<never>(() => undefined); // interrupt() exits once the jobs are removed
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await pool.close();
  }
}
