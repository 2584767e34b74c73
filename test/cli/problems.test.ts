import { describe, expect, it } from 'vitest';
import { capProblems, PROBLEM_LINES } from '../../sim/cli/problems.js';

describe('capProblems', () => {
  it('prints problems of one cause on many rows as one line, in the place of the first', () => {
    const lines = [
      '--days: must be at most 366 (got 400)',
      ...[2, 3, 4, 9].map(
        (row) => `s.csv:${row} intervalStart: must be within the horizon 2025-01-01 (got 2020-01-0${row})`,
      ),
      's.csv:5 agents: must be >= 0 (got -1)',
      's.csv:6 agents: must be an integer (got 2.5)',
    ];
    expect(capProblems(lines)).toEqual([
      '--days: must be at most 366 (got 400)',
      's.csv rows 2 to 9 (4 rows) intervalStart: must be within the horizon 2025-01-01 (the first got 2020-01-02)',
      's.csv:5 agents: must be >= 0 (got -1)',
      's.csv:6 agents: must be an integer (got 2.5)',
    ]);
    // Two of a kind stay as they are.
    expect(capProblems(lines.slice(0, 3))).toEqual(lines.slice(0, 3));
  });

  it('prints the first 20 lines, then a count of the problems left', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `s.json horizon.x${i}: must be a number (got "a")`);
    const rows = Array.from({ length: 100 }, (_, i) => `t.csv:${i + 2} agents: must be >= 0 (got -1)`);
    const out = capProblems([...lines, ...rows]);
    expect(out).toHaveLength(PROBLEM_LINES + 1);
    expect(out.slice(0, 20)).toEqual(lines.slice(0, 20));
    // 10 single problems and the grouped line of 100 rows are left: 110 problems.
    expect(out[20]).toBe('... and 110 more problems (fix these and run again to see them)');
  });
});
