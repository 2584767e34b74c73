import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import {
  ANONYMOUS_BANK_SOURCE,
  chromiumAvailable,
  firstDaysOf,
  InputError,
  printPdf,
  readAnonymousBankCalls,
  rowValue,
  STATUS_LABEL,
  writeFileSet,
  type Language,
  type ScenarioFile,
  isCalendarDate,
} from '../index.js';
import { packageVersion } from '../core/buildVersion.js';
import { packageRoot } from '../core/packageRoot.js';
import {
  deskByDefault,
  makeReport,
  reportCharts,
  renderReportCharts,
  reportToHtml,
  reportToJson,
  reportToMarkdown,
  shanghai12333CostModel,
  sensitivityVariantCount,
  type MakeReportOptions,
  type Report,
} from '../index.js';
import { OptionReader, optionText, UsageError } from './args.js';
import type { CommandSpec } from './command.js';
import { formatPercent, formatTable, MISSING } from './format.js';
import { confirmLongRun, YES_OPTION } from './longRun.js';
import { checkOutputFolder, Progress } from './output.js';
import { onQueue, QUEUE_OPTIONS, readQueueOptions } from './queueOptions.js';
import {
  loadScenario,
  PERIOD_OPTIONS,
  readPeriodOptions,
  rosterLines,
  type LoadedScenario,
} from './scenarioInput.js';

/** The Anonymous Bank records shipped in the repository (`data/anonymous-bank/`), used when present. */
export const DEFAULT_BANK_RECORDS = 'data/anonymous-bank/calls-1999-02.tsv';

/** What `writeReportFiles` writes besides the HTML, Markdown and JSON. */
export interface ReportFileOptions {
  /** The edition: `zh` (Chinese first, English second) or `en`. __Default value:__ `'zh'` */
  language?: Language;
  /** Print the HTML to `report.pdf` with headless Chromium as well. __Default value:__ `false` */
  pdf?: boolean;
}

/**
 * The report's files, written as one set into `dir` (`writeFileSet`: each to
 * a temporary name, then all renamed, so the folder never holds files of two
 * runs): `report.html`, `report.md`, `report.json`, and `report.pdf` when
 * asked for; `dir` is created when missing (not its parents).
 *
 * @param dir the output folder
 * @param report the report
 * @param options the edition and whether to print the PDF
 * @returns the paths written (`pdf` null when not asked for)
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const report = await makeReport(file, {
 *   replications: 2, seed: 1, days: 2, workers: 0, desk: false, leastBudget: false, theory: false, date: '2019-12-31',
 *   generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * const dir = join(tmpdir(), 'hotline-doc-report');
 * const paths = await writeReportFiles(dir, report, { language: 'en' });
 * [paths.html === join(dir, 'report.html'), paths.markdown === join(dir, 'report.md'), paths.json === join(dir, 'report.json'), paths.pdf];
 * // => [true, true, true, null]
 */
export async function writeReportFiles(
  dir: string,
  report: Report,
  options: ReportFileOptions = {},
): Promise<{ html: string; markdown: string; json: string; pdf: string | null }> {
  const language = options.language ?? 'zh';
  // Every text is made before the first file is written, so a failure writes nothing.
  const html = reportToHtml(report, await renderReportCharts(reportCharts(report)), language);
  const markdown = reportToMarkdown(report, language);
  const json = reportToJson(report);
  const pdf = options.pdf === true ? printPdf(html) : null;
  const paths = {
    html: join(dir, 'report.html'),
    markdown: join(dir, 'report.md'),
    json: join(dir, 'report.json'),
    pdf: pdf === null ? null : join(dir, 'report.pdf'),
  };
  await writeFileSet(
    [
      { path: paths.html, content: html },
      { path: paths.markdown, content: markdown },
      { path: paths.json, content: json },
      ...(pdf !== null && paths.pdf !== null ? [{ path: paths.pdf, content: pdf }] : []),
    ],
    { createFolder: dir },
  );
  return paths;
}

/**
 * The report's target tables as terminal text (indicator, target, predicted,
 * 90% range, probability of meeting in every quarter, verdict): the main table,
 * then each section's (the 12345 desk's), with the verdict paragraph above.
 *
 * @param report the report
 * @returns the text, ending with a newline
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const report = await makeReport(file, {
 *   replications: 2, seed: 1, days: 2, workers: 0, desk: false, leastBudget: false, theory: false, date: '2019-12-31',
 *   generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * formatReportSummary(report).split('\n')[0] === report.verdict.text.en; // => true (the verdict paragraph first)
 * formatReportSummary(report).split('\n')[2]; // => '12333热线咨询平台项目 2020年绩效目标 / 12333 hotline consultation platform, 2020 performance targets'
 */
export function formatReportSummary(report: Report): string {
  const lines = [report.verdict.text.en, ''];
  const tables = [
    ...(report.targets ? [report.targets] : []),
    ...report.sections.flatMap((section) =>
      section.blocks.flatMap((block) => (block.kind === 'targets' ? [block.table] : [])),
    ),
  ];
  for (const table of tables) {
    if (table !== tables[0]) lines.push('');
    lines.push(`${table.title.zh} / ${table.title.en}`);
    lines.push(
      formatTable(
        [
          { header: 'indicator', align: 'left' },
          { header: 'target' },
          { header: 'predicted' },
          { header: '90% range' },
          { header: 'P(meet)' },
          { header: 'verdict', align: 'left' },
        ],
        table.rows.map((row) => [
          `${row.name.zh} ${row.name.en}`,
          row.target,
          row.mean === null ? MISSING : rowValue(row, row.mean, 'en'),
          row.p05 === null ? MISSING : `${rowValue(row, row.p05, 'en')} .. ${rowValue(row, row.p95, 'en')}`,
          row.probability === null ? MISSING : formatPercent(row.probability.probability, 0),
          STATUS_LABEL[row.status].en,
        ]),
      ),
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * The report's check against the Anonymous Bank records: calibrate on 1-14
 * February 1999, predict 15-28 February, service level within 20 s.
 *
 * @param records the records (`readAnonymousBankCalls`)
 * @returns the `realCallCenter` option of `makeReport`
 * @example
 * const check = anonymousBankCheck(readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv').records);
 * [check.records.length, check.train, check.test, check.answerWithinSeconds]; // => [31094, { from: '1999-02-01', to: '1999-02-14' }, { from: '1999-02-15', to: '1999-02-28' }, 20]
 */
export function anonymousBankCheck(
  records: NonNullable<MakeReportOptions['realCallCenter']>['records'],
): NonNullable<MakeReportOptions['realCallCenter']> {
  return {
    records,
    source: ANONYMOUS_BANK_SOURCE,
    train: { from: '1999-02-01', to: '1999-02-14' },
    test: { from: '1999-02-15', to: '1999-02-28' },
    answerWithinSeconds: 20,
  };
}

/** The cost model for a scenario file: the 12333 2020 one for that scenario, none otherwise. */
export function costModelFor(file: ScenarioFile): MakeReportOptions['costModel'] {
  return file.meta.name === 'shanghai-12333-2020' ? shanghai12333CostModel() : null;
}

/** Record an input file's problems (or that it cannot be opened) so that every problem is listed at once. */
function problemsOf(error: unknown, reader: OptionReader, path: string): void {
  if (error instanceof InputError) {
    for (const line of error.message.split('\n').slice(1)) reader.problem(line.trim());
    return;
  }
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (code === 'ENOENT') reader.problem(`${JSON.stringify(path)} does not exist`);
  else if (code === 'EISDIR') reader.problem(`${JSON.stringify(path)} is a folder (expected a file)`);
  else if (code === 'EACCES') reader.problem(`${JSON.stringify(path)} cannot be read (permission denied)`);
  else throw error;
}

/** `hotline report <scenario.json>`: the budget-justification report of a scenario. */
export const reportCommand: CommandSpec = {
  name: 'report',
  summary: 'write the budget-justification report of a scenario: HTML, Markdown and JSON',
  description:
    'Simulate a scenario file (data/README.md) and write its budget-justification report into --out: ' +
    'report.html (self-contained, inline charts, prints on A4), report.md and report.json. The report gives ' +
    'the verdict, every row of the target table with the predicted value, its 90% range and the probability of ' +
    "meeting it (and, for the 12333 2020 scenario, the 12345 liaison desk's own target table), the budget lines and execution rate, the staffing plan, the four quarters, a quick sensitivity " +
    'analysis, every assumption with its source, and the method with its validation (against Erlang A, and ' +
    'against the Anonymous Bank records when --bank finds them). Prints the verdict and the target table.',
  operands: ['<scenario>'],
  options: [
    ['--out <dir>', 'folder for report.html, report.md, report.json (default: reports/<scenario name>)'],
    ['--replications <n>', 'replications of the scenario (simulated years) (default: 10)'],
    ['--seed <n>', 'seed of the random streams, a non-negative integer (default: 1)'],
    [
      '--workers <n>',
      'worker threads; 0 runs every replication on the main thread (default: the cores available, at most --replications)',
    ],
    ...PERIOD_OPTIONS,
    ...QUEUE_OPTIONS,
    ['--sensitivity-days <n>', 'days of the quick sensitivity run, 0 for none (default: 28)'],
    ['--sensitivity-replications <n>', 'replications per sensitivity variant (default: 4)'],
    [
      '--desk-replications <n>',
      'replications of the 12345 liaison desk for its own section, 0 for none (default: --replications for the 12333 2020 scenario, 0 otherwise)',
    ],
    [
      '--bank <file>',
      `Anonymous Bank records for the real-call-center check, or "none" (default: ${DEFAULT_BANK_RECORDS} when present)`,
    ],
    [
      '--least-replications <n>',
      'most replications per budget in the search for the least budget that meets the targets, 0 for none (default: 20)',
    ],
    [
      '--pdf',
      'also print report.pdf (A4, page numbers) with headless Chromium (Debian: apt-get install chromium)',
    ],
    [
      '--lang <zh|en>',
      'zh: the formal Chinese edition, Chinese first and English second; en: English only (default: zh)',
    ],
    ['--date <YYYY-MM-DD>', '编制日期, the date on the cover (default: today)'],
    ['--organisation <name>', '编制单位, the organisation on the cover (default: a line to fill in)'],
    ['--json', 'print the report JSON instead of the summary'],
    YES_OPTION,
  ],
  examples: [
    'hotline report data/shanghai-12333-2020/scenario.json --replications 20 --out reports/12333',
    'hotline report data/shanghai-12333-2020/july-peak.json --from 2020-07-01 --days 31 --sensitivity-days 0',
    'hotline report data/shanghai-12345-desk-2020/scenario.json --bank none --json',
    'hotline report data/shanghai-12333-2020/scenario.json --pdf --date 2019-12-31 --lang en',
  ],
  async run(operands, options, scanProblems, context) {
    const reader = new OptionReader();
    for (const problem of scanProblems) reader.problem(problem);
    const integer = (flag: string, key: string, fallback: string | undefined, min: number, max: number) =>
      reader.number(flag, optionText(options, key) ?? fallback, { min, max, integer: true });
    const replications = integer('--replications', 'replications', '10', 1, 100_000);
    const seed = integer('--seed', 'seed', '1', 0, 2 ** 32 - 1);
    const workersOption = integer('--workers', 'workers', undefined, 0, 1024);
    const { days, from, to } = readPeriodOptions(reader, options);
    const queue = readQueueOptions(reader, options);
    const sensitivityDays = integer('--sensitivity-days', 'sensitivityDays', '28', 0, 366);
    const sensitivityReplications = integer(
      '--sensitivity-replications',
      'sensitivityReplications',
      '4',
      1,
      10_000,
    );
    const deskReplications = integer('--desk-replications', 'deskReplications', undefined, 0, 100_000);
    const leastReplications = integer('--least-replications', 'leastReplications', '20', 0, 10_000);
    const language = optionText(options, 'lang') ?? 'zh';
    if (language !== 'zh' && language !== 'en')
      reader.problem(`--lang: must be zh or en (got ${JSON.stringify(language)})`);
    const date = optionText(options, 'date');
    if (date !== undefined && !isCalendarDate(date))
      reader.problem(`--date: must be a date YYYY-MM-DD (got ${JSON.stringify(date)})`);
    const organisation = optionText(options, 'organisation');
    const pdf = options.pdf === true;
    if (pdf && !chromiumAvailable())
      reader.problem(
        '--pdf: chromium was not found (Debian: apt-get install chromium; or set CHROMIUM to the browser to use)',
      );
    const out = optionText(options, 'out');
    if (out !== undefined) checkOutputFolder(reader, '--out', out);
    const bankOption = optionText(options, 'bank');
    const defaultBank = resolve(packageRoot(), DEFAULT_BANK_RECORDS);
    const bankPath =
      bankOption === 'none' ? undefined : (bankOption ?? (existsSync(defaultBank) ? defaultBank : undefined));

    let loaded: LoadedScenario | undefined;
    const scenarioPath = operands[0];
    if (scenarioPath !== undefined) {
      try {
        loaded = loadScenario(reader, scenarioPath, { from, days, to });
      } catch (error) {
        problemsOf(error, reader, scenarioPath);
      }
    }
    let bank: ReturnType<typeof readAnonymousBankCalls> | undefined;
    if (bankPath !== undefined) {
      try {
        bank = readAnonymousBankCalls(bankPath);
      } catch (error) {
        problemsOf(error, reader, bankPath);
      }
    }
    if (loaded && out === undefined) {
      // the default folder, reports/<scenario name>, under the working folder
      const before = reader.problems.length;
      checkOutputFolder(reader, '--out', join('reports', loaded.file.meta.name));
      if (reader.problems.length > before)
        reader.problem('--out: give the folder for the report (the default is reports/<scenario name> here)');
    }
    if (reader.problems.length > 0 || !loaded) throw new UsageError(reader.problems);
    const { file } = loaded;

    const reps = replications as number;
    const sens =
      sensitivityDays !== undefined && sensitivityDays > 0
        ? { days: sensitivityDays, replications: sensitivityReplications as number }
        : null;
    const workers = Math.min(
      workersOption ?? availableParallelism(),
      Math.max(reps, sens?.replications ?? 1),
    );
    const variants = sens ? sensitivityVariantCount(file.scenario) * sens.replications : 0;
    const total = reps + variants;
    // (on a queue, the workers of the cluster decide the time: nothing to estimate here)
    if (queue === undefined)
      await confirmLongRun(
        context,
        [
          { scenario: loaded.scenario, replications: reps },
          ...(sens
            ? [
                {
                  scenario: firstDaysOf(file.scenario, Math.min(sens.days, file.scenario.days)),
                  replications: variants,
                },
              ]
            : []),
          // The least-budget search judges a few budgets on the quarters that fall short, up to
          // --least-replications each; about two caps of the whole period, as measured on the 12333 year.
          { scenario: loaded.scenario, replications: 2 * (leastReplications ?? 0) },
        ],
        workers,
        `${reps} replications of ${loaded.scenario.days} days` +
          (sens
            ? ` and ${variants} sensitivity runs of ${Math.min(sens.days, file.scenario.days)} days`
            : '') +
          (leastReplications ? ', and the search for the least budget' : ''),
        options.yes === true,
      );
    const progress = new Progress('simulations', total);
    const scenario = loaded.scenario;
    const wholeHorizon = scenario === file.scenario;
    const notes: MakeReportOptions['notes'] = [
      ...rosterLines(loaded.roster).map((line) => ({ zh: line, en: line })),
      ...(bank
        ? []
        : [
            bankOption === 'none'
              ? {
                  zh: '未做真实呼叫中心对照（--bank none）；该对照见 test/validation/bank.validation.test.ts 与 notebook 06。',
                  en: 'The check against a real call center was not run (--bank none); test/validation/bank.validation.test.ts and notebook 06 hold it.',
                }
              : {
                  zh: `未做真实呼叫中心对照：程序包旁未找到 ${DEFAULT_BANK_RECORDS}。`,
                  en: `The check against a real call center was not run: ${DEFAULT_BANK_RECORDS} was not found beside the package.`,
                },
          ]),
    ];
    let report: Report;
    try {
      report = await onQueue(queue, progress, (pool) =>
        makeReport(file, {
          replications: reps,
          seed: seed as number,
          ...(wholeHorizon ? {} : { from: scenario.startDate, days: scenario.days }),
          ...(pool ? { pool } : { workers }),
          sensitivity: sens,
          desk:
            (deskReplications ?? (deskByDefault(file) ? reps : 0)) > 0
              ? { replications: deskReplications ?? reps, seed: seed as number }
              : false,
          costModel: costModelFor(file),
          leastBudget: leastReplications === 0 ? false : { maxReplications: leastReplications as number },
          realCallCenter: bank ? anonymousBankCheck(bank.records) : null,
          ...(date !== undefined ? { date } : {}),
          ...(organisation !== undefined ? { organisation } : {}),
          notes,
          generator: { version: packageVersion(), command: reportCommandLine(scenarioPath ?? '', options) },
          onProgress: (done, all) => {
            progress.setTotal(all);
            progress.update(done);
          },
        }),
      );
    } finally {
      progress.stop();
    }
    const dir = out ?? join('reports', file.meta.name);
    const paths = await writeReportFiles(dir, report, { language: language as Language, pdf });
    const written = [paths.html, paths.markdown, paths.json, ...(paths.pdf ? [paths.pdf] : [])];
    process.stdout.write(
      options.json === true
        ? reportToJson(report)
        : `${formatReportSummary(report)}\nWrote ${written.join(', ')}\n`,
    );
  },
};

/** The command line written into the report (options that change the content; no paths of this machine). */
function reportCommandLine(scenarioPath: string, options: Readonly<Record<string, unknown>>): string {
  const parts = ['hotline report', scenarioPath];
  for (const [flag, key] of [
    ['--replications', 'replications'],
    ['--seed', 'seed'],
    ['--from', 'from'],
    ['--days', 'days'],
    ['--to', 'to'],
    ['--sensitivity-days', 'sensitivityDays'],
    ['--sensitivity-replications', 'sensitivityReplications'],
    ['--desk-replications', 'deskReplications'],
    ['--least-replications', 'leastReplications'],
    ['--lang', 'lang'],
  ] as const) {
    const value = optionText(options, key);
    if (value !== undefined) parts.push(flag, value);
  }
  if (optionText(options, 'bank') === 'none') parts.push('--bank', 'none');
  return parts.join(' ');
}
