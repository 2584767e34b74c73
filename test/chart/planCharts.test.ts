import { describe, expect, it } from 'vitest';
import { budgetFrontierChart } from '../../sim/chart/budgetFrontierChart.js';
import type { BudgetFrontierPoint } from '../../sim/chart/budgetFrontierChart.js';
import { renderSvg } from '../../sim/chart/renderSvg.js';
import { satisfactionCurveChart } from '../../sim/chart/satisfactionCurveChart.js';
import { ASSUMPTION_LABELS, tornadoChart } from '../../sim/chart/tornadoChart.js';
import { DEFAULT_SATISFACTION } from '../../sim/model/satisfaction.js';
import type { BudgetEvaluation } from '../../sim/plan/leastBudget.js';
import { tornado } from '../../sim/plan/sensitivity.js';
import type { SensitivityRow } from '../../sim/plan/sensitivity.js';
import type { FrontierPoint } from '../../sim/plan/sweep.js';
import { expectCompiles, expectGolden, svgTexts } from './golden.js';

// Made-up estimates (not model output): a probability and an interval around it.
function estimate(probability: number, low: number, high: number) {
  return { successes: Math.round(probability * 20), trials: 20, probability, low, high };
}

// The budgets leastBudget tried, and the frontier of a sweep, are accepted as they are.
const fromLeastBudget: readonly BudgetFrontierPoint[] = [] as BudgetEvaluation[];
const fromSweep: readonly BudgetFrontierPoint[] = [] as FrontierPoint[];

// Made-up budgets tried (not model output), out of order on purpose.
const evaluations = [
  {
    seats: 330,
    totalYuan: 48_500_000,
    replications: 20,
    probability: estimate(0.95, 0.76, 0.99),
    meets: true,
  },
  {
    seats: 300,
    totalYuan: 44_000_000,
    replications: 20,
    probability: estimate(0.4, 0.22, 0.61),
    meets: false,
  },
  { seats: 320, totalYuan: 47_012_345, replications: 20, probability: estimate(0.9, 0.7, 0.97), meets: true },
];

describe('budgetFrontierChart', () => {
  const spec = budgetFrontierChart(evaluations, {
    confidence: 0.9,
    references: [{ label: '2020 预算 2020 budget', yuan: 55_070_152 }],
  });

  it('returns the committed spec, which vega-lite compiles without a warning', () => {
    expect([...fromLeastBudget, ...fromSweep]).toEqual([]);
    expectGolden('budgetFrontierChart.vl.json', spec);
    expectCompiles(spec);
  });

  it('puts the budgets in order, in million yuan, with their intervals (exact, by hand)', () => {
    expect((spec.data as { values: unknown[] }).values).toEqual([
      { budgetMillionYuan: 44, probability: 0.4, low: 0.22, high: 0.61, meets: false, seats: 300 },
      { budgetMillionYuan: 47.0123, probability: 0.9, low: 0.7, high: 0.97, meets: true, seats: 320 },
      { budgetMillionYuan: 48.5, probability: 0.95, low: 0.76, high: 0.99, meets: true, seats: 330 },
    ]);
  });

  it('marks the required probability, the least budget meeting it and the reference budgets', async () => {
    const datums = (
      spec.layer as { mark: { type: string }; encoding: { x?: { datum?: number }; y?: { datum?: number } } }[]
    )
      .filter((layer) => layer.mark.type === 'rule')
      .map((layer) => layer.encoding.x?.datum ?? layer.encoding.y?.datum);
    // 0.9 across; 47.0123 M, the least budget that meets it; 55.0702 M, the 2020 budget (55,070,152 yuan to 100 yuan).
    expect(datums).toEqual([undefined, 0.9, 47.0123, 55.0702]);
    const texts = svgTexts(await renderSvg(spec));
    expect(texts).toContain('要求 Required 90%');
    expect(texts).toContain('最低预算 Least budget 47.01 M');
    expect(texts).toContain('2020 预算 2020 budget 55.07 M');
    expect(texts).toContain('预算 Budget (million yuan)');
    expect(texts).toContain('未达标 Below it');
  });

  it('marks the least budget given, or none when no budget meets the targets', () => {
    const given = budgetFrontierChart(evaluations, { confidence: 0.9, leastYuan: 48_500_000 });
    expect(JSON.stringify(given)).toContain('最低预算 Least budget 48.50 M');
    const none = budgetFrontierChart([evaluations[1]!], { confidence: 0.9 });
    expect(JSON.stringify(none)).not.toContain('Least budget');
    expectCompiles(none);
  });

  it('refuses a confidence outside [0, 1] and an interval that does not hold its probability', () => {
    expect(() => budgetFrontierChart(evaluations, { confidence: 90 })).toThrow(
      'budgetFrontierChart: confidence must be in [0, 1] (got 90)',
    );
    expect(() =>
      budgetFrontierChart([{ totalYuan: 1, probability: { probability: 0.5, low: 0.6, high: 0.7 } }], {
        confidence: 0.9,
      }),
    ).toThrow(RangeError);
  });
});

// Made-up sensitivity rows (not model output): volume moves the plan most, redials least.
function row(assumption: SensitivityRow['assumption'], factor: number, probability: number): SensitivityRow {
  const mean = 0.8 + (probability - 0.9) / 10;
  return {
    assumption,
    factor,
    probability: estimate(probability, Math.max(0, probability - 0.1), Math.min(1, probability + 0.05)),
    answerRate: {
      n: 20,
      mean,
      sd: 0.01,
      ciLow: mean - 0.004,
      ciHigh: mean + 0.004,
      p05: mean - 0.02,
      p95: mean + 0.02,
    },
  };
}
const sensitivityRows = [
  row('baseline', 1, 0.9),
  row('volume', 0.8, 1),
  row('volume', 0.9, 0.98),
  row('volume', 1.1, 0.5),
  row('volume', 1.2, 0.1),
  row('handle', 0.9, 0.99),
  row('handle', 1.1, 0.6),
  row('redialProbability', 0.9, 0.91),
  row('redialProbability', 1.1, 0.88),
];

describe('tornadoChart', () => {
  const spec = tornadoChart(sensitivityRows);

  it('returns the committed spec, which vega-lite compiles without a warning', () => {
    expectGolden('tornadoChart.vl.json', spec);
    expectCompiles(spec);
  });

  it('keeps the extreme factors of each assumption, sorted by swing, with bars from the baseline', () => {
    const values = (spec.data as { values: { assumption: string; factor: string; value: number }[] }).values;
    expect(values.map((value) => `${value.assumption} ${value.factor}`)).toEqual([
      `${ASSUMPTION_LABELS.volume} ×0.8`,
      `${ASSUMPTION_LABELS.volume} ×1.2`,
      `${ASSUMPTION_LABELS.handle} ×0.9`,
      `${ASSUMPTION_LABELS.handle} ×1.1`,
      `${ASSUMPTION_LABELS.redialProbability} ×0.9`,
      `${ASSUMPTION_LABELS.redialProbability} ×1.1`,
    ]);
    const bars = (spec.layer as { encoding: { x2?: { datum?: number }; y?: { sort?: string[] } } }[])[0]!;
    expect(bars.encoding.x2?.datum).toBe(0.9);
    // Swings, by hand: volume 1 - 0.1 = 0.9, handle 0.99 - 0.6 = 0.39, redial 0.91 - 0.88 = 0.03.
    expect(bars.encoding.y?.sort).toEqual([
      ASSUMPTION_LABELS.volume,
      ASSUMPTION_LABELS.handle,
      ASSUMPTION_LABELS.redialProbability,
    ]);
  });

  it('renders the assumptions, the factors and the baseline as text', async () => {
    const texts = svgTexts(await renderSvg(spec));
    expect(texts).toContain('话务量 Call volume');
    expect(texts).toContain('×1.2');
    expect(texts).toContain('基准 Baseline 90%');
    expect(texts).toContain('调高 Assumption raised');
  });

  it('orders the assumptions as tornado() does, by the range over every factor tried', () => {
    // Made-up, not monotone: patience at x0.9 falls to 0.5 though both its extremes equal the baseline,
    // so its swing (0.9 - 0.5 = 0.4) puts it above handle time (0.99 - 0.6 = 0.39).
    const bumpy = [
      ...sensitivityRows,
      row('patience', 0.8, 0.9),
      row('patience', 0.9, 0.5),
      row('patience', 1.2, 0.9),
    ];
    const order = (tornadoChart(bumpy).layer as { encoding: { y?: { sort?: string[] } } }[])[0]!.encoding.y
      ?.sort;
    expect(order).toEqual(tornado(bumpy, 'probability').map((bar) => ASSUMPTION_LABELS[bar.assumption]));
    expect(order).toEqual([
      ASSUMPTION_LABELS.volume,
      ASSUMPTION_LABELS.patience,
      ASSUMPTION_LABELS.handle,
      ASSUMPTION_LABELS.redialProbability,
    ]);
  });

  it('labels every assumption varied, one without a label by its key', () => {
    const more = [
      ...sensitivityRows,
      row('turnover' as SensitivityRow['assumption'], 1.2, 0.7),
      row('someNewAssumption' as SensitivityRow['assumption'], 1.1, 0.85),
    ];
    const labels = (tornadoChart(more).data as { values: { assumption: string }[] }).values.map(
      (v) => v.assumption,
    );
    expect(labels).toContain('人员流失 Staff turnover');
    expect(labels).toContain('someNewAssumption');
  });

  it('measures the answer rate when asked, and needs a baseline row', () => {
    const answer = tornadoChart(sensitivityRows, { measure: 'answerRate' });
    expectCompiles(answer);
    // Exact, by hand: the baseline answer rate is 0.8 + (0.9 - 0.9) / 10.
    expect((answer.layer as { encoding: { x2?: { datum?: number } } }[])[0]!.encoding.x2?.datum).toBe(0.8);
    expect(() => tornadoChart(sensitivityRows.slice(1))).toThrow(
      'tornadoChart: need the baseline row with a value for probability (got 8 rows without one)',
    );
  });
});

// Made-up survey bands (not survey data), those of fitSatisfactionCurve's example.
const bands = [
  { waitFromSeconds: 0, waitToSeconds: 30, respondents: 1000, satisfied: 994 },
  { waitFromSeconds: 30, waitToSeconds: 120, respondents: 500, satisfied: 490 },
  { waitFromSeconds: 120, waitToSeconds: 600, respondents: 200, satisfied: 191 },
];

describe('satisfactionCurveChart', () => {
  const spec = satisfactionCurveChart(DEFAULT_SATISFACTION, bands, { target: 0.97 });

  it('returns the committed spec, which vega-lite compiles without a warning', () => {
    expectGolden('satisfactionCurveChart.vl.json', spec);
    expectCompiles(spec);
    expectCompiles(satisfactionCurveChart(DEFAULT_SATISFACTION));
  });

  it('draws the curve flat outside its knots, and each band at its middle (exact, by hand)', () => {
    const [curve, , points] = spec.layer as { data: { values: unknown[] } }[];
    // DEFAULT_SATISFACTION: 0.995 up to 30 s, 0.95 from 300 s; the axis runs to 600 s.
    expect(curve!.data.values).toEqual([
      { waitSeconds: 0, satisfied: 0.995 },
      { waitSeconds: 30, satisfied: 0.995 },
      { waitSeconds: 300, satisfied: 0.95 },
      { waitSeconds: 600, satisfied: 0.95 },
    ]);
    expect(points!.data.values).toEqual([
      { from: 0, to: 30, middle: 15, share: 0.994, respondents: 1000 },
      { from: 30, to: 120, middle: 75, share: 0.98, respondents: 500 },
      { from: 120, to: 600, middle: 360, share: 0.955, respondents: 200 },
    ]);
  });

  it('renders the axis titles, the legend and the target as text', async () => {
    const texts = svgTexts(await renderSvg(spec));
    expect(texts).toContain('等待时间 Wait before the answer (s)');
    expect(texts).toContain('满意率 Satisfied or basically satisfied');
    expect(texts).toContain('调查 Survey, by wait band (size: respondents)');
    expect(texts.filter((text) => text === '目标 Target 97%').length).toBe(1);
  });

  it('refuses a band with more satisfied than respondents', () => {
    expect(() =>
      satisfactionCurveChart(DEFAULT_SATISFACTION, [
        { waitFromSeconds: 0, waitToSeconds: 30, respondents: 10, satisfied: 11 },
      ]),
    ).toThrow(
      'satisfactionCurveChart: a band needs from < to and 0 <= satisfied <= respondents, respondents > 0 (got 0-30 s, 11 of 10)',
    );
  });
});
