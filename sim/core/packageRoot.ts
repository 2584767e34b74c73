import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Finding the project's own files at run time (the compiled worker entry of
 * `replicate`) in the same way from a notebook, the CLI and the tests.
 *
 * Why not `import.meta.url`: tslab compiles `sim/` to CommonJS with
 * TypeScript 5.0, where `import.meta` does not exist. So the root is found by
 * walking up to the folder whose `package.json` is named `hotline-planner`,
 * starting from (in order) the environment variable `HOTLINE_PLANNER_ROOT`,
 * this file's folder when the module system gives it (`__dirname` under
 * CommonJS), the current working directory (a notebook runs in
 * `notebooks/`), and the script being run (`process.argv[1]`, symlinks
 * resolved, so an installed `hotline` bin leads to its package).
 */

/** The package name that marks the project root. */
export const PACKAGE_NAME = 'hotline-planner';

/** Environment variable that points at the project root, overriding the search. */
export const ROOT_ENV_VAR = 'HOTLINE_PLANNER_ROOT';

function isPackageRoot(folder: string): boolean {
  const manifest = join(folder, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

function walkUp(start: string): string | undefined {
  let folder = resolve(start);
  for (;;) {
    if (isPackageRoot(folder)) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * The folder of the `hotline-planner` package (the one holding its
 * `package.json`).
 *
 * @returns an absolute path
 * @throws {Error} when no start point leads to it, naming `HOTLINE_PLANNER_ROOT`
 * @example
 * JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).name; // => 'hotline-planner'
 */
export function packageRoot(): string {
  const starts: string[] = [];
  const override = process.env[ROOT_ENV_VAR];
  if (override) starts.push(override);
  // __dirname exists under CommonJS (tslab, compiled bins) and is absent under ESM.
  if (typeof __dirname === 'string') starts.push(__dirname);
  starts.push(process.cwd());
  // The script being run, through symlinks (an installed bin in node_modules/.bin is one).
  const script = process.argv[1];
  if (script && existsSync(script)) starts.push(dirname(realpathSync(script)));
  for (const start of starts) {
    const root = walkUp(start);
    if (root !== undefined) return root;
  }
  throw new Error(
    `packageRoot: no folder with a package.json named ${PACKAGE_NAME} above ${starts.join(', ')}; ` +
      `set ${ROOT_ENV_VAR} to the project folder`,
  );
}

/** Relative imports of a compiled ES module (`from './x.js'`, `import './x.js'`). */
const RELATIVE_IMPORT = /(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * Every compiled file reachable from `entry` by relative imports, with the
 * TypeScript source it was built from (`dist/sim/x.js` from `sim/x.ts`).
 */
function compiledClosure(root: string, entry: string): { compiled: string; source: string }[] {
  const seen = new Set<string>();
  const pending = [entry];
  const files: { compiled: string; source: string }[] = [];
  while (pending.length > 0) {
    const compiled = pending.pop() as string;
    if (seen.has(compiled)) continue;
    seen.add(compiled);
    files.push({
      compiled,
      source: join(root, relative(join(root, 'dist'), compiled)).replace(/\.js$/, '.ts'),
    });
    if (!existsSync(compiled)) continue;
    for (const match of readFileSync(compiled, 'utf8').matchAll(RELATIVE_IMPORT)) {
      pending.push(resolve(dirname(compiled), match[1] as string));
    }
  }
  return files;
}

/**
 * The absolute path of a compiled JavaScript file under `dist/`, checked to
 * be at least as new as the TypeScript source of every file it imports,
 * directly or not (a worker running stale code would give results that
 * differ from the calling thread's). Sources outside that import graph (a
 * chart, a notebook helper) do not matter. When the package ships without
 * `sim/` sources, only existence is checked.
 *
 * @param compiledPath path inside `dist/`, for example `sim/plan/replicateWorker.js`
 * @returns the absolute path of the file
 * @throws {Error} "run npm run build" when a file is missing or older than its source
 * @example
 * compiledEntry('sim/plan/replicateWorker.js') === join(packageRoot(), 'dist', 'sim', 'plan', 'replicateWorker.js'); // => true
 */
export function compiledEntry(compiledPath: string): string {
  const root = packageRoot();
  const entry = join(root, 'dist', compiledPath);
  if (!existsSync(entry)) {
    throw new Error(`${relative(root, entry)} is missing: run npm run build (in ${root})`);
  }
  for (const { compiled, source } of compiledClosure(root, entry)) {
    if (!existsSync(compiled)) {
      throw new Error(`${relative(root, compiled)} is missing: run npm run build (in ${root})`);
    }
    if (existsSync(source) && statSync(compiled).mtimeMs < statSync(source).mtimeMs) {
      throw new Error(
        `dist/ is older than the sources (${relative(root, source)} changed after it was built): ` +
          `run npm run build (in ${root})`,
      );
    }
  }
  return entry;
}
