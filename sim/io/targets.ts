import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { decodeText } from './encoding.js';
import { parseJson } from './json.js';

/*
 * Target sets as data (data/targets/*.json): the indicator tables of a budget
 * performance-target form (财政项目支出绩效目标表), or a standard, one indicator
 * per row. data/README.md has the dictionary.
 */

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

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

const indicatorSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, 'must be letters, digits and dashes, starting with a letter'),
    level1: bilingual,
    level2: bilingual,
    name: bilingual,
    comparison: z.enum(['>', '>=', '=', '<', '<=']).nullable(),
    value: z.union([z.number(), z.string().min(1)]),
    unit: z.enum(['fraction', 'count', 'minutes', 'seconds', 'text']),
    kpi: z.enum(TARGET_KPIS).nullable(),
    answerWithinSeconds: z.number().min(0).max(86_400).optional(),
    faultLevel: z.number().int().min(1).max(3).optional(),
    modelledBy: z.string().min(1),
    source: z.string().min(1),
  })
  .strict();

/** The schema of a target-set file (strict: unknown fields are errors). */
export const targetSetSchema = z
  .object({
    formatVersion: z.literal(1),
    id: z.string().min(1),
    title: bilingual,
    source: z.string().min(1),
    indicators: z.array(indicatorSchema).min(1),
  })
  .strict();

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
 * Parse a target-set file: strict JSON, every problem reported at once, ids
 * unique, a `serviceLevel` indicator with its `answerWithinSeconds`, a numeric
 * value whenever there is a comparison.
 *
 * @param text the JSON text
 * @param file the file name, for the messages
 * @returns the target set
 * @throws {InputError} listing every problem (JSON path, expected, found)
 * @example
 * parseTargetSet(readFileSync('data/targets/gbt-33358-2016.json', 'utf8'), 'gbt.json').indicators.length; // => 2
 */
export function parseTargetSet(text: string, file: string): TargetSet {
  const checked = targetSetSchema.superRefine((set, ctx) => {
    const seen = new Map<string, number>();
    set.indicators.forEach((indicator, i) => {
      const first = seen.get(indicator.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'id'],
          message: `duplicate id ${JSON.stringify(indicator.id)} (first at indicators[${first}])`,
        });
      } else seen.set(indicator.id, i);
      if (indicator.comparison !== null && typeof indicator.value !== 'number') {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'value'],
          message: `must be a number when comparison is given (got ${JSON.stringify(indicator.value)})`,
        });
      }
      if (indicator.kpi === 'serviceLevel' && indicator.answerWithinSeconds === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'answerWithinSeconds'],
          message: 'is required for a serviceLevel indicator (expected a number)',
        });
      }
    });
  });
  return parseJson(text, checked, file) as TargetSet;
}

/**
 * Read a target-set file (UTF-8, or GB18030 detected).
 *
 * @param path the file
 * @returns the target set
 * @throws {InputError} listing every problem
 * @example
 * readTargetSet('data/targets/shanghai-12333-2020.json').indicators.find((t) => t.kpi === 'answerRate')?.value; // => 0.8
 */
export function readTargetSet(path: string): TargetSet {
  return parseTargetSet(decodeText(readFileSync(path), path).text, path);
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
