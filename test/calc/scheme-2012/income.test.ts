import { describe, expect, it } from 'vitest';
import { formatMoney, formatPence } from '../../../calc/money.ts';
import { currentIncomeTest, weeklyIncomeFrom } from '../../../calc/scheme-2012/income.ts';
import { parametersOn } from '../../../calc/scheme-2012/resolve.ts';
import { Trace } from '../../../calc/trace.ts';
import { calc, DATE, kids } from './helpers.ts';

const params = parametersOn(DATE);
const weeklyOf = (
  amount: string,
  period: 'year' | 'month' | 'four_weeks' | 'week',
  pension?: { amount: string; period: 'year' | 'month' | 'four_weeks' | 'week' },
) => formatPence(weeklyIncomeFrom({ amount, period }, pension, params, new Trace()));

describe('annual and other periods to weekly (CSMCR reg 35(1)(c): ÷ 365 × 7)', () => {
  it('£30,000 a year is £575.34 a week, not £576.92 (which ÷ 52 would give)', () => {
    // 30,000 ÷ 365 × 7 = 575.342… → 575.34
    expect(weeklyOf('30000', 'year')).toBe('575.34');
  });
  it('£2,500 a month goes through the year: 2,500 × 12 = 30,000 → £575.34', () => {
    expect(weeklyOf('2500', 'month')).toBe('575.34');
  });
  it('£2,000 every four weeks: × 13 = 26,000 ÷ 365 × 7 = 498.63', () => {
    // 26,000 × 7 ÷ 365 = 498.630… → 498.63
    expect(weeklyOf('2000', 'four_weeks')).toBe('498.63');
  });
  it('a weekly figure is used as it is', () => {
    expect(weeklyOf('512.40', 'week')).toBe('512.40');
  });
  it('E24: pension contributions come off the annual figure first: (40,000 − 2,000) ÷ 365 × 7 = 728.77', () => {
    // Deducting after conversion would give 767.12 − 38.36 = 728.76: the order matters by a penny.
    expect(weeklyOf('40000', 'year', { amount: '2000', period: 'year' })).toBe('728.77');
  });
  it('monthly pension contributions against a monthly salary: (3,000 − 150) × 12 = 34,200 → 655.89', () => {
    // 34,200 × 7 ÷ 365 = 655.890… → 655.89
    expect(weeklyOf('3000', 'month', { amount: '150', period: 'month' })).toBe('655.89');
  });
  it('the trace shows the conversion with its citation', () => {
    const r = calc({ payingParent: { income: { amount: 30000, period: 'year' } }, receivingParents: [{ children: kids(0) }] });
    const step = r.trace.find((s) => s.step === 'income_weekly')!;
    expect(step.description).toBe('£30,000.00 ÷ 365 × 7 = £575.34 a week (to the penny)');
    expect(step.citation).toContain('reg 35(1)(c)');
  });
});

describe('E25: the 25% current-income test (CSMCR reg 34(2))', () => {
  const test = (historic: string, current: string) => currentIncomeTest(historic, current, params, new Trace());
  it('historic £500, current £375: a difference of £125 is exactly 25%, so current income is used', () => {
    expect(test('500', '375')).toMatchObject({ use: 'current' });
    expect(formatMoney(test('500', '375').grossWeeklyIncome)).toBe('375.00');
  });
  it('historic £500, current £376: £124 is under 25%, so historic income stays', () => {
    expect(formatMoney(test('500', '376').grossWeeklyIncome)).toBe('500.00');
  });
  it('a rise of 25% switches too: £500 → £625', () => {
    expect(test('500', '625').use).toBe('current');
  });
  it('a nil historic figure with current income above nil counts as a 25% difference (reg 34(2A))', () => {
    expect(test('0', '10').use).toBe('current');
    expect(test('0', '0').use).toBe('historic');
  });
});

describe('E27: special expenses when income is above the cap (CSMCR reg 72(2))', () => {
  const gwi = (special: string) =>
    calc({
      payingParent: { grossWeeklyIncome: '3500' },
      receivingParents: [{ children: kids(0) }],
      variations: { specialExpensesWeekly: special },
    }).grossWeeklyIncome;
  it('£3,500 − £600 = £2,900: the capped £3,000 exceeds it by £100, so income becomes £2,900', () => {
    expect(formatMoney(gwi('600')!)).toBe('2900.00');
  });
  it('£3,500 − £400 = £3,100: still above the cap, so income stays £3,000', () => {
    expect(formatMoney(gwi('400')!)).toBe('3000.00');
  });
});
