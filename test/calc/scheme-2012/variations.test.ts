/**
 * Variations by ground (issue 16, item 4): thresholds, conversions, the bars, the couple's half flat rate, and the
 * default rate saying what it ignores. Every expected figure is COMPUTED here with its arithmetic and the regulation
 * that gives the rule (SI 2012/2677 = Child Support Maintenance Calculation Regulations 2012; "the Act" = Child
 * Support Act 1991). Dates are 2026-04-06 unless a case is about a date.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { calculateMaintenance } from '../../../calc/scheme-2012/calculate.ts';
import { STEP, stepOf, stepsOf } from '../../../calc/scheme-2012/steps.ts';
import { calc, kids, weekly } from './helpers.ts';

const one = (income: string) => ({ payingParent: { grossWeeklyIncome: income }, receivingParents: [{ children: kids(0) }] });

interface Golden {
  id: string;
  source: string;
  input: Parameters<typeof calc>[0];
  weekly: string;
  income?: string;
}

const GOLDEN: Golden[] = [
  {
    id: 'V1 contact costs at the threshold',
    source: 'COMPUTED: reg 63 + reg 68: £10 reaches the £10 threshold, counts in full; (500 − 10) × 12% = 58.80 → £59 (reg 72, reg 6)',
    input: { ...one('500'), variations: { grounds: { contact_weekly: '10' } } },
    weekly: '59.00',
    income: '490.00',
  },
  {
    id: 'V2 contact costs below the threshold',
    source: 'COMPUTED: reg 68: £9.99 is below £10, so nothing counts; 500 × 12% = £60',
    input: { ...one('500'), variations: { grounds: { contact_weekly: '9.99' } } },
    weekly: '60.00',
    income: '500.00',
  },
  {
    id: 'V3 grounds summed, each against its own threshold',
    source:
      'COMPUTED: contact £15 (reg 63) + prior debts £12 (reg 65) + boarding £20 (reg 66) + mortgage £25 (reg 67) = £72, ' +
      'each at least £10 (reg 68); (800 − 72) × 12% = 87.36 → £87',
    input: {
      ...one('800'),
      variations: { grounds: { contact_weekly: '15', prior_debts_weekly: '12', boarding_weekly: '20', mortgage_weekly: '25' } },
    },
    weekly: '87.00',
    income: '728.00',
  },
  {
    id: 'V4 one ground below, others counted',
    source: 'COMPUTED: prior debts £8 < £10 (reg 68) not counted; contact £30 counted; (600 − 30) × 12% = 68.40 → £68',
    input: { ...one('600'), variations: { grounds: { contact_weekly: '30', prior_debts_weekly: '8' } } },
    weekly: '68.00',
    income: '570.00',
  },
  {
    id: 'V5 illness or disability of a relevant other child: no threshold',
    source: 'COMPUTED: reg 64 is not subject to reg 68; (500 − 5) × 12% = 59.40 → £59',
    input: { ...one('500'), variations: { grounds: { illness_weekly: '5' } } },
    weekly: '59.00',
    income: '495.00',
  },
  {
    id: 'V6 unearned income at the threshold',
    source:
      'COMPUTED: reg 69(1) "equal to or exceeding £2,500 per annum"; 2,500 ÷ 365 × 7 = 47.945… → £47.95; (500 + 47.95) × 12% = 65.754 → £66',
    input: { ...one('500'), variations: { grounds: { unearned_yearly: '2500' } } },
    weekly: '66.00',
    income: '547.95',
  },
  {
    id: 'V7 unearned income below the threshold',
    source: 'COMPUTED: reg 69(1): £2,499.99 a year is below £2,500, so no variation; 500 × 12% = £60',
    input: { ...one('500'), variations: { grounds: { unearned_yearly: '2499.99' } } },
    weekly: '60.00',
    income: '500.00',
  },
  {
    id: 'V8 unearned income as E28 (cms-rules.md §12.2)',
    source: 'COMPUTED: 5,200 ÷ 365 × 7 = 99.726… → £99.73 (÷ 52 would be £100.00); (500 + 99.73) × 12% = 71.97 → £72 (reg 69, reg 73)',
    input: { ...one('500'), variations: { grounds: { unearned_yearly: '5200' } } },
    weekly: '72.00',
    income: '599.73',
  },
  {
    id: 'V9 diverted income',
    source: 'COMPUTED: reg 71, no threshold; (400 + 100) × 12% = £60',
    input: { ...one('400'), variations: { grounds: { diverted_weekly: '100' } } },
    weekly: '60.00',
    income: '500.00',
  },
  {
    id: 'V10 assets above £31,250 after 13 Dec 2018',
    source: 'COMPUTED: reg 69A: 40,000 × 8% ÷ 52 = 61.538… → £61.54; (500 + 61.54) × 12% = 67.3848 → £67',
    input: { ...one('500'), variations: { grounds: { assets_value: '40000' } } },
    weekly: '67.00',
    income: '561.54',
  },
  {
    id: 'V11 assets not more than £31,250',
    source: 'COMPUTED: reg 69A: £31,250 is not more than £31,250, so no variation; 500 × 12% = £60',
    input: { ...one('500'), variations: { grounds: { assets_value: '31250' } } },
    weekly: '60.00',
    income: '500.00',
  },
  {
    id: 'V12 assets before the ground began',
    source: 'COMPUTED: reg 69A was inserted by SI 2018/1279 from 13 Dec 2018; on 12 Dec 2018 assets are not counted; 500 × 12% = £60',
    input: { ...one('500'), date: '2018-12-12', variations: { grounds: { assets_value: '40000' } } },
    weekly: '60.00',
    income: '500.00',
  },
  {
    id: 'V13 agreed totals and grounds add up',
    source:
      'COMPUTED: special 20 (agreed) + contact 15 = 35; additional 50 (agreed) + diverted 10 = 60; 500 + 60 − 35 = 525 × 12% = 63 (regs 72–73)',
    input: {
      ...one('500'),
      variations: { specialExpensesWeekly: '20', additionalIncomeWeekly: '50', grounds: { contact_weekly: '15', diverted_weekly: '10' } },
    },
    weekly: '63.00',
    income: '525.00',
  },
  {
    id: 'V14 couple both paying parents on a reg 44(2) benefit',
    source: 'COMPUTED: the Act Sch 1 para 4(2): half the flat rate, £7 ÷ 2 = £3.50',
    input: { payingParent: { flatRateBenefit: 'reg_44_2_couple' }, receivingParents: [{ children: kids(0) }] },
    weekly: '3.50',
  },
  {
    id: 'V15 reg 44(2) bars variations',
    source: 'COMPUTED: reg 57(1)(d): no variation on a reg 44(2) flat rate; £7 flat rate (the Act Sch 1 para 4(1)(c))',
    input: {
      payingParent: { flatRateBenefit: 'reg_44_2', grossWeeklyIncome: '300' },
      receivingParents: [{ children: kids(0) }],
      variations: { additionalIncomeWeekly: '200', grounds: { unearned_yearly: '10000' } },
    },
    weekly: '7.00',
  },
  {
    id: 'V16 reg 44(1) keeps the additional-income route (reg 70)',
    source: 'COMPUTED: reg 44(1) benefit + income of £300 a week agreed as additional income: (0 + 300) × 12% = £36',
    input: {
      payingParent: { flatRateBenefit: 'reg_44_1', grossWeeklyIncome: '0' },
      receivingParents: [{ children: kids(0) }],
      variations: { additionalIncomeWeekly: '300' },
    },
    weekly: '36.00',
    income: '300.00',
  },
];

describe('variations by ground: golden figures', () => {
  for (const g of GOLDEN) {
    it(`${g.id}: ${g.source}`, () => {
      const r = calc(g.input);
      expect(formatMoney(r.weeklyAmount)).toBe(g.weekly);
      if (g.income !== undefined) expect(r.grossWeeklyIncome && formatMoney(r.grossWeeklyIncome)).toBe(g.income);
    });
  }
});

describe('each ground is traced with its regulation', () => {
  it('special expenses: one step per ground, citing the ground and reg 68', () => {
    const r = calc({ ...one('800'), variations: { grounds: { contact_weekly: '15', prior_debts_weekly: '8', illness_weekly: '3' } } });
    const steps = stepsOf(r.trace, [STEP.variationSpecialExpense]);
    expect(steps.map((s) => s.value)).toEqual(['15.00', '3.00', '0.00']);
    expect(steps[0]!.citation).toMatch(/reg 63; .*reg 68/);
    expect(steps[1]!.citation).toMatch(/reg 64/);
    expect(steps[2]!.citation).toMatch(/reg 68/);
    expect(steps[2]!.description).toMatch(/below the £10\.00 threshold/);
    // The total is applied once, as before (reg 72).
    expect(stepOf(r.trace, STEP.variationSpecialExpenses)!.description).toBe('£800.00 − special expenses £18.00 = £782.00');
  });

  it('unearned income: the ÷ 365 × 7 conversion shown, citing reg 69(1)', () => {
    const step = stepOf(calc({ ...one('500'), variations: { grounds: { unearned_yearly: '5200' } } }).trace, STEP.variationUnearnedIncome)!;
    expect(step.description).toBe('Unearned income £5,200.00 a year, at least £2,500.00: £5,200.00 ÷ 365 × 7 = £99.73 a week');
    expect(step.citation).toMatch(/reg 69\(1\)/);
  });

  it('assets: value × 8% ÷ 52, citing reg 69A', () => {
    const step = stepOf(calc({ ...one('500'), variations: { grounds: { assets_value: '40000' } } }).trace, STEP.variationAssets)!;
    expect(step.description).toBe('Assets worth £40,000.00, more than £31,250.00: £40,000.00 × 8% ÷ 52 = £61.54 a week');
    expect(step.citation).toMatch(/reg 69A/);
  });

  it('diverted income cites reg 71', () => {
    const step = stepOf(calc({ ...one('400'), variations: { grounds: { diverted_weekly: '100' } } }).trace, STEP.variationDivertedIncome)!;
    expect(step.citation).toMatch(/reg 71/);
  });

  it('the couple rate cites Sch 1 para 4(2)', () => {
    const r = calc({ payingParent: { flatRateBenefit: 'reg_44_2_couple' }, receivingParents: [{ children: kids(0) }] });
    expect(stepOf(r.trace, STEP.rateFlat)!.citation).toMatch(/Sch 1 para 4\(2\)/);
    expect(r.rate).toBe('flat');
    expect(r.readOut).toMatch(/partner is also a paying parent/);
  });
});

describe('warnings say what did not count, naming the threshold and its source', () => {
  it('special expenses below £10', () => {
    const r = calc({ ...one('500'), variations: { grounds: { prior_debts_weekly: '8' } } });
    expect(r.warnings).toEqual([
      'Prior debts of £8.00 a week are below the £10.00 a week that special expenses must reach ' +
        '(SI 2012/2677 reg 68 (thresholds): £10 a week for each ground (GOV.UK "Variations explained")), so they do not reduce the income.',
    ]);
  });

  it('unearned income below £2,500 a year', () => {
    const r = calc({ ...one('500'), variations: { grounds: { unearned_yearly: '2000' } } });
    expect(r.warnings).toEqual([
      'Unearned income of £2,000.00 a year is below the £2,500.00 a year a variation needs ' +
        '(SI 2012/2677 reg 69(1) (unearned income "equal to or exceeding £2,500 per annum")), so it is not added to the income.',
    ]);
  });

  it('assets before 13 December 2018', () => {
    const r = calc({ ...one('500'), date: '2018-12-12', variations: { grounds: { assets_value: '40000' } } });
    expect(r.warnings[0]).toMatch(/only on 13 December 2018 .*reg 69A.*SI 2018\/1279.*not counted on 2018-12-12/);
  });

  it('a nil amount below a threshold is traced but not warned about', () => {
    const r = calc({ ...one('500'), variations: { grounds: { contact_weekly: '0', unearned_yearly: '0' } } });
    expect(r.warnings).toEqual([]);
    expect(formatMoney(r.weeklyAmount)).toBe('60.00');
  });

  it('reg 44(2): variations refused, citing reg 57(1)(d), and the flat rate stands', () => {
    const r = calc({
      payingParent: { flatRateBenefit: 'reg_44_2' },
      receivingParents: [{ children: kids(0) }],
      variations: { grounds: { contact_weekly: '20' } },
    });
    expect(formatMoney(r.weeklyAmount)).toBe('7.00');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(
      /^Variations are not applied: .*reg 44\(2\) benefit.*\(Child Support Maintenance Calculation Regulations 2012 \(SI 2012\/2677\) reg 57\(1\)\(c\)–\(d\)\)\.$/,
    );
    expect(stepOf(r.trace, STEP.variationBarred)).toBeDefined();
    expect(stepOf(r.trace, STEP.variationSpecialExpense)).toBeUndefined();
  });

  it('the default rate says variations are not applied (reg 57(1)(c)) and gives the reg 49 amount', () => {
    const r = calc({
      defaultRate: true,
      payingParent: {},
      receivingParents: [{ children: kids(0, 0) }],
      variations: { specialExpensesWeekly: '30' },
    });
    expect(formatMoney(r.weeklyAmount)).toBe('51.00'); // reg 49(2): 2 children → £51
    expect(r.warnings).toEqual([
      'Variations are not applied: a default rate is in force, and no variation can be made while a default maintenance decision is in force ' +
        '(Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) reg 57(1)(c)–(d)).',
    ]);
  });
});

describe('the read-out', () => {
  it('says "with the variations" only where a ground counted', () => {
    const counted = calc({ ...one('500'), variations: { grounds: { contact_weekly: '15' } } });
    expect(counted.readOut).toMatch(/^On gross weekly income of £500\.00 \(£485\.00 a week with the variations\)/);
    const none = calc({ ...one('500'), variations: { grounds: { contact_weekly: '5' } } });
    expect(none.readOut).toMatch(/^On gross weekly income of £500\.00, /);
  });
});

describe('back-compat and input errors', () => {
  it('the agreed weekly fields give what they gave before (E26: £58)', () => {
    expect(weekly({ ...one('500'), variations: { specialExpensesWeekly: '15' } })).toBe('58.00');
    const r = calc({ ...one('500'), variations: { specialExpensesWeekly: '15' } });
    expect(stepOf(r.trace, STEP.variationSpecialExpense)).toBeUndefined(); // no threshold test of an agreed amount
  });

  it('true still means "a reg 44 benefit": additional income still applies (reg 70)', () => {
    const input = {
      payingParent: { flatRateBenefit: true, grossWeeklyIncome: '0' },
      receivingParents: [{ children: kids(0) }],
      variations: { additionalIncomeWeekly: '300' },
    } as const;
    expect(weekly(input)).toBe('36.00');
  });

  it('an unknown ground, a bad amount and an unknown benefit list are refused, naming the field', () => {
    const bad = (variations: unknown) => () => calc({ ...one('500'), variations: variations as never });
    expect(bad({ grounds: { travel_weekly: 5 } })).toThrow(/variations\.grounds\.travel_weekly/);
    expect(bad({ grounds: { contact_weekly: -5 } })).toThrow(/variations\.grounds\.contact_weekly/);
    expect(() =>
      calculateMaintenance({
        date: '2026-04-06',
        payingParent: { flatRateBenefit: 'reg_44_3' as never },
        receivingParents: [{ children: kids(0) }],
      }),
    ).toThrow(/payingParent\.flatRateBenefit/);
  });
});
