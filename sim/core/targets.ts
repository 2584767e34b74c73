/*
 * Target sets (the indicator tables of a budget performance-target form, or a
 * standard) as types, and the rule that checks a measured value against an
 * indicator. Kept in core so that planning (plan/), reports and readers (io/)
 * share them without importing one another; io/targets.ts reads the files.
 */

import { formatPercentShort } from './format.js';

/** How the answer rate of a scenario's targets is defined (FACTS §0.1; SEED definitions). */
export type AnswerRateDefinition = 'perAttempt' | 'perCaller' | 'includingSelfService';

/** How an indicator's measured value is compared with its target value. */
export type TargetComparison = '>' | '>=' | '=' | '<' | '<=';

/**
 * Measures an indicator can be checked against: the simulator's `Kpis` fields,
 * and the measures that later mechanisms (workforce, faults, satisfaction,
 * budget, work orders) will report. `null` in a file: nothing measures it (a
 * qualitative indicator such as "rules established").
 */
export const TARGET_KPIS = [
  'answerRate',
  'callerAnswerRate',
  'answerRateIncludingSelfService',
  'abandonRate',
  'serviceLevel',
  'serviceLevelOfAnswered',
  'asaSeconds',
  'occupancy',
  'assessmentsPerYear',
  'budgetExecutionRate',
  'earmarkedShare',
  'qaPassRate',
  'trainedBeforeCallsShare',
  'dissatisfiedReviewedShare',
  'faultResponseMinutes',
  'faultRepairMinutes',
  'complaintRate',
  'satisfaction',
  'turnoverRate',
  'firstContactRate',
  'onTimeCompletionRate',
  'resolutionRate',
] as const;

/** A measure named by `TARGET_KPIS`. */
export type TargetKpi = (typeof TARGET_KPIS)[number];

/** One indicator of a target set. */
export interface TargetIndicator {
  /** Identifier, unique in the set: `answerRate`, `fault1Repair`. */
  readonly id: string;
  /** 一级目标 (level 1): `产出目标` / `outputs`. */
  readonly level1: { readonly zh: string; readonly en: string };
  /** 二级目标 (level 2): `数量` / `quantity`. */
  readonly level2: { readonly zh: string; readonly en: string };
  /** 三级目标 (level 3), the indicator itself: `综合接通率` / `overall answer rate`. */
  readonly name: { readonly zh: string; readonly en: string };
  /** How the measure compares with `value`; null for a qualitative target (`健全`, established). */
  readonly comparison: TargetComparison | null;
  /** The target value: a fraction, a count, minutes or seconds (per `unit`), or text for a qualitative one. */
  readonly value: number | string;
  /** Unit of `value`. */
  readonly unit: 'fraction' | 'count' | 'minutes' | 'seconds' | 'text';
  /** The measure that checks it, or null when nothing in the planner measures it. */
  readonly kpi: TargetKpi | null;
  /** The service-level threshold, seconds, for `serviceLevel` indicators. */
  readonly answerWithinSeconds?: number;
  /** The fault level (1-3) of a fault indicator. */
  readonly faultLevel?: number;
  /**
   * The channel whose KPI judges the indicator, for an all-media scenario:
   * `chat` (an online response time: `serviceLevel` at the chat's threshold),
   * `message` (`answerRate`: answered within the deadline / offered),
   * `callback` (`answerRate`: callbacks kept / requested). A queue KPI without a
   * channel, or with `voice`, is voice's (综合接通率).
   *
   * __Default value:__ `voice`
   */
  readonly channel?: TargetChannel;
  /** How the planner models it, in words. */
  readonly modelledBy: string;
  /** Where the target comes from. */
  readonly source: string;
  /**
   * The target as the source document prints it (`>80%`, `≤10分钟`, `=4`);
   * when absent, `formatTarget` builds it from the comparison and value.
   */
  readonly targetText?: string;
}

/** The channels a target can name (see `TargetIndicator.channel`). */
export const TARGET_CHANNELS = ['voice', 'chat', 'message', 'callback'] as const;

/** A channel a target can name. */
export type TargetChannel = (typeof TARGET_CHANNELS)[number];

/** A channel other than voice, whose KPIs are measured under `channel:kpi` keys. */
export type OtherChannel = Exclude<TargetChannel, 'voice'>;

/** A set of targets a scenario can be judged against. */
export interface TargetSet {
  readonly formatVersion: 1;
  /** Identifier: `shanghai-12333-2020`, `gbt-33358-2016`. */
  readonly id: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** The document the set comes from. */
  readonly source: string;
  readonly indicators: readonly TargetIndicator[];
}

/**
 * Whether a measured value meets an indicator (false for a qualitative
 * indicator, whose `comparison` is null: it cannot be measured).
 *
 * @param indicator the indicator
 * @param measured the measured value, in the indicator's unit
 * @returns true when `measured comparison value` holds
 * @example
 * meetsIndicator({ comparison: '>', value: 0.8 } as TargetIndicator, 0.81); // => true
 */
export function meetsIndicator(
  indicator: Pick<TargetIndicator, 'comparison' | 'value'>,
  measured: number,
): boolean {
  const v = indicator.value;
  if (typeof v !== 'number' || indicator.comparison === null) return false;
  switch (indicator.comparison) {
    case '>':
      return measured > v;
    case '>=':
      return measured >= v;
    case '=':
      return measured === v;
    case '<':
      return measured < v;
    case '<=':
      return measured <= v;
  }
}

/**
 * The target measures the simulator reports (a subset of `TARGET_KPIS`, each a
 * field of the simulator's `Kpis`).
 */
export const SIMULATED_KPIS = [
  'answerRate',
  'callerAnswerRate',
  'answerRateIncludingSelfService',
  'abandonRate',
  'serviceLevel',
  'serviceLevelOfAnswered',
  'asaSeconds',
  'occupancy',
] as const;

/** A measure named by `SIMULATED_KPIS`. */
export type SimulatedKpi = (typeof SIMULATED_KPIS)[number];

/** The simulated KPI that measures each answer-rate definition. */
export const ANSWER_RATE_KPI: Readonly<Record<AnswerRateDefinition, SimulatedKpi>> = {
  perAttempt: 'answerRate',
  perCaller: 'callerAnswerRate',
  includingSelfService: 'answerRateIncludingSelfService',
};

/** How a simulation measures an indicator, or why it cannot. */
export type IndicatorMeasure =
  | {
      /** The simulated KPI to compare (an `answerRate` indicator follows the definition). */
      readonly kpi: SimulatedKpi;
      /** Multiply the KPI by this to get the indicator's unit (1/60 for an ASA target in minutes). */
      readonly scale: number;
    }
  | { readonly kpi: null; readonly reason: string };

/**
 * Which simulated KPI measures an indicator: none when the indicator is
 * qualitative or measured by another mechanism, or when it is a service level
 * at another threshold than the scenario's. The one rule that plans, the CLI
 * and reports share.
 *
 * @param indicator the indicator
 * @param definition which answer rate judges an `answerRate` indicator
 * @param answerWithinSeconds the scenario's service-level threshold, seconds
 * @returns the KPI and the scale to the indicator's unit, or `kpi: null` with the reason
 * @example
 * indicatorMeasure({ kpi: 'answerRate', comparison: '>', value: 0.8, unit: 'fraction', modelledBy: '' }, 'perCaller', 15);
 * // => { kpi: 'callerAnswerRate', scale: 1 }
 */
export function indicatorMeasure(
  indicator: Pick<
    TargetIndicator,
    'kpi' | 'comparison' | 'value' | 'unit' | 'modelledBy' | 'answerWithinSeconds' | 'channel'
  >,
  definition: AnswerRateDefinition,
  answerWithinSeconds: number,
): IndicatorMeasure {
  const kpi = indicator.kpi;
  if (kpi === null || !(SIMULATED_KPIS as readonly string[]).includes(kpi)) {
    return { kpi: null, reason: `not simulated (${indicator.modelledBy})` };
  }
  if (indicator.channel !== undefined && indicator.channel !== 'voice') {
    return {
      kpi: null,
      reason: `measured on ${indicator.channel} (the target table judges it, not voice's KPIs)`,
    };
  }
  // The general rule, restricted to the queue KPIs the simulator's `Kpis` carry.
  const resolved = resolveMeasure(indicator, { answerRateDefinition: definition, answerWithinSeconds });
  return resolved.key === null
    ? { kpi: null, reason: resolved.reason }
    : { kpi: resolved.key as SimulatedKpi, scale: resolved.scale };
}

/** The target measures that are read per fault level (`faultLevel` of the indicator). */
export type FaultKpi = 'faultResponseMinutes' | 'faultRepairMinutes';

/**
 * The key of a measured value in a `MeasuredRun`: a target KPI, or for a
 * fault KPI the KPI and the fault level, `faultRepairMinutes:1`. A fault
 * key's value is the LONGEST time, minutes, among the faults of that level
 * that started in the period (so `<= 90` holds when every fault met the
 * deadline), `null` when there was none.
 */
export type MeasureKey =
  Exclude<TargetKpi, FaultKpi> | `${FaultKpi}:${number}` | `${OtherChannel}:${SimulatedKpi}`;

/**
 * The measure key of a KPI, with the fault level for a fault KPI.
 *
 * @param kpi the target KPI
 * @param faultLevel the fault level (1 to 3), required for `faultResponseMinutes` and `faultRepairMinutes`
 * @returns the key: the KPI itself, or `kpi:level`
 * @throws {RangeError} when a fault KPI has no positive integer level
 * @example
 * measureKey('faultRepairMinutes', 1); // => 'faultRepairMinutes:1'
 * measureKey('satisfaction'); // => 'satisfaction'
 */
export function measureKey(kpi: TargetKpi, faultLevel?: number): MeasureKey {
  if (kpi === 'faultResponseMinutes' || kpi === 'faultRepairMinutes') {
    if (faultLevel === undefined || !Number.isInteger(faultLevel) || faultLevel < 1) {
      throw new RangeError(
        `measureKey: faultLevel must be a positive integer for ${kpi} (got ${String(faultLevel)})`,
      );
    }
    return `${kpi}:${faultLevel}`;
  }
  return kpi;
}

/** Which measured value judges an indicator, or why none does. */
export type MeasureResolution =
  | {
      /** The key of the value in a `MeasuredRun`. */
      readonly key: MeasureKey;
      /** Multiply the value by this to get the indicator's unit (1/60 for an ASA target in minutes). */
      readonly scale: number;
    }
  | { readonly key: null; readonly reason: string };

/**
 * Which measured value judges an indicator (any measure, not only the
 * simulator's queue KPIs: `indicatorMeasure` is the rule for those). An
 * `answerRate` indicator is judged by the answer rate of the given
 * definition; a `serviceLevel` indicator only at the threshold the runs
 * measured; a fault indicator by its level's key.
 *
 * @param indicator the indicator
 * @param options `answerRateDefinition` (default `'perAttempt'`) and the runs'
 *   service-level threshold `answerWithinSeconds`, seconds (no service-level
 *   indicator is judged without it)
 * @returns the key and the scale to the indicator's unit, or `key: null` with the reason
 * @example
 * resolveMeasure({ kpi: 'faultRepairMinutes', faultLevel: 1, comparison: '<=', value: 90, unit: 'minutes', modelledBy: '' });
 * // => { key: 'faultRepairMinutes:1', scale: 1 }
 */
export function resolveMeasure(
  indicator: Pick<
    TargetIndicator,
    'kpi' | 'comparison' | 'value' | 'unit' | 'modelledBy' | 'answerWithinSeconds' | 'faultLevel' | 'channel'
  >,
  options: {
    answerRateDefinition?: AnswerRateDefinition;
    answerWithinSeconds?: number;
    channelAnswerWithinSeconds?: Readonly<Partial<Record<OtherChannel, number>>>;
  } = {},
): MeasureResolution {
  const kpi = indicator.kpi;
  if (kpi === null || indicator.comparison === null || typeof indicator.value !== 'number') {
    return { key: null, reason: `not simulated (${indicator.modelledBy})` };
  }
  const channel = indicator.channel;
  if (channel !== undefined && channel !== 'voice') {
    // Another channel's queue KPI, at that channel's threshold.
    if (!(SIMULATED_KPIS as readonly string[]).includes(kpi)) {
      return { key: null, reason: `not simulated (${kpi} is not measured per channel)` };
    }
    const threshold = options.channelAnswerWithinSeconds?.[channel];
    if (threshold === undefined) {
      return { key: null, reason: `not simulated (the scenario has no ${channel} channel)` };
    }
    if (
      kpi === 'serviceLevel' &&
      indicator.answerWithinSeconds !== undefined &&
      indicator.answerWithinSeconds !== threshold
    ) {
      return {
        key: null,
        reason: `not simulated (threshold ${indicator.answerWithinSeconds} s; the scenario's ${channel} measures ${threshold} s)`,
      };
    }
    return {
      key: `${channel}:${kpi as SimulatedKpi}`,
      scale: kpi === 'asaSeconds' && indicator.unit === 'minutes' ? 1 / 60 : 1,
    };
  }
  if (kpi === 'serviceLevel') {
    if (options.answerWithinSeconds === undefined) {
      return {
        key: null,
        reason: 'not simulated (the threshold of the measured service level is not known)',
      };
    }
    if (
      indicator.answerWithinSeconds !== undefined &&
      indicator.answerWithinSeconds !== options.answerWithinSeconds
    ) {
      return {
        key: null,
        reason: `not simulated (threshold ${indicator.answerWithinSeconds} s; the scenario measures ${options.answerWithinSeconds} s)`,
      };
    }
  }
  if (
    (kpi === 'faultResponseMinutes' || kpi === 'faultRepairMinutes') &&
    indicator.faultLevel === undefined
  ) {
    return { key: null, reason: `not simulated (a ${kpi} indicator needs its faultLevel)` };
  }
  const key =
    kpi === 'answerRate'
      ? ANSWER_RATE_KPI[options.answerRateDefinition ?? 'perAttempt']
      : measureKey(kpi, indicator.faultLevel);
  return { key, scale: kpi === 'asaSeconds' && indicator.unit === 'minutes' ? 1 / 60 : 1 };
}

const COMPARISON_SYMBOL: Readonly<Record<TargetComparison, string>> = {
  '>': '>',
  '>=': '≥',
  '=': '=',
  '<': '<',
  '<=': '≤',
};

/**
 * The target as the source document writes it: the indicator's `targetText`
 * when the file gives one (`>80%`, `≤10分钟`, `健全`), else built from the
 * comparison, value and unit (a fraction as a percentage, minutes in 分钟,
 * seconds in 秒).
 *
 * @param indicator the indicator
 * @returns the target's text
 * @example
 * formatTarget({ comparison: '<', value: 0.0001, unit: 'fraction' }); // => '<0.01%'
 * formatTarget({ comparison: '<=', value: 90, unit: 'minutes' }); // => '≤90分钟'
 */
export function formatTarget(
  indicator: Pick<TargetIndicator, 'comparison' | 'value' | 'unit' | 'targetText'>,
): string {
  if (indicator.targetText !== undefined) return indicator.targetText;
  const v = indicator.value;
  if (typeof v === 'string') return v;
  const symbol = indicator.comparison === null ? '' : COMPARISON_SYMBOL[indicator.comparison];
  switch (indicator.unit) {
    case 'fraction':
      return `${symbol}${formatPercentShort(v)}`;
    case 'minutes':
      return `${symbol}${v}分钟`;
    case 'seconds':
      return `${symbol}${v}秒`;
    default:
      return `${symbol}${v}`;
  }
}

const CHANNEL_WORDS: Readonly<Record<OtherChannel, { zh: string; en: string }>> = {
  chat: { zh: '在线客服', en: 'online chat' },
  message: { zh: '留言', en: 'messages' },
  callback: { zh: '回呼', en: 'callbacks' },
};

const MEASURE_WORDS: Readonly<Record<Exclude<TargetKpi, FaultKpi>, { zh: string; en: string }>> = {
  answerRate: { zh: '人工接听 / 进入人工队列的呼叫', en: 'answered / offered attempts' },
  callerAnswerRate: { zh: '接通的来电人 / 来电人', en: 'callers answered / callers' },
  answerRateIncludingSelfService: {
    zh: '(人工接听 + 自助完成) / 进线呼叫',
    en: '(answered + self-served) / calls entering',
  },
  abandonRate: { zh: '放弃 / 进入人工队列的呼叫', en: 'abandoned / offered attempts' },
  serviceLevel: { zh: '限时内接听 / 进入人工队列的呼叫', en: 'answered within the threshold / offered' },
  serviceLevelOfAnswered: { zh: '限时内接听 / 接听', en: 'answered within the threshold / answered' },
  asaSeconds: { zh: '平均应答等待（秒）', en: 'mean wait of answered calls, seconds' },
  occupancy: { zh: '坐席占用率', en: 'busy agent time / agent time' },
  assessmentsPerYear: { zh: '考核的季度数', en: 'quarters assessed' },
  budgetExecutionRate: { zh: '支出（扣减后） / 预算', en: 'spend (after deductions) / budget' },
  earmarkedShare: { zh: '计入有预算科目的支出占比', en: 'share of spend charged to a funded budget line' },
  qaPassRate: { zh: '质检合格 / 抽检', en: 'QA checks passed / sampled' },
  trainedBeforeCallsShare: { zh: '上岗前完成培训的新人占比', en: 'new hires trained before taking calls' },
  dissatisfiedReviewedShare: {
    zh: '当月复核的不满意电话占比',
    en: 'dissatisfied calls reviewed in the month',
  },
  complaintRate: { zh: '投诉 / 接听', en: 'complaints / answered calls' },
  satisfaction: { zh: '(满意 + 基本满意) / 参评', en: '(satisfied + basically satisfied) / respondents' },
  turnoverRate: { zh: '离职人数 / 平均在册人数（年）', en: 'leavers / average headcount, a year' },
  firstContactRate: { zh: '时限内先行联系的工单占比', en: 'work orders contacted within the deadline' },
  onTimeCompletionRate: { zh: '时限内办结的工单占比', en: 'work orders closed within the deadline' },
  resolutionRate: { zh: '解决 / 办结的工单', en: 'resolved / closed work orders' },
};

/**
 * What a measured value is, in words (Chinese and English), for the reports:
 * a fault key says that its value is the longest time of the level.
 *
 * @param key a measure key
 * @returns the words
 * @example
 * describeMeasure('faultRepairMinutes:1').en; // => 'longest level-1 repair time, minutes'
 */
export function describeMeasure(key: MeasureKey): { zh: string; en: string } {
  const channel = /^(chat|message|callback):(.+)$/.exec(key);
  if (channel !== null) {
    const words = MEASURE_WORDS[channel[2] as SimulatedKpi];
    const name = CHANNEL_WORDS[channel[1] as OtherChannel];
    return { zh: `${name.zh}：${words.zh}`, en: `${name.en}: ${words.en}` };
  }
  const fault = /^(faultResponseMinutes|faultRepairMinutes):(\d+)$/.exec(key);
  if (fault !== null) {
    const response = fault[1] === 'faultResponseMinutes';
    return {
      zh: `${fault[2]}级故障最长${response ? '响应' : '处理'}时间（分钟）`,
      en: `longest level-${fault[2]} ${response ? 'response' : 'repair'} time, minutes`,
    };
  }
  const words = MEASURE_WORDS[key as Exclude<TargetKpi, FaultKpi>];
  return { zh: words.zh, en: words.en };
}
