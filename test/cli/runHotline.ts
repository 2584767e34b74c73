import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// The BUILT command, run as a user runs it (`npm test` builds first; alone:
// `npm run build && npx vitest run test/cli/<file>`).
export const MAIN = resolve('dist/sim/cli/main.js');

/** What a run of `hotline` gave. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node dist/sim/cli/main.js ...args` in `cwd`, at most 110 s. */
export function hotline(args: readonly string[], cwd = process.cwd()): Run {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const run = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', timeout: 110_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A stack trace line, as Node prints them. */
export const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
