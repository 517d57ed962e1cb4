/**
 * A change of income after a decision (calc/scheme-2012/income-change.ts): the reg 34(2) test at its edge in both
 * directions, the route and effective date, the next annual review, and letter L15's deadline.
 *
 * The law on the edge: SI 2012/2677 reg 34(2)(a) (https://www.legislation.gov.uk/uksi/2012/2677/regulation/34): gross
 * weekly income is based on historic income unless "current income differs from historic income by an amount that is
 * at least 25 per cent. of historic income" (words as in the Northern Ireland mirror, SR 2012/427 reg 33(2)(a),
 * https://legislation.gov.uk/nisr/2012/427/part/4/chapter/1/made; domain/cms-rules.md §7.2 gives the GB rule the
 * same way). At least, not more than: exactly 25% switches to current income. The 25 is the dated parameter
 * `currentIncomeDifferencePercent`.
 *
 * Every example: 1 qualifying child, no shared care, no other children, historic income £500.00 a week, so the basic
 * rate (Child Support Act 1991 Sch 1 para 2(1), 12% for one child): 500 × 12% = £60.00 a week. 25% of £500.00 is
 * £125.00. The basic rate is rounded to the nearest pound (SI 2012/2677 reg 6).
 */
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../calc/errors.ts';
import { currentIncomeDifferencePercent } from '../../../calc/scheme-2012/parameters.ts';
import { valueOn } from '../../../calc/parameters.ts';
import { checkIncomeChange, INCOME_CHANGE_STEP, nextReviewDate, type IncomeChangeInput } from '../../../calc/scheme-2012/income-change.ts';
import { EDGE } from './income-change-edge.ts';

const LETTER_DATE = '2026-01-05';
const EFFECTIVE = '2026-01-12';

function input(current: string, extra: Partial<IncomeChangeInput> = {}): IncomeChangeInput {
  return {
    cms: { date: EFFECTIVE, payingParent: { grossWeeklyIncome: '500.00' }, receivingParents: [{ children: [{}] }] },
    currentIncome: { grossWeeklyIncome: current },
    decisionDate: LETTER_DATE,
    effectiveDate: EFFECTIVE,
    reportedOn: '2026-01-20',
    nation: 'england_and_wales',
    ...extra,
  };
}

describe('the reg 34(2) test at its edge (historic £500.00 a week, £60.00 a week)', () => {
  test.each(EDGE)('current £$current: current income used $used, new £$next ($difference a week)', (e) => {
    const r = checkIncomeChange(input(e.current));
    expect(r.historicWeeklyIncome.toFixed(2)).toBe('500.00');
    expect(r.currentWeeklyIncome.toFixed(2)).toBe(e.current);
    expect(r.currentIncomeUsed).toBe(e.used);
    expect(r.percent!.toFixed(1)).toBe(e.percent);
    expect(r.direction).toBe(e.direction);
    expect(r.weeklyAmountNow.toFixed(2)).toBe('60.00');
    expect(r.weeklyAmountNew.toFixed(2)).toBe(e.next);
    expect(r.weeklyDifference.toFixed(2)).toBe(e.difference);
    const test34 = r.trace.find((s) => s.step === 'current_income_test')!;
    expect(test34.value).toBe(e.used ? 'current' : 'historic');
    expect(test34.citation).toBe('SI 2012/2677 reg 34(2)(a)');
    expect(test34.description).toContain('25% of historic is £125.00');
    expect(r.warnings.some((w) => w.includes('keeps to historic income'))).toBe(!e.used);
  });

  test('the threshold is the dated parameter, not a number written here', () => {
    const r = checkIncomeChange(input('625.00'));
    expect(r.thresholdPercent.toString()).toBe(valueOn(currentIncomeDifferencePercent, EFFECTIVE).value);
    expect(r.thresholdPercent.toString()).toBe('25');
  });
});

describe('route, effective date, review date and the letter', () => {
  test('reported by the last day for a reconsideration: a revision, from the decision’s own effective date', () => {
    // Letter 5 January 2026: 30 days on is 4 February, one calendar month 5 February; the earlier counts (reg 14(1)(a)).
    const r = checkIncomeChange(input('625.00', { reportedOn: '2026-02-04' }));
    expect(r.route).toBe('mandatory_reconsideration');
    expect(r.effectiveDate).toBe(EFFECTIVE); // Child Support Act 1991 s.16(3)
    expect(r.letter).toBe('L15');
    expect(r.deadline).toMatchObject({ id: 'mr_last_day', date: '2026-02-04', kind: 'last_day' });
    expect(r.trace.find((s) => s.step === INCOME_CHANGE_STEP.letterDeadline)!.value).toBe('2026-02-04');
  });

  test('reported the day after: a supersession from the date of the request, with no deadline', () => {
    const r = checkIncomeChange(input('625.00', { reportedOn: '2026-02-05' }));
    expect(r.route).toBe('supersession');
    expect(r.effectiveDate).toBe('2026-02-05'); // Child Support Act 1991 s.17(4); SI 2012/2677 reg 18(1)
    expect(r.deadline).toBeNull();
    expect(r.trace.find((s) => s.step === INCOME_CHANGE_STEP.effectiveDate)!.href).toBe(
      'https://www.legislation.gov.uk/uksi/2012/2677/regulation/18',
    );
  });

  test('a change after the decision took effect is a supersession even inside the 30 days; reg 18(4) said as a warning', () => {
    const r = checkIncomeChange(input('375.00', { changedOn: '2026-01-20', reportedOn: '2026-01-25' }));
    expect(r.route).toBe('supersession');
    expect(r.effectiveDate).toBe('2026-01-25');
    expect(r.warnings.join('\n')).toMatch(/required to report .* Tuesday 20 January 2026, .*reg 18\(4\)/);
  });

  test('an expected change takes effect from the day it is expected (reg 18(2))', () => {
    const r = checkIncomeChange(input('375.00', { changedOn: '2026-04-01', reportedOn: '2026-03-02' }));
    expect(r.route).toBe('supersession');
    expect(r.effectiveDate).toBe('2026-04-01');
  });

  test('the next review: 12 months after the initial effective date, then each anniversary (reg 19(2))', () => {
    // Default: the decision's effective date 12 January 2026 → first review 12 January 2027.
    expect(checkIncomeChange(input('625.00')).nextReviewDate).toBe('2027-01-12');
    // 29 February 2024 → 28 February 2025, 28 February 2026 (passed by 2 March 2026) → 28 February 2027.
    const r = checkIncomeChange(input('625.00', { firstEffectiveDate: '2024-02-29', reportedOn: '2026-03-02' }));
    expect(r.nextReviewDate).toBe('2027-02-28');
    // On a review date itself, the next is a year on.
    expect(nextReviewDate('2025-01-12', '2026-01-12')).toBe('2027-01-12');
    expect(nextReviewDate('2025-01-12', '2026-01-11')).toBe('2026-01-12');
    expect(nextReviewDate('2013-06-30', '2026-07-01')).toBe('2027-06-30');
  });

  test('current income over a period goes through reg 35(1)(c): £39,000 a year ÷ 365 × 7 = £747.95 a week', () => {
    // 747.95 − 500 = 247.95 ≥ 125: current income; 747.95 × 12% = 89.754 → £90.00; +£30.00.
    const r = checkIncomeChange({ ...input('0'), currentIncome: { income: { amount: 39000, period: 'year' } } });
    expect(r.currentWeeklyIncome.toFixed(2)).toBe('747.95');
    expect(r.weeklyAmountNew.toFixed(2)).toBe('90.00');
    expect(r.weeklyDifference.toFixed(2)).toBe('30.00');
  });
});

describe('honest errors', () => {
  const fieldOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).field;
    }
    throw new Error('expected an InputError');
  };

  test('each names its field', () => {
    expect(fieldOf(() => checkIncomeChange(input('625', { reportedOn: '2026-01-04' })))).toBe('reportedOn');
    expect(fieldOf(() => checkIncomeChange({ ...input('625'), currentIncome: {} }))).toBe('currentIncome');
    expect(fieldOf(() => checkIncomeChange(input('625', { firstEffectiveDate: '2026-02-01' })))).toBe('firstEffectiveDate');
    expect(fieldOf(() => checkIncomeChange(input('-1')))).toBe('currentIncome.grossWeeklyIncome');
    const flat = input('625');
    expect(fieldOf(() => checkIncomeChange({ ...flat, cms: { ...flat.cms, payingParent: { flatRateBenefit: true } } }))).toBe(
      'cmsCalculation.payingParent',
    );
    expect(
      fieldOf(() => checkIncomeChange({ ...flat, cms: { ...flat.cms, receivingParents: [{ children: [{ nightsPerYear: 400 }] }] } })),
    ).toBe('cmsCalculation.receivingParents[0].children[0].nightsPerYear');
  });
});
