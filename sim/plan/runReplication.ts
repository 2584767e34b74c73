import { simulate } from '../model/simulate.js';
import type {
  EndState,
  FaultsResult,
  IntervalRow,
  Kpis,
  PeriodRow,
  Scenario,
  SurveyResult,
} from '../model/types.js';
import type { ChannelResults, GroupRun } from '../model/channels/types.js';
import type { WorkforceResult } from '../model/workforce.js';
import { weekdayHourCounts, type WeekdayHourCounts } from './weekdayHours.js';

/**
 * What `replicate` keeps of one replication: the period roll-ups and KPIs,
 * not the interval rows unless asked (a year has 17,520 half hours).
 */
export interface ReplicationRun {
  /** Replication number, 0-based; the run used `simulate(scenario, { seed, replication })`. */
  replication: number;
  /** KPIs of the whole horizon. */
  kpis: Kpis;
  /** Counts of the whole horizon. */
  horizon: PeriodRow;
  /** Counts per quarter, per month and per day (an interval belongs to the period it starts in). */
  quarters: PeriodRow[];
  months: PeriodRow[];
  days: PeriodRow[];
  /** Counts by day of the week and hour of the day (168 rows, Monday 00:00 first; see `weekdayHourCounts`). */
  weekdayHours: WeekdayHourCounts[];
  /** Interval rows, only with `keepIntervals: true`. */
  intervals?: IntervalRow[];
  /** Modelling concerns found in the run. */
  warnings: string[];
  endState: EndState;
  /** The run's workforce, when the scenario has one (turnover, headcount by week and month). */
  workforce?: WorkforceResult;
  /** The run's faults, when the scenario has fault levels (episodes, per level and quarter). */
  faults?: FaultsResult;
  /** The survey's review workload, when the scenario has a survey. */
  survey?: SurveyResult;
  /** Each channel's days, months, quarters, horizon and KPIs, when the scenario has channels (no interval rows). */
  channels?: ChannelResults;
  /** Each agent group's quarters, horizon and KPIs, when the scenario has channels (no agents per interval). */
  groups?: GroupRun[];
  /** Work done; `runSeconds` is wall-clock and differs between identical runs. */
  timing: { runSeconds: number; events: number; attempts: number };
}

/**
 * Run one replication and keep what `replicate` needs. The same function runs
 * in the calling thread (`workers: 0`) and in worker threads, so both give
 * identical runs. Internal to `replicate`.
 */
export function runReplication(
  scenario: Scenario,
  seed: number,
  replication: number,
  keepIntervals: boolean,
): ReplicationRun {
  const result = simulate(scenario, { seed, replication });
  const run: ReplicationRun = {
    replication,
    kpis: result.kpis,
    horizon: result.horizon,
    quarters: result.quarters,
    months: result.months,
    days: result.days,
    weekdayHours: weekdayHourCounts(result.intervals),
    warnings: result.warnings,
    endState: result.endState,
    timing: result.timing,
  };
  if (result.workforce !== undefined) run.workforce = result.workforce;
  if (result.faults !== undefined) run.faults = result.faults;
  if (result.survey !== undefined) run.survey = result.survey;
  if (result.channels !== undefined) {
    const channels: ChannelResults = { voice: withoutIntervals(result.channels.voice) };
    for (const name of ['chat', 'message', 'callback'] as const) {
      const channel = result.channels[name];
      if (channel !== undefined) channels[name] = withoutIntervals(channel);
    }
    run.channels = channels;
  }
  if (result.groups !== undefined) run.groups = result.groups.map(({ agents: _agents, ...group }) => group);
  if (keepIntervals) run.intervals = result.intervals;
  return run;
}

/** A channel's results without its interval rows (a year has 17,568 of them). */
function withoutIntervals<T extends { intervals?: unknown }>(channel: T): T {
  const { intervals: _intervals, ...rest } = channel;
  return rest as T;
}
