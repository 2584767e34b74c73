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
import { formatNumber, formatPercent, formatYuan, NO_VALUE } from '../core/format.js';
import { probabilityText } from './format.js';
import { reportTargetTable } from './targetTable.js';
import type { Bilingual, ReportSection } from './types.js';

const percent = (x: number | null | undefined, digits = 1): string => formatPercent(x, digits);

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
      format: (x) => formatNumber(x),
    },
  ];

const cell = (kpi: DeskKpiSummary, format: (x: number | null) => string): string =>
  kpi.summary === null
    ? NO_VALUE
    : `${format(kpi.summary.mean)} [${format(kpi.summary.p05)}, ${format(kpi.summary.p95)}]`;

/**
 * The one sentence the main verdict says about the desk: its verdict and the
 * probability of meeting all its measured targets, pointing to its section.
 *
 * @param assessment the desk's filled-in table (`deskTargetTable`)
 * @param replications the desk replications behind it
 * @returns the sentence, Chinese and English
 * @example
 * const targets = readTargetSet('data/targets/shanghai-12345-desk-2020.json');
 * const runs = replicateDesk({ startDate: '2020-01-01', days: 14 }, { replications: 2, seed: 1 });
 * deskVerdictSentence(deskTargetTable(targets, runs), 2).en;
 * // => 'The 12345 liaison desk, judged on its own target table in its own section: too few replications to tell (probability of meeting all its measured targets 100% (34%–100%), 2 replications).'
 */
export function deskVerdictSentence(assessment: TargetAssessment, replications: number): Bilingual {
  const all = assessment.allTargets;
  const verdict = DESK_VERDICT[assessment.verdict];
  return {
    zh:
      `12345 联络处另按其自身目标表评价（见该节）：${verdict.zh}，` +
      `全部可测算指标同时达标的概率 ${probabilityText(all)}（${replications} 次重复）。`,
    en:
      `The 12345 liaison desk, judged on its own target table in its own section: ${verdict.en} ` +
      `(probability of meeting all its measured targets ${probabilityText(all)}, ${replications} replications).`,
  };
}

/** The desk's verdict in words. */
const DESK_VERDICT: Readonly<Record<TargetAssessment['verdict'], Bilingual>> = {
  pass: { zh: '达标', en: 'PASSES' },
  fail: { zh: '未达标', en: 'FAILS' },
  undecided: { zh: '现有重复次数不足以判定', en: 'too few replications to tell' },
};

/**
 * Why the desk's rows that its model makes true hold, and what would make them fail.
 */
const DESK_CONSTRUCTION = {
  budgetExecutionRate: {
    zh: '预算按 50 名人员的人均费用编制，人员费用按同一标准计算，故满员时执行率为 100%；只有离职后补员前的空缺使其降低。空缺超过编制的 5% 时不达标。',
    en: 'The budget is the cost of 50 staff at one cost per staff-year, and the payroll is costed at the same rate, so a full desk executes 100%; only vacancies between a leaver and the replacement lower it. It fails when vacancies exceed 5% of the staff.',
  },
} as const;

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
 * const runs = replicateDesk({ startDate: '2020-01-01', days: 14 }, { replications: 2, seed: 1 });
 * const { section } = deskReportSection(runs, { targets: readTargetSet(join(packageRoot(), DESK_TARGETS_FILE)), seed: 1 });
 * section.blocks.map((block) => block.kind); // => ['paragraph', 'paragraph', 'targets', 'table']
 */
export function deskReportSection(
  runs: readonly DeskResult[],
  options: DeskSectionOptions,
): { section: ReportSection; assessment: TargetAssessment } {
  const assessment = deskTargetTable(options.targets, runs, { budget: DESK_BUDGET_2020 });
  const table = reportTargetTable(options.targets, assessment, 'perAttempt', DESK_CONSTRUCTION);
  const first = runs[0];
  const policy = deskPolicyText(first?.policy ?? options.policy ?? DESK_POLICY);
  const firstDay = first?.days[0]?.period ?? '';
  const lastDay = first?.days[first.days.length - 1]?.period ?? '';
  const horizon = {
    zh: `${firstDay} 至 ${lastDay}（${first?.days.length ?? 0} 天）`,
    en: `${firstDay} to ${lastDay} (${first?.days.length ?? 0} days)`,
  };
  const all = assessment.allTargets;
  const verdict = DESK_VERDICT[assessment.verdict];
  const measured = table.rows.filter((row) => row.status !== 'notSimulated');
  const failed = measured.filter((row) => row.status === 'fail');
  const undecided = measured.filter((row) => row.status === 'undecided');
  const quarters = summariseDesk(runs, 'quarters', { targets: options.targets });
  return {
    assessment,
    section: {
      id: DESK_SECTION_ID,
      title: { zh: '12345 联络处绩效目标', en: '12345 liaison desk: performance targets' },
      blocks: [
        {
          kind: 'paragraph',
          text: {
            zh:
              `联络处模型：50 名在编人员（模拟人员流失）同时承担两类工作：12345 转接来电（工作时间内接听，统计接通率与 15 秒内接听比例），` +
              `以及限时工单（先行联系时限与按工作日计的办结时限：简单工单 5 个工作日、复杂工单 15 个工作日，并区分是否解决）。` +
              `策略：${policy.zh}。测算期 ${horizon.zh}；${runs.length} 次重复，种子 ${options.seed}。预算执行率按每人每年 ` +
              `${formatYuan(DESK_BUDGET_2020.costPerStaffYearYuan)} 元的人员费用除以 ${formatYuan(DESK_BUDGET_2020.budgetYuan)} 元预算计算。`,
            en:
              `The desk model: one staff of 50 on payroll (turnover simulated) handles two kinds of work: calls ` +
              `transferred from the 12345 hotline, answered by agents within business hours (the answer rate and the share ` +
              `answered within 15 s), and work orders, each with a first-contact deadline and a closure deadline in working ` +
              `days (simple orders 5, complex 15), resolved or not. Policy: ${policy.en}. Horizon ${horizon.en}; ` +
              `${runs.length} replications, seed ${options.seed}. The budget execution rate is payroll at ` +
              `${formatYuan(DESK_BUDGET_2020.costPerStaffYearYuan)} yuan a staff-year over the ` +
              `${formatYuan(DESK_BUDGET_2020.budgetYuan)} yuan budget.`,
          },
        },
        {
          kind: 'paragraph',
          text: {
            zh:
              `联络处结论：${verdict.zh}。全部可测算指标同时达标的概率为 ${probabilityText(all)}；${measured.length} 项可测算指标中 ` +
              `${failed.length} 项未达标` +
              (failed.length > 0 ? `（${failed.map((row) => row.name.zh).join('、')}）` : '') +
              `，${undecided.length} 项需更多重复；${table.rows.length - measured.length} 项未模拟。此结论只针对联络处，不计入 12333 的结论。`,
            en:
              `Desk verdict: ${verdict.en}. The probability of meeting every measured target is ${probabilityText(all)}; ` +
              `${failed.length} of ${measured.length} measured targets fall short` +
              (failed.length > 0 ? ` (${failed.map((row) => row.name.en).join(', ')})` : '') +
              `, ${undecided.length} need more replications; ${table.rows.length - measured.length} are not simulated. ` +
              "This verdict is the desk's own and does not enter the 12333 verdict.",
          },
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
