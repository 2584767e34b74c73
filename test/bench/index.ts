/**
 * `npm run bench`: builds with tsc and runs this file from dist/. Prints figures;
 * nothing here is a test. Order: the analytic layer, the simulator (each case in
 * its own process), then replications of a 12333 year on 1 and 2 worker threads,
 * the planning searches, and the forecast.
 */
import { benchAnalytic } from './analytic.js';
import { benchReplicate } from './replicate.js';
import { benchSimulator } from './simulator.js';

await benchAnalytic();
benchSimulator();
await benchReplicate(2);
await (await import('./plan.js')).benchPlan();
await (await import('./forecast.js')).benchForecast();
