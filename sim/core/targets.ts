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
