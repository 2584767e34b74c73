import { requireNonNegativeFinite } from '../core/validate.js';
import type { AnswerRateDefinition, TargetSet } from '../core/targets.js';
import type { Distribution, Scenario } from '../model/types.js';
import type { Summary } from '../stats/summarise.js';
import { evaluatePlan, type ProbabilityEstimate } from './evaluatePlan.js';

/** An assumption a planner is unsure of; `varyAssumption` multiplies it by a factor. */
export type Assumption = 'volume' | 'handle' | 'patience' | 'redialProbability';

function scaleDistribution(distribution: Distribution, factor: number): Distribution {
  return distribution.kind === 'empirical'
    ? { kind: 'empirical', samplesSeconds: distribution.samplesSeconds.map((s) => s * factor) }
    : { ...distribution, meanSeconds: distribution.meanSeconds * factor };
}

/**
 * A scenario with one assumption multiplied by a factor: `volume` scales the
 * expected arrivals (`dailyVolume` or every `callsPerInterval`), `handle` and
 * `patience` scale their distribution (mean, shape kept; empirical samples
 * scaled), `redialProbability` scales the redial probability (capped at 1).
 * A scenario without patience or redials is returned unchanged for those.
 *
 * @param scenario the base scenario
 * @param assumption what to vary
 * @param factor the multiplier, >= 0 (1.1 is +10%)
 * @returns the varied scenario (the base is not modified)
 * @throws {RangeError} when `factor` is negative or not finite, or `volume` is varied on arrivals of kind `at`
 * @example
 * varyAssumption(scenario, 'volume', 1.2); // 20% more calls
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
   * __Default value:__ volume 0.8, 0.9, 1.1, 1.2; handle, patience and redial probability 0.9, 1.1
   */
  factors?: Partial<Record<Assumption, readonly number[]>>;
  workers?: number;
  answerRateDefinition?: AnswerRateDefinition;
  /** Called after each variant, with the count done. __Default value:__ none */
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_FACTORS: Record<Assumption, readonly number[]> = {
  volume: [0.8, 0.9, 1.1, 1.2],
  handle: [0.9, 1.1],
  patience: [0.9, 1.1],
  redialProbability: [0.9, 1.1],
};

/**
 * Sensitivity of a plan to its assumptions: the baseline and each assumption
 * varied alone by each factor (`varyAssumption`), every variant replicated
 * with the same seed (common random numbers), so differences come from the
 * assumption and not from luck. The rows are the data of a tornado chart.
 *
 * @param scenario the plan
 * @param targets the target set
 * @param options replications, seed, factors, workers, progress
 * @returns the baseline row first, then one row per assumption and factor
 * @throws {RangeError} when an option or a factor is invalid
 * @example
 * const rows = await sensitivity(plan, targets, { replications: 8, seed: 1 });
 * rows.find((r) => r.assumption === 'volume' && r.factor === 1.2)?.probability.probability;
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
    for (const factor of options.factors?.[assumption] ?? DEFAULT_FACTORS[assumption]) {
      variants.push({ assumption, factor, scenario: varyAssumption(scenario, assumption, factor) });
    }
  }
  const rows: SensitivityRow[] = [];
  for (const variant of variants) {
    const evaluation = await evaluatePlan(variant.scenario, targets, {
      replications: options.replications,
      seed: options.seed,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.answerRateDefinition !== undefined
        ? { answerRateDefinition: options.answerRateDefinition }
        : {}),
    });
    rows.push({
      assumption: variant.assumption,
      factor: variant.factor,
      probability: evaluation.allTargets,
      answerRate: evaluation.kpis.answerRate,
    });
    options.onProgress?.(rows.length, variants.length);
  }
  return rows;
}
