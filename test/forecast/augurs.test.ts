import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAugurs } from '../../sim/forecast/augurs.js';

// augurs (WebAssembly) must load from the ESM build (CLI, tests) and from tslab's CommonJS
// (notebooks, where sim/ may be compiled to CommonJS). The second is checked as in
// test/core/importEsm.test.ts: the loader and what it imports, compiled to CommonJS, in plain Node.
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

  const folder = mkdtempSync(join(tmpdir(), 'hotline-augurs-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('loads augurs when compiled to CommonJS', () => {
    for (const file of ['core/importEsm', 'core/packageRoot', 'forecast/augurs']) {
      const source = readFileSync(join(process.cwd(), 'sim', `${file}.ts`), 'utf8');
      const out = ts.transpileModule(source, {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2020,
          esModuleInterop: true,
        },
      }).outputText;
      mkdirSync(join(folder, file, '..'), { recursive: true });
      writeFileSync(join(folder, `${file}.js`), out);
    }
    const script =
      "require('./forecast/augurs.js').loadAugurs().then((a) => { const m = a.mstlEts([2]);" +
      ' m.fit(Float64Array.from([1, 3, 1, 3, 1, 3, 1, 3])); console.log(m.predict(2).point.map(Math.round).join(",")); m.free(); },' +
      ' (e) => { console.error(e); process.exit(1); });';
    const result = spawnSync(process.execPath, ['-e', script], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('1,3');
  });
});
