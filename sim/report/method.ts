/*
 * The report's method section (how the figures were made, the definitions,
 * the validation evidence) and its risks section (what could make the plan
 * fail, and the sensitivity run), in Chinese and English.
 */
import { ASSUMPTION_NAMES } from '../chart/tornadoChart.js';
import { formatPercent } from '../core/format.js';
import type { AnswerRateDefinition } from '../core/targets.js';
import { KPI_DEFINITIONS } from '../model/kpis.js';
import type { Kpis, Scenario } from '../model/types.js';
import type { ReplicationResult } from '../plan/replicate.js';
import type { SensitivityRow } from '../plan/sensitivity.js';
import { probabilityText, quarterLabel, rowValue } from './format.js';
import type {
  Bilingual,
  RealCallCenterCheck,
  ReportMethod,
  ReportRisks,
  ReportTargetRow,
  TheoryCheck,
} from './types.js';

/** The standing evidence in the test suite (test/validation), in words. */
const VALIDATION_TESTS: ReportMethod['tests'] = [
  {
    file: 'test/validation/queue-vs-theory.validation.test.ts',
    checks: {
      zh: '模拟器与 Erlang B、C、A 精确值（M/M/c、M/M/c/c、M/M/c+M）按置信区间对照',
      en: 'the simulator against Erlang B, C and A (M/M/c, M/M/c/c, M/M/c+M) by confidence intervals',
    },
  },
  {
    file: 'test/validation/redials-vs-retrialEquilibrium.validation.test.ts',
    checks: { zh: '重拨与重拨平衡的解析解对照', en: 'redials against the analytic retrial fixed point' },
  },
  {
    file: 'test/validation/determinism.validation.test.ts',
    checks: {
      zh: '同一种子下，无论使用多少线程，结果完全一致',
      en: 'identical results for a seed whatever the number of worker threads',
    },
  },
  {
    file: 'test/validation/bank.validation.test.ts',
    checks: {
      zh: '以真实银行呼叫中心（Anonymous Bank）1999 年 2 月 1–14 日标定，仅凭来电量与排班预测 15–28 日，逐小时对照（留出检验）',
      en: 'calibrated on 1-14 February 1999 of a real bank call center (Anonymous Bank), 15-28 February predicted from their calls and agents only, compared hour by hour (held out)',
    },
  },
];

const ANSWER_RATE_WORDS: Readonly<Record<AnswerRateDefinition, Bilingual>> = {
  perAttempt: {
    zh: '按每次呼叫计（人工接通的呼叫 / 进入人工队列的呼叫，重拨再计）',
    en: 'per attempt (attempts answered by an agent / attempts offered, redials counted again)',
  },
  perCaller: {
    zh: '按来电者计（最终接通的来电者 / 来电者）',
    en: 'per caller (callers answered at some attempt / callers)',
  },
  includingSelfService: {
    zh: '含自助服务（人工接通与自助完成 / 全部来电）',
    en: 'counting self-service as connected ((answered + finished in self-service) / all calls)',
  },
};

/** What the method section is made from. */
export interface MethodInputs {
  scenario: Scenario;
  result: ReplicationResult;
  definition: AnswerRateDefinition | null;
  theory: TheoryCheck | null;
  realCallCenter: RealCallCenterCheck | null;
  notes: readonly Bilingual[];
}

/**
 * The report's name of each KPI and its definition in Chinese, in the order
 * the definitions list them; the English definition is `KPI_DEFINITIONS`'
 * numerator over denominator. `{t}` is the service-level threshold, seconds.
 */
const KPI_TERMS: { readonly [K in keyof Kpis]: { zh: string; en: string; definition: string } } = {
  answerRate: { zh: '接通率', en: 'answer rate (per attempt)', definition: '人工接通的呼叫 / 呼入量' },
  callerAnswerRate: {
    zh: '来电者接通率',
    en: 'answer rate per caller',
    definition: '在某一次尝试中被接通的首次来电者 / 首次来电者',
  },
  answerRateIncludingSelfService: {
    zh: '含自助接通率',
    en: 'answer rate including self-service',
    definition: '（人工接通的呼叫 + 自助服务办结的呼叫）/（呼入量 + 自助服务办结的呼叫）',
  },
  abandonRate: { zh: '放弃率', en: 'abandon rate', definition: '等待中挂机的呼叫 / 呼入量' },
  blockRate: {
    zh: '忙音率',
    en: 'block rate',
    definition: '听到忙音的呼叫（排队已满，或该时段无座席在岗）/ 呼入量',
  },
  faultLossRate: {
    zh: '故障损失率',
    en: 'fault loss rate',
    definition: '因平台故障损失的呼叫（故障期间到达，或故障发生时正在等待）/ 呼入量',
  },
  probWait: { zh: '排队率', en: 'P(wait)', definition: '无空闲座席而需等待的呼叫 / 呼入量' },
  serviceLevel: { zh: '服务水平', en: 'service level', definition: '{t} 秒内接通的呼叫 / 呼入量' },
  serviceLevelOfAnswered: {
    zh: '已接通服务水平',
    en: 'service level of answered',
    definition: '{t} 秒内接通的呼叫 / 接通的呼叫',
  },
  serviceLevelExcludingShortAbandons: {
    zh: '剔除短时放弃的服务水平',
    en: 'service level, short abandons excluded',
    definition: '{t} 秒内接通的呼叫 /（呼入量 − 占线 − {t} 秒内放弃的呼叫）',
  },
  asaSeconds: { zh: '平均应答时间', en: 'ASA', definition: '接通呼叫的等待时间之和 / 接通的呼叫（秒）' },
  meanWaitSeconds: {
    zh: '平均等待时间',
    en: 'mean wait',
    definition: '接通与放弃呼叫的等待时间之和 / 接通与放弃的呼叫（秒）',
  },
  occupancy: {
    zh: '座席占用率',
    en: 'occupancy',
    definition: '座席忙碌时间 / 座席可用时间（在线时间，加上班次结束后处理完最后一通电话的加班时间）',
  },
  meanQueueLength: {
    zh: '平均排队长度',
    en: 'mean queue length',
    definition: '来电者等待时间之和 / 测量时长（人）',
  },
  satisfaction: {
    zh: '满意度',
    en: 'satisfaction',
    definition: '回访中满意与基本满意的人数 / 回访应答人数',
  },
  complaintRate: {
    zh: '投诉率',
    en: 'complaint rate',
    definition: '投诉件数（每通接通电话至多一件）/ 接通的呼叫（情景含回访时）',
  },
  qaPassRate: { zh: '质检合格率', en: 'QA pass rate', definition: '质检合格的通话 / 抽检的接通通话' },
};

/**
 * The method section: how the figures were made, the definitions, and the
 * validation against theory and against a real call center.
 *
 * @param inputs the scenario simulated, its replications and the checks
 * @returns the section
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const scenario = periodOf(file.scenario, '2020-01-01', 2);
 * const result = await replicate(scenario, { replications: 2, seed: 1, workers: 0 });
 * methodSection({ scenario, result, definition: 'perAttempt', theory: null, realCallCenter: null, notes: [] }).definitions.length; // => 18 (offered and the 17 KPIs)
 */
export function methodSection(inputs: MethodInputs): ReportMethod {
  const { scenario, result } = inputs;
  const t = scenario.answerWithinSeconds;
  const level = formatPercent(result.level, 0);
  const paragraphs: Bilingual[] = [
    {
      zh:
        `对测算期（自 ${scenario.startDate} 起 ${scenario.days} 天，按 ${scenario.intervalMinutes} 分钟分时段）的每一通来电做离散事件模拟：` +
        '来电量按情景逐时段的期望值随机到达，处理时长、等待耐心、重拨与各时段在线座席均按情景设定（见假设与来源）；' +
        '人员流失、招聘与培训，平台故障，以及满意度回访一并模拟。',
      en:
        `Discrete-event simulation of every call of the period (${scenario.days} days from ${scenario.startDate}, ` +
        `${scenario.intervalMinutes}-minute intervals): arrivals at the scenario's expected calls per interval, handle ` +
        'times, patience, redials and agents per interval as the scenario states them (see the assumptions); staff ' +
        'churn, hiring and training, platform faults and the post-call survey are simulated with them.',
    },
    {
      zh:
        `共 ${result.replications} 次独立重复（种子 ${result.seed}；每类随机抽样各用一条命名的随机数流，因此结果与线程数无关，` +
        '各方案之间共用随机数）。预测值为各次重复的均值；90% 区间为各次重复实际值的第 5 至第 95 百分位；' +
        `达标概率为达到目标的重复次数所占比例（季度指标须每个季度均达到），并给出 ${level} Wilson 置信区间。` +
        '比率、服务水平、占用率与排队率的均值区间为各次重复取值上的 logit-t 区间（各次重复均为 0 或 1 时用 Wilson 区间），' +
        '因此始终在 0 与 100% 之间。',
      en:
        `${result.replications} independent replications (seed ${result.seed}; one named random stream per kind of draw, ` +
        'so results do not depend on the number of worker threads and variants share their random numbers). ' +
        'The predicted value is the mean across replications; the 90% range is the 5th to 95th percentile of the ' +
        'realised value across replications; the probability of meeting a target is the share of replications ' +
        `that meet it (in every quarter, for a quarterly target), with its Wilson ${level} interval. Intervals of the ` +
        'mean of a rate, a service level, occupancy or P(wait) are logit-t intervals on the replications’ values ' +
        '(the Wilson interval when every replication gives 0 or 1), so they stay within 0 and 100%.',
    },
    {
      zh: '没有模拟量能够衡量的指标（定性的管理类指标等）记为“未模拟”并说明原因，不计入结论。',
      en: 'Indicators that no simulated quantity measures (qualitative management rules and the like) are shown as "not simulated" with the reason; they are not part of the verdict.',
    },
  ];
  if (inputs.definition) {
    const words = ANSWER_RATE_WORDS[inputs.definition];
    paragraphs.push({
      zh: `接通率目标${words.zh}判定。`,
      en: `The answer-rate target is judged ${words.en}.`,
    });
  }
  const definitions: ReportMethod['definitions'] = [
    {
      term: { zh: '呼入量', en: 'offered' },
      definition: {
        zh:
          '进入人工队列的每一次呼叫（自助服务之后）；重拨再计一次。接通、放弃、占线与因故障损失四部分之和为呼入量' +
          '（减去测算期结束时仍在等待的呼叫），其比率之和为 1',
        en:
          'every call attempt that reaches the queue for an agent (after self-service); redials count again. ' +
          'Answered, abandoned, blocked and lost to faults are parts of it: their four rates sum to 1, less the ' +
          'attempts still waiting when the run ends',
      },
    },
    ...(Object.keys(KPI_TERMS) as (keyof Kpis)[]).map((kpi) => {
      const d = KPI_DEFINITIONS[kpi];
      const unit = d.proportion ? '' : kpi === 'meanQueueLength' ? ', in callers' : ', in seconds';
      return {
        term: { zh: KPI_TERMS[kpi].zh, en: KPI_TERMS[kpi].en },
        definition: {
          zh: KPI_TERMS[kpi].definition.replaceAll('{t}', String(t)),
          en: `${d.numerator} over ${d.denominator}${unit}`.replaceAll('the threshold', `${t} s`),
        },
      };
    }),
  ];
  return {
    paragraphs,
    definitions,
    theory: inputs.theory,
    realCallCenter: inputs.realCallCenter,
    notes: inputs.notes.map((note) => ({ ...note })),
    tests: VALIDATION_TESTS.map((test) => ({ file: test.file, checks: { ...test.checks } })),
  };
}

/** The sensitivity run as `risksSection` takes it. */
export interface SensitivityInput {
  from: string;
  days: number;
  why: Bilingual;
  replications: number;
  seed: number;
  rows: readonly SensitivityRow[];
}

/**
 * The risks section: each measured target whose probability of being met
 * falls short of p (or cannot be told yet), where, and its spread; the
 * targets safe in every quarter; the most sensitive assumption; warnings.
 *
 * @param confidence the probability p
 * @param rows the report's target rows
 * @param sensitivity the sensitivity run, or null
 * @param warnings the simulation's modelling warnings
 * @returns the section
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const report = await makeReport(file, {
 *   replications: 2, seed: 1, days: 2, workers: 0, desk: false, leastBudget: false, theory: false, date: '2019-12-31',
 *   generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * risksSection(0.9, report.targets!.rows, null, []).statements[0]?.en;
 * // => 'performance assessments (target =4): probability of meeting it on the year 0% (0%–66%), against the 90% required; the 90% range is 1 to 1.'
 */
export function risksSection(
  confidence: number,
  rows: readonly ReportTargetRow[],
  sensitivity: SensitivityInput | null,
  warnings: readonly string[],
): ReportRisks {
  const statements: Bilingual[] = [];
  let safe = 0;
  const p = formatPercent(confidence, 0);
  const unproven: ReportTargetRow[] = [];
  for (const row of rows) {
    if (row.status === 'notSimulated' || row.status === 'byConstruction') continue;
    const worst = row.worstQuarter === null ? null : row.quarters[row.worstQuarter];
    const estimate = worst ? worst.probability : row.probability;
    if (!estimate) continue;
    if (estimate.low >= confidence) {
      safe++;
      continue;
    }
    if (row.status === 'undecided' && estimate.probability >= confidence) {
      // Met often enough so far, but too few replications to show it: one sentence for all of them.
      unproven.push(row);
      continue;
    }
    const where = worst
      ? {
          zh: `最弱季度（${quarterLabel(worst.period, 'zh')}）`,
          en: `in its weakest quarter, ${quarterLabel(worst.period, 'en')},`,
        }
      : { zh: '全年', en: 'on the year' };
    const range = (language: 'zh' | 'en'): string =>
      worst && worst.p05 !== null
        ? language === 'zh'
          ? `；该季 90% 区间 ${rowValue(row, worst.p05, 'zh')}–${rowValue(row, worst.p95, 'zh')}`
          : `; that quarter's 90% range is ${rowValue(row, worst.p05, 'en')} to ${rowValue(row, worst.p95, 'en')}`
        : row.p05 !== null
          ? language === 'zh'
            ? `；90% 区间 ${rowValue(row, row.p05, 'zh')}–${rowValue(row, row.p95, 'zh')}`
            : `; the 90% range is ${rowValue(row, row.p05, 'en')} to ${rowValue(row, row.p95, 'en')}`
          : '';
    statements.push({
      zh: `${row.name.zh}（目标 ${row.target}）：${where.zh}达标概率 ${probabilityText(estimate)}，要求 ${p}${range('zh')}。`,
      en: `${row.name.en} (target ${row.target}): probability of meeting it ${where.en} ${probabilityText(estimate)}, against the ${p} required${range('en')}.`,
    });
  }
  if (unproven.length > 0) {
    const most = Math.max(0, ...unproven.map((row) => row.replicationsToDecide ?? 0));
    statements.push({
      zh:
        `${unproven.map((row) => row.name.zh).join('、')}：各次重复中达标的比例不低于 ${p}，但重复次数太少，尚不能证明达标概率不低于 ${p}` +
        (most > 0 ? `（按当前比例约需 ${most} 次重复）` : '') +
        '。',
      en:
        `${unproven.map((row) => row.name.en).join(', ')}: met in at least ${p} of the replications, but too few replications to show a probability of at least ${p}` +
        (most > 0 ? ` (about ${most} would, if the shares held)` : '') +
        '.',
    });
  }
  if (safe > 0) {
    statements.push({
      zh: `另有 ${safe} 项可测算指标在每个季度（或全年）达标概率的区间下限均不低于 ${p}。`,
      en: `${safe} other measured target(s) are met with a probability whose interval lies at or above ${p} in every quarter (or on the year).`,
    });
  }
  const notSimulated = rows.filter((row) => row.status === 'notSimulated').length;
  if (notSimulated > 0) {
    statements.push({
      zh: `${rows.length} 项指标中 ${notSimulated} 项未模拟，本报告不评估其风险。`,
      en: `${notSimulated} of ${rows.length} indicators are not simulated; their risk is not assessed by this report.`,
    });
  }
  let note: Bilingual = { zh: '', en: '' };
  let sens: ReportRisks['sensitivity'] = null;
  if (sensitivity) {
    const baseline = sensitivity.rows.find((row) => row.assumption === 'baseline');
    const varied = sensitivity.rows.filter((row) => row.assumption !== 'baseline');
    const worst = varied.reduce<SensitivityRow | undefined>(
      (w, row) => (w === undefined || row.probability.probability < w.probability.probability ? row : w),
      undefined,
    );
    if (baseline && worst) {
      const name = ASSUMPTION_NAMES[worst.assumption] ?? { zh: worst.assumption, en: worst.assumption };
      const label = { zh: name.zh, en: name.en.toLowerCase() };
      statements.push({
        zh:
          `最敏感的假设（自 ${sensitivity.from} 起 ${sensitivity.days} 天，每项 ${sensitivity.replications} 次重复）：` +
          `${label.zh} ×${worst.factor} 使全部可测算指标达标的概率由 ${formatPercent(baseline.probability.probability, 0)} 变为 ` +
          `${formatPercent(worst.probability.probability, 0)}。`,
        en:
          `Most sensitive (of the variations tried, ${sensitivity.days} days from ${sensitivity.from} x ${sensitivity.replications} ` +
          `replications): ${label.en} x${worst.factor} moves the probability of meeting every measured target from ` +
          `${formatPercent(baseline.probability.probability, 0)} to ${formatPercent(worst.probability.probability, 0)}.`,
      });
    }
    sens = {
      from: sensitivity.from,
      days: sensitivity.days,
      why: { ...sensitivity.why },
      replications: sensitivity.replications,
      seed: sensitivity.seed,
      rows: sensitivity.rows.map((row) => ({
        assumption: row.assumption,
        label: { ...(ASSUMPTION_NAMES[row.assumption] ?? { zh: row.assumption, en: row.assumption }) },
        factor: row.factor,
        probability: { ...row.probability },
        answerRate: row.answerRate?.mean ?? null,
      })),
    };
  } else {
    note = { zh: '本报告未做敏感性分析。', en: 'No sensitivity analysis was run for this report.' };
  }
  if (warnings.length > 0)
    statements.push({
      zh: `模拟给出 ${warnings.length} 条建模警告，列于报告末尾。`,
      en: `The simulation raised ${warnings.length} modelling warning(s), listed at the end.`,
    });
  return { statements, sensitivity: sens, note };
}
