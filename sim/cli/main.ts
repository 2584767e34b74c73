#!/usr/bin/env node
/**
 * The `hotline` command (package.json `bin`, compiled to dist/sim/cli/main.js).
 * Subcommands live in program.ts; this file only runs them and sets the exit
 * status (0 ok, 1 internal error, 2 bad input).
 */
import { runCli } from './program.js';

runCli(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      `hotline: internal error\n${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
