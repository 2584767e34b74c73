import type { Language } from '../core/format.js';
import { reportCharts } from './charts.js';
import { reportBlocks, type Cell, type Text } from './document.js';
import type { Report } from './types.js';

/** Escape a table cell: pipes and line breaks would break the row. */
function cellText(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A text on one line: Chinese, then its English after a line break (`<br>`, which GitHub shows in tables and lists). */
function inline(text: Text): string {
  return typeof text === 'string' ? text : `${text.zh}<br>${text.en}`;
}

function cell(entry: Text | Cell): string {
  const value = typeof entry === 'object' && 'text' in entry ? entry : { text: entry };
  const main = inline(value.text);
  const marked =
    value.mark === 'worst' || value.mark === 'short' || value.mark === 'fail' ? `**${main}**` : main;
  return cellText(value.sub ? `${marked}<br>${value.sub}` : marked);
}

/**
 * The report as Markdown (GitHub flavour): the same blocks as the HTML, in the
 * same order, with tables as pipe tables (a cell spanning columns is followed
 * by empty cells) and each chart named where it stands (the charts themselves
 * are in the HTML and the PDF). The `zh` edition gives each text in Chinese,
 * then in English. Deterministic: the same report gives the same text, so a
 * seeded run can be compared with a committed copy.
 *
 * @param report the report (`buildReport`)
 * @param language `zh` (the formal Chinese edition, the default) or `en`
 * @returns the Markdown text, ending with a newline
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const report = await makeReport(file, {
 *   replications: 2, seed: 1, days: 2, workers: 0, desk: false, leastBudget: false, theory: false, date: '2019-12-31',
 *   generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * reportToMarkdown(report).split('\n')[0]; // => '# 预算绩效论证报告 Budget justification report'
 * writeFileAtomic(join(tmpdir(), 'report.md'), reportToMarkdown(report, 'en'));
 */
export function reportToMarkdown(report: Report, language: Language = 'zh'): string {
  const lines: string[] = [];
  const charts = new Set(reportCharts(report).map((chart) => chart.id));
  for (const block of reportBlocks(report, language)) {
    switch (block.kind) {
      case 'cover': {
        const title = typeof block.title === 'string' ? block.title : `${block.title.zh} ${block.title.en}`;
        const project =
          typeof block.project === 'string' ? block.project : `${block.project.zh} · ${block.project.en}`;
        lines.push(`# ${title}`, '', `**${project}**`, '');
        lines.push('| | |', '|---|---|');
        for (const field of block.fields)
          lines.push(`| ${cellText(inline(field.label))} | ${cellText(inline(field.value))} |`);
        lines.push('');
        for (const who of block.signatures)
          lines.push(
            `${inline(who)}: ______________________ ${language === 'zh' ? '日期 Date' : 'Date'}: ____________`,
            '',
          );
        break;
      }
      case 'heading':
        lines.push(
          `${'#'.repeat(block.level)} ${typeof block.text === 'string' ? block.text : `${block.text.zh} · ${block.text.en}`}`,
          '',
        );
        break;
      case 'paragraph': {
        const wrap = (text: string): string =>
          block.emphasis === 'note'
            ? `_${text}_`
            : block.emphasis?.startsWith('verdict')
              ? `**${text}**`
              : text;
        if (typeof block.text === 'string') lines.push(wrap(block.text), '');
        else lines.push(wrap(block.text.zh), '', wrap(block.text.en), '');
        break;
      }
      case 'list':
        lines.push(
          ...block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inline(item)}`),
          '',
        );
        break;
      case 'table': {
        const numeric = new Set(block.numeric ?? []);
        lines.push(`| ${block.headers.map((h) => cellText(inline(h))).join(' | ')} |`);
        lines.push(`|${block.headers.map((_, c) => (numeric.has(c) ? '---:' : '---')).join('|')}|`);
        for (const row of block.rows) {
          const cells: string[] = [];
          for (const entry of row) {
            cells.push(cell(entry));
            const span = typeof entry === 'object' && 'text' in entry ? (entry.span ?? 1) : 1;
            for (let i = 1; i < span; i++) cells.push('');
          }
          lines.push(`| ${cells.join(' | ')} |`);
        }
        lines.push('');
        break;
      }
      case 'figure':
        if (charts.has(block.chartId))
          lines.push(
            language === 'zh'
              ? `_（图 \`${block.chartId}\` 见 report.html · chart: see report.html）_`
              : `_(chart \`${block.chartId}\`: see report.html)_`,
            '',
          );
        break;
      case 'pageBreak':
        break;
    }
  }
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

/**
 * The report as JSON text: the report object with two-space indentation and
 * its keys in the order `buildReport` writes them, ending with a newline.
 * The JSON holds both languages.
 *
 * @param report the report
 * @returns the JSON text
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const report = await makeReport(file, {
 *   replications: 2, seed: 1, days: 2, workers: 0, desk: false, leastBudget: false, theory: false, date: '2019-12-31',
 *   generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * JSON.parse(reportToJson(report)).verdict.status; // => 'fail'
 */
export function reportToJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
