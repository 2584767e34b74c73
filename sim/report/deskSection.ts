/*
 * The 12345 liaison desk as a section of the 12333 report: the source
 * document's second target table (SEED project 2) filled in from desk
 * replications, its verdict line, what the desk model is, and its key KPIs by
 * quarter. The 12333 verdict is not changed by it; `deskVerdictSentence` is
 * the one sentence the main verdict says about the desk.
 */
import type { TargetSet } from '../core/targets.js';
import { DESK_POLICY } from '../model/desk/defaults.js';
import type { DeskPolicy, DeskResult } from '../model/desk/types.js';
import type { TargetAssessment } from '../plan/assessTargets.js';
import {
  DESK_BUDGET_2020,
  deskTargetTable,
  summariseDesk,
  type DeskKpiName,
  type DeskKpiSummary,
} from '../plan/deskPlan.js';
import { reportTargetTable } from './buildReport.js';
import { decimal, NONE, percent } from './format.js';
import type { Bilingual, ReportSection } from './types.js';

/** The id of the desk section (its HTML anchor). */
export const DESK_SECTION_ID = 'desk-12345';

/**
 * The desk's policy in words, Chinese and English.
 *
 * @param policy the policy of the runs
 * @returns the words
 * @example
 * deskPolicyText({ kind: 'dedicated', phoneStaff: 10 }).en; // => '10 staff kept on the transferred calls, the others on work orders'
 */
export function deskPolicyText(policy: DeskPolicy): Bilingual {
  switch (policy.kind) {
    case 'dedicated':
      return {
        zh: `固定 ${policy.phoneStaff} 人接听转接电话，其余人员处理工单`,
        en: `${policy.phoneStaff} staff kept on the transferred calls, the others on work orders`,
      };
    case 'phoneFirst':
      return { zh: '全员电话优先', en: 'phone first: every free staff member takes a waiting call first' };
    default:
      return {
        zh: `${percent(policy.orderShare, 0)} 人员留给工单`,
        en: `${percent(policy.orderShare, 0)} of the staff kept for work orders`,
      };
  }
}

/** The desk KPIs of the by-quarter table, with their labels and how each is printed. */
const QUARTER_KPIS: readonly { name: DeskKpiName; label: Bilingual; format: (x: number | null) => string }[] =
  [
    {
      name: 'transferAnswerRate',
      label: { zh: '转接接通率', en: 'transfer answer rate' },
      format: (x) => percent(x),
    },
    { name: 'serviceLevel', label: { zh: '15秒接通率', en: 'answered in 15 s' }, format: (x) => percent(x) },
    {
      name: 'firstContactRate',
      label: { zh: '先行联系率', en: 'first contact in time' },
      format: (x) => percent(x),
    },
    {
      name: 'onTimeCompletionRate',
      label: { zh: '按时办结率', en: 'closed on time' },
      format: (x) => percent(x),
    },
    { name: 'resolutionRate', label: { zh: '诉求解决率', en: 'resolved' }, format: (x) => percent(x) },
    { name: 'utilisation', label: { zh: '人员利用率', en: 'staff utilisation' }, format: (x) => percent(x) },
    {
      name: 'backlogAtEnd',
      label: { zh: '期末在办工单', en: 'open orders at the end' },
      format: (x) => decimal(x),
    },
  ];

const cell = (kpi: DeskKpiSummary, format: (x: number | null) => string): string =>
  kpi.summary === null
    ? NONE
    : `${format(kpi.summary.mean)} [${format(kpi.summary.p05)}, ${format(kpi.summary.p95)}]`;

/**
 * The one sentence the main verdict says about the desk: its verdict and the
 * probability of meeting all its measured targets, pointing to its section.
 *
 * @param assessment the desk's filled-in table (`deskTargetTable`)
 * @param replications the desk replications behind it
 * @returns the sentence, Chinese and English
 * @example
 * deskVerdictSentence(table, 10).en; // => 'The 12345 liaison desk, judged in its own section: FAILS (...).'
 */
export function deskVerdictSentence(assessment: TargetAssessment, replications: number): Bilingual {
  const all = assessment.allTargets;
  const pass = assessment.verdict === 'pass';
  return {
    zh:
      `12345 联络处另按其自身目标表评价（见该节）：${pass ? '达标' : '未达标'}，` +
      `全部可测算指标同时达标的概率 ${percent(all.probability, 0)}（${replications} 次重复）。`,
    en:
      `The 12345 liaison desk, judged on its own target table in its own section, ${pass ? 'PASSES' : 'FAILS'} ` +
      `(probability of meeting all its measured targets ${percent(all.probability, 0)}, ${replications} replications).`,
  };
}

/** What `deskReportSection` needs besides the runs. */
export interface DeskSectionOptions {
  /** The desk's target set (`data/targets/shanghai-12345-desk-2020.json`). */
  targets: TargetSet;
  /** The seed the runs used. */
  seed: number;
  /** The policy the runs used. __Default value:__ `DESK_POLICY` (10 on the phones) */
  policy?: DeskPolicy;
}

/**
 * The desk's section of the report: what the model is, its verdict line, its
 * target table (every row of the source document's second table, judged by
 * `deskTargetTable` with the 2020 desk budget) and its KPIs by quarter (mean
 * and 90% range across replications).
 *
 * @param runs desk replications over one horizon (`replicateDesk`)
 * @param options the target set, the seed and the policy of the runs
 * @returns the section and the desk's filled-in table (for the verdict sentence)
 * @throws {RangeError} when `runs` is empty (from `deskTargetTable`)
 * @example
 * const runs = replicateDesk({}, { replications: 10, seed: 1 });
 * const { section } = deskReportSection(runs, { targets: readTargetSet(path), seed: 1 });
 * section.blocks.length; // => 4
 */
export function deskReportSection(
  runs: readonly DeskResult[],
  options: DeskSectionOptions,
): { section: ReportSection; assessment: TargetAssessment } {
  const assessment = deskTargetTable(options.targets, runs, { budget: DESK_BUDGET_2020 });
  const table = reportTargetTable(options.targets, assessment, 'perAttempt');
  const first = runs[0];
  const policy = deskPolicyText(first?.policy ?? options.policy ?? DESK_POLICY);
  const firstDay = first?.days[0]?.period ?? '';
  const lastDay = first?.days[first.days.length - 1]?.period ?? '';
  const horizon = `${firstDay} to ${lastDay} (${first?.days.length ?? 0} days)`;
  const all = assessment.allTargets;
  const measured = table.rows.filter((row) => row.status !== 'notSimulated');
  const failed = measured.filter((row) => row.status === 'fail');
  const quarters = summariseDesk(runs, 'quarters', { targets: options.targets });
  return {
    assessment,
    section: {
      id: DESK_SECTION_ID,
      title: { zh: '12345 联络处绩效目标', en: '12345 liaison desk: performance targets' },
      blocks: [
        {
          kind: 'paragraph',
          text:
            `The desk model (sim/model/desk): one staff of 50 on payroll (turnover simulated) handles two kinds of ` +
            `work: calls transferred from the 12345 hotline, answered by agents within business hours (the answer ` +
            `rate and the share answered within 15 s), and work orders, each with a first-contact deadline and a ` +
            `closure deadline in working days (simple orders 5, complex 15), resolved or not. Policy: ${policy.en}. ` +
            `Horizon ${horizon}; ${runs.length} replications, seed ${options.seed}. The budget execution rate is ` +
            `payroll at ${decimal(DESK_BUDGET_2020.costPerStaffYearYuan)} yuan a staff-year over the ` +
            `${decimal(DESK_BUDGET_2020.budgetYuan)} yuan budget. 联络处模型：50 名在编人员同时承担转接来电与限时工单（先行联系、` +
            `按工作日计的办结时限）；策略：${policy.zh}。`,
        },
        {
          kind: 'paragraph',
          text:
            `Desk verdict: ${assessment.verdict === 'pass' ? 'PASSES' : 'FAILS'}. The probability of meeting every ` +
            `measured target is ${percent(all.probability, 0)} (Wilson interval ${percent(all.low, 0)} to ${percent(all.high, 0)}); ` +
            `${failed.length} of ${measured.length} measured targets fall short` +
            (failed.length > 0 ? ` (${failed.map((row) => row.name.en).join(', ')})` : '') +
            `; ${table.rows.length - measured.length} are not measured by the planner. This verdict is the desk's ` +
            `own and does not enter the 12333 verdict. 联络处结论：${assessment.verdict === 'pass' ? '达标' : '未达标'}` +
            `（全部可测算指标同时达标概率 ${percent(all.probability, 0)}）。`,
        },
        { kind: 'targets', table },
        {
          kind: 'table',
          columns: [{ zh: '季度', en: 'quarter' }, ...QUARTER_KPIS.map((k) => k.label)],
          rows: quarters.map((q) => [q.period, ...QUARTER_KPIS.map((k) => cell(q.kpis[k.name], k.format))]),
        },
      ],
    },
  };
}
