/*
 * The report's assumptions in plain language: every parameter the scenario
 * file gives a source for, with what it means, its value in units and
 * sensible rounding, how it is grounded (sourced, derived, assumed) and the
 * public sources it rests on, cited by number (references.ts).
 *
 * The values are always the file's own. The explanations of the shipped
 * 12333 scenario's parameters are written out here for the values it ships
 * with; a file that changes a value gets its own source note instead,
 * cleared of file paths.
 */
import { formatPercent, formatSignificant, formatYuan } from '../core/format.js';
import { referencesIn, REFERENCES, type ReferenceKey } from './references.js';
import type { AssumptionBasis, Bilingual, ReportAssumption, ReportReference } from './types.js';

/** A parameter as the report describes it before its references are numbered. */
export interface AssumptionDraft {
  parameter: string;
  label: Bilingual;
  value: Bilingual;
  basis: AssumptionBasis;
  references: ReferenceKey[];
  explanation: Bilingual;
}

const WEEKDAYS: Bilingual[] = [
  { zh: '周一', en: 'Mon' },
  { zh: '周二', en: 'Tue' },
  { zh: '周三', en: 'Wed' },
  { zh: '周四', en: 'Thu' },
  { zh: '周五', en: 'Fri' },
  { zh: '周六', en: 'Sat' },
  { zh: '周日', en: 'Sun' },
];

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const rec = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const both = (text: string): Bilingual => ({ zh: text, en: text });
const s = (value: number, digits = 4): string => formatSignificant(value, digits);

/** The value at a JSON path (`arrivals.weekdayFactors`) of the file's data. */
export function valueAtPath(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * A distribution of the scenario file in words: `对数正态，均值 220 秒，变异系数 0.82`.
 *
 * @param value the distribution as the file writes it
 * @param unit `seconds` or `minutes` (the file's `meanSeconds` or `meanMinutes`)
 * @returns the words, or null for a kind it does not describe
 * @example
 * distributionWords({ kind: 'exponential', meanSeconds: 90 }, 'seconds')?.en; // => 'exponential, mean 90 s'
 */
export function distributionWords(value: unknown, unit: 'seconds' | 'minutes'): Bilingual | null {
  const d = rec(value);
  const seconds = unit === 'seconds' ? num(d.meanSeconds) : null;
  // Long means in seconds read better in minutes (a redial delay of 600 s is 10 minutes).
  const inMinutes = seconds !== null && seconds >= 300 && seconds % 60 === 0;
  const mean =
    inMinutes && seconds !== null ? seconds / 60 : num(unit === 'seconds' ? d.meanSeconds : d.meanMinutes);
  const u = unit === 'seconds' && !inMinutes ? { zh: '秒', en: 's' } : { zh: '分钟', en: 'min' };
  const cv = num(d.cv);
  if (d.kind === 'exponential' && mean !== null)
    return { zh: `指数分布，均值 ${s(mean)} ${u.zh}`, en: `exponential, mean ${s(mean)} ${u.en}` };
  if (d.kind === 'lognormal' && mean !== null && cv !== null)
    return {
      zh: `对数正态分布，均值 ${s(mean)} ${u.zh}，变异系数 ${s(cv, 2)}`,
      en: `lognormal, mean ${s(mean)} ${u.en}, coefficient of variation ${s(cv, 2)}`,
    };
  const constant = num(unit === 'seconds' ? d.seconds : d.minutes);
  if (d.kind === 'constant' && constant !== null)
    return { zh: `固定 ${s(constant)} ${u.zh}`, en: `constant ${s(constant)} ${u.en}` };
  if (typeof d.kind === 'string' && mean !== null)
    return { zh: `${d.kind} 分布，均值 ${s(mean)} ${u.zh}`, en: `${d.kind}, mean ${s(mean)} ${u.en}` };
  return null;
}

/** A JSON value in short words, numbers rounded to 4 significant digits. */
function plainJson(value: unknown): string {
  if (typeof value === 'number') return s(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(plainJson).join(', ');
  if (value !== null && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key} ${plainJson(v)}`)
      .join('; ');
  return '';
}

/** The value of a parameter in plain words, from the file's data. */
function valueWords(path: string, data: unknown): Bilingual {
  const value = valueAtPath(data, path);
  const n = num(value);
  const list = Array.isArray(value) ? value.map(num) : null;
  switch (path) {
    case 'horizon': {
      const h = rec(value);
      return {
        zh: `自 ${String(h.startDate)} 起 ${String(h.days)} 天，按 ${String(h.intervalMinutes)} 分钟分时段`,
        en: `${String(h.days)} days from ${String(h.startDate)}, in ${String(h.intervalMinutes)}-minute intervals`,
      };
    }
    case 'arrivals.inboundCallsPerDay': {
      const share = num(valueAtPath(data, 'arrivals.selfServiceShare')) ?? 0;
      if (n === null) break;
      return {
        zh: `每日约 ${s(n)} 次来电（全年平均），其中约 ${s(n * (1 - share))} 次转人工`,
        en: `about ${s(n)} calls a day (annual mean), ${s(n * (1 - share))} of them asking for an agent`,
      };
    }
    case 'arrivals.monthFactors':
      if (list === null || list.length !== 12) break;
      return {
        zh: list.map((f, m) => `${m + 1}月 ${f === null ? '' : s(f, 3)}`).join('，'),
        en: list
          .map(
            (f, m) =>
              `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m]} ${f === null ? '' : s(f, 3)}`,
          )
          .join(', '),
      };
    case 'arrivals.weekdayFactors':
      if (list === null || list.length !== 7) break;
      return {
        zh: list.map((f, d) => `${WEEKDAYS[d]?.zh} ${f === null ? '' : s(f, 3)}`).join('，'),
        en: list.map((f, d) => `${WEEKDAYS[d]?.en} ${f === null ? '' : s(f, 3)}`).join(', '),
      };
    case 'arrivals.normaliseMonthFactors':
      return value === true
        ? { zh: '按天数加权调整为全年平均恰为 1', en: 'scaled to a day-weighted mean of exactly 1' }
        : { zh: '不调整', en: 'as written' };
    case 'arrivals.intradayProfileFile':
      return { zh: '一天各时段的来电占比表', en: 'the share of the day’s calls in each interval (a table)' };
    case 'arrivals.selfServiceShare':
    case 'workforce.annualTurnover':
    case 'survey.responseProbability':
    case 'survey.satisfiedShareOfPositive':
    case 'survey.qaSampleShare':
      if (n === null) break;
      return both(formatPercent(n, n * 100 === Math.round(n * 100) ? 0 : 1));
    case 'arrivals.dayBusynessCv':
      if (n === null) break;
      return n === 0
        ? { zh: '0（日间无额外波动）', en: '0 (no day-to-day variation beyond chance)' }
        : { zh: `日间变异系数 ${s(n, 2)}`, en: `day-to-day coefficient of variation ${s(n, 2)}` };
    case 'calendar': {
      const c = rec(value);
      const as = (kind: unknown): Bilingual =>
        kind === 'Sunday'
          ? { zh: '周日', en: 'a Sunday' }
          : kind === 'Tuesday'
            ? { zh: '周二', en: 'a Tuesday' }
            : both(String(kind));
      const holiday = as(c.holidayLoadAs);
      const worked = as(c.adjustedWorkingDayLoadAs);
      return {
        zh: `国家法定节假日，节假日按${holiday.zh}话务、调休上班日按${worked.zh}话务${c.keepHorizonTotal === true ? '，全年来电总量不变' : ''}`,
        en: `China's official holidays: a holiday carries ${holiday.en}'s load, a worked weekend day ${worked.en}'s${c.keepHorizonTotal === true ? '; the year’s total is kept' : ''}`,
      };
    }
    case 'handle':
    case 'patience':
      return distributionWords(value, 'seconds') ?? both(plainJson(value));
    case 'redial': {
      const r = rec(value);
      const p = num(r.redialProbability);
      const m = num(r.maxAttempts);
      const delay = distributionWords(r.delay, 'seconds');
      if (p === null || m === null) break;
      return {
        zh: `失败后 ${formatPercent(p, 0)} 的来电者重拨，每人最多 ${m} 次（含首次）${delay ? `；间隔${delay.zh}` : ''}`,
        en: `${formatPercent(p, 0)} of failed callers redial, at most ${m} attempts each (the first included)${delay ? `; delay ${delay.en}` : ''}`,
      };
    }
    case 'agents': {
      const a = rec(value);
      if (a.kind === 'weekly')
        return {
          zh: '按月份、星期与节假日区分的逐时段在线座席表',
          en: 'agents on the phones per interval, by month, weekday and holiday (a table)',
        };
      if (a.kind === 'constant' && num(a.count) !== null)
        return { zh: `全时段 ${String(a.count)} 名`, en: `${String(a.count)} at every interval` };
      return { zh: '逐时段在线座席表', en: 'agents on the phones per interval (a table)' };
    }
    case 'workforce.initialStaff':
    case 'workforce.targetHeadcount':
    case 'workforce.plannedLiveAgents':
      if (n === null) break;
      return { zh: `${s(n)} 人`, en: `${s(n)} staff` };
    case 'workforce.initialTenureMonths':
      if (n === null) break;
      return { zh: `${s(n)} 个月`, en: `${s(n)} months` };
    case 'workforce.hiring.policy':
      return value === 'backfill'
        ? { zh: '离职即补（维持编制）', en: 'every leaver replaced (back-fill)' }
        : both(plainJson(value));
    case 'workforce.hiring.recruitmentLagDays':
      if (n === null) break;
      return { zh: `${s(n)} 天`, en: `${s(n)} days` };
    case 'workforce.hiring.trainingDays':
      if (n === null) break;
      return {
        zh: `${s(n)} 天（约 ${s(n / 30.4, 2)} 个月）`,
        en: `${s(n)} days (about ${s(n / 30.4, 2)} months)`,
      };
    case 'workforce.learningCurve':
      if (!Array.isArray(value)) break;
      return {
        zh: value
          .map((step) => {
            const r = rec(step);
            return `上岗第 ${String(r.month)} 月：处理时长 ×${s(num(r.handleTimeMultiplier) ?? 1, 3)}，质检合格率 ${formatPercent(num(r.qaPassRate), 0)}${num(r.satisfactionPenalty) ? `，满意度 −${s(100 * (num(r.satisfactionPenalty) ?? 0), 2)} 个百分点` : ''}`;
          })
          .join('；'),
        en: value
          .map((step) => {
            const r = rec(step);
            return `month ${String(r.month)} live: handle time ×${s(num(r.handleTimeMultiplier) ?? 1, 3)}, QA pass ${formatPercent(num(r.qaPassRate), 0)}${num(r.satisfactionPenalty) ? `, satisfaction −${s(100 * (num(r.satisfactionPenalty) ?? 0), 2)} points` : ''}`;
          })
          .join('; '),
      };
    case 'faults': {
      const levels = Array.isArray(rec(value).levels) ? (rec(value).levels as unknown[]) : [];
      const zh: string[] = [];
      const en: string[] = [];
      for (const level of levels) {
        const l = rec(level);
        const response = distributionWords(l.responseMinutes, 'minutes');
        const repair = distributionWords(l.repairMinutes, 'minutes');
        const rate = num(l.ratePerYear);
        const lost = num(l.capacityLost);
        zh.push(
          `${String(l.level)}级：每年 ${rate === null ? '' : s(rate)} 次，损失 ${formatPercent(lost, 0)} 座席，响应${response?.zh ?? ''}，修复${repair?.zh ?? ''}`,
        );
        en.push(
          `level ${String(l.level)}: ${rate === null ? '' : s(rate)} a year, ${formatPercent(lost, 0)} of the seats lost, response ${response?.en ?? ''}, repair ${repair?.en ?? ''}`,
        );
      }
      return { zh: zh.join('；'), en: en.join('; ') };
    }
    case 'survey.satisfactionCurve':
      if (!Array.isArray(value)) break;
      return {
        zh: `${value
          .map(
            (point) =>
              `等待 ${s(num(rec(point).waitSeconds) ?? 0)} 秒：${formatPercent(num(rec(point).satisfied), 1)}`,
          )
          .join('，')}，其间按直线变化`,
        en: `${value
          .map(
            (point) =>
              `wait ${s(num(rec(point).waitSeconds) ?? 0)} s: ${formatPercent(num(rec(point).satisfied), 1)}`,
          )
          .join(', ')}, straight lines between`,
      };
    case 'survey.penaltyPerExtraAttempt':
      if (n === null) break;
      return {
        zh: `每多一次尝试降低 ${s(100 * n, 3)} 个百分点`,
        en: `${s(100 * n, 3)} percentage point${100 * n === 1 ? '' : 's'} less for each attempt beyond the first`,
      };
    case 'survey.complaintsPerAnsweredCall':
      if (n === null) break;
      return {
        zh: `每 10 万次接通 ${s(n * 100_000, 3)} 件`,
        en: `${s(n * 100_000, 3)} per 100,000 calls answered`,
      };
    case 'survey.reviewMinutesPerDissatisfied':
      if (n === null) break;
      return { zh: `每通 ${s(n)} 分钟`, en: `${s(n)} minutes a call` };
    case 'answerWithinSeconds':
      if (n === null) break;
      return { zh: `${s(n)} 秒内接听`, en: `answered within ${s(n)} s` };
    case 'targets': {
      const t = rec(value);
      const definition =
        t.answerRateDefinition === 'perCaller'
          ? { zh: '按来电者计', en: 'per caller' }
          : t.answerRateDefinition === 'includingSelfService'
            ? { zh: '含自助服务', en: 'counting self-service as connected' }
            : {
                zh: '按每次呼叫计（人工接通 / 进入人工队列的呼叫）',
                en: 'per attempt (answered by an agent / attempts offered)',
              };
      return {
        zh: `绩效目标表；接通率${definition.zh}`,
        en: `the performance-target table; answer rate ${definition.en}`,
      };
    }
    case 'budget': {
      const b = rec(value);
      const zh: string[] = [];
      const en: string[] = [];
      if (num(b.statedTotalYuan) !== null) {
        zh.push(`预算合计 ${formatYuan(num(b.statedTotalYuan))} 元`);
        en.push(`budget ${formatYuan(num(b.statedTotalYuan))} yuan`);
      }
      if (num(b.seatRentalYuan) !== null) {
        zh.push(`坐席租赁费 ${formatYuan(num(b.seatRentalYuan))} 元`);
        en.push(`seat rental ${formatYuan(num(b.seatRentalYuan))}`);
      }
      if (num(b.managementFeeYuan) !== null) {
        zh.push(`管理费 ${formatYuan(num(b.managementFeeYuan))} 元`);
        en.push(`management fee ${formatYuan(num(b.managementFeeYuan))}`);
      }
      if (num(b.payrollYuan) !== null) {
        zh.push(`人员经费 ${formatYuan(num(b.payrollYuan))} 元`);
        en.push(`payroll ${formatYuan(num(b.payrollYuan))}`);
      }
      if (num(b.previousYearTotalYuan) !== null) {
        zh.push(`上年预算 ${formatYuan(num(b.previousYearTotalYuan))} 元`);
        en.push(`previous year ${formatYuan(num(b.previousYearTotalYuan))}`);
      }
      return { zh: zh.join('；'), en: en.join('; ') };
    }
    default:
      break;
  }
  return both(plainJson(value));
}

/** What a parameter is, in plain words. */
const LABELS: Readonly<Record<string, Bilingual>> = {
  horizon: { zh: '测算期与时段', en: 'Period and intervals' },
  'arrivals.inboundCallsPerDay': { zh: '日均来电量', en: 'Calls a day' },
  'arrivals.monthFactors': { zh: '各月话务系数', en: 'Monthly load factors' },
  'arrivals.normaliseMonthFactors': { zh: '月系数归一', en: 'Monthly factors normalised' },
  'arrivals.weekdayFactors': { zh: '星期话务系数', en: 'Weekday load factors' },
  'arrivals.intradayProfileFile': { zh: '日内话务分布', en: 'Calls through the day' },
  'arrivals.selfServiceShare': { zh: '自助服务完成比例', en: 'Calls finished in self-service' },
  'arrivals.dayBusynessCv': { zh: '日间话务波动', en: 'Day-to-day variation of the load' },
  calendar: { zh: '节假日安排', en: 'Holidays' },
  handle: { zh: '人工处理时长（通话与话后处理）', en: 'Handle time (talk and after-call work)' },
  patience: { zh: '来电者等待耐心', en: 'Caller patience' },
  redial: { zh: '重拨行为', en: 'Redials' },
  agents: { zh: '在线座席排班', en: 'Agents on the phones' },
  'agents.adjustments': { zh: '座席调整', en: 'Staffing adjustments' },
  loadAdjustments: { zh: '话务调整', en: 'Load adjustments' },
  'workforce.initialStaff': { zh: '年初在编人数', en: 'Staff at the start of the year' },
  'workforce.targetHeadcount': { zh: '编制人数', en: 'Headcount kept' },
  'workforce.initialTenureMonths': { zh: '年初人员司龄', en: 'Tenure of the first staff' },
  'workforce.annualTurnover': { zh: '年人员流失率', en: 'Staff turnover a year' },
  'workforce.hiring.policy': { zh: '补员方式', en: 'Hiring' },
  'workforce.hiring.recruitmentLagDays': { zh: '招聘周期', en: 'Time to recruit' },
  'workforce.hiring.trainingDays': { zh: '上岗前培训期', en: 'Training before taking calls' },
  'workforce.learningCurve': { zh: '新员工成长曲线', en: 'New staff learning curve' },
  'workforce.plannedLiveAgents': { zh: '排班所依据的在岗人数', en: 'Staff the staffing table assumes' },
  faults: { zh: '平台故障', en: 'Platform faults' },
  'survey.responseProbability': { zh: '满意度回访应答率', en: 'Survey response rate' },
  'survey.satisfactionCurve': { zh: '满意度与等待时间', en: 'Satisfaction against waiting time' },
  'survey.penaltyPerExtraAttempt': { zh: '重拨对满意度的影响', en: 'Satisfaction lost per redial' },
  'survey.satisfiedShareOfPositive': { zh: '“满意”占正面评价比例', en: '“Satisfied” among positive ratings' },
  'survey.complaintsPerAnsweredCall': { zh: '投诉发生率', en: 'Complaints' },
  'survey.qaSampleShare': { zh: '质检抽检比例', en: 'Calls checked by QA' },
  'survey.reviewMinutesPerDissatisfied': {
    zh: '不满意来电复核用时',
    en: 'Time to review a dissatisfied call',
  },
  answerWithinSeconds: { zh: '服务水平时限', en: 'Service-level threshold' },
  targets: { zh: '绩效目标', en: 'Performance targets' },
  budget: { zh: '预算', en: 'Budget' },
};

/** The plain explanation of a shipped 12333 value, used while the file keeps that value. */
interface Written {
  value: unknown;
  basis: AssumptionBasis;
  references: ReferenceKey[];
  explanation: Bilingual;
}

const WRITTEN: Readonly<Record<string, Written>> = {
  horizon: {
    value: { startDate: '2020-01-01', days: 366, intervalMinutes: 30 },
    basis: 'sourced',
    references: ['seed'],
    explanation: {
      zh: '项目实施期为2020年全年，全天24小时、全年无休服务；按半小时测算。',
      en: 'The project runs through 2020, 24 hours a day all year; planned by the half hour.',
    },
  },
  'arrivals.inboundCallsPerDay': {
    value: 29411.764705882353,
    basis: 'derived',
    references: ['labourDaily'],
    explanation: {
      zh: '公开报道日均来电近3万；按每日2.5万次转人工、15%在自助语音中完成推算。',
      en: 'Reported: nearly 30,000 calls a day; 25,000 asking for an agent a day with 15% finished in self-service.',
    },
  },
  'arrivals.monthFactors': {
    value: [1.05, 0.85, 1.1, 1.1, 0.95, 1, 1.15, 1.05, 0.95, 0.95, 0.95, 1],
    basis: 'sourcedAndAssumed',
    references: ['labourDaily'],
    explanation: {
      zh: '入夏来电明显增加（7月同比增9%）有报道；春节所在的2月偏低、3–4月疫情政策咨询偏高为假设。',
      en: 'The summer rise (July up 9% year on year) is reported; a low February (Spring Festival) and a high March-April (epidemic policies) are assumed.',
    },
  },
  'arrivals.normaliseMonthFactors': {
    value: true,
    basis: 'derived',
    references: [],
    explanation: {
      zh: '各月系数平均为1.0083，调整后全年日均来电量不变。',
      en: 'The factors average 1.0083; scaled so the yearly mean stays the calls a day above.',
    },
  },
  'arrivals.weekdayFactors': {
    value: [1.2, 1.1, 1.1, 1.1, 1.1, 0.75, 0.65],
    basis: 'assumed',
    references: [],
    explanation: {
      zh: '周一最忙、周末较闲；未找到上海的分星期数据，为假设，平均恰为1。',
      en: 'Monday busiest, weekends quiet; no Shanghai figure found, assumed; they average exactly 1.',
    },
  },
  'arrivals.intradayProfileFile': {
    value: 'intraday-profile.csv',
    basis: 'sourcedAndAssumed',
    references: ['intraday'],
    explanation: {
      zh: '政务热线工作日9–11时约占全天28%、14–16时约占26%、0–8时约占3%；其余时段形状为假设，各日相同。',
      en: 'Public hotlines take about 28% of a day’s calls at 09-11 h, 26% at 14-16 h and 3% at 00-08 h; the other hours’ shape is assumed, the same every day.',
    },
  },
  'arrivals.selfServiceShare': {
    value: 0.15,
    basis: 'assumed',
    references: ['selfService', 'labourDaily'],
    explanation: {
      zh: '上海无公开数字；其他热线为29%–60%，但上海每名咨询员日接80–90通，说明多数来电进入人工，故取15%。',
      en: 'No Shanghai figure; other hotlines report 29-60%, but Shanghai’s 80-90 calls per consultant a day mean most calls reach agents, so 15%.',
    },
  },
  'arrivals.dayBusynessCv': {
    value: 0,
    basis: 'assumed',
    references: [],
    explanation: {
      zh: '在找到上海逐日来电数据之前，不加入随机波动之外的日间差异（真实呼叫中心数据显示更大）。',
      en: 'No day-to-day variation beyond chance until a daily series for Shanghai is found (real call-center records show more).',
    },
  },
  calendar: {
    value: {
      holidays: 'china-official',
      holidayLoadAs: 'Sunday',
      adjustedWorkingDayLoadAs: 'Tuesday',
      keepHorizonTotal: true,
    },
    basis: 'sourcedAndAssumed',
    references: ['holidays'],
    explanation: {
      zh: '2020年法定节假日与调休按国务院办公厅通知；节假日话务如周日、调休上班日如周二为假设，全年总量不变。',
      en: 'The 2020 holidays and worked weekend days as the State Council notices fix them; a holiday as quiet as a Sunday and a worked weekend day as busy as a Tuesday are assumed, the year’s total kept.',
    },
  },
  handle: {
    value: { kind: 'lognormal', meanSeconds: 220, cv: 0.8181818181818182 },
    basis: 'sourcedAndAssumed',
    references: ['labourDaily'],
    explanation: {
      zh: '通话约3分钟（180秒）有报道；话后处理40秒与波动大小为假设。',
      en: 'Calls of about 3 minutes (180 s) are reported; 40 s of after-call work and the spread are assumed.',
    },
  },
  patience: {
    value: { kind: 'exponential', meanSeconds: 90 },
    basis: 'assumed',
    references: ['patience'],
    explanation: {
      zh: '文献中来电者平均耐心约2分钟；取90秒（排队提示音会促使部分来电者挂机）。',
      en: 'The literature puts average patience near 2 minutes; 90 s is taken (a queue announcement prompts some callers to hang up).',
    },
  },
  redial: {
    value: { redialProbability: 0.5, maxAttempts: 4, delay: { kind: 'exponential', meanSeconds: 600 } },
    basis: 'assumed',
    references: ['redials'],
    explanation: {
      zh: '行业常见数字为约三分之一放弃者重拨；社保咨询别无他途，取一半，最多共4次，平均间隔10分钟。',
      en: 'About a third of abandoning callers redial in industry figures; a hotline with no substitute is taken at half, at most 4 attempts, 10 minutes apart on average.',
    },
  },
  agents: {
    value: { kind: 'weekly', staffingFile: 'staffing.csv' },
    basis: 'derived',
    references: ['labourDaily', 'shrinkage'],
    explanation: {
      zh: '407名在编咨询员×每年2,000小时×（1−30%缩减率）=569,800座席小时，按各时段所需座席的比例分配，不超过359个坐席。',
      en: '407 staff on payroll × 2,000 paid hours a year × (1 − 30% shrinkage) = 569,800 agent-hours, spread in proportion to the agents each interval needs, capped at the 359 seats.',
    },
  },
  'workforce.initialStaff': {
    value: 407,
    basis: 'sourced',
    references: ['labourDaily'],
    explanation: {
      zh: '上海12333有359个坐席、407名咨询员；年初均已完成培训。',
      en: 'Shanghai 12333 has 359 seats and 407 consultants; all trained at the start of the year.',
    },
  },
  'workforce.targetHeadcount': {
    value: 407,
    basis: 'assumed',
    references: ['labourDaily'],
    explanation: {
      zh: '编制保持407人：离职一人补一人，培训期人员计入编制。',
      en: 'The payroll is kept at 407: each leaver is replaced, trainees counted within the 407.',
    },
  },
  'workforce.initialTenureMonths': {
    value: 24,
    basis: 'assumed',
    references: [],
    explanation: {
      zh: '年初人员均已过新人期（中心自2001年运行，2019年运营方更换时保留原团队）。',
      en: 'The first staff are past their first months (the center has run since 2001; the 2019 change of operator kept the team).',
    },
  },
  'workforce.annualTurnover': {
    value: 0.2,
    basis: 'sourcedAndAssumed',
    references: ['turnover', 'transformation'],
    explanation: {
      zh: '管理良好的呼叫中心年流失20–30%；上海12333团队“人员流失可控”，取下限20%。',
      en: 'Well-run centers lose 20-30% of their staff a year; the Shanghai team is described as stable, so the low end, 20%.',
    },
  },
  'workforce.hiring.policy': {
    value: 'backfill',
    basis: 'assumed',
    references: [],
    explanation: {
      zh: '外包合同按固定团队结算，离职即补。',
      en: 'The outsourcing contract is settled on a fixed team, so every leaver is replaced.',
    },
  },
  'workforce.hiring.recruitmentLagDays': {
    value: 30,
    basis: 'assumed',
    references: [],
    explanation: {
      zh: '从离职到新人入职约一个月（无公开数字）。',
      en: 'About a month from a leaver to the new hire (no figure found).',
    },
  },
  'workforce.hiring.trainingDays': {
    value: 182,
    basis: 'sourced',
    references: ['training'],
    explanation: {
      zh: '上海12333咨询员上岗前集中培训半年、经8次考试。',
      en: 'Shanghai 12333 consultants train for half a year, with 8 exams, before taking calls.',
    },
  },
  'workforce.learningCurve': {
    value: [
      { month: 1, handleTimeMultiplier: 1.3, qaPassRate: 0.95, satisfactionPenalty: 0.02 },
      { month: 2, handleTimeMultiplier: 1.15, qaPassRate: 0.95, satisfactionPenalty: 0.02 },
      { month: 3, handleTimeMultiplier: 1.05, qaPassRate: 0.95, satisfactionPenalty: 0.02 },
      { month: 4, handleTimeMultiplier: 1, qaPassRate: 0.99, satisfactionPenalty: 0 },
    ],
    basis: 'sourcedAndAssumed',
    references: ['transformation'],
    explanation: {
      zh: '2019年全中心质检合格率98%有报道；新人前三个月较慢、质检与满意度较低的幅度为假设。',
      en: 'A center-wide QA pass rate of 98% in 2019 is reported; how much slower and less accurate new staff are in their first three months is assumed.',
    },
  },
  'workforce.plannedLiveAgents': {
    value: 407,
    basis: 'derived',
    references: [],
    explanation: {
      zh: '排班表按407人全部在岗编制；在岗人数减少时各时段座席按比例减少。',
      en: 'The staffing table assumes all 407 on the phones; fewer live staff thin every interval in proportion.',
    },
  },
  faults: {
    value: {
      levels: [
        {
          level: 1,
          ratePerYear: 1,
          responseMinutes: { kind: 'exponential', meanMinutes: 4 },
          repairMinutes: { kind: 'lognormal', meanMinutes: 60, cv: 0.5 },
          capacityLost: 1,
          responseDeadlineMinutes: 10,
          repairDeadlineMinutes: 90,
        },
        {
          level: 2,
          ratePerYear: 4,
          responseMinutes: { kind: 'exponential', meanMinutes: 4 },
          repairMinutes: { kind: 'lognormal', meanMinutes: 120, cv: 0.5 },
          capacityLost: 0.5,
          responseDeadlineMinutes: 10,
          repairDeadlineMinutes: 180,
        },
        {
          level: 3,
          ratePerYear: 12,
          responseMinutes: { kind: 'exponential', meanMinutes: 4 },
          repairMinutes: { kind: 'lognormal', meanMinutes: 480, cv: 0.5 },
          capacityLost: 0.1,
          responseDeadlineMinutes: 10,
          repairDeadlineMinutes: 1440,
        },
      ],
    },
    basis: 'sourcedAndAssumed',
    references: ['seed'],
    explanation: {
      zh: '各级故障的响应与修复时限来自绩效目标表；故障次数、时长与影响座席比例未找到公开数字，为假设。',
      en: 'The response and repair deadlines come from the target tables; how often faults happen, how long they last and how many seats they take are assumed (no figure found).',
    },
  },
  'survey.responseProbability': {
    value: 0.35,
    basis: 'assumed',
    references: [],
    explanation: {
      zh: '约三分之一来电者参加回访评价（无公开数字）。',
      en: 'About a third of callers answer the survey (no figure found).',
    },
  },
  'survey.satisfactionCurve': {
    value: [
      { waitSeconds: 30, satisfied: 0.995 },
      { waitSeconds: 300, satisfied: 0.95 },
    ],
    basis: 'sourcedAndAssumed',
    references: ['transformation'],
    explanation: {
      zh: '2019年满意度99%有报道；满意度随等待时间下降的形状为假设。',
      en: 'Satisfaction of 99% in 2019 is reported; how it falls with the wait is assumed.',
    },
  },
  'survey.penaltyPerExtraAttempt': {
    value: 0.01,
    basis: 'assumed',
    references: [],
    explanation: {
      zh: '需要重拨的来电者满意度略低（无公开数字）。',
      en: 'A caller who had to redial is a little less pleased (no figure found).',
    },
  },
  'survey.satisfiedShareOfPositive': {
    value: 0.85,
    basis: 'assumed',
    references: [],
    explanation: {
      zh: '不影响综合满意度（满意与基本满意之和），仅用于细分。',
      en: 'It does not change the overall satisfaction (satisfied plus basically satisfied); it only splits it.',
    },
  },
  'survey.complaintsPerAnsweredCall': {
    value: 0.000005,
    basis: 'sourcedAndAssumed',
    references: ['transformation'],
    explanation: {
      zh: '2019年投诉率低于十万分之一有报道；以接通量为分母为假设。',
      en: 'Complaints below 1 in 100,000 in 2019 are reported; counting them per call answered is assumed.',
    },
  },
  'survey.qaSampleShare': {
    value: 0.02,
    basis: 'assumed',
    references: [],
    explanation: {
      zh: '足以使月度质检合格率精确到约1个百分点（无公开数字）。',
      en: 'Enough for a monthly pass rate to about a point (no figure found).',
    },
  },
  'survey.reviewMinutesPerDissatisfied': {
    value: 15,
    basis: 'assumed',
    references: ['seed'],
    explanation: {
      zh: '目标表要求不满意电话当月全部抽检；每通听取并记录约15分钟为假设。',
      en: 'The target table asks for every dissatisfied call to be reviewed in its month; 15 minutes to listen and note each is assumed.',
    },
  },
  answerWithinSeconds: {
    value: 15,
    basis: 'sourced',
    references: ['gbt33358'],
    explanation: {
      zh: '国家标准要求政府热线15秒内接听。',
      en: 'The national standard asks government hotlines to answer within 15 s.',
    },
  },
  targets: {
    value: { file: '../targets/shanghai-12333-2020.json', answerRateDefinition: 'perAttempt' },
    basis: 'sourced',
    references: ['seed'],
    explanation: {
      zh: '12333热线咨询平台项目2020年绩效目标表全部指标。',
      en: 'Every indicator of the 12333 platform’s 2020 performance-target table.',
    },
  },
  budget: {
    value: {
      seatRentalYuan: 50932600,
      managementFeeYuan: 4137700,
      statedTotalYuan: 55070152,
      previousYearTotalYuan: 70785200,
    },
    basis: 'sourced',
    references: ['seed'],
    explanation: {
      zh: '2020年预算及上年预算；两项明细之和比申报合计多148元。',
      en: 'The 2020 budget and the previous year’s; the two lines add up to 148 yuan more than the stated total.',
    },
  },
};

/** Two JSON values equal (objects by their keys, in any order). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * A source note as a reader's sentence: file paths, the facts file's section
 * marks and the tags of the notes ([S], [A], [D]) taken out.
 *
 * @param note the note as the scenario file writes it
 * @returns the note without them
 * @example
 * plainSourceNote('FACTS.md §7.1: Mon 1.20 [A, no Shanghai source]; they average 1 (sim/model/x.ts).');
 * // => 'Mon 1.20; they average 1.'
 */
export function plainSourceNote(note: string): string {
  return note
    .replace(/\s*\((?:[^()]*\/)?[\w.-]+\.(?:ts|md|json|csv)[^()]*\)/g, '')
    .replace(/,\s*\.\.\/shared\/seed\/\s*\)/g, ')')
    .replace(/\.\.\/shared\/seed\/|seed\/README\.md/g, '')
    .replace(/FACTS(?:\.md)?\s*(?:§[\d.]+(?:\s*(?:and|\/)\s*§?[\d.]+)*)?:?\s*/g, '')
    .replace(/\s*\[(?:S|A|D|S\/A|D\/A)(?:[,:][^\]]*)?\]/g, '')
    .replace(/\bsim\/[\w/.]+\b/g, '')
    .replace(/\(\s*[,;]?\s*\)/g, '')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** How a free-text note grounds its value, from its tags and words. */
function basisOf(note: string): AssumptionBasis {
  const sourced = /\[S|\bSEED\b|GB\/T|国办发明电/.test(note);
  const assumed = /assumed|\[A/.test(note);
  if (sourced && assumed) return 'sourcedAndAssumed';
  if (sourced) return 'sourced';
  if (/[Dd]erived|\[D/.test(note)) return 'derived';
  return 'assumed';
}

/**
 * Every parameter a scenario file gives a source for, in plain language
 * (before the references are numbered; `numberReferences` does that).
 *
 * @param data the file's data (`ScenarioFile.meta.data`)
 * @param sources its source notes by JSON path (`ScenarioFile.meta.sources`)
 * @returns one draft per source note, in the file's order
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * scenarioAssumptions(file.meta.data, file.meta.sources)[1]?.value.en;
 * // => 'about 29,410 calls a day (annual mean), 25,000 of them asking for an agent'
 */
export function scenarioAssumptions(
  data: unknown,
  sources: Readonly<Record<string, string>>,
): AssumptionDraft[] {
  return Object.entries(sources).map(([parameter, note]) => {
    const value = valueAtPath(data, parameter);
    const written = WRITTEN[parameter];
    const label = LABELS[parameter] ?? both(parameter);
    const values = valueWords(parameter, data);
    if (written !== undefined && sameJson(written.value, value)) {
      return {
        parameter,
        label: { ...label },
        value: values,
        basis: written.basis,
        references: [...written.references],
        explanation: { ...written.explanation },
      };
    }
    const plain = plainSourceNote(note);
    return {
      parameter,
      label: { ...label },
      value: values,
      basis: basisOf(note),
      references: referencesIn(note),
      explanation: { zh: `（说明见英文）`, en: plain },
    };
  });
}

/**
 * Number the references the assumptions cite, in the order they are first
 * cited, and give each assumption its citation numbers.
 *
 * @param drafts the assumptions with their reference keys
 * @returns the assumptions for the report and the reference list
 * @example
 * const text = { zh: '15 秒', en: '15 s' };
 * const { assumptions, references } = numberReferences([
 *   { parameter: 'answerWithinSeconds', label: text, value: text, basis: 'sourced', references: ['gbt33358'], explanation: text },
 * ]);
 * [assumptions[0]?.citations, references[0]?.key]; // => [[1], 'gbt33358']
 */
export function numberReferences(drafts: readonly AssumptionDraft[]): {
  assumptions: ReportAssumption[];
  references: ReportReference[];
} {
  const order: ReferenceKey[] = [];
  for (const draft of drafts) for (const key of draft.references) if (!order.includes(key)) order.push(key);
  const numberOf = (key: ReferenceKey): number => order.indexOf(key) + 1;
  return {
    assumptions: drafts.map((draft) => ({
      parameter: draft.parameter,
      label: { ...draft.label },
      value: { ...draft.value },
      basis: draft.basis,
      citations: draft.references.map(numberOf),
      explanation: { ...draft.explanation },
    })),
    references: order.map((key, i) => ({
      number: i + 1,
      key,
      text: { ...REFERENCES[key].text },
      url: REFERENCES[key].url,
    })),
  };
}
