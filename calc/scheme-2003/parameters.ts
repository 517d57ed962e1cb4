/**
 * Every figure of the 2003 scheme, by date, each with its legal source. The scheme's figures were set when
 * Sch 1 Part I was substituted by the Child Support, Pensions and Social Security Act 2000 and never uprated:
 * CMOPA 2008 Sch 4 para 4 ("£5" → "£7") and the new percentages were commenced only for 2012-scheme cases, the
 * commencement orders saving the old text for existing cases (SI 2012/3042 art 3 ff., SI 2013/2947 arts 3–5).
 *
 * Coverage: from 3 March 2003 (SI 2003/192) to the end of 2018. No new 2003-scheme case began after 25 November
 * 2013; existing liabilities were ended case by case from 30 June 2014 (SI 2014/614), the last in 2018. A date in
 * that tail is calculated as the law stood; whether the case was still open is for the user to know.
 *
 * Amounts are strings so they become decimals without passing through a float.
 * @module
 */
import type { CivilDate } from '../dates.ts';
import { defineParameter, type Parameter, type Reference } from '../parameters.ts';
import type { ByChildren, ByOtherChildren, ReducedRateTable, SharedCareBand } from '../scheme-2012/parameters.ts';

export type { ByChildren, ByOtherChildren, ReducedRateTable, SharedCareBand };

export const COVERAGE = {
  from: '2003-03-03' as CivilDate,
  through: '2018-12-31' as CivilDate,
  lastReviewed: '2026-12-03' as CivilDate,
} as const;

const START: CivilDate = COVERAGE.from;
const ref = (title: string, href: string): Reference => ({ title, href });
/** Schedule 1 as it stood for the 2003 scheme (legislation.gov.uk point in time 2010-04-06). */
const SCH1 = 'https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/2010-04-06';
const SI = 'https://www.legislation.gov.uk/uksi/2001/155/regulation/';
const T = '(2003-scheme text)';

export const flatRate = defineParameter<string>({
  name: 'scheme2003.flat_rate',
  description: 'The flat rate (Sch 1 para 4(1)); also the lowest reduced rate (para 3(3)) and F in the reduced-rate formula (reg 3)',
  unit: 'GBP_per_week',
  values: [
    { from: START, value: '5', reference: ref(`Child Support Act 1991 Sch 1 para 4(1) ${T}: "a flat rate of £5 is payable"`, SCH1) },
  ],
});

export const nilRateIncomeBelow = defineParameter<string>({
  name: 'scheme2003.nil_rate_income_below',
  description: 'Net weekly income below which the nil rate applies',
  unit: 'GBP_per_week',
  values: [
    { from: START, value: '5', reference: ref(`Child Support Act 1991 Sch 1 para 5(b) ${T} (net weekly income of less than £5)`, SCH1) },
  ],
});

export const flatRateIncomeUpTo = defineParameter<string>({
  name: 'scheme2003.flat_rate_income_up_to',
  description: 'Net weekly income at or below which the flat rate applies',
  unit: 'GBP_per_week',
  values: [{ from: START, value: '100', reference: ref(`Child Support Act 1991 Sch 1 para 4(1)(a) ${T} ("£100 or less")`, SCH1) }],
});

export const reducedRateIncomeBelow = defineParameter<string>({
  name: 'scheme2003.reduced_rate_income_below',
  description: 'Net weekly income below which (and above the flat-rate limit) the reduced rate applies',
  unit: 'GBP_per_week',
  values: [
    {
      from: START,
      value: '200',
      reference: ref(`Child Support Act 1991 Sch 1 para 3(1)(b) ${T} ("less than £200 but more than £100")`, SCH1),
    },
  ],
});

export const basicRatePercent = defineParameter<ByChildren>({
  name: 'scheme2003.basic_rate_percent',
  description: 'Basic rate: percentage of net weekly income, by number of qualifying children',
  unit: 'percent',
  values: [{ from: START, value: { 1: '15', 2: '20', 3: '25' }, reference: ref(`Child Support Act 1991 Sch 1 para 2(1) ${T}`, SCH1) }],
});

export const relevantOtherChildrenPercent = defineParameter<ByOtherChildren>({
  name: 'scheme2003.relevant_other_children_percent',
  description: 'Reduction of net weekly income for the basic rate, by number of relevant other children',
  unit: 'percent',
  values: [
    { from: START, value: { 0: '0', 1: '15', 2: '20', 3: '25' }, reference: ref(`Child Support Act 1991 Sch 1 para 2(2) ${T}`, SCH1) },
  ],
});

export const reducedRateTable = defineParameter<ReducedRateTable>({
  name: 'scheme2003.reduced_rate_table',
  description: 'Reduced rate: T, the percentage applied to net income between £100 and £200',
  unit: 'table',
  values: [
    {
      from: START,
      value: {
        1: { 0: '25', 1: '20.5', 2: '19', 3: '17.5' },
        2: { 0: '35', 1: '29', 2: '27', 3: '25' },
        3: { 0: '45', 1: '37.5', 2: '35', 3: '32.5' },
      },
      reference: ref('SI 2001/155 reg 3 table (F + A × T)', `${SI}3/made`),
    },
  ],
});

export const incomeCap = defineParameter<string>({
  name: 'scheme2003.income_cap',
  description: 'Net weekly income above this is ignored',
  unit: 'GBP_per_week',
  values: [
    {
      from: START,
      value: '2000',
      reference: ref(`Child Support Act 1991 Sch 1 para 10(3) ${T}: net weekly income over £2,000 is ignored`, SCH1),
    },
  ],
});

export const sharedCareBands = defineParameter<readonly SharedCareBand[]>({
  name: 'scheme2003.shared_care_bands',
  description: 'Shared care: nights a year with the paying parent and the fraction by which the amount falls',
  unit: 'table',
  values: [
    {
      from: START,
      value: [
        { minNights: 52, numerator: 1, denominator: 7 },
        { minNights: 104, numerator: 2, denominator: 7 },
        { minNights: 156, numerator: 3, denominator: 7 },
        { minNights: 175, numerator: 1, denominator: 2 },
      ],
      reference: ref(`Child Support Act 1991 Sch 1 para 7(4) table ${T}`, SCH1),
    },
  ],
});

export const sharedCareHalfDeduction = defineParameter<string>({
  name: 'scheme2003.shared_care_half_deduction',
  description: 'Further weekly decrease for each child whose shared-care fraction is one-half (175+ nights)',
  unit: 'GBP_per_week',
  values: [{ from: START, value: '7', reference: ref(`Child Support Act 1991 Sch 1 para 7(6) ${T}`, SCH1) }],
});

export const sharedCareFloor = defineParameter<string>({
  name: 'scheme2003.shared_care_floor',
  description: 'Shared care may not take the weekly amount below this',
  unit: 'GBP_per_week',
  values: [{ from: START, value: '5', reference: ref(`Child Support Act 1991 Sch 1 para 7(7) ${T} (£5, not the 2012 scheme's £7)`, SCH1) }],
});

export const flatRateSharedCareNights = defineParameter<number>({
  name: 'scheme2003.flat_rate_shared_care_nights',
  description: 'Where the flat rate is due to a benefit, nights a year from which the amount to that receiving parent is nil',
  unit: 'nights',
  values: [{ from: START, value: 52, reference: ref(`Child Support Act 1991 Sch 1 para 8 ${T}`, SCH1) }],
});

export const sharedCareNightsPerWeeklyNight = defineParameter<number>({
  name: 'scheme2003.shared_care_nights_per_weekly_night',
  description: 'Nights a year counted for each night a week the child regularly stays with the paying parent',
  unit: 'nights',
  values: [
    {
      from: START,
      value: 52,
      reference: ref('SI 2001/155 reg 7 (nights counted over a 12-month period); one night a week is 52 nights a year', `${SI}7/made`),
    },
  ],
});

export const weeksInReferencePeriod = defineParameter<number>({
  name: 'scheme2003.instalment_reference_weeks',
  description: 'Weeks whose total is paid by equal instalments (Reckoner reads the weekly amount over 52 weeks, as for the 2012 scheme)',
  unit: 'count',
  values: [
    {
      from: START,
      value: 52,
      reference: ref(
        'Child Support (Collection and Enforcement) Regulations 1992 reg 4 (payment intervals)',
        'https://www.legislation.gov.uk/uksi/1992/1989/regulation/4',
      ),
    },
  ],
});

/** Every parameter of the scheme, for tests that check each value carries a citation. */
export const ALL_PARAMETERS: readonly Parameter<unknown>[] = [
  flatRate,
  nilRateIncomeBelow,
  flatRateIncomeUpTo,
  reducedRateIncomeBelow,
  basicRatePercent,
  relevantOtherChildrenPercent,
  reducedRateTable,
  incomeCap,
  sharedCareBands,
  sharedCareHalfDeduction,
  sharedCareFloor,
  flatRateSharedCareNights,
  sharedCareNightsPerWeeklyNight,
  weeksInReferencePeriod,
];
