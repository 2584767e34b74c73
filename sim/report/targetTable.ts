/*
 * A filled-in target table (`assessTargets`) as the report shows it: every
 * row with the quantity its verdict judges (each quarter's value for a
 * quarterly target, the weakest quarter marked), in the unit its target
 * names, its verdict by the confidence bound, the replications that would
 * decide an undecided row, and, for a row the model makes true, why and what
 * would make it fail.
 */
import type { AnswerRateDefinition, MeasureKey, TargetSet } from '../core/targets.js';
import { replicationsToDecide } from '../plan/decision.js';
import type { TargetAssessment, TargetRow } from '../plan/assessTargets.js';
import { displayUnitOf } from './format.js';
import type { Bilingual, ReportRowQuarter, ReportTargetRow, ReportTargetTable } from './types.js';

/**
 * Measured values that the model makes hold (their row is true by
 * construction when every replication meets it), each with why it holds and
 * what would make it fail, in words.
 */
export type ConstructionNotes = Readonly<Partial<Record<MeasureKey, Bilingual>>>;

/** Chinese for the reasons `assessTargets` gives a row it does not simulate. */
const NOT_SIMULATED_ZH: readonly [RegExp, string][] = [
  [/qualitative/, '定性指标，不作模拟'],
  [/the platform exists/, '平台已建成，不作模拟'],
  [/funds received/, '资金到位情况，不作模拟'],
  [/judged, not measured/, '由人员流失、招聘与培训的模拟结果判断，不作计量'],
  [/threshold of the measured service level/, '未知模拟所用的服务水平时限，不作判定'],
  [/threshold (\d+) s; the scenario measures (\d+) s/, '目标的时限与情景所测时限不同，不作判定'],
  [/the runs do not measure/, '本次模拟未测算该项'],
  [/no value in any replication/, '各次重复均无此项数值（无事件发生，视为达标）'],
];

/**
 * The reason a row carries, in Chinese and English.
 *
 * @param reason `TargetRow.reason` (English), or null
 * @returns the note; empty texts for null
 * @example
 * rowNote('not simulated (not modelled (qualitative))').zh; // => '定性指标，不作模拟'
 */
export function rowNote(reason: string | null): Bilingual {
  if (reason === null) return { zh: '', en: '' };
  const en = reason.replace(/^not simulated \((.*)\)$/, 'not simulated: $1');
  const zh = NOT_SIMULATED_ZH.find(([pattern]) => pattern.test(reason))?.[1] ?? `未模拟（${en}）`;
  return { zh, en };
}

/** The index of the quarter least likely to meet the row's target (ties: the worse mean, then the later quarter). */
function worstQuarterOf(row: TargetRow): number | null {
  if (row.judgedOn !== 'quarters') return null;
  const better = row.comparison === '<' || row.comparison === '<=' ? -1 : 1;
  let worst: number | null = null;
  row.quarters.forEach((quarter, q) => {
    const p = quarter.estimate?.probability ?? 1;
    if (worst === null) {
      worst = q;
      return;
    }
    const current = row.quarters[worst];
    const pw = current?.estimate?.probability ?? 1;
    const mean = quarter.value?.mean ?? null;
    const meanWorst = current?.value?.mean ?? null;
    if (
      p < pw ||
      (p === pw && mean !== null && (meanWorst === null || better * mean <= better * meanWorst))
    ) {
      worst = q;
    }
  });
  return worst;
}

/**
 * One row of an assessment as the report's row.
 *
 * @param row the assessment's row
 * @param assessment the assessment (its confidence and level)
 * @param construction measured values the model makes hold
 * @returns the report's row
 */
function reportRow(
  row: TargetRow,
  assessment: TargetAssessment,
  construction: ConstructionNotes,
): ReportTargetRow {
  const displayUnit = displayUnitOf(row);
  const quarters: ReportRowQuarter[] =
    row.judgedOn === 'quarters'
      ? row.quarters.map((q) => ({
          period: q.period,
          mean: q.value?.mean ?? null,
          p05: q.value?.p05 ?? null,
          p95: q.value?.p95 ?? null,
          probability: q.estimate ? { ...q.estimate } : null,
        }))
      : [];
  const explanation = row.measuredBy === null ? undefined : construction[row.measuredBy];
  const alwaysMet = row.probability !== null && row.probability.successes === row.probability.trials;
  const byConstruction = explanation !== undefined && alwaysMet ? { ...explanation } : null;
  const status: ReportTargetRow['status'] =
    row.verdict === null ? 'notSimulated' : byConstruction !== null ? 'byConstruction' : row.verdict;
  return {
    id: row.id,
    level1: { ...row.level1 },
    level2: { ...row.level2 },
    name: { ...row.name },
    target: row.target,
    comparison: row.comparison,
    value: row.value,
    unit: row.unit,
    displayUnit,
    measuredBy: row.measuredBy,
    measuredAs: row.measuredAs ? { ...row.measuredAs } : null,
    judgedOn: row.judgedOn,
    mean: row.mean,
    p05: row.p05,
    p95: row.p95,
    quarters,
    worstQuarter: worstQuarterOf(row),
    probability: row.probability ? { ...row.probability } : null,
    status,
    replicationsToDecide:
      status === 'undecided' && row.probability
        ? replicationsToDecide(row.probability, assessment.confidence, assessment.level)
        : null,
    byConstruction,
    note: rowNote(row.reason),
  };
}

/**
 * A filled-in target table (`assessTargets`, or the 12345 desk's
 * `deskTargetTable`) as the report's table: every row in the document's
 * order, with each quarter's value, the weakest quarter, the verdict by the
 * confidence bound and, for rows the model makes true, why. Use it to add
 * another project's table to a report as a section:
 * `sections: [{ id: 'desk', title, blocks: [{ kind: 'targets', table }] }]`.
 *
 * @param set the target set (title and source)
 * @param assessment the filled-in table
 * @param answerRateDefinition which answer rate judged `answerRate` rows
 * @param construction measured values the model makes hold, with why and what would make them fail
 * @returns the table for `ReportInputs.sections` or `Report.targets`
 * @example
 * const deskTargets = readTargetSet('data/targets/shanghai-12345-desk-2020.json');
 * const runs = replicateDesk({ startDate: '2020-01-01', days: 14 }, { replications: 2, seed: 1 });
 * const table = reportTargetTable(deskTargets, deskTargetTable(deskTargets, runs), 'perAttempt');
 * table.rows.length; // => 18 (every indicator of the desk's set)
 */
export function reportTargetTable(
  set: TargetSet,
  assessment: TargetAssessment,
  answerRateDefinition: AnswerRateDefinition,
  construction: ConstructionNotes = {},
): ReportTargetTable {
  return {
    id: set.id,
    title: { ...set.title },
    source: set.source,
    answerRateDefinition,
    confidence: assessment.confidence,
    level: assessment.level,
    replications: assessment.replications,
    rows: assessment.rows.map((row) => reportRow(row, assessment, construction)),
  };
}
