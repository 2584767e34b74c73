import { requireNonNegativeFinite, requirePositiveFinite, requirePositiveInteger } from '../core/validate.js';
import { normalQuantile } from '../stats/normalQuantile.js';
import type { Distribution, MixtureComponent } from './types.js';

/** A `piecewiseHazard` distribution (see {@link piecewiseHazard}). */
export type PiecewiseHazard = Extract<Distribution, { kind: 'piecewiseHazard' }>;

/** The standard normal quantile, kept here for the notebooks and callers that import it from the model. */
export { normalQuantile };

/**
 * Exponential duration (memoryless), the Erlang assumption for handle time and patience.
 *
 * @param meanSeconds mean, seconds, > 0
 * @returns the distribution, as plain data
 * @throws {RangeError} when `meanSeconds` is not a finite number > 0
 * @example
 * exponential(90); // => { kind: 'exponential', meanSeconds: 90 }; variance 8,100 s^2
 */
export function exponential(meanSeconds: number): Distribution {
  requirePositiveFinite('exponential', 'meanSeconds', meanSeconds);
  return { kind: 'exponential', meanSeconds };
}

/**
 * Lognormal duration given by its mean and coefficient of variation (standard
 * deviation / mean), the usual shape of talk times. The underlying normal has
 * sigma^2 = ln(1 + cv^2) and mu = ln(mean) - sigma^2 / 2.
 *
 * @param meanSeconds mean, seconds, > 0
 * @param cv coefficient of variation, > 0
 * @returns the distribution, as plain data
 * @throws {RangeError} when `meanSeconds` or `cv` is not a finite number > 0
 * @example
 * lognormal(180, 1); // mean 180 s, standard deviation 180 s
 */
export function lognormal(meanSeconds: number, cv: number): Distribution {
  requirePositiveFinite('lognormal', 'meanSeconds', meanSeconds);
  requirePositiveFinite('lognormal', 'cv', cv);
  return { kind: 'lognormal', meanSeconds, cv };
}

/**
 * Gamma duration given by its mean and coefficient of variation: shape 1/cv^2,
 * scale mean x cv^2.
 *
 * @param meanSeconds mean, seconds, > 0
 * @param cv coefficient of variation, > 0 (1 is exponential)
 * @returns the distribution, as plain data
 * @throws {RangeError} when `meanSeconds` or `cv` is not a finite number > 0
 * @example
 * gamma(220, 0.5); // shape 4, scale 55 s
 */
export function gamma(meanSeconds: number, cv: number): Distribution {
  requirePositiveFinite('gamma', 'meanSeconds', meanSeconds);
  requirePositiveFinite('gamma', 'cv', cv);
  return { kind: 'gamma', meanSeconds, cv };
}

/**
 * Erlang-k duration: the sum of `phases` independent exponential phases with
 * total mean `meanSeconds` (coefficient of variation 1/sqrt(phases)).
 *
 * @param phases number of phases k, a positive integer
 * @param meanSeconds total mean, seconds, > 0
 * @returns the distribution, as plain data
 * @throws {RangeError} when `phases` is not a positive integer or `meanSeconds` not > 0
 * @example
 * erlang(4, 200); // four phases of 50 s each; variance 10,000 s^2
 */
export function erlang(phases: number, meanSeconds: number): Distribution {
  requirePositiveInteger('erlang', 'phases', phases);
  requirePositiveFinite('erlang', 'meanSeconds', meanSeconds);
  return { kind: 'erlang', meanSeconds, phases };
}

/**
 * A duration that is always the same.
 *
 * @param seconds the duration, seconds, >= 0
 * @returns the distribution, as plain data
 * @throws {RangeError} when `seconds` is negative, NaN or infinite
 * @example
 * deterministic(60); // always 60 s; variance 0
 */
export function deterministic(seconds: number): Distribution {
  requireNonNegativeFinite('deterministic', 'seconds', seconds);
  return { kind: 'deterministic', meanSeconds: seconds };
}

/**
 * A duration resampled from observed values, each with equal probability (the
 * bootstrap). Its mean and variance are those of the sample (variance with
 * divisor n, the distribution's own variance).
 *
 * @param samplesSeconds observed durations, seconds, each >= 0 and finite, at least one
 * @returns the distribution, as plain data (it keeps a copy of the samples)
 * @throws {RangeError} when there is no sample or one is negative, NaN or infinite
 * @example
 * empirical([60, 120, 300]); // mean 160 s
 */
export function empirical(samplesSeconds: readonly number[]): Distribution {
  if (samplesSeconds.length === 0) {
    throw new RangeError('empirical: samplesSeconds must hold at least one value (got 0)');
  }
  samplesSeconds.forEach((value, i) => requireNonNegativeFinite('empirical', `samplesSeconds[${i}]`, value));
  return { kind: 'empirical', samplesSeconds: [...samplesSeconds] };
}

/**
 * A mixture of durations: each draw picks a component with probability
 * proportional to its weight, then draws from it. Use it for a population of
 * caller classes that differ (patience by priority) or for services with a share
 * of very short ones.
 *
 * @param components the components, each `{ weight, distribution }`; weights >= 0, at least one > 0
 * @returns the distribution, as plain data
 * @throws {RangeError} when there is no component, a weight is negative or not finite, or all are 0
 * @example
 * distributionMean(mixture([{ weight: 1, distribution: deterministic(10) }, { weight: 3, distribution: deterministic(50) }])); // => 40
 */
export function mixture(components: readonly MixtureComponent[]): Distribution {
  const distribution: Distribution = { kind: 'mixture', components: components.map((c) => ({ ...c })) };
  checkDistribution('mixture', 'distribution', distribution);
  return distribution;
}

/**
 * The sum of independent durations: each draw adds one draw of every term (talk
 * time plus the after-call time during which the agent takes no call).
 *
 * @param terms the terms, at least one
 * @returns the distribution, as plain data
 * @throws {RangeError} when there is no term or a term is invalid
 * @example
 * distributionMean(sum([exponential(180), deterministic(40)])); // => 220
 */
export function sum(terms: readonly Distribution[]): Distribution {
  const distribution: Distribution = { kind: 'sum', terms: [...terms] };
  checkDistribution('sum', 'distribution', distribution);
  return distribution;
}

/**
 * A duration given by a hazard rate that is constant between breakpoints (the
 * piecewise exponential model): the chance of ending in the next instant, per
 * second, is `hazardPerSecond[i]` from `breakpointsSeconds[i]` to the next
 * breakpoint. Survival is S(t) = exp(-H(t)) with H the integrated hazard. It fits
 * patience as call records show it (a hazard that rises and falls, such as a peak
 * at a queue announcement) where one exponential cannot; `patienceHazard` in
 * sim/calibrate estimates it from censored waits.
 *
 * @param breakpointsSeconds where each piece starts, seconds: starts at 0, increasing
 * @param hazardPerSecond the hazard of each piece, per second, >= 0; the last > 0
 * @returns the distribution, as plain data
 * @throws {RangeError} when the arrays differ in length, the breakpoints do not start at 0 and
 *   increase, a hazard is negative or not finite, or the last hazard is 0
 * @example
 * distributionMean(piecewiseHazard([0], [1 / 90])); // => 90 (an exponential of mean 90 s)
 */
export function piecewiseHazard(
  breakpointsSeconds: readonly number[],
  hazardPerSecond: readonly number[],
): PiecewiseHazard {
  const distribution: PiecewiseHazard = {
    kind: 'piecewiseHazard',
    breakpointsSeconds: [...breakpointsSeconds],
    hazardPerSecond: [...hazardPerSecond],
  };
  checkDistribution('piecewiseHazard', 'distribution', distribution);
  return distribution;
}

/**
 * Survival function P(duration > t) of a piecewise-hazard distribution.
 *
 * @param distribution a `piecewiseHazard` distribution
 * @param seconds t, seconds, >= 0
 * @returns S(t), in [0, 1]
 * @example
 * hazardSurvival(piecewiseHazard([0, 60], [0, 1 / 30]), 90); // => Math.exp(-1)
 */
export function hazardSurvival(distribution: PiecewiseHazard, seconds: number): number {
  const b = distribution.breakpointsSeconds;
  const h = distribution.hazardPerSecond;
  let cumulative = 0;
  for (let i = 0; i < b.length; i++) {
    const from = b[i] as number;
    if (seconds <= from) break;
    const to = i + 1 < b.length ? Math.min(seconds, b[i + 1] as number) : seconds;
    cumulative += (h[i] as number) * (to - from);
  }
  return Math.exp(-cumulative);
}

/**
 * A distribution stretched by a factor: every duration multiplied by `factor`
 * (mean and standard deviation scale, the shape is kept; a hazard divides).
 *
 * @param distribution the distribution
 * @param factor the factor, > 0
 * @returns the stretched distribution, as plain data
 * @example
 * scaleDistribution(lognormal(180, 1), 1.1); // => { kind: 'lognormal', meanSeconds: 198, cv: 1 } (to rounding)
 * distributionMean(scaleDistribution(piecewiseHazard([0, 60], [0.01, 0.02]), 2)); // twice the mean
 */
export function scaleDistribution(distribution: Distribution, factor: number): Distribution {
  requirePositiveFinite('scaleDistribution', 'factor', factor);
  switch (distribution.kind) {
    case 'empirical':
      return { kind: 'empirical', samplesSeconds: distribution.samplesSeconds.map((s) => s * factor) };
    case 'mixture':
      return {
        kind: 'mixture',
        components: distribution.components.map((c) => ({
          weight: c.weight,
          distribution: scaleDistribution(c.distribution, factor),
        })),
      };
    case 'sum':
      return { kind: 'sum', terms: distribution.terms.map((term) => scaleDistribution(term, factor)) };
    case 'piecewiseHazard':
      return {
        kind: 'piecewiseHazard',
        breakpointsSeconds: distribution.breakpointsSeconds.map((b) => b * factor),
        hazardPerSecond: distribution.hazardPerSecond.map((h) => h / factor),
      };
    default:
      return { ...distribution, meanSeconds: distribution.meanSeconds * factor };
  }
}

/**
 * Mean of a duration distribution.
 *
 * @param distribution the distribution
 * @returns its mean, seconds
 * @example
 * distributionMean(erlang(4, 200)); // => 200
 */
export function distributionMean(distribution: Distribution): number {
  switch (distribution.kind) {
    case 'empirical': {
      const samples = distribution.samplesSeconds;
      let total = 0;
      for (const value of samples) total += value;
      return total / samples.length;
    }
    case 'mixture': {
      let weights = 0;
      let total = 0;
      for (const c of distribution.components) {
        weights += c.weight;
        if (c.weight > 0) total += c.weight * distributionMean(c.distribution);
      }
      return total / weights;
    }
    case 'sum': {
      let total = 0;
      for (const term of distribution.terms) total += distributionMean(term);
      return total;
    }
    case 'piecewiseHazard':
      return hazardMoment(distribution, 1);
    default:
      return distribution.meanSeconds;
  }
}

/**
 * E[T^k] (k = 1 or 2) of a piecewise-hazard duration, in closed form piece by
 * piece: on [a, b) with hazard h, the piece adds S(a) times the moment of an
 * exponential truncated at b - a and shifted by a.
 */
function hazardMoment(distribution: PiecewiseHazard, k: 1 | 2): number {
  const b = distribution.breakpointsSeconds;
  const h = distribution.hazardPerSecond;
  let survival = 1;
  let moment = 0;
  for (let i = 0; i < b.length; i++) {
    const a = b[i] as number;
    const rate = h[i] as number;
    const last = i + 1 === b.length;
    const width = last ? Infinity : (b[i + 1] as number) - a;
    // Integral over [0, width) of (a + x)^(k-1) k S(a) e^{-rate x} dx: E[T^k] = int k t^(k-1) S(t) dt.
    let piece: number;
    if (rate === 0) {
      piece = k === 1 ? width : (a + width) ** 2 - a * a;
    } else {
      const tail = last ? 0 : Math.exp(-rate * width);
      const i0 = (1 - tail) / rate; // int e^{-rate x}
      if (k === 1) piece = i0;
      else {
        const i1 = (i0 - (last ? 0 : width * tail)) / rate; // int x e^{-rate x}
        piece = 2 * (a * i0 + i1);
      }
    }
    moment += survival * piece;
    if (!last) survival *= rate === 0 ? 1 : Math.exp(-rate * width);
  }
  return moment;
}

/**
 * Variance of a duration distribution.
 *
 * @param distribution the distribution
 * @returns its variance, seconds^2
 * @example
 * distributionVariance(lognormal(180, 0.5)); // => 8100 (standard deviation 90 s)
 */
export function distributionVariance(distribution: Distribution): number {
  switch (distribution.kind) {
    case 'exponential':
      return distribution.meanSeconds ** 2;
    case 'lognormal':
    case 'gamma':
      return (distribution.meanSeconds * distribution.cv) ** 2;
    case 'erlang':
      return distribution.meanSeconds ** 2 / distribution.phases;
    case 'deterministic':
      return 0;
    case 'empirical': {
      const mean = distributionMean(distribution);
      let total = 0;
      for (const value of distribution.samplesSeconds) total += (value - mean) ** 2;
      return total / distribution.samplesSeconds.length;
    }
    case 'mixture': {
      // Law of total variance: E[Var] + Var[E] over the components.
      const mean = distributionMean(distribution);
      let weights = 0;
      let total = 0;
      for (const c of distribution.components) {
        weights += c.weight;
        if (c.weight > 0)
          total +=
            c.weight *
            (distributionVariance(c.distribution) + (distributionMean(c.distribution) - mean) ** 2);
      }
      return total / weights;
    }
    case 'sum': {
      let total = 0;
      for (const term of distribution.terms) total += distributionVariance(term);
      return total;
    }
    case 'piecewiseHazard':
      return hazardMoment(distribution, 2) - hazardMoment(distribution, 1) ** 2;
  }
}

/**
 * Check a distribution given as plain data (for example read from a file or
 * built by hand), with the same rules as its constructor.
 *
 * @param fn name of the calling function, for the message
 * @param name name of the argument, for the message
 * @param distribution the distribution to check
 * @throws {RangeError} naming `fn`, `name` and the bad field
 * @example
 * checkDistribution('simulate', 'handle', { kind: 'exponential', meanSeconds: 180 }); // passes
 */
export function checkDistribution(fn: string, name: string, distribution: Distribution): void {
  switch (distribution?.kind) {
    case 'exponential':
      return requirePositiveFinite(fn, `${name}.meanSeconds`, distribution.meanSeconds);
    case 'lognormal':
    case 'gamma':
      requirePositiveFinite(fn, `${name}.meanSeconds`, distribution.meanSeconds);
      return requirePositiveFinite(fn, `${name}.cv`, distribution.cv);
    case 'erlang':
      requirePositiveFinite(fn, `${name}.meanSeconds`, distribution.meanSeconds);
      return requirePositiveInteger(fn, `${name}.phases`, distribution.phases);
    case 'deterministic':
      return requireNonNegativeFinite(fn, `${name}.meanSeconds`, distribution.meanSeconds);
    case 'empirical':
      if (!Array.isArray(distribution.samplesSeconds) || distribution.samplesSeconds.length === 0) {
        throw new RangeError(`${fn}: ${name}.samplesSeconds must hold at least one value (got 0)`);
      }
      distribution.samplesSeconds.forEach((value, i) =>
        requireNonNegativeFinite(fn, `${name}.samplesSeconds[${i}]`, value),
      );
      return;
    case 'mixture': {
      const components = distribution.components;
      if (!Array.isArray(components) || components.length === 0) {
        throw new RangeError(`${fn}: ${name}.components must hold at least one component (got 0)`);
      }
      let weights = 0;
      components.forEach((c, i) => {
        requireNonNegativeFinite(fn, `${name}.components[${i}].weight`, c.weight);
        weights += c.weight;
        checkDistribution(fn, `${name}.components[${i}].distribution`, c.distribution);
      });
      if (!(weights > 0))
        throw new RangeError(`${fn}: ${name}.components must have a weight > 0 (got all 0)`);
      return;
    }
    case 'sum':
      if (!Array.isArray(distribution.terms) || distribution.terms.length === 0) {
        throw new RangeError(`${fn}: ${name}.terms must hold at least one term (got 0)`);
      }
      distribution.terms.forEach((term, i) => checkDistribution(fn, `${name}.terms[${i}]`, term));
      return;
    case 'piecewiseHazard': {
      const b = distribution.breakpointsSeconds;
      const h = distribution.hazardPerSecond;
      if (!Array.isArray(b) || !Array.isArray(h) || b.length === 0 || b.length !== h.length) {
        throw new RangeError(
          `${fn}: ${name}.breakpointsSeconds and ${name}.hazardPerSecond must be non-empty and of one length (got ${
            Array.isArray(b) ? b.length : 'none'
          } and ${Array.isArray(h) ? h.length : 'none'})`,
        );
      }
      if (b[0] !== 0) throw new RangeError(`${fn}: ${name}.breakpointsSeconds[0] must be 0 (got ${b[0]})`);
      for (let i = 1; i < b.length; i++) {
        if (!Number.isFinite(b[i]) || (b[i] as number) <= (b[i - 1] as number)) {
          throw new RangeError(
            `${fn}: ${name}.breakpointsSeconds[${i}] must be finite and above the one before (got ${b[i]})`,
          );
        }
      }
      h.forEach((value, i) => requireNonNegativeFinite(fn, `${name}.hazardPerSecond[${i}]`, value));
      if (!((h[h.length - 1] as number) > 0)) {
        throw new RangeError(
          `${fn}: ${name}.hazardPerSecond[${h.length - 1}] (the last) must be > 0, so that every duration ends (got 0)`,
        );
      }
      return;
    }
    default:
      throw new RangeError(
        `${fn}: ${name}.kind must be one of exponential, lognormal, gamma, erlang, deterministic, empirical, mixture, sum, piecewiseHazard (got ${String(
          (distribution as { kind?: unknown } | undefined)?.kind,
        )})`,
      );
  }
}

// The samplers (drawing from a distribution) live in sampler.ts; re-exported here, where
// the distributions are, for the modules that import both.
export { BufferedSampler, compileSampler, Sampler, zigguratNormal, type UniformSource } from './sampler.js';
