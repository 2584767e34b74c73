import { AleaStream } from '../core/aleaStream.js';
import type { Uniform } from '../core/rng.js';
import { requireNonNegativeFinite, requirePositiveFinite, requirePositiveInteger } from '../core/validate.js';
import type { Distribution } from './types.js';

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
 * Mean of a duration distribution.
 *
 * @param distribution the distribution
 * @returns its mean, seconds
 * @example
 * distributionMean(erlang(4, 200)); // => 200
 */
export function distributionMean(distribution: Distribution): number {
  if (distribution.kind === 'empirical') {
    const samples = distribution.samplesSeconds;
    let sum = 0;
    for (const value of samples) sum += value;
    return sum / samples.length;
  }
  return distribution.meanSeconds;
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
      let sum = 0;
      for (const value of distribution.samplesSeconds) sum += (value - mean) ** 2;
      return sum / distribution.samplesSeconds.length;
    }
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
    default:
      throw new RangeError(
        `${fn}: ${name}.kind must be one of exponential, lognormal, gamma, erlang, deterministic, empirical (got ${String(
          (distribution as { kind?: unknown } | undefined)?.kind,
        )})`,
      );
  }
}

/**
 * Inverse of the standard normal distribution function, by Wichura's algorithm
 * AS 241 (PPND16), accurate to about 1e-16. One uniform gives one normal draw,
 * so a stream's position does not depend on pairing (as Box-Muller's would).
 *
 * Reference: M. J. Wichura (1988), Algorithm AS 241, Applied Statistics 37(3), 477-484.
 *
 * @param p a probability in (0, 1)
 * @returns the standard normal quantile z with P(Z <= z) = p
 * @example
 * normalQuantile(0.975); // => 1.9599639845400536
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) *
          r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852546 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) *
        r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r +
        1.2704582524523684) *
        r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -value : value;
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
  private readonly samples: Float64Array;

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
    }
    this.kind = kind;
    this.a = a;
    this.b = b;
    this.samples = samples;
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
