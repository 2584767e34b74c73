import { REPORT_FONT_FAMILY, type RenderedChart } from './charts.js';
import { reportBlocks, type ReportBlock } from './document.js';
import type { Report } from './types.js';

/** Escape text for HTML content and attribute values. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: ${REPORT_FONT_FAMILY}; color: #1a1a1a; font-size: 10.5pt; line-height: 1.45; max-width: 190mm; margin: 0 auto; padding: 8mm 4mm; }
h1 { font-size: 17pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1.5pt solid #1f4e79; padding-bottom: 2pt; color: #1f4e79; page-break-after: avoid; break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; page-break-after: avoid; break-after: avoid; }
p { margin: 4pt 0; }
p.note { color: #555; font-size: 9pt; }
p.verdict-pass, p.verdict-fail { padding: 6pt 8pt; border-left: 4pt solid #2e7d32; background: #f1f8f1; }
p.verdict-fail { border-left-color: #c62828; background: #fdf0f0; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 8.5pt; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #e8eef5; }
td.num { text-align: right; white-space: nowrap; }
td.pass { color: #1b5e20; font-weight: bold; }
td.fail { color: #b71c1c; font-weight: bold; }
td.notSimulated { color: #666; }
figure { margin: 8pt 0; page-break-inside: avoid; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 8.5pt; color: #444; }
ul { margin: 4pt 0; padding-left: 16pt; }
ul.small { font-size: 8pt; color: #555; }
.page-break { page-break-before: always; break-before: page; }
@media screen { .page-break { border-top: 1px dashed #bbb; margin: 14pt 0; } }
@media print { body { padding: 0; max-width: none; } }
`;

function statusClass(cell: string): string {
  if (/^达标 pass/.test(cell)) return 'pass';
  if (/^未达标 FAIL/.test(cell)) return 'fail';
  if (/^未模拟/.test(cell)) return 'notSimulated';
  return '';
}

function tableHtml(block: Extract<ReportBlock, { kind: 'table' }>): string {
  const merge = block.merge ?? 0;
  const numeric = new Set(block.numeric ?? []);
  const head = `<thead><tr>${block.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = block.rows.map((row, r) => {
    const cells = row.map((cell, c) => {
      if (c < merge) {
        // The source's layout: a level-1 or level-2 cell spans the rows below that repeat it (and its parents).
        const same = (other: readonly string[] | undefined): boolean =>
          other !== undefined && row.slice(0, c + 1).every((value, i) => other[i] === value);
        if (r > 0 && same(block.rows[r - 1])) return '';
        let span = 1;
        while (same(block.rows[r + span])) span++;
        return `<td${span > 1 ? ` rowspan="${span}"` : ''}>${escapeHtml(cell)}</td>`;
      }
      const classes = [numeric.has(c) ? 'num' : '', c === block.statusColumn ? statusClass(cell) : '']
        .filter(Boolean)
        .join(' ');
      return `<td${classes ? ` class="${classes}"` : ''}>${escapeHtml(cell)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table>${head}<tbody>\n${body.join('\n')}\n</tbody></table>`;
}

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG
 * charts, no script and no network access, so it opens offline; laid out for
 * A4 (`@page`, page breaks before the long sections, table rows kept whole),
 * with a font list that covers Chinese. Labels are Chinese with English beside.
 *
 * @param report the report (`buildReport`)
 * @param charts the charts drawn (`renderReportCharts(reportCharts(report))`); a figure whose chart is missing is left out
 * @returns the HTML text
 * @example
 * writeFileAtomic('report.html', reportToHtml(report, await renderReportCharts(reportCharts(report))));
 */
export function reportToHtml(report: Report, charts: readonly RenderedChart[]): string {
  const byId = new Map(charts.map((chart) => [chart.id, chart]));
  const parts = reportBlocks(report).map((block): string => {
    switch (block.kind) {
      case 'heading':
        return `<h${block.level}${block.id ? ` id="${escapeHtml(block.id)}"` : ''}>${escapeHtml(block.text)}</h${block.level}>`;
      case 'paragraph':
        return `<p${block.emphasis ? ` class="${block.emphasis}"` : ''}>${escapeHtml(block.text)}</p>`;
      case 'list':
        return `<ul${block.small ? ' class="small"' : ''}>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
      case 'table':
        return tableHtml(block);
      case 'figure': {
        const chart = byId.get(block.chartId);
        if (!chart) return '';
        return (
          `<figure id="figure-${escapeHtml(chart.id)}">${chart.svg}` +
          `<figcaption>${escapeHtml(chart.caption.zh)} · ${escapeHtml(chart.caption.en)}</figcaption></figure>`
        );
      }
      case 'pageBreak':
        return '<div class="page-break"></div>';
    }
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(`${report.generator.name} ${report.generator.version}`)}">`,
    `<title>${escapeHtml(`${report.title.zh} ${report.title.en}: ${report.scenario.title}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...parts.filter((part) => part !== ''),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
