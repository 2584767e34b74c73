import { describe, expect, it } from 'vitest';
import { kpiByPeriodChart } from '../../sim/chart/kpiByPeriodChart.js';
import { renderSvg } from '../../sim/chart/renderSvg.js';
import { weekdayHourHeatmap } from '../../sim/chart/weekdayHourHeatmap.js';
import { exponential } from '../../sim/model/distributions.js';
import type { Scenario } from '../../sim/model/types.js';
import { replicate } from '../../sim/plan/replicate.js';
import { expectCompiles, svgTexts } from './golden.js';

// The charts fed with what the simulator really returns (not made-up rows): a small
// three-day scenario across a quarter boundary, three replications in this thread.
const scenario: Scenario = {
  startDate: '2020-03-30',
  days: 3,
  intervalMinutes: 30,
  arrivals: { kind: 'profile', dailyVolume: 3_000 },
  handle: exponential(200),
  patience: exponential(90),
  redial: { redialProbability: 0.5, maxAttempts: 3, delay: exponential(600) },
  agents: { kind: 'constant', count: 6 },
  answerWithinSeconds: 20,
};

describe('charts of a replicated run', async () => {
  const result = await replicate(scenario, { replications: 3, seed: 5, workers: 0, keepIntervals: true });

  it('draws days, months, quarters and intervals as replicate returns them, without a warning', () => {
    const kinds = [
      ['day', result.days],
      ['month', result.months],
      ['quarter', result.quarters],
      ['interval', result.intervals ?? []],
    ] as const;
    for (const [period, rows] of kinds) {
      const spec = kpiByPeriodChart(rows, {
        kpi: ['answerRate', 'serviceLevel'],
        period,
        targets: { answerRate: 0.8 },
      });
      expectCompiles(spec);
      const values = (spec.data as { values: Record<string, unknown>[] }).values;
      expect(values.length).toBe(rows.length);
      // Each period's mean and 90% range are the summaries' own numbers.
      values.forEach((value, i) => {
        const summary = rows[i]!.kpis.answerRate;
        expect(value.answerRate).toBe(summary?.mean ?? null);
        if (summary) expect([value.answerRateP05, value.answerRateP95]).toEqual([summary.p05, summary.p95]);
      });
    }
    expect(result.intervals?.length).toBe(3 * 48);
    expect(result.quarters.map((quarter) => quarter.period)).toEqual(['2020-Q1', '2020-Q2']);
  });

  it('renders the daily chart with its days as text', async () => {
    const texts = svgTexts(
      await renderSvg(
        kpiByPeriodChart(result.days, { kpi: 'answerRate', period: 'day', targets: { answerRate: 0.8 } }),
      ),
    );
    expect(texts).toContain('31 Mar');
    expect(texts).toContain('目标 Target 80%');
  });

  it('draws the weekday x hour heatmap from its 168 rows', () => {
    const spec = weekdayHourHeatmap(
      result.weekdayHours.map((cell) => ({
        weekday: cell.weekday,
        hour: cell.hour,
        value: cell.kpis.answerRate?.mean ?? null,
      })),
    );
    expectCompiles(spec);
    expect((spec.data as { values: unknown[] }).values.length).toBe(168);
  });
});
