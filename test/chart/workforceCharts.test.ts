import { describe, expect, it } from 'vitest';
import { faultTimelineChart } from '../../sim/chart/faultTimelineChart.js';
import { headcountChart } from '../../sim/chart/headcountChart.js';
import { renderSvg } from '../../sim/chart/renderSvg.js';
import { DEFAULT_FAULT_LEVELS, drawFaults } from '../../sim/model/faults.js';
import { simulateWorkforce } from '../../sim/model/workforce.js';
import { expectCompiles, expectGolden, svgTexts } from './golden.js';

// Made-up weeks (not model output), chosen so that each group's share is easy to check by hand.
const weeks = [
  {
    period: '2020-01-01',
    days: 7,
    averagePayroll: 420,
    averageTrainees: 20,
    averageLive: 400,
    averageLearners: 50,
    leavers: 1,
    hires: 2,
    traineeDays: 140,
  },
  {
    period: '2020-01-08',
    days: 7,
    averagePayroll: 425,
    averageTrainees: 15,
    averageLive: 410,
    averageLearners: 60,
    leavers: 0,
    hires: 5,
    traineeDays: 105,
  },
];

describe('headcountChart', () => {
  const spec = headcountChart(weeks);

  it('returns the committed spec, which vega-lite compiles', () => {
    expectGolden('headcountChart.vl.json', spec);
    expectCompiles(spec);
  });

  it('splits the live agents into experienced and learners, beside the trainees (exact, by hand)', () => {
    expect((spec.data as { values: unknown[] }).values).toEqual([
      { week: '2020-01-01', experienced: 350, learners: 50, trainees: 20 },
      { week: '2020-01-08', experienced: 350, learners: 60, trainees: 15 },
    ]);
    expect(spec.transform).toEqual([
      { fold: ['experienced', 'learners', 'trainees'], as: ['group', 'staff'] },
    ]);
    expect(spec.encoding).toMatchObject({ y: { field: 'staff', stack: 'zero' }, color: { field: 'group' } });
  });

  it('stacks up to the payroll on a simulated year', () => {
    const year = simulateWorkforce(
      {
        initialStaff: 407,
        turnover: 0.25,
        hiring: { policy: 'backfill', recruitmentLagDays: 30, trainingDays: 182 },
      },
      { startDate: '2020-01-01', days: 366, seed: 1 },
    );
    const values = (headcountChart(year.weeks).data as { values: Record<string, number>[] }).values;
    expect(values.length).toBe(53); // 366 days: 52 weeks of 7 and one of 2
    values.forEach((row, i) => {
      expect(row.experienced! + row.learners! + row.trainees!).toBeCloseTo(year.weeks[i]!.averagePayroll, 9);
    });
  });

  it('renders the bilingual legend and axis titles as text', async () => {
    const texts = svgTexts(await renderSvg(spec));
    expect(texts).toContain('熟练 Experienced agents');
    expect(texts).toContain('学习期 Learners (first 3 months live)');
    expect(texts).toContain('培训 Trainees (not taking calls)');
    expect(texts).toContain('人数 Staff (weekly average)');
    expect(texts).toContain('人员与培训 Headcount and trainees by week');
  });
});

// Made-up faults (not model output): a whole-platform hour on day 10 and a half-seat fault on day 40.
const episodes = [
  {
    level: 1,
    startSeconds: 10 * 86_400,
    respondedSeconds: 10 * 86_400 + 300,
    repairedSeconds: 10 * 86_400 + 3_600,
    capacityLost: 1,
  },
  {
    level: 2,
    startSeconds: 40 * 86_400 + 43_200,
    respondedSeconds: 40 * 86_400 + 43_800,
    repairedSeconds: 40 * 86_400 + 50_400,
    capacityLost: 0.5,
  },
];

describe('faultTimelineChart', () => {
  const spec = faultTimelineChart(episodes, { startDate: '2020-01-01', horizonSeconds: 366 * 86_400 });

  it('returns the committed spec, which vega-lite compiles without a warning', () => {
    expectGolden('faultTimelineChart.vl.json', spec);
    expectCompiles(spec);
  });

  it('draws each episode from start to repair in UTC dates, with its minutes (exact, by hand)', () => {
    expect((spec.data as { values: unknown[] }).values).toEqual([
      {
        level: '1级 Level 1',
        start: '2020-01-11T00:00:00',
        end: '2020-01-11T01:00:00',
        respondMinutes: 5,
        repairMinutes: 60,
        capacityLost: 1,
      },
      {
        level: '2级 Level 2',
        start: '2020-02-10T12:00:00',
        end: '2020-02-10T14:00:00',
        respondMinutes: 10,
        repairMinutes: 120,
        capacityLost: 0.5,
      },
    ]);
    expect(spec.encoding).toMatchObject({
      x: { field: 'start', type: 'temporal', scale: { type: 'utc' } },
      x2: { field: 'end' },
      y: { field: 'level', sort: ['1级 Level 1', '2级 Level 2'] },
      color: { field: 'capacityLost', scale: { domain: [0, 1] } },
    });
  });

  it('counts days from the start without a start date', () => {
    const days = faultTimelineChart(episodes);
    expectCompiles(days);
    expect((days.data as { values: { start: number; end: number }[] }).values[0]).toMatchObject({
      start: 10,
      end: 10 + 1 / 24,
    });
  });

  it('renders the levels, a year of real draws and the legend as text', async () => {
    const year = drawFaults(DEFAULT_FAULT_LEVELS, 366 * 86_400, 42, 0);
    const texts = svgTexts(
      await renderSvg(faultTimelineChart(year, { startDate: '2020-01-01', horizonSeconds: 366 * 86_400 })),
    );
    expect(texts).toContain('3级 Level 3');
    expect(texts).toContain('座席损失 Seats lost');
    expect(texts).toContain(
      `${year.length} faults. Bar: start to repair; colour: share of seats lost while it lasts.`,
    );
  });

  it('refuses a bad start date and an episode repaired before it starts', () => {
    expect(() => faultTimelineChart(episodes, { startDate: '2020-1-1' })).toThrow(
      'faultTimelineChart: startDate must be a YYYY-MM-DD date (got "2020-1-1")',
    );
    expect(() => faultTimelineChart([{ ...episodes[0]!, repairedSeconds: 0 }])).toThrow(RangeError);
  });
});
