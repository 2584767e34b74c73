import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The notebook runner is what makes `npm test` fail on a broken notebook, so it
// is tested itself: on a folder holding one notebook that passes and one whose
// cell throws, it must exit non-zero and show the failing cell's error.

const RUNNER = join(process.cwd(), 'test', 'notebooks', 'run-notebooks.mjs');
const UNDER_CI = process.env.CI === 'true' || process.env.CI === '1';
const hasJupyter = spawnSync('jupyter', ['nbconvert', '--version'], { stdio: 'ignore' }).status === 0;

/** A minimal nbformat 4 notebook for the tslab kernel with one code cell per source. */
function notebook(...sources: string[]): string {
  return JSON.stringify({
    cells: sources.map((source, index) => ({
      cell_type: 'code',
      execution_count: null,
      id: `cell-${index}`,
      metadata: {},
      outputs: [],
      source,
    })),
    metadata: {
      kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' },
      language_info: { name: 'typescript' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

const folder = mkdtempSync(join(tmpdir(), 'hotline-runner-test-'));
writeFileSync(join(folder, 'a-passes.ipynb'), notebook('// Adds two numbers.\nconsole.log(1 + 1);'));
writeFileSync(
  join(folder, 'b-fails.ipynb'),
  notebook("// Fails on purpose.\nthrow new Error('deliberate failure for the runner test');"),
);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function runRunner(env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [RUNNER, '--dir', folder], { encoding: 'utf8', env, timeout: 300_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('run-notebooks.mjs', () => {
  // Required under CI, where Jupyter is always installed by .ci/run.
  it.skipIf(!hasJupyter && !UNDER_CI)(
    'fails on a notebook whose cell throws, shows the error, and counts both notebooks',
    () => {
      const { status, output } = runRunner(process.env);
      expect(status).toBe(1);
      expect(output).toContain('PASS a-passes.ipynb');
      expect(output).toContain('FAIL b-fails.ipynb');
      expect(output).toContain('deliberate failure for the runner test');
      expect(output.trimEnd().split('\n').at(-1)).toBe('notebooks: 1 passed, 1 failed');
    },
  );

  it('says plainly that the step is skipped where Jupyter is absent, and exits 0', () => {
    const { status, output } = runRunner({ ...process.env, CI: '', PATH: join(folder, 'no-such-bin') });
    expect(status).toBe(0);
    expect(output).toContain('skipped: Jupyter is not installed here');
    expect(output.trimEnd().split('\n').at(-1)).toBe('notebooks: 0 passed, 0 failed, 2 skipped');
  });

  it('fails under CI=true where Jupyter is absent', () => {
    const { status, output } = runRunner({ ...process.env, CI: 'true', PATH: join(folder, 'no-such-bin') });
    expect(status).toBe(1);
    expect(output).toContain('Under CI (CI=true) Jupyter and the tslab kernel must be present');
  });
});
