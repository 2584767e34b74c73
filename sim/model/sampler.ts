import { AleaStream } from '../core/aleaStream.js';
import type { Uniform } from '../core/rng.js';
import { normalQuantile } from '../stats/normalQuantile.js';
import type { Distribution } from './types.js';

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
