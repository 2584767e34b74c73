import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * What the submitting command (`openQueuePool`) and `hotline worker`
 * (`runQueueWorker`) agree on: the BullMQ queue, the Redis keys beside it, a
 * job's data and how runs and scenarios travel.
 *
 * Keys, all under `hotline:`:
 * - `hotline:replications:*`: the BullMQ queue (`QUEUE_NAME` with prefix `QUEUE_PREFIX`);
 * - `hotline:scenario:<sha256>`: a scenario, by the hash of its bytes, sent once by
 *   the command that needs it (an hour to live, renewed while that command runs);
 * - `hotline:run:<id>`: present while the command that sent jobs is running
 *   (30 s to live, renewed every 10 s); a worker skips a job whose command is gone;
 * - `hotline:result:<job id>`: a finished run, taken (GET and DEL) by the command.
 * Runs and scenarios are `v8.serialize`d (the structured clone of worker
 * threads, so a run read back equals the one a thread would have posted,
 * `-0`, `Infinity` and `undefined` included) and deflated.
 */

/** Name of the BullMQ queue. */
export const QUEUE_NAME = 'replications';
/** Prefix of the queue's keys and of the keys beside it. */
export const QUEUE_PREFIX = 'hotline';
/** Seconds a scenario stays in Redis after its command last renewed it. */
export const SCENARIO_TTL_SECONDS = 3_600;
/** Seconds a command's presence key lives; renewed every `RUN_RENEW_SECONDS`. */
export const RUN_TTL_SECONDS = 30;
export const RUN_RENEW_SECONDS = 10;
/** Seconds a finished run waits for its command to take it. */
export const RESULT_TTL_SECONDS = 3_600;

/** Redis key of a scenario by its hash. */
export const scenarioKey = (hash: string): string => `${QUEUE_PREFIX}:scenario:${hash}`;
/** Redis key present while the command that sent a job runs. */
export const runKey = (runId: string): string => `${QUEUE_PREFIX}:run:${runId}`;
/** Redis key of a finished job's run. */
export const resultKey = (jobId: string): string => `${QUEUE_PREFIX}:result:${jobId}`;

/** The data of one queued job: one replication of a scenario known by its hash. */
export interface ReplicationJobData {
  /** `buildVersion()` of the command that sent it; a worker of another build refuses it. */
  version: string;
  /** The sending command's id (`runKey`). */
  runId: string;
  /** SHA-256 of the scenario's bytes (`scenarioKey`). */
  scenario: string;
  seed: number;
  replication: number;
  keepIntervals: boolean;
  /** Days simulated, for the worker's log. */
  days: number;
}

/**
 * A value as bytes for Redis: `v8.serialize` (what worker threads use), deflated.
 *
 * @param value a structured-cloneable value (a run, a scenario)
 * @returns the bytes
 * @example
 * decodePayload(encodePayload({ a: -0 })); // => { a: -0 }
 */
export function encodePayload(value: unknown): Buffer {
  return deflateRawSync(serialize(value));
}

/**
 * The value `encodePayload` turned into bytes.
 *
 * @param bytes what `encodePayload` gave
 * @returns the value, equal to the one encoded (as a structured clone)
 * @throws {Error} when the bytes are not a deflated v8 serialization
 * @example
 * decodePayload(encodePayload([1, Infinity])); // => [1, Infinity]
 */
export function decodePayload(bytes: Buffer): unknown {
  return deserialize(inflateRawSync(bytes));
}

/**
 * A scenario as stored in Redis: its bytes (`encodePayload`) and the content
 * hash it is stored under, SHA-256 of its `v8.serialize` bytes, so that one
 * scenario sent by many commands is stored once.
 *
 * @param scenario the scenario (any structured-cloneable value)
 * @returns the hash (64 hexadecimal digits) and the deflated bytes
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const { hash, bytes } = scenarioPayload(base);
 * hash.length; // => 64
 * readScenarioPayload(bytes, hash); // => base
 */
export function scenarioPayload(scenario: unknown): { hash: string; bytes: Buffer } {
  const raw = serialize(scenario);
  return { hash: createHash('sha256').update(raw).digest('hex'), bytes: deflateRawSync(raw) };
}

/**
 * A scenario read back from Redis, checked against the hash it was stored under.
 *
 * @param bytes what `scenarioPayload` stored
 * @param hash the key's hash
 * @returns the scenario
 * @throws {Error} when the bytes are not the scenario of that hash
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const { hash, bytes } = scenarioPayload(base);
 * readScenarioPayload(bytes, hash); // => base
 */
export function readScenarioPayload(bytes: Buffer, hash: string): unknown {
  const raw = inflateRawSync(bytes);
  if (createHash('sha256').update(raw).digest('hex') !== hash) {
    throw new Error(`the scenario stored under ${hash.slice(0, 12)} does not have that hash`);
  }
  return deserialize(raw);
}

/** A Redis queue's address, checked. */
export interface QueueAddress {
  /** The URL as given, used to connect. */
  url: string;
  /** The URL with any password replaced by `***`, for messages. */
  shown: string;
}

/**
 * Check a queue URL: `redis://HOST[:PORT][/DB]` or `rediss://` (TLS), with an
 * optional `user:password@`; the port defaults to 6379 and the database to 0.
 *
 * @param text the URL given (`--queue`)
 * @returns the URL and its printable form
 * @throws {RangeError} naming what is wrong: `queue URL must start with redis:// or rediss:// (got "http://x")`
 * @example
 * parseQueueUrl('redis://10.0.0.5:6379').shown; // => 'redis://10.0.0.5:6379'
 * parseQueueUrl('redis://:secret@cache:6380/2').shown; // => 'redis://:***@cache:6380/2'
 */
export function parseQueueUrl(text: string): QueueAddress {
  const got = `(got ${JSON.stringify(text)})`;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new RangeError(`queue URL must be redis://HOST:PORT such as redis://127.0.0.1:6379 ${got}`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new RangeError(`queue URL must start with redis:// or rediss:// ${got}`);
  }
  if (parsed.hostname === '') throw new RangeError(`queue URL names no host ${got}`);
  if (parsed.port !== '' && Number(parsed.port) === 0)
    throw new RangeError(`queue URL: port 0 is not a port ${got}`);
  if (!/^(\/(\d{1,5})?)?$/.test(parsed.pathname)) {
    throw new RangeError(`queue URL: the path must be a database number such as /0 ${got}`);
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new RangeError(`queue URL takes no ?query or #fragment ${got}`);
  }
  const shown = parsed.password === '' ? text : text.replace(`:${parsed.password}@`, ':***@');
  return { url: text, shown };
}

/** Characters a Redis client name may hold (no spaces); others become `_`. */
export function clientNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._+@-]/g, '_');
}

/**
 * A Redis or queue failure seen by a command that uses a queue: Redis
 * unreachable, no worker connected, a worker refusing a job. The CLI prints
 * the message (which names the URL) without a stack and exits with status 1.
 *
 * @example
 * new QueueError('cannot reach Redis at redis://10.0.0.5:6379: connect ECONNREFUSED').name; // => 'QueueError'
 */
export class QueueError extends Error {
  override readonly name = 'QueueError';
}
