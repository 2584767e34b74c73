#!/usr/bin/env node
/**
 * The `hotline` command (package.json `bin`, compiled to dist/sim/cli/main.js).
 * Subcommands live in program.ts; this file runs them, sets the exit status
 * (0 ok, 1 internal error or an output the system refused, 2 bad input) and
 * handles what comes from outside the command:
 * - SIGINT (Ctrl-C) and SIGTERM: the outputs of an unfinished write set are
 *   removed (`removePendingOutputs`), the progress bar is cleared, and the
 *   command ends with status 130 or 143; nothing of the run is left. A
 *   command with its own handler (a queue's, a worker's) ends itself.
 * - Standard output closed early (`hotline erlang ... | head -2`, EPIPE): the
 *   command ends quietly with status 0, having printed what was read.
 * - Standard output that cannot be written (a full disk, ENOSPC): one line on
 *   standard error and status 1, never a stack.
 */
import { removePendingOutputs, systemErrorReason } from '../index.js';
import { Progress } from './output.js';
import { runCli } from './program.js';

const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143 } as const;

function stopOutputs(): void {
  Progress.stopAll();
  removePendingOutputs();
}

for (const signal of Object.keys(SIGNAL_STATUS) as (keyof typeof SIGNAL_STATUS)[]) {
  process.on(signal, () => {
    stopOutputs();
    // A command that handles the signal itself (a queue removing its jobs, a worker finishing
    // its running ones) ends the process when it is done.
    if (process.listenerCount(signal) > 1) return;
    process.stderr.write(`\nhotline: interrupted (${signal}); no output of this run was left half-written\n`);
    process.exit(SIGNAL_STATUS[signal]);
  });
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  stopOutputs();
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(
    `hotline: cannot write to standard output: ${systemErrorReason(error) ?? error.message}\n`,
  );
  process.exit(1);
});
// A closed standard error cannot be told about; it must not crash the command either.
process.stderr.on('error', () => undefined);

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
