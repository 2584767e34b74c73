import type { Redis } from 'ioredis';
import { QueueError, type QueueAddress } from './queueProtocol.js';

/**
 * Settle like `promise`, or reject once `seconds` have passed.
 *
 * @param promise the work
 * @param seconds the most it may take, seconds
 * @param what the work in a few words, for the message
 * @returns what `promise` gives
 * @example
 * await withTimeout(Promise.resolve('PONG'), 5, 'PING'); // => 'PONG'
 * await withTimeout(new Promise(() => {}), 0.01, 'PING'); // a reply that never comes
 * // throws Error: PING took more than 0.01 s
 */
export function withTimeout<T>(promise: Promise<T>, seconds: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The message of anything thrown.
 *
 * @example
 * messageOf(new Error('connect ECONNREFUSED')); // => 'connect ECONNREFUSED'
 */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Connect to the Redis of a queue URL, failing at once when it cannot be
 * reached (no retry before the first connection; reconnecting afterwards,
 * every 0.2 s to 2 s). Shared by `openQueuePool` and `runQueueWorker`; its
 * own module so that the public types never mention ioredis's.
 *
 * @param address the checked URL
 * @returns a connected client (`maxRetriesPerRequest: null`, as BullMQ needs)
 * @throws {QueueError} "cannot reach Redis at URL: why"
 * @example
 * await connectRedis(parseQueueUrl('redis://127.0.0.1:1')); // where no Redis answers
 * // throws QueueError: cannot reach Redis at redis://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1
 */
export async function connectRedis(address: QueueAddress): Promise<Redis> {
  const { Redis: RedisClient } = await import('ioredis');
  let connected = false;
  const client = new RedisClient(address.url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    connectTimeout: 5_000,
    retryStrategy: (times) => (connected ? Math.min(200 * times, 2_000) : null),
  });
  let lastError = '';
  client.on('error', (error: Error) => {
    lastError = error.message;
  });
  try {
    await client.connect();
    await withTimeout(client.ping(), 5, 'PING');
    connected = true;
  } catch (error) {
    client.disconnect();
    throw new QueueError(`cannot reach Redis at ${address.shown}: ${lastError || messageOf(error)}`);
  }
  return client;
}
