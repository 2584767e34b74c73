import type { ChannelName } from '../model/channels/types.js';
import type { Kpis, Scenario } from '../model/types.js';
import { replicate, type ReplicateOptions, type ReplicationResult } from './replicate.js';

/** A variant of an all-media scenario to compare: a label and the scenario. */
export interface ChannelVariant {
  label: string;
  scenario: Scenario;
}

/** A measure of `channelComparisonRows`: a channel's KPI and how to label it. */
export interface ChannelMeasure {
  channel: ChannelName;
  kpi: keyof Kpis;
  label: string;
}

/**
 * Replicate each variant of an all-media scenario on the same seeds (common
 * random numbers: the variants see the same calls, chats and messages, so their
 * differences come from what was changed), one after the other.
 *
 * @param variants the variants, in the order to report them
 * @param options replications, seed, workers (as `replicate`; `keepIntervals` for half-hour rows of voice)
 * @returns each variant's label and replications
 * @throws {RangeError} (the promise rejects) for a bad scenario or option
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * const reserve = { ...omni, channels: { ...omni.channels!, routing: { kind: 'reserveForVoice', group: 'blended', agents: 1 } } } as const;
 * const compared = await compareChannelVariants([{ label: 'voiceFirst', scenario: omni }, { label: 'reserve 1', scenario: reserve }], { replications: 2, seed: 1, workers: 0 });
 * compared.map((c) => c.label); // => ['voiceFirst', 'reserve 1']
 */
export async function compareChannelVariants(
  variants: readonly ChannelVariant[],
  options: Omit<ReplicateOptions, 'onProgress'>,
): Promise<{ label: string; result: ReplicationResult }[]> {
  const out: { label: string; result: ReplicationResult }[] = [];
  for (const variant of variants)
    out.push({ label: variant.label, result: await replicate(variant.scenario, options) });
  return out;
}

/**
 * The bars of `channelComparisonChart` from compared variants: for each
 * variant and measure, the mean of the channel's KPI across replications and
 * its 5th and 95th percentiles (a variant without the channel is left out).
 *
 * @param compared what `compareChannelVariants` returned
 * @param measures the channels' KPIs to draw, with their labels
 * @returns one row per variant and measure
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * const reserve = { ...omni, channels: { ...omni.channels!, routing: { kind: 'reserveForVoice', group: 'blended', agents: 1 } } } as const;
 * const compared = await compareChannelVariants([{ label: 'voiceFirst', scenario: omni }, { label: 'reserve 1', scenario: reserve }], { replications: 2, seed: 1, workers: 0 });
 * channelComparisonRows(compared, [{ channel: 'voice', kpi: 'answerRate', label: 'calls: answer rate' }]).map((row) => [row.variant, row.value]);
 * // => [['voiceFirst', 0.8061], ['reserve 1', 0.8061]]
 */
export function channelComparisonRows(
  compared: readonly { label: string; result: ReplicationResult }[],
  measures: readonly ChannelMeasure[],
): { variant: string; measure: string; value: number; low: number; high: number }[] {
  return compared.flatMap(({ label, result }) =>
    measures.flatMap((m) => {
      const summary = result.channels?.[m.channel]?.kpis[m.kpi];
      return summary === null || summary === undefined
        ? []
        : [{ variant: label, measure: m.label, value: summary.mean, low: summary.p05, high: summary.p95 }];
    }),
  );
}

/**
 * The half hours of one day of voice's KPI from replications kept with their
 * intervals (`keepIntervals: true`): the mean across replications in each
 * interval of the day, for `channelDayChart`.
 *
 * @param result replications with interval rows
 * @param date the day, `YYYY-MM-DD`
 * @param kpi the KPI of voice (the top level)
 * @param series the series' label
 * @returns one row per interval of the day with a value
 * @throws {RangeError} when the replications kept no interval rows
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * const result = await replicate(omni, { replications: 2, seed: 1, workers: 0, keepIntervals: true });
 * const day = dayOfIntervals(result, '2020-01-01', 'answerRate', 'voiceFirst');
 * [day.length, day[20]]; // => [48, { time: '10:00', series: 'voiceFirst', value: 0.7724 }]
 */
export function dayOfIntervals(
  result: ReplicationResult,
  date: string,
  kpi: keyof Kpis,
  series: string,
): { time: string; series: string; value: number }[] {
  if (result.intervals === undefined) {
    throw new RangeError('dayOfIntervals: result must be replicated with keepIntervals: true');
  }
  return result.intervals.flatMap((interval) => {
    const summary = interval.kpis[kpi];
    return interval.period.startsWith(date) && summary !== null
      ? [{ time: interval.period.slice(11, 16), series, value: summary.mean }]
      : [];
  });
}
