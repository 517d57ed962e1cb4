/**
 * Golden figures for the 2012 scheme. Each case names its source: OFFICIAL figures come from a named
 * official source; COMPUTED figures are worked under the law as coded, with the arithmetic shown.
 * Spec references (O1, E11 …) are the worked examples in ../shared/domain/cms-rules.md §12.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import type { MaintenanceInput } from '../../../calc/scheme-2012/calculate.ts';
import { calc, kids, shares, weekly } from './helpers.ts';

type Case = {
  id: string;
  source: string;
  input: Omit<MaintenanceInput, 'date'>;
  rate?: string;
  weekly: string;
  shares?: string[];
};

const one = (grossWeeklyIncome: string, nights = 0) => ({
  payingParent: { grossWeeklyIncome },
  receivingParents: [{ children: kids(nights) }],
});

const OFFICIAL: Case[] = [
  {
    id: 'O1',
    source: 'GOV.UK calculator test "example on p23" of the CMS leaflet (alphagov/smart-answers): 7 + 73 × 21.2% = 22.476 → £22',
    input: { payingParent: { grossWeeklyIncome: '173', relevantOtherChildren: 1 }, receivingParents: [{ children: kids(0, 0) }] },
    rate: 'reduced',
    weekly: '22.00',
  },
  {
    id: 'O2',
    source: 'GOV.UK calculator test "example from p20": 800 × 16% + 200 × 12% = 152',
    input: { payingParent: { grossWeeklyIncome: '1000' }, receivingParents: [{ children: kids(0, 0) }] },
    rate: 'basic_plus',
    weekly: '152.00',
  },
  { id: 'O3', source: 'GOV.UK calculator test: 96 + 800 × 9% = 168', input: one('1600'), rate: 'basic_plus', weekly: '168.00' },
  {
    id: 'O4',
    source: 'GOV.UK calculator test: 600 × 16% = 96',
    input: { payingParent: { grossWeeklyIncome: '600' }, receivingParents: [{ children: kids(0, 0) }] },
    rate: 'basic',
    weekly: '96.00',
  },
  {
    id: 'O5',
    source: 'GOV.UK calculator output pay/1_child/none/150.0/3/0: 7 + 50 × 12.4% = 13.20 → £13',
    input: { payingParent: { grossWeeklyIncome: '150', relevantOtherChildren: 3 }, receivingParents: [{ children: kids(0) }] },
    rate: 'reduced',
    weekly: '13.00',
  },
  {
    id: 'O6',
    source: 'GOV.UK calculator output …/200.0/3/0: 200 × 84% = 168 × 12% = 20.16 → £20',
    input: { payingParent: { grossWeeklyIncome: '200', relevantOtherChildren: 3 }, receivingParents: [{ children: kids(0) }] },
    rate: 'basic',
    weekly: '20.00',
  },
  {
    id: 'O7',
    source: 'GOV.UK calculator output pay/3_children/none/1000.0/3/0: 840 → 152 + 40 × 15% = 158',
    input: { payingParent: { grossWeeklyIncome: '1000', relevantOtherChildren: 3 }, receivingParents: [{ children: kids(0, 0, 0) }] },
    rate: 'basic_plus',
    weekly: '158.00',
  },
  {
    id: 'O8',
    source: 'GOV.UK calculator output …/1000.0/3/4: 840 → 96 + 40 × 9% = 99.60 → £100; × 1/2 = 50; − 7 = 43',
    input: { payingParent: { grossWeeklyIncome: '1000', relevantOtherChildren: 3 }, receivingParents: [{ children: kids(175) }] },
    weekly: '43.00',
  },
  {
    id: 'O9',
    source: 'GOV.UK calculator output …/200.0/3/4: £20 × 1/2 = 10 − 7 = 3 → £7 floor (Sch 1 para 7(7))',
    input: { payingParent: { grossWeeklyIncome: '200', relevantOtherChildren: 3 }, receivingParents: [{ children: kids(175) }] },
    weekly: '7.00',
  },
  {
    id: 'G5',
    source: 'GOV.UK calculator test (smart-answers): 2 children, 1 other child, £180, 175+ nights → £7 (docs/legal-notes.md Q12)',
    input: { payingParent: { grossWeeklyIncome: '180', relevantOtherChildren: 1 }, receivingParents: [{ children: kids(175, 175) }] },
    weekly: '7.00',
  },
];

const COMPUTED: Case[] = [
  { id: 'E1', source: 'COMPUTED: £6.99 is below £7 → nil (Sch 1 para 5(b))', input: one('6.99'), rate: 'nil', weekly: '0.00' },
  { id: 'E2', source: 'COMPUTED: £7.00 is not below £7 and ≤ £100 → flat £7', input: one('7'), rate: 'flat', weekly: '7.00' },
  { id: 'E3', source: 'COMPUTED: £100.00 ≤ £100 → flat £7 (para 4(1)(a))', input: one('100'), rate: 'flat', weekly: '7.00' },
  { id: 'E4', source: 'COMPUTED: 7 + 0.01 × 17% = 7.0017 → £7', input: one('100.01'), rate: 'reduced', weekly: '7.00' },
  { id: 'E5', source: 'COMPUTED: 7 + 99.99 × 17% = 23.9983 → £24', input: one('199.99'), rate: 'reduced', weekly: '24.00' },
  { id: 'E6', source: 'COMPUTED: 200 × 12% = 24', input: one('200'), rate: 'basic', weekly: '24.00' },
  { id: 'E7', source: 'COMPUTED: 800 × 12% = 96', input: one('800'), rate: 'basic', weekly: '96.00' },
  { id: 'E8', source: 'COMPUTED: 96 + 0.01 × 9% = 96.0009 → £96', input: one('800.01'), rate: 'basic_plus', weekly: '96.00' },
  { id: 'E9', source: 'COMPUTED: 96 + 2,200 × 9% = 294', input: one('3000'), rate: 'basic_plus', weekly: '294.00' },
  {
    id: 'E9-2',
    source: 'COMPUTED: 2 children, 128 + 2,200 × 12% = 392',
    input: { payingParent: { grossWeeklyIncome: '3000' }, receivingParents: [{ children: kids(0, 0) }] },
    weekly: '392.00',
  },
  {
    id: 'E9-3',
    source: 'COMPUTED: 3 children, 152 + 2,200 × 15% = 482',
    input: { payingParent: { grossWeeklyIncome: '3000' }, receivingParents: [{ children: kids(0, 0, 0) }] },
    weekly: '482.00',
  },
  { id: 'E10', source: 'COMPUTED: £3,000.01 capped at £3,000 (para 10(3)) → 294', input: one('3000.01'), weekly: '294.00' },
  {
    id: 'E12',
    source: 'COMPUTED: 24 × 1/2 = 12 − 7 = 5 → £7 floor',
    input: one('200', 175),
    weekly: '7.00',
  },
  {
    id: 'E13a',
    source: 'COMPUTED: 1 other child, reduced 7 + 99.99 × 14.1% = 21.0986 → £21',
    input: { payingParent: { grossWeeklyIncome: '199.99', relevantOtherChildren: 1 }, receivingParents: [{ children: kids(0) }] },
    weekly: '21.00',
  },
  {
    id: 'E13b',
    source: 'COMPUTED: 1 other child, basic 200 × 89% = 178 × 12% = 21.36 → £21',
    input: { payingParent: { grossWeeklyIncome: '200', relevantOtherChildren: 1 }, receivingParents: [{ children: kids(0) }] },
    weekly: '21.00',
  },
  {
    id: 'E14',
    source:
      'COMPUTED: 517.81 × 89% = 460.8509 → 460.85 × 19% = 87.5615 → £88 × 5/7 = 62.857 → 62.86 (GOV.UK calculator said £63 using 0.286)',
    input: {
      payingParent: { grossWeeklyIncome: '517.81', relevantOtherChildren: 1 },
      receivingParents: [{ children: kids(104, 104, 104) }],
    },
    weekly: '62.86',
  },
  {
    id: 'E15',
    source: 'COMPUTED: 1000 × 86% = 860 → 128 + 60 × 12% = 135.2 → £135',
    input: { payingParent: { grossWeeklyIncome: '1000', relevantOtherChildren: 2 }, receivingParents: [{ children: kids(0, 0) }] },
    weekly: '135.00',
  },
  {
    id: 'E16',
    source: 'COMPUTED: 900 × 84% = 756 ≤ 800, so 756 × 12% = 90.72 → £91 (basic, not basic plus)',
    input: { payingParent: { grossWeeklyIncome: '900', relevantOtherChildren: 3 }, receivingParents: [{ children: kids(0) }] },
    rate: 'basic',
    weekly: '91.00',
  },
  {
    id: 'E17',
    source: 'COMPUTED: 152 + 125 × 15% = 170.75 → £171 × 1/2 = 85.50 − 3 × 7 = 64.50 (GOV.UK calculator said £64.38, no pound rounding)',
    input: { payingParent: { grossWeeklyIncome: '925' }, receivingParents: [{ children: kids(175, 175, 175) }] },
    weekly: '64.50',
  },
  {
    id: 'E18',
    source: 'COMPUTED: basic 114 → A 76, B 38; A × (1 − (1/2 + 0)/2) = 57 − 7 = 50; B × 5/7 = 27.142 → 27.14',
    input: { payingParent: { grossWeeklyIncome: '600' }, receivingParents: [{ children: kids(175, 0) }, { children: kids(104) }] },
    weekly: '77.14',
    shares: ['50.00', '27.14'],
  },
  {
    id: 'E19',
    source: 'COMPUTED: reduced 7 + 50 × 25% = 19.5 → £20; 10 / 10; each 5 − 7 → 0; total below £7 → £7 shared 3.50 / 3.50',
    input: { payingParent: { grossWeeklyIncome: '150' }, receivingParents: [{ children: kids(175) }, { children: kids(175) }] },
    weekly: '7.00',
    shares: ['3.50', '3.50'],
  },
  {
    id: 'E20a',
    source: 'COMPUTED: reg 44(2) benefit → flat £7 (para 4(1)(c))',
    input: { payingParent: { flatRateBenefit: true }, receivingParents: [{ children: kids(0) }] },
    rate: 'flat',
    weekly: '7.00',
  },
  {
    id: 'E20b',
    source: 'COMPUTED: flat rate due to a benefit and 52 nights → nil to that receiving parent (para 8)',
    input: { payingParent: { flatRateBenefit: true }, receivingParents: [{ children: kids(52) }] },
    rate: 'flat',
    weekly: '0.00',
  },
  {
    id: 'E21',
    source: 'COMPUTED: flat rate due to income of £80 ignores shared care → £7',
    input: one('80', 175),
    weekly: '7.00',
  },
  {
    id: 'E22',
    source: 'COMPUTED: flat £7 shared between two receiving parents with one child each (para 6)',
    input: { payingParent: { grossWeeklyIncome: '80' }, receivingParents: [{ children: kids(0) }, { children: kids(0) }] },
    weekly: '7.00',
    shares: ['3.50', '3.50'],
  },
  {
    id: 'E23',
    source: 'COMPUTED: 30,000 ÷ 365 × 7 = 575.342 → 575.34 × 16% = 92.05 → £92',
    input: { payingParent: { income: { amount: 30000, period: 'year' } }, receivingParents: [{ children: kids(0, 0) }] },
    weekly: '92.00',
  },
  {
    id: 'E24',
    source: 'COMPUTED: (40,000 − 2,000) ÷ 365 × 7 = 728.767 → 728.77 × 12% = 87.45 → £87 (reg 35(3))',
    input: {
      payingParent: { income: { amount: 40000, period: 'year' }, pensionContributions: { amount: 2000, period: 'year' } },
      receivingParents: [{ children: kids(0) }],
    },
    weekly: '87.00',
  },
  {
    id: 'E26',
    source: 'COMPUTED: (500 − 15) × 12% = 58.2 → £58 (reg 72; £60 without the variation)',
    input: {
      payingParent: { grossWeeklyIncome: '500' },
      receivingParents: [{ children: kids(0) }],
      variations: { specialExpensesWeekly: '15' },
    },
    weekly: '58.00',
  },
  {
    id: 'E28',
    source: 'COMPUTED: 500 + 5,200 ÷ 365 × 7 (= 99.73) = 599.73 × 12% = 71.97 → £72 (reg 73)',
    input: {
      payingParent: { grossWeeklyIncome: '500' },
      receivingParents: [{ children: kids(0) }],
      variations: { additionalIncomeWeekly: '99.73' },
    },
    weekly: '72.00',
  },
  {
    id: 'R6-half',
    source: 'COMPUTED: 7 + 50 × 17% = 15.50, rounded half up to the pound → £16 (reg 6)',
    input: one('150'),
    weekly: '16.00',
  },
  {
    id: 'D1',
    source: "OFFICIAL: default rate for 1 child £39 (SI 2012/2677 reg 49(2) as made; GOV.UK's £38 conflicts, see docs/legal-notes.md Q4)",
    input: { defaultRate: true, payingParent: {}, receivingParents: [{ children: kids(0) }] },
    rate: 'default',
    weekly: '39.00',
  },
  {
    id: 'D2',
    source: 'OFFICIAL: default rate for 2 children £51 (reg 49(2)), shared 25.50 / 25.50 (para 6(2)); shared care does not apply',
    input: { defaultRate: true, payingParent: {}, receivingParents: [{ children: kids(104) }, { children: kids(0) }] },
    weekly: '51.00',
    shares: ['25.50', '25.50'],
  },
  {
    id: 'D3',
    source: 'OFFICIAL: default rate for 3 or more children £64 (reg 49(2))',
    input: { defaultRate: true, payingParent: {}, receivingParents: [{ children: kids(0, 0, 0, 0) }] },
    weekly: '64.00',
  },
  {
    id: 'N1',
    source: 'COMPUTED: a prisoner pays the nil rate whatever the income (reg 45(1)(b))',
    input: { payingParent: { grossWeeklyIncome: '900', nilRateReason: 'prisoner' }, receivingParents: [{ children: kids(0) }] },
    rate: 'nil',
    weekly: '0.00',
  },
  {
    id: '5A-1',
    source: 'COMPUTED: 1 qualifying + 1 other-arrangement child: 500 × 16% = 80 × 1/2 = 40.00 (Sch 1 para 5A)',
    input: { payingParent: { grossWeeklyIncome: '500', otherArrangementChildren: 1 }, receivingParents: [{ children: kids(0) }] },
    weekly: '40.00',
  },
  {
    id: '5A-2',
    source: 'COMPUTED: 7 + 10 × 31% = 10.10 → £10 × 1/3 = 3.33, raised to the £7 minimum (para 5A(2) as modified; wording not retrieved)',
    input: { payingParent: { grossWeeklyIncome: '110', otherArrangementChildren: 2 }, receivingParents: [{ children: kids(0) }] },
    weekly: '7.00',
  },
  {
    id: 'V-floor',
    source:
      'COMPUTED: 50 − 45 special expenses = £5, below £7, but a variation cannot take the amount below the flat rate → £7 (reg 74(1A))',
    input: {
      payingParent: { grossWeeklyIncome: '50' },
      receivingParents: [{ children: kids(0) }],
      variations: { specialExpensesWeekly: '45' },
    },
    rate: 'flat',
    weekly: '7.00',
  },
  {
    id: 'V-cap',
    source: 'COMPUTED: 2,950 + 100 additional income = 3,050, capped at 3,000 → 294 (reg 73, para 10(3))',
    input: {
      payingParent: { grossWeeklyIncome: '2950' },
      receivingParents: [{ children: kids(0) }],
      variations: { additionalIncomeWeekly: '100' },
    },
    weekly: '294.00',
  },
  {
    id: 'P-odd',
    source:
      'COMPUTED: flat £7 between three receiving parents, one child each: 2.333… each; the odd penny goes to the first (largest remainder, ties in order)',
    input: {
      payingParent: { grossWeeklyIncome: '50' },
      receivingParents: [{ children: kids(0) }, { children: kids(0) }, { children: kids(0) }],
    },
    weekly: '7.00',
    shares: ['2.34', '2.33', '2.33'],
  },
];

describe('2012 scheme golden figures', () => {
  for (const c of [...OFFICIAL, ...COMPUTED]) {
    it(`${c.id}: £${c.weekly} — ${c.source}`, () => {
      const result = calc(c.input);
      expect(formatMoney(result.weeklyAmount)).toBe(c.weekly);
      if (c.rate) expect(result.rate).toBe(c.rate);
      if (c.shares) expect(result.receivingParents.map((p) => formatMoney(p.weeklyAmount))).toEqual(c.shares);
    });
  }
});

describe('band edges (1 child, no other children)', () => {
  // COMPUTED, Sch 1 paras 2–5 and reg 43: the first figure of each pair is the last of one band, the second the first of the next.
  it.each([
    ['6.99', 'nil', '0.00', 'below £7'],
    ['7.00', 'flat', '7.00', 'not below £7'],
    ['100.00', 'flat', '7.00', '£100 or less'],
    ['100.01', 'reduced', '7.00', '7 + 0.01 × 17% = 7.0017 → £7'],
    ['199.99', 'reduced', '24.00', '7 + 99.99 × 17% = 23.9983 → £24'],
    ['200.00', 'basic', '24.00', '200 × 12% = 24'],
    ['800.00', 'basic', '96.00', '800 × 12% = 96'],
    ['800.01', 'basic_plus', '96.00', '96 + 0.01 × 9% → £96'],
    ['3000.00', 'basic_plus', '294.00', '96 + 2,200 × 9% = 294'],
    ['3000.01', 'basic_plus', '294.00', 'capped at £3,000'],
  ])('£%s → %s £%s (%s)', (income, rate, expected) => {
    const r = calc(one(income));
    expect(r.rate).toBe(rate);
    expect(formatMoney(r.weeklyAmount)).toBe(expected);
  });
});

describe('night edges (E11: £500 a week, 1 child, basic £60)', () => {
  // COMPUTED, Sch 1 para 7(4)–(6): 60 × (1 − fraction), to the penny; at 175 nights 60 × 1/2 − 7.
  it.each([
    [51, '60.00', '0', 'under 52 nights: no decrease'],
    [52, '51.43', '1/7', '60 × 6/7 = 51.428…'],
    [103, '51.43', '1/7', '60 × 6/7'],
    [104, '42.86', '2/7', '60 × 5/7 = 42.857…'],
    [155, '42.86', '2/7', '60 × 5/7'],
    [156, '34.29', '3/7', '60 × 4/7 = 34.285…'],
    [174, '34.29', '3/7', '60 × 4/7'],
    [175, '23.00', '1/2', '60 × 1/2 − 7'],
  ])('%i nights → £%s (fraction %s: %s)', (nights, expected, fraction) => {
    const r = calc(one('500', nights));
    expect(formatMoney(r.weeklyAmount)).toBe(expected);
    expect(r.receivingParents[0]!.children[0]!.sharedCareFraction).toEqual(
      fraction === '0'
        ? { numerator: 0, denominator: 1 }
        : { numerator: Number(fraction.split('/')[0]), denominator: Number(fraction.split('/')[1]) },
    );
  });
});

describe('collection fees and instalments', () => {
  it('O10: £100 a week on Collect and Pay — paying parent pays £120, receiving parent gets £96 (nidirect "Richard and Jane")', () => {
    // 2 children at £625 a week: 625 × 16% = £100.
    const r = calc({
      payingParent: { grossWeeklyIncome: '625' },
      receivingParents: [{ children: kids(0, 0) }],
      collection: 'collect_and_pay',
    });
    expect(formatMoney(r.weeklyAmount)).toBe('100.00');
    expect(formatMoney(r.collectionCharges!.payingParent.weekly.total)).toBe('120.00');
    expect(formatMoney(r.collectionCharges!.receivingParents[0]!.perFrequency.weekly.net)).toBe('96.00');
  });

  it('O11: flat rate £7 on Collect and Pay — fee £1.40, paying parent pays £8.40 (nidirect; GOV.UK calculator test)', () => {
    const r = calc({ payingParent: { flatRateBenefit: true }, receivingParents: [{ children: kids(0) }], collection: 'collect_and_pay' });
    expect(formatMoney(r.collectionCharges!.payingParent.weekly.fee)).toBe('1.40');
    expect(formatMoney(r.collectionCharges!.payingParent.weekly.total)).toBe('8.40');
    // GOV.UK calculator test: the receiving parent's 4% of £7 is £0.28.
    expect(formatMoney(r.collectionCharges!.receivingParents[0]!.perFrequency.weekly.fee)).toBe('0.28');
  });

  it('£57 a week: fees £11.40 and £2.28 (GOV.UK calculator tests; 20% and 4% of £57)', () => {
    const r = calc({
      payingParent: { grossWeeklyIncome: '475' },
      receivingParents: [{ children: kids(0) }],
      collection: 'collect_and_pay',
    });
    expect(formatMoney(r.weeklyAmount)).toBe('57.00');
    expect(formatMoney(r.collectionCharges!.payingParent.weekly.fee)).toBe('11.40');
    expect(formatMoney(r.collectionCharges!.receivingParents[0]!.perFrequency.weekly.fee)).toBe('2.28');
  });

  it('E29: £100 a week is £433.33 a month, £520.00 with the 20% fee (100 × 52 ÷ 12; 120 × 52 ÷ 12)', () => {
    const r = calc({
      payingParent: { grossWeeklyIncome: '625' },
      receivingParents: [{ children: kids(0, 0) }],
      collection: 'collect_and_pay',
    });
    expect(formatMoney(r.perFrequency.monthly)).toBe('433.33');
    expect(formatMoney(r.collectionCharges!.payingParent.monthly.total)).toBe('520.00');
    expect(formatMoney(r.perFrequency.four_weekly)).toBe('400.00');
    expect(formatMoney(r.perFrequency.yearly)).toBe('5200.00');
  });

  it('E30: £51.43 on Collect and Pay — paying parent £61.72, receiving parent £49.37 (51.43 + 10.286; 51.43 − 2.0572)', () => {
    const r = calc({ ...one('500', 52), collection: 'collect_and_pay' });
    expect(formatMoney(r.collectionCharges!.payingParent.weekly.total)).toBe('61.72');
    expect(formatMoney(r.collectionCharges!.receivingParents[0]!.perFrequency.weekly.net)).toBe('49.37');
  });

  it('no collection fees before 11 August 2014 (SI 2014/612 reg 7 in force)', () => {
    const r = calc({ ...one('625'), date: '2014-08-10', collection: 'collect_and_pay' });
    expect(formatMoney(r.collectionCharges!.payingParent.weekly.fee)).toBe('0.00');
    const after = calc({ ...one('625'), date: '2014-08-11', collection: 'collect_and_pay' });
    // 625 × 12% = 75; 20% = 15.
    expect(formatMoney(after.collectionCharges!.payingParent.weekly.fee)).toBe('15.00');
  });

  it('direct pay has no collection charges', () => {
    expect(calc(one('625')).collectionCharges).toBeUndefined();
  });
});

describe('shares always name the receiving parents in order', () => {
  it('ids given are kept', () => {
    const r = calc({
      payingParent: { grossWeeklyIncome: '600' },
      receivingParents: [
        { id: 'anna', children: [{ id: 'sam' }] },
        { id: 'bea', children: [{}] },
      ],
    });
    expect(r.receivingParents.map((p) => p.id)).toEqual(['anna', 'bea']);
    expect(r.receivingParents[0]!.children[0]!.id).toBe('sam');
    expect(
      shares({ payingParent: { grossWeeklyIncome: '600' }, receivingParents: [{ children: kids(0) }, { children: kids(0) }] }),
    ).toEqual(['48.00', '48.00']);
    expect(weekly(one('600'))).toBe('72.00');
  });
});
