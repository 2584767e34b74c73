import {
  ALL_QUARTER_TARGETS,
  quarterlyAssessmentChart,
  type QuarterlyAssessmentRow,
} from '../chart/quarterlyAssessmentChart.js';
import { renderSvg } from '../chart/renderSvg.js';
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from '../chart/vegaLiteVersion.js';
import type { Bilingual, Report } from './types.js';

/** A chart of the report: where it goes, its caption and its Vega-Lite spec. */
export interface ReportChart {
  /** `quarters`, `daily`, `staffing`, `sensitivity`. */
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

/** Fonts that cover Chinese on Linux, macOS and Windows, then a generic fallback. */
export const REPORT_FONT_FAMILY =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

const CONFIG = {
  font: REPORT_FONT_FAMILY,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom' },
};

function spec(body: object, width = 620, height = 240): VegaLiteSpec {
  return { $schema: VEGA_LITE_SCHEMA, width, height, config: CONFIG, ...body } as VegaLiteSpec;
}

/** A probability and its interval, for the assessment chart. */
function interval(p: { probability: number; low: number; high: number }): {
  probability: number;
  low: number;
  high: number;
} {
  return { probability: p.probability, low: p.low, high: p.high };
}

/** The answer-rate target of the report's table, when it has one. */
function answerRateTarget(report: Report): number | null {
  const row = report.targets?.rows.find((r) => r.measuredBy !== null && /nswerRate/.test(r.measuredBy));
  return row && typeof row.value === 'number' ? row.value : null;
}

/**
 * The charts of a report, as Vega-Lite specs built from the report's own data:
 * the quarterly answer rate with its 90% range and the target, the quarterly
 * assessment (probability of meeting each target per quarter), the daily
 * answer rate, agents scheduled against agents required over a day, and the
 * sensitivity tornado (when a sensitivity run is in the report). Pure.
 *
 * @param report the report
 * @returns the charts, in the order they appear
 * @example
 * reportCharts(report).map((chart) => chart.id); // => ['quarters', 'assessment', 'daily', 'staffing', 'sensitivity']
 */
export function reportCharts(report: Report): ReportChart[] {
  const target = answerRateTarget(report);
  const targetLayer =
    target === null
      ? []
      : [
          {
            mark: { type: 'rule', strokeDash: [6, 4], color: '#c0392b' },
            encoding: { y: { datum: target } },
          },
        ];
  const charts: ReportChart[] = [];
  const quarters = report.quarters
    .filter((q) => q.answerRate !== null)
    .map((q) => ({
      quarter: q.period,
      mean: q.answerRate?.mean ?? 0,
      p05: q.answerRate?.p05 ?? 0,
      p95: q.answerRate?.p95 ?? 0,
    }));
  if (quarters.length > 0) {
    const low = Math.min(...quarters.map((q) => q.p05), target ?? 1);
    charts.push({
      id: 'quarters',
      section: 'quarters',
      caption: {
        zh: '各季度接通率（均值与 90% 区间），红色虚线为目标',
        en: 'Answer rate per quarter: mean and 90% range across replications; dashed red line: the target',
      },
      spec: spec(
        {
          data: { values: quarters },
          layer: [
            {
              mark: { type: 'bar', color: '#4c78a8', width: { band: 0.5 } },
              encoding: {
                x: { field: 'quarter', type: 'ordinal', title: '季度 Quarter', axis: { labelAngle: 0 } },
                y: {
                  field: 'mean',
                  type: 'quantitative',
                  title: '接通率 Answer rate',
                  axis: { format: '%' },
                  scale: { domain: [Math.max(0, Math.floor(low * 20 - 1) / 20), 1] },
                },
              },
            },
            {
              mark: { type: 'rule', color: '#222222', strokeWidth: 2 },
              encoding: {
                x: { field: 'quarter', type: 'ordinal' },
                y: { field: 'p05' },
                y2: { field: 'p95' },
              },
            },
            ...targetLayer,
          ],
        },
        520,
        220,
      ),
    });
  }
  const assessmentRows: QuarterlyAssessmentRow[] = [];
  for (const quarter of report.quarters) {
    const p = quarter.probabilityAllTargets;
    if (p) assessmentRows.push({ quarter: quarter.period, indicator: ALL_QUARTER_TARGETS, ...interval(p) });
  }
  for (const row of report.targets?.rows ?? []) {
    row.quarterProbabilities.forEach((p, q) => {
      const period = report.quarters[q]?.period;
      if (p && period)
        assessmentRows.push({ quarter: period, indicator: `${row.name.zh} ${row.name.en}`, ...interval(p) });
    });
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
      spec: spec({
        data: { values: report.daily },
        layer: [
          {
            mark: { type: 'area', color: '#9ecae9', opacity: 0.6 },
            encoding: {
              x: { field: 'date', type: 'temporal', title: '日期 Date' },
              y: {
                field: 'p05',
                type: 'quantitative',
                title: '接通率 Answer rate',
                axis: { format: '%' },
                scale: { zero: false },
              },
              y2: { field: 'p95' },
            },
          },
          {
            mark: { type: 'line', color: '#1f4e79', strokeWidth: 1.5 },
            encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'mean', type: 'quantitative' } },
          },
          ...targetLayer,
        ],
      }),
    });
  }
  const slots = report.staffing.slots.flatMap((slot) => [
    { start: slot.start, series: '计划在线 Agents scheduled', agents: slot.scheduledAgents },
    { start: slot.start, series: '所需 Agents required (Erlang A)', agents: slot.requiredAgents },
  ]);
  charts.push({
    id: 'staffing',
    section: 'staffing',
    caption: {
      zh: '一天各时段：计划在线座席与达到接通率目标所需座席',
      en: `Agents on the phones per interval of a day (mean over the horizon) against the agents Erlang A needs for a ${Math.round(100 * report.staffing.requirementTarget)}% answer rate`,
    },
    spec: spec({
      data: { values: slots },
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
      encoding: {
        x: {
          field: 'start',
          type: 'ordinal',
          sort: null,
          title: '时段 Interval start',
          axis: {
            labelAngle: 0,
            values: report.staffing.slots.map((s) => s.start).filter((s) => /^(0|1|2)[02468]:00$/.test(s)),
          },
        },
        y: { field: 'agents', type: 'quantitative', title: '坐席 Agents' },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          scale: { range: ['#4c78a8', '#e45756'] },
        },
      },
    }),
  });
  const sensitivity = report.risks.sensitivity;
  if (sensitivity && sensitivity.rows.length > 0) {
    const rows = sensitivity.rows.map((row) => ({
      variant:
        row.assumption === 'baseline'
          ? `${row.label.zh} ${row.label.en}`
          : `${row.label.zh} ${row.label.en} ×${row.factor}`,
      probability: row.probability.probability,
      low: row.probability.low,
      high: row.probability.high,
    }));
    charts.push({
      id: 'sensitivity',
      section: 'risks',
      caption: {
        zh: '敏感性：一次改变一项假设后，全部模拟指标达标的概率',
        en: `Sensitivity: probability of meeting every simulated target with one assumption varied (${sensitivity.days} days, ${sensitivity.replications} replications each); bars: Wilson interval`,
      },
      spec: spec(
        {
          data: { values: rows },
          layer: [
            {
              mark: { type: 'bar', color: '#72b7b2' },
              encoding: {
                y: { field: 'variant', type: 'nominal', sort: null, title: null },
                x: {
                  field: 'probability',
                  type: 'quantitative',
                  title: '达标概率 Probability of meeting every target',
                  axis: { format: '%' },
                  scale: { domain: [0, 1] },
                },
              },
            },
            {
              mark: { type: 'rule', color: '#222222' },
              encoding: {
                y: { field: 'variant', type: 'nominal', sort: null },
                x: { field: 'low' },
                x2: { field: 'high' },
              },
            },
          ],
        },
        520,
        Math.max(120, 22 * rows.length),
      ),
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
 * const rendered = await renderReportCharts(reportCharts(report));
 * reportToHtml(report, rendered);
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
