import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layer table of ARCHITECTURE.md, as data: which module of sim/ may import
// which. Lower layers never import higher ones.
//
//   L0 core
//   L1 analytic, engine, stats            -> core
//   L2 model                              -> core, engine, stats, analytic
//   L2 calibrate, forecast                -> core, stats, analytic (+ types of model)
//   L2 budget                             -> core (+ types of model)
//   L3 plan                               -> core, analytic, model, stats, budget
//   L3 io, chart                          -> core (+ types)
//   L4 report                             -> everything below
//   L5 cli                                -> anything
//
// "+ types" means `import type` only. For io and chart it is read as types of
// any module below L4 (a chart draws results of model, plan, budget...).
// `calibrate` (issue 4: from call records to a scenario) is not in the table
// yet; it is placed at L3 beside plan, reading records and fitting
// distributions, and may use types of io. `index.ts` is the public API and
// re-exports everything. `forecast` (issue 17: volumes ahead from a history)
// may use the types of `calibrate` (the call records it counts).

type Module = string;
interface Rule {
  /** Modules whose values (and types) may be imported. */
  values: readonly Module[];
  /** Modules whose types only may be imported (`import type`). */
  types?: readonly Module[];
}

const BELOW_L4 = [
  'core',
  'analytic',
  'engine',
  'stats',
  'model',
  'budget',
  'plan',
  'io',
  'chart',
  'calibrate',
  'forecast',
];

const LAYERS: Record<Module, Rule> = {
  core: { values: [] },
  analytic: { values: ['core'] },
  engine: { values: ['core'] },
  stats: { values: ['core'] },
  model: { values: ['core', 'engine', 'stats', 'analytic'] },
  budget: { values: ['core'], types: ['model'] },
  plan: { values: ['core', 'analytic', 'model', 'stats', 'budget'] },
  calibrate: { values: ['core', 'analytic', 'stats', 'model'], types: ['io'] },
  forecast: { values: ['core', 'stats', 'analytic'], types: ['model', 'calibrate'] },
  io: { values: ['core'], types: BELOW_L4 },
  chart: { values: ['core'], types: BELOW_L4 },
  report: { values: BELOW_L4 },
  cli: { values: [...BELOW_L4, 'report', 'cli', 'index.ts'] },
};

const SIM = join(process.cwd(), 'sim');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The module a file of sim/ belongs to: its first folder, or `index.ts` for the API file. */
function moduleOf(fileInSim: string): Module {
  const parts = fileInSim.split(sep);
  if (parts.length === 1 && /^index\.[jt]s$/.test(parts[0] ?? '')) return 'index.ts';
  return parts[0] ?? '';
}

interface ImportEdge {
  file: string;
  line: number;
  target: string;
  typeOnly: boolean;
}

/** Every relative import, re-export, dynamic import and require of a file, with whether it is type-only. */
export function importsOf(source: string, file: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const statement =
    /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(statement)) {
    const target = match[4] ?? match[5] ?? '';
    const clause = match[3] ?? '';
    // `import { type A, type B } from` is type-only too.
    const inlineTypesOnly =
      /^\{[\s\S]*\}$/.test(clause.trim()) &&
      clause.split(',').every((s) => /^\s*\{?\s*type\s/.test(s) || /^\s*\}?\s*$/.test(s));
    const line = source.slice(0, match.index).split('\n').length;
    edges.push({
      file,
      line,
      target,
      typeOnly: match[2] !== undefined || (clause.includes('type ') && inlineTypesOnly),
    });
  }
  for (const match of source.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const line = source.slice(0, match.index).split('\n').length;
    edges.push({ file, line, target: match[1] ?? '', typeOnly: false });
  }
  return edges.filter((edge) => edge.target.startsWith('.'));
}

/** The module an import from `fileInSim` points at, or null when it leaves sim/. */
function targetModule(fileInSim: string, target: string): Module | null {
  const resolved = relative(SIM, join(SIM, fileInSim, '..', target));
  if (resolved.startsWith('..')) return null;
  return moduleOf(resolved);
}

describe('architecture: imports follow the layer table of ARCHITECTURE.md', () => {
  const files = sourceFiles(SIM).map((path) => relative(SIM, path));

  it('finds the source files and their imports (the test itself works)', () => {
    expect(files.length).toBeGreaterThan(3);
    const sample = importsOf(
      "import { a } from '../core/validate.js';\nimport type { B } from '../model/types.js';\nexport * from './x.js';\nimport { type C } from '../io/csv.js';",
      'chart/x.ts',
    );
    expect(sample.map((e) => [e.target, e.typeOnly])).toEqual([
      ['../core/validate.js', false],
      ['../model/types.js', true],
      ['./x.js', false],
      ['../io/csv.js', true],
    ]);
  });

  it('every module of sim/ is in the table', () => {
    const modules = new Set(files.map(moduleOf).filter((m) => m !== 'index.ts'));
    const unknown = [...modules].filter((m) => !(m in LAYERS));
    expect(unknown, 'add new modules to ARCHITECTURE.md and to this table').toEqual([]);
  });

  it('no module imports a module its layer may not use', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      if (from === 'index.ts') continue; // the public API re-exports everything
      const rule = LAYERS[from];
      if (rule === undefined) continue; // reported by the test above
      for (const edge of importsOf(readFileSync(join(SIM, file), 'utf8'), file)) {
        const to = targetModule(file, edge.target);
        if (to === null) {
          violations.push(`sim/${file}:${edge.line} imports ${edge.target}, outside sim/`);
          continue;
        }
        if (to === from) continue;
        const allowed = rule.values.includes(to) || (edge.typeOnly && (rule.types ?? []).includes(to));
        if (!allowed) {
          const kind = edge.typeOnly ? 'type import' : 'import';
          violations.push(
            `sim/${file}:${edge.line}: ${from} -> ${to} (${kind} of ${edge.target}) is not allowed`,
          );
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('engine/ imports nothing from model/ (the kernel knows no model)', () => {
    const edges = files
      .filter((f) => moduleOf(f) === 'engine')
      .flatMap((file) => importsOf(readFileSync(join(SIM, file), 'utf8'), file))
      .filter((edge) => targetModule(edge.file, edge.target) === 'model')
      .map((edge) => `sim/${edge.file}:${edge.line} imports ${edge.target}`);
    expect(edges).toEqual([]);
  });

  it('engine/ never mentions the domain (calls, agents, shifts, customers, servers, faults...)', () => {
    // In code, any of the words (also inside camelCase names: `scheduleCall`);
    // in comments, all but a lone "call", which there usually means a function call.
    const domain =
      'callers?|agents?|shifts?|customers?|servers?|faults?|patience|abandon\\w*|redials?|staff\\w*|queues?';
    const inCode = new RegExp(`\\b(calls?|${domain})\\b`, 'i');
    const inComment = new RegExp(`\\b(calls|${domain})\\b`, 'i');
    const mentions: string[] = [];
    for (const file of files.filter((f) => moduleOf(f) === 'engine')) {
      readFileSync(join(SIM, file), 'utf8')
        .split('\n')
        .forEach((text, index) => {
          const commentAt = text.search(/\/\/|^\s*\/?\*/);
          const code = commentAt < 0 ? text : text.slice(0, commentAt);
          const comment = commentAt < 0 ? '' : text.slice(commentAt);
          // Split camelCase, and drop the JavaScript methods Function#call and Array#shift.
          const words = (part: string): string =>
            part.replace(/\.(call|shift)\(/g, '(').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
          if (inCode.test(words(code)) || inComment.test(words(comment))) {
            mentions.push(`sim/${file}:${index + 1}: ${text.trim()}`);
          }
        });
    }
    expect(mentions).toEqual([]);
  });
});

describe('architecture: the kernel and the models stay readable (issue 15)', () => {
  const files = sourceFiles(SIM).map((path) => relative(SIM, path));
  const inModules = (...modules: string[]): string[] => files.filter((f) => modules.includes(moduleOf(f)));

  it('no file of model/ is over 500 lines', () => {
    const long = inModules('model')
      .map((file) => ({ file, lines: readFileSync(join(SIM, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 500)
      .map(({ file, lines }) => `sim/${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it("no function of engine/ or model/ is over 150 lines, but the kernel's dispatch loop (at most 250)", () => {
    const long: string[] = [];
    let loopFound = false;
    for (const file of inModules('engine', 'model')) {
      const source = ts.createSourceFile(
        file,
        readFileSync(join(SIM, file), 'utf8'),
        ts.ScriptTarget.ES2022,
        true,
      );
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
          const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
          const lines = last - first + 1;
          const name = node.name?.getText(source) ?? '(anonymous)';
          const isLoop = file === join('engine', 'kernel.ts') && name === 'loop';
          loopFound ||= isLoop;
          if (lines > (isLoop ? 250 : 150)) long.push(`sim/${file}:${first + 1} ${name}: ${lines} lines`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(
      loopFound,
      'the dispatch loop (Kernel.loop in sim/engine/kernel.ts) is where the test expects it',
    ).toBe(true);
    expect(long).toEqual([]);
  });
});
