/**
 * Worker-thread entry of `replicate`. Node starts it from the compiled
 * `dist/sim/plan/replicateWorker.js` (Node 20 cannot start a `.ts` worker).
 *
 * Protocol: `workerData` is `{ scenario, seed, keepIntervals }`; the parent
 * posts `{ replication }` for each run to do, and the worker answers
 * `{ replication, run }` or `{ replication, error: { name, message } }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../model/types.js';
import { runReplication } from './runReplication.js';

interface WorkerInput {
  scenario: Scenario;
  seed: number;
  keepIntervals: boolean;
}

const input = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error('replicateWorker: must run as a worker thread (started by replicate)');

port.on('message', (message: { replication: number }) => {
  try {
    const run = runReplication(input.scenario, input.seed, message.replication, input.keepIntervals);
    port.postMessage({ replication: message.replication, run });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ replication: message.replication, error: { name: e.name, message: e.message } });
  }
});
