import { channelsReportSection } from './channelsSection.js';
import { shanghai12333UnitCosts2020 } from '../budget/shanghai12333Costs.js';
import type { ObservedCall } from '../calibrate/types.js';
import { periodOf, type ScenarioFile } from '../io/scenarioFile.js';
import { shanghai12333Defaults } from '../model/shanghai12333.js';
import { replicate } from '../plan/replicate.js';
import type { ReplicationPool } from '../plan/replicationPool.js';
import { sensitivity, type Assumption, type SensitivityRow } from '../plan/sensitivity.js';
import type { Scenario } from '../model/types.js';
import { join } from 'node:path';
import { packageRoot } from '../core/packageRoot.js';
import type { TargetSet } from '../core/targets.js';
import { readTargetSet } from '../io/targets.js';
import type { DeskPolicy } from '../model/desk/types.js';
import { replicateDesk } from '../plan/deskPlan.js';
import { deskReportSection, deskVerdictSentence } from './deskSection.js';
import { buildReport, type ReportCostModel } from './buildReport.js';
import { realCallCenterCheck, theoryCheck, type RealCallCenterOptions } from './checks.js';
import type { Bilingual, RealCallCenterCheck, Report, ReportSection, TheoryCheck } from './types.js';

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
 * sensitivityVariantCount(file.scenario); // => 13 with a workforce, 11 without
 */
export function sensitivityVariantCount(scenario: Pick<Scenario, 'workforce'>): number {
  return (
    1 +
    (Object.keys(REPORT_SENSITIVITY_FACTORS) as Assumption[])
      .filter((assumption) => assumption !== 'turnover' || scenario.workforce !== undefined)
      .reduce((sum, assumption) => sum + REPORT_SENSITIVITY_FACTORS[assumption].length, 0)
  );
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
   * the workforce starts as the year has it then); the sensitivity run starts there too.
   *
   * __Default value:__ the horizon's first day
   */
  from?: string;
  /** Worker threads. __Default value:__ `replicate`'s default */
  workers?: number;
  /** Where the replications run, left open (see `replicate`); `workers` is then ignored. __Default value:__ worker threads */
  pool?: ReplicationPool;
  /**
   * The sensitivity run: the first `days` days, `replications` per variant; null for none.
   *
   * __Default value:__ `null`
   */
  sensitivity?: { days: number; replications: number } | null;
  /** Run the Erlang A check at the busiest half hour. __Default value:__ `true` */
  theory?: boolean;
  /** Call records to check the simulator against, with their description; null for none. __Default value:__ `null` */
  realCallCenter?: ({ records: readonly ObservedCall[] } & RealCallCenterOptions) | null;
  /** Staff, seats and unit costs for the budget section. __Default value:__ `null` */
  costModel?: ReportCostModel | null;
  /** Notes for the method section (a check left out and why). __Default value:__ none */
  notes?: readonly string[];
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
  /** The program version and the command line, written into the report. */
  generator: { version: string; command: string };
  /** Called as simulations finish: work done and total, in replications. __Default value:__ none */
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
    basis:
      'sim/budget/shanghai12333Costs.ts: 407 staff and 359 seats [S], loaded wage 9,100 yuan a month [S/A], ' +
      'system cost per seat derived as the remainder of the seat-rental line (so that line executes 100% by ' +
      'construction with 407 staff and no hires), recruitment and training 5,000 yuan a hire [S], management fee ' +
      '4,137,700 [S]',
  };
}

/**
 * Everything a report needs, computed, then `buildReport`: the scenario's
 * replications, the quick sensitivity run, the Erlang A check and the
 * real-records check when asked for, and the 12345 desk section. No file is
 * read or written here, except the desk's target table when `desk.targets` is
 * not given.
 *
 * @param file the scenario file (already read and checked)
 * @param options replications, seed and the optional analyses
 * @returns the report
 * @throws {RangeError} on bad counts (from `replicate`, `sensitivity` or the checks)
 * @example
 * const report = await makeReport(readScenarioFile('data/shanghai-12333-2020/scenario.json'), {
 *   replications: 10, seed: 1, sensitivity: { days: 28, replications: 4 },
 *   costModel: shanghai12333CostModel(), generator: { version: '0.1.0', command: 'hotline report' },
 * });
 */
export async function makeReport(file: ScenarioFile, options: MakeReportOptions): Promise<Report> {
  const from = options.from ?? file.scenario.startDate;
  const left =
    file.scenario.days -
    Math.round(
      (Date.parse(`${from}T00:00:00Z`) - Date.parse(`${file.scenario.startDate}T00:00:00Z`)) / 86_400_000,
    );
  const scenario =
    options.days === undefined && options.from === undefined
      ? file.scenario
      : periodOf(file.scenario, from, options.days ?? left);
  const targets = file.meta.targets ?? null;
  const sens = targets ? (options.sensitivity ?? null) : null;
  const sensitivityDays = sens ? Math.min(sens.days, left) : 0;
  const sensitivityScenario = sens ? periodOf(file.scenario, from, sensitivityDays) : null;
  const total =
    options.replications +
    (sensitivityScenario && sens ? sensitivityVariantCount(sensitivityScenario) * sens.replications : 0);
  const workers = {
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.pool !== undefined ? { pool: options.pool } : {}),
  };
  const result = await replicate(scenario, {
    replications: options.replications,
    seed: options.seed,
    ...workers,
    onProgress: (done) => options.onProgress?.(done, total),
  });
  let sensitivityRows: SensitivityRow[] | null = null;
  if (sens && targets && sensitivityScenario) {
    sensitivityRows = await sensitivity(sensitivityScenario, targets.set, {
      replications: sens.replications,
      factors: REPORT_SENSITIVITY_FACTORS,
      seed: options.seed,
      answerRateDefinition: targets.answerRateDefinition,
      ...workers,
      onProgress: (done) => options.onProgress?.(options.replications + done * sens.replications, total),
    });
  }
  const notes = [...(options.notes ?? [])];
  const costModel = options.costModel ?? null;
  const first = buildReport({
    file,
    scenario,
    result,
    costModel,
    generator: options.generator,
  });
  let theory: TheoryCheck | null = null;
  if (scenario.channels !== undefined && (options.theory ?? true)) {
    notes.push(
      'Erlang A check not run: the scenario has channels (its agents are split among groups); the chat staffing formula is checked against the simulator in test/validation/channels.validation.test.ts',
    );
  } else if (options.theory ?? true) {
    try {
      theory = theoryCheck(scenario, first.staffing, { seed: options.seed });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      notes.push(`Erlang A check not run: ${error.message}`);
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
    sensitivity: sensitivityRows
      ? {
          days: sensitivityDays,
          replications: sens?.replications ?? 0,
          seed: options.seed,
          rows: sensitivityRows,
        }
      : null,
    theory,
    realCallCenter: real,
    notes,
    sections,
    generator: options.generator,
  });
}
