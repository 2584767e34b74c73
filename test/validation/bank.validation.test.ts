import { expect, it } from 'vitest';
import { agentsPresentPerInterval } from '../../sim/calibrate/agentsPresent.js';
import { calibrateFromRecords } from '../../sim/calibrate/calibrateFromRecords.js';
import type { ObservedCall } from '../../sim/calibrate/types.js';
import { scenarioFromCalibration } from '../../sim/io/calibratedScenario.js';
import { simulate } from '../../sim/model/simulate.js';
import type { IntervalRow, Scenario } from '../../sim/model/types.js';
import { bankCalls, describeBankData } from '../io/bankData.js';

// Validation against a real call center (issue 4): calibrate on the Anonymous Bank's
// February 1999 records (arrivals per hour and weekday, handle times, patience, agents
// present per hour), simulate the month with replications, and compare hour by hour
// (weekday x hour cells, the 4 weeks pooled) with what the bank saw. The simulator is
// NOT tuned to these data: every input is the calibration's, decided before the
// comparison. The bounds below are what was measured (figures in the comments, 20
// replications, seed 1999) with room for Monte Carlo noise; they pin an honest finding:
// the FIFO model with the calibrated agents is far too optimistic for this center.
// notebooks/06-validation-real-call-center.ipynb shows the same comparison with charts.

const START = Date.UTC(1999, 1, 1) / 1000; // 1999-02-01, a Monday
const DAYS = 28;
const T = 20; // service-level threshold, seconds (as outcomesByClass uses for the bank)
const REPLICATIONS = 20;
const MIN_CALLS = 50; // cells with fewer observed calls in the month are left out

interface Cell {
  offered: number;
  abandoned: number;
  waitSeconds: number; // answered + abandoned
  waited: number; // answered + abandoned
  answeredWithin: number;
}

const empty = (): Cell[] =>
  Array.from({ length: 168 }, () => ({
    offered: 0,
    abandoned: 0,
    waitSeconds: 0,
    waited: 0,
    answeredWithin: 0,
  }));

/** Observed cells: weekday (0 Sunday) x hour. */
function observedCells(records: readonly ObservedCall[]): Cell[] {
  const cells = empty();
  for (const r of records) {
    if (r.arrivalSeconds < START || r.arrivalSeconds >= START + DAYS * 86_400) continue;
    const cell =
      cells[
        new Date(r.arrivalSeconds * 1000).getUTCDay() * 24 + Math.floor((r.arrivalSeconds % 86_400) / 3600)
      ]!;
    cell.offered++;
    if (r.outcome === 'abandoned') cell.abandoned++;
    if (r.outcome !== 'blocked') {
      cell.waitSeconds += r.waitSeconds;
      cell.waited++;
    }
    if (r.outcome === 'answered' && r.waitSeconds <= T) cell.answeredWithin++;
  }
  return cells;
}

/** Simulated cells, pooled over the replications. */
function simulatedCells(scenario: Scenario): Cell[] {
  const cells = empty();
  for (let replication = 0; replication < REPLICATIONS; replication++) {
    const rows: IntervalRow[] = simulate(scenario, { seed: 1999, replication }).intervals;
    for (const row of rows) {
      const t = START + row.startSeconds;
      const cell = cells[new Date(t * 1000).getUTCDay() * 24 + Math.floor((t % 86_400) / 3600)]!;
      cell.offered += row.offered;
      cell.abandoned += row.abandoned;
      cell.waitSeconds += row.waitAnsweredSeconds + row.waitAbandonedSeconds;
      cell.waited += row.answered + row.abandoned;
      cell.answeredWithin += row.answeredWithin;
    }
  }
  return cells;
}

interface Errors {
  cells: number;
  /** Mean absolute error over cells, percentage points (abandonment, service level) or seconds (wait). */
  abandonPp: number;
  meanWaitSeconds: number;
  serviceLevelPp: number;
  /** Mean signed error (simulated - observed): negative = the simulator is optimistic. */
  abandonBiasPp: number;
  /** Largest relative difference of offered calls per cell (simulated mean per replication vs observed). */
  worstOfferedRatio: number;
}

function compare(observed: Cell[], simulated: Cell[]): Errors {
  let cells = 0;
  let ab = 0;
  let bias = 0;
  let wait = 0;
  let sl = 0;
  let worst = 0;
  observed.forEach((o, i) => {
    const s = simulated[i]!;
    if (o.offered < MIN_CALLS) return;
    cells++;
    const da = s.abandoned / s.offered - o.abandoned / o.offered;
    ab += Math.abs(da);
    bias += da;
    wait += Math.abs(s.waitSeconds / s.waited - o.waitSeconds / o.waited);
    sl += Math.abs(s.answeredWithin / s.offered - o.answeredWithin / o.offered);
    worst = Math.max(worst, Math.abs(s.offered / REPLICATIONS / o.offered - 1));
  });
  return {
    cells,
    abandonPp: (100 * ab) / cells,
    meanWaitSeconds: wait / cells,
    serviceLevelPp: (100 * sl) / cells,
    abandonBiasPp: (100 * bias) / cells,
    worstOfferedRatio: worst,
  };
}

const total = (cells: Cell[]) =>
  cells.reduce(
    (t, c) => ({
      offered: t.offered + c.offered,
      abandoned: t.abandoned + c.abandoned,
      waitSeconds: t.waitSeconds + c.waitSeconds,
      waited: t.waited + c.waited,
      answeredWithin: t.answeredWithin + c.answeredWithin,
    }),
    empty()[0]!,
  );

describeBankData('validation: the simulator against the Anonymous Bank, February 1999, hour by hour', () => {
  const records = bankCalls().records;
  const params = calibrateFromRecords(records, {
    source: 'Anonymous Bank, February 1999',
    intervalMinutes: 60,
  });
  const scenario = scenarioFromCalibration(params, {
    startDate: '1999-02-01',
    days: DAYS,
    answerWithinSeconds: T,
  });
  const observed = observedCells(records);
  const simulated = simulatedCells(scenario);
  const errors = compare(observed, simulated);

  it('is calibrated as data/README.md reports (exponential handle 177 s wins on AIC; patience 345 s)', () => {
    // Figures of the calibration engineer (data/README.md, "Calibration choices"), every service kept.
    expect(params.handleTime.distribution).toBe('exponential');
    expect(params.handleTime.meanSeconds).toBeCloseTo(176.9, 1);
    expect(params.patience.meanSeconds).toBeCloseTo(345, 0);
  });

  it('reproduces the load: offered calls per weekday x hour cell within 10% of the bank', () => {
    // measured: 97 cells with >= 50 calls; worst cell 4.1% off (Poisson noise of 20 replications
    // and of the month itself: a cell of 50 calls has a 14% standard deviation).
    expect(errors.cells).toBe(97);
    expect(errors.worstOfferedRatio).toBeLessThan(0.1);
  });

  it('is optimistic: less abandonment, shorter waits and a higher service level than the bank saw', () => {
    // measured (ceil of agents present): MAE abandonment 8.0 pp (bias -7.9 pp: nearly every cell
    // optimistic), mean wait 28.7 s, service level 28.6 pp. Overall: abandonment 12.7% observed
    // vs 3.4% simulated; mean wait 43.9 s vs 11.6 s; within 20 s 52.1% vs 83.9%.
    expect(errors.abandonPp).toBeGreaterThan(5);
    expect(errors.abandonPp).toBeLessThan(11);
    expect(errors.abandonBiasPp).toBeLessThan(-5);
    expect(errors.meanWaitSeconds).toBeGreaterThan(20);
    expect(errors.meanWaitSeconds).toBeLessThan(40);
    expect(errors.serviceLevelPp).toBeGreaterThan(20);
    expect(errors.serviceLevelPp).toBeLessThan(38);
    const o = total(observed);
    const s = total(simulated);
    expect(o.abandoned / o.offered).toBeCloseTo(0.1273, 3); // exact count: 3,963 of 31,125 queued calls
    expect(s.abandoned / s.offered).toBeLessThan(0.06);
    expect(s.waitSeconds / s.waited).toBeLessThan(o.waitSeconds / o.waited / 2);
  });

  it('explains part of it: agents counted present were busy only part of the time', () => {
    // The agents-present estimate counts an agent's idle gaps of up to 30 minutes as present.
    // Busy time over present time in the records (measured: 57.5%) is well below what the
    // long observed waits imply for agents who were truly free to answer: they were doing
    // other work (outbound calls, back office, breaks) that the service records do not show.
    const estimate = agentsPresentPerInterval(records, { intervalSeconds: 3600 });
    const busy = estimate.intervals.reduce((sum, i) => sum + i.agentsBusy, 0);
    const present = estimate.intervals.reduce((sum, i) => sum + i.agentsPresent, 0);
    expect(busy / present).toBeGreaterThan(0.4);
    expect(busy / present).toBeLessThan(0.8);
  });
});
