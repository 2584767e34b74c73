/**
 * Load an ESM-only package (vega, vega-lite, augurs) from code that runs both as ESM
 * (Node, vitest, the built CLI) and as CommonJS (tslab compiles `sim/` to
 * CommonJS for notebooks).
 *
 * - Under ESM, a plain `import(specifier)` is a real dynamic import.
 * - Under CommonJS, TypeScript rewrites `import()` into `require()`, which
 *   cannot load vega 6 (ESM with top-level await). There a dynamic import
 *   built with `new Function` survives compilation; it is given an absolute
 *   file URL found with `require.resolve`, so it does not depend on the
 *   kernel's working directory.
 *
 * A `file:` URL is imported as it is, under either system (the forecast
 * resolves augurs' files itself, to read its WebAssembly beside it).
 *
 * Vitest runs modules inside `vm` and gives them `require` too, but there the
 * `new Function` import has no import callback (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING);
 * then the plain `import()`, which vitest handles, is used.
 */
import { pathToFileURL } from 'node:url';

const nativeImport = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;

/** True when CommonJS `require` is at hand (tslab, and vitest's module runner), false under plain ESM. */
function isCommonJs(): boolean {
  return typeof require === 'function' && typeof module === 'object';
}

/**
 * Import an ES module by package name, from ESM or CommonJS code alike.
 *
 * @param specifier a package name such as `'vega-lite'`, or an absolute `file:` URL
 * @returns the module namespace object
 * @throws {Error} when the package cannot be found or fails to load
 * @example
 * const vegaLite = (await importEsm('vega-lite')) as { compile: (spec: object) => unknown };
 */
export async function importEsm(specifier: string): Promise<unknown> {
  if (isCommonJs()) {
    try {
      const url = specifier.startsWith('file:') ? specifier : pathToFileURL(require.resolve(specifier)).href;
      return await nativeImport(url);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING') throw error;
    }
  }
  return import(specifier);
}
