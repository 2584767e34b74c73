/**
 * Replications on worker threads: a year of the 12333 default load (staffed per
 * half hour by Erlang A for an 80% answer rate, with lognormal handle times,
 * redials and day busyness) replicated on 1 and then 2 worker threads. Prints
 * wall-clock seconds, the speed-up and whether both gave the same results.
 * Figures, not a test; noisy when other work shares the machine.
 *
 *   npm run build && node dist/test/bench/replicate.js [replications]
 */
import { availableParallelism, loadavg } from 'node:os';
import { exponential, lognormal } from '../../sim/model/distributions.js';
import { shanghai12333Defaults as d, shanghai12333Load2020 as load } from '../../sim/model/shanghai12333.js';
import type { Scenario } from '../../sim/model/types.js';
import { replicate, type ReplicationResult } from '../../sim/plan/replicate.js';
import { staffToTarget } from '../../sim/plan/staffToTarget.js';

function yearScenario(): Scenario {
  const { dailyCalls, monthFactors, weekdayFactors, intradayShares } = load;
  return staffToTarget(
    {
      startDate: '2020-01-01',
      days: 366,
      intervalMinutes: 30,
      arrivals: { kind: 'profile', dailyVolume: dailyCalls, monthFactors, weekdayFactors, intradayShares },
      dayBusynessCv: 0.1,
      handle: lognormal(d.meanHandleSeconds, (d.meanTalkSeconds * d.talkCv) / d.meanHandleSeconds),
      patience: exponential(d.meanPatienceSeconds),
      redial: {
        redialProbability: d.redialProbability,
        maxAttempts: d.maxAttempts,
        delay: exponential(d.meanRedialDelaySeconds),
      },
      agents: { kind: 'constant', count: 0 },
      answerWithinSeconds: d.answerWithinSeconds,
    },
    { answerRate: d.answerRateTarget },
    { maxAgents: d.seats },
  );
}

const stripTiming = (result: ReplicationResult): string =>
  JSON.stringify({
    ...result,
    timing: null,
    runs: result.runs.map((run) => ({ ...run, timing: { ...run.timing, runSeconds: null } })),
  });

export async function benchReplicate(replications = 4): Promise<void> {
  const scenario = yearScenario();
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
