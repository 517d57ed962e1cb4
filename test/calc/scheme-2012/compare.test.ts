/**
 * Two calculations side by side, and the reg 34(2) test between current and historic income, from the parameter.
 * Figures are those worked by hand in test/letters/fixture.ts: current £30,000 a year, historic £42,000.
 */
import { describe, expect, test } from 'vitest';
import { calculateMaintenance, type MaintenanceInput } from '../../../calc/scheme-2012/calculate.ts';
import { compareCalculations, compareIncome } from '../../../calc/scheme-2012/compare.ts';
import { STEP, stepOf } from '../../../calc/scheme-2012/steps.ts';

const children = [{ nightsPerYear: 52 }, { nightsPerYear: 52 }];
const on = (amount: number): MaintenanceInput => ({
  date: '2026-03-09',
  payingParent: { income: { amount, period: 'year' } },
  receivingParents: [{ children }],
});
const run = (input: MaintenanceInput) => ({ input, result: calculateMaintenance(input) });

describe('compareCalculations', () => {
  test('CMS on £42,000, correct on £30,000: £110.57 against £78.86, £31.71 a week too high', () => {
    // computed: £110.57 − £78.86 = £31.71 (weekly amounts worked in fixture.ts).
    const c = compareCalculations(run(on(30000)), run(on(42000)));
    expect(c.weeklyDifference.toFixed(2)).toBe('31.71');
    expect(c.way).toBe('too_high');
    expect(c.grossWeeklyIncome.differs).toBe(true);
    expect([c.qualifyingChildren.differs, c.nights.differs]).toEqual([false, false]);
    // Over £800 a week the basic plus rate applies (Child Support Act 1991 Sch 1 para 2(2)): CMS's £805.48 is over it.
    expect(c.rate).toEqual({ cms: 'basic_plus', correct: 'basic', differs: true });
    expect(stepOf(c.trace, STEP.weeklyDifference)!.description).toContain('CMS’s figure is £31.71 a week too high');
  });

  test('the same circumstances: the same amount', () => {
    const c = compareCalculations(run(on(30000)), run(on(30000)));
    expect([c.way, c.weeklyDifference.toFixed(2)]).toEqual(['same', '0.00']);
  });
});

describe('compareIncome (SI 2012/2677 reg 34(2): current income is used when it differs by 25% or more)', () => {
  test('£575.34 against £805.48: 28.5% apart, so current income is used', () => {
    // computed: £805.48 − £575.34 = £230.14; 25% of £805.48 = £201.37; £230.14 ÷ £805.48 = 28.57…% → 28.5%.
    const c = compareIncome(calculateMaintenance(on(30000)), calculateMaintenance(on(42000)));
    expect(c.test.use).toBe('current');
    expect(c.thresholdPercent.toString()).toBe('25');
    expect(c.percent!.toFixed(1)).toBe('28.5');
    expect(c.test.threshold.toFixed(2)).toBe('201.37');
    expect(c.direction).toBe('lower');
  });

  test('£36,000 against £42,000 is under 25% apart: historic income stays', () => {
    // computed: £36,000 ÷ 365 × 7 = £690.41; £805.48 − £690.41 = £115.07 < £201.37; £115.07 ÷ £805.48 = 14.28…% → 14.2%.
    const c = compareIncome(calculateMaintenance(on(36000)), calculateMaintenance(on(42000)));
    expect(c.test.use).toBe('historic');
    expect(c.percent!.toFixed(1)).toBe('14.2');
  });
});
