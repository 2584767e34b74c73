import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { optionText, optionTexts, OptionReader, scanArguments } from '../../sim/cli/args.js';
import { erlangResult, erlangRow, type ErlangInputs } from '../../sim/cli/erlang.js';
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

describe('OptionReader lists and choices', () => {
  // Exact, by hand: 300:360:10 is 300, 310, ..., 360 (seven values, both ends included).
  it('reads comma lists and from:to:step ranges, each value once, in the order given', () => {
    const reader = new OptionReader();
    expect(reader.numberList('--seats', '300:360:10', { min: 0, integer: true })).toEqual([
      300, 310, 320, 330, 340, 350, 360,
    ]);
    expect(reader.numberList('--seats', '5, 3, 5, 1:2:1', { min: 0, integer: true })).toEqual([5, 3, 1, 2]);
    expect(reader.numberList('--factors', '0.8:1.2:0.1', { min: 0 })).toEqual([0.8, 0.9, 1, 1.1, 1.2]);
    expect(reader.choice('--vary', 'handle', ['volume', 'handle'])).toBe('handle');
    expect(reader.problems).toEqual([]);
  });

  it('lists every bad value, a decreasing range, a bad step, too many values and an unknown word', () => {
    const reader = new OptionReader();
    expect(reader.numberList('--seats', '3.5,-1', { min: 0, integer: true })).toBeUndefined();
    expect(reader.numberList('--seats', '360:300:10', { min: 0, integer: true })).toBeUndefined();
    expect(reader.numberList('--seats', '1:5:0', { min: 0, integer: true })).toBeUndefined();
    expect(reader.numberList('--seats', '1:2', { min: 0, integer: true })).toBeUndefined();
    expect(reader.numberList('--seats', '1:100:1', { min: 0, integer: true }, '', 50)).toBeUndefined();
    expect(reader.choice('--vary', 'volme', ['volume', 'handle'])).toBeUndefined();
    expect(reader.problems).toEqual([
      '--seats: must be an integer >= 0 (got 3.5)',
      '--seats: must be an integer >= 0 (got -1)',
      '--seats: the range 360:300:10 must not decrease',
      '--seats: must be an integer > 0 (got 0)',
      '--seats: "1:2" must be a number or a range from:to:step such as 300:360:10',
      '--seats: the range 1:100:1 holds 100 values (at most 50)',
      '--vary: must be one of volume, handle (got "volme"; did you mean volume?)',
    ]);
  });

  it('reads the last value of an option and every value of a repeatable one', () => {
    expect(optionText({ seed: '7' }, 'seed')).toBe('7');
    expect(optionText({ json: true }, 'json')).toBeUndefined();
    expect(optionText({ vary: ['a', 'b'] }, 'vary')).toBe('b');
    expect(optionTexts({ vary: ['a', 'b'] }, 'vary')).toEqual(['a', 'b']);
    expect(optionTexts({}, 'vary')).toEqual([]);
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

describe('erlang with redials: the agents required', () => {
  // The required count the table marks must be the first row of a plain scan from 0 agents upwards.
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
    expect(erlangResult(inputs, undefined, target).requiredAgents).toBe(scanned);
  });
});
