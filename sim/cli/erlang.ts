import {
  meetsTarget,
  queueMetrics,
  requiredAgentsWithRedials,
  retrialEquilibrium,
  writeFileSet,
  type QueueMetrics,
  type StaffingTarget,
} from '../index.js';
import { OptionReader, UsageError } from './args.js';
import type { CommandSpec, OptionValues } from './command.js';
import { formatNumber, formatPercent, formatTable, NO_CALLS, type TextColumn } from './format.js';
import { checkOutputPath, workbookBytes, type SheetColumn } from './output.js';

/** The load and queue of `hotline erlang`, in the analytic layer's units. */
export interface ErlangInputs {
  /** Fresh calls per hour (first attempts). */
  arrivalsPerHour: number;
  meanHandleSeconds: number;
  /** Absent: nobody abandons. */
  meanPatienceSeconds?: number;
  /** Absent: unlimited. */
  waitingRoom?: number;
  answerWithinSeconds: number;
  /** Redials of failed attempts (then the retrial equilibrium is solved). */
  redial?: { redialProbability: number; maxAttempts: number };
}

/** The metrics of a row that are shares or means over the calls offered: none without calls. */
export const PER_CALL_METRICS = [
  'answerRate',
  'abandonRate',
  'blockRate',
  'probWait',
  'serviceLevel',
  'serviceLevelOfAnswered',
  'serviceLevelExcludingShortAbandons',
  'asaSeconds',
  'meanWaitSeconds',
] as const satisfies readonly (keyof QueueMetrics)[];

/** One of `PER_CALL_METRICS`. */
export type PerCallMetric = (typeof PER_CALL_METRICS)[number];

/**
 * One agent count of the `erlang` table: the `QueueMetrics` at that count (with
 * redials, at the retrial equilibrium, where `offeredErlangs` and `answerRate`
 * count attempts, redials included). Fractions in [0, 1], times in seconds.
 * With no call offered (an empty load) the rates and waits are null ("no
 * calls"), not the 100% answer rate that the formulas give in the limit.
 */
export interface ErlangRow extends Omit<QueueMetrics, PerCallMetric>, Record<PerCallMetric, number | null> {
  agents: number;
  /** Attempts offered per hour, redials included. */
  offeredAttemptsPerHour: number;
  /** Callers answered at some attempt / fresh callers (= `answerRate` without redials); null without calls. */
  callerAnswerRate: number | null;
  /** Whether the row meets every target given; null without a target. */
  meetsTarget: boolean | null;
}

function hasTarget(target: StaffingTarget): boolean {
  return Object.values(target).some((value) => value !== undefined);
}

function queueOf(inputs: ErlangInputs, agents: number) {
  return {
    agents,
    meanHandleSeconds: inputs.meanHandleSeconds,
    meanPatienceSeconds: inputs.meanPatienceSeconds,
    waitingRoom: inputs.waitingRoom,
    answerWithinSeconds: inputs.answerWithinSeconds,
  };
}

/**
 * The metrics at one agent count: `queueMetrics` of the load, or with redials
 * the metrics at the `retrialEquilibrium` load.
 *
 * @param inputs the load and queue
 * @param agents agents on the phones
 * @param target targets to mark the row against (may be empty)
 * @returns the row
 * @throws {RangeError} from the analytic layer on a bad value
 * @example
 * erlangRow({ arrivalsPerHour: 200, meanHandleSeconds: 180, answerWithinSeconds: 20 }, 14, {}).serviceLevel; // => 0.88835
 */
export function erlangRow(inputs: ErlangInputs, agents: number, target: StaffingTarget): ErlangRow {
  let metrics: QueueMetrics;
  let offeredAttemptsPerHour = inputs.arrivalsPerHour;
  let callerAnswerRate: number;
  if (inputs.redial) {
    const eq = retrialEquilibrium({
      ...queueOf(inputs, agents),
      freshCallsPerHour: inputs.arrivalsPerHour,
      redialProbability: inputs.redial.redialProbability,
      maxAttempts: inputs.redial.maxAttempts,
    });
    metrics = eq.metrics;
    offeredAttemptsPerHour = eq.offeredAttemptsPerHour;
    callerAnswerRate = eq.answerRatePerCaller;
  } else {
    metrics = queueMetrics({ ...queueOf(inputs, agents), arrivalsPerHour: inputs.arrivalsPerHour });
    callerAnswerRate = metrics.answerRate;
  }
  const calls = inputs.arrivalsPerHour > 0;
  const perCall = {} as Record<PerCallMetric, number | null>;
  for (const metric of PER_CALL_METRICS) perCall[metric] = calls ? metrics[metric] : null;
  return {
    agents,
    offeredAttemptsPerHour,
    offeredErlangs: metrics.offeredErlangs,
    answerRate: perCall.answerRate,
    callerAnswerRate: calls ? callerAnswerRate : null,
    abandonRate: perCall.abandonRate,
    blockRate: perCall.blockRate,
    probWait: perCall.probWait,
    serviceLevel: perCall.serviceLevel,
    serviceLevelOfAnswered: perCall.serviceLevelOfAnswered,
    serviceLevelExcludingShortAbandons: perCall.serviceLevelExcludingShortAbandons,
    asaSeconds: perCall.asaSeconds,
    meanWaitSeconds: perCall.meanWaitSeconds,
    occupancy: metrics.occupancy,
    meanQueueLength: metrics.meanQueueLength,
    stable: metrics.stable,
    meetsTarget: hasTarget(target) ? meetsTarget(metrics, target) : null,
  };
}

function modelName(inputs: ErlangInputs): string {
  const patience = inputs.meanPatienceSeconds !== undefined && inputs.meanPatienceSeconds !== Infinity;
  let name: string;
  if (inputs.waitingRoom === 0) name = 'Erlang B (no waiting room)';
  else if (inputs.waitingRoom !== undefined)
    name = patience ? 'M/M/c/K+M (finite waiting room, abandonment)' : 'M/M/c/K (finite waiting room)';
  else name = patience ? 'Erlang A (M/M/c+M)' : 'Erlang C (M/M/c)';
  return inputs.redial ? `${name} with redials (retrial equilibrium)` : name;
}

const TARGET_OPTIONS: readonly [keyof StaffingTarget, string, 'fraction' | 'seconds'][] = [
  ['answerRate', 'targetAnswerRate', 'fraction'],
  ['serviceLevel', 'targetServiceLevel', 'fraction'],
  ['serviceLevelOfAnswered', 'targetServiceLevelOfAnswered', 'fraction'],
  ['asaSeconds', 'targetAsa', 'seconds'],
  ['abandonRate', 'targetAbandonRate', 'fraction'],
  ['blockRate', 'targetBlockRate', 'fraction'],
  ['maxOccupancy', 'maxOccupancy', 'fraction'],
];

const FLAG_OF: Record<string, string> = {
  targetAnswerRate: '--target-answer-rate',
  targetServiceLevel: '--target-service-level',
  targetServiceLevelOfAnswered: '--target-service-level-of-answered',
  targetAsa: '--target-asa',
  targetAbandonRate: '--target-abandon-rate',
  targetBlockRate: '--target-block-rate',
  maxOccupancy: '--max-occupancy',
};

/** Read and check every option of `erlang`; throws one `UsageError` listing every problem. */
function readInputs(options: OptionValues, scanProblems: readonly string[]) {
  const reader = new OptionReader();
  for (const problem of scanProblems) reader.problem(problem);
  const str = (key: string): string | undefined => {
    const value = options[key];
    return typeof value === 'string' ? value : undefined;
  };
  const perHour = reader.number('--arrivals-per-hour', str('arrivalsPerHour'), { min: 0 }, 'calls per hour');
  const calls = reader.number('--calls', str('calls'), { min: 0 }, 'calls per interval');
  const intervalMinutes = reader.number(
    '--interval-minutes',
    str('intervalMinutes'),
    { min: 0, exclusiveMin: true, max: 1440 },
    'minutes',
  );
  const handle = reader.number('--handle', str('handle'), { min: 0, exclusiveMin: true }, 'seconds');
  const patience = reader.number(
    '--patience',
    str('patience'),
    { min: 0, exclusiveMin: true, infinity: true },
    'seconds',
  );
  const room = reader.number('--waiting-room', str('waitingRoom'), { min: 0, integer: true }, 'positions');
  const threshold = reader.number('--threshold', str('threshold') ?? '20', { min: 0 }, 'seconds');
  const redial = reader.fraction('--redial', str('redial'));
  const maxAttempts = reader.number(
    '--max-attempts',
    str('maxAttempts'),
    { min: 1, integer: true, infinity: true },
    'attempts, the first included',
  );
  const agents = reader.agents('--agents', str('agents'));
  const target: StaffingTarget = {};
  for (const [field, key, kind] of TARGET_OPTIONS) {
    const flag = FLAG_OF[key] as string;
    const value =
      kind === 'fraction'
        ? reader.fraction(flag, str(key))
        : reader.number(flag, str(key), { min: 0 }, 'seconds');
    if (value !== undefined) target[field] = value;
  }

  if (str('arrivalsPerHour') === undefined && str('calls') === undefined) {
    reader.problem(
      'give the load: --arrivals-per-hour <calls> or --calls <n> (per --interval-minutes, 30 by default)',
    );
  }
  if (str('arrivalsPerHour') !== undefined && str('calls') !== undefined) {
    reader.problem('give the load once: --arrivals-per-hour or --calls, not both');
  }
  if (str('intervalMinutes') !== undefined && str('calls') === undefined) {
    reader.problem('--interval-minutes: only used with --calls (calls per interval)');
  }
  if (str('handle') === undefined)
    reader.problem('--handle <seconds> is required (mean talk + wrap-up time)');
  if (str('agents') === undefined && !TARGET_OPTIONS.some(([, key]) => str(key) !== undefined)) {
    reader.problem('give --agents <n or from..to>, or a target such as --target-service-level 0.8, or both');
  }
  if (str('maxAttempts') !== undefined && str('redial') === undefined) {
    reader.problem('--max-attempts: only used with --redial <probability>');
  }
  const load = perHour ?? (calls !== undefined ? (calls * 60) / (intervalMinutes ?? 30) : undefined);
  if (agents?.[0] === 0 && load !== undefined && load > 0) {
    reader.problem(
      `--agents: 0 agents answer none of the ${formatNumber(load, 2)} calls an hour offered ` +
        '(every call would wait for ever or be lost): give at least 1 agent' +
        (agents.length > 1 ? `, a range such as 1..${agents[agents.length - 1]}` : ''),
    );
  }
  const xlsx = str('xlsx');
  checkOutputPath(reader, '--xlsx', xlsx);
  if (reader.problems.length > 0) throw new UsageError(reader.problems);

  const inputs: ErlangInputs = {
    arrivalsPerHour: perHour ?? ((calls as number) * 60) / (intervalMinutes ?? 30),
    meanHandleSeconds: handle as number,
    answerWithinSeconds: threshold as number,
  };
  if (patience !== undefined) inputs.meanPatienceSeconds = patience;
  if (room !== undefined) inputs.waitingRoom = room;
  if (redial !== undefined)
    inputs.redial = { redialProbability: redial, maxAttempts: maxAttempts ?? Infinity };
  return { inputs, agents, target, json: options.json === true, xlsx };
}

/** The result of `hotline erlang`, as printed by `--json` (keys in this order). */
export interface ErlangResult {
  command: 'erlang';
  model: string;
  inputs: {
    arrivalsPerHour: number;
    meanHandleSeconds: number;
    /** null: nobody abandons. */
    meanPatienceSeconds: number | null;
    /** null: unlimited. */
    waitingRoom: number | null;
    answerWithinSeconds: number;
    /** null: no redials. */
    redialProbability: number | null;
    /** null: no redials, or no limit. */
    maxAttempts: number | null;
  };
  /** The targets given (fractions, seconds), or null. */
  target: StaffingTarget | null;
  /** The least agents meeting the target, or null without one. */
  requiredAgents: number | null;
  rows: ErlangRow[];
}

/**
 * Compute the `erlang` result: the rows for the agent counts asked for, or,
 * for a target alone, the required count with two counts either side.
 *
 * @param inputs the load and queue
 * @param agents agent counts, or undefined
 * @param target the targets (may be empty)
 * @returns the result in the order `--json` prints it
 * @throws {RangeError} from the analytic layer
 * @example
 * erlangResult({ arrivalsPerHour: 200, meanHandleSeconds: 180, answerWithinSeconds: 20 }, [14], {}).rows[0]?.probWait; // => 0.17413
 */
export function erlangResult(
  inputs: ErlangInputs,
  agents: readonly number[] | undefined,
  target: StaffingTarget,
): ErlangResult {
  const { redial, ...queue } = inputs;
  const required = hasTarget(target) ? requiredAgentsWithRedials(queue, target, redial) : null;
  // with calls offered, 0 agents is no queue at all (calls wait for ever): the neighbours start at 1
  const least = inputs.arrivalsPerHour > 0 ? 1 : 0;
  const counts =
    agents ??
    Array.from({ length: 5 }, (_, i) => (required as number) - 2 + i).filter((count) => count >= least);
  const patience = inputs.meanPatienceSeconds;
  return {
    command: 'erlang',
    model: modelName(inputs),
    inputs: {
      arrivalsPerHour: inputs.arrivalsPerHour,
      meanHandleSeconds: inputs.meanHandleSeconds,
      meanPatienceSeconds: patience === undefined || patience === Infinity ? null : patience,
      waitingRoom: inputs.waitingRoom ?? null,
      answerWithinSeconds: inputs.answerWithinSeconds,
      redialProbability: inputs.redial?.redialProbability ?? null,
      maxAttempts: inputs.redial && inputs.redial.maxAttempts !== Infinity ? inputs.redial.maxAttempts : null,
    },
    target: hasTarget(target) ? { ...target } : null,
    requiredAgents: required,
    rows: counts.map((count) => erlangRow(inputs, count, target)),
  };
}

function describeTarget(target: StaffingTarget, threshold: number): string {
  const parts: string[] = [];
  if (target.answerRate !== undefined) parts.push(`answer rate >= ${formatPercent(target.answerRate)}`);
  if (target.serviceLevel !== undefined)
    parts.push(`service level (${threshold} s) >= ${formatPercent(target.serviceLevel)}`);
  if (target.serviceLevelOfAnswered !== undefined)
    parts.push(
      `service level of answered (${threshold} s) >= ${formatPercent(target.serviceLevelOfAnswered)}`,
    );
  if (target.asaSeconds !== undefined) parts.push(`ASA <= ${target.asaSeconds} s`);
  if (target.abandonRate !== undefined) parts.push(`abandon rate <= ${formatPercent(target.abandonRate)}`);
  if (target.blockRate !== undefined) parts.push(`block rate <= ${formatPercent(target.blockRate)}`);
  if (target.maxOccupancy !== undefined) parts.push(`occupancy <= ${formatPercent(target.maxOccupancy)}`);
  return parts.join(', ');
}

/**
 * The human text of an `erlang` result: the model, the load, the target and
 * the agents it needs, then one aligned row per agent count (fractions as
 * percentages, units in the headers).
 *
 * @param result what `erlangResult` returned
 * @returns the text, ending with a newline
 * @example
 * const text = formatErlang(
 *   erlangResult({ arrivalsPerHour: 200, meanHandleSeconds: 180, answerWithinSeconds: 20 }, undefined, { serviceLevel: 0.8 }),
 * );
 * text.split('\n').slice(0, 3);
 * // => [
 * //   'Erlang C (M/M/c)',
 * //   'load: 200.00 calls/h, handle 180.0 s, no abandonment; service level within 20 s',
 * //   'target: service level (20 s) >= 80.00%: 14 agents needed',
 * // ]
 */
export function formatErlang(result: ErlangResult): string {
  const i = result.inputs;
  const t = i.answerWithinSeconds;
  const redials = i.redialProbability !== null;
  const lines = [
    result.model,
    `load: ${formatNumber(i.arrivalsPerHour, 2)} calls/h, handle ${formatNumber(i.meanHandleSeconds, 1)} s` +
      (i.meanPatienceSeconds !== null
        ? `, patience ${formatNumber(i.meanPatienceSeconds, 1)} s`
        : ', no abandonment') +
      (i.waitingRoom !== null ? `, waiting room ${i.waitingRoom}` : '') +
      (redials
        ? `, redial ${formatPercent(i.redialProbability)} of failed attempts, ${i.maxAttempts ?? 'unlimited'} attempts at most`
        : '') +
      `; service level within ${t} s`,
  ];
  if (i.arrivalsPerHour === 0) {
    lines.push(`${NO_CALLS}: the load is empty, so no rate or wait is defined (shown as "${NO_CALLS}")`);
  }
  if (result.target) {
    lines.push(`target: ${describeTarget(result.target, t)}: ${result.requiredAgents} agents needed`);
  }
  lines.push('');
  const columns: TextColumn[] = [
    { header: 'agents' },
    ...(redials ? [{ header: 'attempts/h' }] : []),
    { header: 'load (erl)' },
    { header: 'answer rate' },
    ...(redials ? [{ header: 'caller answer rate' }] : []),
    { header: `service level (${t} s)` },
    { header: 'P(wait)' },
    { header: 'ASA (s)' },
    { header: 'abandon rate' },
    ...(i.waitingRoom !== null ? [{ header: 'block rate' }] : []),
    { header: 'occupancy' },
    ...(result.target ? [{ header: 'meets target', align: 'left' as const }] : []),
  ];
  const rate = (value: number | null): string => (value === null ? NO_CALLS : formatPercent(value));
  const rows = result.rows.map((row) => [
    String(row.agents),
    ...(redials ? [formatNumber(row.offeredAttemptsPerHour, 1)] : []),
    formatNumber(row.offeredErlangs, 2),
    rate(row.answerRate),
    ...(redials ? [rate(row.callerAnswerRate)] : []),
    rate(row.serviceLevel),
    rate(row.probWait),
    row.asaSeconds === null ? NO_CALLS : row.stable ? formatNumber(row.asaSeconds, 1) : 'unstable',
    rate(row.abandonRate),
    ...(i.waitingRoom !== null ? [rate(row.blockRate)] : []),
    formatPercent(row.occupancy),
    ...(result.target
      ? [(row.meetsTarget ? 'yes' : 'no') + (row.agents === result.requiredAgents ? ' (required)' : '')]
      : []),
  ]);
  lines.push(formatTable(columns, rows));
  return lines.join('\n') + '\n';
}

const ERLANG_SHEET_COLUMNS: readonly SheetColumn[] = [
  { key: 'agents', header: 'agents', format: 'integer' },
  { key: 'offeredAttemptsPerHour', header: 'attempts offered per hour' },
  { key: 'offeredErlangs', header: 'offered load (erlangs)' },
  { key: 'answerRate', header: 'answer rate', format: 'percent' },
  { key: 'callerAnswerRate', header: 'caller answer rate', format: 'percent' },
  { key: 'serviceLevel', header: 'service level', format: 'percent' },
  { key: 'serviceLevelOfAnswered', header: 'service level of answered', format: 'percent' },
  { key: 'probWait', header: 'P(wait)', format: 'percent' },
  { key: 'asaSeconds', header: 'ASA (s)' },
  { key: 'meanWaitSeconds', header: 'mean wait (s)' },
  { key: 'abandonRate', header: 'abandon rate', format: 'percent' },
  { key: 'blockRate', header: 'block rate', format: 'percent' },
  { key: 'occupancy', header: 'occupancy', format: 'percent' },
  { key: 'meanQueueLength', header: 'mean queue length (calls)' },
  { key: 'stable', header: 'stable', format: 'text' },
  { key: 'meetsTarget', header: 'meets target', format: 'text' },
];

/** `hotline erlang`: the analytic layer for one load. */
export const erlangCommand: CommandSpec = {
  name: 'erlang',
  summary: 'exact queue metrics for one load: agents or a target to answer rate, service level, ASA',
  description:
    'Exact metrics of one stationary queue (Erlang C, Erlang A with --patience, a finite room with ' +
    '--waiting-room, Erlang B with --waiting-room 0), for a number of agents, a range of them, or the ' +
    'least agents meeting a target. With --redial, failed callers try again and the metrics are those of ' +
    'the retrial equilibrium (targets then apply per attempt). Rates and levels are fractions of ' +
    'offered calls: 0.8 or 80%.',
  operands: [],
  options: [
    ['--agents <n|from..to>', 'agents on the phones: one count (14) or a range (30..60)'],
    ['--arrivals-per-hour <calls>', 'fresh calls per hour'],
    ['--calls <n>', 'fresh calls per interval (see --interval-minutes)'],
    ['--interval-minutes <minutes>', 'length of the interval of --calls (default: 30)'],
    ['--handle <seconds>', 'mean handle time, talk + wrap-up, seconds (required)'],
    ['--patience <seconds>', 'mean patience of a waiting caller, exponential (default: nobody abandons)'],
    ['--waiting-room <positions>', 'most callers waiting at once; 0 is Erlang B (default: unlimited)'],
    ['--threshold <seconds>', 'service-level threshold: answered within this many seconds (default: 20)'],
    ['--redial <probability>', 'chance a caller whose attempt failed tries again (retrial equilibrium)'],
    ['--max-attempts <n|inf>', 'most attempts per caller, the first included (default: inf)'],
    ['--target-answer-rate <fraction>', 'least answered / offered'],
    ['--target-service-level <fraction>', 'least answered within the threshold / offered'],
    ['--target-service-level-of-answered <fraction>', 'least answered within the threshold / answered'],
    ['--target-asa <seconds>', 'greatest mean wait of answered calls'],
    ['--target-abandon-rate <fraction>', 'greatest abandoned / offered'],
    ['--target-block-rate <fraction>', 'greatest blocked / offered'],
    ['--max-occupancy <fraction>', 'greatest occupancy (busy / agents)'],
    ['--json', 'print the result as JSON (numbers unformatted, stable key order)'],
    ['--xlsx <file>', 'also write the table as an Excel workbook'],
  ],
  examples: [
    'hotline erlang --calls 100 --handle 180 --agents 14 --threshold 20',
    'hotline erlang --arrivals-per-hour 1000 --handle 220 --patience 90 --target-answer-rate 0.8',
    'hotline erlang --arrivals-per-hour 1000 --handle 220 --patience 90 --redial 0.5 --max-attempts 4 --agents 50..70',
  ],
  async run(_operands, options, scanProblems) {
    const { inputs, agents, target, json, xlsx } = readInputs(options, scanProblems);
    const result = erlangResult(inputs, agents, target);
    if (xlsx !== undefined) {
      const bytes = await workbookBytes([
        {
          name: 'Erlang',
          columns: ERLANG_SHEET_COLUMNS,
          rows: result.rows.map((row) => ({ ...row })),
        },
        {
          name: 'Inputs',
          columns: [
            { key: 'name', header: 'input', format: 'text' },
            { key: 'value', header: 'value' },
          ],
          rows: [
            { name: 'model', value: result.model },
            ...Object.entries(result.inputs).map(([name, value]) => ({ name, value })),
            ...Object.entries(result.target ?? {}).map(([name, value]) => ({
              name: `target ${name}`,
              value,
            })),
            { name: 'requiredAgents', value: result.requiredAgents },
          ],
        },
      ]);
      await writeFileSet([{ path: xlsx, content: bytes }]);
    }
    process.stdout.write(json ? JSON.stringify(result, null, 2) + '\n' : formatErlang(result));
  },
};
