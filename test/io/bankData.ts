import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { readAnonymousBankCalls, type AnonymousBankCalls } from '../../sim/io/anonymousBank.js';

/**
 * The Anonymous Bank's February 1999 call log, shipped in the repository at
 * `data/anonymous-bank/calls-1999-02.tsv` (with its README and citation).
 */
export const BANK_FILE = fileURLToPath(
  new URL('../../data/anonymous-bank/calls-1999-02.tsv', import.meta.url),
);

/** `describe` for tests on the real bank data (kept as a name: the file is always in the repository). */
export function describeBankData(name: string, body: () => void): void {
  describe(name, body);
}

let cached: AnonymousBankCalls | undefined;

/** The bank's records, read once per test file. */
export function bankCalls(): AnonymousBankCalls {
  cached ??= readAnonymousBankCalls(BANK_FILE);
  return cached;
}
