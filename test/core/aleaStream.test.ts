import { describe, expect, it } from 'vitest';
import { AleaStream } from '../../sim/core/aleaStream.js';
import { randomStreams } from '../../sim/core/rng.js';

describe('AleaStream', () => {
  it('gives exactly the draws of randomStreams(seed, replication).stream(name)', () => {
    // Exact: both are seedrandom's Alea from the same seed string and state.
    for (const [seed, replication, name] of [
      [0, 0, 'arrivals'],
      [42, 3, 'handleTime'],
      [2_026, 17, 'patience'],
    ] as const) {
      const a = new AleaStream(seed, replication, name);
      const b = randomStreams(seed, replication).stream(name);
      for (let i = 0; i < 10_000; i++) expect(a.next()).toBe(b());
    }
  });

  it('fill gives the draws next() would give, in order, and carries on from there', () => {
    // Exact: the same Alea steps, with the state in local variables.
    const a = new AleaStream(42, 3, 'patience');
    const b = randomStreams(42, 3).stream('patience');
    const out = new Float64Array(600);
    a.fill(out, 500);
    for (let i = 0; i < 500; i++) expect(out[i]).toBe(b());
    expect(out[500]).toBe(0); // untouched beyond count
    a.fill(out, 0);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b());
    a.fill(out, 600);
    for (let i = 0; i < 600; i++) expect(out[i]).toBe(b());
  });

  it('fill rejects a count beyond the buffer, naming it', () => {
    expect(() => new AleaStream(1, 0, 'x').fill(new Float64Array(4), 5)).toThrow(
      'AleaStream.fill: count must be an integer in [0, 4] (got 5)',
    );
  });

  it('rejects a fractional seed, naming it', () => {
    expect(() => new AleaStream(1.5, 0, 'x')).toThrow(
      'AleaStream: seed must be a non-negative integer (got 1.5)',
    );
  });
});
