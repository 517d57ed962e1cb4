/**
 * What the advice-line calculator needs from calc (issue 15, item 1): a warning when income is capped or a yearly
 * figure is implausibly small, nights given a week, the shared-care band the nights fall in, the monthly figure with
 * its working, and the read-out. Every expected figure is worked by hand below, with the rule it comes from.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { calculateMaintenance, type MaintenanceInput } from '../../../calc/scheme-2012/calculate.ts';
import { incomeCap, sharedCareBands, sharedCareNightsPerWeeklyNight, flatRateIncomeUpTo } from '../../../calc/scheme-2012/parameters.ts';
import { sharedCareBandOf } from '../../../calc/scheme-2012/shared-care.ts';
import { STEP, stepOf } from '../../../calc/scheme-2012/steps.ts';
import { InputError } from '../../../calc/errors.ts';

const DATE = '2026-04-06';
const calc = (input: Omit<MaintenanceInput, 'date'>) => calculateMaintenance({ date: DATE, ...input });

/** The citations as the parameters carry them (calc/scheme-2012/parameters.ts). */
const CAP_CITATION = 'Child Support Act 1991 Sch 1 para 10(3); SI 2012/2677 reg 2 ("capped amount")';
const FLAT_LIMIT_CITATION = 'Child Support Act 1991 Sch 1 para 4(1)(a) ("£100 or less")';

/** The example: £32,000 a year, two children, the younger (child 2) two nights a week. */
const EXAMPLE: Omit<MaintenanceInput, 'date'> = {
  payingParent: { income: { amount: '32000', period: 'year' } },
  receivingParents: [{ children: [{}, { nights: { count: 2, period: 'week' } }] }],
};

describe('the parameters the warnings and nights rest on', () => {
  it('are the cap, the flat-rate limit and 52 nights a year for a night a week, each with its citation', () => {
    expect(incomeCap.values[0]!.value).toBe('3000');
    expect(incomeCap.values[0]!.reference.title).toBe(CAP_CITATION);
    expect(flatRateIncomeUpTo.values[0]!.value).toBe('100');
    expect(flatRateIncomeUpTo.values[0]!.reference.title).toBe(FLAT_LIMIT_CITATION);
    expect(sharedCareNightsPerWeeklyNight.values[0]!.value).toBe(52);
    expect(sharedCareNightsPerWeeklyNight.values[0]!.reference.title).toMatch(/^SI 2012\/2677 regs 46–47/);
  });
});

describe('income warnings', () => {
  it('£32,000 "a week" is capped at £3,000 and says so, asking for the period to be checked', () => {
    const r = calc({ payingParent: { income: { amount: '32000', period: 'week' } }, receivingParents: [{ children: [{}] }] });
    // Sch 1 para 10(3): income above £3,000 a week is ignored. One child: 800 × 12% + 2,200 × 9% = 96 + 198 = £294.
    expect(formatMoney(r.grossWeeklyIncome!)).toBe('3000.00');
    expect(formatMoney(r.weeklyAmount)).toBe('294.00');
    expect(r.warnings).toEqual([
      `Gross income of £32,000.00 a week is above the £3,000.00 a week cap (${CAP_CITATION}), so the calculation uses £3,000.00 a week. ` +
        "A weekly income that high is rare: check the period (is £32,000.00 a year's income?).",
    ]);
  });

  it('£200,000 a year is capped too: the weekly figure is given, and no period check (a year was said)', () => {
    const r = calc({ payingParent: { income: { amount: '200000', period: 'year' } }, receivingParents: [{ children: [{}] }] });
    // Reg 35(1)(c): 200,000 ÷ 365 × 7 = 3,835.616… → £3,835.62, above £3,000.
    expect(r.warnings).toEqual([
      `Gross income of £200,000.00 a year is £3,835.62 a week, above the £3,000.00 a week cap (${CAP_CITATION}), so the calculation uses £3,000.00 a week.`,
    ]);
  });

  it('£20,000 a month: capped, and the period is to be checked', () => {
    const r = calc({ payingParent: { income: { amount: '20000', period: 'month' } }, receivingParents: [{ children: [{}] }] });
    // 20,000 × 12 = 240,000 a year; ÷ 365 × 7 = 4,602.739… → £4,602.74.
    expect(r.warnings).toEqual([
      `Gross income of £20,000.00 a month is £4,602.74 a week, above the £3,000.00 a week cap (${CAP_CITATION}), so the calculation uses £3,000.00 a week. ` +
        "A monthly income that high is rare: check the period (is £20,000.00 a year's income?).",
    ]);
  });

  it('a weekly figure given directly, and one pushed over the cap by a variation', () => {
    const direct = calc({ payingParent: { grossWeeklyIncome: '3500' }, receivingParents: [{ children: [{}] }] });
    expect(direct.warnings).toEqual([
      `Gross weekly income of £3,500.00 is above the £3,000.00 a week cap (${CAP_CITATION}), so the calculation uses £3,000.00 a week.`,
    ]);
    // Reg 73: 2,900 + 200 additional income = £3,100 a week, then capped.
    const varied = calc({
      payingParent: { grossWeeklyIncome: '2900' },
      receivingParents: [{ children: [{}] }],
      variations: { additionalIncomeWeekly: '200' },
    });
    expect(varied.warnings).toEqual([
      `Gross weekly income of £2,900.00 is £3,100.00 a week with the variations, above the £3,000.00 a week cap (${CAP_CITATION}), so the calculation uses £3,000.00 a week.`,
    ]);
  });

  it('at the cap exactly there is no warning (only income above it is ignored)', () => {
    expect(calc({ payingParent: { grossWeeklyIncome: '3000' }, receivingParents: [{ children: [{}] }] }).warnings).toEqual([]);
  });

  it('a year’s income below £100 (one week at the flat-rate limit) is questioned; £0 and £100 are not', () => {
    const r = calc({ payingParent: { income: { amount: '90', period: 'year' } }, receivingParents: [{ children: [{}] }] });
    // 90 ÷ 365 × 7 = 1.726… → £1.73 a week: below £7, the nil rate (reg 45(2)).
    expect(r.rate).toBe('nil');
    expect(r.warnings).toEqual([
      `Gross income of £90.00 a year is less than £100.00, the flat-rate limit for a single week (${FLAT_LIMIT_CITATION}); ` +
        "a year's income that low is more likely a weekly or monthly figure: check the period.",
    ]);
    for (const amount of ['0', '100']) {
      expect(
        calc({ payingParent: { income: { amount, period: 'year' } }, receivingParents: [{ children: [{}] }] }).warnings,
        amount,
      ).toEqual([]);
    }
    // £90 a month is a real, if small, income: no warning.
    expect(calc({ payingParent: { income: { amount: '90', period: 'month' } }, receivingParents: [{ children: [{}] }] }).warnings).toEqual(
      [],
    );
  });
});

describe('nights a week', () => {
  it('2 nights a week is 104 nights a year (2 × 52), in the 104–155 band: 2/7 off', () => {
    const r = calc(EXAMPLE);
    const child = r.receivingParents[0]!.children[1]!;
    expect(child).toEqual({
      id: 'child_2',
      nightsPerYear: 104,
      nightsPerWeek: 2,
      band: { fromNights: 104, toNights: 155 },
      sharedCareFraction: { numerator: 2, denominator: 7 },
    });
    expect(r.receivingParents[0]!.children[0]!).toMatchObject({
      nightsPerYear: 0,
      nightsPerWeek: null,
      band: { fromNights: 0, toNights: 51 },
    });
    const step = stepOf(r.trace, STEP.sharedCareNights)!;
    expect(step.description).toBe('Child 2: 2 nights a week × 52 = 104 nights a year');
    expect(step.value).toBe('104');
    expect(step.citation).toBe(sharedCareNightsPerWeeklyNight.values[0]!.reference.title);
  });

  it('gives the same answer as 104 nights a year, and nights given a year are as nightsPerYear', () => {
    const byYear = calc({ ...EXAMPLE, receivingParents: [{ children: [{}, { nightsPerYear: 104 }] }] });
    const byYearNights = calc({ ...EXAMPLE, receivingParents: [{ children: [{}, { nights: { count: 104, period: 'year' } }] }] });
    const byWeek = calc(EXAMPLE);
    expect(formatMoney(byWeek.weeklyAmount)).toBe(formatMoney(byYear.weeklyAmount));
    expect(formatMoney(byYearNights.weeklyAmount)).toBe(formatMoney(byYear.weeklyAmount));
    expect(byYearNights.receivingParents[0]!.children[1]!.nightsPerWeek).toBeNull();
  });

  it('refuses 8 nights a week, and nights given both ways, naming the field', () => {
    const refused = (children: MaintenanceInput['receivingParents'][number]['children']) => {
      try {
        calc({ ...EXAMPLE, receivingParents: [{ children }] });
      } catch (e) {
        return e instanceof InputError ? e.problems : e;
      }
      return 'not refused';
    };
    expect(refused([{ nights: { count: 8, period: 'week' } }])).toEqual([
      {
        field: 'receivingParents[0].children[0].nights.count',
        message: 'a week has 7 nights (got 8); for nights a year, give the period "year"',
      },
    ]);
    expect(refused([{ nightsPerYear: 104, nights: { count: 2, period: 'week' } }])).toEqual([
      { field: 'receivingParents[0].children[0].nights', message: 'give either nightsPerYear or nights, not both' },
    ]);
  });

  it('places nights in the Sch 1 para 7(4) bands', () => {
    const bands = sharedCareBands.values[0]!.value;
    expect([0, 51, 52, 103, 104, 155, 156, 174, 175, 366].map((n) => sharedCareBandOf(n, bands))).toEqual([
      { fromNights: 0, toNights: 51 },
      { fromNights: 0, toNights: 51 },
      { fromNights: 52, toNights: 103 },
      { fromNights: 52, toNights: 103 },
      { fromNights: 104, toNights: 155 },
      { fromNights: 104, toNights: 155 },
      { fromNights: 156, toNights: 174 },
      { fromNights: 156, toNights: 174 },
      { fromNights: 175, toNights: null },
      { fromNights: 175, toNights: null },
    ]);
  });
});

describe('weekly, monthly and the read-out', () => {
  it('the issue’s example: £84.00 a week, £364.00 a month, said in one sentence', () => {
    const r = calc(EXAMPLE);
    // Reg 35(1)(c): 32,000 ÷ 365 × 7 = 613.698… → £613.70. Basic rate, 2 children (para 2(1)): 613.70 × 16% = 98.192,
    // rounded to the pound (reg 6): £98. Para 7(5): (0 + 2/7) ÷ 2 = 1/7; 98 × 6/7 = £84.00.
    expect(formatMoney(r.grossWeeklyIncome!)).toBe('613.70');
    expect(formatMoney(r.weeklyAmount)).toBe('84.00');
    // CSCER 1992 reg 4: 84 × 52 ÷ 12 = £364.00, with the working in the trace.
    expect(formatMoney(r.perFrequency.monthly)).toBe('364.00');
    expect(stepOf(r.trace, STEP.instalments)!.description).toBe(
      'Paid in equal instalments over a 52-week period: weekly £84.00 × 52 ÷ 12 = monthly £364.00',
    );
    expect(r.warnings).toEqual([]);
    expect(r.readOut).toBe(
      'On gross income of £32,000.00 a year (£613.70 a week), with two children, child 2 staying two nights a week (104 nights a year) ' +
        'with the paying parent, the paying parent should pay £84.00 a week, which is £364.00 a month (basic rate).',
    );
  });

  it('two receiving parents with Collect and Pay: the shares and the fees, as calc worked them', () => {
    const r = calc({
      payingParent: { grossWeeklyIncome: '600' },
      receivingParents: [{ children: [{ nightsPerYear: 175 }, {}] }, { children: [{ nightsPerYear: 104 }] }],
      collection: 'collect_and_pay',
    });
    // As test/server/web-browser.test.ts works it: 600 × 19% = £114; 76 / 38; A 76 × 3/4 − 7 = £50; B 38 × 5/7 = £27.14;
    // £77.14 a week; monthly 77.14 × 52 ÷ 12 = 334.273… → £334.27. Fees reg 7: weekly 77.14 × 20% = 15.428 → £15.43, so
    // £92.57; monthly 334.27 × 20% = 66.854 → £66.85, so £401.12.
    expect(r.readOut).toBe(
      'On gross weekly income of £600.00, with three children and two receiving parents, child 1 staying 175 nights a year and ' +
        'child 3 staying 104 nights a year with the paying parent, the paying parent should pay £77.14 a week, which is £334.27 a month ' +
        '(basic rate). Of that, receiving parent 1 gets £50.00 a week and receiving parent 2 gets £27.14 a week. ' +
        'With Collect and Pay, the paying parent pays £92.57 a week (£401.12 a month) including the 20% fee.',
    );
  });

  it('a capped income, a benefit and the nil rate open the sentence in their own words', () => {
    expect(calc({ payingParent: { income: { amount: '32000', period: 'week' } }, receivingParents: [{ children: [{}] }] }).readOut).toBe(
      // 1 child at the cap: £294 (above); 294 × 52 ÷ 12 = £1,274.00.
      'On gross income of £32,000.00 a week (capped at £3,000.00 a week), with one child and no shared care, ' +
        'the paying parent should pay £294.00 a week, which is £1,274.00 a month (basic plus rate).',
    );
    expect(calc({ payingParent: { flatRateBenefit: true }, receivingParents: [{ children: [{}] }] }).readOut).toBe(
      // Sch 1 para 4(1)(b): £7; 7 × 52 ÷ 12 = 30.333… → £30.33.
      'As the paying parent gets a flat-rate benefit, with one child and no shared care, the paying parent should pay £7.00 a week, ' +
        'which is £30.33 a month (flat rate).',
    );
    expect(calc({ payingParent: { nilRateReason: 'prisoner' }, receivingParents: [{ children: [{ nightsPerYear: 52 }] }] }).readOut).toBe(
      'As the paying parent is a prisoner, with one child, the child staying 52 nights a year with the paying parent, ' +
        'the paying parent should pay £0.00 a week, which is £0.00 a month (nil rate).',
    );
  });
});
