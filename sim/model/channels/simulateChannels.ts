import type { Scenario, SimulateOptions, SimulationResult } from '../types.js';
import { buildChannelsResult } from './results.js';
import { runChannels } from './run.js';
import { prepareChannelsRun } from './setup.js';

/**
 * Simulate an all-media scenario once (a scenario with `channels`): voice
 * callers as in the voice model (the same streams: with one group serving
 * voice alone, the same calls, answered and abandoned alike), online chats
 * served several at once by agents whose chats slow down with their number,
 * the intelligent assistant in front of chat, offline messages worked in idle
 * time against working-hour deadlines, callbacks offered to callers facing a
 * long wait, on agent groups with a routing rule and business skills (see
 * `ChannelsSpec`). `simulate` calls it for a scenario with channels.
 *
 * Same-instant order as the voice model (`EventPriority`): agents' ends, then
 * staffing changes, then patience deadlines (and chats' overflow times), then
 * the dispatch of waiting contacts to free agents, then arrivals (redials, the
 * assistant's transfers and callbacks' times, then fresh calls, chats and
 * messages). Nothing is allocated per event but the contacts' and queues'
 * arrays when they double.
 *
 * @param scenario a scenario with `channels` (checked first)
 * @param options seed and replication
 * @returns voice's rows and KPIs at the top level, every channel's in
 *   `channels`, every group's in `groups`
 * @throws {RangeError} when the scenario or an option is invalid, naming the field
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * const result = simulateChannels(omni, { seed: 1 });
 * result.channels?.chat?.kpis.serviceLevel; // => 0.8301
 * result.groups?.map((g) => [g.name, g.horizon.maxConcurrency]); // => [['voice', 0], ['online', 3], ['blended', 0]]
 */
export function simulateChannels(scenario: Scenario, options: SimulateOptions): SimulationResult {
  const wallStart = performance.now();
  const run = prepareChannelsRun(scenario, options);
  const result = buildChannelsResult(scenario, run, runChannels(run.input));
  result.timing.runSeconds = (performance.now() - wallStart) / 1000;
  return result;
}
