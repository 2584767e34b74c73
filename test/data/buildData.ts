/**
 * Writes the shipped scenario files of data/ from the facts they cite (run with
 * `npx tsx test/data/buildData.ts`; the files are committed, and
 * test/data/shippedData.test.ts checks that they still agree with this script's
 * rules and with the in-code default load). Hand-edited files (the targets)
 * are not written here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dayKind, isWorkingDay } from '../../sim/core/calendar.js';
import { whatBudgetBuys } from '../../sim/budget/whatBudgetBuys.js';
import {
  SHANGHAI_12333_BUDGET_2019_TOTAL,
  shanghai12333Budget2020,
  shanghai12333UnitCosts2020,
} from '../../sim/budget/shanghai12333Costs.js';
import { readScenarioFile } from '../../sim/io/scenarioFile.js';
import { STAFFING_DAY_COLUMNS, type StaffingDayColumn } from '../../sim/io/weeklyStaffing.js';
import {
  SHANGHAI_12333_HOURLY_SHARES,
  SHANGHAI_12333_RAW_MONTH_FACTORS,
  halfHourSharesFromHourly,
  shanghai12333Defaults as d,
  shanghai12333Load2020,
} from '../../sim/model/shanghai12333.js';
import {
  DESK_12345,
  FAULTS_12333,
  OMNICHANNEL_12333,
  STAFFING_12333,
  SURVEY_12333,
  WORKFORCE_12333,
  deskAgentsOnPhones,
} from './buildData.config.js';
import { staffingFromPayroll } from './staffingRule.js';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const D12333 = `${DATA}shanghai-12333-2020/`;
const D12345 = `${DATA}shanghai-12345-desk-2020/`;

const FACTS = 'FACTS.md'; // ../shared/domain/FACTS.md, the project's sourced facts
const SEED = 'SEED (2020 budget performance-target tables, ../shared/seed/)';

/** Agent-bound first attempts a day: the in-code default (FACTS §7.1: 25,000). */
const AGENT_BOUND_PER_DAY = shanghai12333Load2020.dailyCalls;
/** Calls entering per day so that 15% self-service leaves 25,000 for agents. */
const INBOUND_PER_DAY = AGENT_BOUND_PER_DAY / (1 - d.selfServiceShare);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function clock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function isoDay(day: number): string {
  return new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
}

function profileCsv(shares: readonly number[]): string {
  const minutes = 1440 / shares.length;
  return ['intervalStart,share', ...shares.map((s, i) => `${clock(i * minutes)},${s}`)].join('\n') + '\n';
}

const DAY_COLUMNS = STAFFING_DAY_COLUMNS;
type DayColumn = StaffingDayColumn;
const BY_UTC_DAY: readonly DayColumn[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The column of the weekly staffing table a day of 2020 takes (data/README.md, "Staffing by weekday"). */
function columnOf(day: number): DayColumn {
  const iso = isoDay(day);
  const kind = dayKind(iso);
  if (kind === 'holiday' || kind === 'adjustedWorkingDay') return kind;
  return BY_UTC_DAY[new Date(`${iso}T00:00:00Z`).getUTCDay()] as DayColumn;
}

/**
 * A year's agents per interval as a weekly staffing table: per month (or one block for
 * every month) and kind of day, the agents of the days of that kind, which must all be
 * equal (this throws otherwise, so the table gives the year exactly). A kind of day a
 * month lacks takes the column `fallback` names (a holiday is staffed as the weekday
 * whose load it carries). Rows equal to the row before are left out (each row holds
 * until the next).
 */
function weeklyStaffingCsv(
  counts: readonly number[],
  intervalMinutes: number,
  byMonth: boolean,
  fallback: Readonly<Record<'holiday' | 'adjustedWorkingDay', DayColumn>>,
): string {
  const perDay = 1440 / intervalMinutes;
  const days = counts.length / perDay;
  const lines = [`${byMonth ? 'month,' : ''}intervalStart,${DAY_COLUMNS.join(',')}`];
  for (const month of byMonth ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [0]) {
    const block = new Map<DayColumn, number[]>();
    for (let day = 0; day < days; day++) {
      if (byMonth && new Date(Date.UTC(2020, 0, 1 + day)).getUTCMonth() + 1 !== month) continue;
      const column = columnOf(day);
      const agents = counts.slice(day * perDay, (day + 1) * perDay);
      const seen = block.get(column);
      if (seen === undefined) block.set(column, agents);
      else if (seen.some((a, s) => a !== agents[s])) {
        throw new Error(`weeklyStaffingCsv: ${isoDay(day)} (${column}) differs from the other ${column}s of its month`);
      }
    }
    for (const special of ['holiday', 'adjustedWorkingDay'] as const) {
      if (!block.has(special)) block.set(special, block.get(fallback[special]) ?? []);
    }
    let previous = '';
    for (let s = 0; s < perDay; s++) {
      const values = DAY_COLUMNS.map((column) => block.get(column)?.[s] ?? 0).join(',');
      if (values === previous) continue;
      previous = values;
      lines.push(`${byMonth ? `${month},` : ''}${clock(s * intervalMinutes)},${values}`);
    }
  }
  return lines.join('\n') + '\n';
}

function json(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}

const horizon = { startDate: '2020-01-01', days: 366, intervalMinutes: 30 };


const base12333 = {
  formatVersion: 1,
  name: 'shanghai-12333-2020',
  title: 'Shanghai 12333 hotline, 2020 (SEED project 1)',
  description:
    'The whole year 2020 of the Shanghai HRSS 12333 consultation hotline: load, callers, agents from 407 staff on payroll, staff churn and six months of training, platform faults, the post-call survey, targets and budget. Unit costs are documented in data/README.md and enter this file with their mechanism.',
  horizon,
  arrivals: {
    kind: 'profile',
    inboundCallsPerDay: INBOUND_PER_DAY,
    monthFactors: [...SHANGHAI_12333_RAW_MONTH_FACTORS],
    normaliseMonthFactors: true,
    weekdayFactors: [...shanghai12333Load2020.weekdayFactors],
    intradayProfileFile: 'intraday-profile.csv',
    selfServiceShare: d.selfServiceShare,
    dayBusynessCv: 0,
  },
  calendar: {
    holidays: 'china-official',
    holidayLoadAs: 'Sunday',
    adjustedWorkingDayLoadAs: 'Tuesday',
    keepHorizonTotal: true,
  },
  handle: { kind: 'lognormal', meanSeconds: d.meanHandleSeconds, cv: d.meanTalkSeconds / d.meanHandleSeconds },
  patience: { kind: 'exponential', meanSeconds: d.meanPatienceSeconds },
  redial: {
    redialProbability: d.redialProbability,
    maxAttempts: d.maxAttempts,
    delay: { kind: 'exponential', meanSeconds: d.meanRedialDelaySeconds },
  },
  agents: { kind: 'weekly', staffingFile: 'staffing.csv' },
  workforce: WORKFORCE_12333,
  faults: FAULTS_12333,
  survey: SURVEY_12333,
  answerWithinSeconds: d.answerWithinSeconds,
  targets: { file: '../targets/shanghai-12333-2020.json', answerRateDefinition: 'perAttempt' },
  budget: {
    seatRentalYuan: shanghai12333Budget2020.seatRental,
    managementFeeYuan: shanghai12333Budget2020.managementFee,
    statedTotalYuan: 55_070_152,
    previousYearTotalYuan: SHANGHAI_12333_BUDGET_2019_TOTAL,
  },
};

const sources12333: Record<string, string> = {
  horizon: `${SEED}: planned start 2020-01-01, end 2020-12-31; 24 h x 365 days service [S]. Half-hour intervals: assumed: the planning grid of the intraday profile (FACTS §7.1, 24 x 30-min).`,
  'arrivals.inboundCallsPerDay': `${FACTS} §7.1: 25,000 agent-bound first attempts a day (annual mean) = inbound / (1 - 0.15) = 29,411.8 calls entering. FACTS gives 30,000 inbound [S: 近3万/日] and 25,000 agent-bound [D/A]; 30,000 x 0.85 = 25,500, so the two disagree by 2%: we keep the 25,000 agent-bound of the in-code default (sim/model/shanghai12333.ts) and the tests.`,
  'arrivals.monthFactors': `${FACTS} §7.1: Jan 1.05, Feb 0.85, Mar-Apr 1.10 (epidemic policies, assumed), May 0.95, Jun 1.00, Jul 1.15 (summer surge, +9% YoY [S]), Aug 1.05, Sep-Nov 0.95, Dec 1.00.`,
  'arrivals.normaliseMonthFactors': `${FACTS} §7.1 says "mean 1.0"; the factors average 1.0083, so they are scaled to a day-weighted mean of exactly 1 for 2020 (as shanghai12333Load2020 does).`,
  'arrivals.weekdayFactors': `${FACTS} §7.1: Mon 1.20, Tue-Fri 1.10, Sat 0.75, Sun 0.65 [A, no Shanghai source]; they average exactly 1.`,
  'arrivals.intradayProfileFile': `${FACTS} §7.1/§5 aggregates: 09-11 = 28%, 14-16 = 26%, 00-08 = 3% of a day [S: gzqhw 2023; Huawei busy hour 0.10-0.13]; other hours' shape assumed; spread smoothly to 48 half hours keeping each hour's total (halfHourSharesFromHourly). The same profile on every day of the week [A].`,
  'arrivals.selfServiceShare': `assumed: ${FACTS} §7.1, 15% of calls finish in the voice menu; no Shanghai figure (Ningxia 60%, Hangzhou 42%, Dongying 29%), but 80-90 calls per agent a day imply most calls reach agents.`,
  'arrivals.dayBusynessCv': 'assumed: 0, no day-to-day variation beyond Poisson, until a daily series of Shanghai volumes is found (the bank data show more; see notebook 06).',
  calendar: `国办发明电〔2019〕16号 and 〔2020〕1号 (sim/core/calendar.ts). assumed: a public holiday carries a Sunday's load and a worked weekend day a Tuesday's; holidays move load rather than remove it (the 25,000 a day is an annual mean), so the year's total is kept.`,
  handle: `${FACTS} §7.1: talk lognormal mean 180 s [S: "3 minutes"], CV 1.0 [A], plus 40 s after-call work [A]. The sum is written as one lognormal with the sum's exact mean 220 s and standard deviation 180 s (cv 180/220 = 0.818): the deterministic 40 s adds no variance. Shape differs slightly (no 40 s minimum); the simulator has no shifted distribution.`,
  patience: `assumed: ${FACTS} §7.1, exponential mean 90 s (literature ~2 min; an IVR message at 60 s raises the hazard).`,
  redial: `assumed: ${FACTS} §7.1, p = 0.5 per failed attempt (industry 33% [S], higher for a hotline with no substitute), at most 3 retries (4 attempts), delay exponential mean 10 min.`,
  agents: `Derived (data/README.md, "How the 12333 staffing table is derived"): 407 staff on payroll [S] x 2,000 paid hours a year (250 working days x 8 h) x (1 - 30% shrinkage [S]) = 569,800 agent-hours, spread over the half hours in proportion to the Erlang A agents needed for an 80% answer rate (staffingPlan), rounded, capped at 359 seats [S].`,
  'workforce.initialStaff': `${FACTS} §1.1: 407 consultants (咨询员) for 359 seats [S, c.2017-18], all trained at the start of the year.`,
  'workforce.targetHeadcount': `assumed: the payroll is kept at the 407 of ${FACTS} §1.1 (leavers are replaced one for one, so trainees come out of the 407, not on top).`,
  'workforce.initialTenureMonths': 'assumed: 24 months, so the first staff are past any early-tenure band (the center has run since 2001; the 2019 Telecom takeover kept the team).',
  'workforce.annualTurnover': `assumed: 20% a year, a fifth of the staff (issue 5), the low end of "good centers: 20-30% a year" [S, ${FACTS} §4.3] for a team described as stable ("人员流失可控" [S, §1.2]) and the 12345 desk's own < 20% target (SEED). ${FACTS} §7.1 suggests 25% (range 15-40%); notebook 03 shows 10%, 20% and 35%.`,
  'workforce.hiring.policy': 'assumed: every leaver is replaced (back-fill to the 407), the outsourcing contract being settled on a fixed team.',
  'workforce.hiring.recruitmentLagDays': 'assumed: a month from a leaver to the replacement joining the payroll (no figure found).',
  'workforce.hiring.trainingDays': `${FACTS} §1.3 and §7.1: half a year of training with 8 exams before taking calls [S]: 26 weeks = 182 days.`,
  'workforce.learningCurve': `${FACTS} §7.1: handle time x1.3 / 1.15 / 1.05 / 1.0 in months 1-4 after going live [A]; QA pass rate 95% in months 1-3, 99% after (2019 center-wide 98% [S], split [A]); satisfaction 2 points lower in months 1-3 [A]. The same as DEFAULT_LEARNING_CURVE.`,
  'workforce.plannedLiveAgents': 'Derived: staffing.csv is shaped from the hours of all 407 staff (below), so the table is at plan when 407 are live; fewer live agents thin it in proportion.',
  faults: `${SEED} gives the deadlines [S]: respond within 10 minutes at every level, repair within 90 minutes (level 1), 180 minutes (level 2), 24 hours (level 3). assumed: ${FACTS} §7.1, level 1 once a year, about an hour with the whole platform down; level 2 four a year, about two hours with half the seats lost; level 3 twelve a year, about eight hours with a tenth of the seats lost; response exponential with mean 4 minutes and repair lognormal with CV 0.5 (no figure found). The same as DEFAULT_FAULT_LEVELS.`,
  'survey.responseProbability': `assumed: ${FACTS} §3.2 and §7.1, 35% of callers answer the post-call survey (no public figure; 30-40%).`,
  'survey.satisfactionCurve': `${FACTS} §7.1: P(satisfied or basically satisfied) 0.995 below a 30 s wait, falling linearly to 0.95 at 5 minutes, flat after: 2019 actual 99% [S, §1.2], shape [A].`,
  'survey.penaltyPerExtraAttempt': 'assumed: 1 point lost for each attempt beyond the first (a caller who had to redial is less pleased; no figure found).',
  'survey.satisfiedShareOfPositive': 'assumed: 85% of positive ratings are "satisfied" rather than "basically satisfied" (no figure found; it does not change 综合满意度).',
  'survey.complaintsPerAnsweredCall': `${FACTS} §3.3 and §7.1: 0.5 per 100,000 answered calls; 2019 below 1 in 100,000 [S], the denominator (answered calls) [A].`,
  'survey.qaSampleShare': 'assumed: 2% of answered calls are checked by QA (no figure found; enough for a monthly pass rate to within about a point).',
  'survey.reviewMinutesPerDissatisfied': `assumed: 15 minutes to review each dissatisfied call (listen and write a note); SEED's 不满意电话当月抽检率 = 100% means every one is reviewed in the month.`,
  answerWithinSeconds: 'GB/T 33358-2016 (政府热线服务规范): answer within 15 s, as FACTS §7.1 uses it.',
  targets: `${SEED} project 1 indicator table; the per-attempt agent answer rate is the SEED definition (seed/README.md).`,
  budget: `${SEED}: 2020 budget 55,070,152 yuan (seat rental 50,932,600 + management fee 4,137,700; the lines sum to 148 yuan more than the stated total); 2019 budget 70,785,200.`,
};

function write12333(): void {
  mkdirSync(D12333, { recursive: true });
  const shares = halfHourSharesFromHourly(SHANGHAI_12333_HOURLY_SHARES);
  writeFileSync(`${D12333}intraday-profile.csv`, profileCsv(shares));
  // A flat placeholder table lets the loader compute the load; the real table replaces it.
  writeFileSync(`${D12333}staffing.csv`, `intervalStart,${DAY_COLUMNS.join(',')}\n00:00,1,1,1,1,1,1,1,1,1\n`);
  json(`${D12333}scenario.json`, { ...base12333, sources: sources12333 });
  const { scenario } = readScenarioFile(`${D12333}scenario.json`);
  const calls = scenario.arrivals.kind === 'table' ? scenario.arrivals.callsPerInterval : [];
  const rule = staffingFromPayroll({
    agentBoundCallsPerInterval: calls.map((c) => c * (1 - d.selfServiceShare)),
    intervalMinutes: 30,
    meanHandleSeconds: d.meanHandleSeconds,
    meanPatienceSeconds: d.meanPatienceSeconds,
    answerWithinSeconds: d.answerWithinSeconds,
    ...STAFFING_12333,
  });
  // Holidays carry a Sunday's load and worked weekend days a Tuesday's (the calendar rule), so
  // they are staffed as those days of their month.
  writeFileSync(
    `${D12333}staffing.csv`,
    weeklyStaffingCsv(rule.agents, 30, true, { holiday: 'Sunday', adjustedWorkingDay: 'Tuesday' }),
  );
  console.log(
    `12333: scale ${rule.scale.toFixed(4)}, agent-hours ${rule.scheduledAgentHours} of ${rule.availableAgentHours}, peak ${Math.max(...rule.agents)}`,
  );

  // Presets (FACTS §7.3).
  const epidemic = {
    ...base12333,
    name: 'shanghai-12333-2020-epidemic-spring',
    title: 'Shanghai 12333, 2020, epidemic spring preset (FACTS §7.3)',
    loadAdjustments: [
      { from: '2020-02-03', to: '2020-03-15', factor: 1.75, label: 'epidemic peak weeks after the extended Spring Festival' },
      { from: '2020-03-16', to: '2020-04-30', factor: 1.25, label: 'epidemic tail (subsidy and deferral questions)' },
    ],
    agents: {
      ...base12333.agents,
      adjustments: [
        { from: '2020-01-24', to: '2020-03-31', factor: 0.85, label: '15% of agents unavailable (quarantine, remote seats not yet open)' },
      ],
    },
  };
  json(`${D12333}epidemic-spring.json`, {
    ...epidemic,
    sources: {
      ...sources12333,
      loadAdjustments: `assumed: ${FACTS} §7.3, 12333 demand x 1.5-2.0 in the peak weeks (no Shanghai 12333 figure; Shanghai 12345 saw 6.76x YoY on 2020-01-27): 1.75 from the return to work on 3 Feb to mid-March, 1.25 to the end of April, on top of the month factors.`,
      'agents.adjustments': `assumed: ${FACTS} §7.3, 10-20% of agents unavailable (quarantine, remote seats not yet open): 15% from the Spring Festival to the end of March.`,
    },
  });

  const july = {
    ...base12333,
    name: 'shanghai-12333-2020-july-peak',
    title: 'Shanghai 12333, 2020, July base-adjustment peak preset (FACTS §7.3)',
    loadAdjustments: [{ from: '2020-07-01', to: '2020-07-31', factor: 1.1, label: 'July at the top of its range' }],
  };
  json(`${D12333}july-peak.json`, {
    ...july,
    sources: {
      ...sources12333,
      loadAdjustments: `assumed: ${FACTS} §7.1 gives July 1.15 (in the month factors already) with a sensitivity range of +-10%; this preset takes the top of the range, July x 1.10 more (the social-insurance base adjustment and summer complaints, +16% labour-inspection complaints [S]).`,
    },
  });

  const bought2020 = whatBudgetBuys(shanghai12333Budget2020, shanghai12333UnitCosts2020, {
    staffPerSeat: d.staffOnPayroll / d.seats,
    shrinkage: d.shrinkage,
  });
  const seatRental2019 = SHANGHAI_12333_BUDGET_2019_TOTAL - shanghai12333Budget2020.managementFee;
  const bought2019 = whatBudgetBuys(
    { seatRental: seatRental2019, managementFee: shanghai12333Budget2020.managementFee },
    shanghai12333UnitCosts2020,
    { staffPerSeat: d.staffOnPayroll / d.seats, shrinkage: d.shrinkage },
  );
  const factor2019 = bought2019.agentHoursYear / bought2020.agentHoursYear;
  json(`${D12333}budget-2019.json`, {
    ...base12333,
    name: 'shanghai-12333-2020-budget-2019',
    title: 'Shanghai 12333, 2020 load with the 2019 budget preset (FACTS §7.3)',
    agents: {
      ...base12333.agents,
      adjustments: [
        { from: '2020-01-01', to: '2020-12-31', factor: factor2019, label: 'agent-hours the 2019 money buys / 2020' },
      ],
    },
    budget: {
      seatRentalYuan: seatRental2019,
      managementFeeYuan: shanghai12333Budget2020.managementFee,
      statedTotalYuan: SHANGHAI_12333_BUDGET_2019_TOTAL,
    },
    sources: {
      ...sources12333,
      'agents.adjustments': `Derived with whatBudgetBuys at 2020 unit costs (sim/budget/shanghai12333Costs.ts), 407/359 staff per seat, 30% shrinkage: 2020 seat rental 50,932,600 buys ${bought2020.seats} seats and ${bought2020.staffOnPayroll} staff; the 2019 budget 70,785,200 [S, SEED] less an assumed unchanged management fee 4,137,700 (the 2019 split is not published) = ${seatRental2019} buys ${bought2019.seats} seats and ${bought2019.staffOnPayroll} staff, ${bought2019.agentHoursYear} agent-hours against ${bought2020.agentHoursYear}: every interval's agents x ${factor2019.toFixed(6)}, rounded. The 359-seat cap of the 2020 table is lifted to ${bought2019.seats} by the same factor.`,
      budget: `${SEED}: 2019 budget 70,785,200 yuan for the same project (70,784,807 spent); its split into lines is assumed (management fee as in 2020).`,
    },
  });
  console.log(`2019 budget: ${bought2019.seats} seats, ${bought2019.staffOnPayroll} staff, factor ${factor2019}`);

  json(`${D12333}lenient-answer-rate.json`, {
    ...base12333,
    name: 'shanghai-12333-2020-lenient',
    title: 'Shanghai 12333, 2020, judged on the IVR-inclusive answer rate (FACTS §7.3)',
    targets: { ...base12333.targets, answerRateDefinition: 'includingSelfService' },
    sources: {
      ...sources12333,
      targets: `${SEED} project 1 indicator table, judged on the Ningxia-style 综合接通率 = (agent-answered + self-served) / calls entering (${FACTS} §0.1, §3.1), which some provinces publish.`,
    },
  });
}

/**
 * The all-media year (issue 16): the 12333 year with the online channels of the
 * 2018-19 transformation (FACTS §1.2) on the same 407 staff, split into agent
 * groups. Faults are left out: they are not modelled with channels yet.
 */
function writeOmnichannel(): void {
  const { faults: _faults, ...withoutMechanisms } = base12333;
  const { faults: _faultsSource, ...sources } = sources12333;
  json(`${D12333}omnichannel.json`, {
    ...withoutMechanisms,
    name: 'shanghai-12333-2020-omnichannel',
    title: 'Shanghai 12333, 2020, all media: calls, online chat with the assistant, messages and callbacks (issue 16)',
    description:
      'The 12333 year of scenario.json on the 全媒体智能咨询平台 of the 2018-19 transformation: the calls as there, plus online chat (website, WeChat, 上海人社 APP) in front of which the intelligent assistant resolves a share, offline messages answered within two working days, and callbacks offered at the peaks, all served by the same 407 staff split into a voice group, an online group and a blended group, with the post-call survey of scenario.json on the calls. Its platform faults are left out: they are not modelled with channels yet.',
    targets: { file: '../targets/shanghai-12333-omnichannel-2020.json', answerRateDefinition: 'perAttempt' },
    channels: OMNICHANNEL_12333,
    sources: {
      ...sources,
      targets: `${SEED} project 1 indicator table, with two rows for the online channels that SEED does not give (assumed; see the target file).`,
      'channels.groups': `assumed: the same 407 staff answer every channel (${FACTS} §1.2: the online agent service went live in August 2019 on the platform's own team; no split is published). 86% on calls only, 11% on chat and messages (3 chats at once, a new chat to the agent with the most below 3, so that the others are free for messages), 3% blended (2 chats at once), routed voiceFirst (the rule a hotline judged on 综合接通率 would choose: a free blended agent takes a waiting call before a chat, a new contact goes to the specialists first): notebook 08 compares other splits and rules.`,
      'channels.chat.arrivals': `assumed: online contacts = 10% of the calls entering, interval by interval (the online service opened in August 2019, ${FACTS} §1.2; no volume is published). Following voice, chat has its months, weekdays and hours.`,
      'channels.chat.handle': 'assumed: lognormal mean 300 s alone (typing is slower than the 180 s of talk), CV 1 as the calls.',
      'channels.chat.handleStretch': 'assumed: a chat takes 1.25 times as long beside a second and 1.6 times beside two more (an agent with three chats completes 1.9 where one alone completes 1; Tezcan and Zhang 2014 model the slowdown, no 12333 figure).',
      'channels.chat.patience': 'assumed: exponential mean 300 s; online users can do something else while they wait, so they are more patient than callers (90 s).',
      'channels.chat.answerWithinSeconds': 'assumed: an agent picks the chat up within 120 s of the first question, the assistant\'s minute included (the online response-time target below).',
      'channels.chat.assistant.resolvedShare': `${FACTS} §1.5: Dongying 12333 reports an 智能服务占比 (intelligent-service share) of 29.3% [S, 2024]; taken as the share of online contacts Shanghai's 2020 online intelligent service (${FACTS} §1.4 [S]) resolves without an agent [A].`,
      'channels.chat.assistant.duration': 'assumed: lognormal mean 45 s, CV 1: a few exchanges with the assistant before it answers or hands over.',
      'channels.message.arrivals': 'assumed: offline messages (留言) = 2% of the calls entering, following voice\'s shape (no figure found).',
      'channels.message.handle': 'assumed: lognormal mean 300 s, CV 0.8: read, look up, write the reply.',
      'channels.message.deadlineWorkingHours': `${FACTS} §4.3: Changsha 12333 replies to unanswered questions within 2 working days [S, 2014]: 16 working hours.`,
      'channels.message.workingHours': 'assumed: 09:00-17:00 on working days (the official calendar), office hours for the replies.',
      'channels.callback': 'assumed: a callback is offered when the expected wait passes 90 s, 30% accept, placed by the next free voice agent when no caller waits, 80% of callers answer, 30 s of an agent lost on an unanswered one, a second try after 30 minutes, kept within 2 hours counts in its service level (no 12333 figure; virtual hold is common in Chinese government hotlines).',
    },
  });
}

function write12345(): void {
  mkdirSync(D12345, { recursive: true });
  const [open, close] = DESK_12345.openMinutes;
  const slots: number[] = Array.from({ length: 48 }, (_, s) => (s * 30 >= open && s * 30 < close ? 1 : 0));
  const slotTotal = slots.reduce((a, b) => a + b, 0);
  writeFileSync(`${D12345}intraday-profile.csv`, profileCsv(slots.map((x) => x / slotTotal)));
  const agents = deskAgentsOnPhones();
  const counts: number[] = [];
  for (let day = 0; day < 366; day++) {
    const working = isWorkingDay(isoDay(day));
    for (let s = 0; s < 48; s++) counts.push(working && slots[s] === 1 ? agents : 0);
  }
  writeFileSync(
    `${D12345}staffing.csv`,
    weeklyStaffingCsv(counts, 30, false, { holiday: 'Sunday', adjustedWorkingDay: 'Friday' }),
  );
  json(`${D12345}scenario.json`, {
    formatVersion: 1,
    name: 'shanghai-12345-desk-2020',
    title: 'Shanghai HRSS 12345 liaison desk, 2020 (SEED project 2): calls transferred from 12345',
    description:
      'Calls transferred from the 12345 citizen hotline to the bureau desk in business hours. Work orders (about 300 a day, 45 staff-minutes each) come with their own model in a later issue; until then they only reduce the staff on the phones (data/README.md).',
    horizon,
    arrivals: {
      kind: 'profile',
      inboundCallsPerDay: 1_200,
      weekdayFactors: [1, 1, 1, 1, 1, 0, 0],
      intradayProfileFile: 'intraday-profile.csv',
      selfServiceShare: 0,
      dayBusynessCv: 0,
    },
    calendar: { holidays: 'china-official', holidayLoadAs: 'Sunday', adjustedWorkingDayLoadAs: 'Friday', keepHorizonTotal: false },
    handle: { kind: 'lognormal', meanSeconds: 240, cv: 1 },
    patience: { kind: 'exponential', meanSeconds: 60 },
    agents: { kind: 'weekly', staffingFile: 'staffing.csv' },
    answerWithinSeconds: 15,
    targets: { file: '../targets/shanghai-12345-desk-2020.json', answerRateDefinition: 'perAttempt' },
    budget: { payrollYuan: 6_836_000, statedTotalYuan: 6_836_000 },
    sources: {
      horizon: `${SEED} project 2: planned 2020-01-01 to 2020-12-31. Half hours: assumed: the same planning grid as 12333.`,
      'arrivals.inboundCallsPerDay': `assumed: ${FACTS} §7.2, 1,200 transferred calls a working day (range 600-2,500); no public figure.`,
      'arrivals.weekdayFactors': `assumed: ${FACTS} §7.2, transfers "weekdays mostly 08:30-17:30": none on weekends.`,
      'arrivals.intradayProfileFile': `assumed: ${FACTS} §7.2, business hours 08:30-17:30, spread evenly over the 18 half hours (no intraday figure); none outside them.`,
      'arrivals.selfServiceShare': 'assumed: 0, transferred calls come from a 12345 operator and ask for an agent.',
      'arrivals.dayBusynessCv': 'assumed: 0, no day-to-day variation beyond Poisson (no daily series found).',
      calendar: '国办发明电〔2019〕16号 and 〔2020〕1号 (sim/core/calendar.ts). assumed: the desk keeps official working days: closed on holidays (a Sunday\'s load, 0), open on worked weekend days (a Friday\'s); the 1,200 is per working day, so no rescaling.',
      handle: `assumed: ${FACTS} §7.2, transfer talk lognormal mean 240 s (harder calls); CV 1 as 12333; the desk's after-call work belongs to the work orders.`,
      patience: `assumed: ${FACTS} §7.2, exponential mean 60 s (the caller has already queued once at 12345).`,
      agents: `Derived (data/README.md): 50 staff [S, SEED] x (1 - 30% shrinkage [A, as 12333]) = 35 on duty, less the work orders' staff time 300 a day [A] x 45 min [A] / 9 open hours = 25: ${agents} on the transfer seats 08:30-17:30 on working days (Monday to Friday and worked weekend days), none on weekends and holidays.`,
      answerWithinSeconds: 'GB/T 33358-2016 (政府热线服务规范): answer within 15 s.',
      targets: `${SEED} project 2 indicator table.`,
      budget: `${SEED} project 2: 6,836,000 yuan, settled quarterly on payroll (labour dispatch).`,
    },
  });
}

write12333();
writeOmnichannel();
write12345();
