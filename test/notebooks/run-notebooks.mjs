#!/usr/bin/env node
/**
 * Execute every notebook in a real Jupyter with the tslab kernel, top to
 * bottom, and fail on any cell error.
 *
 *   node test/notebooks/run-notebooks.mjs            # every notebooks/*.ipynb
 *   node test/notebooks/run-notebooks.mjs --dir DIR  # every DIR/*.ipynb (the runner's own test)
 *   node test/notebooks/run-notebooks.mjs notebooks/01-erlang-quickstart.ipynb
 *   node test/notebooks/run-notebooks.mjs --require-chart   # and each must show a chart as SVG (npm test)
 *   node test/notebooks/run-notebooks.mjs --refresh         # npm run notebooks:refresh (below)
 *
 * - Each notebook runs with `jupyter nbconvert --to notebook --execute`; the
 *   executed copy goes to a fresh temporary folder, never beside the original.
 *   The kernel starts in the notebook's own folder, so `../sim/index.js` works.
 * - HOTLINE_QUICK=1 is set, so notebooks may lower their replications.
 * - The tslab kernel is looked up in the project-local folder `.jupyter/`
 *   (JUPYTER_PATH=.jupyter/share/jupyter) and registered there first if missing.
 * - Where Jupyter is absent, the step says so plainly and exits 0. Under CI
 *   (CI=true) a missing Jupyter or tslab kernel is a failure.
 * - Two notebooks run at a time. The last line reads `notebooks: N passed, N failed`.
 * - With --require-chart, a notebook that shows no chart as `image/svg+xml` (the
 *   output GitHub and every viewer display) fails.
 * - With --refresh (`npm run notebooks:refresh`), each notebook runs at full
 *   size (no HOTLINE_QUICK), one at a time, and its executed copy, with every
 *   output saved and without the cells' timing metadata, replaces the original
 *   once it has passed (and shown a chart as SVG): the committed notebooks then
 *   show their results and charts without being run. A failure leaves the
 *   original as it was.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const UNDER_CI = process.env.CI === 'true' || process.env.CI === '1';
const KERNEL_NAME = 'tslab';
const REFRESH = process.argv.includes('--refresh');
const REQUIRE_CHART = REFRESH || process.argv.includes('--require-chart');
const CELL_TIMEOUT_SECONDS = REFRESH ? 3600 : 900;
const NOTEBOOK_TIMEOUT_MS = (REFRESH ? 120 : 40) * 60 * 1000;
const PARALLEL = REFRESH ? 1 : 2;
const SVG_MIME = 'image/svg+xml';
const JUPYTER_PREFIX = join(ROOT, '.jupyter');
const JUPYTER_DATA = join(JUPYTER_PREFIX, 'share', 'jupyter');
const TSLAB_BIN = join(ROOT, 'node_modules', '.bin', 'tslab');

/** Lines Python's debugger prints at every kernel start; noise, not errors. */
const NOISE = /Debugger warning|frozen modules|Xfrozen_modules|PYDEVD_DISABLE_FILE_VALIDATION|Debugging will proceed/;

/** Colour codes in Jupyter tracebacks. */
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function log(message) {
  console.log(`notebooks: ${message}`);
}

/** Give up on the notebook step: a failure under CI, a plain skip elsewhere. */
function unavailable(reason, count) {
  if (UNDER_CI) {
    log(`FAILED: ${reason}. Under CI (CI=true) Jupyter and the tslab kernel must be present.`);
    console.log(`notebooks: 0 passed, ${count} failed`);
    process.exit(1);
  }
  log(`skipped: ${reason}.`);
  log('install jupyter-nbconvert, python3-nbclient, jupyter-client and python3-ipykernel (see README) to run them.');
  console.log(`notebooks: 0 passed, 0 failed, ${count} skipped`);
  process.exit(0);
}

function parseArgs(argv) {
  const files = [];
  let dir = join(ROOT, 'notebooks');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dir') {
      dir = resolve(argv[++i] ?? '');
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: run-notebooks.mjs [--dir DIR] [--require-chart] [--refresh] [notebook.ipynb ...]');
      process.exit(0);
    } else if (arg === '--refresh' || arg === '--require-chart') {
      continue;
    } else {
      files.push(resolve(arg));
    }
  }
  if (files.length > 0) return files.sort();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ipynb') && !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name));
}

function quiet(command, args, env = process.env) {
  return spawnSync(command, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The Python that Jupyter runs on and that can register a kernel (has jupyter_client). */
function findPython() {
  for (const candidate of ['/usr/bin/python3', 'python3', 'python']) {
    const probe = quiet(candidate, ['-c', 'import jupyter_client']);
    if (probe.status === 0) return candidate;
  }
  return null;
}

/** True when the project-local tslab kernel exists and its command is present. */
function kernelReady() {
  const specFile = join(JUPYTER_DATA, 'kernels', KERNEL_NAME, 'kernel.json');
  if (!existsSync(specFile)) return false;
  try {
    const spec = JSON.parse(readFileSync(specFile, 'utf8'));
    const command = spec.argv?.[0];
    return typeof command === 'string' && existsSync(command);
  } catch {
    return false;
  }
}

/** Register tslab in `.jupyter/`, pointing at this checkout's tslab by absolute path. */
function registerKernel() {
  if (!existsSync(TSLAB_BIN)) return `tslab is not installed in node_modules (run npm install)`;
  const python = findPython();
  if (python === null) return 'no Python with jupyter_client was found to register the tslab kernel';
  log(`registering the tslab kernel in .jupyter/ (python: ${python})`);
  const result = quiet(process.execPath, [
    join(ROOT, 'node_modules', 'tslab', 'bin', 'tslab'),
    'install',
    '--python',
    python,
    '--binary',
    TSLAB_BIN,
    '--prefix',
    JUPYTER_PREFIX,
  ]);
  if (result.status !== 0) return `tslab install failed: ${(result.stderr || result.stdout).trim()}`;
  return kernelReady() ? null : 'tslab install ran but no kernel.json appeared in .jupyter/';
}

function jupyterEnv() {
  const jupyterPath = [JUPYTER_DATA, process.env.JUPYTER_PATH].filter(Boolean).join(delimiter);
  const path = [join(ROOT, 'node_modules', '.bin'), process.env.PATH].filter(Boolean).join(delimiter);
  const env = { ...process.env, JUPYTER_PATH: jupyterPath, PATH: path, PYDEVD_DISABLE_FILE_VALIDATION: '1' };
  if (REFRESH) delete env.HOTLINE_QUICK;
  else env.HOTLINE_QUICK = '1';
  return env;
}

function nbconvertArgs(notebook, outputDir, allowErrors) {
  return [
    'nbconvert',
    '--to',
    'notebook',
    '--execute',
    ...(allowErrors ? ['--allow-errors'] : []),
    `--ExecutePreprocessor.timeout=${CELL_TIMEOUT_SECONDS}`,
    `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`,
    ...(REFRESH ? ['--ExecutePreprocessor.record_timing=False'] : []),
    '--output-dir',
    outputDir,
    notebook,
  ];
}

function run(command, args, env) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: NOTEBOOK_TIMEOUT_MS });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolvePromise({ status: -1, output: `${output}\n${error.message}` }));
    child.on('close', (status, signal) =>
      resolvePromise({ status: status ?? -1, output: signal ? `${output}\nkilled by ${signal}` : output }),
    );
  });
}

function text(value) {
  return Array.isArray(value) ? value.join('') : String(value ?? '');
}

/**
 * Why a notebook failed, cell by cell: nbconvert stops at the first error but
 * does not print what tslab wrote to stderr (its compile errors), so the
 * notebook is executed once more with --allow-errors and every error and
 * stderr output is shown with its cell number.
 */
async function explainFailure(notebook, outputDir, env) {
  const again = await run('jupyter', nbconvertArgs(notebook, outputDir, true), env);
  const executed = join(outputDir, basename(notebook));
  if (again.status !== 0 || !existsSync(executed)) return null;
  const lines = [];
  const cells = JSON.parse(readFileSync(executed, 'utf8')).cells ?? [];
  cells.forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    const problems = (cell.outputs ?? []).filter(
      (output) => output.output_type === 'error' || (output.output_type === 'stream' && output.name === 'stderr'),
    );
    if (problems.length === 0) return;
    const firstLine = text(cell.source).split('\n')[0];
    lines.push(`  cell ${index + 1} (${firstLine}):`);
    for (const output of problems) {
      const body =
        output.output_type === 'error'
          ? `${output.ename}: ${output.evalue}\n${text(output.traceback).replace(ANSI_COLOUR, '')}`
          : text(output.text);
      lines.push(...body.trimEnd().split('\n').map((line) => `    ${line}`));
    }
  });
  return lines.length > 0 ? lines.join('\n') : null;
}

/** How many outputs of an executed notebook are charts as SVG. */
function svgOutputs(file) {
  if (!existsSync(file)) return 0;
  const cells = JSON.parse(readFileSync(file, 'utf8')).cells ?? [];
  return cells
    .flatMap((cell) => cell.outputs ?? [])
    .filter((output) => output.data !== undefined && output.data[SVG_MIME] !== undefined).length;
}

async function executeNotebook(notebook, env) {
  const name = basename(notebook);
  const outputDir = mkdtempSync(join(tmpdir(), 'hotline-notebook-'));
  const started = Date.now();
  try {
    const result = await run('jupyter', nbconvertArgs(notebook, outputDir, false), env);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.status === 0) {
      const executed = join(outputDir, name);
      const charts = svgOutputs(executed);
      if (REQUIRE_CHART && charts === 0) {
        console.log(`notebooks: FAIL ${name} (${seconds} s): it shows no chart as ${SVG_MIME} (call show(spec))`);
        return false;
      }
      if (REFRESH) {
        // Copy beside the original first, then rename: the original is replaced whole or not at all.
        const beside = join(dirname(notebook), `.${name}.refresh.tmp`);
        copyFileSync(executed, beside);
        renameSync(beside, notebook);
      }
      log(`PASS ${name} (${seconds} s, ${charts} chart(s) as SVG${REFRESH ? ', outputs saved' : ''})`);
      return true;
    }
    // nbconvert's own traceback is noise; keep its account of the failing cell.
    const marker = result.output.indexOf('An error occurred while executing the following cell');
    const reported = (marker >= 0 ? result.output.slice(marker) : result.output)
      .split('\n')
      .filter((line) => !NOISE.test(line))
      .slice(-40)
      .join('\n')
      .trimEnd();
    const details = await explainFailure(notebook, mkdtempSync(join(tmpdir(), 'hotline-notebook-')), env);
    console.log(`notebooks: FAIL ${name} (${seconds} s)\n${reported}`);
    if (details !== null) console.log(`notebooks: outputs of ${name} showing errors:\n${details}`);
    if (`${reported}${details}`.includes("is not under 'rootDir'")) {
      log(
        "hint: tslab compiles only .ts files inside the notebook's folder; import the built library " +
          "from '../dist/sim/index.js' instead of '../sim/index.js' (README, Notebooks)",
      );
    }
    return false;
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

async function main() {
  const notebooks = parseArgs(process.argv.slice(2)).filter((file) => existsSync(file) && statSync(file).isFile());
  if (notebooks.length === 0) {
    log('no notebooks to run');
    console.log('notebooks: 0 passed, 0 failed');
    return 0;
  }

  const version = quiet('jupyter', ['nbconvert', '--version']);
  if (version.error || version.status !== 0) {
    unavailable('Jupyter is not installed here (`jupyter nbconvert` was not found on PATH)', notebooks.length);
  }
  if (!kernelReady()) {
    const problem = registerKernel();
    if (problem !== null) unavailable(problem, notebooks.length);
  }

  log(
    `executing ${notebooks.length} notebook(s) with nbconvert ${version.stdout.trim()}, kernel ${KERNEL_NAME}, ` +
      (REFRESH ? 'at full size, saving their outputs' : 'HOTLINE_QUICK=1'),
  );
  const env = jupyterEnv();
  const queue = [...notebooks];
  let passed = 0;
  let failed = 0;
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (await executeNotebook(next, env)) passed++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, notebooks.length) }, worker));
  console.log(`notebooks: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
