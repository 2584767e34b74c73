import { AleaStream } from '../core/aleaStream.js';
import type { Uniform } from '../core/rng.js';
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

/** Layers of the ziggurat for the normal distribution. */
const ZIG_LAYERS = 128;
/** Start of the tail: right edge of the bottom layer (Marsaglia and Tsang 2000, 128 layers). */
const ZIG_R = 3.442619855899;
/** Area of each layer (the bottom one with the tail beyond ZIG_R), for the density exp(-x^2/2). */
const ZIG_V = 9.91256303526217e-3;
/** Right edges of the layers: [0] the bottom layer's virtual width V/f(R), [1] R, ..., [128] 0. */
const ZIG_X = new Float64Array(ZIG_LAYERS + 1);
/** ZIG_X[i + 1] / ZIG_X[i]: below it, a point of layer i is under the curve for sure. */
const ZIG_RATIO = new Float64Array(ZIG_LAYERS);
{
  let f = Math.exp(-0.5 * ZIG_R * ZIG_R);
  ZIG_X[0] = ZIG_V / f;
  ZIG_X[1] = ZIG_R;
  for (let i = 2; i < ZIG_LAYERS; i++) {
    const x = Math.sqrt(-2 * Math.log(ZIG_V / (ZIG_X[i - 1] as number) + f));
    ZIG_X[i] = x;
    f = Math.exp(-0.5 * x * x);
  }
  ZIG_X[ZIG_LAYERS] = 0;
  for (let i = 0; i < ZIG_LAYERS; i++) ZIG_RATIO[i] = (ZIG_X[i + 1] as number) / (ZIG_X[i] as number);
}

/**
 * Standard normal draw by the ziggurat method, exact in distribution, in Doornik's
 * form (ZIGNOR): the layer from one uniform and the point from another, so that
 * no bits are shared between them; about 2.03 uniforms per draw on average, with
 * logarithms or exponentials in about 1.2% of draws only.
 *
 * References: G. Marsaglia and W. W. Tsang (2000), The ziggurat method for generating
 * random variables, J. Statistical Software 5(8); J. A. Doornik (2005), An improved
 * ziggurat method to generate normal random samples.
 *
 * @param u uniform draws in (0, 1)
 * @returns a draw of N(0, 1)
 * @example
 * zigguratNormal(new AleaStream(1, 0, 'handleTime')); // => a standard normal draw
 */
export function zigguratNormal(u: UniformSource): number {
  for (;;) {
    const i = Math.floor(u.next() * ZIG_LAYERS);
    const v = 2 * u.next() - 1; // in (-1, 1)
    const xi = ZIG_X[i] as number;
    if (Math.abs(v) < (ZIG_RATIO[i] as number)) return v * xi;
    if (i === 0) {
      // The tail beyond R (Marsaglia 1964).
      for (;;) {
        const x = Math.log(u.next()) / ZIG_R;
        const y = Math.log(u.next());
        if (-2 * y >= x * x) return v < 0 ? x - ZIG_R : ZIG_R - x;
      }
    }
    // The wedge between the layer's inner rectangle and the curve.
    const x = v * xi;
    const xn = ZIG_X[i + 1] as number;
    const f0 = Math.exp(-0.5 * (xi * xi - x * x)); // f(outer edge) / f(x), < 1
    const f1 = Math.exp(-0.5 * (xn * xn - x * x)); // f(inner edge) / f(x), > 1
    if (f1 + u.next() * (f0 - f1) < 1) return x;
  }
}

/**
 * Gamma(shape, 1) draw by Marsaglia and Tsang's method (2000), with normals from
 * `normalQuantile`; a shape below 1 uses the boost Gamma(shape + 1) x U^(1/shape).
 */
function standardGamma(shape: number, u: UniformSource): number {
  const boost = shape < 1;
  const a = boost ? shape + 1 : shape;
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(u.next());
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const w = u.next();
    if (w < 1 - 0.0331 * x * x * x * x || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
      return boost ? d * v * Math.pow(u.next(), 1 / shape) : d * v;
    }
  }
}

/** A source of uniform draws in (0, 1), as an object (see `AleaStream`). */
export interface UniformSource {
  next(): number;
}

const EXPONENTIAL = 0;
const LOGNORMAL = 1;
const GAMMA = 2;
const ERLANG = 3;
const DETERMINISTIC = 4;
const EMPIRICAL = 5;
const MIXTURE = 6;
const SUM = 7;
const HAZARD = 8;

/**
 * A distribution prepared for drawing: every constant computed once, and
 * `next()` one method of one class for every kind, so that a simulation loop
 * calling it is compiled once and inlines it (the common exponential,
 * lognormal and deterministic cases are handled in `next()` itself). Give each sampler a
 * stream of its own.
 *
 * @example
 * const handle = new Sampler(exponential(180), new AleaStream(1, 0, 'handleTime'));
 * handle.next(); // => a duration, mean 180 s
 */
export class Sampler {
  // Numeric fields start as non-integer doubles, so that V8 gives them a double
  // representation (a field declared without a value starts as `undefined`).
  /** The distribution's code (internal). */
  readonly kind: number = 0;
  /** exponential, deterministic: the mean; lognormal: mu; gamma: the shape; erlang: the phase mean. */
  readonly a: number = 0.5;
  /** lognormal: sigma; gamma: the scale; erlang: the number of phases. */
  readonly b: number = 0.5;
  /** empirical: the samples; mixture: cumulative weights; piecewiseHazard: the breakpoints. */
  private readonly samples: Float64Array;
  /** piecewiseHazard: the hazard of each piece, per second. */
  private readonly rates: Float64Array;
  /** mixture: one sampler per component; sum: one per term (all on this sampler's stream). */
  private readonly parts: readonly Sampler[];

  /**
   * @param distribution the distribution (checked by the caller)
   * @param rng uniform draws in (0, 1)
   */
  constructor(
    distribution: Distribution,
    private readonly rng: UniformSource,
  ) {
    let kind = EXPONENTIAL;
    let a = 0;
    let b = 0;
    let samples = new Float64Array(0);
    let rates = new Float64Array(0);
    let parts: Sampler[] = [];
    switch (distribution.kind) {
      case 'exponential':
        a = distribution.meanSeconds;
        break;
      case 'lognormal': {
        kind = LOGNORMAL;
        const sigma2 = Math.log(1 + distribution.cv * distribution.cv);
        a = Math.log(distribution.meanSeconds) - sigma2 / 2;
        b = Math.sqrt(sigma2);
        break;
      }
      case 'gamma':
        kind = GAMMA;
        a = 1 / (distribution.cv * distribution.cv);
        b = distribution.meanSeconds / a;
        break;
      case 'erlang':
        kind = ERLANG;
        a = distribution.meanSeconds / distribution.phases;
        b = distribution.phases;
        break;
      case 'deterministic':
        kind = DETERMINISTIC;
        a = distribution.meanSeconds;
        break;
      case 'empirical':
        kind = EMPIRICAL;
        samples = Float64Array.from(distribution.samplesSeconds);
        break;
      case 'mixture': {
        kind = MIXTURE;
        let total = 0;
        samples = Float64Array.from(distribution.components, (c) => (total += c.weight));
        a = total;
        parts = distribution.components.map((c) => new Sampler(c.distribution, rng));
        break;
      }
      case 'sum':
        kind = SUM;
        parts = distribution.terms.map((term) => new Sampler(term, rng));
        break;
      case 'piecewiseHazard':
        kind = HAZARD;
        samples = Float64Array.from(distribution.breakpointsSeconds);
        rates = Float64Array.from(distribution.hazardPerSecond);
        break;
    }
    this.kind = kind;
    this.a = a;
    this.b = b;
    this.samples = samples;
    this.rates = rates;
    this.parts = parts;
  }

  /** One draw, seconds. */
  next(): number {
    const kind = this.kind;
    if (kind === EXPONENTIAL) return -this.a * Math.log(this.rng.next());
    if (kind === LOGNORMAL) return Math.exp(this.a + this.b * zigguratNormal(this.rng));
    if (kind === DETERMINISTIC) return this.a;
    return this.other(kind);
  }

  private other(kind: number): number {
    const u = this.rng;
    switch (kind) {
      case GAMMA:
        return this.b * standardGamma(this.a, u);
      case ERLANG: {
        // Sum of logs in blocks of 16 products: no underflow for any number of phases.
        const phases = this.b;
        let sum = 0;
        let product = 1;
        for (let i = 1; i <= phases; i++) {
          product *= u.next();
          if ((i & 15) === 0) {
            sum += Math.log(product);
            product = 1;
          }
        }
        return -this.a * (sum + Math.log(product));
      }
      case MIXTURE: {
        // One uniform picks the component, then the component draws.
        const cumulative = this.samples;
        const x = u.next() * this.a;
        let i = 0;
        while (i < cumulative.length - 1 && x >= (cumulative[i] as number)) i++;
        return (this.parts[i] as Sampler).next();
      }
      case SUM: {
        let total = 0;
        for (const part of this.parts) total += part.next();
        return total;
      }
      case HAZARD: {
        // Inversion of the integrated hazard: a unit exponential E spent piece by piece.
        const breakpoints = this.samples;
        const rates = this.rates;
        let e = -Math.log(u.next());
        const last = breakpoints.length - 1;
        for (let i = 0; i < last; i++) {
          const rate = rates[i] as number;
          const width = (breakpoints[i + 1] as number) - (breakpoints[i] as number);
          if (e <= rate * width) return (breakpoints[i] as number) + e / rate;
          e -= rate * width;
        }
        return (breakpoints[last] as number) + e / (rates[last] as number);
      }
      default: {
        const samples = this.samples;
        return samples[Math.floor(u.next() * samples.length)] as number;
      }
    }
  }
}

/** Uniforms drawn at a time by a `UniformQueue`. */
const QUEUE_UNIFORMS = 1024;

/**
 * A stream's uniforms handed out one by one from a block drawn at once
 * (`AleaStream.fill`): the same values in the same order as the stream's `next()`,
 * running ahead of it by up to a block (the stream must be the queue's alone).
 */
class UniformQueue implements UniformSource {
  private readonly block = new Float64Array(QUEUE_UNIFORMS);
  private position = QUEUE_UNIFORMS;

  constructor(private readonly rng: AleaStream) {}

  next(): number {
    let p = this.position;
    if (p === QUEUE_UNIFORMS) {
      this.rng.fill(this.block, QUEUE_UNIFORMS);
      p = 0;
    }
    this.position = p + 1;
    return this.block[p] as number;
  }
}

/** Draws made at a time by a `BufferedSampler`. */
const BUFFER_DRAWS = 512;

/**
 * A `Sampler` whose draws are made a block at a time into a buffer and handed
 * out one by one: the same values in the same order as the plain sampler on
 * the same stream (so common random numbers hold), but the call a simulation
 * loop makes per draw is a few instructions, small enough for the optimising
 * compiler to inline where a loop already holds much code, and the drawing
 * itself runs in a tight loop of its own. The stream must be the sampler's
 * alone: the buffer runs ahead of it by up to 512 draws.
 *
 * @example
 * const handle = new BufferedSampler(lognormal(220, 0.8), new AleaStream(1, 0, 'handleTime'));
 * handle.next(); // === new Sampler(lognormal(220, 0.8), new AleaStream(1, 0, 'handleTime')).next()
 */
export class BufferedSampler {
  private readonly sampler: Sampler;
  // The sampler's constants, for the block refill (doubles from the start, as in Sampler).
  private readonly kind: number = 0;
  private readonly a: number = 0.5;
  private readonly b: number = 0.5;
  private readonly buffer = new Float64Array(BUFFER_DRAWS);
  private readonly queue: UniformQueue | null;
  private position = BUFFER_DRAWS;

  /**
   * @param distribution the distribution (checked by the caller)
   * @param rng uniform draws in (0, 1), used by this sampler only
   */
  constructor(
    distribution: Distribution,
    private readonly rng: UniformSource,
  ) {
    this.sampler = new Sampler(distribution, rng);
    this.queue = rng instanceof AleaStream ? new UniformQueue(rng) : null;
    this.kind = this.sampler.kind;
    this.a = this.sampler.a;
    this.b = this.sampler.b;
  }

  /** One draw, seconds. */
  next(): number {
    const p = this.position;
    if (p < BUFFER_DRAWS) {
      this.position = p + 1;
      return this.buffer[p] as number;
    }
    this.refill();
    this.position = 1;
    return this.buffer[0] as number;
  }

  private refill(): void {
    const buffer = this.buffer;
    const a = this.a;
    const b = this.b;
    const rng = this.rng;
    const queue = this.queue;
    if (this.kind === EXPONENTIAL && rng instanceof AleaStream) {
      // One uniform per draw: the uniforms a block at a time (AleaStream.fill), then
      // mapped in place, the values `Sampler.next()` would give in the same order.
      rng.fill(buffer, BUFFER_DRAWS);
      for (let i = 0; i < BUFFER_DRAWS; i++) buffer[i] = -a * Math.log(buffer[i] as number);
      return;
    }
    if (this.kind === LOGNORMAL && queue !== null) {
      // A variable number of uniforms per draw, from a block queue.
      for (let i = 0; i < BUFFER_DRAWS; i++) buffer[i] = Math.exp(a + b * zigguratNormal(queue));
      return;
    }
    const sampler = this.sampler;
    for (let i = 0; i < BUFFER_DRAWS; i++) buffer[i] = sampler.next();
  }
}

/**
 * Build a sampler for a distribution as a function (a `Sampler` over `u`).
 *
 * @param distribution the distribution (checked by the caller)
 * @param u uniform draws in (0, 1)
 * @returns a function returning one duration, seconds, per call
 * @example
 * const handle = compileSampler(exponential(180), randomStreams(1, 0).stream('handleTime'));
 * handle(); // => a duration, mean 180 s
 */
export function compileSampler(distribution: Distribution, u: Uniform): () => number {
  const sampler = new Sampler(distribution, { next: u });
  return () => sampler.next();
}
