import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { CommandContext } from '../../sim/cli/command.js';
import { runCli } from '../../sim/cli/program.js';
import { MAIN } from './runHotline.js';

export { MAIN, STACK_LINE } from './runHotline.js';

/*
 * Shared by the command-line tests of issue 14: the command run in this
 * process (`runHotline`) or built, as a user runs it (`spawnHotline`), and a
 * tiny scenario file.
 */

/** What a run of `hotline` gave. */
export interface HotlineRun {
  /** Exit status; null when a signal ended the process. */
  status: number | null;
  /** The signal that ended the process, if one did. */
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The options of a quick run: one day, two replications, on the main thread. */
export const QUICK: readonly string[] = ['--days', '1', '--replications', '2', '--workers', '0'];

/**
 * A quick `report` of a scenario into `out`: one day, two replications, no
 * sensitivity run and no check against the bank's records.
 */
export function quickReportArgs(scenario: string, out: string, seed = 1): string[] {
  return [
    'report',
    scenario,
    '--out',
    out,
    ...QUICK,
    '--seed',
    String(seed),
    '--sensitivity-days',
    '0',
    '--bank',
    'none',
  ];
}

/** No one at a terminal: a long run is refused unless `--yes`. */
export const NO_TERMINAL: CommandContext = {
  interactive: false,
  ask: () => Promise.reject(new Error('no terminal to ask')),
};

/**
 * Run `hotline` in this process (`runCli`), standard output and error captured.
 *
 * @param args the arguments after `hotline`
 * @param context the terminal, by default none
 */
export async function runHotline(
  args: readonly string[],
  context: CommandContext = NO_TERMINAL,
): Promise<HotlineRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const status = await runCli(args, context);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * Run the built `hotline` in a child process, as a user does.
 *
 * @param args the arguments after `hotline`
 * @param options `node`: options for node before the script (`--import <hook>`);
 *   `stdout`: a file descriptor for its standard output instead of a pipe; `env`: variables added;
 *   `onStdout`: called with each chunk and the child (to close the pipe early)
 */
export function spawnHotline(
  args: readonly string[],
  options: {
    node?: readonly string[];
    stdout?: number;
    cwd?: string;
    env?: Record<string, string>;
    onStdout?: (chunk: string, close: () => void) => void;
  } = {},
): Promise<HotlineRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(options.node ?? []), MAIN, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, ...options.env },
      stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk, () => child.stdout?.destroy());
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolvePromise({ status, signal, stdout, stderr });
    });
  });
}

/**
 * A tiny scenario file: 3 days from Monday 2020-03-02, `callsPerDay` calls a
 * day between 08:00 and 18:00, `agents` agents all day, exponential handle
 * 180 s and patience 90 s; `extra` adds or replaces top-level fields.
 *
 * @returns the scenario file's path (its profile beside it)
 */
export function writeTinyScenario(
  folder: string,
  options: { callsPerDay?: number; agents?: number; extra?: Record<string, unknown>; name?: string } = {},
): string {
  const shares = [
    ...Array<number>(16).fill(0),
    ...Array<number>(20).fill(1 / 20),
    ...Array<number>(12).fill(0),
  ];
  const profile = [
    'intervalStart,share',
    ...shares.map(
      (share, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'},${share}`,
    ),
  ];
  writeFileSync(join(folder, 'profile.csv'), profile.join('\n') + '\n');
  const extra = options.extra ?? {};
  const why = 'assumed: a small load for the command-line tests';
  const scenario = {
    formatVersion: 1,
    name: options.name ?? 'tiny',
    title: 'Tiny test hotline',
    horizon: { startDate: '2020-03-02', days: 3, intervalMinutes: 30 },
    arrivals: {
      kind: 'profile',
      inboundCallsPerDay: options.callsPerDay ?? 400,
      intradayProfileFile: 'profile.csv',
      selfServiceShare: 0,
      dayBusynessCv: 0,
    },
    handle: { kind: 'exponential', meanSeconds: 180 },
    patience: { kind: 'exponential', meanSeconds: 90 },
    agents: { kind: 'constant', count: options.agents ?? 4 },
    answerWithinSeconds: 20,
    ...extra,
    sources: Object.fromEntries(
      [
        'horizon',
        'arrivals',
        'handle',
        'patience',
        'agents',
        'answerWithinSeconds',
        ...Object.keys(extra).filter((key) => key !== 'sources'),
      ].map((key) => [key, why]),
    ),
  };
  const path = join(folder, `${options.name ?? 'scenario'}.json`);
  writeFileSync(path, JSON.stringify(scenario, null, 2));
  return path;
}

// The post-call survey (satisfaction falls from 99% at 30 s to 90% at 300 s of
// waiting), and level-1 faults about 8 times in 3 days that take no seats.
export const TINY_SURVEY = {
  responseProbability: 0.5,
  satisfactionCurve: [
    { waitSeconds: 30, satisfied: 0.99 },
    { waitSeconds: 300, satisfied: 0.9 },
  ],
  penaltyPerExtraAttempt: 0.01,
  satisfiedShareOfPositive: 0.85,
  complaintsPerAnsweredCall: 0.001,
  qaSampleShare: 0.05,
};
export const TINY_FAULTS = {
  levels: [
    {
      level: 1,
      ratePerYear: 1000,
      responseMinutes: { kind: 'exponential', meanMinutes: 4 },
      repairMinutes: { kind: 'exponential', meanMinutes: 30 },
      capacityLost: 0,
      responseDeadlineMinutes: 10,
      repairDeadlineMinutes: 90,
    },
  ],
};
