/**
 * `npm run bench`: builds with tsc and runs this file from dist/. Prints figures;
 * nothing here is a test. Order: the analytic layer, the simulator (each case in
 * its own process), then replications of a 12333 year on 1 and 2 worker threads,
 * the planning searches, the forecast, and a 12333 year with every channel on
 * against voice alone (issue 16).
 */
import { benchAnalytic } from './analytic.js';
import { benchReplicate } from './replicate.js';
import { benchSimulator } from './simulator.js';

await benchAnalytic();
benchSimulator();
await benchReplicate(2);
await (await import('./plan.js')).benchPlan();
await (await import('./forecast.js')).benchForecast();
(await import('./channels.js')).benchChannels();
