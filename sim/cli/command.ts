/**
 * Option values as commander gives them: text for options with a value, true
 * for flags, every value in order for a repeatable option (`--vary`).
 */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/**
 * One subcommand of `hotline`, as data: program.ts builds the commander
 * command, its help (with the examples) and the checks from it.
 */
export interface CommandSpec {
  /** The subcommand's name: `erlang`. */
  name: string;
  /** One line for `hotline --help`. */
  summary: string;
  /** A paragraph for `hotline <name> --help`. */
  description: string;
  /** Positional arguments, e.g. `['<scenario>']`. */
  operands: readonly string[];
  /** Options: commander flags (`--agents <n|from..to>`) and their description. */
  options: readonly (readonly [string, string])[];
  /** Options that may be given more than once (`--vary`): their values are collected in order. */
  repeatable?: readonly string[];
  /** Complete command lines shown under "Examples" in the help. */
  examples: readonly string[];
  /**
   * Run the command. `scanProblems` are the syntax problems found before
   * commander (unknown options, missing values): the command adds its own
   * value checks and throws one `UsageError` with all of them.
   */
  run(
    operands: readonly string[],
    options: OptionValues,
    scanProblems: readonly string[],
    context: CommandContext,
  ): Promise<void>;
}

/**
 * What a command may ask of the person running it: whether there is one at a
 * terminal, and a question to them. `runCli` gives the process's own; a test
 * gives its own.
 */
export interface CommandContext {
  /** Whether standard input and standard error are a terminal (someone can answer). */
  readonly interactive: boolean;
  /** Ask a question on standard error and resolve with the line typed. */
  ask(question: string): Promise<string>;
}
