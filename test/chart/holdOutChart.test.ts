import { describe, expect, it } from 'vitest';
import type { HourComparison } from '../../sim/calibrate/holdOut.js';
import { holdOutChart } from '../../sim/chart/holdOutChart.js';
import { renderSvg } from '../../sim/chart/renderSvg.js';
import { expectCompiles, expectGolden, svgTexts } from './golden.js';

// Made-up hours (not model output): 09:00 with 400 calls, 10:00 with 30 (left out under 50).
const hours: HourComparison[] = [
  {
    hour: 9,
    observed: { offered: 400, abandonRate: 0.12, serviceLevel: 0.55, asaSeconds: 40 },
    predicted: { offered: 398, abandonRate: 0.1, serviceLevel: 0.6, asaSeconds: 35 },
    predictedRange: { abandonRate: [0.08, 0.13], serviceLevel: [0.55, 0.66], asaSeconds: [28, 44] },
  },
  {
    hour: 10,
    observed: { offered: 30, abandonRate: 0.2, serviceLevel: 0.5, asaSeconds: 50 },
    predicted: { offered: 31, abandonRate: 0.15, serviceLevel: 0.55, asaSeconds: 45 },
    predictedRange: { abandonRate: [0.1, 0.2], serviceLevel: [0.5, 0.6], asaSeconds: [40, 50] },
  },
];

describe('holdOutChart', () => {
  it('returns the committed spec, which vega-lite compiles, and keeps only hours with enough calls', () => {
    const spec = holdOutChart(hours, 'abandonRate');
    expectGolden('holdOutChart.vl.json', spec);
    expectCompiles(spec);
    expect((spec.data as { values: unknown[] }).values).toEqual([
      { hour: '09:00', observed: 0.12, predicted: 0.1, low: 0.08, high: 0.13, calls: 400 },
    ]);
    expectCompiles(holdOutChart(hours, 'asaSeconds', { minCalls: 0 }));
  });

  it('draws the observed line and the predicted range', async () => {
    const texts = svgTexts(await renderSvg(holdOutChart(hours, 'serviceLevel')));
    expect(texts).toContain('Observed (records of the held-out days)');
    expect(texts).toContain('Predicted: mean, and 5th-95th percentile of the replications');
    expect(texts).toContain('09:00');
  });
});
