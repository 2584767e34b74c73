import type { FaultEpisode } from '../model/faults.js';
import { chartConfig } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** The time axis and labels of the fault timeline. */
export interface FaultTimelineOptions {
  /**
   * The date the horizon starts, `YYYY-MM-DD` (midnight, drawn in UTC); the x
   * axis then shows dates. Without it the x axis shows days from the start.
   *
   * __Default value:__ none
   */
  startDate?: string;
  /**
   * Length of the horizon, seconds; the x axis spans it whole (so a quiet end of
   * the year shows as quiet). Without it the axis spans the episodes.
   *
   * __Default value:__ none
   */
  horizonSeconds?: number;
  /**
   * Chart title.
   *
   * __Default value:__ `'系统故障 Platform faults: start to repair, by level'`
   */
  title?: string;
}

const DAY_SECONDS = 86_400;

/** `YYYY-MM-DDTHH:MM:SS` of an instant `seconds` after midnight (UTC) of `startMs`. */
function isoAt(startMs: number, seconds: number): string {
  return new Date(startMs + seconds * 1000).toISOString().slice(0, 19);
}

/** A Vega-Lite DateTime (UTC) of a time in milliseconds since 1970. */
function dateTime(ms: number): object {
  const d = new Date(ms);
  return {
    utc: true,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    date: d.getUTCDate(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
    seconds: d.getUTCSeconds(),
  };
}

/**
 * The fault timeline: each fault episode as a bar from its start to its
 * repair, one row per level (level 1, the most severe, on top), coloured by
 * the share of seats it took away, outlined in the same colour so that short
 * faults (an hour in a year is a tenth of a pixel) stay visible. The tooltip
 * gives the start, the minutes to respond and to repair, and the capacity lost.
 *
 * Pure: returns a Vega-Lite spec; show it with `show(spec)`.
 *
 * @param episodes the faults of one run (`drawFaults(...)`, or a run's `faults.episodes`)
 * @param options the start date, the horizon and the title
 * @returns a Vega-Lite spec
 * @throws {RangeError} when `startDate` is not a `YYYY-MM-DD` date, or an episode is repaired before it starts
 * @example
 * const episodes = drawFaults(DEFAULT_FAULT_LEVELS, 366 * 86_400, 1, 0);
 * await show(faultTimelineChart(episodes, { startDate: '2020-01-01', horizonSeconds: 366 * 86_400 }));
 */
export function faultTimelineChart(
  episodes: readonly FaultEpisode[],
  options: FaultTimelineOptions = {},
): VegaLiteSpec {
  const startMs = options.startDate === undefined ? null : Date.parse(`${options.startDate}T00:00:00Z`);
  if (
    options.startDate !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(options.startDate) || Number.isNaN(startMs))
  ) {
    throw new RangeError(
      `faultTimelineChart: startDate must be a YYYY-MM-DD date (got ${JSON.stringify(options.startDate)})`,
    );
  }
  for (const episode of episodes) {
    if (!(episode.repairedSeconds >= episode.startSeconds)) {
      throw new RangeError(
        `faultTimelineChart: an episode must be repaired after it starts (got start ${episode.startSeconds} s, repair ${episode.repairedSeconds} s)`,
      );
    }
  }
  const levels = [...new Set(episodes.map((episode) => episode.level))].sort((a, b) => a - b);
  const levelName = (level: number): string => `${level}级 Level ${level}`;
  const at = (seconds: number): string | number =>
    startMs === null ? seconds / DAY_SECONDS : isoAt(startMs, seconds);
  const values = episodes.map((episode) => ({
    level: levelName(episode.level),
    start: at(episode.startSeconds),
    end: at(episode.repairedSeconds),
    respondMinutes: (episode.respondedSeconds - episode.startSeconds) / 60,
    repairMinutes: (episode.repairedSeconds - episode.startSeconds) / 60,
    capacityLost: episode.capacityLost,
  }));
  // A temporal domain as DateTime objects (UTC), a day domain in days.
  const domain =
    options.horizonSeconds === undefined
      ? undefined
      : startMs === null
        ? [0, options.horizonSeconds / DAY_SECONDS]
        : [dateTime(startMs), dateTime(startMs + options.horizonSeconds * 1000)];
  const x =
    startMs === null
      ? {
          field: 'start',
          type: 'quantitative',
          title: '天 Days from the start',
          scale: domain === undefined ? { zero: true } : { domain },
        }
      : {
          field: 'start',
          type: 'temporal',
          title: '日期 Date',
          scale:
            domain === undefined
              ? { type: 'utc' }
              : { type: 'utc', domainMin: domain[0], domainMax: domain[1] },
          axis: { format: '%b' },
        };
  const y = { field: 'level', type: 'ordinal', title: '故障级别 Fault level', sort: levels.map(levelName) };
  const color = {
    field: 'capacityLost',
    type: 'quantitative',
    title: '座席损失 Seats lost',
    // From light orange (a few seats) to dark red (the whole platform): even 10% stays visible on white.
    scale: { domain: [0, 1], range: ['#fdae6b', '#7f0000'] },
    legend: { format: '%' },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? '系统故障 Platform faults: start to repair, by level',
      subtitle: `${episodes.length} faults. Bar: start to repair; colour: share of seats lost while it lasts.`,
    },
    config: chartConfig,
    width: 720,
    height: { step: 36 },
    data:
      startMs === null
        ? { values }
        : { values, format: { parse: { start: "utc:'%Y-%m-%dT%H:%M:%S'", end: "utc:'%Y-%m-%dT%H:%M:%S'" } } },
    // One mark (a second layer would make vega-lite see the explicit domain twice). The
    // outline, in the fill's colour, keeps an hour-long fault at least 2 px wide on a year's axis.
    mark: { type: 'bar', height: 18, strokeWidth: 2 },
    encoding: {
      x,
      x2: { field: 'end' },
      y,
      color,
      stroke: color,
      tooltip: [
        { field: 'level', type: 'ordinal', title: 'Level' },
        startMs === null
          ? { field: 'start', type: 'quantitative', title: 'Start (day)', format: '.2f' }
          : { field: 'start', type: 'temporal', title: 'Start', timeUnit: 'utcyearmonthdatehoursminutes' },
        { field: 'respondMinutes', type: 'quantitative', title: 'Response (min)', format: ',.0f' },
        { field: 'repairMinutes', type: 'quantitative', title: 'Repair (min)', format: ',.0f' },
        { field: 'capacityLost', type: 'quantitative', title: 'Seats lost', format: '.0%' },
      ],
    },
  };
}
