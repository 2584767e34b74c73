/**
 * `npm run bench`: builds with tsc and runs this file from dist/. Prints figures;
 * nothing here is a test. The analytic benchmarks (./analytic.js) run first when
 * that file exists.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchSimulator } from './simulator.js';

const analytic = fileURLToPath(new URL('./analytic.js', import.meta.url));
if (existsSync(analytic)) {
  const specifier: string = './analytic.js';
  const module = (await import(specifier)) as { benchAnalytic?: () => void | Promise<void> };
  await module.benchAnalytic?.();
}
benchSimulator();
