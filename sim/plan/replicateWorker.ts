/**
 * Worker-thread entry of `openReplicationPool` (and so of `replicate` and of
 * `hotline worker`). Node starts it from the compiled
 * `dist/sim/plan/replicateWorker.js` (Node 20 cannot start a `.ts` worker).
 *
 * Protocol: the parent posts `{ replication, seed, keepIntervals, scenarioId,
 * scenario?, forget? }`, sending a scenario only the first time this thread
 * sees its id (the thread keeps it by id) and listing in `forget` the ids it
 * may drop. The thread answers `{ run }` or `{ error: { name, message } }`.
 */
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../model/types.js';
import { runReplication } from './runReplication.js';

interface WorkerMessage {
  replication: number;
  seed: number;
  keepIntervals: boolean;
  scenarioId: number;
  scenario?: Scenario;
  forget?: number[];
}

const port = parentPort;
if (port === null)
  throw new Error('replicateWorker: must run as a worker thread (started by openReplicationPool)');
const scenarios = new Map<number, Scenario>();

port.on('message', (message: WorkerMessage) => {
  try {
    for (const id of message.forget ?? []) scenarios.delete(id);
    if (message.scenario !== undefined) scenarios.set(message.scenarioId, message.scenario);
    const scenario = scenarios.get(message.scenarioId);
    if (scenario === undefined) {
      throw new Error(
        `replicateWorker: no scenario ${message.scenarioId} for replication ${message.replication}`,
      );
    }
    port.postMessage({
      run: runReplication(scenario, message.seed, message.replication, message.keepIntervals),
    });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ error: { name: e.name, message: e.message } });
  }
});
