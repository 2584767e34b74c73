/*
 * Target sets (the indicator tables of a budget performance-target form, or a
 * standard) as types, and the rule that checks a measured value against an
 * indicator. Kept in core so that planning (plan/), reports and readers (io/)
 * share them without importing one another; io/targets.ts reads the files.
 */

/** How the answer rate of a scenario's targets is defined (FACTS §0.1; SEED definitions). */
export type AnswerRateDefinition = 'perAttempt' | 'perCaller' | 'includingSelfService';

/** How an indicator's measured value is compared with its target value. */
export type TargetComparison = '>' | '>=' | '=' | '<' | '<=';

/**
 * Measures an indicator can be checked against: the simulator's `Kpis` fields,
 * and the measures that later mechanisms (workforce, faults, satisfaction,
 * budget, work orders) will report. `null` in a file: nothing measures it (a
 * qualitative indicator such as "rules established").
 */
export const TARGET_KPIS = [
  'answerRate',
  'callerAnswerRate',
  'answerRateIncludingSelfService',
  'abandonRate',
  'serviceLevel',
  'serviceLevelOfAnswered',
  'asaSeconds',
  'occupancy',
  'assessmentsPerYear',
  'budgetExecutionRate',
  'earmarkedShare',
  'qaPassRate',
  'trainedBeforeCallsShare',
  'dissatisfiedReviewedShare',
  'faultResponseMinutes',
  'faultRepairMinutes',
  'complaintRate',
  'satisfaction',
  'turnoverRate',
  'firstContactRate',
  'onTimeCompletionRate',
  'resolutionRate',
] as const;

/** A measure named by `TARGET_KPIS`. */
export type TargetKpi = (typeof TARGET_KPIS)[number];

/** One indicator of a target set. */
export interface TargetIndicator {
  /** Identifier, unique in the set: `answerRate`, `fault1Repair`. */
  readonly id: string;
  /** 一级目标 (level 1): `产出目标` / `outputs`. */
  readonly level1: { readonly zh: string; readonly en: string };
  /** 二级目标 (level 2): `数量` / `quantity`. */
  readonly level2: { readonly zh: string; readonly en: string };
  /** 三级目标 (level 3), the indicator itself: `综合接通率` / `overall answer rate`. */
  readonly name: { readonly zh: string; readonly en: string };
  /** How the measure compares with `value`; null for a qualitative target (`健全`, established). */
  readonly comparison: TargetComparison | null;
  /** The target value: a fraction, a count, minutes or seconds (per `unit`), or text for a qualitative one. */
  readonly value: number | string;
  /** Unit of `value`. */
  readonly unit: 'fraction' | 'count' | 'minutes' | 'seconds' | 'text';
  /** The measure that checks it, or null when nothing in the planner measures it. */
  readonly kpi: TargetKpi | null;
  /** The service-level threshold, seconds, for `serviceLevel` indicators. */
  readonly answerWithinSeconds?: number;
  /** The fault level (1-3) of a fault indicator. */
  readonly faultLevel?: number;
  /** How the planner models it, in words. */
  readonly modelledBy: string;
  /** Where the target comes from. */
  readonly source: string;
}

/** A set of targets a scenario can be judged against. */
export interface TargetSet {
  readonly formatVersion: 1;
  /** Identifier: `shanghai-12333-2020`, `gbt-33358-2016`. */
  readonly id: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** The document the set comes from. */
  readonly source: string;
  readonly indicators: readonly TargetIndicator[];
}

/**
 * Whether a measured value meets an indicator (false for a qualitative
 * indicator, whose `comparison` is null: it cannot be measured).
 *
 * @param indicator the indicator
 * @param measured the measured value, in the indicator's unit
 * @returns true when `measured comparison value` holds
 * @example
 * meetsIndicator({ comparison: '>', value: 0.8 } as TargetIndicator, 0.81); // => true
 */
export function meetsIndicator(
  indicator: Pick<TargetIndicator, 'comparison' | 'value'>,
  measured: number,
): boolean {
  const v = indicator.value;
  if (typeof v !== 'number' || indicator.comparison === null) return false;
  switch (indicator.comparison) {
    case '>':
      return measured > v;
    case '>=':
      return measured >= v;
    case '=':
      return measured === v;
    case '<':
      return measured < v;
    case '<=':
      return measured <= v;
  }
}

/**
 * The target measures the simulator reports (a subset of `TARGET_KPIS`, each a
 * field of the simulator's `Kpis`).
 */
export const SIMULATED_KPIS = [
  'answerRate',
  'callerAnswerRate',
  'answerRateIncludingSelfService',
  'abandonRate',
  'serviceLevel',
  'serviceLevelOfAnswered',
  'asaSeconds',
  'occupancy',
] as const;

/** A measure named by `SIMULATED_KPIS`. */
export type SimulatedKpi = (typeof SIMULATED_KPIS)[number];

/** The simulated KPI that measures each answer-rate definition. */
export const ANSWER_RATE_KPI: Readonly<Record<AnswerRateDefinition, SimulatedKpi>> = {
  perAttempt: 'answerRate',
  perCaller: 'callerAnswerRate',
  includingSelfService: 'answerRateIncludingSelfService',
};

/** How a simulation measures an indicator, or why it cannot. */
export type IndicatorMeasure =
  | {
      /** The simulated KPI to compare (an `answerRate` indicator follows the definition). */
      readonly kpi: SimulatedKpi;
      /** Multiply the KPI by this to get the indicator's unit (1/60 for an ASA target in minutes). */
      readonly scale: number;
    }
  | { readonly kpi: null; readonly reason: string };

/**
 * Which simulated KPI measures an indicator: none when the indicator is
 * qualitative or measured by another mechanism, or when it is a service level
 * at another threshold than the scenario's. The one rule that plans, the CLI
 * and reports share.
 *
 * @param indicator the indicator
 * @param definition which answer rate judges an `answerRate` indicator
 * @param answerWithinSeconds the scenario's service-level threshold, seconds
 * @returns the KPI and the scale to the indicator's unit, or `kpi: null` with the reason
 * @example
 * indicatorMeasure({ kpi: 'answerRate', comparison: '>', value: 0.8, unit: 'fraction', modelledBy: '' }, 'perCaller', 15);
 * // => { kpi: 'callerAnswerRate', scale: 1 }
 */
export function indicatorMeasure(
  indicator: Pick<
    TargetIndicator,
    'kpi' | 'comparison' | 'value' | 'unit' | 'modelledBy' | 'answerWithinSeconds'
  >,
  definition: AnswerRateDefinition,
  answerWithinSeconds: number,
): IndicatorMeasure {
  const kpi = indicator.kpi;
  if (
    kpi === null ||
    !(SIMULATED_KPIS as readonly string[]).includes(kpi) ||
    indicator.comparison === null ||
    typeof indicator.value !== 'number'
  ) {
    return { kpi: null, reason: `not simulated (${indicator.modelledBy})` };
  }
  if (
    kpi === 'serviceLevel' &&
    indicator.answerWithinSeconds !== undefined &&
    indicator.answerWithinSeconds !== answerWithinSeconds
  ) {
    return {
      kpi: null,
      reason: `not simulated (threshold ${indicator.answerWithinSeconds} s; the scenario measures ${answerWithinSeconds} s)`,
    };
  }
  return {
    kpi: kpi === 'answerRate' ? ANSWER_RATE_KPI[definition] : (kpi as SimulatedKpi),
    scale: kpi === 'asaSeconds' && indicator.unit === 'minutes' ? 1 / 60 : 1,
  };
}
