import seedrandom from 'seedrandom';
import type { VolumeSeries } from '../../sim/forecast/types.js';

/**
 * Synthetic histories for the forecast's tests: an hourly pattern per
 * weekday, optionally with Poisson noise and gamma multipliers per day.
 */

/** A uniform in (0, 1) from a seeded Alea generator. */
export function uniforms(seed: string): () => number {
  const rng = seedrandom.alea(seed);
  return () => {
    let u = rng();
    while (u === 0) u = rng();
    return u;
  };
}

/** A standard normal by Box-Muller. */
export function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/**
 * A gamma draw of mean 1 and coefficient of variation `cv` (Marsaglia and
 * Tsang 2000, with the boost for shapes below 1).
 */
export function gammaMeanOne(cv: number, u: () => number): number {
  if (cv === 0) return 1;
  const shape = 1 / (cv * cv);
  const k = shape < 1 ? shape + 1 : shape;
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(u);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
      const x = d * v * (shape < 1 ? u() ** (1 / shape) : 1);
      return x / shape;
    }
  }
}

/** A Poisson draw: multiplication (Knuth) below 50, else rounded normal (enough for these tests). */
export function poisson(mean: number, u: () => number): number {
  if (mean <= 0) return 0;
  if (mean < 50) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = u();
    while (p > limit) {
      k++;
      p *= u();
    }
    return k;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(u)));
}

/** An hourly profile of a working day: closed 00-07, a morning peak, quieter evening (sums to 1). */
export const WORKDAY_PROFILE: readonly number[] = (() => {
  const raw = [0, 0, 0, 0, 0, 0, 0, 2, 6, 9, 10, 9, 8, 8, 9, 8, 7, 6, 5, 4, 3, 3, 2, 1];
  const total = raw.reduce((s, x) => s + x, 0);
  return raw.map((x) => x / total);
})();

/** Calls a day by weekday, Sunday first: busy Monday to Friday, quiet weekends. */
export const WEEKDAY_CALLS: readonly number[] = [300, 1500, 1400, 1350, 1300, 1200, 400];

/** Options of {@link hourlySeries}. */
export interface SyntheticOptions {
  readonly startDate: string;
  readonly days: number;
  /** Poisson noise (and the multipliers) on, with this seed; none: the exact means. */
  readonly seed?: string;
  /** CV of a gamma multiplier per day. */
  readonly dayCv?: number;
  /** Factor on the calls of a day, by its index (a holiday, a trend). */
  readonly dayFactor?: (day: number) => number;
}

/**
 * An hourly history: each day's calls `WEEKDAY_CALLS[weekday] x dayFactor x
 * gamma(dayCv)`, spread by `WORKDAY_PROFILE`, Poisson when seeded.
 */
export function hourlySeries(options: SyntheticOptions): VolumeSeries {
  const u = options.seed === undefined ? undefined : uniforms(options.seed);
  const start = Date.parse(`${options.startDate}T00:00:00Z`) / 86_400_000;
  const calls: number[] = [];
  for (let d = 0; d < options.days; d++) {
    const weekday = (((start + d + 4) % 7) + 7) % 7;
    const dayMean =
      (WEEKDAY_CALLS[weekday] ?? 0) *
      (options.dayFactor?.(d) ?? 1) *
      (u === undefined ? 1 : gammaMeanOne(options.dayCv ?? 0, u));
    for (let h = 0; h < 24; h++) {
      const mean = dayMean * (WORKDAY_PROFILE[h] ?? 0);
      calls.push(u === undefined ? mean : poisson(mean, u));
    }
  }
  return { startDate: options.startDate, intervalMinutes: 60, calls };
}
