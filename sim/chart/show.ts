import { createRequire } from 'node:module';
import { join } from 'node:path';
import { renderSvg } from './renderSvg.js';
import { VEGA_LITE_MIME_TYPE, VEGA_LITE_V5_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** The part of tslab's `display` that `show` uses. */
interface TslabDisplay {
  svg(svg: string): void;
  raw(contentType: string, data: unknown): void;
}

/**
 * tslab's display when this code runs inside a tslab kernel, otherwise null.
 * A kernel is the process started as `tslab kernel --config-path ...`; the
 * `tslab` package is then loaded from beside the kernel's own script (or from
 * the working directory), so that it is the instance the kernel writes its
 * outputs through. This works whether `sim/` was compiled to CommonJS by tslab
 * or is the ESM build in `dist/`. Outside a kernel nothing is loaded.
 */
function tslabDisplay(): TslabDisplay | null {
  const script = process.argv[1] ?? '';
  if (!/tslab/.test(script) || !process.argv.includes('kernel')) return null;
  for (const base of [script, join(process.cwd(), 'notebook.js')]) {
    try {
      const tslab = createRequire(base)('tslab') as { display?: TslabDisplay };
      if (tslab.display !== undefined) return tslab.display;
    } catch {
      // not found from this base; try the next
    }
  }
  return null;
}

/**
 * Show a chart in a tslab notebook cell: as SVG, which every viewer shows
 * (nbconvert, GitHub, VS Code), and as an interactive Vega-Lite chart where the
 * front end renders one (JupyterLab, Notebook 7, VS Code). The interactive copy
 * is sent as `application/vnd.vegalite.v5+json` with a v5 `$schema` (see
 * `vegaLiteVersion.ts`). Outside a notebook it draws the SVG and displays
 * nothing, so code that calls it also runs in Node and in tests; use
 * `renderSvg` to get the picture itself. It returns nothing, so that a cell
 * ending with `await show(...)` prints no value under the chart.
 *
 * @param spec a Vega-Lite spec, as returned by the chart functions of `sim/chart/`
 * @returns when the chart has been drawn (and displayed, in a notebook)
 * @throws {Error} when vega-lite rejects the spec
 * @example
 * // in a notebook cell:
 * const rows = [{ agents: 300, model: 'Erlang A', answerRate: 0.93, serviceLevel: 0.71 }];
 * await show(answerRateAgainstAgentsChart(rows, { answerRate: 0.8, serviceLevel: 0.8, answerWithinSeconds: 15 }));
 */
export async function show(spec: VegaLiteSpec): Promise<void> {
  const svg = await renderSvg(spec);
  const display = tslabDisplay();
  if (display === null) return;
  try {
    display.svg(svg);
  } catch {
    return; // tslab is loaded but is not serving a cell ("Not ready")
  }
  display.raw(VEGA_LITE_MIME_TYPE, { ...spec, $schema: VEGA_LITE_V5_SCHEMA });
}
