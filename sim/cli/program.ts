import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command, CommanderError } from 'commander';
import { InputError, OutputError, QueueError } from '../index.js';
import { scanArguments, UsageError } from './args.js';
import { calibrateCommand } from './calibrate.js';
import type { CommandContext, CommandSpec, OptionValues } from './command.js';
import { erlangCommand } from './erlang.js';
import { forecastCommand } from './forecast.js';
import { planCommand } from './plan.js';
import { capProblems } from './problems.js';
import { reportCommand } from './report.js';
import { simulateCommand } from './simulate.js';
import { sweepCommand } from './sweep.js';
import { validateCommand } from './validate.js';
import { workerCommand } from './worker.js';

/** Exit status of the `hotline` command. */
export const ExitStatus = {
  /** Success. */
  Ok: 0,
  /**
   * A bug (its stack is printed), or an environment failure, in one line: an
   * output that the system refused (a full disk, a read-only file system), or a
   * queue's failure (Redis unreachable, no worker, a job refused).
   */
  InternalError: 1,
  /** Bad input (options, files): every problem is printed, no stack trace. */
  BadInput: 2,
} as const;

/** The subcommands, in the order `hotline --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  erlangCommand,
  simulateCommand,
  planCommand,
  sweepCommand,
  calibrateCommand,
  validateCommand,
  forecastCommand,
  reportCommand,
  workerCommand,
];

/** What `runCli` hands every command besides its arguments. */
interface RunState {
  scan: readonly string[];
  operands: readonly string[];
  context: CommandContext;
}

function buildCommand(spec: CommandSpec, state: RunState): Command {
  const command = new Command(spec.name)
    .summary(spec.summary)
    .description(spec.description)
    .allowUnknownOption()
    .allowExcessArguments()
    .helpOption('-h, --help', 'show this help');
  // Operands are optional for commander so that the command runs and lists every problem at once;
  // scanArguments reports a missing one.
  for (const operand of spec.operands) command.argument(operand.replace(/^</, '[').replace(/>$/, ']'));
  if (spec.operands.length > 0) command.usage(`[options] ${spec.operands.join(' ')}`);
  for (const [flags, description] of spec.options) {
    const long = /--[\w-]+/.exec(flags)?.[0];
    if (long !== undefined && spec.repeatable?.includes(long)) {
      command.option(flags, description, (value: string, previous: string[]) => [...previous, value], []);
    } else command.option(flags, description);
  }
  command.addHelpText(
    'after',
    `\nExample${spec.examples.length > 1 ? 's' : ''}:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`,
  );
  command.action(async () => {
    await spec.run(state.operands, command.opts<OptionValues>(), state.scan, state.context);
  });
  return command;
}

/** Help goes to standard output; commander's error messages are printed by `runCli` (or replaced by a fuller list). */
const OUTPUT = {
  writeOut: (text: string) => process.stdout.write(text),
  writeErr: (text: string) => process.stderr.write(text),
  outputError: () => undefined,
};

/**
 * Build the `hotline` program (commander), its subcommands taken from `COMMANDS`.
 *
 * @param state receives, before parsing, the syntax problems and operands of the subcommand
 * @returns the commander program, set to throw instead of exiting
 */
function buildProgram(state: RunState): Command {
  const program = new Command('hotline')
    .description(
      'Will these seats and this budget reach the hotline targets? Exact queue formulas, simulation ' +
        'of a scenario over a year, the least budget meeting the targets with a stated probability, sweeps ' +
        'of budgets and assumptions, calibration from call records, and the budget-justification report. ' +
        '`hotline <command> --help` for more.',
    )
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput(OUTPUT)
    .showSuggestionAfterError();
  for (const spec of COMMANDS)
    program.addCommand(buildCommand(spec, state).exitOverride().configureOutput(OUTPUT));
  program.addHelpText(
    'after',
    `\nExamples:\n${COMMANDS.map((spec) => `  $ ${spec.examples[0] as string}`).join('\n')}\n`,
  );
  return program;
}

/**
 * The problem to print when a file named on the command line cannot be
 * opened (missing, a folder, no permission): bad input, not a bug. Files the
 * program opens on its own (its compiled workers) stay internal errors.
 */
function unreadableInput(error: unknown, args: readonly string[]): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (code === 'EISDIR' && syscall === 'read' && path === undefined) {
    // reading a folder opened as a file: Node does not say which; a folder named on the command line is the cause
    const folder = args.find((arg) => existsSync(arg) && statSync(arg).isDirectory());
    return folder === undefined ? undefined : `${JSON.stringify(folder)} is a folder (expected a file)`;
  }
  if (syscall !== 'open' || typeof path !== 'string') return undefined;
  const named = args.some(
    (arg) => arg === path || resolve(arg) === resolve(path) || arg.endsWith(`=${path}`),
  );
  if (!named) return undefined;
  const why =
    code === 'ENOENT'
      ? 'does not exist'
      : code === 'EISDIR'
        ? 'is a folder (expected a file)'
        : code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : `cannot be opened (${code ?? 'unknown error'})`;
  return `${JSON.stringify(path)} ${why}`;
}

function printProblems(error: UsageError | InputError): void {
  const [head = '', ...lines] = error.message.split('\n');
  const shown = capProblems(lines.map((line) => line.replace(/^ {2}/, '')));
  process.stderr.write(`hotline: ${[head, ...shown.map((line) => `  ${line}`)].join('\n')}\n`);
}

/**
 * The process's own terminal: interactive when standard input and standard
 * error are terminals; questions go to standard error, answers come from
 * standard input.
 */
export function terminalContext(): CommandContext {
  return {
    interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
    async ask(question) {
      const readline = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await readline.question(question);
      } finally {
        readline.close();
      }
    },
  };
}

/**
 * Run the `hotline` command line and return its exit status: 0 on success,
 * 2 on bad input (every problem printed on standard error: unknown options,
 * bad values, an input file's problems, a library's argument check; no stack
 * trace), 1 on an internal error (with its stack) or a queue's failure
 * (`QueueError`: its message, which names the URL). Nothing is written when the
 * input is bad: every command checks all its input before writing any file.
 *
 * @param args the arguments after the program name (`process.argv.slice(2)`)
 * @param context the terminal to ask on (a long run's confirmation); the process's own by default
 * @returns the exit status
 * @example
 * process.exitCode = await runCli(['erlang', '--calls', '100', '--handle', '180', '--agents', '14']);
 */
export async function runCli(
  args: readonly string[],
  context: CommandContext = terminalContext(),
): Promise<number> {
  const state: RunState = { scan: [], operands: [], context };
  const spec = COMMANDS.find((candidate) => candidate.name === args[0]);
  const program = buildProgram(state);
  if (spec) {
    const command = program.commands.find((candidate) => candidate.name() === spec.name) as Command;
    const scanned = scanArguments(command, args.slice(1), spec.operands, spec.repeatable);
    state.scan = scanned.problems;
    state.operands = scanned.operands;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
    return ExitStatus.Ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
        return ExitStatus.Ok;
      if (error.code === 'commander.help') return ExitStatus.BadInput; // no command given: help was printed
      // an unknown command, or an option missing its value: the scan lists every problem when it found any
      printProblems(
        state.scan.length > 0
          ? new UsageError(state.scan)
          : new UsageError([error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')]),
      );
      return ExitStatus.BadInput;
    }
    if (error instanceof UsageError || error instanceof InputError) {
      printProblems(error);
      return ExitStatus.BadInput;
    }
    const unreadable = unreadableInput(error, args);
    if (unreadable !== undefined) {
      printProblems(new UsageError([unreadable]));
      return ExitStatus.BadInput;
    }
    if (error instanceof RangeError) {
      process.stderr.write(`hotline: ${error.message}\n`);
      return ExitStatus.BadInput;
    }
    if (error instanceof OutputError) {
      // the system refused a write (a full disk...): one line; writeFileSet left nothing of the set
      process.stderr.write(`hotline: ${error.message}; nothing of this run was written\n`);
      return ExitStatus.InternalError;
    }
    if (error instanceof QueueError) {
      // Redis unreachable, no worker, a worker refusing the job: the environment, not a bug
      process.stderr.write(`hotline: ${error.message}\n`);
      return ExitStatus.InternalError;
    }
    process.stderr.write(
      `hotline: internal error (please report it)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return ExitStatus.InternalError;
  }
}
