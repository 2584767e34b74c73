import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { agentsPresentPerInterval } from '../../sim/calibrate/agentsPresent.js';
import { arrivalRatesByWeekday } from '../../sim/calibrate/arrivalRates.js';
import { outcomesByClass } from '../../sim/calibrate/byClass.js';
import { calibrateFromRecords } from '../../sim/calibrate/calibrateFromRecords.js';
import { fitHandleTimes, handleTimeSamples } from '../../sim/calibrate/handleTimeFit.js';
import { exponentialPatience, kaplanMeier, patienceObservations } from '../../sim/calibrate/patience.js';
import { readCalibration, writeCalibration } from '../../sim/io/calibrationFile.js';
import { bankCalls, describeBankData } from '../io/bankData.js';

// Calibration on the real Anonymous Bank records of February 1999 (Technion SEE
// Laboratory; Brown et al. 2005, JASA 100:36-50). The bounds are plausibility
// ranges, not tuned values; the figures found are in data/README.md.
describeBankData('calibration on the Anonymous Bank, February 1999', () => {
  it('arrivals: Sunday-Thursday days, a short Friday, a Saturday evening, as the README describes', () => {
    const rates = arrivalRatesByWeekday(bankCalls().records);
    expect(rates.days).toBe(28);
    expect(rates.weekdays.every((w) => w.days === 4)).toBe(true);
    const perHour = (name: string, hour: number) =>
      rates.weekdays.find((w) => w.weekdayName === name)!.arrivalsPerHour[hour * 2]!;
    expect(perHour('Monday', 10)).toBeGreaterThan(60); // weekday mornings: about 110 calls an hour
    expect(perHour('Friday', 16)).toBe(0); // Friday mornings only
    expect(perHour('Saturday', 10)).toBe(0); // Saturday nights only
    expect(perHour('Saturday', 21)).toBeGreaterThan(20);
  });

  it('handle time: with the 1-9 s services left out, the lognormal beats the exponential (as Brown et al. found)', () => {
    const all = fitHandleTimes(handleTimeSamples(bankCalls().records).seconds);
    // With every positive service kept, the bump of very short services makes the exponential
    // win on AIC: state it, do not hide it.
    expect(all.better).toBe('exponential');
    const cleaned = fitHandleTimes(handleTimeSamples(bankCalls().records, 10).seconds);
    expect(cleaned.better).toBe('lognormal');
    expect(cleaned.lognormal.ksDistance).toBeLessThan(cleaned.exponential.ksDistance / 3);
    expect(cleaned.lognormal.meanSeconds).toBeGreaterThan(120);
    expect(cleaned.lognormal.meanSeconds).toBeLessThan(300);
  });

  it('patience: Kaplan-Meier median and θ̂ are finite, plausible, and of the same order', () => {
    const observations = patienceObservations(bankCalls().records);
    const km = kaplanMeier(observations);
    const exp = exponentialPatience(observations);
    expect(km.medianSeconds).not.toBeNull();
    expect(km.medianSeconds!).toBeGreaterThan(60);
    expect(km.medianSeconds!).toBeLessThan(1800);
    expect(exp.meanPatienceSeconds).toBeGreaterThan(60);
    expect(exp.meanPatienceSeconds).toBeLessThan(1800);
    // an exponential's median is ln 2 times its mean; KM and θ̂ should agree within a factor 2
    const ratio = km.medianSeconds! / (exp.meanPatienceSeconds * Math.LN2);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('agents: a small center, never fewer present than busy', () => {
    const estimate = agentsPresentPerInterval(bankCalls().records);
    expect(estimate.agents).toBeGreaterThan(5);
    expect(estimate.agents).toBeLessThan(100);
    const peak = Math.max(...estimate.intervals.map((i) => i.agentsPresent));
    expect(peak).toBeGreaterThan(3);
    expect(peak).toBeLessThan(30);
    for (const i of estimate.intervals) expect(i.agentsPresent).toBeGreaterThanOrEqual(i.agentsBusy - 1e-9);
  });

  it('priority: every queued call falls in one priority class', () => {
    const rows = outcomesByClass(bankCalls().records);
    expect(rows.map((r) => r.callClass)).toEqual(['0', '1', '2']);
    expect(rows.reduce((s, r) => s + r.offered, 0)).toBe(bankCalls().records.length);
  });

  it('calibrated parameters write to JSON and read back unchanged', () => {
    const calibration = calibrateFromRecords(bankCalls().records, {
      source: 'Anonymous Bank, February 1999',
      minHandleSeconds: 10,
    });
    expect(calibration.handleTime.distribution).toBe('lognormal');
    expect(calibration.weekdays).toHaveLength(7);
    const dir = mkdtempSync(join(tmpdir(), 'hotline-calibration-'));
    try {
      writeCalibration(join(dir, 'bank.json'), calibration);
      expect(readCalibration(join(dir, 'bank.json'))).toEqual(calibration);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
