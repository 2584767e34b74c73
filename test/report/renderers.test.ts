import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCharts } from '../../sim/report/charts.js';
import { reportBlocks } from '../../sim/report/document.js';
import { percent, predictedValue, yuan } from '../../sim/report/format.js';
import { reportToHtml } from '../../sim/report/html.js';
import { reportToMarkdown } from '../../sim/report/markdown.js';
import type { Report } from '../../sim/report/types.js';

// The renderers on a fixed report: the committed golden JSON of the seeded 14-day run
// (test/report/golden.test.ts keeps it current), so these tests run no simulation.
const report = JSON.parse(readFileSync(join('test', 'golden', 'report-12333-14days.json'), 'utf8')) as Report;

describe('report formatting', () => {
  // Exact, by hand.
  it('formats fractions, yuan and predicted values', () => {
    expect(percent(0.93456)).toBe('93.5%');
    expect(percent(null)).toBe('–');
    expect(yuan(55_070_152.4)).toBe('55,070,152');
    expect(predictedValue('fraction', 0.00001)).toBe('0.001%');
    expect(predictedValue('count', 4)).toBe('4');
    expect(predictedValue('minutes', 164.26)).toBe('164.3 min');
  });
});

describe('reportToHtml', () => {
  const html = reportToHtml(report, [
    {
      id: 'staffing',
      section: 'staffing',
      caption: { zh: '图', en: 'chart' },
      svg: '<svg width="10" height="10"></svg>',
    },
  ]);

  it('is one page with its CSS inline, A4 page rules and a Chinese-capable font list', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('Noto Sans CJK SC');
    expect(html).not.toMatch(/<script|<link /);
  });

  it('draws the charts it is given and leaves out the figures it is not', () => {
    expect(html).toContain('<figure id="figure-staffing"><svg width="10" height="10"></svg>');
    expect(html).not.toContain('figure-quarters');
  });

  // The source document's layout: a level-1 cell spans the rows of its group. Exact, from
  // data/targets/shanghai-12333-2020.json: 4 indicators under 投入与管理 input and management.
  it('merges the level-1 and level-2 cells of the target table', () => {
    expect(html).toContain('<td rowspan="4">投入与管理 input and management</td>');
    const rows = report.targets?.rows.length ?? 0;
    const table = /<table><thead><tr><th>一级指标[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table.match(/<tr>/g)?.length).toBe(rows + 1);
  });

  it('escapes text from the data', () => {
    const risky: Report = {
      ...report,
      sections: [
        {
          id: 'extra',
          title: { zh: '附', en: 'Extra' },
          blocks: [{ kind: 'paragraph', text: '<b>a & "b"</b>' }],
        },
      ],
    };
    const out = reportToHtml(risky, []);
    expect(out).toContain('&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt;');
    expect(out).not.toContain('<b>a');
  });
});

describe('reportToMarkdown and the blocks', () => {
  it('holds the same headings as the HTML, in the same order', () => {
    const md = reportToMarkdown(report)
      .split('\n')
      .filter((line) => /^#{1,3} /.test(line))
      .map((line) => line.replace(/^#+ /, ''));
    const html = [...reportToHtml(report, []).matchAll(/<h[123][^>]*>([^<]*)<\/h[123]>/g)].map((m) => m[1]);
    expect(md).toEqual(html);
  });

  it('adds a further section (the hook for another project) right after the first target table', () => {
    const table = report.targets;
    if (!table) throw new Error('the golden report has a target table');
    const withDesk: Report = {
      ...report,
      sections: [
        { id: 'desk', title: { zh: '12345 专项', en: '12345 desk' }, blocks: [{ kind: 'targets', table }] },
      ],
    };
    const headings = reportBlocks(withDesk)
      .filter((block) => block.kind === 'heading')
      .map((block) => (block.kind === 'heading' ? `${block.level} ${block.text}` : ''));
    // The source document's tables side by side in section 2, before the budget.
    expect(headings.indexOf('3 12345 专项 12345 desk')).toBe(
      headings.indexOf('2 2. 绩效目标 Performance targets') + 1,
    );
    expect(headings.indexOf('2 3. 预算与执行率 Budget and execution rate')).toBe(
      headings.indexOf('3 12345 专项 12345 desk') + 1,
    );
    expect(reportToMarkdown(withDesk).match(/\| 一级指标 Level 1 \|/g)?.length).toBe(2);
  });

  it('names in Markdown only the charts the report has', () => {
    const ids = reportCharts(report).map((chart) => chart.id);
    const named = [...reportToMarkdown(report).matchAll(/chart `([a-z]+)`/g)].map((m) => m[1]);
    expect(new Set(named)).toEqual(new Set(ids));
  });
});
