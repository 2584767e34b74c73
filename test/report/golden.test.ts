import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportToJson, reportToMarkdown } from '../../sim/report/markdown.js';
import { GOLDEN_RUN, goldenReport } from './goldenRun.js';

// Golden (regression) files: the JSON and the Markdown of a seeded short run of the 12333
// scenario (test/report/goldenRun.ts) are compared with the committed copies in test/golden/.
// A change in the simulator, the scenario files or the report shows up as a diff to review.
// To accept an intended change, regenerate them and review the diff before committing:
//   UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts
// Numbers in the JSON are compared to 9 significant digits, so that a change in the last bits of a
// floating-point sum (an event split in two) is not a regression while any real change is.
const GOLDEN = join(process.cwd(), 'test', 'golden');

/** The JSON text with every number rounded to 9 significant digits. */
function roundedJson(text: string): string {
  const round = (_key: string, value: unknown): unknown =>
    typeof value === 'number' && Number.isFinite(value) ? Number(value.toPrecision(9)) : value;
  return `${JSON.stringify(JSON.parse(text, round), null, 2)}\n`;
}

function expectGoldenText(name: string, text: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(existsSync(file), `${name} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('the report of a seeded 14-day run of the 12333 scenario', () => {
  it('serialises to the committed JSON', async () => {
    expectGoldenText('report-12333-14days.json', roundedJson(reportToJson(await goldenReport())));
  }, 240_000);

  it('renders to the committed Markdown', async () => {
    expectGoldenText('report-12333-14days.md', reportToMarkdown(await goldenReport()));
  }, 240_000);

  // Exact, by hand: the sections in the order of issue 7, with the summary first and the least budget
  // after the target tables (issue 18); the Chinese edition numbers them 一、二、... with the English beside.
  it('puts the sections in the order of issues 7 and 18', async () => {
    const headings = reportToMarkdown(await goldenReport())
      .split('\n')
      .filter((line) => line.startsWith('## '));
    expect(headings.slice(0, 10)).toEqual([
      '## 摘要 · Summary',
      '## 一、结论 · 1. Verdict',
      '## 二、绩效目标 · 2. Performance targets',
      '## 三、达标所需最低预算 · 3. Least budget that meets the targets',
      '## 四、预算与执行率 · 4. Budget and execution rate',
      '## 五、人员配置 · 5. Staffing plan',
      '## 六、季度考核 · 6. Quarterly assessments',
      '## 七、风险与敏感性 · 7. Risks and sensitivity',
      '## 八、假设与来源 · 8. Assumptions and sources',
      '## 九、方法与验证 · 9. Method and validation',
    ]);
  }, 240_000);

  // The English edition: the same sections, English only.
  it('prints an English-only edition', async () => {
    const markdown = reportToMarkdown(await goldenReport(), 'en');
    expect(markdown.split('\n').filter((line) => line.startsWith('## '))[1]).toBe('## 1. Verdict');
    expect(markdown).not.toMatch(/结论|预算与执行率|假设与来源/);
  }, 240_000);

  // A row fails on its probability, not its mean (a mean inside the target can fail): the summary's line for
  // each failing row gives the probability the verdict judged and the share required, in both editions.
  it('says in the summary, for each failing row, the probability that fails it', async () => {
    const report = await goldenReport();
    const failing = (report.targets?.rows ?? []).filter((row) => row.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    const zh = reportToMarkdown(report);
    const en = reportToMarkdown(report, 'en');
    for (const row of failing) {
      const p = row.probability?.probability ?? NaN;
      const percent = `${Math.round(100 * p)}%`;
      expect(zh.split('\n').find((line) => line.includes(`未达标：${row.name.zh}`))).toContain(
        `达标概率 ${percent}`,
      );
      expect(en.split('\n').find((line) => line.includes(`Not met: ${row.name.en}`))).toContain(
        `met with probability ${percent}`,
      );
    }
  }, 240_000);

  // Exact: every indicator of data/targets/shanghai-12333-2020.json is a row, in the file's order.
  it('has every row of the target table, in the document order', async () => {
    const report = await goldenReport();
    const set = JSON.parse(readFileSync(join('data', 'targets', 'shanghai-12333-2020.json'), 'utf8')) as {
      indicators: { id: string }[];
    };
    expect(report.targets?.rows.map((row) => row.id)).toEqual(set.indicators.map((i) => i.id));
    const systemBuilt = report.targets?.rows.find((row) => row.id === 'systemBuilt');
    expect(systemBuilt?.status).toBe('notSimulated');
  }, 240_000);

  // Exact: every indicator of data/targets/shanghai-12345-desk-2020.json is a row of the desk section, in the
  // file's order, in the JSON; every row's Chinese name is in the Markdown after the section's heading; the
  // 12333 verdict is still judged on its own table, and says one sentence on the desk.
  it('has the 12345 desk section with every row of its target table', async () => {
    const report = await goldenReport();
    const set = JSON.parse(
      readFileSync(join('data', 'targets', 'shanghai-12345-desk-2020.json'), 'utf8'),
    ) as {
      indicators: { id: string; name: { zh: string } }[];
    };
    const json = JSON.parse(reportToJson(report)) as typeof report;
    const desk = json.sections.find((section) => section.id === 'desk-12345');
    const table = desk?.blocks.find((block) => block.kind === 'targets');
    expect(table?.kind === 'targets' ? table.table.rows.map((row) => row.id) : []).toEqual(
      set.indicators.map((i) => i.id),
    );
    const markdown = reportToMarkdown(report);
    const after = markdown.slice(markdown.indexOf('12345 联络处绩效目标'));
    expect(markdown.indexOf('12345 联络处绩效目标')).toBeGreaterThan(0);
    for (const indicator of set.indicators) expect(after).toContain(indicator.name.zh);
    expect(report.verdict.text.en).toMatch(/12345 liaison desk, judged on its own target table/);
    // The verdict paragraph ends with the least budget.
    expect(report.verdict.text.en).toMatch(
      /Least budget that meets the targets: [\d,]+ yuan \(\d+ seats, [^;]*; with it every queue target is met in .*\.$/,
    );
    expect(report.verdict.text.zh).toMatch(/达标所需最低预算：[\d,]+ 元（\d+ 个坐席[^。]*。$/);
    expect(report.verdict.probabilityAllTargets?.trials).toBe(GOLDEN_RUN.replications);
  }, 240_000);

  it('is the same object after a JSON round trip (no undefined, NaN or Infinity)', async () => {
    const report = await goldenReport();
    expect(JSON.parse(reportToJson(report))).toEqual(report);
  }, 240_000);
});
