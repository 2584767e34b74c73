/**
 * Replications on worker threads: a year of the 12333 default load (the
 * simulator bench's `yearScenario12333`: staffed per half hour by Erlang A for an
 * 80% answer rate, lognormal handle times, redials) replicated on 1 and then 2 worker threads. Prints
 * wall-clock seconds, the speed-up and whether both gave the same results.
 * Figures, not a test; noisy when other work shares the machine.
 *
 *   npm run build && node dist/test/bench/replicate.js [replications]
 */
import { availableParallelism, loadavg } from 'node:os';
import { replicate, type ReplicationResult } from '../../sim/plan/replicate.js';
import { yearScenario12333 } from './simulator.js';

/** A replicate result as JSON without what differs between identical runs (wall-clock times, where the runs went). */
export const stripTiming = (result: ReplicationResult): string =>
  JSON.stringify({
    ...result,
    timing: null,
    runs: result.runs.map((run) => ({ ...run, timing: { ...run.timing, runSeconds: null } })),
  });

export async function benchReplicate(replications = 4): Promise<void> {
  const scenario = yearScenario12333();
  console.log(
    `replicate: a 12333 year x ${replications} replications (${availableParallelism()} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
  const one = await replicate(scenario, { replications, seed: 1, workers: 1 });
  const attempts = one.runs.reduce((sum, run) => sum + run.timing.attempts, 0) / replications;
  console.log(
    `  1 worker : ${one.timing.wallSeconds.toFixed(1)} s wall, ${(one.timing.wallSeconds / replications).toFixed(1)} s per year of ${(attempts / 1e6).toFixed(2)} M attempts`,
  );
  const two = await replicate(scenario, { replications, seed: 1, workers: 2 });
  console.log(`  2 workers: ${two.timing.wallSeconds.toFixed(1)} s wall`);
  console.log(
    `  speed-up ${(one.timing.wallSeconds / two.timing.wallSeconds).toFixed(2)}x (target >= 1.8); identical results: ${stripTiming(one) === stripTiming(two)}`,
  );
}

if (process.argv[1]?.endsWith('replicate.js')) {
  await benchReplicate(Number(process.argv[2] ?? 4));
}
