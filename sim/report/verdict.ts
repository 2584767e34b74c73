/*
 * The report's verdict: the rule for "meets", stated once, and the verdict
 * paragraph a reader can check against the tables: the probability of
 * meeting every measured target and its interval, each failing row with the
 * quantity its verdict judges (every quarter's value, the weakest named),
 * the rows still undecided and those true by construction, the staffing and
 * the budget, and last the least budget that meets the targets.
 */
import { formatNumber, formatPercent, formatYuan } from '../core/format.js';
import type { Decision } from '../plan/decision.js';
import type { ProbabilityEstimate } from '../plan/evaluatePlan.js';
import { PLAN_VERDICT, probabilityText, quarterLabel, rowValue } from './format.js';
import type {
  Bilingual,
  ReportBudget,
  ReportLeastBudget,
  ReportStaffing,
  ReportTargetRow,
  ReportTargetTable,
} from './types.js';

/**
 * The rule for "meets", in words: the confidence bound decides, an interval
 * that straddles p asks for more replications.
 *
 * @param confidence the probability p a target must be met with
 * @param level the confidence level of the intervals
 * @returns the rule, Chinese and English
 * @example
 * verdictRule(0.9, 0.95).en.slice(0, 60); // => 'Rule: the probability of meeting each target is estimated fr'
 */
export function verdictRule(confidence: number, level: number): Bilingual {
  const p = formatPercent(confidence, 0);
  const l = formatPercent(level, 0);
  return {
    zh:
      `判定规则：每项指标的达标概率由重复模拟估计，并给出 ${l} Wilson 置信区间。区间下限不低于 ${p} 判为“达标”；` +
      `区间上限低于 ${p} 判为“未达标”；区间跨越 ${p} 时现有重复次数不足以判定，记为“需更多重复”，并给出按当前比例判定所需的重复次数。` +
      '季度指标须每个季度都达到目标，年度指标按全年判定。由模型构造必然成立的指标记为“按构造成立”，并说明原因及其不成立的条件。' +
      '未模拟的指标不计入结论。方案的总体结论按“全部可测算指标同时达标”的概率，以同一规则判定。',
    en:
      `Rule: the probability of meeting each target is estimated from the replications, with its ${l} Wilson interval. ` +
      `A target is met ("pass") when the interval's lower end is at least ${p}, and not met ("FAIL") when its upper end ` +
      `is below ${p}; when the interval straddles ${p} the replications are too few to tell ("more replications ` +
      'needed"), and the row gives how many would decide if the share held. A quarterly target must be met in every ' +
      'quarter, a yearly one on the year. A row the model makes true in every replication is marked "true by ' +
      'construction", with why and what would make it fail. Rows not simulated are not part of the verdict. The plan ' +
      'is judged by the same rule on the probability of meeting every measured target at once.',
  };
}

/** A failing or undecided row with the quantity its verdict judges. */
function rowEvidence(row: ReportTargetRow, language: 'zh' | 'en'): string {
  const value = (x: number | null): string => rowValue(row, x, language);
  if (row.judgedOn === 'quarters' && row.quarters.length > 0) {
    const worst = row.worstQuarter === null ? undefined : row.quarters[row.worstQuarter];
    const values = row.quarters.map((q) => `${quarterLabel(q.period, language)} ${value(q.mean)}`);
    if (language === 'zh')
      return (
        `${row.name.zh}（目标 ${row.target}）：${values.join('，')}` +
        (worst
          ? `；最弱为${quarterLabel(worst.period, 'zh')}，该季达标概率 ${probabilityText(worst.probability)}`
          : '') +
        `，各季均达标的概率 ${probabilityText(row.probability)}`
      );
    return (
      `${row.name.en} (target ${row.target}): ${values.join(', ')}` +
      (worst
        ? `; weakest ${quarterLabel(worst.period, 'en')}, met there with probability ${probabilityText(worst.probability)}`
        : '') +
      `; met in every quarter with probability ${probabilityText(row.probability)}`
    );
  }
  return language === 'zh'
    ? `${row.name.zh}（目标 ${row.target}）：全年 ${value(row.mean)}，达标概率 ${probabilityText(row.probability)}`
    : `${row.name.en} (target ${row.target}): the year ${value(row.mean)}, met with probability ${probabilityText(row.probability)}`;
}

/** What `verdictParagraph` puts into words. */
export interface VerdictInputs {
  /** The project's name: the target set's title, or the scenario's. */
  project: Bilingual;
  days: number;
  replications: number;
  seed: number;
  level: number;
  table: ReportTargetTable | null;
  /** The decision on the probability of meeting every measured target, and that probability. */
  status: Decision | null;
  allTargets: ProbabilityEstimate | null;
  budget: ReportBudget | null;
  staffing: ReportStaffing;
  /** Sentences about further sections (the 12345 desk). */
  notes: readonly Bilingual[];
  leastBudget: ReportLeastBudget | null;
  /** Why there is no least budget, when there is none. */
  leastBudgetNote: Bilingual;
}

/**
 * The least budget in one sentence (the verdict paragraph ends with it).
 *
 * @param least the least-budget section, or null
 * @param note why there is none
 * @returns the sentence, Chinese and English
 * @example
 * leastBudgetSentence(null, { zh: '未测算。', en: 'Not computed.' }).en; // => 'Least budget that meets the targets: Not computed.'
 */
export function leastBudgetSentence(least: ReportLeastBudget | null, note: Bilingual): Bilingual {
  if (least === null)
    return { zh: `达标所需最低预算：${note.zh}`, en: `Least budget that meets the targets: ${note.en}` };
  const change =
    least.changeFromPlannedYuan === null || least.changeFromPlanned === null
      ? { zh: '', en: '' }
      : least.changeFromPlannedYuan >= 0
        ? {
            zh: `，比预算多 ${formatYuan(least.changeFromPlannedYuan)} 元（+${formatPercent(least.changeFromPlanned, 1)}）`,
            en: `, ${formatYuan(least.changeFromPlannedYuan)} yuan (${formatPercent(least.changeFromPlanned, 1)}) more than the budget`,
          }
        : {
            zh: `，比预算少 ${formatYuan(-least.changeFromPlannedYuan)} 元（${formatPercent(least.changeFromPlanned, 1)}）`,
            en: `, ${formatYuan(-least.changeFromPlannedYuan)} yuan (${formatPercent(-least.changeFromPlanned, 1)}) less than the budget`,
          };
  const quarters = {
    zh: least.period.quarters.map((q) => quarterLabel(q, 'zh')).join('、'),
    en: least.period.quarters.map((q) => quarterLabel(q, 'en')).join(', '),
  };
  const binding = least.binding[0];
  const bindingText = binding
    ? {
        zh: `；制约最大的是${binding.name.zh}（${quarterLabel(binding.period, 'zh')}，达标概率 ${probabilityText(binding.probability)}）`,
        en: `; the tightest is ${binding.name.en} in ${quarterLabel(binding.period, 'en')} (met with probability ${probabilityText(binding.probability)})`,
      }
    : { zh: '', en: '' };
  const perPoint =
    least.costPerPointYuan === null
      ? { zh: '', en: '' }
      : {
          zh: `；达标概率每提高 1 个百分点约需 ${formatYuan(least.costPerPointYuan)} 元`,
          en: `; each extra percentage point of probability costs about ${formatYuan(least.costPerPointYuan)} yuan`,
        };
  const found = least.found
    ? { zh: '', en: '' }
    : {
        zh: '（在搜索上限内未达到要求，以下为上限的数字）',
        en: ' (not reached within the most seats searched; the figures are the limit’s)',
      };
  return {
    zh:
      `达标所需最低预算${found.zh}：${formatYuan(least.totalYuan)} 元（${least.seats} 个坐席、${least.staffOnPayroll} 名在编人员）${change.zh}；` +
      `在此预算下${quarters.zh}全部排队类目标同时达标的概率为 ${probabilityText(least.probability)}（${least.replications} 次重复，要求 ${formatPercent(least.confidence, 0)}）` +
      `${bindingText.zh}${perPoint.zh}。`,
    en:
      `Least budget that meets the targets${found.en}: ${formatYuan(least.totalYuan)} yuan (${least.seats} seats, ${least.staffOnPayroll} staff on payroll)${change.en}; ` +
      `with it every queue target is met in ${quarters.en} with probability ${probabilityText(least.probability)} (${least.replications} replications; ${formatPercent(least.confidence, 0)} required)` +
      `${bindingText.en}${perPoint.en}.`,
  };
}

/**
 * The verdict paragraph, Chinese and English.
 *
 * @param inputs the results in words
 * @returns the paragraph
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const report = await makeReport(file, {
 *   replications: 2, seed: 1, days: 2, workers: 0, desk: false, leastBudget: false, theory: false, date: '2019-12-31',
 *   generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * const text = verdictParagraph({
 *   project: report.targets!.title, days: 2, replications: 2, seed: 1, level: 0.95, table: report.targets,
 *   status: report.verdict.status, allTargets: report.verdict.probabilityAllTargets, budget: report.budget,
 *   staffing: report.staffing, notes: [], leastBudget: null, leastBudgetNote: { zh: '未测算。', en: 'not computed.' },
 * });
 * text.en.startsWith('The plan FAILS'); // => true
 * text.en.endsWith('Least budget that meets the targets: not computed.'); // => true
 */
export function verdictParagraph(inputs: VerdictInputs): Bilingual {
  const rows = inputs.table?.rows ?? [];
  const measured = rows.filter((row) => row.status !== 'notSimulated');
  const failed = rows.filter((row) => row.status === 'fail');
  const undecided = rows.filter((row) => row.status === 'undecided');
  const construction = rows.filter((row) => row.status === 'byConstruction');
  const notSimulated = rows.length - measured.length;
  const zh: string[] = [];
  const en: string[] = [];
  const run = {
    zh: `（${inputs.project.zh}；模拟 ${inputs.days} 天，${inputs.replications} 次重复，种子 ${inputs.seed}）`,
    en: ` (${inputs.project.en}; ${inputs.days} days simulated, ${inputs.replications} replications, seed ${inputs.seed})`,
  };
  if (inputs.status === null || inputs.allTargets === null) {
    zh.push(`本情景没有可测算的指标${run.zh}。`);
    en.push(`No target of this scenario is measured by the planner${run.en}.`);
  } else {
    const p = formatPercent(inputs.table?.confidence ?? 0.9, 0);
    zh.push(
      `${PLAN_VERDICT[inputs.status].zh}${run.zh}。全部可测算指标（季度指标每季、年度指标全年）同时达标的概率为 ` +
        `${probabilityText(inputs.allTargets)}，要求不低于 ${p}（判定规则见下）。`,
    );
    en.push(
      `${PLAN_VERDICT[inputs.status].en}${run.en}. The probability of meeting every measured target (quarterly ones in ` +
        `every quarter, yearly ones on the year) is ${probabilityText(inputs.allTargets)}; the plan needs ${p} (the rule is below).`,
    );
    if (failed.length > 0) {
      zh.push(`未达标（${failed.length} 项）：${failed.map((row) => rowEvidence(row, 'zh')).join('；')}。`);
      en.push(`Not met (${failed.length}): ${failed.map((row) => rowEvidence(row, 'en')).join('; ')}.`);
    }
    if (undecided.length > 0) {
      const most = Math.max(0, ...undecided.map((row) => row.replicationsToDecide ?? 0));
      zh.push(
        `需更多重复才能判定（${undecided.length} 项）：${undecided.map((row) => row.name.zh).join('、')}` +
          (most > 0 ? `；按当前比例，至多约 ${most} 次重复可以判定` : '') +
          '。',
      );
      en.push(
        `Too few replications to tell (${undecided.length}): ${undecided.map((row) => row.name.en).join(', ')}` +
          (most > 0 ? `; if the shares held, at most ${most} replications would decide them` : '') +
          '.',
      );
    }
    if (construction.length > 0) {
      zh.push(
        `按构造成立（${construction.length} 项，原因见表注）：${construction.map((row) => row.name.zh).join('、')}。`,
      );
      en.push(
        `True by construction (${construction.length}, why in the table's notes): ${construction.map((row) => row.name.en).join(', ')}.`,
      );
    }
    if (notSimulated > 0) {
      zh.push(`另有 ${notSimulated} 项指标未模拟，不计入结论。`);
      en.push(`${notSimulated} other indicator(s) are not simulated and not part of the verdict.`);
    }
  }
  const st = inputs.staffing;
  zh.push(
    `计划在线座席：全天 24 小时平均 ${formatNumber(st.meanAgents)} 人，${st.daytime.from}–${st.daytime.to} 平均 ` +
      `${formatNumber(st.meanAgentsDaytime)} 人，峰值 ${st.peakAgents} 人。`,
  );
  en.push(
    `Agents planned on the phones: ${formatNumber(st.meanAgents)} on average over the 24 hours, ` +
      `${formatNumber(st.meanAgentsDaytime)} from ${st.daytime.from} to ${st.daytime.to}, ${st.peakAgents} at the peak.`,
  );
  const budget = inputs.budget;
  if (budget) {
    const change = budget.changeFromPreviousYear;
    zh.push(
      `预算 ${formatYuan(budget.statedTotalYuan)} 元` +
        (change === null
          ? ''
          : `，较上年${change < 0 ? '减少' : '增加'} ${formatPercent(Math.abs(change), 1)}`) +
        (budget.cost ? `；计划支出执行率 ${formatPercent(budget.cost.executionRate, 1)}` : '') +
        '。',
    );
    en.push(
      `Budget ${formatYuan(budget.statedTotalYuan)} yuan` +
        (change === null
          ? ''
          : `, ${formatPercent(Math.abs(change), 1)} ${change < 0 ? 'below' : 'above'} the previous year`) +
        (budget.cost
          ? `; the plan's cost executes ${formatPercent(budget.cost.executionRate, 1)} of it`
          : '') +
        '.',
    );
  }
  for (const note of inputs.notes) {
    zh.push(note.zh);
    en.push(note.en);
  }
  const least = leastBudgetSentence(inputs.leastBudget, inputs.leastBudgetNote);
  zh.push(least.zh);
  en.push(least.en);
  return { zh: zh.join(''), en: en.join(' ') };
}
