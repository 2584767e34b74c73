import { renderSvg } from './renderSvg.js';
import { VEGA_LITE_MIME_TYPE, VEGA_LITE_V5_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** The part of tslab's `display` that `show` uses. */
interface TslabDisplay {
  svg(svg: string): void;
  raw(contentType: string, data: unknown): void;
}

/** What `show` did. */
export interface ShowResult {
  /** The chart drawn as SVG markup. */
  svg: string;
  /** True when the chart was sent to a tslab notebook; false elsewhere (Node, tests, the CLI). */
  displayed: boolean;
}

/**
 * tslab's display when this code runs inside a tslab kernel, otherwise null.
 * tslab compiles `sim/` to CommonJS, so a kernel is recognised by `require`
 * finding the `tslab` package; outside a kernel tslab's display throws
 * "Not ready", which `show` treats as "not in a notebook".
 */
function tslabDisplay(): TslabDisplay | null {
  if (typeof require !== 'function' || typeof module !== 'object') return null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tslab = require('tslab') as { display?: TslabDisplay };
    return tslab.display ?? null;
  } catch {
    return null;
  }
}

/**
 * Show a chart in a tslab notebook cell: as SVG, which every viewer shows
 * (nbconvert, GitHub, VS Code), and as an interactive Vega-Lite chart where the
 * front end renders one (JupyterLab, Notebook 7, VS Code). The interactive copy
 * is sent as `application/vnd.vegalite.v5+json` with a v5 `$schema` (see
 * `vegaLiteVersion.ts`). Outside a notebook it draws the SVG and displays
 * nothing, so code that calls it also runs in Node and in tests.
 *
 * @param spec a Vega-Lite spec, as returned by the chart functions of `sim/chart/`
 * @returns the SVG and whether it was displayed
 * @throws {Error} when vega-lite rejects the spec
 * @example
 * // in a notebook cell:
 * await show(answerRateAgainstAgentsChart(rows, { answerRate: 0.8, serviceLevel: 0.8, answerWithinSeconds: 15 }));
 */
export async function show(spec: VegaLiteSpec): Promise<ShowResult> {
  const svg = await renderSvg(spec);
  const display = tslabDisplay();
  if (display === null) return { svg, displayed: false };
  try {
    display.svg(svg);
  } catch {
    return { svg, displayed: false }; // tslab is installed but this is not a kernel
  }
  display.raw(VEGA_LITE_MIME_TYPE, { ...spec, $schema: VEGA_LITE_V5_SCHEMA });
  return { svg, displayed: true };
}
