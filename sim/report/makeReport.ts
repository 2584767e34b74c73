import { join } from 'node:path';
import { shanghai12333UnitCosts2020 } from '../budget/shanghai12333Costs.js';
import type { BuyingOptions } from '../budget/whatBudgetBuys.js';
import type { ObservedCall } from '../calibrate/types.js';
import { addDays, daysBetween } from '../core/dates.js';
import { packageRoot } from '../core/packageRoot.js';
import { ANSWER_RATE_KPI, type TargetSet } from '../core/targets.js';
import { periodOf, type ScenarioFile } from '../io/scenarioFile.js';
import { readTargetSet } from '../io/targets.js';
import type { DeskPolicy } from '../model/desk/types.js';
import { shanghai12333Defaults } from '../model/shanghai12333.js';
import type { Scenario } from '../model/types.js';
import { replicateDesk } from '../plan/deskPlan.js';
import { leastBudget } from '../plan/leastBudget.js';
import { periodNotes } from '../plan/periodNotes.js';
import { replicate, type ReplicationResult } from '../plan/replicate.js';
import type { ReplicationPool } from '../plan/replicationPool.js';
import { periodBuyingRule } from '../plan/staffingByMonth.js';
import { sensitivity, type Assumption, type SensitivityRow } from '../plan/sensitivity.js';
import { buildReport, type ReportCostModel } from './buildReport.js';
import { channelsReportSection } from './channelsSection.js';
import { realCallCenterCheck, theoryCheck, type RealCallCenterOptions } from './checks.js';
import { deskReportSection, deskVerdictSentence } from './deskSection.js';
import { leastBudgetPeriod, leastBudgetSection } from './leastBudget.js';
import { staffingSection } from './staffing.js';
import type {
  Bilingual,
  RealCallCenterCheck,
  Report,
  ReportLeastBudget,
  ReportSection,
  TheoryCheck,
} from './types.js';

/** The 12345 desk's target table (SEED project 2), relative to the package root. */
export const DESK_TARGETS_FILE = 'data/targets/shanghai-12345-desk-2020.json';

/** The report's 12345 desk section: how many desk years to simulate, and with what. */
export interface ReportDeskOptions {
  /** Desk replications (about a second of CPU each for a whole year). */
  replications: number;
  /** Seed of the desk's streams. */
  seed: number;
  /** The desk's policy. __Default value:__ `DESK_POLICY` (10 staff on the phones) */
  policy?: DeskPolicy;
  /** The desk's target set. __Default value:__ read from `DESK_TARGETS_FILE` */
  targets?: TargetSet;
}

/**
 * Whether a scenario's report carries the 12345 desk section by default: the
 * 12333 2020 scenario does (the two tables of the same source document).
 *
 * @param file the scenario file
 * @returns true for the 12333 2020 scenario
 * @example
 * deskByDefault(readScenarioFile('data/shanghai-12333-2020/scenario.json')); // => true
 */
export function deskByDefault(file: Pick<ScenarioFile, 'meta'>): boolean {
  return file.meta.name === 'shanghai-12333-2020';
}

/**
 * The factors of the report's quick sensitivity run, one assumption at a
 * time: volume -20% to +20%, handle time, patience and redial probability
 * +/-10%, staff turnover halved and 1.5 times (only when the scenario
 * simulates its workforce).
 */
export const REPORT_SENSITIVITY_FACTORS: Readonly<Record<Assumption, readonly number[]>> = {
  volume: [0.8, 0.9, 1.1, 1.2],
  handle: [0.9, 1.1],
  patience: [0.9, 1.1],
  redialProbability: [0.9, 1.1],
  turnover: [0.5, 1.5],
};

/**
 * How many variants the report's sensitivity run simulates for a scenario:
 * the baseline and each factor of `REPORT_SENSITIVITY_FACTORS` (turnover only
 * with a workforce).
 *
 * @param scenario the scenario
 * @returns the count of variants
 * @example
 * sensitivityVariantCount(readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario); // => 13 (with its workforce)
 * sensitivityVariantCount(readScenarioFile('data/shanghai-12345-desk-2020/scenario.json').scenario); // => 11 (no workforce)
 */
export function sensitivityVariantCount(scenario: Pick<Scenario, 'workforce'>): number {
  return (
    1 +
    (Object.keys(REPORT_SENSITIVITY_FACTORS) as Assumption[])
      .filter((assumption) => assumption !== 'turnover' || scenario.workforce !== undefined)
      .reduce((sum, assumption) => sum + REPORT_SENSITIVITY_FACTORS[assumption].length, 0)
  );
}

/** The probability p of meeting the targets that the report's verdicts and least budget use. */
export const REPORT_CONFIDENCE = 0.9;

/** The least-budget search of a report: how many replications, and the buying rule. */
export interface ReportLeastBudgetOptions {
  /** Replications in the first set and added at a time. __Default value:__ `4` */
  batchReplications?: number;
  /** Most replications per budget. __Default value:__ `20` */
  maxReplications?: number;
  /**
   * How money becomes staff and agent-hours.
   *
   * __Default value:__ the cost model's staff per seat, 30% shrinkage, no hires
   */
  buying?: BuyingOptions;
}

/** Options of `makeReport`. */
export interface MakeReportOptions {
  /** Replications of the scenario (simulated years). */
  replications: number;
  /** Seed of every random stream. */
  seed: number;
  /** Simulate only `days` days (from `from`). __Default value:__ to the end of the horizon */
  days?: number;
  /**
   * Simulate a period from this date, `YYYY-MM-DD`, inside the horizon (`periodOf`:
   * the workforce starts as the year has it then).
   *
   * __Default value:__ the horizon's first day
   */
  from?: string;
  /** Worker threads. __Default value:__ `replicate`'s default */
  workers?: number;
  /** Where the replications run, left open (see `replicate`); `workers` is then ignored. __Default value:__ worker threads */
  pool?: ReplicationPool;
  /**
   * The sensitivity run: `days` days from the first day of the month with the
   * lowest answer rate (inside the period simulated), `replications` per
   * variant; null for none.
   *
   * __Default value:__ `null`
   */
  sensitivity?: { days: number; replications: number } | null;
  /**
   * The least budget that meets the targets (`leastBudget` on the quarters that
   * fall short, `leastBudgetPeriod`), when the report has a cost model and
   * targets; false for none.
   *
   * __Default value:__ `{}` (4 replications at a time, at most 20)
   */
  leastBudget?: ReportLeastBudgetOptions | false;
  /** Run the Erlang A check at the busiest interval of the day shown. __Default value:__ `true` */
  theory?: boolean;
  /** Call records to check the simulator against, with their description; null for none. __Default value:__ `null` */
  realCallCenter?: ({ records: readonly ObservedCall[] } & RealCallCenterOptions) | null;
  /** Staff, seats and unit costs for the budget section. __Default value:__ `null` */
  costModel?: ReportCostModel | null;
  /** Notes for the method section (a check left out and why). __Default value:__ none */
  notes?: readonly Bilingual[];
  /** Further sections, shown after the first target table. __Default value:__ none */
  sections?: readonly ReportSection[];
  /**
   * The 12345 liaison desk's section (its own target table, verdict and KPIs by
   * quarter, after the first target table and before `sections`), simulated over the same
   * days as the scenario; false for none.
   *
   * __Default value:__ `{ replications, seed }` of the report for the 12333 2020 scenario (`deskByDefault`), none otherwise
   */
  desk?: ReportDeskOptions | false;
  /** 编制日期, `YYYY-MM-DD`. __Default value:__ today (local time) */
  date?: string;
  /** 编制单位; null for a line to fill in. __Default value:__ `null` */
  organisation?: string | null;
  /** The program version and the command line, written into the report. */
  generator: { version: string; command: string };
  /** Called as simulations finish: work done and the total so far, in replications. __Default value:__ none */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The 12333 cost model of 2020: 407 staff on payroll and 359 seats all year
 * (`shanghai12333Defaults`), no hires, and `shanghai12333UnitCosts2020`, whose
 * system cost per seat is the remainder of the seat-rental line once the staff
 * are paid. When the runs simulate a whole year's workforce, `buildReport`
 * costs each replication's own payroll and hires instead of the fixed staff.
 *
 * @returns the cost model for `buildReport`
 * @example
 * shanghai12333CostModel().staffOnPayroll; // => 407
 */
export function shanghai12333CostModel(): ReportCostModel {
  return {
    staffOnPayroll: shanghai12333Defaults.staffOnPayroll,
    seats: shanghai12333Defaults.seats,
    hiresPerYear: 0,
    unitCosts: { ...shanghai12333UnitCosts2020 },
    derivedFromBudget: true,
    basis: {
      zh:
        '407 名人员、359 个坐席（公开报道）；人员综合月成本 9,100 元（月薪约 6,500 元的公开水平加单位社保公积金约 40%）；' +
        '每坐席系统费用为坐席租赁费扣除 407 名人员工资后的余额除以 359（因此 407 人满员、无新招聘时该科目恰好全额执行）；' +
        '每名新员工招聘培训 5,000 元（行业数字）；管理费 4,137,700 元（绩效目标表）',
      en:
        '407 staff and 359 seats (reported); loaded wage 9,100 yuan a month (the reported pay of about 6,500 plus about 40% ' +
        'employer on-costs); system cost per seat derived as what is left of the seat-rental line once 407 staff are paid, ' +
        'over 359 seats (so that line executes 100% with 407 staff and no hires); recruitment and training 5,000 yuan a ' +
        'hire (industry figure); management fee 4,137,700 (the target table)',
    },
  };
}

/** `YYYY-MM-DD` of today in local time. */
function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Where the sensitivity run starts: the first day of the month with the
 * lowest mean answer rate (of the measure that judges the target) in the
 * period simulated, or the period's first day when it holds one month.
 */
function weakestMonthStart(
  scenario: Scenario,
  result: ReplicationResult,
  measure: keyof ReplicationResult['kpis'],
): { from: string; period: string } {
  let weakest: ReplicationResult['months'][number] | undefined;
  for (const month of result.months) {
    const mean = month.kpis[measure]?.mean;
    if (mean === undefined) continue;
    if (weakest === undefined || mean < (weakest.kpis[measure]?.mean ?? Infinity)) weakest = month;
  }
  if (weakest === undefined || result.months.length < 2) return { from: scenario.startDate, period: '' };
  return {
    from: addDays(scenario.startDate, Math.round(weakest.startSeconds / 86_400)),
    period: weakest.period,
  };
}

/**
 * Everything a report needs, computed, then `buildReport` (once): the
 * scenario's replications, the quick sensitivity run on the weakest month,
 * the least budget on the quarters that fall short, the Erlang A check, the
 * real-records check when asked for, and the 12345 desk section. No file is
 * read or written here, except the desk's target table when `desk.targets` is
 * not given.
 *
 * @param file the scenario file (already read and checked)
 * @param options replications, seed and the optional analyses
 * @returns the report
 * @throws {RangeError} on bad counts (from `replicate`, `sensitivity`, `leastBudget` or the checks)
 * @example
 * // The demo runs a year with 10 replications, a 28-day sensitivity run and the least budget (minutes);
 * // two days show the shape in seconds.
 * const report = await makeReport(readScenarioFile('data/shanghai-12333-2020/scenario.json'), {
 *   replications: 2, seed: 1, days: 2, workers: 0, sensitivity: { days: 1, replications: 1 }, desk: false,
 *   leastBudget: { batchReplications: 1, maxReplications: 2 }, date: '2019-12-31',
 *   costModel: shanghai12333CostModel(), generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * report.leastBudget?.period.quarters; // => ['2020-Q1']
 * report.cover.date; // => '2019-12-31'
 */
export async function makeReport(file: ScenarioFile, options: MakeReportOptions): Promise<Report> {
  const from = options.from ?? file.scenario.startDate;
  const left = file.scenario.days - daysBetween(file.scenario.startDate, from);
  const scenario =
    options.days === undefined && options.from === undefined
      ? file.scenario
      : periodOf(file.scenario, from, options.days ?? left);
  const targets = file.meta.targets ?? null;
  const sens = targets ? (options.sensitivity ?? null) : null;
  const workers = {
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.pool !== undefined ? { pool: options.pool } : {}),
  };
  const costModel = options.costModel ?? null;
  const leastOptions = options.leastBudget === undefined ? {} : options.leastBudget;
  const variants = sens ? sensitivityVariantCount(scenario) * sens.replications : 0;
  let done = 0;
  let total = options.replications + variants;
  const progress = (more: number): void => {
    done += more;
    options.onProgress?.(done, Math.max(total, done));
  };
  const result = await replicate(scenario, {
    replications: options.replications,
    seed: options.seed,
    ...workers,
    onProgress: () => progress(1),
  });
  const measure = ANSWER_RATE_KPI[targets?.answerRateDefinition ?? 'perAttempt'];

  let sensitivityInput = null;
  if (sens && targets) {
    const start = weakestMonthStart(scenario, result, measure);
    const offset = daysBetween(scenario.startDate, start.from);
    const days = Math.min(sens.days, scenario.days - offset);
    const sensitivityScenario = periodOf(scenario, start.from, days);
    const rows: SensitivityRow[] = await sensitivity(sensitivityScenario, targets.set, {
      replications: sens.replications,
      factors: REPORT_SENSITIVITY_FACTORS,
      seed: options.seed,
      answerRateDefinition: targets.answerRateDefinition,
      ...workers,
      onProgress: () => progress(sens.replications),
    });
    sensitivityInput = {
      from: start.from,
      days,
      why:
        start.period === ''
          ? { zh: '自测算期第一天起', en: 'from the first day of the period simulated' }
          : {
              zh: `自接通率最低的月份（${start.period}）第一天起`,
              en: `from the first day of the month with the lowest answer rate (${start.period})`,
            },
      replications: sens.replications,
      seed: options.seed,
      rows,
    };
  }

  const notes: Bilingual[] = [
    ...periodNotes(file.scenario, scenario, scenario.workforce !== undefined).map((note) => ({
      zh: `${note.zh}。`,
      en: `${note.en.charAt(0).toUpperCase()}${note.en.slice(1)}.`,
    })),
    ...(options.notes ?? []),
  ];

  let least: ReportLeastBudget | null = null;
  let leastNote: Bilingual = {
    zh: '本报告未测算（未要求）。',
    en: 'not computed for this report (not asked for).',
  };
  if (leastOptions !== false && targets && costModel) {
    const period = leastBudgetPeriod(file.scenario, scenario, result, targets, REPORT_CONFIDENCE);
    const batch = leastOptions.batchReplications ?? 4;
    const most = leastOptions.maxReplications ?? 20;
    const buying = leastOptions.buying ?? {
      staffPerSeat: costModel.staffOnPayroll / costModel.seats,
      shrinkage: 0.3,
      hiresPerStaffYear: 0,
    };
    total += batch;
    let counted = 0;
    const answer = await leastBudget(period.scenario, targets.set, costModel.unitCosts, {
      buying: periodBuyingRule(buying, period.days, period.shareOfYear),
      seed: options.seed,
      confidence: REPORT_CONFIDENCE,
      batchReplications: batch,
      maxReplications: most,
      answerRateDefinition: targets.answerRateDefinition,
      ...workers,
      onProgress: (at) => {
        if (at.replicationsDone > counted) {
          total = Math.max(total, done + batch);
          progress(at.replicationsDone - counted);
          counted = at.replicationsDone;
        }
      },
    });
    least = leastBudgetSection(answer, {
      period,
      confidence: REPORT_CONFIDENCE,
      unitCosts: costModel.unitCosts,
      buying,
      batchReplications: batch,
      maxReplications: most,
      plannedTotalYuan: file.meta.budget?.statedTotalYuan ?? null,
    });
  } else if (leastOptions !== false) {
    leastNote = targets
      ? {
          zh: '本情景没有成本模型，无法把座席换算为预算。',
          en: 'the scenario has no cost model to turn seats into money.',
        }
      : { zh: '本情景没有绩效目标。', en: 'the scenario names no targets.' };
  }

  const staffing = staffingSection(scenario, result, targets?.set, measure);
  let theory: TheoryCheck | null = null;
  if (scenario.channels !== undefined && (options.theory ?? true)) {
    notes.push({
      zh: '未做 Erlang A 对照：本情景含多个渠道（座席分属多个组）；文字客服的排班公式已与模拟器对照检验。',
      en: 'Erlang A check not run: the scenario has channels (its agents are split among groups); the chat staffing formula is checked against the simulator in the project’s validation tests.',
    });
  } else if (options.theory ?? true) {
    try {
      theory = theoryCheck(scenario, staffing, { seed: options.seed });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      notes.push({
        zh: `未做 Erlang A 对照：${error.message}`,
        en: `Erlang A check not run: ${error.message}`,
      });
    }
  }
  let real: RealCallCenterCheck | null = null;
  if (options.realCallCenter) {
    const { records, ...rest } = options.realCallCenter;
    real = realCallCenterCheck(records, rest);
  }
  const sections: ReportSection[] = [];
  const verdictNotes: Bilingual[] = [];
  const desk =
    options.desk === undefined
      ? deskByDefault(file)
        ? { replications: options.replications, seed: options.seed }
        : false
      : options.desk;
  if (desk) {
    const targetSet = desk.targets ?? readTargetSet(join(packageRoot(), DESK_TARGETS_FILE));
    const runs = replicateDesk(
      {
        startDate: scenario.startDate,
        days: scenario.days,
        ...(desk.policy ? { policy: desk.policy } : {}),
      },
      { replications: desk.replications, seed: desk.seed },
    );
    const { section, assessment } = deskReportSection(runs, { targets: targetSet, seed: desk.seed });
    sections.push(section);
    verdictNotes.push(deskVerdictSentence(assessment, desk.replications));
    if (scenario !== file.scenario)
      notes.push({
        zh: `12345 联络处一节模拟同样的 ${scenario.days} 天；其人员自 ${scenario.startDate} 按初始人数开始。`,
        en: `The 12345 desk section simulates the same ${scenario.days} days; its own workforce starts on ${scenario.startDate} with its initial staff.`,
      });
  }
  const channels = channelsReportSection(scenario, result);
  if (channels !== null) sections.push(channels);
  sections.push(...(options.sections ?? []));
  return buildReport({
    file,
    scenario,
    result,
    costModel,
    verdictNotes,
    sensitivity: sensitivityInput,
    theory,
    realCallCenter: real,
    leastBudget: least,
    leastBudgetNote: leastNote,
    notes,
    sections,
    cover: { organisation: options.organisation ?? null, date: options.date ?? today() },
    generator: options.generator,
  });
}
