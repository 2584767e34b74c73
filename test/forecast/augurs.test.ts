import { describe, expect, it } from 'vitest';
import { loadAugurs } from '../../sim/forecast/augurs.js';
import { runAsCommonJs } from '../core/commonJs.js';

// augurs (WebAssembly) must load from the ESM build (CLI, tests) and from tslab's CommonJS
// (notebooks, where sim/ may be compiled to CommonJS). The second is checked as importEsm's
// is: the loader and what it imports, compiled to CommonJS, in plain Node.
describe('loadAugurs', () => {
  it('loads augurs under ESM, once, and fits an MSTL model', async () => {
    const augurs = await loadAugurs();
    expect(await loadAugurs()).toBe(augurs);
    const model = augurs.mstlEts([4]);
    model.fit(Float64Array.from({ length: 16 }, (_, i) => 10 + (i % 4)));
    const next = model.predict(4).point;
    model.free();
    expect(next.map((x) => Math.round(x))).toEqual([10, 11, 12, 13]);
  });

  it('loads augurs when compiled to CommonJS', () => {
    const result = runAsCommonJs(
      ['core/importEsm', 'core/packageRoot', 'forecast/augurs'],
      "require('./forecast/augurs.js').loadAugurs().then((a) => { const m = a.mstlEts([2]);" +
        ' m.fit(Float64Array.from([1, 3, 1, 3, 1, 3, 1, 3])); console.log(m.predict(2).point.map(Math.round).join(",")); m.free(); },' +
        ' (e) => { console.error(e); process.exit(1); });',
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('1,3');
  });
});
