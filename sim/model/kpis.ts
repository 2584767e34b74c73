import { requireNonNegativeFinite } from '../core/validate.js';
import type { IntervalRow, Kpis, PeriodCounts, PeriodRow } from './types.js';

/** The fields of `PeriodCounts`, in a fixed order (roll-ups sum them). */
export const PERIOD_COUNT_FIELDS = [
  'offered',
  'freshCallers',
  'freshCallersAnswered',
  'selfServed',
  'answered',
  'abandoned',
  'blocked',
  'waited',
  'answeredWithin',
  'abandonedWithin',
  'waitAnsweredSeconds',
  'waitAbandonedSeconds',
  'stillWaiting',
  'measuredSeconds',
  'agentSeconds',
  'busyAgentSeconds',
  'overtimeAgentSeconds',
  'waitingCallerSeconds',
  'droppedByFault',
  'lostToFault',
  'answeredWithSurvey',
  'surveyed',
  'surveyPositive',
  'surveySatisfied',
  'surveyDissatisfied',
  'complaints',
  'qaSampled',
  'qaPassed',
] as const satisfies readonly (keyof PeriodCounts)[];

/** What a KPI divides by what. */
export interface KpiDefinition {
  /** What is counted, in words. */
  readonly numerator: string;
  /** What it is divided by, in words. */
  readonly denominator: string;
  /**
   * A proportion of its denominator, in [0, 1] (its interval across replications
   * then comes from `summariseProportion`); otherwise a mean in seconds or callers.
   */
  readonly proportion: boolean;
}

/** Every attempt reaching the queue for an agent (after self-service); redials count again. */
const OFFERED = 'attempts offered';

/**
 * Every KPI of `kpisOf` with its numerator and denominator, as the README's
 * "Definitions used" and the report state them. Every key ending in `Rate`
 * is a proportion. Answered, abandoned, blocked and lost to faults are parts
 * of one denominator, attempts offered: their four rates sum to 1, less the
 * share of attempts still waiting when the run ended.
 *
 * @example
 * KPI_DEFINITIONS.faultLossRate.denominator; // => 'attempts offered'
 * Object.keys(KPI_DEFINITIONS).filter((k) => KPI_DEFINITIONS[k].proportion).length; // => 14
 */
export const KPI_DEFINITIONS: { readonly [K in keyof Kpis]: KpiDefinition } = {
  answerRate: { numerator: 'attempts answered by an agent', denominator: OFFERED, proportion: true },
  callerAnswerRate: {
    numerator: 'fresh callers answered at some attempt',
    denominator: 'fresh callers (first attempts)',
    proportion: true,
  },
  answerRateIncludingSelfService: {
    numerator: 'attempts answered by an agent, plus calls finished in self-service',
    denominator: 'attempts offered, plus calls finished in self-service',
    proportion: true,
  },
  abandonRate: { numerator: 'attempts that hung up while waiting', denominator: OFFERED, proportion: true },
  blockRate: {
    numerator: 'attempts given a busy tone (the waiting room full, or no agent on duty in the interval)',
    denominator: OFFERED,
    proportion: true,
  },
  faultLossRate: {
    numerator:
      'attempts lost to a platform fault (arrived while the platform was down, or waiting when it went down)',
    denominator: OFFERED,
    proportion: true,
  },
  probWait: {
    numerator: 'attempts that found no free agent and waited',
    denominator: OFFERED,
    proportion: true,
  },
  serviceLevel: {
    numerator: 'attempts answered within the threshold',
    denominator: OFFERED,
    proportion: true,
  },
  serviceLevelOfAnswered: {
    numerator: 'attempts answered within the threshold',
    denominator: 'attempts answered',
    proportion: true,
  },
  serviceLevelExcludingShortAbandons: {
    numerator: 'attempts answered within the threshold',
    denominator: 'attempts offered, less those blocked and those abandoned within the threshold',
    proportion: true,
  },
  asaSeconds: {
    numerator: 'total wait of answered attempts',
    denominator: 'attempts answered',
    proportion: false,
  },
  meanWaitSeconds: {
    numerator: 'total wait of answered and abandoned attempts',
    denominator: 'attempts answered and abandoned',
    proportion: false,
  },
  occupancy: {
    numerator: 'busy agent-seconds',
    denominator:
      'available agent-seconds: agents on the phones, plus the overtime of agents finishing a call after their shift ended',
    proportion: true,
  },
  meanQueueLength: {
    numerator: 'caller-seconds waiting',
    denominator: 'seconds measured',
    proportion: false,
  },
  satisfaction: {
    numerator: 'survey respondents satisfied or basically satisfied',
    denominator: 'survey respondents',
    proportion: true,
  },
  complaintRate: {
    numerator: 'complaints (at most one per answered attempt)',
    denominator: 'attempts answered, with a survey in the scenario',
    proportion: true,
  },
  qaPassRate: {
    numerator: 'quality checks passed',
    denominator: 'answered attempts sampled for the quality check',
    proportion: true,
  },
};

/** `numerator / denominator`, or null when the denominator is 0 (never NaN). */
function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * A share of time sums kept in separate accumulators (busy over available
 * agent-seconds): at most 1 but for the rounding of the sums, which is taken
 * off; a larger excess is a bug and is left to show.
 */
function share(numerator: number, denominator: number): number | null {
  const value = ratio(numerator, denominator);
  return value !== null && value > 1 && value < 1 + 1e-9 ? 1 : value;
}

/**
 * KPIs of a period from its counts, with the definitions of `QueueMetrics`:
 * shares of offered attempts unless said, blocked attempts offered but never
 * waiting, a ratio with an empty denominator `null`.
 *
 * @param counts the counts of an interval, a day, a month, a quarter or the horizon
 * @returns the period's KPIs
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const result = simulate(scenario, { seed: 1 });
 * kpisOf(result.horizon).answerRate === result.horizon.answered / result.horizon.offered; // => true
 * kpisOf(result.horizon).answerRate; // => 0.9005
 */
export function kpisOf(counts: PeriodCounts): Kpis {
  const c = counts;
  return {
    answerRate: ratio(c.answered, c.offered),
    callerAnswerRate: ratio(c.freshCallersAnswered, c.freshCallers),
    answerRateIncludingSelfService: ratio(c.answered + c.selfServed, c.offered + c.selfServed),
    abandonRate: ratio(c.abandoned, c.offered),
    blockRate: ratio(c.blocked, c.offered),
    faultLossRate: ratio(c.lostToFault + c.droppedByFault, c.offered),
    probWait: ratio(c.waited, c.offered),
    serviceLevel: ratio(c.answeredWithin, c.offered),
    serviceLevelOfAnswered: ratio(c.answeredWithin, c.answered),
    serviceLevelExcludingShortAbandons: ratio(c.answeredWithin, c.offered - c.blocked - c.abandonedWithin),
    asaSeconds: ratio(c.waitAnsweredSeconds, c.answered),
    meanWaitSeconds: ratio(c.waitAnsweredSeconds + c.waitAbandonedSeconds, c.answered + c.abandoned),
    occupancy: share(c.busyAgentSeconds, c.agentSeconds + c.overtimeAgentSeconds),
    meanQueueLength: ratio(c.waitingCallerSeconds, c.measuredSeconds),
    satisfaction: ratio(c.surveyPositive, c.surveyed),
    complaintRate: ratio(c.complaints, c.answeredWithSurvey),
    qaPassRate: ratio(c.qaPassed, c.qaSampled),
  };
}

/** Minutes of review per dissatisfied survey rating when the scenario does not say. */
export const DEFAULT_REVIEW_MINUTES_PER_DISSATISFIED = 15;

/**
 * Hours needed to review every dissatisfied rating of a period (不满意电话当月抽检率
 * = 100%): `surveyDissatisfied x reviewMinutes / 60`.
 *
 * @param counts the counts of a period (a month for the monthly workload)
 * @param reviewMinutesPerDissatisfied minutes of review per dissatisfied rating, >= 0
 * @returns review hours
 * @throws {RangeError} when the minutes are negative or not finite
 * @example
 * reviewHours({ ...emptyCounts(), surveyDissatisfied: 120 }, 15); // => 30
 */
export function reviewHours(
  counts: Pick<PeriodCounts, 'surveyDissatisfied'>,
  reviewMinutesPerDissatisfied = DEFAULT_REVIEW_MINUTES_PER_DISSATISFIED,
): number {
  requireNonNegativeFinite('reviewHours', 'reviewMinutesPerDissatisfied', reviewMinutesPerDissatisfied);
  return (counts.surveyDissatisfied * reviewMinutesPerDissatisfied) / 60;
}

/**
 * Counts with every field 0 (a fresh accumulator, or a base for hand-made counts).
 *
 * @returns a new `PeriodCounts` with every field 0
 * @example
 * kpisOf({ ...emptyCounts(), offered: 10, answered: 8 }).answerRate; // => 0.8
 */
export function emptyCounts(): PeriodCounts {
  const counts = {} as Record<keyof PeriodCounts, number>;
  for (const field of PERIOD_COUNT_FIELDS) counts[field] = 0;
  return counts;
}

/**
 * Roll interval rows up into periods: consecutive intervals with the same key
 * form one period, whose counts are the sums of theirs.
 *
 * @param rows interval rows in time order
 * @param intervalSeconds interval length, seconds
 * @param key the period an interval belongs to (for example its day, `YYYY-MM-DD`)
 * @returns one row per period, in time order
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const result = simulate(scenario, { seed: 1 });
 * const byDay = rollUp(result.intervals, 1800, (row) => row.start.slice(0, 10));
 * [byDay.length, byDay[0]?.period, byDay[0]!.offered + byDay[1]!.offered === result.horizon.offered]; // => [2, '2020-05-11', true]
 */
export function rollUp(
  rows: readonly IntervalRow[],
  intervalSeconds: number,
  key: (row: IntervalRow) => string,
): PeriodRow[] {
  const out: PeriodRow[] = [];
  let current: PeriodRow | undefined;
  for (const row of rows) {
    const period = key(row);
    if (current === undefined || current.period !== period) {
      current = { period, startSeconds: row.startSeconds, endSeconds: row.startSeconds, ...emptyCounts() };
      out.push(current);
    }
    for (const field of PERIOD_COUNT_FIELDS) current[field] += row[field];
    current.endSeconds = row.startSeconds + intervalSeconds;
  }
  return out;
}

/** The quarter of an interval row: `YYYY-Qn`. */
export function quarterOf(row: IntervalRow): string {
  const month = Number(row.start.slice(5, 7));
  return `${row.start.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}
