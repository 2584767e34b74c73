/**
 * The least-budget question for the 12333 year: the shipped 2020 scenario
 * (data/shanghai-12333-2020, its staffing table as the shape), the shipped
 * targets, the 2020 unit costs, p = 0.9, on 2 worker threads, each budget
 * judged by the library's sequential test (batches of 4, at most 60
 * replications). Prints the wall time (issue 15: at most 180 s on the
 * reference machine, normalised beside C in `table.ts`), the answer with its
 * interval, the rule with its error rates, and every budget judged. Figures,
 * not a test; noisy when other work shares the machine.
 *
 * Before issue 15 (bisection with Wilson intervals, 40 replications at most,
 * the point estimate deciding at the cap; a screen ignoring churn and faults):
 * 726 s wall, 594 s of CPU at load 5-9, 91 replications over 26 budget
 * judgments; answer 370 seats, 56,630,909 yuan, 36/40 met, 95% Wilson [0.769,
 * 0.960]; about 300 s on 2 idle cores.
 *
 *   npm run build && node dist/test/bench/plan.js [batchReplications] [maxReplications]
 */
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { shanghai12333UnitCosts2020 } from '../../sim/budget/shanghai12333Costs.js';
import { packageRoot } from '../../sim/core/packageRoot.js';
import { readScenarioFile } from '../../sim/io/scenarioFile.js';
import { readTargetSet } from '../../sim/io/targets.js';
import { leastBudget } from '../../sim/plan/leastBudget.js';

const yuan = (amount: number): string => Math.round(amount).toLocaleString('en-US');

export async function benchPlan(batchReplications = 4, maxReplications = 60): Promise<void> {
  const root = packageRoot();
  const { scenario } = readScenarioFile(join(root, 'data/shanghai-12333-2020/scenario.json'));
  const targets = readTargetSet(join(root, 'data/targets/shanghai-12333-2020.json'));
  console.log(
    `leastBudget: 12333 year at p = 0.9, batches of ${batchReplications} up to ${maxReplications} replications, 2 workers (load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
  const started = performance.now();
  let lastLine = 0;
  const answer = await leastBudget(scenario, targets, shanghai12333UnitCosts2020, {
    buying: { staffPerSeat: 407 / 359, shrinkage: 0.3 }, // data/README.md, 12333 staffing
    seed: 1,
    confidence: 0.9,
    batchReplications,
    maxReplications,
    workers: 2,
    onProgress: (step) => {
      const now = performance.now();
      if (now - lastLine < 15_000) return;
      lastLine = now;
      console.log(
        `  ... ${((now - started) / 1000).toFixed(0)} s: ${step.phase} ${step.seats} seats, ${step.replicationsDone} replications, set of ${step.replicationSet}, bracket (${step.lowSeats}, ${step.highSeats}]`,
      );
    },
  });
  const seconds = (performance.now() - started) / 1000;
  for (const e of answer.evaluations) {
    console.log(
      `  ${e.seats} seats (${yuan(e.totalYuan)} yuan): ${e.probability.successes}/${e.replications} met (${e.simulated} simulated here), 95% [${e.probability.low.toFixed(3)}, ${e.probability.high.toFixed(3)}] ${e.meets ? 'reaches p' : 'short'}${e.decidedByBoundary ? '' : ' (at the cap)'}`,
    );
  }
  console.log(
    `  answer: ${answer.found ? '' : 'NOT FOUND, '}${answer.purchase.seats} seats, ${answer.purchase.staffOnPayroll} staff, ${yuan(answer.totalYuan)} yuan; P(meet all) ${answer.probability.probability.toFixed(3)} [${answer.probability.low.toFixed(3)}, ${answer.probability.high.toFixed(3)}]; analytic screen ${answer.analyticSeats} seats`,
  );
  const t = answer.test;
  console.log(
    `  rule: SPRT of ${t.p - t.delta} against ${t.p + t.delta}, alpha = beta = ${t.alpha}, at most ${t.maxTrials}; errors with the cap ${t.reachesAtLow.toFixed(3)} and ${t.shortAtHigh.toFixed(3)}`,
  );
  console.log(
    `  ${seconds.toFixed(1)} s wall (target <= 180 s on the reference machine), ${answer.replications} replications over ${answer.evaluations.length} budgets`,
  );
}

if (process.argv[1]?.endsWith('plan.js')) {
  await benchPlan(Number(process.argv[2] ?? 4), Number(process.argv[3] ?? 60));
}
