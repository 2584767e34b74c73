import { availableParallelism } from 'node:os';
import { requireNonNegativeFinite } from '../core/validate.js';
import type { AnswerRateDefinition, TargetSet } from '../core/targets.js';
import { scaleDistribution } from '../model/distributions.js';
import type { Scenario } from '../model/types.js';
import type { Summary } from '../stats/summarise.js';
import { evaluatePlan, type ProbabilityEstimate } from './evaluatePlan.js';
import { borrowPool, type ReplicationPool } from './replicationPool.js';

/** An assumption a planner is unsure of; `varyAssumption` multiplies it by a factor. */
export type Assumption = 'volume' | 'handle' | 'patience' | 'redialProbability' | 'turnover';

/**
 * A scenario with one assumption multiplied by a factor: `volume` scales the
 * expected arrivals (`dailyVolume` or every `callsPerInterval`), `handle` and
 * `patience` scale their distribution (mean, shape kept; empirical samples
 * scaled), `redialProbability` scales the redial probability (capped at 1),
 * `turnover` scales the workforce's annual turnover (every tenure band's rate).
 * A scenario without patience, redials or workforce is returned unchanged for those.
 *
 * @param scenario the base scenario
 * @param assumption what to vary
 * @param factor the multiplier, >= 0 (1.1 is +10%)
 * @returns the varied scenario (the base is not modified)
 * @throws {RangeError} when `factor` is negative or not finite, or `volume` is varied on arrivals of kind `at`
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * varyAssumption(base, 'volume', 1.2).arrivals; // => { kind: 'profile', dailyVolume: 2880 } (20% more calls)
 */
export function varyAssumption(scenario: Scenario, assumption: Assumption, factor: number): Scenario {
  const fn = 'varyAssumption';
  requireNonNegativeFinite(fn, 'factor', factor);
  switch (assumption) {
    case 'volume': {
      const arrivals = scenario.arrivals;
      if (arrivals.kind === 'at') {
        throw new RangeError(
          `${fn}: volume cannot be varied on arrivals of kind 'at' (got factor ${factor})`,
        );
      }
      return {
        ...scenario,
        arrivals:
          arrivals.kind === 'profile'
            ? { ...arrivals, dailyVolume: arrivals.dailyVolume * factor }
            : { ...arrivals, callsPerInterval: arrivals.callsPerInterval.map((calls) => calls * factor) },
      };
    }
    case 'handle':
      return { ...scenario, handle: scaleDistribution(scenario.handle, factor) };
    case 'patience':
      return scenario.patience === undefined
        ? scenario
        : { ...scenario, patience: scaleDistribution(scenario.patience, factor) };
    case 'redialProbability':
      return scenario.redial === undefined
        ? scenario
        : {
            ...scenario,
            redial: {
              ...scenario.redial,
              redialProbability: Math.min(1, scenario.redial.redialProbability * factor),
            },
          };
    case 'turnover': {
      const workforce = scenario.workforce;
      if (workforce === undefined) return scenario;
      const turnover = workforce.spec.turnover;
      return {
        ...scenario,
        workforce: {
          ...workforce,
          spec: {
            ...workforce.spec,
            turnover:
              typeof turnover === 'number'
                ? turnover * factor
                : turnover.map((band) => ({ ...band, annualRate: band.annualRate * factor })),
          },
        },
      };
    }
  }
}

/** One varied assumption and what it does to the plan. */
export interface SensitivityRow {
  assumption: Assumption | 'baseline';
  factor: number;
  /** Probability of meeting every measured target in every quarter, with its Wilson interval. */
  probability: ProbabilityEstimate;
  /** The whole horizon's answer rate (per attempt) across replications. */
  answerRate: Summary | null;
}

/** Options of `sensitivity`. */
export interface SensitivityOptions {
  replications: number;
  /** The seed of every variant (common random numbers). */
  seed: number;
  /**
   * Factors per assumption.
   *
   * __Default value:__ volume 0.8, 0.9, 1.1, 1.2; handle, patience and redial probability 0.9, 1.1;
   * turnover 0.5, 1.5 (only when the scenario has a workforce)
   */
  factors?: Partial<Record<Assumption, readonly number[]>>;
  workers?: number;
  /** Where the replications run, left open (see `replicate`). __Default value:__ `workers` worker threads (the cores available, at most the runs) for every variant */
  pool?: ReplicationPool;
  answerRateDefinition?: AnswerRateDefinition;
  /** Called as each variant finishes (variants run at once, so not in order), with the count done. __Default value:__ none */
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_FACTORS: Record<Assumption, readonly number[]> = {
  volume: [0.8, 0.9, 1.1, 1.2],
  handle: [0.9, 1.1],
  patience: [0.9, 1.1],
  redialProbability: [0.9, 1.1],
  turnover: [0.5, 1.5],
};

/**
 * Sensitivity of a plan to its assumptions: the baseline and each assumption
 * varied alone by each factor (`varyAssumption`), every variant replicated
 * with the same seed (common random numbers), so differences come from the
 * assumption and not from luck. The rows are the data of a tornado chart.
 * Every variant's replications go to one pool at once (`options.pool`, or
 * worker threads opened for the call), so a queue's workers are all busy.
 *
 * @param scenario the plan
 * @param targets the target set
 * @param options replications, seed, factors, workers or pool, progress
 * @returns the baseline row first, then one row per assumption and factor
 * @throws {RangeError} when an option or a factor is invalid
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const rows = await sensitivity(base, readTargetSet('data/targets/shanghai-12333-2020.json'), { replications: 2, seed: 1, workers: 0 });
 * rows.map((r) => `${r.assumption} x${r.factor}`).slice(0, 3); // => ['baseline x1', 'volume x0.8', 'volume x0.9']
 */
export async function sensitivity(
  scenario: Scenario,
  targets: TargetSet,
  options: SensitivityOptions,
): Promise<SensitivityRow[]> {
  const variants: { assumption: Assumption | 'baseline'; factor: number; scenario: Scenario }[] = [
    { assumption: 'baseline', factor: 1, scenario },
  ];
  for (const assumption of Object.keys(DEFAULT_FACTORS) as Assumption[]) {
    if (assumption === 'turnover' && scenario.workforce === undefined) continue;
    for (const factor of options.factors?.[assumption] ?? DEFAULT_FACTORS[assumption]) {
      variants.push({ assumption, factor, scenario: varyAssumption(scenario, assumption, factor) });
    }
  }
  // Every variant's replications at once on one pool (a queue's workers all busy, not a variant at a time).
  const jobs = options.replications * variants.length;
  const { pool, release } = borrowPool(
    'sensitivity',
    options,
    Number.isInteger(jobs) && jobs > 0 ? Math.min(availableParallelism(), jobs) : 1,
  );
  let done = 0;
  let rows: SensitivityRow[];
  try {
    rows = await Promise.all(
      variants.map(async (variant) => {
        const evaluation = await evaluatePlan(variant.scenario, targets, {
          replications: options.replications,
          seed: options.seed,
          pool,
          ...(options.answerRateDefinition !== undefined
            ? { answerRateDefinition: options.answerRateDefinition }
            : {}),
        });
        options.onProgress?.(++done, variants.length);
        return {
          assumption: variant.assumption,
          factor: variant.factor,
          probability: evaluation.allTargets,
          answerRate: evaluation.kpis.answerRate,
        };
      }),
    );
  } finally {
    await release();
  }
  return rows;
}

/** One bar of a tornado chart: how far an assumption moves a measure, low and high. */
export interface TornadoBar {
  assumption: Assumption;
  /** The smallest and largest factor tried. */
  lowFactor: number;
  highFactor: number;
  /** The measure at the baseline and at the low and high factor. */
  baseline: number;
  atLow: number;
  atHigh: number;
  /** The largest minus the smallest measure over every factor tried (baseline included). */
  swing: number;
}

/**
 * Tornado data from `sensitivity` rows: for each assumption, the measure at
 * its lowest and highest factor and its swing (the range over every factor
 * tried, baseline included), sorted by swing, largest first (ties by name),
 * so the first bar is the assumption that moves the answer most.
 *
 * @param rows the rows of `sensitivity` (a `baseline` row first)
 * @param measure `'probability'` (of meeting every target) or `'answerRate'` (its mean)
 * @returns one bar per assumption varied, largest swing first
 * @throws {RangeError} when there is no baseline row
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const rows = await sensitivity(base, readTargetSet('data/targets/shanghai-12333-2020.json'), { replications: 2, seed: 1, workers: 0 });
 * tornado(rows, 'answerRate')[0]?.assumption; // => 'volume'
 */
export function tornado(
  rows: readonly SensitivityRow[],
  measure: 'probability' | 'answerRate',
): TornadoBar[] {
  const valueOf = (row: SensitivityRow): number =>
    measure === 'probability' ? row.probability.probability : (row.answerRate?.mean ?? Number.NaN);
  const baselineRow = rows.find((row) => row.assumption === 'baseline');
  if (baselineRow === undefined) throw new RangeError('tornado: rows must hold the baseline row (got none)');
  const baseline = valueOf(baselineRow);
  const byAssumption = new Map<Assumption, SensitivityRow[]>();
  for (const row of rows) {
    if (row.assumption === 'baseline') continue;
    const list = byAssumption.get(row.assumption) ?? [];
    list.push(row);
    byAssumption.set(row.assumption, list);
  }
  const bars: TornadoBar[] = [];
  for (const [assumption, list] of byAssumption) {
    const sorted = [...list].sort((a, b) => a.factor - b.factor);
    const low = sorted[0] as SensitivityRow;
    const high = sorted.at(-1) as SensitivityRow;
    const values = [baseline, ...sorted.map(valueOf)];
    bars.push({
      assumption,
      lowFactor: low.factor,
      highFactor: high.factor,
      baseline,
      atLow: valueOf(low),
      atHigh: valueOf(high),
      swing: Math.max(...values) - Math.min(...values),
    });
  }
  return bars.sort((a, b) => b.swing - a.swing || a.assumption.localeCompare(b.assumption));
}
