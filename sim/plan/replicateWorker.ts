/**
 * Worker-thread entry of `replicate` and of `openReplicationPool`. Node starts
 * it from the compiled `dist/sim/plan/replicateWorker.js` (Node 20 cannot
 * start a `.ts` worker).
 *
 * Protocol of `replicate`: `workerData` is `{ scenario, seed, keepIntervals }`;
 * the parent posts `{ replication }` for each run to do.
 * Protocol of the pool: `workerData` is `{ keepIntervals }`; the parent posts
 * `{ replication, seed, scenarioId, scenario? }`, sending a scenario only the
 * first time this worker sees its id (the worker keeps it by id).
 * Either way the worker answers `{ replication, run }` or
 * `{ replication, error: { name, message } }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../model/types.js';
import { runReplication } from './runReplication.js';

interface WorkerInput {
  scenario?: Scenario;
  seed?: number;
  keepIntervals: boolean;
}

interface WorkerMessage {
  replication: number;
  seed?: number;
  scenarioId?: number;
  scenario?: Scenario;
}

const input = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error('replicateWorker: must run as a worker thread (started by replicate)');
const scenarios = new Map<number, Scenario>();

port.on('message', (message: WorkerMessage) => {
  try {
    if (message.scenarioId !== undefined && message.scenario !== undefined) {
      scenarios.set(message.scenarioId, message.scenario);
    }
    const scenario = message.scenarioId !== undefined ? scenarios.get(message.scenarioId) : input.scenario;
    const seed = message.seed ?? input.seed;
    if (scenario === undefined || seed === undefined) {
      throw new Error(`replicateWorker: no scenario or seed for replication ${message.replication}`);
    }
    const run = runReplication(scenario, seed, message.replication, input.keepIntervals);
    port.postMessage({ replication: message.replication, run });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ replication: message.replication, error: { name: e.name, message: e.message } });
  }
});
