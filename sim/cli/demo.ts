/**
 * `npm run demo`: the analytic staffing picture for the Shanghai 12333 default
 * load (FACTS.md §7.1), until the simulator's full report replaces it.
 *
 * For each half hour of a typical weekday it prints the expected calls, the
 * attempts once redials are added, the agents needed on the phones for an 80%
 * answer rate (Erlang A with redials: `retrialEquilibrium`), the staff to
 * schedule after shrinkage, and the answer rate, service level and ASA those
 * agents give; then the day's totals against the 407 staff on payroll and the
 * 359 seats. Exact formulas, no simulation: calls arrive as a Poisson stream
 * within each half hour, handle times and patience are exponential.
 */
import { retrialEquilibrium, shanghai12333Defaults, shanghai12333Load2020, staffingPlan } from '../index.js';
import type { RetrialEquilibrium } from '../index.js';

/** Index of the weekday shown (0 = Monday): Tuesday, the typical Tue-Fri weekday (factor 1.10). */
const TUESDAY = 1;
/** Length of an interval, hours. */
const HALF_HOUR = 0.5;
/** A full-time shift, hours a day. */
const SHIFT_HOURS = 8;
/** Working days a week of a full-time consultant. */
const DAYS_WORKED_PER_WEEK = 5;

/** One half hour of the demo table. */
export interface DemoRow {
  /** `HH:MM` */
  start: string;
  /** Expected fresh (first) agent-bound attempts in the half hour. */
  calls: number;
  /** Expected attempts offered, redials included. */
  attempts: number;
  /** Agents on the phones for the answer-rate target, redials included. */
  agents: number;
  /** Agents the same target needs if nobody redialled (Erlang A alone). */
  agentsWithoutRedials: number;
  /** Staff to schedule: agents / (1 - shrinkage), rounded up. */
  staff: number;
  /** The equilibrium with redials at `agents`. */
  equilibrium: RetrialEquilibrium;
}

/** `HH:MM` of the start of half-hour slot `slot` (0 = 00:00). */
export function halfHourStart(slot: number): string {
  return `${String(Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 === 0 ? '00' : '30'}`;
}

/**
 * The demo's table: one row per half hour of a Tuesday under the 12333
 * default load, staffed so that at least `answerRateTarget` of the offered
 * attempts (redials included) are answered. The search starts from the
 * Erlang A answer without redials (`staffingPlan`), a lower bound since
 * redials only add load, and adds agents until the equilibrium meets the
 * target.
 *
 * @returns 48 rows, 00:00 first
 * @example
 * weekdayStaffingRows().find((row) => row.start === '09:30')?.agents; // agents needed at 09:30
 */
export function weekdayStaffingRows(): DemoRow[] {
  const d = shanghai12333Defaults;
  const callsPerDay = shanghai12333Load2020.dailyCalls * (shanghai12333Load2020.weekdayFactors[TUESDAY] ?? 1);
  const intervals = shanghai12333Load2020.intradayShares.map((share, slot) => ({
    start: halfHourStart(slot),
    arrivalsPerHour: (callsPerDay * share) / HALF_HOUR,
    meanHandleSeconds: d.meanHandleSeconds,
    meanPatienceSeconds: d.meanPatienceSeconds,
    answerWithinSeconds: d.answerWithinSeconds,
  }));
  const withoutRedials = staffingPlan(intervals, { answerRate: d.answerRateTarget });
  return intervals.map((interval, slot) => {
    const agentsWithoutRedials = withoutRedials[slot]?.requiredAgents ?? 0;
    const solve = (agents: number): RetrialEquilibrium =>
      retrialEquilibrium({
        agents,
        freshCallsPerHour: interval.arrivalsPerHour,
        meanHandleSeconds: interval.meanHandleSeconds,
        meanPatienceSeconds: interval.meanPatienceSeconds,
        answerWithinSeconds: interval.answerWithinSeconds,
        redialProbability: d.redialProbability,
        maxAttempts: d.maxAttempts,
      });
    let agents = agentsWithoutRedials;
    let equilibrium = solve(agents);
    while (equilibrium.answerRatePerAttempt < d.answerRateTarget) {
      agents += 1;
      equilibrium = solve(agents);
    }
    return {
      start: interval.start,
      calls: interval.arrivalsPerHour * HALF_HOUR,
      attempts: equilibrium.offeredAttemptsPerHour * HALF_HOUR,
      agents,
      agentsWithoutRedials,
      staff: Math.ceil(agents / (1 - d.shrinkage) - 1e-9),
      equilibrium,
    };
  });
}

const whole = (x: number): string => Math.round(x).toLocaleString('en-US');
const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

function table(rows: readonly DemoRow[]): string {
  const header = [
    'start',
    'calls',
    'attempts',
    'agents',
    '(no redial)',
    'staff',
    'answered',
    'in 15 s',
    'ASA s',
  ];
  const lines = rows.map((row) => [
    row.start,
    whole(row.calls),
    whole(row.attempts),
    whole(row.agents),
    whole(row.agentsWithoutRedials),
    whole(row.staff),
    percent(row.equilibrium.answerRatePerAttempt),
    percent(row.equilibrium.metrics.serviceLevel),
    row.equilibrium.metrics.asaSeconds.toFixed(1),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}

function main(): void {
  const d = shanghai12333Defaults;
  const load = shanghai12333Load2020;
  const rows = weekdayStaffingRows();
  const total = (value: (row: DemoRow) => number): number => rows.reduce((sum, row) => sum + value(row), 0);
  const calls = total((row) => row.calls);
  const attempts = total((row) => row.attempts);
  const answered = total((row) => row.attempts * row.equilibrium.answerRatePerAttempt);
  const callersAnswered = total((row) => row.calls * row.equilibrium.answerRatePerCaller);
  const answeredIn15 = total((row) => row.attempts * row.equilibrium.metrics.serviceLevel);
  const agentHours = total((row) => row.agents * HALF_HOUR);
  const agentHoursWithoutRedials = total((row) => row.agentsWithoutRedials * HALF_HOUR);
  const staffHours = total((row) => row.staff * HALF_HOUR);
  const peak = rows.reduce((best, row) => (row.agents > best.agents ? row : best));
  const paidHoursIfAllWork = d.staffOnPayroll * SHIFT_HOURS;
  const paidHoursPerAverageDay = (d.staffOnPayroll * SHIFT_HOURS * DAYS_WORKED_PER_WEEK) / 7;

  const lines = [
    'hotline-planner demo: Shanghai 12333, analytic staffing picture for a typical weekday (Tuesday)',
    '',
    `Load     ${whole(load.dailyCalls)} agent-bound first calls a day (annual mean) x ${load.weekdayFactors[TUESDAY]} ` +
      `(Tue-Fri factor) = ${whole(calls)} calls`,
    `Callers  handle ${d.meanHandleSeconds} s (${d.meanTalkSeconds} s talk + ${d.wrapUpSeconds} s wrap-up), ` +
      `patience ${d.meanPatienceSeconds} s on average; ${percent(d.redialProbability)} of failed attempts redial, ` +
      `up to ${d.maxAttempts} attempts`,
    `Target   answer rate (answered / offered attempts, redials included) >= ${percent(d.answerRateTarget)} ` +
      'in every half hour',
    `Model    Erlang A with redials at equilibrium (exact formulas, no simulation); staff = agents / ` +
      `(1 - ${d.shrinkage} shrinkage)`,
    '',
    table(rows),
    '',
    `Columns  calls: fresh calls; attempts: with redials; agents: on the phones for the target; (no redial):`,
    `         the same if nobody redialled; answered: per attempt; in ${d.answerWithinSeconds} s: answered within ` +
      `${d.answerWithinSeconds} s / offered; ASA: mean wait of answered calls`,
    '',
    `Day      ${whole(calls)} calls -> ${whole(attempts)} attempts; ${whole(answered)} answered ` +
      `(${percent(answered / attempts)} of attempts, ${percent(callersAnswered / calls)} of callers), ` +
      `${percent(answeredIn15 / attempts)} within ${d.answerWithinSeconds} s`,
    `Hours    ${whole(agentHours)} agent-hours on the phones (${whole(agentHoursWithoutRedials)} if nobody ` +
      `redialled); ${whole(staffHours)} staff-hours to schedule`,
    `Payroll  ${d.staffOnPayroll} staff x ${SHIFT_HOURS} h = ${whole(paidHoursIfAllWork)} h if all work that day; ` +
      `${whole(paidHoursPerAverageDay)} h on an average day at ${DAYS_WORKED_PER_WEEK} days a week`,
    `Seats    peak ${peak.agents} agents on the phones at ${peak.start} (${peak.staff} staff scheduled) ` +
      `against ${d.seats} seats`,
  ];
  console.log(lines.join('\n'));
}

// Print only when run as a program (`node dist/sim/cli/demo.js`), not when imported by a test.
if (/[\\/]demo\.[jt]s$/.test(process.argv[1] ?? '')) main();
