/**
 * Simulator benchmarks, printed as figures (never a timed test). Each case runs
 * in a child process of its own (`node --expose-gc`), so that its peak memory
 * (maxRSS) is its own and nothing else competes for the V8 heap.
 *
 * Cases:
 * - `mmcm`: the reference model, M/M/c+M with 100 agents, 25 calls a
 *   minute, 4-minute exponential handle time, 2-minute exponential patience,
 *   1,000,000 measured calls through `simulateQueue` (three runs in one process:
 *   the first includes compiling the hot loop, the others show the warm speed).
 * - `year`: a year (2020, 366 days of half hours) of the Shanghai 12333 default
 *   load (FACTS.md §7.1 via `shanghai12333Load2020`): 25,000 agent-bound first
 *   attempts a day, lognormal handle time (mean 220 s), exponential patience (90 s),
 *   redials (p 0.5, up to 4 attempts, 10-minute exponential delay), agents per half
 *   hour = the fewest meeting an 80% Erlang A answer rate at the interval's load.
 * - `yearAll`: the same year with every mechanism on (`yearScenario12333All`):
 *   staff churn (407 staff, 25% turnover, back-fill after 30 days, 26 weeks of
 *   training, the default learning curve, the roster planned for 360 live agents),
 *   the default fault levels, the default
 *   survey, day busyness (CV 0.1) and forecast error (CV 0.05).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { queueMetrics } from '../../sim/analytic/queueMetrics.js';
import { exponential, lognormal } from '../../sim/model/distributions.js';
import { DEFAULT_FAULT_LEVELS } from '../../sim/model/faults.js';
import { DEFAULT_SURVEY } from '../../sim/model/satisfaction.js';
import { expectedArrivalsPerInterval } from '../../sim/model/scenario.js';
import { shanghai12333Defaults as d, shanghai12333Load2020 as load } from '../../sim/model/shanghai12333.js';
import { simulate } from '../../sim/model/simulate.js';
import { simulateQueue } from '../../sim/model/simulateQueue.js';
import { replicate } from '../../sim/plan/replicate.js';
import type { Scenario } from '../../sim/model/types.js';

/**
 * The 12333 default load from 2020-01-01 for `days` days (a year by default),
 * staffed per half hour for an 80% Erlang A answer rate.
 */
export function yearScenario12333(days = 366): Scenario {
  const talkSd = d.meanTalkSeconds * d.talkCv; // wrap-up is a constant: it adds to the mean only
  const base: Scenario = {
    startDate: '2020-01-01',
    days,
    intervalMinutes: 30,
    arrivals: {
      kind: 'profile',
      dailyVolume: load.dailyCalls,
      monthFactors: load.monthFactors,
      weekdayFactors: load.weekdayFactors,
      intradayShares: load.intradayShares,
    },
    handle: lognormal(d.meanHandleSeconds, talkSd / d.meanHandleSeconds),
    patience: exponential(d.meanPatienceSeconds),
    redial: {
      redialProbability: d.redialProbability,
      maxAttempts: d.maxAttempts,
      delay: exponential(d.meanRedialDelaySeconds),
    },
    agents: { kind: 'constant', count: 1 },
    answerWithinSeconds: d.answerWithinSeconds,
  };
  const counts = expectedArrivalsPerInterval(base).map((calls) => {
    const q = {
      arrivalsPerHour: calls * 2,
      meanHandleSeconds: d.meanHandleSeconds,
      meanPatienceSeconds: d.meanPatienceSeconds,
      answerWithinSeconds: d.answerWithinSeconds,
    };
    let agents = Math.max(1, Math.floor(((calls * 2) / 3600) * d.meanHandleSeconds * 0.7));
    while (queueMetrics({ ...q, agents }).answerRate < d.answerRateTarget) agents++;
    return agents;
  });
  return { ...base, agents: { kind: 'perInterval', counts } };
}

/**
 * The 12333 year of `yearScenario12333` with every later mechanism on: staff
 * churn and training, platform faults, the post-call survey, day busyness and
 * volume forecast error (FACTS.md §7.1 defaults).
 */
export function yearScenario12333All(days = 366): Scenario {
  return {
    ...yearScenario12333(days),
    dayBusynessCv: 0.1,
    volumeForecastCv: 0.05,
    workforce: {
      spec: {
        initialStaff: 407,
        turnover: 0.25,
        hiring: { policy: 'backfill', recruitmentLagDays: 30, trainingDays: 182 },
      },
      // About 45 of the 407 are recruits or trainees at any time under this churn
      // (100 leavers a year, 212 days from vacancy to going live, with ramp), so the
      // roster is planned for 360 live agents.
      plannedLiveAgents: 360,
    },
    faults: { levels: DEFAULT_FAULT_LEVELS },
    survey: DEFAULT_SURVEY,
  };
}

interface CaseResult {
  name: string;
  runs: { wallSeconds: number; cpuSeconds: number; calls: number; events: number }[];
  maxRssMB: number;
  heapUsedMB: number;
  note: string;
}

async function runCase(name: string): Promise<CaseResult> {
  const runs: CaseResult['runs'] = [];
  let note = '';
  const measure = (fn: () => { calls: number; events: number }): void => {
    global.gc?.();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { calls, events } = fn();
    const wallSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    runs.push({ wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, calls, events });
  };
  if (name === 'mmcm') {
    const q = {
      agents: 100,
      arrivalsPerHour: 25 * 60,
      meanHandleSeconds: 240,
      meanPatienceSeconds: 120,
      answerWithinSeconds: 20,
    };
    for (let seed = 1; seed <= 3; seed++) {
      measure(() => {
        const r = simulateQueue(q, { calls: 1_000_000, seed });
        note = `answer rate ${r.answerRate.toFixed(4)} (Erlang A ${queueMetrics(q).answerRate.toFixed(4)})`;
        return { calls: r.offered, events: r.events };
      });
    }
  } else if (name === 'workers') {
    // Two months, 4 replications, on 1 then 2 worker threads.
    const scenario = yearScenario12333(60);
    for (const workers of [1, 2]) {
      global.gc?.();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await replicate(scenario, { replications: 4, seed: 1, workers });
      const wallSeconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const calls = r.runs.reduce((sum, run) => sum + run.horizon.offered, 0);
      runs.push({ wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, calls, events: 0 });
    }
    note = `speed-up with 2 workers: ${((runs[0]?.wallSeconds ?? 0) / (runs[1]?.wallSeconds ?? 1)).toFixed(2)}x (goal >= 1.9x)`;
  } else {
    const scenario = name === 'yearAll' ? yearScenario12333All() : yearScenario12333();
    const agentHours = (scenario.agents.kind === 'perInterval' ? scenario.agents.counts : []).reduce(
      (a, b) => a + b / 2,
      0,
    );
    measure(() => {
      const r = simulate(scenario, { seed: 1 });
      note =
        `${r.horizon.freshCallers} callers, ${r.horizon.offered} attempts, answer rate ${r.kpis.answerRate?.toFixed(4)}, ` +
        `per caller ${r.kpis.callerAnswerRate?.toFixed(4)}, ${Math.round(agentHours)} agent-hours`;
      return { calls: r.timing.attempts, events: r.timing.events };
    });
  }
  return {
    name,
    runs,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20,
    note,
  };
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

/**
 * Run the simulator cases, each in a child process, and print calls/s, events/s
 * and peak memory. Figures are noisy when other work shares the machine.
 *
 * @param cases which cases (`mmcm`, `year`, `yearAll`, `workers`); all by default
 */
export function benchSimulator(cases: readonly string[] = ['mmcm', 'year', 'yearAll', 'workers']): void {
  const script = fileURLToPath(import.meta.url);
  const load = loadavg().map((x) => x.toFixed(1));
  console.log(
    `\nSimulator (each case in its own process; wall-clock and CPU seconds; load average ${load.join(' ')} ` +
      'on this machine: with more runnable processes than cores, wall-clock figures are inflated)',
  );
  for (const name of cases) {
    const child = spawnSync(process.execPath, ['--expose-gc', script, name], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.log(`  ${name}: failed\n${child.stderr}`);
      continue;
    }
    const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as CaseResult;
    const label =
      name === 'mmcm'
        ? 'M/M/c+M, 100 agents, 25 calls/min, 1,000,000 calls (simulateQueue)'
        : name === 'year'
          ? 'a year of the 12333 default load (simulate)'
          : name === 'yearAll'
            ? 'the same year with every mechanism on: churn, faults, survey, busyness, forecast error (simulate)'
            : 'replicate: 60 days of the 12333 load, 4 replications, 1 then 2 workers';
    console.log(`  ${label}: ${result.note}`);
    result.runs.forEach((run, i) => {
      console.log(
        `    run ${i + 1}: ${run.wallSeconds.toFixed(2)} s wall, ${run.cpuSeconds.toFixed(2)} s CPU; ` +
          `${fmt(run.calls / run.wallSeconds)} calls/s (${fmt(run.calls / run.cpuSeconds)} per CPU-second), ` +
          `${fmt(run.events / run.wallSeconds)} events/s (${fmt(run.calls)} calls, ${fmt(run.events)} events)`,
      );
    });
    console.log(
      `    peak memory ${result.maxRssMB.toFixed(0)} MB RSS, heap used at the end ${result.heapUsedMB.toFixed(0)} MB`,
    );
  }
  console.log(
    '  targets (issue 15, normalised beside C in the table below): M/M/c+M >= 0.5 x C; a year <= 5 s and < 300 MB',
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] !== undefined) {
  console.log(JSON.stringify(await runCase(process.argv[2])));
}
