import { importEsm } from '../core/importEsm.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** The parts of vega-lite and vega that rendering uses. */
interface VegaLiteModule {
  compile(spec: VegaLiteSpec): { spec: object };
}
interface VegaView {
  toSVG(): Promise<string>;
  finalize(): void;
}
interface VegaModule {
  parse(spec: object): object;
  View: new (runtime: object, options: { renderer: 'none' }) => VegaView;
}

/**
 * Draw a Vega-Lite spec as an SVG document, headless (no browser, no canvas):
 * vega-lite compiles it to Vega, a Vega View without a renderer lays it out,
 * and `toSVG` writes the picture. Text widths are estimated, so labels may sit
 * a pixel off where a browser would measure them.
 *
 * @param spec a Vega-Lite spec, as returned by the chart functions of `sim/chart/`
 * @returns the SVG markup, starting with `<svg`
 * @throws {Error} when vega-lite rejects the spec (for example an unknown mark)
 * @example
 * const spec = answerRateAgainstAgentsChart(
 *   [{ agents: 300, model: 'Erlang A', answerRate: 0.93, serviceLevel: 0.71 }],
 *   { answerRate: 0.8, serviceLevel: 0.8, answerWithinSeconds: 15 },
 * );
 * const svg = await renderSvg(spec);
 * svg.startsWith('<svg'); // => true
 * writeFileAtomic(join(tmpdir(), 'chart.svg'), svg);
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const vegaLite = (await importEsm('vega-lite')) as VegaLiteModule;
  const vega = (await importEsm('vega')) as VegaModule;
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
