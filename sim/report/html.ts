import type { Language } from '../core/format.js';
import { REPORT_FONT_FAMILY, type RenderedChart } from './charts.js';
import { reportBlocks, type Cell, type ReportBlock, type Text } from './document.js';
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

/** The page-number line of each printed page (CSS margin boxes, which Chromium prints). */
function pageStyle(language: Language): string {
  const counter =
    language === 'zh'
      ? '"第 " counter(page) " 页，共 " counter(pages) " 页"'
      : '"Page " counter(page) " of " counter(pages)';
  return (
    `@page { size: A4; margin: 16mm 14mm 18mm; ` +
    `@bottom-center { content: ${counter}; font-family: ${REPORT_FONT_FAMILY}; font-size: 8pt; color: #555; } }\n` +
    '@page :first { @bottom-center { content: none; } }'
  );
}

const STYLE = `
* { box-sizing: border-box; }
body { font-family: ${REPORT_FONT_FAMILY}; color: #1a1a1a; font-size: 10.5pt; line-height: 1.5; max-width: 190mm; margin: 0 auto; padding: 8mm 4mm; }
h1 { font-size: 17pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1.5pt solid #1f4e79; padding-bottom: 2pt; color: #1f4e79; page-break-after: avoid; break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; page-break-after: avoid; break-after: avoid; }
h2 .en, h3 .en { font-weight: normal; font-size: 0.85em; color: #4a6a8a; margin-left: 6pt; }
p { margin: 4pt 0; }
p.en, li .en, td .en, th .en { color: #555; }
p.en { font-size: 9.5pt; }
td .en, th .en, li .en { display: block; font-size: 0.92em; }
p.note { color: #555; font-size: 9pt; }
p.rule { font-size: 9pt; background: #f5f7fa; padding: 4pt 6pt; border-left: 3pt solid #8aa4c0; }
p.verdict-pass, p.verdict-fail, p.verdict-undecided { padding: 6pt 8pt; border-left: 4pt solid #2e7d32; background: #f1f8f1; }
p.verdict-fail { border-left-color: #c62828; background: #fdf0f0; }
p.verdict-undecided { border-left-color: #b26a00; background: #fff7e6; }
p.en.verdict-pass, p.en.verdict-fail, p.en.verdict-undecided { margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 8.5pt; page-break-inside: auto; }
table.small { font-size: 7.5pt; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #e8eef5; }
td.num { text-align: right; }
td.group:not(.last) { border-bottom-style: hidden; }
td .sub { display: block; font-size: 0.85em; color: #666; white-space: nowrap; }
td.worst { font-weight: bold; background: #fff1e0; }
td.short { color: #b71c1c; font-weight: bold; }
td.pass { color: #1b5e20; font-weight: bold; }
td.fail { color: #b71c1c; font-weight: bold; }
td.undecided { color: #8a5300; font-weight: bold; }
td.byConstruction { color: #37474f; }
td.notSimulated { color: #666; }
figure { margin: 8pt 0; page-break-inside: avoid; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 8.5pt; color: #444; }
ul, ol { margin: 4pt 0; padding-left: 16pt; }
ul.small, ol.small { font-size: 8pt; color: #444; }
.cover { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.cover h1 { font-size: 24pt; text-align: center; margin-bottom: 6pt; }
.cover .en-title { text-align: center; color: #4a6a8a; font-size: 13pt; margin-bottom: 18pt; }
.cover .project { text-align: center; font-size: 14pt; margin-bottom: 28pt; }
.cover .project .en { display: block; font-size: 11pt; color: #555; }
.cover .signature .en { display: block; font-size: 8pt; color: #555; }
.cover table { width: 80%; margin: 0 auto 28pt; font-size: 10pt; }
.cover th { width: 32%; }
.cover .signatures { width: 80%; margin: 0 auto; }
.cover .signature { display: flex; align-items: flex-end; margin: 14pt 0; }
.cover .signature .who { width: 40%; }
.cover .signature .line { flex: 1; border-bottom: 0.75pt solid #333; margin: 0 6pt; height: 14pt; }
.cover .signature .date { width: 22%; }
.page-break { page-break-before: always; break-before: page; }
@media screen { .page-break { border-top: 1px dashed #bbb; margin: 14pt 0; } }
@media print { body { padding: 0; max-width: none; } }
`;

/** A text inline: Chinese, then its English in a span (a new line where the CSS says so). */
function inline(text: Text): string {
  if (typeof text === 'string') return escapeHtml(text);
  return `${escapeHtml(text.zh)}<span class="en">${escapeHtml(text.en)}</span>`;
}

function isCell(cell: Text | Cell): cell is Cell {
  return typeof cell === 'object' && 'text' in cell;
}

/** A key for comparing cells (the merged columns of a target table). */
function cellKey(cell: Text | Cell | undefined): string {
  return JSON.stringify(cell === undefined ? null : isCell(cell) ? cell.text : cell);
}

function tableHtml(block: Extract<ReportBlock, { kind: 'table' }>): string {
  const merge = block.merge ?? 0;
  const numeric = new Set(block.numeric ?? []);
  const head = `<thead><tr>${block.headers.map((h) => `<th>${inline(h)}</th>`).join('')}</tr></thead>`;
  const body = block.rows.map((row, r) => {
    let column = 0;
    const cells = row.map((entry, c) => {
      const cell: Cell = isCell(entry) ? entry : { text: entry };
      const at = column;
      column += cell.span ?? 1;
      if (c < merge) {
        // The source's layout: a level-1 or level-2 cell is printed once for the rows below that repeat it
        // (and its parents), without a rowspan, so that a long table can still break between its rows.
        const same = (other: readonly (Text | Cell)[] | undefined): boolean =>
          other !== undefined &&
          row.slice(0, c + 1).every((value, i) => cellKey(other[i]) === cellKey(value));
        const repeated = r > 0 && same(block.rows[r - 1]);
        const last = !same(block.rows[r + 1]);
        const classes = ['group', repeated ? 'repeat' : '', last ? 'last' : ''].filter(Boolean).join(' ');
        return `<td class="${classes}">${repeated ? '' : inline(cell.text)}</td>`;
      }
      const classes = [numeric.has(at) ? 'num' : '', cell.mark ?? ''].filter(Boolean).join(' ');
      const attributes = `${classes ? ` class="${classes}"` : ''}${cell.span && cell.span > 1 ? ` colspan="${cell.span}"` : ''}`;
      const sub = cell.sub ? `<span class="sub">${escapeHtml(cell.sub)}</span>` : '';
      return `<td${attributes}>${inline(cell.text)}${sub}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table${block.small ? ' class="small"' : ''}>${head}<tbody>\n${body.join('\n')}\n</tbody></table>`;
}

function paragraphHtml(text: Text, emphasis: string | undefined): string {
  const cls = emphasis ? ` class="${emphasis}"` : '';
  if (typeof text === 'string') return `<p${cls}>${escapeHtml(text)}</p>`;
  return `<p${cls}>${escapeHtml(text.zh)}</p>\n<p class="en${emphasis ? ` ${emphasis}` : ''}">${escapeHtml(text.en)}</p>`;
}

function coverHtml(block: Extract<ReportBlock, { kind: 'cover' }>): string {
  const title =
    typeof block.title === 'string'
      ? `<h1>${escapeHtml(block.title)}</h1>`
      : `<h1>${escapeHtml(block.title.zh)}</h1><div class="en-title">${escapeHtml(block.title.en)}</div>`;
  const project = `<div class="project">${inline(block.project)}</div>`;
  const fields = block.fields
    .map((field) => `<tr><th>${inline(field.label)}</th><td>${inline(field.value) || '&nbsp;'}</td></tr>`)
    .join('');
  const dateLabel = typeof block.title === 'string' ? 'Date' : '日期 Date';
  const signatures = block.signatures
    .map(
      (who) =>
        `<div class="signature"><span class="who">${inline(who)}</span><span class="line"></span>` +
        `<span class="date">${escapeHtml(dateLabel)}</span><span class="line"></span></div>`,
    )
    .join('');
  return `<section class="cover">${title}${project}<table><tbody>${fields}</tbody></table><div class="signatures">${signatures}</div></section>`;
}

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG
 * charts, no script and no network access, so it opens offline; laid out for
 * A4 (`@page` with page numbers at the foot of every page but the cover,
 * table headers repeated on every page a table spans, page breaks before the
 * long sections, table rows kept whole), with a font list that covers
 * Chinese. The `zh` edition prints every text Chinese first, English second;
 * `en` prints English only.
 *
 * @param report the report (`buildReport`)
 * @param charts the charts drawn (`renderReportCharts(reportCharts(report))`); a figure whose chart is missing is left out
 * @param language `zh` (the formal Chinese edition, the default) or `en`
 * @returns the HTML text
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const report = await makeReport(file, {
 *   replications: 2, seed: 1, days: 2, workers: 0, desk: false, leastBudget: false, theory: false, date: '2019-12-31',
 *   generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * const html = reportToHtml(report, await renderReportCharts(reportCharts(report)));
 * html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">'); // => true
 * writeFileAtomic(join(tmpdir(), 'report.html'), html);
 */
export function reportToHtml(
  report: Report,
  charts: readonly RenderedChart[],
  language: Language = 'zh',
): string {
  const byId = new Map(charts.map((chart) => [chart.id, chart]));
  const parts = reportBlocks(report, language).map((block): string => {
    switch (block.kind) {
      case 'cover':
        return coverHtml(block);
      case 'heading':
        return `<h${block.level}${block.id ? ` id="${escapeHtml(block.id)}"` : ''}>${inline(block.text)}</h${block.level}>`;
      case 'paragraph':
        return paragraphHtml(block.text, block.emphasis);
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        return `<${tag}${block.small ? ' class="small"' : ''}>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
      }
      case 'table':
        return tableHtml(block);
      case 'figure': {
        const chart = byId.get(block.chartId);
        if (!chart) return '';
        const caption = language === 'zh' ? `${chart.caption.zh} · ${chart.caption.en}` : chart.caption.en;
        return `<figure id="figure-${escapeHtml(chart.id)}">${chart.svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
      }
      case 'pageBreak':
        return '<div class="page-break"></div>';
    }
  });
  const title = language === 'zh' ? `${report.title.zh} ${report.title.en}` : report.title.en;
  return [
    '<!DOCTYPE html>',
    `<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(`${report.generator.name} ${report.generator.version}`)}">`,
    `<title>${escapeHtml(`${title}: ${report.scenario.title}`)}</title>`,
    `<style>${pageStyle(language)}\n${STYLE}</style>`,
    '</head>',
    '<body>',
    ...parts.filter((part) => part !== ''),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
