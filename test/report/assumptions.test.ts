import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../sim/io/scenarioFile.js';
import {
  distributionWords,
  numberReferences,
  plainSourceNote,
  scenarioAssumptions,
} from '../../sim/report/assumptions.js';
import { referencesIn } from '../../sim/report/references.js';

const DATA = join('data', 'shanghai-12333-2020');

describe('the assumptions in plain language', () => {
  const file = readScenarioFile(join(DATA, 'scenario.json'));
  const drafts = scenarioAssumptions(file.meta.data, file.meta.sources);
  const { assumptions, references } = numberReferences(drafts);
  const of = (parameter: string) => assumptions.find((a) => a.parameter === parameter)!;

  it('has one row per source note, with units and sensible rounding (exact, by hand)', () => {
    expect(assumptions.map((a) => a.parameter)).toEqual(Object.keys(file.meta.sources));
    // 29,411.76 calls entering, 15% in self-service: 25,000 to agents.
    expect(of('arrivals.inboundCallsPerDay').value).toEqual({
      zh: '每日约 29,410 次来电（全年平均），其中约 25,000 次转人工',
      en: 'about 29,410 calls a day (annual mean), 25,000 of them asking for an agent',
    });
    expect(of('handle').value.en).toBe('lognormal, mean 220 s, coefficient of variation 0.82');
    expect(of('redial').value.en).toBe(
      '50% of failed callers redial, at most 4 attempts each (the first included); delay exponential, mean 10 min',
    );
    expect(of('workforce.annualTurnover').value).toEqual({ zh: '20%', en: '20%' });
    expect(of('survey.complaintsPerAnsweredCall').value.en).toBe('0.5 per 100,000 calls answered');
    expect(of('workforce.hiring.trainingDays').value.zh).toBe('182 天（约 6 个月）');
  });

  it('cites public sources by number and never a file of the repository', () => {
    expect(of('answerWithinSeconds').citations.map((n) => references[n - 1]?.key)).toEqual(['gbt33358']);
    expect(of('horizon').citations.map((n) => references[n - 1]?.key)).toEqual(['seed']);
    // Numbered in the order first cited, from 1.
    expect(references.map((r) => r.number)).toEqual(references.map((_, i) => i + 1));
    for (const a of assumptions) {
      expect(`${a.explanation.zh} ${a.explanation.en} ${a.value.en}`).not.toMatch(
        /FACTS|sim\/|\.ts\b|README/,
      );
      expect(a.explanation.zh).not.toBe('（说明见英文）'); // every shipped value has its Chinese explanation
    }
    expect(of('workforce.hiring.trainingDays').basis).toBe('sourced');
    expect(of('arrivals.weekdayFactors').basis).toBe('assumed');
    expect(of('agents').basis).toBe('derived');
  });

  it('explains a changed value by its own source note, cleared of file paths', () => {
    const budget2019 = readScenarioFile(join(DATA, 'budget-2019.json'));
    const rows = scenarioAssumptions(budget2019.meta.data, budget2019.meta.sources);
    const budget = rows.find((a) => a.parameter === 'budget')!;
    expect(budget.value.zh).toContain('预算合计 70,785,200 元');
    expect(budget.explanation.zh).toBe('（说明见英文）');
    expect(budget.explanation.en).not.toMatch(/\.\.\/shared|FACTS|\[S/);
    expect(budget.references).toEqual(['seed']);
  });
});

describe('source notes', () => {
  it('are cleared of file paths, facts-file sections and tags (exact)', () => {
    expect(
      plainSourceNote('FACTS.md §7.1: Mon 1.20 [A, no Shanghai source]; they average 1 (sim/model/x.ts).'),
    ).toBe('Mon 1.20; they average 1.');
    expect(
      plainSourceNote('SEED (2020 budget performance-target tables, ../shared/seed/): 2019 budget'),
    ).toBe('SEED (2020 budget performance-target tables): 2019 budget');
  });

  it('name the references by their marks', () => {
    expect(referencesIn('国办发明电〔2019〕16号 and 〔2020〕1号')).toEqual(['holidays']);
    expect(referencesIn('FACTS.md §1.3 and §7.1: half a year of training')).toEqual(['training']);
    expect(referencesIn('no figure found')).toEqual([]);
  });

  it('describe a distribution in words', () => {
    expect(distributionWords({ kind: 'exponential', meanSeconds: 90 }, 'seconds')).toEqual({
      zh: '指数分布，均值 90 秒',
      en: 'exponential, mean 90 s',
    });
    expect(distributionWords({ kind: 'lognormal', meanMinutes: 480, cv: 0.5 }, 'minutes')?.en).toBe(
      'lognormal, mean 480 min, coefficient of variation 0.5',
    );
    expect(distributionWords({ kind: 'empirical' }, 'seconds')).toBeNull();
  });
});
