/**
 * The 2003 scheme's law as data and its refusals: every value and every trace step cites its source, the dates are
 * the scheme's own, gross income is refused with a message that asks for net income, and what Reckoner does not
 * calculate for the 2003 scheme is refused by name.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../calc/errors.ts';
import { formatMoney } from '../../../calc/money.ts';
import { OutOfCoverageError } from '../../../calc/parameters.ts';
import { calculateMaintenance2003, NET_INCOME_NEEDED, type Maintenance2003Input } from '../../../calc/scheme-2003/calculate.ts';
import { LAW } from '../../../calc/scheme-2003/law.ts';
import { ALL_PARAMETERS, COVERAGE } from '../../../calc/scheme-2003/parameters.ts';

const base = (over: Partial<Maintenance2003Input> = {}): Maintenance2003Input => ({
  date: '2010-01-01',
  payingParent: { netWeeklyIncome: '300' },
  receivingParents: [{ children: [{}] }],
  ...over,
});

describe('every value of the 2003 law carries its citation', () => {
  for (const parameter of ALL_PARAMETERS) {
    it(`${parameter.name}: every dated value cites a source with a title and a link`, () => {
      expect(parameter.values.length).toBeGreaterThan(0);
      for (const v of parameter.values) {
        expect(v.from).toBe(COVERAGE.from);
        expect(v.reference.title.trim().length).toBeGreaterThan(10);
        expect(v.reference.href).toMatch(/^https:\/\/www\.legislation\.gov\.uk\//);
      }
    });
  }
  it('every rule citation has a title and a link', () => {
    for (const [name, ref] of Object.entries(LAW)) {
      expect(ref.title, name).toMatch(/(Act|Regulations|SI|Order) /);
      expect(ref.href, name).toMatch(/^https:\/\/www\.legislation\.gov\.uk\//);
    }
  });
  it('every step of a trace carries a citation, in order from the income to the instalments', () => {
    const r = calculateMaintenance2003(
      base({
        payingParent: { netWeeklyIncome: '2400', relevantOtherChildren: 2 },
        receivingParents: [{ children: [{ nights: { count: 2, period: 'week' } }, { nightsPerYear: 175 }] }, { children: [{}] }],
      }),
    );
    for (const step of r.trace) {
      expect(step.citation.length, step.step).toBeGreaterThan(10);
      expect(step.href, step.step).toMatch(/^https:\/\/www\.legislation\.gov\.uk\//);
    }
    expect(r.trace.map((s) => s.step)).toEqual([
      'qualifying_children',
      'shared_care_nights',
      'income_weekly',
      'income_cap',
      'relevant_other_children',
      'rate_basic',
      'rounding',
      'apportionment',
      'shared_care',
      'shared_care_half_deduction',
      'weekly_amount',
      'instalments',
    ]);
    // £2,400 capped at £2,000 (para 10(3)); × 80% for 2 relevant other children = 1,600.00 (para 2(2)); × 25% = £400 (para 2(1));
    // 3 children split 2 : 1 = 266.67 / 133.33 (para 6); first: 104 nights (2 a week × 52) → 2/7, 175 → 1/2, averaged
    // (2/7 + 1/2) ÷ 2 = 11/28 (para 7(5)); 266.67 × 17/28 = 161.906… → 161.91; − £7 (para 7(6)) = 154.91; total 288.24.
    expect(formatMoney(r.weeklyAmount)).toBe('288.24');
    expect(r.receivingParents.map((p) => formatMoney(p.weeklyAmount))).toEqual(['154.91', '133.33']);
    expect(r.receivingParents[0]!.sharedCareFraction).toEqual({ numerator: 11, denominator: 28 });
    expect(formatMoney(r.netWeeklyIncome!)).toBe('2000.00');
    expect(r.warnings.join(' ')).toContain('£2,000.00 a week cap');
    // 288.24 × 52 ÷ 12 = 1,249.04 a month.
    expect(formatMoney(r.perFrequency.monthly)).toBe('1249.04');
    expect(r.readOut).toContain('2003 scheme, basic rate');
  });
  it('rounds the rate to the pound (reg 2(3)) and says so, citing SI 2001/155 reg 2(3)', () => {
    const r = calculateMaintenance2003(base({ payingParent: { netWeeklyIncome: '303' } }));
    // 303 × 15% = 45.45 → £45.
    const step = r.trace.find((s) => s.step === 'rounding')!;
    expect(step.value).toBe('45.00');
    expect(step.citation).toContain('SI 2001/155) reg 2(3)');
  });
});

describe('dates: the 2003 scheme from 3 March 2003', () => {
  it('calculates on its first day and on the last covered day', () => {
    expect(formatMoney(calculateMaintenance2003(base({ date: '2003-03-03' })).weeklyAmount)).toBe('45.00');
    expect(formatMoney(calculateMaintenance2003(base({ date: COVERAGE.through })).weeklyAmount)).toBe('45.00');
  });
  it('refuses the day before, and a date after the scheme ended', () => {
    expect(() => calculateMaintenance2003(base({ date: '2003-03-02' }))).toThrow(OutOfCoverageError);
    expect(() => calculateMaintenance2003(base({ date: '2003-03-02' }))).toThrow(/3 March 2003/);
    expect(() => calculateMaintenance2003(base({ date: '2019-01-01' }))).toThrow(/scheme "2012"/);
  });
});

describe('net income only', () => {
  for (const payingParent of [{ grossWeeklyIncome: '500' }, { income: { amount: 26000, period: 'year' } }]) {
    it(`refuses ${Object.keys(payingParent)[0]}, asking for net weekly income`, () => {
      let error: unknown;
      try {
        calculateMaintenance2003(base({ payingParent: payingParent as Maintenance2003Input['payingParent'] }));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toContain('NET weekly income, not gross');
      expect((error as InputError).message).toContain('netWeeklyIncome');
      expect(NET_INCOME_NEEDED).toContain('income tax, Class 1 National Insurance and pension contributions');
    });
  }
  it('asks for net income when none is given and none is excused', () => {
    expect(() => calculateMaintenance2003(base({ payingParent: {} }))).toThrow(/net weekly income/);
  });
  it('refuses what it does not calculate for the 2003 scheme, by field', () => {
    expect(() => calculateMaintenance2003(base({ variations: { specialExpensesWeekly: 10 } }))).toThrow(/SI 2001\/156/);
    expect(() => calculateMaintenance2003(base({ defaultRate: true }))).toThrow(/default rate/);
    expect(() => calculateMaintenance2003(base({ payingParent: { netWeeklyIncome: '300', otherArrangementChildren: 1 } }))).toThrow(
      /para 5A/,
    );
  });
});
