import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { readAnonymousBankCalls, type AnonymousBankCalls } from '../../sim/io/anonymousBank.js';

/**
 * The Anonymous Bank's February 1999 call log, found relative to the repository:
 * `../shared/data/anonymous-bank/calls-1999-02.tsv` from the repository root (in CI
 * the clone has a copy of shared/ beside it). Never an absolute path.
 */
export const BANK_FILE = fileURLToPath(
  new URL('../../../shared/data/anonymous-bank/calls-1999-02.tsv', import.meta.url),
);

/**
 * `describe` for tests on the real bank data: they run when the file is there,
 * and also under CI=true, where a missing file must fail the run; otherwise they
 * are skipped with the reason in their name.
 */
export function describeBankData(name: string, body: () => void): void {
  if (existsSync(BANK_FILE) || process.env.CI === 'true') describe(name, body);
  else
    describe.skip(
      `${name} (skipped: ../shared/data/anonymous-bank/calls-1999-02.tsv not found beside the repository)`,
      body,
    );
}

let cached: AnonymousBankCalls | undefined;

/** The bank's records, read once per test file. */
export function bankCalls(): AnonymousBankCalls {
  cached ??= readAnonymousBankCalls(BANK_FILE);
  return cached;
}
