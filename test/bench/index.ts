/**
 * `npm run bench`: builds with tsc and runs this file from dist/. Prints figures;
 * nothing here is a test. Order: the analytic layer, the simulator's library
 * figures (a year without and with every mechanism, each in its own process),
 * then issue 15's table beside the C reference (`table.ts`): M/M/c+M against C,
 * the 12333 year through the CLI, two workers against one, the least budget,
 * notebook 05 at full size and the demo; then the forecast, and a 12333 year
 * with every channel on against voice alone (issue 16, `channels.ts`).
 *
 * `BENCH=mmcm,year,...` measures only those figures of the table (mmcm, year,
 * workers, least, notebook, demo) and skips the rest; `channels` among them
 * measures the all-media year too.
 */
import { benchAnalytic } from './analytic.js';
import { benchSimulator } from './simulator.js';
import { benchTable } from './table.js';

const only = process.env.BENCH?.split(',').filter((name) => name.length > 0);
if (only === undefined) {
  await benchAnalytic();
  benchSimulator(['year', 'yearAll']);
}
await benchTable(only);
if (only === undefined) await (await import('./forecast.js')).benchForecast();
if (only === undefined || only.includes('channels')) (await import('./channels.js')).benchChannels();
