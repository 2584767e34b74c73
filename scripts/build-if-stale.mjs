#!/usr/bin/env node
/**
 * Build dist/ only when it is missing or older than a source it is built from
 * (sim/, test/bench/, the TypeScript configuration), so that `npm install &&
 * npm run demo` builds once: `npm install` builds (the `prepare` script), and
 * the demo then runs on that build; after an edit the demo builds again.
 *
 *   node scripts/build-if-stale.mjs     # prints why it builds, or that dist/ is up to date
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = join(ROOT, 'dist', 'sim', 'index.js');

/** The newest modification time, milliseconds, of the files under `dir` whose name passes `keep`. */
function newest(dir, keep) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, keep));
    else if (keep(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest(join(ROOT, 'sim'), (name) => name.endsWith('.ts')),
  newest(join(ROOT, 'test', 'bench'), (name) => name.endsWith('.ts')),
  ...['tsconfig.json', 'tsconfig.build.json'].map((name) => statSync(join(ROOT, name)).mtimeMs),
);
const reason = !existsSync(BUILT)
  ? 'dist/ is missing'
  : statSync(BUILT).mtimeMs < sources
    ? 'a source is newer than dist/'
    : null;
if (reason === null) {
  console.log('dist/ is up to date (npm install built it): not building again');
} else {
  console.log(`building (${reason})`);
  const build = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.exitCode = build.status ?? 1;
}
