import type { ProbabilityEstimate, TargetAssessment, TargetRow } from '../index.js';
import { formatNumber, formatPercent, formatTable, MISSING, type TextColumn } from './format.js';
import type { Sheet } from './output.js';

/*
 * The filled-in target table (`assessTargets`, via `evaluatePlan` or
 * `evaluateRuns`) as the `hotline` commands print it and write it to a
 * workbook: every row of the set in the document's order, the probability of
 * meeting it per quarter and in all of them, the quarterly assessments and the
 * verdict. Shared by the commands that show the table.
 */

/**
 * A target or predicted value in the indicator's unit: fractions as
 * percentages, seconds and minutes with their unit, counts as they are.
 *
 * @param unit the indicator's unit (`fraction`, `seconds`, `minutes`, `count`, `text`)
 * @param value the value, a text target (`健全`), or null when there is none
 * @returns the text
 * @example
 * formatTargetValue('fraction', 0.8); // => '80.00%'
 * formatTargetValue('minutes', 90); // => '90.0 min'
 */
export function formatTargetValue(unit: string, value: number | string | null): string {
  if (value === null) return MISSING;
  if (typeof value === 'string') return value;
  if (unit === 'fraction') return formatPercent(value);
  if (unit === 'seconds') return `${formatNumber(value, 1)} s`;
  if (unit === 'minutes') return `${formatNumber(value, 1)} min`;
  return Number.isInteger(value) ? String(value) : formatNumber(value, 2);
}

/**
 * A probability with its interval: `90.0% [59.6%, 98.2%]`.
 *
 * @param estimate the estimate, or null when there is none
 * @returns the text (`-` for none)
 * @example
 * formatEstimate({ probability: 0.9, low: 0.5958, high: 0.9821, successes: 9, trials: 10 }); // => '90.0% [59.6%, 98.2%]'
 */
export function formatEstimate(estimate: ProbabilityEstimate | null | undefined): string {
  if (!estimate) return MISSING;
  return `${formatPercent(estimate.probability, 1)} [${formatPercent(estimate.low, 1)}, ${formatPercent(estimate.high, 1)}]`;
}

/** A verdict as printed: `pass`, `FAIL`, `more replications` or `not simulated`. */
function verdictText(verdict: TargetRow['verdict']): string {
  if (verdict === null) return 'not simulated';
  return verdict === 'fail' ? 'FAIL' : verdict === 'pass' ? 'pass' : 'more replications';
}

/** The label of the line that judges every quarter at once. */
function allQuartersLabel(quarters: number): string {
  return quarters === 4 ? 'all four' : quarters === 1 ? 'the quarter' : `all ${quarters}`;
}

/**
 * The human text of a filled-in target table: one line per row of the set in
 * the document's order (target, predicted mean, 90% range of one year across
 * replications, probability of meeting it in each quarter, probability the
 * verdict uses with its Wilson interval, verdict), why each row without a
 * value is so, the quarterly assessments with the probability that all of
 * them pass, and the table's verdict at the planner's confidence.
 *
 * @param table the table (`PlanEvaluation.targetTable`)
 * @returns text lines, without a final newline
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const evaluation = await evaluatePlan(base, readTargetSet('data/targets/shanghai-12333-2020.json'), { replications: 2, seed: 1, workers: 0 });
 * formatTargetTable(evaluation.targetTable)[0]; // => 'Predicted mean, 90% range of one year across replications, probability of meeting the target in each quarter and in every quarter (or on the year for yearly rows) [95% Wilson interval], 2 replications'
 */
export function formatTargetTable(table: TargetAssessment): string[] {
  const level = formatPercent(table.level, 0);
  const p = formatPercent(table.confidence, 0);
  const periods = table.quarterly.map((quarter) => quarter.period);
  const columns: TextColumn[] = [
    { header: 'indicator', align: 'left' },
    { header: 'target' },
    { header: 'predicted' },
    { header: '90% range' },
    ...periods.map((period) => ({ header: `P(${period.slice(5)})` })),
    { header: `P(meet) [${level}]` },
    { header: 'verdict', align: 'left' },
  ];
  const lines = [
    `Predicted mean, 90% range of one year across replications, probability of meeting the target ` +
      `in each quarter and in every quarter (or on the year for yearly rows) [${level} Wilson interval], ` +
      `${table.replications} replications`,
    formatTable(
      columns,
      table.rows.map((row) => [
        `${row.name.zh} ${row.name.en}`,
        row.target,
        formatTargetValue(row.unit, row.mean),
        row.p05 === null
          ? MISSING
          : `${formatTargetValue(row.unit, row.p05)} .. ${formatTargetValue(row.unit, row.p95)}`,
        ...periods.map((_, q) => formatPercent(row.quarters[q]?.estimate?.probability, 0)),
        row.probability === null
          ? MISSING
          : `${formatEstimate(row.probability)}${row.judgedOn === 'year' ? ' (year)' : ''}`,
        verdictText(row.verdict),
      ]),
    ),
  ];
  const explained = table.rows.filter((row) => row.reason !== null);
  if (explained.length > 0) {
    lines.push(
      'Rows without a value:',
      ...explained.map((row) => `  ${row.name.zh} ${row.name.en}: ${row.reason ?? ''}`),
    );
  }
  if (periods.length > 0) {
    lines.push(
      '',
      `Quarterly assessment: P(every indicator judged per quarter met in the quarter) [${level}]`,
      formatTable(
        [{ header: 'quarter', align: 'left' }, { header: 'P(assessment passes)' }],
        [
          ...table.quarterly.map((quarter) => [quarter.period, formatEstimate(quarter.allMet)]),
          [allQuartersLabel(periods.length), formatEstimate(table.allQuarters)],
        ],
      ),
    );
  }
  lines.push(
    `Every measured target met: ${formatEstimate(table.allTargets)}; ` +
      `table verdict at p = ${p}: ${verdictText(table.verdict)}`,
    `Rule: ${table.rule}; rows not simulated are never assumed met`,
  );
  return lines;
}

/**
 * The workbook sheet of a filled-in target table: one row per indicator with
 * its levels, target, measure, predicted mean, 5th and 95th percentiles, the
 * probability of meeting it in each quarter and the probability the verdict
 * uses with its interval, and the verdict (or why it is not simulated).
 *
 * @param table the table
 * @param name the sheet's name
 * @returns the sheet
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const evaluation = await evaluatePlan(base, readTargetSet('data/targets/shanghai-12333-2020.json'), { replications: 2, seed: 1, workers: 0 });
 * const sheet = targetTableSheet(evaluation.targetTable);
 * [sheet.name, sheet.rows.length === evaluation.targetTable.rows.length]; // => ['Targets', true]
 */
export function targetTableSheet(table: TargetAssessment, name = 'Targets'): Sheet {
  const periods = table.quarterly.map((quarter) => quarter.period);
  return {
    name,
    columns: [
      { key: 'level1', header: '一级指标 level 1', format: 'text' },
      { key: 'level2', header: '二级指标 level 2', format: 'text' },
      { key: 'name', header: '三级指标 indicator', format: 'text' },
      { key: 'target', header: '指标值 target', format: 'text' },
      { key: 'comparison', header: 'comparison', format: 'text' },
      { key: 'value', header: 'target value' },
      { key: 'unit', header: 'unit', format: 'text' },
      { key: 'measuredBy', header: 'measured by', format: 'text' },
      { key: 'mean', header: 'predicted mean' },
      { key: 'p05', header: '5th percentile' },
      { key: 'p95', header: '95th percentile' },
      ...periods.map((period, q) => ({
        key: `q${q}`,
        header: `P(meet) ${period}`,
        format: 'percent' as const,
      })),
      { key: 'judgedOn', header: 'judged on', format: 'text' },
      { key: 'probability', header: 'P(meet)', format: 'percent' },
      { key: 'low', header: 'interval low', format: 'percent' },
      { key: 'high', header: 'interval high', format: 'percent' },
      { key: 'verdict', header: 'verdict', format: 'text' },
      { key: 'reason', header: 'note', format: 'text' },
    ],
    rows: table.rows.map((row) => {
      const cells: Record<string, string | number | null> = {
        level1: `${row.level1.zh} ${row.level1.en}`,
        level2: `${row.level2.zh} ${row.level2.en}`,
        name: `${row.name.zh} ${row.name.en}`,
        target: row.target,
        comparison: row.comparison,
        value: row.value,
        unit: row.unit,
        measuredBy: row.measuredBy,
        mean: row.mean,
        p05: row.p05,
        p95: row.p95,
        judgedOn: row.judgedOn,
        probability: row.probability?.probability ?? null,
        low: row.probability?.low ?? null,
        high: row.probability?.high ?? null,
        verdict: row.verdict ?? 'not simulated',
        reason: row.reason,
      };
      periods.forEach((_, q) => (cells[`q${q}`] = row.quarters[q]?.estimate?.probability ?? null));
      return cells;
    }),
  };
}

/**
 * The workbook sheet of the quarterly assessments: per quarter the
 * probability that every indicator judged per quarter is met, then all
 * quarters at once, then every measured target, each with its interval.
 *
 * @param table the table
 * @param name the sheet's name
 * @returns the sheet
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const evaluation = await evaluatePlan(base, readTargetSet('data/targets/shanghai-12333-2020.json'), { replications: 2, seed: 1, workers: 0 });
 * const sheet = assessmentSheet(evaluation.targetTable);
 * [sheet.name, sheet.rows.length]; // => ['Assessments', 3]
 */
export function assessmentSheet(table: TargetAssessment, name = 'Assessments'): Sheet {
  const row = (period: string, estimate: ProbabilityEstimate) => ({
    period,
    probability: estimate.probability,
    low: estimate.low,
    high: estimate.high,
    successes: estimate.successes,
    trials: estimate.trials,
  });
  return {
    name,
    columns: [
      { key: 'period', header: 'assessment', format: 'text' },
      { key: 'probability', header: 'P(passes)', format: 'percent' },
      { key: 'low', header: 'interval low', format: 'percent' },
      { key: 'high', header: 'interval high', format: 'percent' },
      { key: 'successes', header: 'replications passing', format: 'integer' },
      { key: 'trials', header: 'replications', format: 'integer' },
    ],
    rows: [
      ...table.quarterly.map((quarter) => row(quarter.period, quarter.allMet)),
      row(allQuartersLabel(table.quarterly.length), table.allQuarters),
      row('every measured target', table.allTargets),
    ],
  };
}
