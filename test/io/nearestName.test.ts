import { describe, expect, it } from 'vitest';
import { levenshtein, nearestName, unknownNameMessage } from '../../sim/io/nearestName.js';

describe('levenshtein', () => {
  // Classic examples, exact by hand: kitten -> sitten -> sittin -> sitting.
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
    expect(levenshtein('same', 'same')).toBe(0);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['agents', 'agnets'],
      ['intervalStart', 'interval_start'],
      ['x', ''],
    ] as const) {
      expect(levenshtein(a, b)).toBe(levenshtein(b, a));
    }
  });
});

describe('nearestName', () => {
  const known = ['intervalStart', 'agents', 'arrivalsPerHour'];
  it('finds the nearest known name, ignoring case and separators', () => {
    expect(nearestName('agnets', known)).toBe('agents');
    expect(nearestName('interval_start', known)).toBe('intervalStart');
    expect(nearestName('ArrivalsPerHr', known)).toBe('arrivalsPerHour');
  });

  it('suggests nothing for a name far from every known one', () => {
    expect(nearestName('colour', known)).toBeUndefined();
    expect(unknownNameMessage('column', 'colour', known)).toBe(
      'unknown column "colour" (known: intervalStart, agents, arrivalsPerHour)',
    );
  });
});
