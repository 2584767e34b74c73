import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCharts } from '../../sim/report/charts.js';
import { reportBlocks } from '../../sim/report/document.js';
import { displayUnitOf, probabilityText, quarterLabel, rowValue } from '../../sim/report/format.js';
import { reportToHtml } from '../../sim/report/html.js';
import { reportToMarkdown } from '../../sim/report/markdown.js';
import type { Report } from '../../sim/report/types.js';

// The renderers on a fixed report: the committed golden JSON of the seeded 14-day run
// (test/report/golden.test.ts keeps it current), so these tests run no simulation.
const report = JSON.parse(readFileSync(join('test', 'golden', 'report-12333-14days.json'), 'utf8')) as Report;

describe('report formatting: values in the unit the target names', () => {
  // Exact, by hand.
  it('shows hours for ≤24小时, minutes for ≤90分钟, a ratio for =1 and percentages for %', () => {
    expect(displayUnitOf({ unit: 'minutes', target: '≤24小时' })).toBe('hours');
    expect(displayUnitOf({ unit: 'minutes', target: '≤90分钟' })).toBe('minutes');
    expect(displayUnitOf({ unit: 'fraction', target: '=1' })).toBe('ratio');
    expect(displayUnitOf({ unit: 'fraction', target: '>80%' })).toBe('percent');
    expect(displayUnitOf({ unit: 'count', target: '=4' })).toBe('count');
    // 924.7 minutes are 15.41 hours.
    expect(rowValue({ unit: 'minutes', displayUnit: 'hours' }, 924.7, 'zh')).toBe('15.4 小时');
    expect(rowValue({ unit: 'minutes', displayUnit: 'hours' }, 924.7, 'en')).toBe('15.4 h');
    expect(rowValue({ unit: 'minutes', displayUnit: 'minutes' }, 164.26, 'en')).toBe('164.3 min');
    expect(rowValue({ unit: 'fraction', displayUnit: 'percent' }, 0.00001, 'en')).toBe('0.001%');
    expect(rowValue({ unit: 'fraction', displayUnit: 'ratio' }, 1, 'en')).toBe('1.000');
    expect(rowValue({ unit: 'count', displayUnit: 'count' }, 4, 'en')).toBe('4');
    expect(rowValue({ unit: 'count', displayUnit: 'count' }, null, 'en')).toBe('–');
    expect(probabilityText({ probability: 0.4, low: 0.168, high: 0.687 })).toBe('40% (17%–69%)');
    expect(quarterLabel('2020-Q4', 'zh')).toBe('2020年第四季度');
    expect(quarterLabel('2020-Q4', 'en')).toBe('2020 Q4');
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

  it('is one page with its CSS inline, A4 page rules with page numbers and a Chinese-capable font list', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('Noto Sans CJK SC');
    expect(html).not.toMatch(/<script|<link /);
  });

  it('opens with the cover: 编制单位, 编制日期, 版本 and the signature lines', () => {
    const cover = /<section class="cover">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(cover).toContain('编制单位<span class="en">Prepared by (organisation)</span>');
    expect(cover).toContain('编制日期<span class="en">Date prepared</span></th><td>2019-12-31</td>');
    expect(cover).toContain(`情景内容哈希 ${report.cover.version.scenarioHash}`);
    expect(cover.match(/class="signature"/g)?.length).toBe(3);
    expect(cover).toContain('复核人（签字）');
  });

  it('draws the charts it is given and leaves out the figures it is not', () => {
    expect(html).toContain('<figure id="figure-staffing"><svg width="10" height="10"></svg>');
    expect(html).not.toContain('figure-quarters');
  });

  // The source document's layout: a level-1 cell is printed once for its group (no rowspan, so
  // that the table can break across pages). Exact, from data/targets/shanghai-12333-2020.json:
  // 4 indicators under 投入与管理 input and management.
  it('prints the level-1 and level-2 cells of the target table once per group, every row kept', () => {
    const table = /<table class="small"><thead><tr><th>一级指标[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table.match(/<td class="group">投入与管理/g)?.length).toBe(1);
    expect(table.match(/<td class="group repeat( last)?"><\/td>/g)?.length).toBeGreaterThan(0);
    expect(table.match(/<tr>/g)?.length).toBe((report.targets?.rows.length ?? 0) + 1);
    expect(table).not.toContain('rowspan');
  });

  it('marks each row with its verdict, including the undecided and the true by construction', () => {
    expect(html).toContain(
      '<td class="byConstruction">按构造成立<span class="en">true by construction</span></td>',
    );
    expect(html).toMatch(
      /<td class="undecided">需更多重复（约 35 次）<span class="en">more replications needed \(35\)<\/span><\/td>/,
    );
    expect(html).toContain('<td class="fail">未达标<span class="en">FAIL</span></td>');
  });

  it('escapes text from the data', () => {
    const risky: Report = {
      ...report,
      sections: [
        {
          id: 'extra',
          title: { zh: '附', en: 'Extra' },
          blocks: [{ kind: 'paragraph', text: { zh: '<b>甲 & "乙"</b>', en: '<b>a & "b"</b>' } }],
        },
      ],
    };
    const out = reportToHtml(risky, []);
    expect(out).toContain('&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt;');
    expect(out).toContain('&lt;b&gt;甲 &amp; &quot;乙&quot;&lt;/b&gt;');
    expect(out).not.toContain('<b>a');
  });

  it('prints the English edition in English only', () => {
    const en = reportToHtml(report, [], 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('"Page " counter(page) " of " counter(pages)');
    const body = en.slice(en.indexOf('<body>'));
    expect(body).not.toMatch(/摘要|结论|编制日期|达标所需最低预算/);
    expect(body).toContain('Least budget that meets the targets');
  });
});

describe('reportToMarkdown and the blocks', () => {
  it('holds the same headings as the HTML, in the same order', () => {
    const md = reportToMarkdown(report)
      .split('\n')
      .filter((line) => /^#{2,3} /.test(line))
      .map((line) => line.replace(/^#+ /, ''));
    const html = [...reportToHtml(report, []).matchAll(/<h([23])[^>]*>(.*?)<\/h\1>/g)].map((m) =>
      (m[2] ?? '').replace(/<span class="en">(.*?)<\/span>/, ' · $1'),
    );
    expect(md).toEqual(html);
  });

  it('gives the one-page summary right after the cover, with the least budget', () => {
    const blocks = reportBlocks(report);
    expect(blocks[0]?.kind).toBe('cover');
    const summary = blocks.findIndex((block) => block.kind === 'heading' && block.id === 'summary');
    const verdict = blocks.findIndex((block) => block.kind === 'heading' && block.id === 'verdict');
    expect(summary).toBe(2);
    const inSummary = JSON.stringify(blocks.slice(summary, verdict));
    expect(inSummary).toContain('达标所需最低预算');
    expect(inSummary).toContain(report.leastBudget ? `${report.leastBudget.seats} 个坐席` : 'never');
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
    const ids = reportBlocks(withDesk)
      .filter((block) => block.kind === 'heading')
      .map((block) => (block.kind === 'heading' ? (block.id ?? '') : ''));
    // The source document's tables side by side in section 2, then the least budget.
    expect(ids.indexOf('desk')).toBe(ids.indexOf('targets') + 1);
    expect(ids.indexOf('least-budget')).toBe(ids.indexOf('desk') + 1);
    expect(reportToMarkdown(withDesk).match(/\| 一级指标<br>Level 1 \|/g)?.length).toBe(2);
  });

  it('names in Markdown only the charts the report has', () => {
    const ids = reportCharts(report).map((chart) => chart.id);
    const named = [...reportToMarkdown(report, 'en').matchAll(/chart `([a-z]+)`/g)].map((m) => m[1]);
    expect(new Set(named)).toEqual(new Set(ids));
  });

  it('cites the assumptions’ sources by number, and no file of the repository', () => {
    const md = reportToMarkdown(report);
    const section = md.slice(md.indexOf('## 八、假设与来源'), md.indexOf('## 九、方法与验证'));
    expect(section).not.toMatch(/FACTS|sim\/|\.ts\b|seed\/README|data\/README/);
    expect(section).not.toContain('29411.764705882353');
    expect(section).toContain('每日约 29,410 次来电');
    for (const ref of report.references) expect(section).toContain(`[${ref.number}]`);
  });
});
