import { describe, expect, it } from 'vitest';
import { answerRateAgainstAgentsChart } from '../../sim/chart/answerRateAgainstAgentsChart.js';
import { renderSvg } from '../../sim/chart/renderSvg.js';
import { show } from '../../sim/chart/show.js';
import { staffingByHalfHourChart } from '../../sim/chart/staffingByHalfHourChart.js';
import { VEGA_LITE_SCHEMA } from '../../sim/chart/vegaLiteVersion.js';
import { expectCompiles, expectGolden } from './golden.js';

// Made-up sweep values (not model output): two models, three agent counts.
const sweepRows = [
  { agents: 10, model: 'Erlang C', answerRate: 1, serviceLevel: 0.42 },
  { agents: 11, model: 'Erlang C', answerRate: 1, serviceLevel: 0.71 },
  { agents: 12, model: 'Erlang C', answerRate: 1, serviceLevel: 0.86 },
  { agents: 10, model: 'Erlang A', answerRate: 0.88, serviceLevel: 0.55 },
  { agents: 11, model: 'Erlang A', answerRate: 0.94, serviceLevel: 0.74 },
  { agents: 12, model: 'Erlang A', answerRate: 0.97, serviceLevel: 0.87 },
];
const sweepTargets = { answerRate: 0.8, serviceLevel: 0.8, answerWithinSeconds: 15 };

// Made-up plan (not model output): four half hours around 09:00.
const planRows = [
  { intervalStart: '08:00', requiredAgents: 120, scheduledStaff: 172 },
  { intervalStart: '08:30', requiredAgents: 180, scheduledStaff: 258 },
  { intervalStart: '09:00', requiredAgents: 260, scheduledStaff: 372 },
  { intervalStart: '09:30', requiredAgents: 275, scheduledStaff: 393 },
];

describe('answerRateAgainstAgentsChart', () => {
  const spec = answerRateAgainstAgentsChart(sweepRows, sweepTargets);

  it('returns the committed spec', () => {
    expectGolden('answerRateAgainstAgentsChart.vl.json', spec);
  });

  it('is a valid Vega-Lite 6 spec (vega-lite compiles it)', () => {
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expectCompiles(spec);
  });

  it('copies the rows, so later changes to the input do not change the chart', () => {
    const rows = sweepRows.map((row) => ({ ...row }));
    const copy = answerRateAgainstAgentsChart(rows, sweepTargets);
    rows[0]!.answerRate = 0;
    expect((copy.data as { values: { answerRate: number }[] }).values[0]!.answerRate).toBe(1);
  });

  it('renders to SVG with both axis titles, the threshold and the legend', async () => {
    const svg = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Agents on the phones');
    expect(svg).toContain('Answer rate');
    expect(svg).toContain('Service level (15 s)');
    expect(svg).toContain('answered within 15 s / offered');
    expect(svg).toContain('Erlang A');
  });
});

describe('staffingByHalfHourChart', () => {
  const spec = staffingByHalfHourChart(planRows, { seats: 359 });

  it('returns the committed spec', () => {
    expectGolden('staffingByHalfHourChart.vl.json', spec);
  });

  it('is a valid Vega-Lite 6 spec, with or without the seats rule', () => {
    expectCompiles(spec);
    const noSeats = staffingByHalfHourChart(planRows);
    expect((noSeats.layer as unknown[]).length).toBe(2);
    expectCompiles(noSeats);
  });

  it('renders to SVG with the axis titles and the seats label', async () => {
    const svg = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Start of the half hour');
    expect(svg).toContain('Agents');
    expect(svg).toContain('座席 Seats (359)');
  });

  // Made-up plan (not model output): planned agents short of the requirement at 09:00 and 09:30.
  const withPlan = planRows.map((row, i) => ({ ...row, plannedAgents: [130, 180, 250, 260][i]! }));
  const planned = staffingByHalfHourChart(withPlan, { seats: 359 });

  it('draws planned against required, the shortfalls in red, and counts them in the subtitle', async () => {
    expectGolden('staffingByHalfHourChart.planned.vl.json', planned);
    expectCompiles(planned);
    // By hand: 09:00 is 10 short (260 - 250), 09:30 is 15 short (275 - 260); 08:00 and 08:30 are covered.
    expect((planned.title as { subtitle: string }).subtitle).toBe(
      'Under-covered: 2 of 4 intervals, 25 agent-intervals short',
    );
    const shortLayer = (planned.layer as { transform?: { filter: string }[]; encoding: object }[])[1]!;
    expect(shortLayer.transform?.[0]?.filter).toContain('datum.plannedAgents < datum.requiredAgents');
    expect(shortLayer.encoding).toMatchObject({
      y: { field: 'plannedAgents' },
      y2: { field: 'requiredAgents' },
    });
    const svg = await renderSvg(planned);
    expect(svg).toContain('缺口 Under-coverage (planned &lt; required)');
    expect(svg).toContain('计划 Agents planned on the phones');
    // Red fills: one bar per under-covered interval (2) and the legend's symbol (1).
    expect(svg.match(/fill="#d62728"/g)?.length).toBe(3);
  });

  it('draws no plan, no shortfall and no subtitle when no row has planned agents', () => {
    const plain = staffingByHalfHourChart(planRows);
    expect(typeof plain.title).toBe('string');
    expect(JSON.stringify(plain)).not.toContain('plannedAgents');
  });
});

describe('renderSvg and show outside a notebook', () => {
  it('renderSvg rejects an invalid spec instead of drawing nothing', async () => {
    await expect(renderSvg({ $schema: VEGA_LITE_SCHEMA, mark: 'no-such-mark' })).rejects.toThrow();
  });

  it('show works outside a notebook: it draws, displays nothing and returns nothing', async () => {
    await expect(show(staffingByHalfHourChart(planRows))).resolves.toBeUndefined();
  });

  it('show still rejects an invalid spec outside a notebook', async () => {
    await expect(show({ $schema: VEGA_LITE_SCHEMA, mark: 'no-such-mark' })).rejects.toThrow();
  });
});
