import { describe, expect, it } from 'vitest';
import { importEsm } from '../../sim/core/importEsm.js';
import { runAsCommonJs } from './commonJs.js';

// importEsm has two paths: a plain import() under ESM (vitest, the dist build)
// and a `new Function` import under CommonJS (sim/ compiled by tslab). The
// second is checked by compiling the file to CommonJS, as tslab does, and
// loading vega-lite 6 (ESM only, which `require` cannot load) from plain Node.
describe('importEsm', () => {
  it('loads vega-lite 6 under ESM', async () => {
    const vegaLite = (await importEsm('vega-lite')) as { compile?: unknown };
    expect(typeof vegaLite.compile).toBe('function');
  });

  it('loads vega-lite 6 when compiled to CommonJS', () => {
    const result = runAsCommonJs(
      ['core/importEsm'],
      "require('./core/importEsm.js').importEsm('vega-lite')" +
        '.then((m) => console.log(typeof m.compile), (e) => { console.error(e); process.exit(1); });',
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('function');
  });
});
