import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, relative } from 'node:path';
import { Command } from 'commander';
import ts from 'typescript';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import * as library from '../../sim/index.js';
import { exampleProgram, extractExamples, mismatch, type DocExample } from './examples.js';

// Doc-tests: every `@example` of a doc comment under sim/ runs, and every `// => value` in it is
// checked exactly (test/docs/examples.ts says what exact means). An example sees the public API
// (sim/index.ts), the command line's modules and commander's `Command` when it is one of them, the
// exports of the modules its own module imports, of the other files of its folder and of what those
// import (an internal class such as a sampler or a random stream, where the example is about the
// machinery), its own module's exports, and
// node's `join`, `tmpdir`, `readFileSync` and `existsSync`, and zod's `z` (examples that write a file
// write under the system's temporary folder). A statement
// followed by `// throws RangeError: message` must throw that. An example that cannot run, or whose value
// differs from what it says, fails here with the file and line of its `@example`.

/** Every TypeScript file under sim/, relative to the repository root, sorted. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? sources(join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [relative(process.cwd(), join(dir, entry.name)).split('\\').join('/')]
          : [],
    )
    .sort();
}

/** The exports of every module of the command line (sim/cli/), which its examples see. */
async function commandLineModules(): Promise<Record<string, unknown>[]> {
  return Promise.all(
    sources('sim/cli')
      .filter((file) => file !== 'sim/cli/main.ts') // main runs the command when imported
      .map(async (file) => (await import(`../../${file}`)) as Record<string, unknown>),
  );
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

/** Files that run when imported (a program, a worker thread's body): never loaded here. */
const RUNS_WHEN_IMPORTED = new Set(['sim/cli/main.ts', 'sim/plan/replicateWorker.ts']);

/** The sim/ files a source file imports (relative imports of `.js` files), as paths from the root. */
function importsOf(file: string): string[] {
  const dir = file.slice(0, file.lastIndexOf('/'));
  return [...readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s+'(\.{1,2}\/[^']+)\.js';/gm)].map(
    (match) =>
      normalize(`${dir}/${match[1] ?? ''}.ts`)
        .split('\\')
        .join('/'),
  );
}

/**
 * The exports of the modules an example's machinery lives in: the files its own
 * module imports, the other files of its folder (the parts of one model), and
 * what those import (an internal class such as a sampler or a random stream).
 */
async function machineryModules(file: string): Promise<Record<string, unknown>[]> {
  const dir = file.slice(0, file.lastIndexOf('/'));
  const siblings = sources(dir).filter(
    (path) => path.slice(0, path.lastIndexOf('/')) === dir && path !== file,
  );
  const paths = new Set([...importsOf(file), ...siblings, ...siblings.flatMap(importsOf)]);
  paths.delete(file);
  return Promise.all(
    [...paths]
      .filter((path) => existsSync(path) && !RUNS_WHEN_IMPORTED.has(path))
      .sort()
      .map(async (path) => (await import(/* @vite-ignore */ `../../${path}`)) as Record<string, unknown>),
  );
}

/** Run one example in its scope; throws with the example's place on a failure. */
async function runExample(example: DocExample): Promise<void> {
  const own = (await import(`../../${example.file}`)) as Record<string, unknown>;
  const scope: Record<string, unknown> = { join, tmpdir, readFileSync, existsSync, z };
  const add = (module: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(module)) if (key !== 'default') scope[key] = value;
  };
  for (const module of await machineryModules(example.file)) add(module);
  add(library);
  if (example.file.startsWith('sim/cli/')) {
    for (const module of await commandLineModules()) add(module);
    scope.Command = Command;
  }
  add(own);
  const names = Object.keys(scope).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const values = names.map((name) => scope[name]);
  const program = exampleProgram(example.code);
  const js = ts.transpileModule(program, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const where = (line: number): string =>
    `${example.file}:${example.line} (${example.name}), example line ${line}`;
  const check = async (
    actual: unknown,
    expected: () => unknown,
    text: string,
    line: number,
  ): Promise<void> => {
    let value: unknown;
    try {
      value = expected();
    } catch (error) {
      throw new Error(
        `${where(line)}: "// => ${text}" is not a value (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const why = mismatch(actual, value, text);
    if (why !== null) throw new Error(`${where(line)}: ${why}`);
  };
  const notAValue = (text: string, line: number): never => {
    throw new Error(
      `${where(line)}: "// => ${text}" is not a value (write the exact value, a remark in parentheses after it)`,
    );
  };
  const throws = async (
    thrown: unknown,
    name: string,
    message: string | null,
    line: number,
  ): Promise<void> => {
    if (!(thrown instanceof Error))
      throw new Error(`${where(line)}: expected it to throw ${name}, it did not`);
    if (thrown.name !== name && thrown.constructor.name !== name)
      throw new Error(`${where(line)}: expected ${name}, it threw ${thrown.name}: ${thrown.message}`);
    if (message !== null && thrown.message !== message)
      throw new Error(
        `${where(line)}: expected the message ${JSON.stringify(message)}, got ${JSON.stringify(thrown.message)}`,
      );
  };
  try {
    await new AsyncFunction(...names, '__check', '__throws', '__notAValue', js)(
      ...values,
      check,
      throws,
      notAValue,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith(example.file)) throw error;
    throw new Error(
      `${example.file}:${example.line} (${example.name}): the example does not run: ${message}`,
    );
  }
}

const files = sources('sim');
const examples = files.flatMap((file) => extractExamples(file, readFileSync(file, 'utf8')));

describe('every @example under sim/ runs and says exactly what it gives', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(300);
  });
  for (const file of files) {
    const mine = examples.filter((example) => example.file === file);
    if (mine.length === 0) continue;
    describe(file, () => {
      for (const example of mine) {
        it(`${example.name} (line ${example.line})`, async () => {
          await runExample(example);
        }, 120_000);
      }
    });
  }
});
