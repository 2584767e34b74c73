import { chartConfig, targetLabel, targetRule } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** One point of an agents sweep: what one queueing model predicts for one agent count. */
export interface AgentSweepRow {
  /** Agents on the phones. */
  agents: number;
  /** The model's name as the legend shows it, e.g. `'Erlang C'`, `'Erlang A'`. */
  model: string;
  /** Answered / offered, in [0, 1]. */
  answerRate: number;
  /** Answered within the threshold / offered, in [0, 1]. */
  serviceLevel: number;
}

/** Targets drawn as dashed rules, and the service-level threshold for the axis title. */
export interface AgentSweepTargets {
  /** Answer-rate target, in [0, 1] (the 12333 target is 0.8). */
  answerRate: number;
  /** Service-level target, in [0, 1]. */
  serviceLevel: number;
  /** The service-level threshold t, seconds (answered within t). */
  answerWithinSeconds: number;
  /**
   * Chart title.
   *
   * __Default value:__ `'Answer rate and service level against agents'`
   */
  title?: string;
}

/** One panel: a line per model for `field`, and the target as the house target line. */
function panel(field: 'answerRate' | 'serviceLevel', axisTitle: string, target: number): object {
  return {
    width: 320,
    height: 220,
    layer: [
      {
        mark: { type: 'line', point: false },
        encoding: {
          x: {
            field: 'agents',
            type: 'quantitative',
            title: '在线坐席 Agents on the phones',
            scale: { zero: false },
          },
          y: {
            field,
            type: 'quantitative',
            title: axisTitle,
            axis: { format: '%' },
            scale: { domain: [0, 1] },
          },
          color: { field: 'model', type: 'nominal', title: 'Model' },
        },
      },
      ...targetRule(target, targetLabel(target)),
    ],
  };
}

/**
 * Answer rate and service level against the number of agents, side by side,
 * one line per queueing model (for example Erlang C, Erlang A, Erlang A with
 * redials), each with its target as a dashed rule. Pure: returns a Vega-Lite
 * spec and draws nothing; show it with `show(spec)` in a notebook or draw it
 * with `renderSvg(spec)`.
 *
 * @param rows one row per (model, agents) pair; probabilities as fractions in [0, 1]
 * @param targets the answer-rate and service-level targets and the threshold t in seconds
 * @returns a Vega-Lite spec (two panels sharing the model legend)
 * @example
 * const spec = answerRateAgainstAgentsChart(
 *   [{ agents: 300, model: 'Erlang A', answerRate: 0.93, serviceLevel: 0.71 }],
 *   { answerRate: 0.8, serviceLevel: 0.8, answerWithinSeconds: 15 },
 * );
 */
export function answerRateAgainstAgentsChart(
  rows: readonly AgentSweepRow[],
  targets: AgentSweepTargets,
): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    // Axis titles stay short: headless rendering estimates text widths generously,
    // and a long rotated title would push the panels down. Definitions go in the subtitle.
    title: {
      text: targets.title ?? 'Answer rate and service level against agents',
      subtitle:
        `Answer rate = answered / offered; service level = answered within ${targets.answerWithinSeconds} s / offered. ` +
        'Dashed: targets.',
      anchor: 'start',
    },
    data: {
      values: rows.map((row) => ({
        agents: row.agents,
        model: row.model,
        answerRate: row.answerRate,
        serviceLevel: row.serviceLevel,
      })),
    },
    config: chartConfig,
    hconcat: [
      panel('answerRate', '接通率 Answer rate', targets.answerRate),
      panel(
        'serviceLevel',
        `服务水平 Service level (${targets.answerWithinSeconds} s)`,
        targets.serviceLevel,
      ),
    ],
  };
}
