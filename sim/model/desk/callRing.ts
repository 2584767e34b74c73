/**
 * The desk's waiting calls: a FIFO ring of parallel typed arrays (arrival,
 * patience deadline, handle time and the two survey draws) that doubles when
 * full.
 *
 * @example
 * const ring = new CallRing();
 * ring.push(10, 70, 300, 0.4, 0.9);
 * ring.deadline[ring.head]; // => 70
 */
export class CallRing {
  /** Position of the oldest call. */
  head = 0;
  /** Calls waiting. */
  count = 0;
  arrival: Float64Array;
  deadline: Float64Array;
  handle: Float64Array;
  survey1: Float64Array;
  survey2: Float64Array;
  private size: number;

  /** @param size calls held before the first growth */
  constructor(size = 256) {
    this.size = size;
    this.arrival = new Float64Array(size);
    this.deadline = new Float64Array(size);
    this.handle = new Float64Array(size);
    this.survey1 = new Float64Array(size);
    this.survey2 = new Float64Array(size);
  }

  /** Add a call at the tail (times in seconds; the survey draws uniform in (0, 1)). */
  push(arrival: number, deadline: number, handle: number, u1: number, u2: number): void {
    if (this.count === this.size) this.grow();
    const i = (this.head + this.count) % this.size;
    this.arrival[i] = arrival;
    this.deadline[i] = deadline;
    this.handle[i] = handle;
    this.survey1[i] = u1;
    this.survey2[i] = u2;
    this.count++;
  }

  /** Remove the oldest call and return its position (valid until the next push). */
  shiftHead(): number {
    const i = this.head;
    this.head = (this.head + 1) % this.size;
    this.count--;
    return i;
  }

  private grow(): void {
    const size = this.size * 2;
    const move = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      for (let i = 0; i < this.count; i++) b[i] = a[(this.head + i) % this.size] as number;
      return b;
    };
    this.arrival = move(this.arrival);
    this.deadline = move(this.deadline);
    this.handle = move(this.handle);
    this.survey1 = move(this.survey1);
    this.survey2 = move(this.survey2);
    this.head = 0;
    this.size = size;
  }
}
