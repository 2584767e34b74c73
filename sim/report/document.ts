/*
 * The report laid out as a list of blocks (the cover, headings, paragraphs,
 * tables, figures), in the order of a formal budget justification. The HTML,
 * Markdown and PDF renderers print the same blocks, so they always hold the
 * same content.
 *
 * Two editions: `zh`, the formal Chinese edition, where every text is
 * Chinese first with its English second (a `Bilingual` the renderers print
 * both of), and `en`, English only (every text reduced to a string here).
 */
import { formatNumber, formatPercent, formatYuan, NO_VALUE, type Language } from '../core/format.js';
import { probabilityText, quarterLabel, rowValue, STATUS_LABEL, PLAN_VERDICT } from './format.js';
import type {
  AssumptionBasis,
  Bilingual,
  Report,
  ReportSection,
  ReportSummary,
  ReportTargetRow,
  ReportTargetTable,
  TargetStatus,
} from './types.js';

/** A text of a block: a string (the same in both editions, or already in the edition's language) or both languages. */
export type Text = string | Bilingual;

/** How a table cell is marked: the weakest quarter, a status, or a shortfall. */
export type CellMark = 'worst' | 'short' | TargetStatus;

/** A table cell with its marks. */
export interface Cell {
  text: Text;
  /** A second, smaller line (a 90% range). */
  sub?: string;
  mark?: CellMark;
  /** Columns the cell spans (1 by default). */
  span?: number;
}

/** One block of the laid-out report. */
export type ReportBlock =
  | { kind: 'cover'; title: Text; project: Text; fields: { label: Text; value: Text }[]; signatures: Text[] }
  | { kind: 'heading'; level: 1 | 2 | 3; text: Text; id?: string }
  | {
      kind: 'paragraph';
      text: Text;
      emphasis?: 'verdict-pass' | 'verdict-fail' | 'verdict-undecided' | 'note' | 'rule';
    }
  | { kind: 'list'; items: Text[]; small?: boolean; ordered?: boolean }
  | {
      kind: 'table';
      headers: Text[];
      rows: (Text | Cell)[][];
      /** The first `merge` columns repeat down the rows; HTML merges equal cells (the source's layout). */
      merge?: number;
      /** Columns aligned right (numbers). */
      numeric?: number[];
      /** A wide table printed in a smaller font. */
      small?: boolean;
    }
  | { kind: 'figure'; chartId: string }
  | { kind: 'pageBreak' };

/** The section numbers of the Chinese edition. */
const ZH_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const BASIS_LABEL: Readonly<Record<AssumptionBasis, Bilingual>> = {
  sourced: { zh: '来源', en: 'sourced' },
  derived: { zh: '推算', en: 'derived' },
  assumed: { zh: '假设', en: 'assumed' },
  sourcedAndAssumed: { zh: '来源与假设', en: 'sourced and assumed' },
};

/**
 * The report as blocks, in order: the cover, the one-page summary (摘要), the
 * verdict and its rule, the performance targets (the further sections, such
 * as the 12345 desk's table, follow the first table), the least budget that
 * meets the targets, the budget and its execution, the staffing plan, the
 * quarterly assessments, risks and sensitivity, the assumptions with their
 * references, the method and validation, and the warnings. Figures are
 * referred to by the chart id of `reportCharts`.
 *
 * @param report the report
 * @param language `zh`, the formal Chinese edition (Chinese first, English second), or `en`, English only
 * @returns the blocks
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const report = await makeReport(file, {
 *   replications: 2, seed: 1, days: 2, workers: 0, desk: false, leastBudget: false, theory: false, date: '2019-12-31',
 *   generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * reportBlocks(report, 'en')[0]?.kind; // => 'cover'
 */
export function reportBlocks(report: Report, language: Language = 'zh'): ReportBlock[] {
  const zh = language === 'zh';
  /** A text of both languages as the edition prints it. */
  const t = (text: Bilingual): Text => (zh ? { zh: text.zh, en: text.en } : text.en);
  /** Text written in the edition's language. */
  const w = (zhText: string, enText: string): string => (zh ? zhText : enText);
  let section = 0;
  const heading = (text: Bilingual, id: string): ReportBlock => {
    const n = section++;
    return {
      kind: 'heading',
      level: 2,
      id,
      text: zh
        ? { zh: `${ZH_NUMBERS[n] ?? n + 1}、${text.zh}`, en: `${n + 1}. ${text.en}` }
        : `${n + 1}. ${text.en}`,
    };
  };
  const b: ReportBlock[] = [];
  const s = report.scenario;
  const project = report.targets ? report.targets.title : { zh: s.title, en: s.title };

  // The cover.
  b.push({
    kind: 'cover',
    title: t(report.title),
    project: t(project),
    fields: [
      { label: t({ zh: '项目名称', en: 'Project' }), value: t(project) },
      { label: t({ zh: '测算情景', en: 'Scenario' }), value: `${s.title} (${s.name})` },
      {
        label: t({ zh: '编制单位', en: 'Prepared by (organisation)' }),
        value: report.cover.organisation ?? '',
      },
      { label: t({ zh: '编制日期', en: 'Date prepared' }), value: report.cover.date },
      {
        label: t({ zh: '版本', en: 'Version' }),
        value: `${report.cover.version.program}; ${w('情景内容哈希', 'scenario content hash')} ${report.cover.version.scenarioHash}`,
      },
      {
        label: t({ zh: '测算', en: 'Run' }),
        value: w(
          `自 ${s.startDate} 起 ${s.days} 天，${report.run.replications} 次重复，种子 ${report.run.seed}`,
          `${s.days} days from ${s.startDate}, ${report.run.replications} replications, seed ${report.run.seed}`,
        ),
      },
    ],
    signatures: [
      t({ zh: '编制人（签字）', en: 'Prepared by (signature)' }),
      t({ zh: '复核人（签字）', en: 'Reviewed by (signature)' }),
      t({ zh: '审批人（签字）', en: 'Approved by (signature)' }),
    ],
  });
  b.push({ kind: 'pageBreak' });

  // The one-page summary.
  b.push({ kind: 'heading', level: 2, id: 'summary', text: t({ zh: '摘要', en: 'Summary' }) });
  b.push(...summaryBlocks(report, language));
  b.push({ kind: 'pageBreak' });

  // The verdict and the rule.
  b.push(heading({ zh: '结论', en: 'Verdict' }, 'verdict'));
  const emphasis =
    report.verdict.status === 'fail'
      ? 'verdict-fail'
      : report.verdict.status === 'undecided'
        ? 'verdict-undecided'
        : 'verdict-pass';
  b.push({ kind: 'paragraph', text: t(report.verdict.text), emphasis });
  b.push({ kind: 'paragraph', text: t(report.verdict.rule), emphasis: 'rule' });

  // The performance targets.
  b.push(heading({ zh: '绩效目标', en: 'Performance targets' }, 'targets'));
  if (report.targets) b.push(...targetTableBlocks(report.targets, language));
  else
    b.push({
      kind: 'paragraph',
      text: t({ zh: '本情景未指定目标。', en: 'This scenario names no target set.' }),
    });
  for (const extra of report.sections) b.push(...sectionBlocks(extra, language));

  // The least budget that meets the targets.
  b.push(heading({ zh: '达标所需最低预算', en: 'Least budget that meets the targets' }, 'least-budget'));
  b.push(...leastBudgetBlocks(report, language));

  // The budget and its execution.
  b.push(heading({ zh: '预算与执行率', en: 'Budget and execution rate' }, 'budget'));
  b.push(...budgetBlocks(report, language));

  // The staffing plan.
  b.push(heading({ zh: '人员配置', en: 'Staffing plan' }, 'staffing'));
  b.push(...staffingBlocks(report, language));

  // The quarterly assessments.
  b.push({ kind: 'pageBreak' });
  b.push(heading({ zh: '季度考核', en: 'Quarterly assessments' }, 'quarters'));
  b.push(...quarterBlocks(report, language));

  // Risks and sensitivity.
  b.push(heading({ zh: '风险与敏感性', en: 'Risks and sensitivity' }, 'risks'));
  b.push(...riskBlocks(report, language));

  // Assumptions and sources.
  b.push({ kind: 'pageBreak' });
  b.push(heading({ zh: '假设与来源', en: 'Assumptions and sources' }, 'assumptions'));
  b.push({
    kind: 'paragraph',
    text: t({
      zh: '测算所用的每一项参数：含义、取值（含单位）、依据类别（来源：公开资料直接给出；推算：由公开数字计算；假设：未找到公开数字），以及所引来源的编号。',
      en: 'Every parameter of the calculation: what it is, its value with units, how it is grounded (sourced: stated by a public source; derived: computed from sourced figures; assumed: no public figure found), and the numbers of the sources cited.',
    }),
  });
  b.push({
    kind: 'table',
    headers: [
      t({ zh: '参数', en: 'Parameter' }),
      t({ zh: '取值', en: 'Value' }),
      t({ zh: '依据', en: 'Basis' }),
      t({ zh: '说明', en: 'Explanation' }),
      t({ zh: '来源', en: 'Sources' }),
    ],
    rows: report.assumptions.map((a) => [
      t(a.label),
      t(a.value),
      t(BASIS_LABEL[a.basis]),
      t(a.explanation),
      a.citations.length > 0 ? a.citations.map((n) => `[${n}]`).join('') : NO_VALUE,
    ]),
    small: true,
  });
  if (report.references.length > 0) {
    b.push({ kind: 'heading', level: 3, text: t({ zh: '参考来源', en: 'References' }) });
    b.push({
      kind: 'list',
      small: true,
      items: report.references.map((ref) =>
        zh
          ? {
              zh: `[${ref.number}] ${ref.text.zh}${ref.url ? ` ${ref.url}` : ''}`,
              en: ref.text.en,
            }
          : `[${ref.number}] ${ref.text.en}${ref.url ? ` ${ref.url}` : ''}`,
      ),
    });
  }

  // Method and validation.
  b.push(heading({ zh: '方法与验证', en: 'Method and validation' }, 'method'));
  b.push(...methodBlocks(report, language));

  if (report.warnings.length > 0) {
    b.push({ kind: 'heading', level: 2, id: 'warnings', text: t({ zh: '警告', en: 'Warnings' }) });
    b.push({ kind: 'list', items: [...report.warnings] });
  }
  return b;
}

/** A status label in the edition's language, with the replications that would decide an undecided row. */
function statusText(row: Pick<ReportTargetRow, 'status' | 'replicationsToDecide'>, language: Language): Text {
  const label = STATUS_LABEL[row.status];
  const more =
    row.status === 'undecided' && row.replicationsToDecide !== null ? row.replicationsToDecide : null;
  const withCount: Bilingual =
    more === null ? label : { zh: `${label.zh}（约 ${more} 次）`, en: `${label.en} (${more})` };
  return language === 'zh' ? withCount : withCount.en;
}

/** A target set's source as a reader cites it (the project's own notes on it taken out). */
function targetSource(source: string): string {
  return source
    .replace(/;?\s*English names as in [\w/.]+/, '')
    .replace(/\bSEED\b/, '2020年财政项目支出绩效目标表');
}

/** The blocks of a target table: a short note, the table with each quarter's value, and the notes. */
function targetTableBlocks(table: ReportTargetTable, language: Language): ReportBlock[] {
  const zh = language === 'zh';
  const t = (text: Bilingual): Text => (zh ? text : text.en);
  const periods = [...new Set(table.rows.flatMap((row) => row.quarters.map((q) => q.period)))].sort();
  const columns = Math.max(1, periods.length);
  const level = formatPercent(table.level, 0);
  const rows = table.rows.map((row): (Text | Cell)[] => {
    const values: (Text | Cell)[] =
      row.status === 'notSimulated'
        ? [{ text: NO_VALUE, span: columns }]
        : row.judgedOn === 'quarters'
          ? periods.map((period) => {
              const q = row.quarters.findIndex((quarter) => quarter.period === period);
              const quarter = row.quarters[q];
              if (quarter === undefined) return NO_VALUE;
              const worst = q === row.worstQuarter && row.quarters.length > 1;
              return {
                text: rowValue(row, quarter.mean, language),
                ...(worst
                  ? {
                      mark: 'worst' as const,
                      sub: `${rowValue(row, quarter.p05, language)}–${rowValue(row, quarter.p95, language)}`,
                    }
                  : {}),
              };
            })
          : [
              {
                text: zh
                  ? {
                      zh: `全年 ${rowValue(row, row.mean, 'zh')}`,
                      en: `the year ${rowValue(row, row.mean, 'en')}`,
                    }
                  : `the year ${rowValue(row, row.mean, 'en')}`,
                sub: `${rowValue(row, row.p05, language)}–${rowValue(row, row.p95, language)}`,
                span: columns,
              },
            ];
    return [
      t(row.level1),
      t(row.level2),
      t(row.name),
      row.target,
      ...values,
      probabilityText(row.probability),
      { text: statusText(row, language), mark: row.status },
    ];
  });
  const notes: Text[] = [];
  for (const row of table.rows) {
    if (row.byConstruction)
      notes.push(
        zh
          ? { zh: `${row.name.zh}：${row.byConstruction.zh}`, en: `${row.name.en}: ${row.byConstruction.en}` }
          : `${row.name.en}: ${row.byConstruction.en}`,
      );
    else if (row.note.en !== '')
      notes.push(
        zh
          ? { zh: `${row.name.zh}：${row.note.zh}`, en: `${row.name.en}: ${row.note.en}` }
          : `${row.name.en}: ${row.note.en}`,
      );
  }
  const faults = table.rows.filter((row) => row.measuredBy?.startsWith('fault'));
  if (faults.length > 0)
    notes.push(
      t({
        zh: '故障类指标按该季该级故障中最长的响应或处理时间判定（该季无此级故障视为达标）。',
        en: 'Fault rows judge the longest response or repair time among the quarter’s faults of that level (a quarter with none counts as met).',
      }),
    );
  return [
    {
      kind: 'paragraph',
      text: t({
        zh:
          `${table.title.zh}。来源：${targetSource(table.source)}。各季度列为该季预测值（各次重复的均值），最弱季度加粗并附其 90% 区间；` +
          `年度指标给出全年值；达标概率为每个季度均达标（或全年达标）的重复比例及其 ${level} 区间（${table.replications} 次重复）。`,
        en:
          `${table.title.en}. Source: ${targetSource(table.source)}. Each quarter's column holds that quarter's predicted value (the mean across ` +
          `replications); the weakest quarter is in bold with its 90% range; yearly rows give the year's value; P(meet) is ` +
          `the share of replications meeting the target in every quarter (or on the year) with its ${level} interval ` +
          `(${table.replications} replications).`,
      }),
    },
    {
      kind: 'table',
      headers: [
        t({ zh: '一级指标', en: 'Level 1' }),
        t({ zh: '二级指标', en: 'Level 2' }),
        t({ zh: '三级指标', en: 'Indicator' }),
        t({ zh: '目标值', en: 'Target' }),
        ...(periods.length > 0
          ? periods.map((period) => quarterLabel(period, language))
          : [t({ zh: '预测值', en: 'Predicted' })]),
        t({ zh: `达标概率（${level} 区间）`, en: `P(meet) (${level} interval)` }),
        t({ zh: '结论', en: 'Verdict' }),
      ],
      rows,
      merge: 2,
      numeric: [3, ...Array.from({ length: columns + 1 }, (_, i) => 4 + i)],
      small: true,
    },
    { kind: 'list', small: true, items: notes },
  ];
}

/** The blocks of a further section (the 12345 desk). */
function sectionBlocks(extra: ReportSection, language: Language): ReportBlock[] {
  const zh = language === 'zh';
  const t = (text: Bilingual): Text => (zh ? text : text.en);
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 3, text: t(extra.title), id: extra.id }];
  for (const block of extra.blocks) {
    if (block.kind === 'paragraph') blocks.push({ kind: 'paragraph', text: t(block.text) });
    else if (block.kind === 'table')
      blocks.push({
        kind: 'table',
        headers: block.columns.map(t),
        rows: block.rows,
        numeric: block.columns.map((_, i) => i).slice(1),
        small: true,
      });
    else blocks.push(...targetTableBlocks(block.table, language));
  }
  return blocks;
}

/** The one-page summary: the verdict in a sentence and the figures a reader needs first. */
function summaryBlocks(report: Report, language: Language): ReportBlock[] {
  const zh = language === 'zh';
  const t = (text: Bilingual): Text => (zh ? text : text.en);
  const w = (zhText: string, enText: string): string => (zh ? zhText : enText);
  const all = report.verdict.probabilityAllTargets;
  const status = report.verdict.status;
  const p = formatPercent(report.targets?.confidence ?? 0.9, 0);
  const lead: Bilingual =
    status === null || all === null
      ? { zh: '本情景没有可测算的指标。', en: 'No target of this scenario is measured.' }
      : {
          zh: `${PLAN_VERDICT[status].zh}：全部可测算指标同时达标的概率为 ${probabilityText(all)}，要求不低于 ${p}。`,
          en: `${PLAN_VERDICT[status].en}: every measured target is met at once with probability ${probabilityText(all)}; the plan needs ${p}.`,
        };
  const rows: (Text | Cell)[][] = [];
  const add = (label: Bilingual, value: Text, mark?: CellMark): void => {
    rows.push([t(label), mark ? { text: value, mark } : value]);
  };
  add(
    { zh: '测算', en: 'Run' },
    w(
      `${report.scenario.days} 天 × ${report.run.replications} 次重复（种子 ${report.run.seed}）`,
      `${report.scenario.days} days × ${report.run.replications} replications (seed ${report.run.seed})`,
    ),
  );
  const budget = report.budget;
  if (budget) {
    const change = budget.changeFromPreviousYear;
    add(
      { zh: '预算', en: 'Budget' },
      w(
        `${formatYuan(budget.statedTotalYuan)} 元${change === null ? '' : `（较上年 ${change < 0 ? '−' : '+'}${formatPercent(Math.abs(change), 1)}）`}`,
        `${formatYuan(budget.statedTotalYuan)} yuan${change === null ? '' : ` (${change < 0 ? '−' : '+'}${formatPercent(Math.abs(change), 1)} on the previous year)`}`,
      ),
    );
    if (budget.cost)
      add({ zh: '计划支出执行率', en: 'Budget execution' }, formatPercent(budget.cost.executionRate, 1));
  }
  const rowsOf = (status: TargetStatus): ReportTargetRow[] =>
    (report.targets?.rows ?? []).filter((row) => row.status === status);
  for (const row of rowsOf('fail')) {
    const worst = row.worstQuarter === null ? null : row.quarters[row.worstQuarter];
    const where = worst
      ? `${quarterLabel(worst.period, language)} ${rowValue(row, worst.mean, language)}`
      : w(`全年 ${rowValue(row, row.mean, 'zh')}`, `the year ${rowValue(row, row.mean, 'en')}`);
    // The verdict judges the probability, not the mean: a mean inside the target can still fail.
    const p = report.targets?.confidence ?? 0.9;
    const chance = row.probability
      ? w(
          `；达标概率 ${probabilityText(row.probability)}，要求 ${formatPercent(p, 0)}`,
          `; met with probability ${probabilityText(row.probability)}, ${formatPercent(p, 0)} needed`,
        )
      : '';
    add(
      { zh: `未达标：${row.name.zh}`, en: `Not met: ${row.name.en}` },
      w(`${where}（目标 ${row.target}${chance}）`, `${where} (target ${row.target}${chance})`),
      'fail',
    );
  }
  const undecided = rowsOf('undecided');
  if (undecided.length > 0) {
    const most = Math.max(0, ...undecided.map((row) => row.replicationsToDecide ?? 0));
    add(
      { zh: '需更多重复', en: 'More replications needed' },
      w(
        `${undecided.length} 项${most > 0 ? `（约 ${most} 次重复可判定）` : ''}`,
        `${undecided.length} target(s)${most > 0 ? ` (about ${most} replications would decide)` : ''}`,
      ),
      'undecided',
    );
  }
  const construction = rowsOf('byConstruction');
  if (construction.length > 0)
    add(
      { zh: '按构造成立', en: 'True by construction' },
      zh
        ? {
            zh: construction.map((row) => row.name.zh).join('、'),
            en: construction.map((row) => row.name.en).join(', '),
          }
        : construction.map((row) => row.name.en).join(', '),
    );
  const least = report.leastBudget;
  if (least) {
    add(
      { zh: '达标所需最低预算', en: 'Least budget that meets the targets' },
      w(
        `${formatYuan(least.totalYuan)} 元（${least.seats} 个坐席）${least.changeFromPlannedYuan === null ? '' : `，较预算 ${least.changeFromPlannedYuan >= 0 ? '+' : '−'}${formatYuan(Math.abs(least.changeFromPlannedYuan))} 元`}`,
        `${formatYuan(least.totalYuan)} yuan (${least.seats} seats)${least.changeFromPlannedYuan === null ? '' : `, ${least.changeFromPlannedYuan >= 0 ? '+' : '−'}${formatYuan(Math.abs(least.changeFromPlannedYuan))} yuan on the budget`}`,
      ),
      'worst',
    );
    add(
      { zh: '该预算下的达标概率', en: 'Probability of meeting them with it' },
      w(
        `${probabilityText(least.probability)}（${least.period.quarters.map((q) => quarterLabel(q, 'zh')).join('、')}）`,
        `${probabilityText(least.probability)} (${least.period.quarters.map((q) => quarterLabel(q, 'en')).join(', ')})`,
      ),
    );
    const binding = least.binding[0];
    if (binding)
      add(
        { zh: '制约指标', en: 'Tightest target' },
        w(
          `${binding.name.zh}，${quarterLabel(binding.period, 'zh')}`,
          `${binding.name.en}, ${quarterLabel(binding.period, 'en')}`,
        ),
      );
    if (least.costPerPointYuan !== null)
      add(
        { zh: '达标概率每提高 1 个百分点', en: 'Each extra point of probability' },
        w(`约 ${formatYuan(least.costPerPointYuan)} 元`, `about ${formatYuan(least.costPerPointYuan)} yuan`),
      );
  } else {
    add({ zh: '达标所需最低预算', en: 'Least budget that meets the targets' }, t(report.leastBudgetNote));
  }
  const st = report.staffing;
  add(
    { zh: '计划在线座席', en: 'Agents planned on the phones' },
    w(
      `全天平均 ${formatNumber(st.meanAgents)} 人，${st.daytime.from}–${st.daytime.to} 平均 ${formatNumber(st.meanAgentsDaytime)} 人，峰值 ${st.peakAgents} 人`,
      `${formatNumber(st.meanAgents)} over 24 hours, ${formatNumber(st.meanAgentsDaytime)} from ${st.daytime.from} to ${st.daytime.to}, ${st.peakAgents} at the peak`,
    ),
  );
  return [
    {
      kind: 'paragraph',
      text: t(lead),
      emphasis:
        status === 'fail' ? 'verdict-fail' : status === 'undecided' ? 'verdict-undecided' : 'verdict-pass',
    },
    { kind: 'table', headers: [t({ zh: '项目', en: 'Item' }), t({ zh: '数值', en: 'Figure' })], rows },
    {
      kind: 'paragraph',
      emphasis: 'note',
      text: t({
        zh: '判定规则、各指标各季度的数值与依据见正文第一至三节；全部参数及其来源见“假设与来源”。',
        en: 'The rule, every target quarter by quarter and the least budget are in sections 1 to 3; every parameter and its source under "Assumptions and sources".',
      }),
    },
  ];
}

/** The least-budget section's blocks. */
function leastBudgetBlocks(report: Report, language: Language): ReportBlock[] {
  const zh = language === 'zh';
  const t = (text: Bilingual): Text => (zh ? text : text.en);
  const least = report.leastBudget;
  if (least === null) return [{ kind: 'paragraph', text: t(report.leastBudgetNote) }];
  const blocks: ReportBlock[] = [];
  const budget = report.budget;
  const seatRental = budget?.lines.find((line) => line.id === 'seatRental')?.budgetYuan ?? null;
  const fee = budget?.lines.find((line) => line.id === 'managementFee')?.budgetYuan ?? null;
  blocks.push({
    kind: 'table',
    headers: [
      t({ zh: '项目', en: 'Item' }),
      t({ zh: '计划预算', en: 'Planned budget' }),
      t({ zh: '达标所需最低预算', en: 'Least budget that meets the targets' }),
    ],
    rows: [
      [
        t({ zh: '坐席租赁费（元）', en: 'Seat rental (yuan)' }),
        formatYuan(seatRental),
        formatYuan(least.seatRentalYuan),
      ],
      [
        t({ zh: '管理费（元）', en: 'Management fee (yuan)' }),
        formatYuan(fee),
        formatYuan(least.managementFeeYuan),
      ],
      [
        t({ zh: '合计（元）', en: 'Total (yuan)' }),
        formatYuan(budget?.statedTotalYuan ?? null),
        { text: formatYuan(least.totalYuan), mark: 'worst' },
      ],
      [
        t({ zh: '坐席', en: 'Seats' }),
        budget?.cost ? String(budget.cost.seats) : NO_VALUE,
        String(least.seats),
      ],
      [
        t({ zh: '在编人员', en: 'Staff on payroll' }),
        budget?.cost ? String(budget.cost.staffOnPayroll) : NO_VALUE,
        String(least.staffOnPayroll),
      ],
      [
        t({
          zh: `达标概率（${least.replications} 次重复）`,
          en: `P(meet) (${least.replications} replications)`,
        }),
        NO_VALUE,
        probabilityText(least.probability),
      ],
    ],
    numeric: [1, 2],
  });
  blocks.push({
    kind: 'list',
    items: [
      t({
        zh: `测算期：自 ${least.period.from} 起 ${least.period.days} 天。${least.period.why.zh}`,
        en: `Period: ${least.period.days} days from ${least.period.from}. ${least.period.why.en}`,
      }),
      ...(least.seatBelow
        ? [
            t({
              zh: `少一个坐席（${least.seatBelow.seats} 个，${formatYuan(least.seatBelow.totalYuan)} 元）被同一规则在 ${least.seatBelow.judgedShortAfter} 次重复后判为未达到 ${formatPercent(least.confidence, 0)}；在最低预算的同一组 ${least.seatBelow.replications} 次重复（相同随机数）上，其达标概率为 ${probabilityText(least.seatBelow.probability)}。`,
              en: `One seat less (${least.seatBelow.seats}, ${formatYuan(least.seatBelow.totalYuan)} yuan) is judged short of ${formatPercent(least.confidence, 0)} by the same rule after ${least.seatBelow.judgedShortAfter} replications; on the least budget's own ${least.seatBelow.replications} replications (the same random numbers) it meets them with probability ${probabilityText(least.seatBelow.probability)}.`,
            }),
          ]
        : []),
      ...(least.costPerPointYuan !== null
        ? [
            t({
              zh: `每个坐席（含其人员）每年 ${formatYuan(least.costPerSeatYearYuan)} 元；达标概率每提高 1 个百分点约需 ${formatYuan(least.costPerPointYuan)} 元（由少一个坐席到最低预算在同一组重复上的变化计算）。`,
              en: `A seat with its staff costs ${formatYuan(least.costPerSeatYearYuan)} yuan a year; each extra percentage point of probability costs about ${formatYuan(least.costPerPointYuan)} yuan (from one seat less to the least budget, on the same replications).`,
            }),
          ]
        : []),
      ...(least.binding.length > 0
        ? [
            t({
              zh: `制约的指标与季度（该预算下达标概率最低）：${least.binding.map((entry) => `${entry.name.zh} ${quarterLabel(entry.period, 'zh')} ${probabilityText(entry.probability)}`).join('；')}。`,
              en: `Targets and quarters that bind (least likely to be met with it): ${least.binding.map((entry) => `${entry.name.en} ${quarterLabel(entry.period, 'en')} ${probabilityText(entry.probability)}`).join('; ')}.`,
            }),
          ]
        : []),
      ...(least.notBought.length > 0
        ? [
            t({
              zh: `增加座席不能改变的未达标指标：${least.notBought.map((entry) => entry.name.zh).join('、')}（座席数不影响这些指标：故障的响应与修复取决于运维合同，其余见目标表的注释），不在本测算之内。`,
              en: `Targets that fall short and that seats do not change: ${least.notBought.map((entry) => entry.name.en).join(', ')} (fault response and repair depend on the maintenance contract, the others as the target table's notes say); they are outside this calculation.`,
            }),
          ]
        : []),
      t({
        zh: `分析筛选给出 ${least.analyticSeats} 个坐席；模拟共运行 ${least.replicationsRun} 次重复。`,
        en: `The analytic screen gave ${least.analyticSeats} seats; the search ran ${least.replicationsRun} replications in all.`,
      }),
      t(least.rule),
    ],
  });
  return blocks;
}

/** The budget section's blocks. */
function budgetBlocks(report: Report, language: Language): ReportBlock[] {
  const zh = language === 'zh';
  const t = (text: Bilingual): Text => (zh ? text : text.en);
  const budget = report.budget;
  if (!budget)
    return [
      { kind: 'paragraph', text: t({ zh: '情景未给出预算。', en: 'The scenario file states no budget.' }) },
    ];
  const blocks: ReportBlock[] = [
    {
      kind: 'table',
      headers: [
        t({ zh: '预算科目', en: 'Budget line' }),
        t({ zh: '预算（元）', en: 'Budget (yuan)' }),
        t({ zh: '计划支出（元）', en: 'Planned (yuan)' }),
        t({ zh: '执行率', en: 'Execution' }),
      ],
      rows: [
        ...budget.lines.map((line) => [
          t(line.name),
          formatYuan(line.budgetYuan),
          formatYuan(line.plannedYuan),
          formatPercent(line.executionRate),
        ]),
        [
          t({ zh: '合计（申报）', en: 'Total as stated' }),
          formatYuan(budget.statedTotalYuan),
          formatYuan(budget.cost?.totalYuan),
          formatPercent(budget.cost?.executionRate),
        ],
      ],
      numeric: [1, 2, 3],
    },
  ];
  const facts: Text[] = [];
  if (budget.previousYearTotalYuan !== null && budget.changeFromPreviousYear !== null) {
    facts.push(
      t({
        zh: `上年预算 ${formatYuan(budget.previousYearTotalYuan)} 元；变化 ${formatPercent(budget.changeFromPreviousYear)}。`,
        en: `Previous year: ${formatYuan(budget.previousYearTotalYuan)} yuan; change ${formatPercent(budget.changeFromPreviousYear)}.`,
      }),
    );
  }
  const c = budget.cost;
  if (c) {
    facts.push(
      t({
        zh: `计划成本：${c.lines.map((line) => `${line.label.zh} ${formatYuan(line.yuan)} 元`).join('；')}；合计 ${formatYuan(c.totalYuan)} 元。`,
        en: `Cost of the plan: ${c.lines.map((line) => `${line.label.en} ${formatYuan(line.yuan)}`).join('; ')}; total ${formatYuan(c.totalYuan)} yuan.`,
      }),
      t({
        zh:
          `执行率 ${formatPercent(c.executionRate)}，目标 ${c.executionTarget === null ? NO_VALUE : `> ${formatPercent(c.executionTarget, 0)}`}：` +
          `${c.meetsExecutionTarget === null ? '无目标' : c.meetsExecutionTarget ? '达到' : '未达到'}` +
          `${c.overspentLines.length > 0 ? `；超支科目：${c.overspentLines.join('、')}` : ''}。`,
        en:
          `Execution rate ${formatPercent(c.executionRate)} against the target ${c.executionTarget === null ? NO_VALUE : `> ${formatPercent(c.executionTarget, 0)}`}: ` +
          `${c.meetsExecutionTarget === null ? 'no target' : c.meetsExecutionTarget ? 'met' : 'NOT met'}` +
          `${c.overspentLines.length > 0 ? `; overspent lines: ${c.overspentLines.join(', ')}` : ''}.`,
      }),
      t({ zh: `成本依据：${c.basis.zh}。`, en: `Basis: ${c.basis.en}.` }),
    );
  } else if (budget.note.en !== '') facts.push(t(budget.note));
  blocks.push({ kind: 'list', items: facts });
  return blocks;
}

/** The staffing section's blocks. */
function staffingBlocks(report: Report, language: Language): ReportBlock[] {
  const zh = language === 'zh';
  const t = (text: Bilingual): Text => (zh ? text : text.en);
  const st = report.staffing;
  const target = formatPercent(st.requirementTarget, 0);
  const perHour = Math.max(1, Math.round(st.slots.length / 24));
  return [
    {
      kind: 'paragraph',
      text: t({
        zh:
          `情景在测算期内安排在线座席 ${formatNumber(st.agentHours)} 座席小时（未扣除人员流失与故障，二者由模拟计入）：全天 24 小时平均 ` +
          `${formatNumber(st.meanAgents, 1)} 人，${st.daytime.from}–${st.daytime.to} 平均 ${formatNumber(st.meanAgentsDaytime, 1)} 人，峰值 ` +
          `${st.peakAgents} 人（${st.peakInterval}）。下表与图为${st.slotsPeriod.why.zh}：排班座席、扣除人员流失后的在岗座席` +
          `（在岗比例 ${formatPercent(st.liveShare, 1)}），以及 Erlang A 在该时段来电量下达到 ${target} 接通率所需的座席（含重拨平衡）。` +
          `在岗座席少于所需的时段共 ${st.shortSlots} 个。`,
        en:
          `The scenario plans ${formatNumber(st.agentHours)} agent-hours on the phones over the period (before staff churn and ` +
          `faults, which the simulation applies): ${formatNumber(st.meanAgents, 1)} agents on average over the 24 hours, ` +
          `${formatNumber(st.meanAgentsDaytime, 1)} from ${st.daytime.from} to ${st.daytime.to}, ${st.peakAgents} at the peak ` +
          `(${st.peakInterval}). The table and chart show ${st.slotsPeriod.why.en}: agents in the staffing table, agents on ` +
          `the phones after staff churn (${formatPercent(st.liveShare, 1)} of them live), and the agents Erlang A needs for a ` +
          `${target} answer rate at that load, redials included at their equilibrium. ${st.shortSlots} interval(s) have fewer ` +
          'agents on the phones than needed.',
      }),
    },
    { kind: 'figure', chartId: 'staffing' },
    { kind: 'figure', chartId: 'headcount' },
    {
      kind: 'table',
      headers: [
        t({ zh: '时段', en: 'Start' }),
        t({ zh: '来电/小时', en: 'Calls/h' }),
        t({ zh: '排班座席', en: 'Staffing table' }),
        t({ zh: '在岗座席', en: 'On the phones' }),
        t({ zh: '所需座席', en: 'Required' }),
        t({ zh: '差额', en: 'Margin' }),
      ],
      rows: st.slots
        .filter((_, i) => i % perHour === 0)
        .map((slot) => {
          const margin = slot.liveAgents - slot.requiredAgents;
          return [
            slot.start,
            formatNumber(slot.callsPerHour),
            formatNumber(slot.scheduledAgents, 1),
            formatNumber(slot.liveAgents, 1),
            String(slot.requiredAgents),
            margin < 0 ? { text: formatNumber(margin, 1), mark: 'short' } : formatNumber(margin, 1),
          ];
        }),
      numeric: [1, 2, 3, 4, 5],
    },
  ];
}

/** The quarterly section's blocks. */
function quarterBlocks(report: Report, language: Language): ReportBlock[] {
  const zh = language === 'zh';
  const t = (text: Bilingual): Text => (zh ? text : text.en);
  const summary = (s: ReportSummary | null, format: (x: number | null) => string): Cell =>
    s === null ? { text: NO_VALUE } : { text: format(s.mean), sub: `${format(s.p05)}–${format(s.p95)}` };
  const pct = (x: number | null): string => formatPercent(x);
  return [
    {
      kind: 'paragraph',
      text: t({
        zh: '每个季度单独结算与考核；考核不合格的，从下一季度管理费中扣减。表中为各次重复的均值，下方为 90% 区间（第 5 至第 95 百分位）。',
        en: "Each quarter is settled and assessed on its own; a failed assessment is deducted from the next quarter's management fee. Mean across replications, with the 90% range (5th to 95th percentile) below.",
      }),
    },
    {
      kind: 'table',
      headers: [
        t({ zh: '季度', en: 'Quarter' }),
        t({ zh: '接通率（按呼叫）', en: 'Answer rate (per attempt)' }),
        t({ zh: '来电者接通率', en: 'Per caller' }),
        t({ zh: '含自助接通率', en: 'Incl. self-service' }),
        t({
          zh: `服务水平（${report.scenario.answerWithinSeconds} 秒）`,
          en: `Service level (${report.scenario.answerWithinSeconds} s)`,
        }),
        t({ zh: '平均应答（秒）', en: 'ASA (s)' }),
        t({ zh: '放弃率', en: 'Abandon rate' }),
        t({ zh: '全部达标概率', en: 'P(all targets)' }),
        t({ zh: '考核', en: 'Assessment' }),
      ],
      rows: report.quarters.map((q) => [
        quarterLabel(q.period, language),
        summary(q.answerRate, pct),
        summary(q.callerAnswerRate, pct),
        summary(q.answerRateIncludingSelfService, pct),
        summary(q.serviceLevel, pct),
        summary(q.asaSeconds, (x) => formatNumber(x, 1)),
        summary(q.abandonRate, pct),
        probabilityText(q.probabilityAllTargets),
        q.status === null
          ? NO_VALUE
          : { text: statusText({ status: q.status, replicationsToDecide: null }, language), mark: q.status },
      ]),
      numeric: [1, 2, 3, 4, 5, 6, 7],
      small: true,
    },
    { kind: 'figure', chartId: 'quarters' },
    { kind: 'figure', chartId: 'assessment' },
    { kind: 'figure', chartId: 'daily' },
  ];
}

/** The risks section's blocks. */
function riskBlocks(report: Report, language: Language): ReportBlock[] {
  const zh = language === 'zh';
  const t = (text: Bilingual): Text => (zh ? text : text.en);
  const blocks: ReportBlock[] = [
    {
      kind: 'list',
      items:
        report.risks.statements.length > 0
          ? report.risks.statements.map(t)
          : [t({ zh: '未发现风险。', en: 'No risk found.' })],
    },
    { kind: 'figure', chartId: 'faults' },
  ];
  const sens = report.risks.sensitivity;
  if (sens) {
    blocks.push({
      kind: 'paragraph',
      text: t({
        zh:
          `每次只改变一项假设、其余不变，${sens.why.zh}模拟 ${sens.days} 天（自 ${sens.from} 起），每个变体 ${sens.replications} 次重复，` +
          `使用同一种子（${sens.seed}，共同随机数）。`,
        en:
          `One assumption varied at a time, the others at their values, over ${sens.days} days ${sens.why.en} (${sens.from}), ` +
          `${sens.replications} replications per variant and the same seed (${sens.seed}, common random numbers).`,
      }),
    });
    blocks.push({
      kind: 'table',
      headers: [
        t({ zh: '假设', en: 'Assumption' }),
        t({ zh: '倍数', en: 'Factor' }),
        t({ zh: '接通率', en: 'Answer rate' }),
        t({ zh: '全部达标概率', en: 'P(all targets)' }),
      ],
      rows: sens.rows.map((row) => [
        t(row.label),
        `×${row.factor}`,
        formatPercent(row.answerRate),
        probabilityText(row.probability),
      ]),
      numeric: [1, 2, 3],
    });
    blocks.push({ kind: 'figure', chartId: 'sensitivity' });
  } else if (report.risks.note.en !== '')
    blocks.push({ kind: 'paragraph', emphasis: 'note', text: t(report.risks.note) });
  return blocks;
}

/** The method section's blocks. */
function methodBlocks(report: Report, language: Language): ReportBlock[] {
  const zh = language === 'zh';
  const t = (text: Bilingual): Text => (zh ? text : text.en);
  const m = report.method;
  const blocks: ReportBlock[] = m.paragraphs.map((text) => ({ kind: 'paragraph', text: t(text) }));
  blocks.push({ kind: 'heading', level: 3, text: t({ zh: '定义', en: 'Definitions' }) });
  blocks.push({
    kind: 'list',
    items: m.definitions.map((d) =>
      t({ zh: `${d.term.zh}：${d.definition.zh}`, en: `${d.term.en}: ${d.definition.en}` }),
    ),
  });
  blocks.push({
    kind: 'heading',
    level: 3,
    text: t({ zh: '对照排队论精确值', en: 'Against queueing theory' }),
  });
  if (m.theory) {
    const th = m.theory;
    const ci = (x: ReportSummary, f: (v: number | null) => string): string =>
      `${f(x.mean)} (99%: ${f(x.ciLow)}–${f(x.ciHigh)})`;
    blocks.push({
      kind: 'paragraph',
      text: t({
        zh: `${th.description.zh}：每小时 ${formatNumber(th.arrivalsPerHour)} 次来电，${th.agents} 名座席，平均处理 ${formatNumber(th.meanHandleSeconds)} 秒，平均耐心 ${formatNumber(th.meanPatienceSeconds)} 秒；${th.replications} 次重复，每次 ${formatNumber(th.callsPerReplication)} 通。`,
        en: `${th.description.en}: ${formatNumber(th.arrivalsPerHour)} calls/h, ${th.agents} agents, mean handle ${formatNumber(th.meanHandleSeconds)} s, mean patience ${formatNumber(th.meanPatienceSeconds)} s; ${th.replications} replications of ${formatNumber(th.callsPerReplication)} calls.`,
      }),
    });
    const yes = (ok: boolean): Text =>
      t(ok ? { zh: '一致', en: 'agrees' } : { zh: '不一致', en: 'DISAGREES' });
    blocks.push({
      kind: 'table',
      headers: [
        t({ zh: '指标', en: 'KPI' }),
        t({ zh: 'Erlang A 精确值', en: 'Erlang A (exact)' }),
        t({ zh: '模拟', en: 'Simulated' }),
        t({ zh: '结论', en: 'Verdict' }),
      ],
      rows: [
        [
          t({ zh: '接通率', en: 'Answer rate' }),
          formatPercent(th.exact.answerRate, 2),
          ci(th.simulated.answerRate, (x) => formatPercent(x, 2)),
          yes(th.agrees.answerRate),
        ],
        [
          t({ zh: '服务水平', en: 'Service level' }),
          formatPercent(th.exact.serviceLevel, 2),
          ci(th.simulated.serviceLevel, (x) => formatPercent(x, 2)),
          yes(th.agrees.serviceLevel),
        ],
        [
          t({ zh: '平均应答（秒）', en: 'ASA (s)' }),
          formatNumber(th.exact.asaSeconds, 2),
          ci(th.simulated.asaSeconds, (x) => formatNumber(x, 2)),
          yes(th.agrees.asaSeconds),
        ],
      ],
      numeric: [1, 2],
    });
  }
  blocks.push({
    kind: 'list',
    small: true,
    items: m.tests.map((test) =>
      zh
        ? { zh: `${test.checks.zh}（${test.file}）`, en: `${test.checks.en} (${test.file})` }
        : `${test.checks.en} (${test.file})`,
    ),
  });
  blocks.push({
    kind: 'heading',
    level: 3,
    text: t({ zh: '对照真实呼叫中心', en: 'Against a real call center' }),
  });
  if (m.realCallCenter) {
    const r = m.realCallCenter;
    blocks.push({
      kind: 'paragraph',
      text: t({
        zh: `${r.source.zh}：仅以 ${r.train.from} 至 ${r.train.to} 标定来电者与座席行为；${r.test.from} 至 ${r.test.to} 只凭当天的来电量与每刻钟排班预测（${r.replications} 次重复），再与记录对照（留出检验：这些天的其他信息均未用于预测）。`,
        en: `${r.source.en}: behaviour calibrated on ${r.train.from} to ${r.train.to} only; ${r.test.from} to ${r.test.to} predicted from those days' calls and agents scheduled per quarter hour, ${r.replications} replications, and compared with what the records show (held out: nothing else of those days entered the prediction).`,
      }),
    });
    const pct = (x: number | null): string => (x === null ? NO_VALUE : formatPercent(x));
    blocks.push({
      kind: 'table',
      headers: [
        t({ zh: '指标', en: 'Measure' }),
        t({ zh: '实际', en: 'Observed' }),
        t({ zh: '预测', en: 'Predicted' }),
        t({ zh: '逐时平均绝对误差', en: 'Mean absolute error by hour' }),
      ],
      rows: [
        [
          t({ zh: '呼入量', en: 'Calls offered' }),
          formatNumber(r.observed.offered),
          formatNumber(r.simulated.offered),
          NO_VALUE,
        ],
        [
          t({ zh: '放弃率', en: 'Abandon rate' }),
          pct(r.observed.abandonRate),
          pct(r.simulated.abandonRate),
          `${formatNumber(100 * r.hourlyErrors.abandonRate, 1)} pp`,
        ],
        [
          t({
            zh: `服务水平（${r.answerWithinSeconds} 秒）`,
            en: `Service level (${r.answerWithinSeconds} s)`,
          }),
          pct(r.observed.serviceLevel),
          pct(r.simulated.serviceLevel),
          `${formatNumber(100 * r.hourlyErrors.serviceLevel, 1)} pp`,
        ],
        [
          t({ zh: '平均应答速度（秒）', en: 'ASA (s)' }),
          r.observed.asaSeconds === null ? NO_VALUE : formatNumber(r.observed.asaSeconds, 1),
          r.simulated.asaSeconds === null ? NO_VALUE : formatNumber(r.simulated.asaSeconds, 1),
          `${formatNumber(r.hourlyErrors.asaSeconds, 1)} s`,
        ],
      ],
      numeric: [1, 2, 3],
    });
    blocks.push({ kind: 'paragraph', text: t(r.finding) });
  }
  if (m.notes.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: t({ zh: '说明', en: 'Notes' }) });
    blocks.push({ kind: 'list', small: true, items: m.notes.map(t) });
  }
  return blocks;
}
