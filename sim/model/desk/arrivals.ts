import type { AleaStream } from '../../core/aleaStream.js';
import type { BusinessCalendar } from './businessCalendar.js';

const HOUR_SECONDS = 3_600;

/**
 * Poisson arrivals on working days with a rate constant within each business
 * hour (exact: the memoryless gap is redrawn at each hour's end).
 *
 * @example
 * const calls = new BusinessHourArrivals(calendar, 1_200, evenShares(9), new AleaStream(1, 0, 'transferArrivals'));
 * calls.next(); // => the first call's instant, seconds
 */
export class BusinessHourArrivals {
  private day = 0;
  private slot = 0;
  private t: number;
  private readonly rates: Float64Array;
  private readonly slots: number;

  constructor(
    private readonly calendar: BusinessCalendar,
    perWorkingDay: number,
    shares: readonly number[],
    private readonly rng: AleaStream,
  ) {
    this.slots = shares.length;
    this.rates = Float64Array.from(shares, (share, i) => {
      const length = Math.min(HOUR_SECONDS, calendar.openSeconds - i * HOUR_SECONDS);
      return (perWorkingDay * share) / length;
    });
    this.t = calendar.opensAt(0);
  }

  /** The next arrival, seconds; `Infinity` after the horizon. */
  next(): number {
    const calendar = this.calendar;
    for (;;) {
      if (this.day >= calendar.horizonDays) return Infinity;
      if (this.slot >= this.slots || !calendar.isWorking(this.day)) {
        if (this.slot > 0 || !calendar.isWorking(this.day)) {
          this.day++;
          this.slot = 0;
          this.t = calendar.opensAt(this.day);
          continue;
        }
      }
      const slotEnd =
        calendar.opensAt(this.day) + Math.min((this.slot + 1) * HOUR_SECONDS, calendar.openSeconds);
      const rate = this.rates[this.slot] as number;
      if (rate > 0) {
        const t = this.t - Math.log(this.rng.next()) / rate;
        if (t < slotEnd) {
          this.t = t;
          return t;
        }
      }
      this.slot++;
      this.t = slotEnd;
    }
  }
}
