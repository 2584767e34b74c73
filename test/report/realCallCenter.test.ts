import { expect, it } from 'vitest';
import { validateHoldOut } from '../../sim/calibrate/holdOut.js';
import { realCallCenterCheck } from '../../sim/report/checks.js';
import { bankCalls, describeBankData } from '../io/bankData.js';

describeBankData("the report's check against a real call center", () => {
  // The report shows the held-out figures of `hotline validate` (issue 13), not an in-sample month.
  it('is the held-out validation: the test days as a whole and the mean absolute errors by hour', () => {
    const train = { from: '1999-02-01', to: '1999-02-07' };
    const test = { from: '1999-02-08', to: '1999-02-14' };
    const check = realCallCenterCheck(bankCalls().records, {
      source: { zh: 'Anonymous Bank 银行', en: 'Anonymous Bank' },
      train,
      test,
      answerWithinSeconds: 20,
      replications: 3,
      seed: 5,
    });
    const v = validateHoldOut(bankCalls().records, {
      train,
      test,
      thresholdSeconds: 20,
      replications: 3,
      seed: 5,
    });
    expect(check.hourlyErrors).toEqual({
      hours: v.errors.byHour.cells,
      abandonRate: v.errors.byHour.abandonRate,
      serviceLevel: v.errors.byHour.serviceLevel,
      asaSeconds: v.errors.byHour.asaSeconds,
    });
    expect(check.observed.offered).toBe(7_997);
    expect(check.observed.abandonRate).toBe(v.overall.observed.abandonRate);
    expect(check.finding.en).toMatch(
      /^Hour by hour on the held-out days the prediction misses abandonment by \d+\.\d percentage points/,
    );
    expect(check.finding.zh).toMatch(/^在留出的日期上逐小时比较，预测的放弃率平均偏差 \d+\.\d 个百分点/);
    expect(check.source).toEqual({ zh: 'Anonymous Bank 银行', en: 'Anonymous Bank' });
  });
});
