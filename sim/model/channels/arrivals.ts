import type { BufferedSampler } from '../sampler.js';

/**
 * Contacts of one channel entering: an exact non-homogeneous Poisson process
 * with a rate constant in each interval (one unit-rate exponential draw per
 * contact mapped through the integrated rate, so a gap that crosses an interval
 * boundary carries over exactly), or given instants. The voice model's arrival
 * process, one per channel on its own stream.
 *
 * @example
 * const unit = new BufferedSampler(exponential(1), new AleaStream(1, 0, 'chatArrivals'));
 * const arrivals = new ContactArrivals(Float64Array.of(1 / 60), 3_600, 1, null, unit);
 * arrivals.advance();
 * arrivals.nextTime; // => the first contact's instant, seconds (mean 60)
 */
export class ContactArrivals {
  /** The next contact's instant, seconds (`Infinity` when there is none), set by `advance`. */
  nextTime = 0.5;
  private clock = 0.5;
  private interval = 0;
  private explicitNext = 0;

  /**
   * @param rate contacts per second in each interval
   * @param L interval length, seconds
   * @param n number of intervals
   * @param explicitTimes the instants of the contacts, when given (then `rate` is not used)
   * @param unit unit-rate exponential draws
   */
  constructor(
    private readonly rate: Float64Array,
    private readonly L: number,
    private readonly n: number,
    private readonly explicitTimes: Float64Array | null,
    private readonly unit: BufferedSampler,
  ) {
    this.clock = 0;
    this.nextTime = 0;
  }

  /** Move to the next contact: its instant in `nextTime`. */
  advance(): void {
    const explicitTimes = this.explicitTimes;
    if (explicitTimes !== null) {
      this.nextTime =
        this.explicitNext < explicitTimes.length ? explicitTimes[this.explicitNext++]! : Infinity;
      return;
    }
    const rate = this.rate;
    const L = this.L;
    let e = this.unit.next();
    let t = this.clock;
    let i = this.interval;
    let next = Infinity;
    while (i < this.n) {
      const r = rate[i]!;
      const end = (i + 1) * L;
      if (r > 0) {
        const dt = e / r;
        if (t + dt < end) {
          next = t + dt;
          break;
        }
        e -= r * (end - t);
        if (e < 0) e = 0;
      }
      i++;
      t = end;
    }
    this.interval = i;
    this.clock = next;
    this.nextTime = next;
  }
}
