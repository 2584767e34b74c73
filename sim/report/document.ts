/*
 * The report laid out as a list of blocks (headings, paragraphs, tables,
 * figures), in the order the issue fixes. The HTML and Markdown renderers
 * print the same blocks, so the two always hold the same content.
 */
import { decimal, NONE, percent, predictedValue, STATUS_LABEL, yuan } from './format.js';
import type { ReportSummary, ReportTargetTable, Report, ReportSection } from './types.js';

/** One block of the laid-out report. */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'paragraph'; text: string; emphasis?: 'verdict-pass' | 'verdict-fail' | 'note' }
  | { kind: 'list'; items: string[]; small?: boolean }
  | {
      kind: 'table';
      headers: string[];
      rows: string[][];
      /** The first `merge` columns repeat down the rows; HTML merges equal cells (the source's layout). */
      merge?: number;
      /** The column holding a pass/fail status, coloured in HTML. */
      statusColumn?: number;
      /** Columns aligned right (numbers). */
      numeric?: number[];
    }
  | { kind: 'figure'; chartId: string }
  | { kind: 'pageBreak' };

const range = (
  unit: Parameters<typeof predictedValue>[0],
  low: number | null,
  high: number | null,
): string =>
  low === null || high === null ? NONE : `${predictedValue(unit, low)} – ${predictedValue(unit, high)}`;

const probabilityText = (p: { probability: number; low: number; high: number } | null): string =>
  p === null ? NONE : `${percent(p.probability, 0)} (${percent(p.low, 0)}–${percent(p.high, 0)})`;

function statusText(status: keyof typeof STATUS_LABEL): string {
  const label = STATUS_LABEL[status];
  return `${label.zh} ${label.en}`;
}

function targetTableBlocks(table: ReportTargetTable): ReportBlock[] {
  return [
    {
      kind: 'paragraph',
      text:
        `${table.title.zh} / ${table.title.en}. Source: ${table.source}. Answer rate judged ${table.answerRateDefinition}. ` +
        'Predicted: mean across replications; 90% range: 5th to 95th percentile of the realised value across ' +
        'replications; probability: of meeting the target in every quarter (quarterly indicators) or on the year, ' +
        `with its Wilson interval. Verdict: ${table.rule}`,
    },
    {
      kind: 'table',
      headers: [
        '一级指标 Level 1',
        '二级指标 Level 2',
        '三级指标 Indicator',
        '目标值 Target',
        '预测均值 Predicted',
        '90% 区间 90% range',
        '达标概率 P(meet)',
        '考核 Judged on',
        '结论 Verdict',
      ],
      rows: table.rows.map((row) => [
        `${row.level1.zh} ${row.level1.en}`,
        `${row.level2.zh} ${row.level2.en}`,
        `${row.name.zh} ${row.name.en}`,
        row.target,
        predictedValue(row.unit, row.mean),
        range(row.unit, row.p05, row.p95),
        probabilityText(row.probability),
        row.judgedOn === 'quarters' ? '每季 quarters' : row.judgedOn === 'year' ? '全年 year' : NONE,
        statusText(row.status),
      ]),
      merge: 2,
      statusColumn: 8,
      numeric: [3, 4, 5, 6],
    },
    {
      kind: 'list',
      small: true,
      items: table.rows
        .filter((row) => row.note !== '')
        .map(
          (row) =>
            `${row.name.zh} ${row.name.en}: ${row.note.replace(/^not simulated \((.*)\)$/, 'not simulated: $1')}`,
        ),
    },
  ];
}

const summaryText = (s: ReportSummary | null, format: (x: number | null) => string): string =>
  s === null ? NONE : `${format(s.mean)} [${format(s.p05)}, ${format(s.p95)}]`;

function sectionBlocks(section: ReportSection): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 3, text: `${section.title.zh} ${section.title.en}`, id: section.id },
  ];
  for (const block of section.blocks) {
    if (block.kind === 'paragraph') blocks.push({ kind: 'paragraph', text: block.text });
    else if (block.kind === 'table')
      blocks.push({ kind: 'table', headers: block.columns.map((c) => `${c.zh} ${c.en}`), rows: block.rows });
    else blocks.push(...targetTableBlocks(block.table));
  }
  return blocks;
}

/**
 * The report as blocks, in order: verdict, performance targets (the further
 * sections, such as the 12345 desk's table, follow the first table there),
 * budget, staffing, quarterly assessments, risks and sensitivity, assumptions,
 * method and validation, warnings. Figures are referred to by the
 * chart id of `reportCharts`.
 *
 * @param report the report
 * @returns the blocks
 * @example
 * reportBlocks(report)[0]; // => { kind: 'heading', level: 1, text: '预算绩效论证报告 Budget justification report: ...' }
 */
export function reportBlocks(report: Report): ReportBlock[] {
  const b: ReportBlock[] = [];
  const s = report.scenario;
  b.push({ kind: 'heading', level: 1, text: `${report.title.zh} ${report.title.en}: ${s.title}` });
  b.push({
    kind: 'paragraph',
    emphasis: 'note',
    text:
      `Scenario ${s.name} (${s.file}), ${s.days} days from ${s.startDate}, ${s.intervalMinutes}-minute intervals, ` +
      `service level within ${s.answerWithinSeconds} s; ${report.run.replications} replications, seed ${report.run.seed}. ` +
      `Made by ${report.generator.name} ${report.generator.version}: ${report.generator.command}`,
  });

  // 1. The verdict.
  b.push({ kind: 'heading', level: 2, text: '1. 结论 Verdict', id: 'verdict' });
  const emphasis = report.verdict.pass === false ? 'verdict-fail' : 'verdict-pass';
  b.push({ kind: 'paragraph', text: report.verdict.text.zh, emphasis });
  b.push({ kind: 'paragraph', text: report.verdict.text.en, emphasis });

  // 2. The performance-target table.
  b.push({ kind: 'heading', level: 2, text: '2. 绩效目标 Performance targets', id: 'targets' });
  if (report.targets) b.push(...targetTableBlocks(report.targets));
  else b.push({ kind: 'paragraph', text: 'This scenario names no target set.' });
  // The source document's further tables (the 12345 desk's), beside the first:
  // the report shows every row of every table in this section.
  for (const section of report.sections) b.push(...sectionBlocks(section));

  // 3. Budget lines and execution rate.
  b.push({ kind: 'heading', level: 2, text: '3. 预算与执行率 Budget and execution rate', id: 'budget' });
  const budget = report.budget;
  if (!budget) b.push({ kind: 'paragraph', text: 'The scenario file states no budget.' });
  else {
    b.push({
      kind: 'table',
      headers: ['预算科目 Budget line', '预算 Budget (yuan)', '计划支出 Planned (yuan)', '执行率 Execution'],
      rows: [
        ...budget.lines.map((line) => [
          `${line.name.zh} ${line.name.en}`,
          yuan(line.budgetYuan),
          yuan(line.plannedYuan),
          percent(line.executionRate),
        ]),
        [
          '合计（申报） Total as stated',
          yuan(budget.statedTotalYuan),
          yuan(budget.cost?.totalYuan),
          percent(budget.cost?.executionRate),
        ],
      ],
      numeric: [1, 2, 3],
    });
    const facts: string[] = [];
    if (budget.previousYearTotalYuan !== null && budget.changeFromPreviousYear !== null) {
      facts.push(
        `上年预算 Previous year: ${yuan(budget.previousYearTotalYuan)} yuan; change ${percent(budget.changeFromPreviousYear)}.`,
      );
    }
    if (budget.cost) {
      const c = budget.cost;
      facts.push(
        `计划成本 Cost of the plan: ${c.lines.map((line) => `${line.label.zh} ${line.label.en} ${yuan(line.yuan)}`).join('; ')}; ` +
          `total ${yuan(c.totalYuan)} yuan.`,
        `执行率 Execution rate ${percent(c.executionRate)} against the target ${c.executionTarget === null ? NONE : `> ${percent(c.executionTarget, 0)}`}: ` +
          `${c.meetsExecutionTarget === null ? 'no target' : c.meetsExecutionTarget ? 'met' : 'NOT met'}` +
          `${c.overspentLines.length > 0 ? `; overspent lines: ${c.overspentLines.join(', ')}` : ''}.`,
        `成本依据 Basis: ${c.basis}.`,
      );
    } else if (budget.note) facts.push(budget.note);
    b.push({ kind: 'list', items: facts });
  }

  // 4. The staffing plan.
  const st = report.staffing;
  b.push({ kind: 'heading', level: 2, text: '4. 人员配置 Staffing plan', id: 'staffing' });
  b.push({
    kind: 'paragraph',
    text:
      `The scenario plans ${decimal(st.agentHours)} agent-hours on the phones over the horizon (before staff churn and ` +
      `faults, which the simulation applies): ${decimal(st.meanAgents, 1)} agents on average, ` +
      `${st.peakAgents} at the peak (${st.peakInterval}). The table and chart show each interval of a day averaged ` +
      `over the horizon, with the agents Erlang A needs for a ${percent(st.requirementTarget, 0)} answer rate at that ` +
      'load (fresh calls only: redials add load, so the requirement is a lower bound).',
  });
  b.push({ kind: 'figure', chartId: 'staffing' });
  b.push({ kind: 'figure', chartId: 'headcount' });
  const perHour = Math.max(1, Math.round(st.slots.length / 24));
  b.push({
    kind: 'table',
    headers: ['时段 Start', '来电/小时 Calls/h', '计划座席 Scheduled', '所需座席 Required', '差额 Margin'],
    rows: st.slots
      .filter((_, i) => i % perHour === 0)
      .map((slot) => [
        slot.start,
        decimal(slot.callsPerHour),
        decimal(slot.scheduledAgents, 1),
        String(slot.requiredAgents),
        decimal(slot.scheduledAgents - slot.requiredAgents, 1),
      ]),
    numeric: [1, 2, 3, 4],
  });

  // 5. The quarterly assessments.
  b.push({ kind: 'pageBreak' });
  b.push({ kind: 'heading', level: 2, text: '5. 季度考核 Quarterly assessments', id: 'quarters' });
  b.push({
    kind: 'paragraph',
    text:
      "Each quarter is settled and assessed on its own; a failed assessment is deducted from the next quarter's " +
      'management fee. Mean across replications [5th, 95th percentile].',
  });
  b.push({
    kind: 'table',
    headers: [
      '季度 Quarter',
      '接通率 Answer rate (per attempt)',
      '来电者接通率 Per caller',
      '含自助接通率 Incl. self-service',
      `服务水平 Service level (${s.answerWithinSeconds} s)`,
      '平均应答 ASA (s)',
      '放弃率 Abandon rate',
      '全部达标概率 P(all targets)',
      '考核 Assessment',
    ],
    rows: report.quarters.map((q) => [
      q.period,
      summaryText(q.answerRate, (x) => percent(x)),
      summaryText(q.callerAnswerRate, (x) => percent(x)),
      summaryText(q.answerRateIncludingSelfService, (x) => percent(x)),
      summaryText(q.serviceLevel, (x) => percent(x)),
      summaryText(q.asaSeconds, (x) => decimal(x, 1)),
      summaryText(q.abandonRate, (x) => percent(x)),
      probabilityText(q.probabilityAllTargets),
      q.pass === null ? NONE : statusText(q.pass ? 'pass' : 'fail'),
    ]),
    statusColumn: 8,
    numeric: [1, 2, 3, 4, 5, 6, 7],
  });
  b.push({ kind: 'figure', chartId: 'quarters' });
  b.push({ kind: 'figure', chartId: 'assessment' });
  b.push({ kind: 'figure', chartId: 'daily' });

  // 6. Risks and sensitivity.
  b.push({ kind: 'heading', level: 2, text: '6. 风险与敏感性 Risks and sensitivity', id: 'risks' });
  b.push({
    kind: 'list',
    items: report.risks.statements.length > 0 ? report.risks.statements : ['No risk found.'],
  });
  b.push({ kind: 'figure', chartId: 'faults' });
  const sens = report.risks.sensitivity;
  if (sens) {
    b.push({
      kind: 'paragraph',
      text:
        `One assumption varied at a time, the others at their values, on the first ${sens.days} days with ` +
        `${sens.replications} replications per variant and the same seed (${sens.seed}, common random numbers).`,
    });
    b.push({
      kind: 'table',
      headers: ['假设 Assumption', '倍数 Factor', '接通率 Answer rate', '全部达标概率 P(all targets)'],
      rows: sens.rows.map((row) => [
        `${row.label.zh} ${row.label.en}`,
        `×${row.factor}`,
        percent(row.answerRate),
        probabilityText(row.probability),
      ]),
      numeric: [1, 2, 3],
    });
    b.push({ kind: 'figure', chartId: 'sensitivity' });
  } else if (report.risks.note) b.push({ kind: 'paragraph', emphasis: 'note', text: report.risks.note });

  // 7. Assumptions.
  b.push({ kind: 'pageBreak' });
  b.push({ kind: 'heading', level: 2, text: '7. 假设与来源 Assumptions and sources', id: 'assumptions' });
  b.push({
    kind: 'paragraph',
    text: 'Every parameter with its value and source, as the scenario file and data/README.md state them ([S] sourced, [A] assumed, [D] derived).',
  });
  b.push({
    kind: 'table',
    headers: ['参数 Parameter', '取值 Value', '来源 Source'],
    rows: report.assumptions.map((a) => [a.parameter, a.value, a.source]),
  });

  // 8. Method and validation.
  const m = report.method;
  b.push({ kind: 'heading', level: 2, text: '8. 方法与验证 Method and validation', id: 'method' });
  for (const text of m.paragraphs) b.push({ kind: 'paragraph', text });
  b.push({ kind: 'heading', level: 3, text: '定义 Definitions' });
  b.push({ kind: 'list', items: m.definitions.map((d) => `${d.term.zh} ${d.term.en}: ${d.definition}`) });
  b.push({ kind: 'heading', level: 3, text: '对照理论 Against queueing theory' });
  if (m.theory) {
    const t = m.theory;
    const ci = (x: ReportSummary, f: (v: number | null) => string): string =>
      `${f(x.mean)} (99%: ${f(x.ciLow)}–${f(x.ciHigh)})`;
    b.push({
      kind: 'paragraph',
      text:
        `${t.description}: ${decimal(t.arrivalsPerHour)} calls/h, ${t.agents} agents, mean handle ${decimal(t.meanHandleSeconds)} s, ` +
        `mean patience ${decimal(t.meanPatienceSeconds)} s; ${t.replications} replications of ${decimal(t.callsPerReplication)} calls.`,
    });
    const yes = (ok: boolean): string => (ok ? '一致 agrees' : '不一致 DISAGREES');
    b.push({
      kind: 'table',
      headers: ['指标 KPI', 'Erlang A (exact)', '模拟 Simulated', '结论 Verdict'],
      rows: [
        [
          '接通率 Answer rate',
          percent(t.exact.answerRate, 2),
          ci(t.simulated.answerRate, (x) => percent(x, 2)),
          yes(t.agrees.answerRate),
        ],
        [
          '服务水平 Service level',
          percent(t.exact.serviceLevel, 2),
          ci(t.simulated.serviceLevel, (x) => percent(x, 2)),
          yes(t.agrees.serviceLevel),
        ],
        [
          '平均应答 ASA (s)',
          decimal(t.exact.asaSeconds, 2),
          ci(t.simulated.asaSeconds, (x) => decimal(x, 2)),
          yes(t.agrees.asaSeconds),
        ],
      ],
      numeric: [1, 2],
    });
  }
  b.push({
    kind: 'list',
    items: m.tests.map((test) => `${test.file}: ${test.checks}`),
  });
  b.push({ kind: 'heading', level: 3, text: '对照真实呼叫中心 Against a real call center' });
  if (m.realCallCenter) {
    const r = m.realCallCenter;
    b.push({
      kind: 'paragraph',
      text:
        `${r.source}: behaviour calibrated on ${r.train.from} to ${r.train.to} only; ${r.test.from} to ${r.test.to} predicted ` +
        `from those days' calls and agents scheduled per quarter hour, ${r.replications} replications, and compared with what ` +
        `the records show (held out: nothing else of those days entered the prediction).`,
    });
    b.push({
      kind: 'table',
      headers: [
        '指标 Measure',
        '实际 Observed',
        '预测 Predicted',
        '逐时平均绝对误差 Mean absolute error by hour',
      ],
      rows: [
        ['呼入量 Calls offered', decimal(r.observed.offered), decimal(r.simulated.offered), '-'],
        [
          '放弃率 Abandon rate',
          r.observed.abandonRate === null ? '-' : percent(r.observed.abandonRate),
          r.simulated.abandonRate === null ? '-' : percent(r.simulated.abandonRate),
          `${decimal(100 * r.hourlyErrors.abandonRate, 1)} pp`,
        ],
        [
          `服务水平 Service level (${r.answerWithinSeconds} s)`,
          r.observed.serviceLevel === null ? '-' : percent(r.observed.serviceLevel),
          r.simulated.serviceLevel === null ? '-' : percent(r.simulated.serviceLevel),
          `${decimal(100 * r.hourlyErrors.serviceLevel, 1)} pp`,
        ],
        [
          '平均应答速度 ASA (s)',
          r.observed.asaSeconds === null ? '-' : decimal(r.observed.asaSeconds, 1),
          r.simulated.asaSeconds === null ? '-' : decimal(r.simulated.asaSeconds, 1),
          `${decimal(r.hourlyErrors.asaSeconds, 1)} s`,
        ],
      ],
      numeric: [1, 2, 3],
    });
    b.push({ kind: 'paragraph', text: r.finding });
  }
  for (const note of m.notes) b.push({ kind: 'paragraph', emphasis: 'note', text: note });

  if (report.warnings.length > 0) {
    b.push({ kind: 'heading', level: 2, text: '警告 Warnings', id: 'warnings' });
    b.push({ kind: 'list', items: [...report.warnings] });
  }
  return b;
}
