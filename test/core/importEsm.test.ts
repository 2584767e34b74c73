import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { importEsm } from '../../sim/core/importEsm.js';

// importEsm has two paths: a plain import() under ESM (vitest, the dist build)
// and a `new Function` import under CommonJS (sim/ compiled by tslab). The
// second is checked by compiling the file to CommonJS, as tslab does, and
// loading vega-lite 6 (ESM only, which `require` cannot load) from plain Node.
describe('importEsm', () => {
  it('loads vega-lite 6 under ESM', async () => {
    const vegaLite = (await importEsm('vega-lite')) as { compile?: unknown };
    expect(typeof vegaLite.compile).toBe('function');
  });

  const folder = mkdtempSync(join(tmpdir(), 'hotline-import-esm-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('loads vega-lite 6 when compiled to CommonJS', () => {
    const source = readFileSync(join(process.cwd(), 'sim', 'core', 'importEsm.ts'), 'utf8');
    const commonJs = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
      },
    }).outputText;
    expect(commonJs).toContain('require(');
    writeFileSync(join(folder, 'importEsm.cjs'), commonJs);
    const script =
      "require('./importEsm.cjs').importEsm('vega-lite')" +
      '.then((m) => console.log(typeof m.compile), (e) => { console.error(e); process.exit(1); });';
    const result = spawnSync(process.execPath, ['-e', script], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('function');
  });
});
