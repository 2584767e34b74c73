/**
 * The closing figure of issue 16: the speed of a 12333 year with every channel
 * on against voice alone. Both run `simulate` once on the shipped
 * `data/shanghai-12333-2020/omnichannel.json` (2020, 366 days of half hours),
 * each in a child process of its own (`node --expose-gc`, so that its peak
 * memory is its own): `voice` without its channels (the voice model: the calls,
 * the 407 staff's agents and their churn), `channels` as shipped (the same
 * calls on three agent groups, plus online chat with the assistant, messages
 * and callbacks). Figures, not tests; the machine's load average is printed,
 * since other work inflates wall-clock times.
 *
 *   npm run build && node --expose-gc dist/test/bench/channels.js
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../sim/core/packageRoot.js';
import { readScenarioFile } from '../../sim/io/scenarioFile.js';
import { simulate } from '../../sim/model/simulate.js';

interface Figure {
  name: string;
  wallSeconds: number;
  cpuSeconds: number;
  attempts: number;
  contacts: number;
  events: number;
  maxRssMB: number;
  note: string;
}

/** Run one case in this process: `voice` or `channels`. */
function runCase(name: string): Figure {
  const { scenario } = readScenarioFile(join(packageRoot(), 'data/shanghai-12333-2020/omnichannel.json'));
  const { channels: _channels, ...voiceAlone } = scenario;
  const input = name === 'voice' ? voiceAlone : scenario;
  global.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = simulate(input, { seed: 1 });
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const c = r.channels;
  const contacts =
    (c?.chat?.horizon.assistantOffered ?? 0) +
    (c?.message?.horizon.offered ?? 0) +
    (c?.callback?.horizon.offered ?? 0);
  return {
    name,
    wallSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    attempts: r.timing.attempts,
    contacts,
    events: r.timing.events,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    note:
      `calls answered ${r.kpis.answerRate?.toFixed(4)}` +
      (c?.chat !== undefined
        ? `, chats picked up within ${scenario.channels?.chat?.answerWithinSeconds} s ${c.chat.kpis.serviceLevel?.toFixed(4)}`
        : '') +
      (c?.message !== undefined ? `, messages on time ${c.message.kpis.answerRate?.toFixed(4)}` : ''),
  };
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

/**
 * Print the year with every channel on against voice alone: seconds (wall and
 * CPU), voice attempts and other contacts per second, events, peak memory, and
 * the ratio of the two times.
 */
export function benchChannels(): void {
  const script = fileURLToPath(import.meta.url);
  console.log(
    `\nAll media (issue 16): a 12333 year, every channel on against voice alone (each in its own process; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
  const figures: Figure[] = [];
  for (const name of ['voice', 'channels']) {
    const child = spawnSync(process.execPath, ['--expose-gc', script, name], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.log(`  ${name}: failed\n${child.stderr}`);
      continue;
    }
    const figure = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Figure;
    figures.push(figure);
    console.log(
      `  ${name === 'voice' ? 'voice alone (the voice model)' : 'every channel on (three groups)'}: ` +
        `${figure.wallSeconds.toFixed(1)} s wall, ${figure.cpuSeconds.toFixed(1)} s CPU, ` +
        `${fmt(figure.attempts)} call attempts + ${fmt(figure.contacts)} other contacts ` +
        `(${fmt((figure.attempts + figure.contacts) / figure.cpuSeconds)} a CPU-second), ${fmt(figure.events)} events, ` +
        `peak ${Math.round(figure.maxRssMB)} MB; ${figure.note}`,
    );
  }
  const [voice, all] = figures;
  if (voice !== undefined && all !== undefined) {
    console.log(
      `  every channel on / voice alone: ${(all.cpuSeconds / voice.cpuSeconds).toFixed(2)}x the CPU time`,
    );
  }
}

if (process.argv[2] !== undefined && process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(runCase(process.argv[2])));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchChannels();
}
