/**
 * Every figure of the 2012 scheme, by date, each with its legal source. The figures have not been
 * uprated since the scheme became fully live on 25 November 2013 (PQ answer 19 Dec 2024: the flat rate
 * "was last reviewed in 2012"); the collection fees started on 11 August 2014.
 *
 * Amounts are strings so they become decimals without passing through a float.
 * @module
 */
import { flatString } from '../flat-string.ts';
import { defineParameter, type Parameter, type Reference } from '../parameters.ts';
import type { CivilDate } from '../dates.ts';

/** Counts of children as the Act groups them: one, two, "three or more". */
export type ChildCount = 1 | 2 | 3;
/** Relevant other children as the Act groups them: none, one, two, "three or more". */
export type OtherChildCount = 0 | 1 | 2 | 3;
export type ByChildren = Readonly<Record<ChildCount, string>>;
export type ByOtherChildren = Readonly<Record<OtherChildCount, string>>;
/** Reg 43 table: T by qualifying children (row) and relevant other children (column), in percent. */
export type ReducedRateTable = Readonly<Record<ChildCount, ByOtherChildren>>;
/** One shared-care band: from this many nights a year, the amount falls by numerator/denominator. */
export interface SharedCareBand {
  readonly minNights: number;
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * The dates for which this module's figures are coded. Before 25 November 2013 the 2012 scheme ran only
 * for pathfinder cases under a different reduced-rate table (see docs/legal-notes.md); after `through`
 * the figures must be checked again against the law before the range is extended.
 */
export const COVERAGE = {
  from: '2013-11-25' as CivilDate,
  through: '2027-04-05' as CivilDate,
  lastReviewed: '2026-11-23' as CivilDate,
} as const;

const FULLY_LIVE: CivilDate = '2013-11-25';
/** The 2012 scheme's first cases (pathfinder, 10 Dec 2012): the earliest date a liability schedule may start. */
export const SCHEME_START: CivilDate = '2012-12-10';

// Each link is joined from its act's address (calc/flat-string.ts says why it is made one piece).
const ref = (title: string, href: string): Reference => ({ title, href: flatString(href) });
const CSA = 'https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/';
const CSMCR = 'https://www.legislation.gov.uk/uksi/2012/2677/regulation/';
const FEES = 'https://www.legislation.gov.uk/uksi/2014/612/regulation/';

export const flatRate = defineParameter<string>({
  name: 'scheme2012.flat_rate',
  description: 'The flat rate, also the minimum weekly amount after shared care',
  unit: 'GBP_per_week',
  values: [
    {
      from: FULLY_LIVE,
      value: '7',
      reference: ref('Child Support Act 1991 Sch 1 para 4(1), "£5" replaced by "£7" by CMOPA 2008 Sch 4 para 4(b)', `${CSA}4`),
    },
  ],
});

export const nilRateIncomeBelow = defineParameter<string>({
  name: 'scheme2012.nil_rate_income_below',
  description: 'Gross weekly income (including reg 44 benefits) below which the nil rate applies: the flat rate',
  unit: 'GBP_per_week',
  values: [
    { from: FULLY_LIVE, value: '7', reference: ref('Child Support Act 1991 Sch 1 para 5(b); SI 2012/2677 reg 45(2)', `${CSMCR}45`) },
  ],
});

export const flatRateIncomeUpTo = defineParameter<string>({
  name: 'scheme2012.flat_rate_income_up_to',
  description: 'Gross weekly income at or below which the flat rate applies',
  unit: 'GBP_per_week',
  values: [{ from: FULLY_LIVE, value: '100', reference: ref('Child Support Act 1991 Sch 1 para 4(1)(a) ("£100 or less")', `${CSA}4`) }],
});

export const reducedRateIncomeBelow = defineParameter<string>({
  name: 'scheme2012.reduced_rate_income_below',
  description: 'Gross weekly income below which (and above the flat-rate limit) the reduced rate applies',
  unit: 'GBP_per_week',
  values: [
    {
      from: FULLY_LIVE,
      value: '200',
      reference: ref('Child Support Act 1991 Sch 1 para 3(1) ("less than £200 but more than £100")', `${CSA}3`),
    },
  ],
});

export const basicRatePercent = defineParameter<ByChildren>({
  name: 'scheme2012.basic_rate_percent',
  description: 'Basic rate: percentage of gross weekly income up to £800, by number of qualifying children',
  unit: 'percent',
  values: [
    {
      from: FULLY_LIVE,
      value: { 1: '12', 2: '16', 3: '19' },
      reference: ref('Child Support Act 1991 Sch 1 para 2(1), substituted by CMOPA 2008 Sch 4 para 3', `${CSA}2`),
    },
  ],
});

export const basicPlusFrom = defineParameter<string>({
  name: 'scheme2012.basic_plus_from',
  description: 'Weekly income above which the second ("basic plus") percentage applies',
  unit: 'GBP_per_week',
  values: [{ from: FULLY_LIVE, value: '800', reference: ref('Child Support Act 1991 Sch 1 para 2(2)', `${CSA}2`) }],
});

export const basicPlusPercent = defineParameter<ByChildren>({
  name: 'scheme2012.basic_plus_percent',
  description: 'Basic rate: percentage of gross weekly income above £800, by number of qualifying children',
  unit: 'percent',
  values: [{ from: FULLY_LIVE, value: { 1: '9', 2: '12', 3: '15' }, reference: ref('Child Support Act 1991 Sch 1 para 2(2)', `${CSA}2`) }],
});

export const incomeCap = defineParameter<string>({
  name: 'scheme2012.income_cap',
  description: 'Gross weekly income above this is ignored (the "capped amount")',
  unit: 'GBP_per_week',
  values: [
    {
      from: FULLY_LIVE,
      value: '3000',
      reference: ref('Child Support Act 1991 Sch 1 para 10(3); SI 2012/2677 reg 2 ("capped amount")', `${CSA}10`),
    },
  ],
});

export const relevantOtherChildrenPercent = defineParameter<ByOtherChildren>({
  name: 'scheme2012.relevant_other_children_percent',
  description: 'Reduction of gross weekly income for the basic rate, by number of relevant other children',
  unit: 'percent',
  values: [
    {
      from: FULLY_LIVE,
      value: { 0: '0', 1: '11', 2: '14', 3: '16' },
      reference: ref('Child Support Act 1991 Sch 1 para 2(3), as modified by SI 2012/2678 reg 2 (11%, 14%, 16%)', `${CSA}2`),
    },
  ],
});

export const reducedRateTable = defineParameter<ReducedRateTable>({
  name: 'scheme2012.reduced_rate_table',
  description: 'Reduced rate: T, the percentage applied to income between £100 and £200',
  unit: 'table',
  values: [
    {
      from: FULLY_LIVE,
      value: {
        1: { 0: '17', 1: '14.1', 2: '13.2', 3: '12.4' },
        2: { 0: '25', 1: '21.2', 2: '19.9', 3: '18.9' },
        3: { 0: '31', 1: '26.4', 2: '24.9', 3: '23.8' },
      },
      reference: ref('SI 2012/2677 reg 43(2) table, substituted by SI 2013/1654 reg 5(2)', `${CSMCR}43`),
    },
  ],
});

export const sharedCareBands = defineParameter<readonly SharedCareBand[]>({
  name: 'scheme2012.shared_care_bands',
  description: 'Shared care: nights a year with the paying parent and the fraction by which the amount falls',
  unit: 'table',
  values: [
    {
      from: FULLY_LIVE,
      value: [
        { minNights: 52, numerator: 1, denominator: 7 },
        { minNights: 104, numerator: 2, denominator: 7 },
        { minNights: 156, numerator: 3, denominator: 7 },
        { minNights: 175, numerator: 1, denominator: 2 },
      ],
      reference: ref('Child Support Act 1991 Sch 1 para 7(4) table', `${CSA}7`),
    },
  ],
});

export const sharedCareHalfDeduction = defineParameter<string>({
  name: 'scheme2012.shared_care_half_deduction',
  description: 'Further weekly decrease for each child whose shared-care fraction is one-half (175+ nights)',
  unit: 'GBP_per_week',
  values: [{ from: FULLY_LIVE, value: '7', reference: ref('Child Support Act 1991 Sch 1 para 7(6)', `${CSA}7`) }],
});

export const sharedCareFloor = defineParameter<string>({
  name: 'scheme2012.shared_care_floor',
  description: 'Shared care may not take the weekly amount below this',
  unit: 'GBP_per_week',
  values: [
    {
      from: FULLY_LIVE,
      value: '7',
      reference: ref('Child Support Act 1991 Sch 1 para 7(7), "£5" replaced by "£7" by CMOPA 2008 Sch 4 para 4(c)', `${CSA}7`),
    },
  ],
});

export const flatRateSharedCareNights = defineParameter<number>({
  name: 'scheme2012.flat_rate_shared_care_nights',
  description: 'Where the flat rate is due to a benefit, nights a year from which the amount to that receiving parent is nil',
  unit: 'nights',
  values: [{ from: FULLY_LIVE, value: 52, reference: ref('Child Support Act 1991 Sch 1 para 8', `${CSA}8`) }],
});

/**
 * Nights a year for one night a week. The law counts nights over a 12-month period (regs 46–47); advisers are
 * usually told a weekly pattern ("two nights a week"), which CMS turns into nights a year at 52 a night, the same
 * figure it assumes where shared care is agreed but not how much (one night a week, 52 nights: cms-rules.md §4.1.8).
 */
export const sharedCareNightsPerWeeklyNight = defineParameter<number>({
  name: 'scheme2012.shared_care_nights_per_weekly_night',
  description: 'Nights a year counted for each night a week the child regularly stays with the paying parent',
  unit: 'nights',
  values: [
    {
      from: FULLY_LIVE,
      value: 52,
      reference: ref(
        'SI 2012/2677 regs 46–47 (nights in a 12-month period); one night a week is 52 nights, as CMS assumes where shared care is agreed but not how much (Citizens Advice)',
        `${CSMCR}46`,
      ),
    },
  ],
});

export const defaultRate = defineParameter<ByChildren>({
  name: 'scheme2012.default_rate',
  description: 'Default rate where there is not enough information to make a calculation',
  unit: 'GBP_per_week',
  values: [{ from: FULLY_LIVE, value: { 1: '39', 2: '51', 3: '64' }, reference: ref('SI 2012/2677 reg 49(2)', `${CSMCR}49`) }],
});

/**
 * Special expenses (regs 63 and 65–67) count only from this weekly amount, each ground on its own; the illness or
 * disability of a relevant other child (reg 64) has no threshold. Counted in full once reached, not just the excess
 * (the 2003 scheme's "to the extent that they exceed" rule, SI 2001/156 reg 15, was not carried into 2012).
 * The £10 and "at least" are GOV.UK's words for each ground (cms-rules.md §8.1, S39/S40); reg 68's own text was not
 * retrieved when this was coded. Reg 63 is made "subject ... to regulation 68 (thresholds)"; reg 64's text has no
 * such words (both read in the 2012 draft and the 2020 revised text on legislation.gov.uk).
 */
export const specialExpensesThreshold = defineParameter<string>({
  name: 'scheme2012.special_expenses_threshold',
  description: 'Weekly amount each special-expenses ground (regs 63, 65, 66, 67) must reach to count',
  unit: 'GBP_per_week',
  values: [
    {
      from: FULLY_LIVE,
      value: '10',
      reference: ref('SI 2012/2677 reg 68 (thresholds): £10 a week for each ground (GOV.UK "Variations explained")', `${CSMCR}68`),
    },
  ],
});

/** Unearned income (ITTOIA 2005 Parts 3–5: property, savings and investments, miscellaneous) must reach this a year. */
export const unearnedIncomeThreshold = defineParameter<string>({
  name: 'scheme2012.unearned_income_threshold',
  description: 'Yearly unearned income at or above which it is a ground for a variation',
  unit: 'GBP',
  values: [
    {
      from: FULLY_LIVE,
      value: '2500',
      reference: ref('SI 2012/2677 reg 69(1) (unearned income "equal to or exceeding £2,500 per annum")', `${CSMCR}69`),
    },
  ],
});

/**
 * Assets (reg 69A) became a ground on 13 December 2018 (SI 2018/1279 reg 2); before that the 2012 scheme had no
 * assets ground (the 2003 scheme's £65,000 rule was not carried over), so the value is null. The assets must be worth
 * more than this; their whole value then earns the statutory rate of interest (`assetsYieldPercent`) a year, ÷ 52 for
 * the week. The £31,250 and 8% are from secondary sources (cms-rules.md §8.2, S7b); reg 69A's text was not retrieved.
 */
export const assetsThreshold = defineParameter<string | null>({
  name: 'scheme2012.assets_threshold',
  description: 'Value of assets above which they are a ground for a variation (null: no assets ground)',
  unit: 'GBP',
  values: [
    { from: FULLY_LIVE, value: null, reference: ref('No assets ground in SI 2012/2677 before reg 69A was inserted', `${CSMCR}69A`) },
    {
      from: '2018-12-13',
      value: '31250',
      reference: ref('SI 2012/2677 reg 69A, inserted by SI 2018/1279 reg 2 (assets over £31,250)', `${CSMCR}69A`),
    },
  ],
});

export const assetsYieldPercent = defineParameter<string>({
  name: 'scheme2012.assets_yield_percent',
  description: 'Yearly income assets are taken to yield, as a percentage of their value (the statutory rate of interest)',
  unit: 'percent',
  values: [
    {
      from: '2018-12-13',
      value: '8',
      reference: ref(
        'SI 2012/2677 reg 69A (statutory rate of interest, Judgments Act 1838 s.17: 8%), inserted by SI 2018/1279',
        `${CSMCR}69A`,
      ),
    },
  ],
});

/** Weeks a year's notional income from assets is divided by (reg 69A). */
export const assetsWeeksInYear = defineParameter<number>({
  name: 'scheme2012.assets_weeks_in_year',
  description: 'The yearly notional income from assets becomes weekly by dividing by this',
  unit: 'count',
  values: [
    { from: '2018-12-13', value: 52, reference: ref('SI 2012/2677 reg 69A, inserted by SI 2018/1279 (dividing by 52)', `${CSMCR}69A`) },
  ],
});

export const daysInYearForIncome = defineParameter<number>({
  name: 'scheme2012.income_days_in_year',
  description: 'Annual income becomes weekly by dividing by this and multiplying by 7',
  unit: 'days',
  values: [
    { from: FULLY_LIVE, value: 365, reference: ref('SI 2012/2677 reg 35(1)(c) ("dividing by 365 and multiplying by 7")', `${CSMCR}35`) },
  ],
});

export const currentIncomeDifferencePercent = defineParameter<string>({
  name: 'scheme2012.current_income_difference_percent',
  description: 'Current income is used when it differs from historic income by at least this percentage',
  unit: 'percent',
  values: [{ from: FULLY_LIVE, value: '25', reference: ref('SI 2012/2677 reg 34(2)(a)', `${CSMCR}34`) }],
});

export const incomeChangeTolerancePercent = defineParameter<string>({
  name: 'scheme2012.income_change_tolerance_percent',
  description: 'A change in current income is acted on (the calculation superseded) only when it is at least this percentage',
  unit: 'percent',
  values: [
    { from: FULLY_LIVE, value: '25', reference: ref('SI 2012/2677 reg 23 (changes of income below this are not acted on)', `${CSMCR}23`) },
  ],
});

export const weeksInReferencePeriod = defineParameter<number>({
  name: 'scheme2012.instalment_reference_weeks',
  description: 'Weeks in the reference period whose total is paid by equal instalments',
  unit: 'count',
  values: [
    {
      from: FULLY_LIVE,
      value: 52,
      reference: ref(
        'Child Support (Collection and Enforcement) Regulations 1992 reg 4, as substituted by SI 2012/2785 reg 4(2)',
        'https://www.legislation.gov.uk/uksi/1992/1989/regulation/4',
      ),
    },
  ],
});

export const collectionFeePayingPercent = defineParameter<string>({
  name: 'fees.collection_paying_parent_percent',
  description: 'Collect and Pay: fee added to what the paying parent pays, as a percentage of the maintenance',
  unit: 'percent',
  values: [
    { from: SCHEME_START, value: '0', reference: ref('No collection fees before SI 2014/612 reg 7 came into force', `${FEES}7`) },
    { from: '2014-08-11', value: '20', reference: ref('Child Support Fees Regulations 2014 (SI 2014/612) reg 7', `${FEES}7`) },
  ],
});

export const collectionFeeReceivingPercent = defineParameter<string>({
  name: 'fees.collection_receiving_parent_percent',
  description: 'Collect and Pay: fee taken from what the receiving parent is paid, as a percentage',
  unit: 'percent',
  values: [
    { from: SCHEME_START, value: '0', reference: ref('No collection fees before SI 2014/612 reg 7 came into force', `${FEES}7`) },
    { from: '2014-08-11', value: '4', reference: ref('Child Support Fees Regulations 2014 (SI 2014/612) reg 7', `${FEES}7`) },
  ],
});

export const applicationFee = defineParameter<string>({
  name: 'fees.application',
  description: 'Fee for applying to the Child Maintenance Service',
  unit: 'GBP',
  values: [
    { from: FULLY_LIVE, value: '0', reference: ref('No application fee before SI 2014/612 regs 3–5 came into force', `${FEES}3`) },
    { from: '2014-06-30', value: '20', reference: ref('Child Support Fees Regulations 2014 (SI 2014/612) reg 4', `${FEES}4`) },
    {
      from: '2024-02-26',
      value: '0',
      reference: ref(
        'Child Support (Management of Payments and Arrears and Fees) (Amendment) Regulations 2024 (SI 2024/87)',
        'https://www.legislation.gov.uk/uksi/2024/87/made',
      ),
    },
  ],
});

/** The enforcement actions that carry a charge (the reg 10 table's rows). */
export const ENFORCEMENT_ACTIONS = [
  'deduction_from_earnings_order',
  'deduction_from_earnings_request',
  'regular_deduction_order',
  'lump_sum_deduction_order',
  'liability_order',
] as const;
export type EnforcementAction = (typeof ENFORCEMENT_ACTIONS)[number];

/** Enforcement charges (reg 10 table), charged to the paying parent per action; an empty table before they began. */
export const enforcementCharges = defineParameter<Readonly<Partial<Record<EnforcementAction, string>>>>({
  name: 'fees.enforcement',
  description: 'Enforcement charges by action',
  unit: 'table',
  values: [
    { from: FULLY_LIVE, value: {}, reference: ref('No enforcement charges before SI 2014/612 came into force', `${FEES}10`) },
    {
      from: '2014-06-30',
      value: {
        deduction_from_earnings_order: '50',
        deduction_from_earnings_request: '50',
        regular_deduction_order: '50',
        lump_sum_deduction_order: '200',
        liability_order: '300',
      },
      reference: ref('Child Support Fees Regulations 2014 (SI 2014/612) reg 10', `${FEES}10`),
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
  basicPlusFrom,
  basicPlusPercent,
  incomeCap,
  relevantOtherChildrenPercent,
  reducedRateTable,
  sharedCareBands,
  sharedCareHalfDeduction,
  sharedCareFloor,
  flatRateSharedCareNights,
  sharedCareNightsPerWeeklyNight,
  defaultRate,
  specialExpensesThreshold,
  unearnedIncomeThreshold,
  assetsThreshold,
  assetsYieldPercent,
  assetsWeeksInYear,
  daysInYearForIncome,
  currentIncomeDifferencePercent,
  incomeChangeTolerancePercent,
  weeksInReferencePeriod,
  collectionFeePayingPercent,
  collectionFeeReceivingPercent,
  applicationFee,
  enforcementCharges,
];
