import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/**
 * Compile files of sim/ to CommonJS, as tslab compiles them for a notebook,
 * into a temporary folder (keeping their paths under sim/), and run `script`
 * there in plain Node with the project's node_modules on NODE_PATH: how the
 * tests check that code meant for both module systems loads from CommonJS.
 *
 * @param files paths under sim/ without `.ts`, e.g. `['core/importEsm']`
 * @param script JavaScript for `node -e`, run in the folder (`require('./core/importEsm.js')`)
 * @returns what the script printed
 * @example
 * runAsCommonJs(['core/importEsm'], "require('./core/importEsm.js').importEsm('vega-lite').then((m) => console.log(typeof m.compile))");
 * // => { stdout: 'function\n', stderr: '' }
 */
export function runAsCommonJs(files: readonly string[], script: string): { stdout: string; stderr: string } {
  const folder = mkdtempSync(join(tmpdir(), 'hotline-commonjs-'));
  try {
    for (const file of files) {
      const source = readFileSync(join(process.cwd(), 'sim', `${file}.ts`), 'utf8');
      const out = ts.transpileModule(source, {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2020,
          esModuleInterop: true,
        },
      }).outputText;
      if (!out.includes('require(') && !out.includes('exports.'))
        throw new Error(`${file} did not compile to CommonJS`);
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      writeFileSync(join(folder, `${file}.js`), out);
    }
    const result = spawnSync(process.execPath, ['-e', script], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') },
    });
    return { stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
