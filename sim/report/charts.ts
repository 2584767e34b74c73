import { dailyAnswerRateChart } from '../chart/dailyAnswerRateChart.js';
import { faultTimelineChart } from '../chart/faultTimelineChart.js';
import { headcountChart } from '../chart/headcountChart.js';
import { kpiByPeriodChart, type KpiPeriodRow } from '../chart/kpiByPeriodChart.js';
import {
  ALL_QUARTER_TARGETS,
  quarterlyAssessmentChart,
  type QuarterlyAssessmentRow,
} from '../chart/quarterlyAssessmentChart.js';
import { renderSvg } from '../chart/renderSvg.js';
import { staffingByHalfHourChart } from '../chart/staffingByHalfHourChart.js';
import { CJK_FONT_FAMILY } from '../chart/theme.js';
import { tornadoChart } from '../chart/tornadoChart.js';
import type { VegaLiteSpec } from '../chart/vegaLiteVersion.js';
import { formatPercentShort } from '../core/format.js';
import type { SensitivityRow } from '../plan/sensitivity.js';
import type { Summary } from '../stats/summarise.js';
import type { Bilingual, Report, ReportSummary } from './types.js';

/** A chart of the report: where it goes, its caption and its Vega-Lite spec. */
export interface ReportChart {
  /** `quarters`, `assessment`, `daily`, `staffing`, `headcount`, `faults`, `sensitivity`. */
  id: string;
  /** The report section it illustrates: `quarters`, `staffing`, `risks`. */
  section: 'quarters' | 'staffing' | 'risks';
  caption: Bilingual;
  spec: VegaLiteSpec;
}

/** A chart drawn: its place and caption and the SVG markup. */
export interface RenderedChart {
  id: string;
  section: ReportChart['section'];
  caption: Bilingual;
  svg: string;
}

/** Fonts that cover Chinese on Linux, macOS and Windows, then a generic fallback (the charts' `CJK_FONT_FAMILY`). */
export const REPORT_FONT_FAMILY = CJK_FONT_FAMILY;

/** A probability and its interval, for the assessment chart. */
function interval(p: { probability: number; low: number; high: number }): {
  probability: number;
  low: number;
  high: number;
} {
  return { probability: p.probability, low: p.low, high: p.high };
}

/**
 * A report summary in the shape `kpiByPeriodChart` takes; the chart reads the
 * mean and the 5th and 95th percentiles only (the standard deviation, not kept
 * in the report, is left at 0).
 */
function chartSummary(s: ReportSummary, n: number): Summary {
  return {
    n,
    mean: s.mean,
    sd: 0,
    ciLow: s.ciLow ?? s.mean,
    ciHigh: s.ciHigh ?? s.mean,
    p05: s.p05,
    p95: s.p95,
  };
}

/** The answer-rate target of the report's table, when it has one. */
function answerRateTarget(report: Report): number | null {
  const row = report.targets?.rows.find((r) => r.measuredBy !== null && /nswerRate/.test(r.measuredBy));
  return row && typeof row.value === 'number' ? row.value : null;
}

/**
 * The charts of a report, as Vega-Lite specs drawn by the chart functions of
 * sim/chart from the report's own data: the quarterly answer rate with its
 * 90% range and the target (`kpiByPeriodChart`), the quarterly assessment
 * (`quarterlyAssessmentChart`), the daily answer rate (`dailyAnswerRateChart`),
 * agents planned against agents required over a day (`staffingByHalfHourChart`),
 * the headcount of one replication by week (`headcountChart`, when the scenario
 * simulates its workforce), the faults of one replication (`faultTimelineChart`,
 * when it simulates faults) and the sensitivity tornado (`tornadoChart`, when a
 * sensitivity run is in the report). Pure.
 *
 * @param report the report
 * @returns the charts, in the order they appear
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const report = await makeReport(file, {
 *   replications: 2, seed: 1, days: 2, workers: 0, desk: false, leastBudget: false, theory: false, date: '2019-12-31',
 *   generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * reportCharts(report).map((chart) => chart.id);
 * // => ['quarters', 'assessment', 'daily', 'staffing', 'headcount', 'faults'] (and 'sensitivity' with a sensitivity run)
 */
export function reportCharts(report: Report): ReportChart[] {
  const target = answerRateTarget(report);
  const charts: ReportChart[] = [];
  const quarters: KpiPeriodRow[] = report.quarters
    .filter((q) => q.answerRate !== null)
    .map((q) => ({
      period: q.period,
      kpis: {
        answerRate: q.answerRate ? chartSummary(q.answerRate, report.run.replications) : null,
      },
    }));
  if (quarters.length > 0) {
    charts.push({
      id: 'quarters',
      section: 'quarters',
      caption: {
        zh: '各季度接通率（均值与 90% 区间）及目标线',
        en: 'Answer rate per quarter: mean and 90% range across replications, with the target line',
      },
      spec: kpiByPeriodChart(quarters, {
        kpi: 'answerRate',
        period: 'quarter',
        ...(target === null ? {} : { targets: { answerRate: target } }),
        title: '综合接通率 Answer rate, 按季度 by quarter',
      }),
    });
  }
  const assessmentRows: QuarterlyAssessmentRow[] = [];
  for (const quarter of report.quarters) {
    const p = quarter.probabilityAllTargets;
    if (p) assessmentRows.push({ quarter: quarter.period, indicator: ALL_QUARTER_TARGETS, ...interval(p) });
  }
  for (const row of report.targets?.rows ?? []) {
    for (const quarter of row.quarters) {
      if (quarter.probability)
        assessmentRows.push({
          quarter: quarter.period,
          indicator: `${row.name.zh} ${row.name.en}`,
          ...interval(quarter.probability),
        });
    }
  }
  if (assessmentRows.length > 0) {
    charts.push({
      id: 'assessment',
      section: 'quarters',
      caption: {
        zh: '季度考核：各指标每季度达标概率（点）及其区间（线），竖线为要求的把握度',
        en: 'Quarterly assessment: probability of meeting each target in each quarter (point) with its Wilson interval (bar); the line is the confidence required',
      },
      spec: quarterlyAssessmentChart(assessmentRows, { confidence: report.targets?.confidence ?? 0.9 }),
    });
  }
  if (report.daily.length > 1) {
    charts.push({
      id: 'daily',
      section: 'quarters',
      caption: {
        zh: '每日接通率（均值，阴影为 90% 区间）',
        en: 'Answer rate per day: mean across replications, shaded 90% range',
      },
      spec: dailyAnswerRateChart(report.daily, target === null ? {} : { target }),
    });
  }
  const st = report.staffing;
  const requirement = formatPercentShort(st.requirementTarget);
  charts.push({
    id: 'staffing',
    section: 'staffing',
    caption: {
      zh: `${st.slotsPeriod.why.zh}：各时段排班座席、扣除人员流失后的在岗座席，与达到 ${requirement} 接通率所需座席（Erlang A，含重拨）；红色为缺口`,
      en: `${st.slotsPeriod.why.en}: agents in the staffing table, agents on the phones after staff churn, and the agents Erlang A with redials needs for a ${requirement} answer rate, per interval; red: the shortfall`,
    },
    spec: staffingByHalfHourChart(
      st.slots.map((slot) => ({
        intervalStart: slot.start,
        requiredAgents: slot.requiredAgents,
        plannedAgents: Math.round(10 * slot.liveAgents) / 10,
        scheduledStaff: Math.round(10 * slot.scheduledAgents) / 10,
      })),
      {
        title: `人员配置 Agents per interval, ${st.slotsPeriod.label}`,
        plannedLabel: '在岗 On the phones after staff churn',
        scheduledLabel: '排班 In the staffing table',
      },
    ),
  });
  const sample = report.sampleRun;
  if (sample?.workforceWeeks && sample.workforceWeeks.length > 0) {
    charts.push({
      id: 'headcount',
      section: 'staffing',
      caption: {
        zh: `第 ${sample.replication + 1} 次重复的人员：每周熟练、学习期与培训人数`,
        en: `Headcount of replication ${sample.replication + 1} by week: experienced agents, learners and trainees (the top edge is the payroll)`,
      },
      spec: headcountChart(sample.workforceWeeks),
    });
  }
  if (sample?.faultEpisodes) {
    charts.push({
      id: 'faults',
      section: 'risks',
      caption: {
        zh: `第 ${sample.replication + 1} 次重复的系统故障：从发生到修复，按级别`,
        en: `Platform faults of replication ${sample.replication + 1}: each from its start to its repair, by level (${sample.faultEpisodes.length} in the horizon)`,
      },
      spec: faultTimelineChart(sample.faultEpisodes, {
        startDate: report.scenario.startDate,
        horizonSeconds: sample.horizonSeconds,
      }),
    });
  }
  const sensitivity = report.risks.sensitivity;
  if (sensitivity && sensitivity.rows.some((row) => row.assumption === 'baseline')) {
    const rows: SensitivityRow[] = sensitivity.rows.map((row) => ({
      assumption: row.assumption as SensitivityRow['assumption'],
      factor: row.factor,
      probability: { ...row.probability },
      answerRate: null,
    }));
    charts.push({
      id: 'sensitivity',
      section: 'risks',
      caption: {
        zh: `敏感性：一次改变一项假设后，全部模拟指标达标的概率（自 ${sensitivity.from} 起 ${sensitivity.days} 天，每项 ${sensitivity.replications} 次重复）；细线为 Wilson 区间`,
        en: `Sensitivity: probability of meeting every simulated target with one assumption varied (${sensitivity.days} days from ${sensitivity.from}, ${sensitivity.replications} replications each); thin lines: Wilson interval`,
      },
      spec: tornadoChart(rows),
    });
  }
  return charts;
}

/**
 * Draw every chart of a report to SVG (vega, headless).
 *
 * @param charts the charts (`reportCharts(report)`)
 * @returns the charts with their SVG markup, in the same order
 * @throws {Error} when vega-lite rejects a spec
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const report = await makeReport(file, {
 *   replications: 2, seed: 1, days: 2, workers: 0, desk: false, leastBudget: false, theory: false, date: '2019-12-31',
 *   generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * const rendered = await renderReportCharts(reportCharts(report));
 * rendered.every((chart) => chart.svg.startsWith('<svg')); // => true
 * reportToHtml(report, rendered).includes('<figure id="figure-staffing"><svg'); // => true
 */
export async function renderReportCharts(charts: readonly ReportChart[]): Promise<RenderedChart[]> {
  const rendered: RenderedChart[] = [];
  for (const chart of charts) {
    rendered.push({
      id: chart.id,
      section: chart.section,
      caption: chart.caption,
      svg: await renderSvg(chart.spec),
    });
  }
  return rendered;
}
