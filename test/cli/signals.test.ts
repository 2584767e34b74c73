import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, QUICK, quickReportArgs, spawnHotline, STACK_LINE, writeTinyScenario } from './helpers.js';

// What comes from outside a run (issue 14), with the BUILT command in a child process
// (`npm test` builds first; alone: `npm run build && npx vitest run test/cli/signals.test.ts`):
// standard output closed early or on a full disk, SIGINT and SIGTERM during the writes,
// and --workers 0 starting no worker thread. Preloaded hooks (test/cli/fixtures/) send the
// signal at a chosen file or make a worker thread fail, so nothing depends on timing.

const SIGNAL_HOOK = ['--import', pathToFileURL(resolve('test/cli/fixtures/signal-while-writing.mjs')).href];
const NO_WORKERS_HOOK = ['--import', pathToFileURL(resolve('test/cli/fixtures/no-worker-threads.mjs')).href];

let dir: string;
let scenario: string;

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  dir = mkdtempSync(join(tmpdir(), 'hotline-signals-'));
  scenario = writeTinyScenario(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function contents(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
  );
}

describe('standard output', () => {
  // `hotline erlang ... --agents 1..5000 | head -2`: the reader goes away after the first
  // lines. It was "Unhandled 'error' event ... EPIPE" with a stack and status 1.
  it('closed early (EPIPE) ends the command quietly with status 0', async () => {
    const run = await spawnHotline(['erlang', '--calls', '100', '--handle', '180', '--agents', '1..5000'], {
      onStdout: (_chunk, close) => close(),
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Erlang C (M/M/c)');
  });

  // `hotline simulate S --json > /dev/full`: it was a raw ENOSPC stack.
  it('on a full disk (ENOSPC) is one line and status 1, never a stack', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = await spawnHotline(['simulate', scenario, ...QUICK, '--json'], { stdout: full });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('hotline: cannot write to standard output: no space left on device (ENOSPC)\n');
      expect(run.stderr).not.toMatch(STACK_LINE);
    } finally {
      closeSync(full);
    }
  });
});

describe('signals during the writes', () => {
  // Ctrl-C while the report's files are written (right after the temporary of report.md is
  // opened): it left stray .*.tmp files and a new report.html beside the old report.md.
  // Now the temporaries are removed and the folder keeps the previous run's set, whole.
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('%s leaves the report folder as the last finished run wrote it (status %i)', async (signal, status) => {
    const out = join(dir, `report-${signal}`);
    const first = await spawnHotline(quickReportArgs(scenario, out, 1));
    expect(first.status, first.stderr).toBe(0);
    const before = contents(out);
    expect(Object.keys(before).sort()).toEqual(['report.html', 'report.json', 'report.md']);

    const interrupted = await spawnHotline(quickReportArgs(scenario, out, 2), {
      node: SIGNAL_HOOK,
      env: {
        HOTLINE_TEST_SIGNAL: signal,
        HOTLINE_TEST_SIGNAL_AT: '\\.report\\.md\\..*\\.tmp$',
      },
    });
    expect(interrupted.status).toBe(status);
    expect(interrupted.stderr).toContain(`hotline: interrupted (${signal})`);
    expect(interrupted.stderr).not.toMatch(STACK_LINE);
    expect(contents(out)).toEqual(before);
  });

  it('a report folder the interrupted run created is removed with its temporaries', async () => {
    const out = join(dir, 'report-created');
    const run = await spawnHotline(quickReportArgs(scenario, out, 3), {
      node: SIGNAL_HOOK,
      env: { HOTLINE_TEST_SIGNAL: 'SIGINT', HOTLINE_TEST_SIGNAL_AT: '\\.report\\.json\\..*\\.tmp$' },
    });
    expect(run.status).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('--workers 0', () => {
  // The hook makes any worker thread throw: a run that finishes started none. With
  // --workers 1 the same hook makes the run fail, so the hook does catch threads.
  it('runs every replication on the main thread, with no worker threads, in every command', async () => {
    const runs = await Promise.all([
      spawnHotline(['simulate', scenario, '--days', '1', '--replications', '3', '--workers', '0'], {
        node: NO_WORKERS_HOOK,
      }),
      spawnHotline(
        [
          'plan',
          scenario,
          '--targets',
          'data/targets/shanghai-12333-2020.json',
          '--budget',
          '5e6',
          '--days',
          '1',
          '--replications',
          '2',
          '--workers',
          '0',
        ],
        { node: NO_WORKERS_HOOK },
      ),
      spawnHotline(quickReportArgs(scenario, join(dir, 'report-main-thread'), 4), { node: NO_WORKERS_HOOK }),
    ]);
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    expect(runs[0]!.stdout).toContain('on the calling thread');
    const control = await spawnHotline(
      ['simulate', scenario, '--days', '1', '--replications', '2', '--workers', '1'],
      { node: NO_WORKERS_HOOK },
    );
    expect(control.status).toBe(1);
    expect(control.stderr).toContain('a worker thread was started');
  });
});
