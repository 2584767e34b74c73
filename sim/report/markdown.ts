import { reportCharts } from './charts.js';
import { reportBlocks } from './document.js';
import type { Report } from './types.js';

/** Escape a table cell: pipes and line breaks would break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * The report as Markdown (GitHub flavour): the same blocks as the HTML, in the
 * same order, with tables as pipe tables and each chart named where it stands
 * (the charts themselves are in the HTML). Deterministic: the same report
 * gives the same text, so a seeded run can be compared with a committed copy.
 *
 * @param report the report (`buildReport`)
 * @returns the Markdown text, ending with a newline
 * @example
 * writeFileAtomic('report.md', reportToMarkdown(report));
 */
export function reportToMarkdown(report: Report): string {
  const lines: string[] = [];
  const charts = new Set(reportCharts(report).map((chart) => chart.id));
  for (const block of reportBlocks(report)) {
    switch (block.kind) {
      case 'heading':
        lines.push(`${'#'.repeat(block.level)} ${block.text}`, '');
        break;
      case 'paragraph':
        lines.push(
          block.emphasis === 'note' ? `_${block.text}_` : block.emphasis ? `**${block.text}**` : block.text,
          '',
        );
        break;
      case 'list':
        lines.push(...block.items.map((item) => `- ${item}`), '');
        break;
      case 'table': {
        const numeric = new Set(block.numeric ?? []);
        lines.push(`| ${block.headers.map(cell).join(' | ')} |`);
        lines.push(`|${block.headers.map((_, c) => (numeric.has(c) ? '---:' : '---')).join('|')}|`);
        for (const row of block.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
        lines.push('');
        break;
      }
      case 'figure':
        if (charts.has(block.chartId)) lines.push(`_(chart \`${block.chartId}\`: see report.html)_`, '');
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
 *
 * @param report the report
 * @returns the JSON text
 * @example
 * JSON.parse(reportToJson(report)).verdict.pass; // => true
 */
export function reportToJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
