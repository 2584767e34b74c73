/**
 * Benchmarks of the analytic layer (printed by `npm run bench`, not a test).
 * Figures are wall-clock times on the machine at hand: noisy when other work
 * runs on it; compare runs on a quiet machine.
 */
import { queueMetrics } from '../../sim/analytic/queueMetrics.js';
import type { StaffingPlanInterval } from '../../sim/analytic/staffingPlan.js';
import { staffingPlan } from '../../sim/analytic/staffingPlan.js';
import { shanghai12333Load2020 } from '../../sim/model/shanghai12333.js';

/** A year (365 days from 2021-01-01) of half hours of the 12333 load: 25,000 calls a day. */
function yearOfHalfHours(withCalendar: boolean): StaffingPlanInterval[] {
  const { dailyCalls, monthFactors, weekdayFactors, intradayShares } = shanghai12333Load2020;
  const rows: StaffingPlanInterval[] = [];
  for (let d = 0; d < 365; d++) {
    const date = new Date(Date.UTC(2021, 0, 1 + d));
    const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
    const dayFactor = withCalendar
      ? (monthFactors[date.getUTCMonth()] ?? 1) * (weekdayFactors[weekday] ?? 1)
      : 1;
    for (let slot = 0; slot < 48; slot++) {
      const calls = dailyCalls * dayFactor * (intradayShares[slot] ?? 0);
      rows.push({
        start:
          date.toISOString().slice(0, 10) +
          ` ${String(Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 ? '30' : '00'}`,
        arrivalsPerHour: 2 * calls,
        meanHandleSeconds: 220,
        meanPatienceSeconds: 90,
        answerWithinSeconds: 20,
      });
    }
  }
  return rows;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** Wall-clock and CPU milliseconds of one call (CPU time is less disturbed by other work). */
function measure(run: () => void): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  run();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function timePlan(label: string, intervals: StaffingPlanInterval[]): void {
  const target = { answerRate: 0.8, serviceLevel: 0.8 };
  let peak = 0;
  const first = measure(() => {
    peak = Math.max(...staffingPlan(intervals, target, { shrinkage: 0.3 }).map((row) => row.requiredAgents));
  });
  const runs = Array.from({ length: 7 }, () =>
    measure(() => staffingPlan(intervals, target, { shrinkage: 0.3 })),
  );
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  console.log(
    `staffingPlan, ${intervals.length} half hours, ${label}: first run ${first.wall.toFixed(1)} ms ` +
      `(CPU ${first.cpu.toFixed(1)} ms), then median ${wall.toFixed(1)} ms (CPU ${cpu.toFixed(1)} ms) ` +
      `[answerRate 0.8 and serviceLevel 0.8 in 20 s; peak ${peak} agents; goal < 200 ms]`,
  );
}

function timeMetrics(label: string, q: Parameters<typeof queueMetrics>[0]): void {
  let sink = 0;
  for (let i = 0; i < 200; i++) sink += queueMetrics(q).serviceLevel;
  const calls = 2_000;
  const { wall, cpu } = measure(() => {
    for (let i = 0; i < calls; i++) sink += queueMetrics(q).serviceLevel;
  });
  console.log(
    `queueMetrics, ${label}: ${((wall / calls) * 1000).toFixed(1)} µs per call ` +
      `(CPU ${((cpu / calls) * 1000).toFixed(1)} µs; mean of ${calls}; goal < 1 ms)${sink < 0 ? '!' : ''}`,
  );
}

/** Print the analytic benchmarks. */
export async function benchAnalytic(): Promise<void> {
  console.log('analytic layer (wall clock; noisy while other work runs on the machine)');
  timePlan('month x weekday x half-hour profile', yearOfHalfHours(true));
  timePlan('the same day repeated (cache hits)', yearOfHalfHours(false));
  const base = { agents: 1000, meanHandleSeconds: 220, answerWithinSeconds: 20 };
  timeMetrics('1,000 agents, Erlang A (950 erlangs, 90 s patience)', {
    ...base,
    arrivalsPerHour: (950 * 3600) / 220,
    meanPatienceSeconds: 90,
  });
  timeMetrics('1,000 agents, Erlang A overloaded (1,100 erlangs)', {
    ...base,
    arrivalsPerHour: (1100 * 3600) / 220,
    meanPatienceSeconds: 90,
  });
  timeMetrics('1,000 agents, Erlang C (950 erlangs)', { ...base, arrivalsPerHour: (950 * 3600) / 220 });
  await Promise.resolve();
}
