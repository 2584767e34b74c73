import type { Command } from 'commander';
import { nearestName } from '../index.js';

/**
 * Argument checks of the `hotline` command. Commander parses the syntax; the
 * values are checked here so that every problem of a command line is reported
 * at once (commander stops at the first), then the command exits with status 2.
 */

/** Bad command-line input: every problem, one per line, reported without a stack trace (exit status 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(readonly problems: readonly string[]) {
    super(`${problems.length} problem(s) in the input\n` + problems.map((p) => `  ${p}`).join('\n'));
  }
}

/** What `scanArguments` found in a subcommand's own tokens. */
export interface ScannedArguments {
  /** Positional arguments, in order. */
  operands: string[];
  /** Unknown options, missing option values, wrong number of operands. */
  problems: string[];
  /** Whether `-h` or `--help` was given (then nothing else matters). */
  help: boolean;
}

/**
 * Scan a subcommand's tokens against its declared options, independently of
 * commander, to find every unknown option (with the nearest known one), every
 * option missing its value, every option given more than once that is not
 * repeatable (commander would keep the last silently) and a wrong number of
 * positional arguments.
 *
 * @param command the commander subcommand (its `options` are read)
 * @param tokens the tokens after the subcommand's name
 * @param operandNames names of the positional arguments it takes, e.g. `['<scenario>']`
 * @param repeatable the long options that may be given more than once (`--vary`)
 * @returns the operands and the problems found
 * @example
 * const command = new Command('erlang').option('--agents <n>', 'agents').option('--calls <n>', 'calls per hour');
 * scanArguments(command, ['--agnets', '14', 'extra'], []).problems;
 * // => ['unknown option --agnets (did you mean --agents?)', 'unexpected argument "extra" (this command takes options only)']
 * const withDays = new Command('simulate').option('--days <n>', 'days');
 * scanArguments(withDays, ['s.json', '--days', '3', '--days', '5'], ['<scenario>']).problems;
 * // => ['option --days is given 2 times ("3", "5"): give it once']
 */
export function scanArguments(
  command: Command,
  tokens: readonly string[],
  operandNames: readonly string[],
  repeatable: readonly string[] = [],
): ScannedArguments {
  const takesValue = new Map<string, boolean>();
  const longOf = new Map<string, string>();
  for (const option of command.options) {
    const needsValue = option.required || option.optional;
    if (option.long) takesValue.set(option.long, needsValue);
    if (option.short) takesValue.set(option.short, needsValue);
    if (option.long && option.short) longOf.set(option.short, option.long);
  }
  // each option given, with its values (true for a flag), in order
  const given = new Map<string, (string | true)[]>();
  takesValue.set('--help', false);
  takesValue.set('-h', false);
  const longNames = [...takesValue.keys()].filter((name) => name.startsWith('--'));

  const operands: string[] = [];
  const problems: string[] = [];
  let help = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token === '--') {
      operands.push(...tokens.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      operands.push(token);
      continue;
    }
    const equals = token.indexOf('=');
    const name = token.startsWith('--') && equals > 0 ? token.slice(0, equals) : token;
    if (name === '--help' || name === '-h') help = true;
    const needsValue = takesValue.get(name);
    if (needsValue === undefined) {
      const nearest = nearestName(
        name.replace(/^-+/, ''),
        longNames.map((flag) => flag.slice(2)),
      );
      problems.push(`unknown option ${name}${nearest ? ` (did you mean --${nearest}?)` : ''}`);
      // a misspelt option that takes a value is followed by that value, not by an operand
      const next = tokens[i + 1];
      if (
        nearest &&
        takesValue.get(`--${nearest}`) &&
        name === token &&
        next !== undefined &&
        !next.startsWith('--')
      )
        i++;
      continue;
    }
    const long = longOf.get(name) ?? name;
    const value: string | true = !needsValue
      ? true
      : name !== token
        ? token.slice(equals + 1)
        : (tokens[i + 1] ?? '');
    given.set(long, [...(given.get(long) ?? []), value]);
    if (needsValue && name === token) {
      if (i + 1 >= tokens.length) problems.push(`option ${name} needs a value`);
      i++;
    }
  }
  for (const [long, values] of given) {
    if (values.length < 2 || repeatable.includes(long) || long === '--help') continue;
    const shown = values.every((value) => value === true)
      ? ''
      : ` (${values.map((value) => (value === true ? 'flag' : JSON.stringify(value))).join(', ')})`;
    problems.push(
      `option ${long} is given ${values.length} times${shown}: give it once` +
        (repeatable.length > 0 ? ` (only ${repeatable.join(', ')} may be repeated)` : ''),
    );
  }
  if (operands.length > operandNames.length) {
    problems.push(
      `unexpected argument${operands.length - operandNames.length > 1 ? 's' : ''} ${operands
        .slice(operandNames.length)
        .map((o) => JSON.stringify(o))
        .join(', ')}` + (operandNames.length === 0 ? ' (this command takes options only)' : ''),
    );
  } else if (operands.length < operandNames.length) {
    problems.push(`missing argument ${operandNames.slice(operands.length).join(' ')}`);
  }
  return { operands, problems, help };
}

/** Limits of a number read from an option. */
export interface NumberRule {
  /** Least value allowed. */
  min?: number;
  /** Greatest value allowed. */
  max?: number;
  /** The least value itself is not allowed (a positive number). */
  exclusiveMin?: boolean;
  /** Whole numbers only. */
  integer?: boolean;
  /** `Infinity` (or `inf`) is allowed. */
  infinity?: boolean;
}

/**
 * Reads option values, collecting a problem per bad value instead of stopping
 * at the first. Each method returns `undefined` when the option is absent or
 * its value is bad; `problems` then says why.
 */
export class OptionReader {
  readonly problems: string[] = [];

  /** Record a problem found by the caller (lower case, no final period). */
  problem(message: string): void {
    this.problems.push(message);
  }

  /**
   * A number: `--handle 180`, `--max-attempts inf`.
   *
   * @param flag the option, for the message (`--handle`)
   * @param raw the text given, or undefined when absent
   * @param rule limits and whether whole numbers or infinity are allowed
   * @param unit unit words for the message, e.g. `seconds`
   * @returns the number, or undefined when absent or bad (a problem is then recorded)
   * @example
   * const reader = new OptionReader();
   * reader.number('--handle', '180', { min: 0, exclusiveMin: true }, 'seconds'); // => 180
   * reader.number('--handle', '-5', { min: 0, exclusiveMin: true }, 'seconds'); // => undefined
   * reader.problems; // => ['--handle: must be a number > 0 (seconds) (got -5)']
   */
  number(flag: string, raw: string | undefined, rule: NumberRule = {}, unit = ''): number | undefined {
    if (raw === undefined) return undefined;
    const text = raw.trim();
    const value =
      rule.infinity && /^(inf|infinity|\+inf|\+infinity)$/i.test(text) ? Infinity : strictNumber(text);
    const expected = describeRule(rule, unit);
    if (value === undefined || (value === Infinity && !rule.infinity)) {
      this.problems.push(`${flag}: must be ${expected} (got ${JSON.stringify(raw)})`);
      return undefined;
    }
    const tooSmall =
      rule.min !== undefined && (rule.exclusiveMin ? !(value > rule.min) : !(value >= rule.min));
    const tooLarge = rule.max !== undefined && value > rule.max;
    if ((rule.integer && value !== Infinity && !Number.isInteger(value)) || tooSmall || tooLarge) {
      this.problems.push(`${flag}: must be ${expected} (got ${raw})`);
      return undefined;
    }
    return value;
  }

  /**
   * A fraction in [0, 1], written `0.8` or `80%`.
   *
   * @param flag the option, for the message
   * @param raw the text given, or undefined when absent
   * @returns the fraction, or undefined when absent or bad
   * @example
   * const reader = new OptionReader();
   * reader.fraction('--target-answer-rate', '80%'); // => 0.8
   * reader.fraction('--target-answer-rate', '0.8'); // => 0.8
   */
  fraction(flag: string, raw: string | undefined): number | undefined {
    if (raw === undefined) return undefined;
    const text = raw.trim();
    const percent = text.endsWith('%');
    const value = strictNumber(percent ? text.slice(0, -1).trim() : text);
    const fraction = value === undefined ? undefined : percent ? value / 100 : value;
    if (fraction === undefined || !(fraction >= 0 && fraction <= 1)) {
      this.problems.push(
        `${flag}: must be a fraction in [0, 1] such as 0.8 or 80% (got ${JSON.stringify(raw)})`,
      );
      return undefined;
    }
    return fraction;
  }

  /**
   * Agent counts: one (`14`) or an inclusive range (`30..60`).
   *
   * @param flag the option, for the message
   * @param raw the text given, or undefined when absent
   * @param maxRows most counts a range may hold
   * @returns the counts in increasing order, or undefined when absent or bad
   * @example
   * new OptionReader().agents('--agents', '30..32'); // => [30, 31, 32]
   */
  agents(flag: string, raw: string | undefined, maxRows = 10_000): number[] | undefined {
    if (raw === undefined) return undefined;
    const match = /^\s*(\d+)\s*(?:\.\.\s*(\d+)\s*)?$/.exec(raw);
    if (!match) {
      this.problems.push(
        `${flag}: must be a non-negative integer or a range such as 30..60 (got ${JSON.stringify(raw)})`,
      );
      return undefined;
    }
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from) {
      this.problems.push(`${flag}: the range must not decrease (got ${raw})`);
      return undefined;
    }
    if (to - from + 1 > maxRows) {
      this.problems.push(`${flag}: a range may hold at most ${maxRows} counts (got ${to - from + 1})`);
      return undefined;
    }
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  /**
   * A list of numbers: values separated by commas, each a number or an
   * inclusive range `from:to:step` (`300:360:10` is 300, 310, ..., 360).
   * Repeated values are kept once, in the order first given.
   *
   * @param flag the option, for the message (`--seats`)
   * @param raw the text given, or undefined when absent
   * @param rule limits every value must respect (and the step, when integers only)
   * @param unit unit words for the message, e.g. `yuan`
   * @param maxCount most values the list may hold
   * @returns the values, or undefined when absent or bad (a problem is then recorded)
   * @example
   * new OptionReader().numberList('--seats', '300:320:10,400', { min: 0, integer: true }); // => [300, 310, 320, 400]
   */
  numberList(
    flag: string,
    raw: string | undefined,
    rule: NumberRule = {},
    unit = '',
    maxCount = 1_000,
  ): number[] | undefined {
    if (raw === undefined) return undefined;
    const values: number[] = [];
    const before = this.problems.length;
    const parts = raw.split(',').map((part) => part.trim());
    for (const part of parts) {
      const pieces = part.split(':').map((piece) => piece.trim());
      if (pieces.length === 1) {
        const value = this.number(flag, part, rule, unit);
        if (value !== undefined) values.push(value);
        continue;
      }
      if (pieces.length !== 3) {
        this.problems.push(
          `${flag}: ${JSON.stringify(part)} must be a number or a range from:to:step such as 300:360:10`,
        );
        continue;
      }
      const [from, to, step] = [
        this.number(flag, pieces[0], rule, unit),
        this.number(flag, pieces[1], rule, unit),
        this.number(flag, pieces[2], {
          min: 0,
          exclusiveMin: true,
          ...(rule.integer ? { integer: true } : {}),
        }),
      ];
      if (from === undefined || to === undefined || step === undefined) continue;
      if (to < from) {
        this.problems.push(`${flag}: the range ${part} must not decrease`);
        continue;
      }
      const count = Math.floor((to - from) / step + 1e-9) + 1;
      if (count > maxCount) {
        this.problems.push(`${flag}: the range ${part} holds ${count} values (at most ${maxCount})`);
        continue;
      }
      // toPrecision(12) drops the binary noise of 0.9 + 2 x 0.1
      for (let i = 0; i < count; i++) values.push(Number((from + i * step).toPrecision(12)));
    }
    if (this.problems.length > before) return undefined;
    const unique = [...new Set(values)];
    if (unique.length > maxCount) {
      this.problems.push(`${flag}: at most ${maxCount} values (got ${unique.length})`);
      return undefined;
    }
    return unique;
  }

  /**
   * One of a fixed set of words (`--format bank` is not one).
   *
   * @param flag the option, for the message
   * @param raw the text given, or undefined when absent
   * @param allowed the words allowed
   * @returns the word, or undefined when absent or not allowed
   * @example
   * const reader = new OptionReader();
   * reader.choice('--vary', 'volume', ['volume', 'handle']); // => 'volume'
   * reader.choice('--vary', 'volum', ['volume', 'handle']); // => undefined
   * reader.problems.length; // => 1
   */
  choice<T extends string>(flag: string, raw: string | undefined, allowed: readonly T[]): T | undefined {
    if (raw === undefined) return undefined;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    const nearest = nearestName(raw, allowed);
    this.problems.push(
      `${flag}: must be one of ${allowed.join(', ')} (got ${JSON.stringify(raw)}${nearest ? `; did you mean ${nearest}?` : ''})`,
    );
    return undefined;
  }
}

/**
 * The text of an option with a value, or undefined when it is absent or a
 * flag. For a repeatable option, its last value.
 *
 * @param options the values commander parsed
 * @param key the option's key (`replications`, `maxReplications`)
 * @example
 * optionText({ seed: '7' }, 'seed'); // => '7'
 */
export function optionText(options: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = options[key];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length > 0) {
    const last: unknown = value[value.length - 1];
    return typeof last === 'string' ? last : undefined;
  }
  return undefined;
}

/**
 * Every value of a repeatable option, in the order given (none when absent).
 *
 * @param options the values commander parsed
 * @param key the option's key (`vary`)
 * @example
 * optionTexts({ vary: ['volume=0.9,1.1', 'handle=1.1'] }, 'vary'); // => ['volume=0.9,1.1', 'handle=1.1']
 */
export function optionTexts(options: Readonly<Record<string, unknown>>, key: string): string[] {
  const value = options[key];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function strictNumber(text: string): number | undefined {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function describeRule(rule: NumberRule, unit: string): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`${rule.exclusiveMin ? '>' : '>='} ${rule.min}`);
  if (rule.max !== undefined) parts.push(`<= ${rule.max}`);
  const range = parts.length > 0 ? ` ${parts.join(' and ')}` : '';
  return `${kind}${range}${unit ? ` (${unit})` : ''}${rule.infinity ? ' or inf' : ''}`;
}
