/**
 * What a run of the call-center model returns: counts and sums per period, the
 * rows and roll-ups, the KPIs, call records, the end state, and the results of
 * the optional mechanisms (faults, survey). The inputs are in `types.ts`, which
 * re-exports these.
 */

import type { ChannelResults, GroupRun } from './channels/types.js';
import type { FaultEpisode, FaultLevelSummary } from './faults.js';
import type { WorkforceResult } from './workforce.js';

/**
 * Counts and sums over a period, for measured callers only. An attempt is
 * counted in the period it arrives in; a caller in the period of its first
 * attempt; time-weighted sums in the period the time falls in.
 */
export interface PeriodCounts {
  /** Attempts that reached the agent queue (after self-service); redials count again. */
  offered: number;
  /** First attempts: callers whose first attempt arrived in the period. */
  freshCallers: number;
  /** Of `freshCallers`, those answered at some attempt (per-caller answer rate = this / freshCallers). */
  freshCallersAnswered: number;
  /** Entering calls that finished in self-service (not offered). */
  selfServed: number;
  /** Attempts answered by an agent. */
  answered: number;
  /** Attempts that hung up while waiting. */
  abandoned: number;
  /**
   * Attempts that got a busy tone: the waiting room was full, or no agent was on
   * duty in the interval they arrived in (the line is closed; they are not queued).
   */
  blocked: number;
  /** Attempts that were admitted and found no free agent (they waited, even if 0 s). */
  waited: number;
  /** Attempts answered within `answerWithinSeconds` (wait <= t). */
  answeredWithin: number;
  /** Attempts that abandoned within `answerWithinSeconds` (wait <= t). */
  abandonedWithin: number;
  /** Sum of the waits of answered attempts, seconds. */
  waitAnsweredSeconds: number;
  /** Sum of the waits of abandoned attempts (until they hung up), seconds. */
  waitAbandonedSeconds: number;
  /** Attempts waiting when a platform-down fault started, dropped (see `ScenarioFaults`). */
  droppedByFault: number;
  /** Attempts that arrived while the platform was down (see `ScenarioFaults`). */
  lostToFault: number;
  /**
   * Attempts still waiting when the run ended
   * (offered = answered + abandoned + blocked + droppedByFault + lostToFault + stillWaiting).
   */
  stillWaiting: number;
  /** Measured time in the period, seconds. */
  measuredSeconds: number;
  /** Agents on the phones x time, agent-seconds (measured time only). */
  agentSeconds: number;
  /** Agents in service x time, agent-seconds (measured time only; includes agents finishing after log-off). */
  busyAgentSeconds: number;
  /**
   * Agents finishing a call after their shift ended x time, agent-seconds (measured
   * time only): the time in service beyond the agents on the phones, which counts as
   * available time for occupancy.
   */
  overtimeAgentSeconds: number;
  /** Callers waiting x time, caller-seconds (measured time only). */
  waitingCallerSeconds: number;
  /**
   * Answered attempts exposed to the survey, complaint and QA draws: `answered`
   * when the scenario has a survey, 0 without (so the survey KPIs are `null` then).
   */
  answeredWithSurvey: number;
  /** Answered attempts whose caller answered the survey (counted in the attempt's arrival interval). */
  surveyed: number;
  /** Of `surveyed`, rated satisfied or basically satisfied. */
  surveyPositive: number;
  /** Of `surveyPositive`, rated satisfied. */
  surveySatisfied: number;
  /** Of `surveyed`, rated dissatisfied (= surveyed - surveyPositive): the calls to review. */
  surveyDissatisfied: number;
  /** Complaints drawn on answered attempts. */
  complaints: number;
  /** Answered attempts sampled for the quality check. */
  qaSampled: number;
  /** Of `qaSampled`, those that passed. */
  qaPassed: number;
}

/** One row per interval of the horizon. */
export interface IntervalRow extends PeriodCounts {
  /** 0-based interval number. */
  index: number;
  /** Start of the interval, seconds from the start of the horizon. */
  startSeconds: number;
  /** Start of the interval as local date-time `YYYY-MM-DDTHH:MM`. */
  start: string;
  /**
   * Agents on the phones in the interval: the staffing table's value, thinned
   * by the workforce on that day when the scenario has one (faults within the
   * interval show in `agentSeconds`, not here).
   */
  agents: number;
  /** The staffing table's value for the interval (equal to `agents` without a workforce). */
  agentsPlanned: number;
}

/** A roll-up of interval rows over a day, a month, a quarter or the horizon. */
export interface PeriodRow extends PeriodCounts {
  /** `YYYY-MM-DD` for a day, `YYYY-MM` for a month, `YYYY-Qn` for a quarter, `horizon` for the whole run. */
  period: string;
  /** Start of the period's first interval, seconds from the start of the horizon. */
  startSeconds: number;
  /** End of the period's last interval, seconds from the start of the horizon. */
  endSeconds: number;
}

/**
 * KPIs of a period, computed from its counts. Definitions as in `QueueMetrics`
 * (shares of offered attempts unless said). A ratio whose denominator is 0 is
 * `null` (never NaN).
 */
export interface Kpis {
  /** Answered / offered attempts (the SEED per-attempt answer rate). */
  answerRate: number | null;
  /** Fresh callers answered at some attempt / fresh callers. */
  callerAnswerRate: number | null;
  /** (Answered + self-served) / (offered + self-served): the IVR-inclusive answer rate. */
  answerRateIncludingSelfService: number | null;
  /** Abandoned / offered. */
  abandonRate: number | null;
  /** Blocked / offered (busy tone: the waiting room full, or no agent on duty). */
  blockRate: number | null;
  /**
   * (Lost to faults + dropped by faults) / offered: attempts that arrived while
   * the platform was down, or were waiting when it went down. With answer,
   * abandon and block rates it sums to 1 less the share still waiting when the
   * run ended.
   */
  faultLossRate: number | null;
  /** Waited / offered. */
  probWait: number | null;
  /** Answered within t / offered. */
  serviceLevel: number | null;
  /** Answered within t / answered. */
  serviceLevelOfAnswered: number | null;
  /** Answered within t / (offered - blocked - abandoned within t). */
  serviceLevelExcludingShortAbandons: number | null;
  /** Mean wait of answered attempts, seconds (ASA). */
  asaSeconds: number | null;
  /** Mean wait of answered and abandoned attempts, seconds (blocked and still waiting excluded). */
  meanWaitSeconds: number | null;
  /**
   * Busy agent-seconds / available agent-seconds, where available is the agents on
   * the phones plus the overtime of agents finishing a call past their shift's end
   * (`busyAgentSeconds / (agentSeconds + overtimeAgentSeconds)`), so at most 1.
   */
  occupancy: number | null;
  /** Time-average number of callers waiting. */
  meanQueueLength: number | null;
  /** Survey respondents satisfied or basically satisfied / respondents (综合满意度); `null` without a survey. */
  satisfaction: number | null;
  /** Complaints / answered attempts (公众投诉率); `null` without a survey. */
  complaintRate: number | null;
  /** QA checks passed / sampled (校验合格率); `null` without a survey. */
  qaPassRate: number | null;
}

/**
 * What an attempt became. `waiting`: still waiting when the run ended;
 * `dropped`: waiting when the platform went down; `lost`: arrived while it was down.
 */
export type CallOutcome = 'answered' | 'abandoned' | 'blocked' | 'waiting' | 'dropped' | 'lost';

/** One attempt, kept only when `recordCalls` asks for it. */
export interface CallRecord {
  /** 0-based number of the fresh caller (in order of first attempts). */
  caller: number;
  /** 1 for the first attempt, 2 for the first redial, ... */
  attempt: number;
  /** Arrival instant, seconds from the start of the horizon. */
  arrivalSeconds: number;
  /** Wait until answered, abandoned or the end of the run, seconds (0 when blocked). */
  waitSeconds: number;
  outcome: CallOutcome;
  /** Handle time of an answered attempt, seconds (0 otherwise). */
  handleSeconds: number;
  /** Whether the attempt is counted in the statistics (its caller is measured). */
  measured: boolean;
}

/** The system when the run ended. */
export interface EndState {
  /** Instant the run ended, seconds (the horizon, or earlier when a measured cohort is complete). */
  endSeconds: number;
  /** Attempts waiting (all callers, measured or not). */
  stillWaiting: number;
  /** Agents in service. */
  busyAgents: number;
  /** Redials scheduled after the end (never offered). */
  pendingRedials: number;
}

/** Result of `simulate`. Everything but `timing` is determined by the scenario, the seed and the replication. */
export interface SimulationResult {
  /** Seed and replication of the run. */
  seed: number;
  replication: number;
  /** One row per interval. */
  intervals: IntervalRow[];
  /** Roll-ups; an interval belongs to the day, month and quarter in which it starts. */
  days: PeriodRow[];
  months: PeriodRow[];
  quarters: PeriodRow[];
  horizon: PeriodRow;
  /** KPIs of the whole horizon. */
  kpis: Kpis;
  /** Modelling concerns found in the run (never printed). */
  warnings: string[];
  endState: EndState;
  /** Attempt records, when asked for. */
  records?: CallRecord[];
  /** The workforce of the run, when the scenario has one (weeks give payroll, trainees, learners). */
  workforce?: WorkforceResult;
  /** The faults of the run, when the scenario has fault levels. */
  faults?: FaultsResult;
  /** Review workload of the survey, when the scenario has one. */
  survey?: SurveyResult;
  /**
   * Results per channel, when the scenario has channels: `voice` (the same
   * counts as the top-level rows, which stay voice's), `chat`, `message` and
   * `callback` when the scenario has them.
   */
  channels?: ChannelResults;
  /** Results per agent group (occupancy, concurrency, time by channel), when the scenario has channels. */
  groups?: GroupRun[];
  /** Work done; `runSeconds` is wall-clock and differs between identical runs. */
  timing: { runSeconds: number; events: number; attempts: number };
}

/** Faults of one run (`SimulationResult.faults`). */
export interface FaultsResult {
  /** Every fault that started within the horizon, by start. */
  episodes: FaultEpisode[];
  /** Per level: count, share within the response and repair deadlines, outage minutes. */
  byLevel: FaultLevelSummary[];
  /** The same per calendar quarter of the fault's start (`YYYY-Qn`), every quarter of the horizon. */
  byQuarter: { period: string; byLevel: FaultLevelSummary[] }[];
  /** Calls in service cut off by faults (all callers, measured or not; they stay counted as answered). */
  callsCutOff: number;
}

/** Review workload of the survey (`SimulationResult.survey`). */
export interface SurveyResult {
  /** Minutes of review per dissatisfied rating (the scenario's, or the default 15). */
  reviewMinutesPerDissatisfied: number;
  /** Per calendar month (`YYYY-MM`): dissatisfied ratings and the hours to review them all. */
  reviewByMonth: { period: string; dissatisfied: number; reviewHours: number }[];
}
