import { requireLevel } from '../stats/checks.js';
import { poissonRateInterval } from '../stats/poissonInterval.js';
import { piecewiseHazard, type PiecewiseHazard } from '../model/distributions.js';
import type { PatienceObservation } from './patience.js';

/**
 * Where the pieces of a patience hazard start, seconds: every 10 s for the first
 * two minutes (where most callers abandon, with the peak at a 60 s announcement
 * that Brown et al. describe), then wider as callers thin out.
 */
export const DEFAULT_PATIENCE_BREAKPOINTS: readonly number[] = [
  0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 150, 180, 240, 300, 420, 600, 900,
];

/** One piece of a patience hazard estimate. */
export interface HazardPiece {
  /** Start of the piece, seconds of waiting. */
  readonly fromSeconds: number;
  /** End of the piece, seconds (`Infinity` for the last). */
  readonly toSeconds: number;
  /** Abandonments with a wait in (from, to]. */
  readonly abandonments: number;
  /** Time callers spent waiting inside the piece, caller-seconds. */
  readonly exposureSeconds: number;
  /** abandonments / exposure, per second (the maximum-likelihood hazard). */
  readonly hazardPerSecond: number;
  /** Exact Poisson interval of the hazard at the estimate's level, per second. */
  readonly lower: number;
  readonly upper: number;
}

/** A piecewise-constant patience hazard estimated from censored waits. */
export interface PatienceHazardEstimate {
  /** The fitted patience, ready for a scenario (`kind: 'piecewiseHazard'`). */
  readonly distribution: PiecewiseHazard;
  readonly pieces: readonly HazardPiece[];
  /** Callers who queued (answered or abandoned). */
  readonly callers: number;
  readonly abandonments: number;
  /** Log-likelihood of the piecewise fit, and of one exponential fitted to the same waits. */
  readonly logLikelihood: number;
  readonly exponentialLogLikelihood: number;
  /** Akaike information criteria: 2k - 2 log L, k = pieces; and k = 1 for the exponential. */
  readonly aic: number;
  readonly exponentialAic: number;
  /** The level of the intervals of the pieces. */
  readonly level: number;
}

/** Options of {@link patienceHazard}. */
export interface PatienceHazardOptions {
  /**
   * Where the pieces start, seconds, increasing from 0.
   *
   * __Default value:__ {@link DEFAULT_PATIENCE_BREAKPOINTS}
   */
  readonly breakpointsSeconds?: readonly number[];
  /**
   * Level of each piece's interval.
   *
   * __Default value:__ `0.95`
   */
  readonly level?: number;
}

/**
 * The patience of callers as a hazard that is constant between breakpoints (the
 * piecewise exponential model), by maximum likelihood from censored waits: an
 * abandoned caller's wait is its patience, an answered caller's wait a lower
 * bound on it. In each piece the estimate is abandonments in the piece over the
 * time callers spent waiting in it, exact whatever the waits (each caller adds
 * exp(-integral of the hazard) times the hazard at its abandonment to the
 * likelihood). Where one exponential forces a constant hazard, this follows the
 * hazard the records show: high in the first seconds (callers who hang up at
 * once), a peak at a queue announcement, then falling.
 *
 * Pieces at the end with no abandonment are merged into the one before, so that
 * the last hazard is > 0 and every drawn patience ends; the last piece holds for
 * every wait beyond its start.
 *
 * Reference: M. Friedman (1982), Piecewise exponential models for survival data
 * with covariates, Annals of Statistics 10(1), 101-113; Brown et al. (2005), JASA
 * 100:36-50, section 5 (patience and its hazard in the same bank's records).
 *
 * @param observations waits and whether each ended by abandonment (`patienceObservations`)
 * @param options breakpoints and the level of the intervals
 * @returns the fitted distribution, each piece with its interval, and the fit against one exponential
 * @throws {RangeError} when there are no observations or no abandonment, a wait is negative, or the
 *   breakpoints do not start at 0 and increase
 * @example
 * // 2 abandoned after 5 s and 30 s, 2 answered after 40 s; pieces at 0 and 20 s:
 * // piece 1: 1 abandonment over 5 + 20 + 20 + 20 = 65 s; piece 2: 1 over 10 + 20 + 20 = 50 s
 * const observations = [
 *   { seconds: 5, abandoned: true }, { seconds: 30, abandoned: true },
 *   { seconds: 40, abandoned: false }, { seconds: 40, abandoned: false },
 * ];
 * patienceHazard(observations, { breakpointsSeconds: [0, 20] }).distribution.hazardPerSecond; // => [1 / 65, 1 / 50]
 */
export function patienceHazard(
  observations: readonly PatienceObservation[],
  options: PatienceHazardOptions = {},
): PatienceHazardEstimate {
  const fn = 'patienceHazard';
  const breakpoints = options.breakpointsSeconds ?? DEFAULT_PATIENCE_BREAKPOINTS;
  const level = options.level ?? 0.95;
  requireLevel(fn, level);
  if (breakpoints.length === 0 || breakpoints[0] !== 0) {
    throw new RangeError(`${fn}: breakpointsSeconds must start at 0 (got ${breakpoints[0]})`);
  }
  for (let i = 1; i < breakpoints.length; i++) {
    if (!((breakpoints[i] as number) > (breakpoints[i - 1] as number)) || !Number.isFinite(breakpoints[i])) {
      throw new RangeError(
        `${fn}: breakpointsSeconds[${i}] must be finite and above the one before (got ${breakpoints[i]})`,
      );
    }
  }
  if (observations.length === 0) throw new RangeError(`${fn}: observations must not be empty (got 0)`);
  const k = breakpoints.length;
  const events = new Float64Array(k);
  const exposure = new Float64Array(k);
  let abandonments = 0;
  let totalWait = 0;
  observations.forEach((o, index) => {
    const w = o.seconds;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new RangeError(
        `${fn}: observations[${index}].seconds must be a finite number >= 0 (got ${String(w)})`,
      );
    }
    totalWait += w;
    if (o.abandoned && w === 0) events[0] = (events[0] as number) + 1; // hung up at once
    for (let i = 0; i < k; i++) {
      const from = breakpoints[i] as number;
      if (w <= from) break;
      const to = i + 1 < k ? (breakpoints[i + 1] as number) : Infinity;
      exposure[i] = (exposure[i] as number) + Math.min(w, to) - from;
      if (o.abandoned && w <= to) {
        events[i] = (events[i] as number) + 1;
        break;
      }
    }
    if (o.abandoned) abandonments++;
  });
  if (abandonments === 0) throw new RangeError(`${fn}: observations must hold an abandonment (got none)`);

  // Merge trailing pieces without an abandonment into the one before them.
  let last = k - 1;
  while (last > 0 && events[last] === 0) {
    exposure[last - 1] = (exposure[last - 1] as number) + (exposure[last] as number);
    last--;
  }
  const pieces: HazardPiece[] = [];
  let logLikelihood = 0;
  for (let i = 0; i <= last; i++) {
    const from = breakpoints[i] as number;
    const to = i < last ? (breakpoints[i + 1] as number) : Infinity;
    const d = events[i] as number;
    const e = exposure[i] as number;
    const interval = e > 0 ? poissonRateInterval(d, e, level) : { rate: 0, lower: 0, upper: Infinity };
    pieces.push({
      fromSeconds: from,
      toSeconds: to,
      abandonments: d,
      exposureSeconds: e,
      hazardPerSecond: interval.rate,
      lower: interval.lower,
      upper: interval.upper,
    });
    if (d > 0) logLikelihood += d * Math.log(d / e) - d;
  }
  const rate = abandonments / totalWait;
  const exponentialLogLikelihood = abandonments * Math.log(rate) - rate * totalWait;
  return {
    distribution: piecewiseHazard(
      pieces.map((p) => p.fromSeconds),
      pieces.map((p) => p.hazardPerSecond),
    ),
    pieces,
    callers: observations.length,
    abandonments,
    logLikelihood,
    exponentialLogLikelihood,
    aic: 2 * pieces.length - 2 * logLikelihood,
    exponentialAic: 2 - 2 * exponentialLogLikelihood,
    level,
  };
}
