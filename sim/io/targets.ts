import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { decodeText } from './encoding.js';
import { parseJson } from './json.js';
import { TARGET_CHANNELS, TARGET_KPIS, type TargetSet } from '../core/targets.js';

export {
  TARGET_KPIS,
  formatTarget,
  meetsIndicator,
  type TargetComparison,
  type TargetIndicator,
  type TargetKpi,
  type TargetSet,
} from '../core/targets.js';

/*
 * Target sets as data (data/targets/*.json): the indicator tables of a budget
 * performance-target form (财政项目支出绩效目标表), or a standard, one indicator
 * per row. data/README.md has the dictionary.
 */

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
    targetText: z.string().min(1).optional(),
    unit: z.enum(['fraction', 'count', 'minutes', 'seconds', 'text']),
    kpi: z.enum(TARGET_KPIS).nullable(),
    answerWithinSeconds: z.number().min(0).max(86_400).optional(),
    faultLevel: z.number().int().min(1).max(3).optional(),
    channel: z.enum(TARGET_CHANNELS).optional(),
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

/**
 * Parse a target-set file: strict JSON, every problem reported at once, ids
 * unique, a `serviceLevel` indicator with its `answerWithinSeconds`, a fault
 * indicator with its `faultLevel`, a numeric value whenever there is a
 * comparison. `targetText` (optional) is the target as the document prints it.
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
      if (
        (indicator.kpi === 'faultResponseMinutes' || indicator.kpi === 'faultRepairMinutes') &&
        indicator.faultLevel === undefined
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'faultLevel'],
          message: `is required for a ${indicator.kpi} indicator (expected 1, 2 or 3)`,
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
