import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importEsm } from '../core/importEsm.js';
import { packageRoot } from '../core/packageRoot.js';

/*
 * augurs (Grafana's time-series library in Rust, @bsull/augurs on npm) as the
 * forecast's engine: MSTL decomposition with an AutoETS trend model.
 *
 * The npm package is wasm-bindgen's "web" build: ES modules whose default
 * initialiser fetches the `.wasm` file beside them, which Node 20's fetch
 * cannot do for a file. So the module file is resolved here, its `.wasm`
 * read from disk and given to `initSync`. The module is ESM without
 * top-level await; it is imported by file URL through `importEsm`, so that it
 * loads from the ESM build (CLI, tests) and from tslab's CommonJS alike.
 * Types are declared here (only what is used) rather than imported, so that
 * nothing reachable from `sim/index.ts` needs the package's type files.
 */

/** A fitted-or-not MSTL model of augurs (a handle on WebAssembly memory: `free` it). */
export interface AugursMstlModel {
  /** Fit to a series (no NaN unless the model was made with `impute`). */
  fit(y: Float64Array): void;
  /** Point forecasts of the next `horizon` values, with intervals at `level` when given. */
  predict(horizon: number, level?: number): { point: number[] };
  /** Release the model's WebAssembly memory. */
  free(): void;
}

/** The part of augurs the forecast uses. */
export interface Augurs {
  /** MSTL with several seasonal periods (in steps), its trend forecast by AutoETS. */
  mstlEts(periods: readonly number[]): AugursMstlModel;
}

interface MstlModule {
  initSync(options: { module: Uint8Array }): unknown;
  MSTL: { ets(periods: number[], options?: { impute?: boolean }): AugursMstlModel };
}

/** The npm package and the sub-module used. */
export const AUGURS_PACKAGE = '@bsull/augurs';
const MSTL_MODULE = `${AUGURS_PACKAGE}/mstl`;

/** The module's file: by CommonJS `require` when there is one, else from the project, else from the working folder. */
function resolveModule(): string {
  if (typeof require === 'function' && typeof module === 'object') {
    try {
      return require.resolve(MSTL_MODULE);
    } catch {
      // vitest's require may not resolve package exports; fall through
    }
  }
  const bases: string[] = [];
  try {
    bases.push(join(packageRoot(), 'package.json'));
  } catch {
    // used as a library from elsewhere: the working folder's node_modules
  }
  bases.push(join(process.cwd(), 'package.json'));
  for (const base of bases) {
    try {
      return createRequire(base).resolve(MSTL_MODULE);
    } catch {
      // try the next base
    }
  }
  throw new Error(`loadAugurs: cannot find ${MSTL_MODULE}; is ${AUGURS_PACKAGE} installed (npm install)?`);
}

let loading: Promise<Augurs> | undefined;

/**
 * Load augurs once (WebAssembly compiled on first use, about 0.1 s) and give
 * the models the forecast uses. Later calls return the same instance.
 *
 * @returns the loaded library
 * @throws {Error} when the package is not installed or its WebAssembly fails to load
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(bank.records, { intervalMinutes: 60 });
 * const history = Float64Array.from(series.calls).slice(0, 21 * 24); // 1-21 February 1999, by the hour
 * const augurs = await loadAugurs();
 * const model = augurs.mstlEts([24, 168]);
 * model.fit(history);
 * const next = model.predict(168).point;
 * model.free();
 * next.length; // => 168 (the week after 21 February)
 */
export function loadAugurs(): Promise<Augurs> {
  loading ??= (async () => {
    const file = resolveModule();
    const mstl = (await importEsm(pathToFileURL(file).href)) as MstlModule;
    mstl.initSync({ module: readFileSync(file.replace(/\.js$/, '_bg.wasm')) });
    return { mstlEts: (periods) => mstl.MSTL.ets([...periods]) };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
