/**
 * The table of issue 15, measured in one run beside the C reference: every figure
 * is timed here, its peak memory read, and normalised to the reference machine as
 * t x c / 6.5M, where c is the C loop's calls per second measured just before
 * (best of three runs; `test/bench/mmcm.c`, compiled with `cc -O2 -march=native`
 * when a C compiler is on the path). Figures, not tests; the machine's load
 * average is printed with each, since other work inflates wall-clock times (the
 * C figure moves with it, which is what the normalisation is for).
 *
 *   npm run bench                         # everything (about half an hour on two cores)
 *   BENCH=mmcm,year node dist/test/bench/index.js   # some: mmcm, year, workers, least, notebook, demo
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../sim/core/packageRoot.js';

/** Calls per second of the C loop on the reference machine (issue 15). */
const REFERENCE_CALLS_PER_SECOND = 6.5e6;

/** One row of the table. */
interface Row {
  figure: string;
  measured: string;
  normalised: string;
  goal: string;
  memory: string;
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** A command's wall-clock seconds and peak memory (MB; from /usr/bin/time when there), or null when it failed. */
function timed(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): { seconds: number; peakMB: number | null; stdout: string } | null {
  const useTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const child = spawnSync(
    useTime ? '/usr/bin/time' : command,
    useTime ? ['-f', '%M', command, ...args] : args,
    {
      encoding: 'utf8',
      cwd: packageRoot(),
      env: { ...process.env, ...env },
      maxBuffer: 1 << 28,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) {
    console.log(`    ${command} ${args.join(' ')} failed:\n${(child.stderr ?? '').slice(-2000)}`);
    return null;
  }
  const lastLine = (child.stderr ?? '').trim().split('\n').pop() ?? '';
  const kb = useTime ? Number(lastLine) : Number.NaN;
  return { seconds, peakMB: Number.isFinite(kb) ? kb / 1024 : null, stdout: child.stdout ?? '' };
}

/** The C loop's calls per second, best of three, or null without a C compiler. */
function cReference(binary: string | null): number | null {
  if (binary === null) return null;
  let best = 0;
  for (let k = 0; k < 3; k++) {
    const run = spawnSync(binary, ['1000000'], { encoding: 'utf8' });
    const match = /"calls_per_s":(\d+)/.exec(run.stdout ?? '');
    if (match) best = Math.max(best, Number(match[1]));
  }
  return best > 0 ? best : null;
}

/** Compile the C reference, or null (no compiler). */
function compileReference(dir: string): string | null {
  const source = join(packageRoot(), 'test/bench/mmcm.c');
  const binary = join(dir, 'mmcm');
  for (const cc of ['cc', 'gcc', 'clang']) {
    const run = spawnSync(cc, ['-O2', '-march=native', '-o', binary, source, '-lm'], { encoding: 'utf8' });
    if (run.status === 0) return binary;
  }
  return null;
}

const mb = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x)} MB`);
const normalise = (seconds: number, c: number | null): string =>
  c === null ? 'n/a (no C compiler)' : `${((seconds * c) / REFERENCE_CALLS_PER_SECOND).toFixed(1)} s`;

/** The row of a timed figure: its seconds, normalised beside C at `c` calls/s, and its peak memory. */
function timedRow(
  figure: string,
  goal: string,
  c: number | null,
  run: { seconds: number; peakMB: number | null },
  digits = 0,
): Row {
  return {
    figure,
    measured: `${run.seconds.toFixed(digits)} s`,
    normalised: normalise(run.seconds, c),
    goal,
    memory: mb(run.peakMB),
  };
}

/**
 * Measure the figures of issue 15's table and print them as a table.
 *
 * @param only the figures to measure (all by default)
 */
export async function benchTable(
  only: readonly string[] = ['mmcm', 'year', 'workers', 'least', 'notebook', 'demo'],
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-bench-'));
  const rows: Row[] = [];
  try {
    const binary = compileReference(dir);
    console.log(
      `\nIssue 15's table, beside the C reference (${binary === null ? 'no C compiler: figures not normalised' : 'test/bench/mmcm.c, cc -O2 -march=native'}); normalised = t x c / 6.5M`,
    );
    const node = process.execPath;
    if (only.includes('mmcm')) {
      const c = cReference(binary);
      const run = timed(node, ['--expose-gc', 'dist/test/bench/simulator.js', 'mmcm']);
      if (run) {
        const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
          runs: { wallSeconds: number; calls: number }[];
          maxRssMB: number;
        };
        const best = Math.max(...result.runs.map((r) => r.calls / r.wallSeconds));
        rows.push({
          figure: 'M/M/c+M, 1M calls, simulateQueue',
          measured: `${(best / 1e6).toFixed(2)} M calls/s (C: ${c === null ? 'n/a' : (c / 1e6).toFixed(2) + ' M'})`,
          normalised: c === null ? 'n/a' : `${(best / c).toFixed(2)} x C`,
          goal: '>= 0.5 x C',
          memory: mb(result.maxRssMB),
        });
        console.log(`  mmcm done (load ${load()})`);
      }
    }
    if (only.includes('year')) {
      const c = cReference(binary);
      const args = [
        'dist/sim/cli/main.js',
        'simulate',
        'data/shanghai-12333-2020/scenario.json',
        '--replications',
        '1',
        '--workers',
        '0',
      ];
      let best: ReturnType<typeof timed> = null;
      for (let k = 0; k < 3; k++) {
        const run = timed(node, args);
        if (run && (best === null || run.seconds < best.seconds)) best = run;
      }
      if (best) {
        const figure = '12333 year, one replication, every mechanism, CLI in one process (best of 3)';
        rows.push(timedRow(figure, '<= 5 s, < 300 MB', c, best, 2));
        console.log(`  year done (load ${load()})`);
      }
    }
    if (only.includes('workers')) {
      const run = timed(node, ['--expose-gc', 'dist/test/bench/simulator.js', 'workers']);
      if (run) {
        const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
          runs: { wallSeconds: number }[];
        };
        const [one, two] = result.runs;
        rows.push({
          figure: 'two workers against one (60 days x 4 replications)',
          measured: `${one?.wallSeconds.toFixed(1)} s and ${two?.wallSeconds.toFixed(1)} s`,
          normalised: `${((one?.wallSeconds ?? 0) / (two?.wallSeconds ?? 1)).toFixed(2)}x`,
          goal: '>= 1.9x',
          memory: mb(run.peakMB),
        });
        console.log(`  workers done (load ${load()})`);
      }
    }
    if (only.includes('least')) {
      const c = cReference(binary);
      const run = timed(node, ['dist/test/bench/plan.js']);
      if (run) {
        const answer = run.stdout.split('\n').find((line) => line.includes('answer:')) ?? '';
        console.log(run.stdout.trimEnd());
        const figure = `least budget at p = 0.9, 12333 year, 2 workers (${answer.trim().slice(0, 60)}...)`;
        rows.push(timedRow(figure, '<= 180 s', c, run));
        console.log(`  least budget done (load ${load()})`);
      }
    }
    if (only.includes('notebook')) {
      const c = cReference(binary);
      const jupyter = spawnSync('jupyter', ['--version'], { encoding: 'utf8' });
      if (jupyter.status !== 0) {
        rows.push({
          figure: 'notebook 05 at full size',
          measured: 'not run (no Jupyter)',
          normalised: '',
          goal: '<= 300 s',
          memory: '',
        });
      } else {
        const env: Record<string, string> = {};
        const jupyterPath = join(packageRoot(), '.jupyter/share/jupyter');
        if (existsSync(jupyterPath)) env.JUPYTER_PATH = jupyterPath;
        const run = timed(
          'jupyter',
          [
            'nbconvert',
            '--to',
            'notebook',
            '--execute',
            '--ExecutePreprocessor.timeout=3600',
            '--output-dir',
            dir,
            'notebooks/05-budget-what-if.ipynb',
          ],
          { ...env, HOTLINE_QUICK: '' },
        );
        if (run) rows.push(timedRow('notebook 05 at full size in Jupyter', '<= 300 s', c, run));
        console.log(`  notebook done (load ${load()})`);
      }
    }
    if (only.includes('demo')) {
      const c = cReference(binary);
      const run = timed(node, ['dist/sim/cli/demo.js', '--out', join(dir, 'demo')]);
      if (run) {
        rows.push(timedRow('npm run demo (after the build)', '<= 60 s', c, run));
        console.log(`  demo done (load ${load()})`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const widths = (['figure', 'measured', 'normalised', 'goal', 'memory'] as const).map((key) =>
    Math.max(key.length, ...rows.map((row) => row[key].length)),
  );
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${line(['figure', 'measured', 'normalised', 'goal', 'peak memory'])}`);
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line([row.figure, row.measured, row.normalised, row.goal, row.memory]));
  console.log(`(load average at the end ${load()})`);
}
