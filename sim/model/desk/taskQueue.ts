/**
 * The desk's ready work-order steps, earliest key first (ties in the order
 * they were added, so a run is fully determined by its seed): a binary
 * min-heap on typed arrays that grow when full, allocating nothing per step.
 * The key is the step's deadline (or latest safe start) in business seconds;
 * the value packs the order index and the step.
 *
 * @example
 * const q = new TaskQueue();
 * q.push(50, 7);
 * q.push(20, 9);
 * q.pop(); // => 9
 */
export class TaskQueue {
  private keys = new Float64Array(256);
  private sequences = new Float64Array(256);
  private values = new Int32Array(256);
  private count = 0;
  private sequence = 0;
  /** Key of the step last popped. */
  lastKey = 0;

  /** Number of steps waiting. */
  get size(): number {
    return this.count;
  }

  /** Add a step with its key. */
  push(key: number, value: number): void {
    if (this.count === this.keys.length) this.grow();
    let i = this.count++;
    const seq = this.sequence++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = this.keys[parent] as number;
      if (pk < key || (pk === key && (this.sequences[parent] as number) < seq)) break;
      this.keys[i] = pk;
      this.sequences[i] = this.sequences[parent] as number;
      this.values[i] = this.values[parent] as number;
      i = parent;
    }
    this.keys[i] = key;
    this.sequences[i] = seq;
    this.values[i] = value;
  }

  /** Remove the step with the smallest key and return its value; -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const top = this.values[0] as number;
    this.lastKey = this.keys[0] as number;
    const n = --this.count;
    if (n > 0) {
      const key = this.keys[n] as number;
      const seq = this.sequences[n] as number;
      const value = this.values[n] as number;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = child + 1;
        if (right < n) {
          const ck = this.keys[child] as number;
          const rk = this.keys[right] as number;
          if (
            rk < ck ||
            (rk === ck && (this.sequences[right] as number) < (this.sequences[child] as number))
          ) {
            child = right;
          }
        }
        const ck = this.keys[child] as number;
        if (key < ck || (key === ck && seq < (this.sequences[child] as number))) break;
        this.keys[i] = ck;
        this.sequences[i] = this.sequences[child] as number;
        this.values[i] = this.values[child] as number;
        i = child;
      }
      this.keys[i] = key;
      this.sequences[i] = seq;
      this.values[i] = value;
    }
    return top;
  }

  private grow(): void {
    const size = this.keys.length * 2;
    const keys = new Float64Array(size);
    keys.set(this.keys);
    const sequences = new Float64Array(size);
    sequences.set(this.sequences);
    const values = new Int32Array(size);
    values.set(this.values);
    this.keys = keys;
    this.sequences = sequences;
    this.values = values;
  }
}
