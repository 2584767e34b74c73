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

  it('rejects a fractional seed, naming it', () => {
    expect(() => new AleaStream(1.5, 0, 'x')).toThrow(
      'AleaStream: seed must be a non-negative integer (got 1.5)',
    );
  });
});
