import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { OptionReader, scanArguments } from '../../sim/cli/args.js';
import { erlangRow, requiredAgentsFor, type ErlangInputs } from '../../sim/cli/erlang.js';
import { formatNumber, formatPercent, formatTable } from '../../sim/cli/format.js';
import { csvText } from '../../sim/cli/output.js';

function command(): Command {
  return new Command('x').option('--agents <n>').option('-o, --out <file>').option('--json');
}

describe('scanArguments', () => {
  it('finds every unknown option, with the nearest known one, and skips option values', () => {
    const scan = scanArguments(
      command(),
      ['--agnets', '14', '--json', '--colour', 'a.json', '-o', 'out.json'],
      ['<in>'],
    );
    expect(scan.problems).toEqual([
      'unknown option --agnets (did you mean --agents?)',
      'unknown option --colour',
    ]);
    expect(scan.operands).toEqual(['a.json']);
  });

  it('reads --name=value, -- and a value that starts with a dash', () => {
    const scan = scanArguments(command(), ['--agents=3', '--out', '-x.json', '--', '--in.json'], ['<in>']);
    expect(scan.problems).toEqual([]);
    expect(scan.operands).toEqual(['--in.json']);
  });

  it('reports a missing value, a missing operand and extra operands', () => {
    expect(scanArguments(command(), ['--agents'], ['<in>']).problems).toEqual([
      'option --agents needs a value',
      'missing argument <in>',
    ]);
    expect(scanArguments(command(), ['a', 'b', 'c'], ['<in>']).problems).toEqual([
      'unexpected arguments "b", "c"',
    ]);
    expect(scanArguments(command(), ['-h'], []).help).toBe(true);
  });
});

describe('OptionReader', () => {
  it('reads numbers, fractions and agent ranges, collecting every problem', () => {
    const reader = new OptionReader();
    expect(reader.number('--handle', '180', { min: 0, exclusiveMin: true })).toBe(180);
    expect(reader.number('--max-attempts', 'inf', { min: 1, integer: true, infinity: true })).toBe(Infinity);
    expect(reader.fraction('--target', '80%')).toBe(0.8);
    expect(reader.fraction('--target', '0.8')).toBe(0.8);
    expect(reader.agents('--agents', '30..33')).toEqual([30, 31, 32, 33]);
    expect(reader.problems).toEqual([]);

    expect(reader.number('--handle', '0', { min: 0, exclusiveMin: true }, 'seconds')).toBeUndefined();
    expect(reader.number('--seed', '1.5', { min: 0, integer: true })).toBeUndefined();
    expect(reader.number('--calls', '1e400', { min: 0 })).toBeUndefined(); // not finite
    expect(reader.number('--calls', '12abc')).toBeUndefined();
    expect(reader.fraction('--target', '1.2')).toBeUndefined();
    expect(reader.agents('--agents', '60..30')).toBeUndefined();
    expect(reader.problems).toEqual([
      '--handle: must be a number > 0 (seconds) (got 0)',
      '--seed: must be an integer >= 0 (got 1.5)',
      '--calls: must be a number >= 0 (got "1e400")',
      '--calls: must be a number (got "12abc")',
      '--target: must be a fraction in [0, 1] such as 0.8 or 80% (got "1.2")',
      '--agents: the range must not decrease (got 60..30)',
    ]);
  });
});

describe('formatting', () => {
  // Exact, by hand.
  it('aligns columns, numbers right, text left, Chinese characters two columns wide', () => {
    const table = formatTable(
      [{ header: 'indicator', align: 'left' }, { header: 'rate' }],
      [
        ['综合接通率', '80.00%'],
        ['abc', '5.00%'],
      ],
    );
    expect(table.split('\n')).toEqual([
      'indicator     rate',
      '----------  ------',
      '综合接通率  80.00%',
      'abc          5.00%',
    ]);
  });

  it('formats percentages, numbers and missing values', () => {
    expect(formatPercent(0.17413193)).toBe('17.41%');
    expect(formatPercent(null)).toBe('-');
    expect(formatNumber(7.8359, 1)).toBe('7.8');
    expect(formatNumber(Infinity)).toBe('inf');
    expect(formatNumber(1.44e17, 1)).toBe('1.44e+17');
  });

  it('writes CSV with quoted text and empty cells for missing numbers', () => {
    expect(
      csvText(
        ['a', 'b', 'c'],
        [
          { a: 1, b: 'x,"y"', c: null },
          { a: Infinity, b: 'z', c: 0.5 },
        ],
      ),
    ).toBe('a,b,c\n1,"x,""y""",\n,z,0.5\n');
  });
});

describe('requiredAgentsFor with redials', () => {
  // The bisection must agree with a plain scan from 0 agents upwards.
  it.each([
    [{ arrivalsPerHour: 1000, meanHandleSeconds: 220, meanPatienceSeconds: 90 }, { answerRate: 0.8 }, 0.5, 4],
    [
      { arrivalsPerHour: 300, meanHandleSeconds: 180, meanPatienceSeconds: 60 },
      { serviceLevel: 0.7 },
      0.9,
      Infinity,
    ],
    [{ arrivalsPerHour: 120, meanHandleSeconds: 300, waitingRoom: 2 }, { answerRate: 0.9 }, 0.6, 3],
  ])('%o %o, redial %d, %d attempts at most', (queue, target, redialProbability, maxAttempts) => {
    const inputs: ErlangInputs = {
      ...queue,
      answerWithinSeconds: 20,
      redial: { redialProbability, maxAttempts },
    };
    let scanned = 0;
    while (!erlangRow(inputs, scanned, target).meetsTarget) scanned++;
    expect(requiredAgentsFor(inputs, target)).toBe(scanned);
  });
});
