/**
 * The 2012 statutory scheme, end to end: income, variations, the rate, children under other
 * arrangements, apportionment between receiving parents, shared care, the £7 floor, and collection fees.
 *
 * Order of operations (Child Support Act 1991 Sch 1 para 1(2)): work out the rate on the paying parent's
 * gross weekly income, round it to the whole pound (reg 6), apportion it between receiving parents
 * (para 6), then adjust each share for shared care (para 7 or 8) to the penny.
 * @module
 */
import { apportion } from '../apportion.ts';
import { isCivilDate, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { nonNegativeMoney, wholeNumber } from '../input.ts';
import { FREQUENCIES, instalment, perFrequency, type Frequency } from '../frequency.ts';
import {
  Dec,
  formatFraction,
  formatMoney,
  pounds,
  money,
  roundPenny,
  roundPound,
  timesFraction,
  type Dec as Decimal,
  type Fraction,
  type MoneyInput,
} from '../money.ts';
import { Trace, type TraceStep } from '../trace.ts';
import { PERIOD_WORDS, weeklyIncomeFrom, weeklyPension, type PeriodAmount } from './income.ts';
import { LAW } from './law.ts';
import type { ChildCount, OtherChildCount } from './parameters.ts';
import { parametersOn, type Scheme2012Parameters } from './resolve.ts';
import { readOut } from './read-out.ts';
import { averageFraction, isHalfBand, sharedCareBandOf, sharedCareFraction, type SharedCareBandRange } from './shared-care.ts';
import { STEP } from './steps.ts';
import {
  barredVariationsWarning,
  checkVariations,
  hasVariations,
  variationTotals,
  type VariationTotals,
  type VariationsInput,
} from './variations.ts';

/** Reg 45(1) descriptions of paying parent who pay nothing. */
export const NIL_RATE_REASONS = ['child', 'prisoner', 'aged_16_or_17_on_benefit', 'work_based_training', 'care_home_or_hospital'] as const;
export type NilRateReason = (typeof NIL_RATE_REASONS)[number];

const NIL_RATE_REASON_WORDS: Record<NilRateReason, string> = {
  child: 'the paying parent is a child (reg 45(1)(a))',
  prisoner: 'the paying parent is a prisoner (reg 45(1)(b))',
  aged_16_or_17_on_benefit: 'the paying parent is 16 or 17 and they or their partner get a means-tested benefit (reg 45(1)(c))',
  work_based_training: 'the paying parent gets an allowance for work-based training for young people (reg 45(1)(d))',
  care_home_or_hospital: 'the paying parent lives in a care home or independent hospital (reg 45(1)(e))',
};

/**
 * Which list of reg 44 a flat-rate benefit is on, where that is known (`true` says only "a reg 44 benefit"):
 * - `reg_44_1`: a benefit of the paying parent's own listed for Sch 1 para 4(1)(b) (e.g. state retirement pension,
 *   carer's allowance, contribution-based JSA); an additional-income variation can still apply (reg 70);
 * - `reg_44_2`: a means-tested benefit of the paying parent or their partner, listed for para 4(1)(c) (income
 *   support, income-based JSA, income-related ESA, pension credit, universal credit with no earnings); no
 *   variation can be made (reg 57(1)(d));
 * - `reg_44_2_couple`: as `reg_44_2`, and the paying parent's partner is also a paying parent: each pays half the
 *   flat rate (Sch 1 para 4(2)).
 */
export const FLAT_RATE_BENEFITS = ['reg_44_1', 'reg_44_2', 'reg_44_2_couple'] as const;
export type FlatRateBenefit = (typeof FLAT_RATE_BENEFITS)[number];

export const COLLECTION_SERVICES = ['direct_pay', 'collect_and_pay'] as const;
export type CollectionService = (typeof COLLECTION_SERVICES)[number];

export const RATES = ['nil', 'flat', 'reduced', 'basic', 'basic_plus', 'default'] as const;
export type Rate = (typeof RATES)[number];

/** Most nights in a 12-month period (one that includes 29 February). */
export const MAX_NIGHTS_PER_YEAR = 366;
/** Most nights in a week. */
export const MAX_NIGHTS_PER_WEEK = 7;

/** The periods nights may be given over: a regular weekly pattern, or the law's own count over 12 months. */
export const NIGHTS_PERIODS = ['week', 'year'] as const;
export type NightsPeriod = (typeof NIGHTS_PERIODS)[number];

export interface ChildInput {
  readonly id?: string;
  /** Nights a year the child spends with the paying parent (regs 46–47); 0 if not given. */
  readonly nightsPerYear?: number;
  /** Or nights over a period: a weekly pattern becomes nights a year at 52 a night (the shared-care parameter). */
  readonly nights?: { readonly count: number; readonly period: NightsPeriod };
}

export interface ReceivingParentInput {
  readonly id?: string;
  /** The qualifying children this receiving parent cares for. */
  readonly children: readonly ChildInput[];
}

export interface PayingParentInput {
  /** Gross weekly income as already worked out (e.g. from a CMS decision letter). */
  readonly grossWeeklyIncome?: MoneyInput;
  /** Or gross income over a period; converted to weekly as reg 35 does it. */
  readonly income?: PeriodAmount;
  /** Pension contributions to deduct that are not already taken off the income figure (reg 35(3)). */
  readonly pensionContributions?: PeriodAmount;
  /** The paying parent (or, for some benefits, their partner) gets a benefit listed in reg 44: flat rate. */
  readonly flatRateBenefit?: boolean | FlatRateBenefit;
  /** The paying parent is of a reg 45(1) description: nil rate. */
  readonly nilRateReason?: NilRateReason;
  /** Other children in the paying parent's household for whom they or their partner get child benefit. */
  readonly relevantOtherChildren?: number;
  /** The paying parent's children covered by another maintenance arrangement, e.g. a court order (para 5A). */
  readonly otherArrangementChildren?: number;
}

export interface MaintenanceInput {
  /** The day the calculation is for (its effective date). */
  readonly date: CivilDate;
  readonly payingParent: PayingParentInput;
  readonly receivingParents: readonly ReceivingParentInput[];
  /** Agreed weekly totals, or the grounds one by one (variations.ts). */
  readonly variations?: VariationsInput;
  /** Default rate (reg 49): CMS has not enough information to make a calculation. */
  readonly defaultRate?: boolean;
  readonly collection?: CollectionService;
}

export interface ChildResult {
  readonly id: string;
  readonly nightsPerYear: number;
  /** The nights a week given, when they were given that way; null when given a year (or not at all). */
  readonly nightsPerWeek: number | null;
  /** The para 7(4) band the nights fall in (0 to 51 nights: no decrease). */
  readonly band: SharedCareBandRange;
  readonly sharedCareFraction: Fraction;
}

export interface ReceivingParentResult {
  readonly id: string;
  /** What this receiving parent is owed each week. */
  readonly weeklyAmount: Decimal;
  /** The decrease applied for shared care (para 7(5): the average of the children's fractions). */
  readonly sharedCareFraction: Fraction;
  readonly children: readonly ChildResult[];
}

export interface CollectionCharges {
  readonly payingParentPercent: Decimal;
  readonly receivingParentPercent: Decimal;
  /** Per frequency: the maintenance instalment, the fee added to it, and what the paying parent pays in all. */
  readonly payingParent: Record<Frequency, { maintenance: Decimal; fee: Decimal; total: Decimal }>;
  /** Per receiving parent and frequency: the maintenance, the fee taken off it, and what they receive. */
  readonly receivingParents: readonly {
    id: string;
    perFrequency: Record<Frequency, { maintenance: Decimal; fee: Decimal; net: Decimal }>;
  }[];
}

export interface MaintenanceResult {
  readonly scheme: '2012';
  readonly date: CivilDate;
  readonly rate: Rate;
  /** Gross weekly income the rate was worked out on (after variations and the cap); null where none was needed. */
  readonly grossWeeklyIncome: Decimal | null;
  /** What the paying parent owes each week, all receiving parents together, before any collection fee. */
  readonly weeklyAmount: Decimal;
  readonly receivingParents: readonly ReceivingParentResult[];
  /** The weekly amount as equal instalments at each frequency (52-week reference period). */
  readonly perFrequency: Record<Frequency, Decimal>;
  readonly collection: CollectionService;
  readonly collectionCharges?: CollectionCharges;
  /** Things the user should know that do not stop the calculation. */
  readonly warnings: readonly string[];
  /** The answer in one or two plain sentences an adviser can say aloud: words around this result's own figures. */
  readonly readOut: string;
  readonly trace: readonly TraceStep[];
}

interface NormalisedParent {
  id: string;
  /** How the working names them: the id given, else "the receiving parent" (or "receiving parent 2" among several). */
  name: string;
  children: { id: string; name: string; nightsPerYear: number; nightsPerWeek: number | null }[];
}

/** A name at the start of a sentence. */
const capital = (s: string): string => `${s[0]!.toUpperCase()}${s.slice(1)}`;

function amount(field: string, value: MoneyInput | undefined): Decimal | undefined {
  return value === undefined ? undefined : nonNegativeMoney(field, value);
}

/**
 * A child's nights a year, from `nightsPerYear` or from `nights` over a period. Nights a week are whole nights, 0 to 7;
 * each counts as 52 nights a year (`sharedCareNightsPerWeeklyNight`), so 2 a week is 104 a year.
 */
function nightsOf(child: ChildInput, field: string, params: Scheme2012Parameters): { nightsPerYear: number; nightsPerWeek: number | null } {
  if (child.nights === undefined) {
    return { nightsPerYear: wholeNumber(`${field}.nightsPerYear`, child.nightsPerYear, MAX_NIGHTS_PER_YEAR), nightsPerWeek: null };
  }
  if (child.nightsPerYear !== undefined) throw new InputError(`${field}.nights`, 'give either nightsPerYear or nights, not both');
  const { count, period } = child.nights;
  if (!NIGHTS_PERIODS.includes(period)) throw new InputError(`${field}.nights.period`, `must be one of ${NIGHTS_PERIODS.join(', ')}`);
  if (period === 'year') return { nightsPerYear: wholeNumber(`${field}.nights.count`, count, MAX_NIGHTS_PER_YEAR), nightsPerWeek: null };
  const perWeek = wholeNumber(`${field}.nights.count`, count);
  if (perWeek > MAX_NIGHTS_PER_WEEK) {
    throw new InputError(
      `${field}.nights.count`,
      `a week has ${MAX_NIGHTS_PER_WEEK} nights (got ${perWeek}); for nights a year, give the period "year"`,
    );
  }
  return { nightsPerYear: perWeek * params.sharedCareNightsPerWeeklyNight.value, nightsPerWeek: perWeek };
}

function normaliseParents(input: MaintenanceInput, params: Scheme2012Parameters): NormalisedParent[] {
  if (!input.receivingParents || input.receivingParents.length === 0) {
    throw new InputError('receivingParents', 'give at least one receiving parent, each with the children they care for');
  }
  const seen = new Set<string>();
  let childNumber = 0;
  return input.receivingParents.map((rp, i) => {
    const id = rp.id ?? `receiving_parent_${i + 1}`;
    if (seen.has(id)) throw new InputError(`receivingParents[${i}].id`, `"${id}" is used twice; give each person a different id`);
    seen.add(id);
    if (!rp.children || rp.children.length === 0) {
      throw new InputError(`receivingParents[${i}].children`, 'give at least one qualifying child for this receiving parent');
    }
    const children = rp.children.map((child, j) => {
      childNumber++;
      const childId = child.id ?? `child_${childNumber}`;
      if (seen.has(childId)) {
        throw new InputError(`receivingParents[${i}].children[${j}].id`, `"${childId}" is used twice; give each child a different id`);
      }
      seen.add(childId);
      const nights = nightsOf(child, `receivingParents[${i}].children[${j}]`, params);
      return { id: childId, name: child.id ?? `child ${childNumber}`, ...nights };
    });
    const name = rp.id ?? (input.receivingParents.length === 1 ? 'the receiving parent' : `receiving parent ${i + 1}`);
    return { id, name, children };
  });
}

const clampCount = <T extends number>(n: number, max: T): T => Math.min(n, max) as T;

/**
 * Works out the weekly child maintenance under the 2012 scheme for one paying parent, with every step
 * traced to its legal source. Pure: the same input always gives the same result.
 *
 * @throws {InputError} when the input is incomplete or impossible; the error names the field.
 * @throws {OutOfCoverageError} when `date` is outside the dates the coded figures cover.
 * @example
 * calculateMaintenance({ date: '2026-04-06', payingParent: { grossWeeklyIncome: '500' },
 *   receivingParents: [{ children: [{ nightsPerYear: 52 }] }] }).weeklyAmount // 51.43
 */
export function calculateMaintenance(input: MaintenanceInput): MaintenanceResult {
  if (typeof input.date !== 'string' || !isCivilDate(input.date)) {
    throw new InputError('date', `must be a real date written YYYY-MM-DD (got ${JSON.stringify(input.date)})`);
  }
  const params = parametersOn(input.date);
  const trace = new Trace();
  const warnings: string[] = [];
  const payer = input.payingParent ?? {};
  const parents = normaliseParents(input, params);
  const qualifying = parents.reduce((n, p) => n + p.children.length, 0);
  const relevantOther = wholeNumber('payingParent.relevantOtherChildren', payer.relevantOtherChildren);
  const otherArrangement = wholeNumber('payingParent.otherArrangementChildren', payer.otherArrangementChildren);
  checkVariations(input.variations);
  const collection = input.collection ?? 'direct_pay';
  if (!COLLECTION_SERVICES.includes(collection)) {
    throw new InputError('collection', `must be one of ${COLLECTION_SERVICES.join(', ')}`);
  }
  if (
    payer.flatRateBenefit !== undefined &&
    typeof payer.flatRateBenefit !== 'boolean' &&
    !FLAT_RATE_BENEFITS.includes(payer.flatRateBenefit)
  ) {
    throw new InputError('payingParent.flatRateBenefit', `must be true, false or one of ${FLAT_RATE_BENEFITS.join(', ')}`);
  }
  if (payer.nilRateReason !== undefined && !NIL_RATE_REASONS.includes(payer.nilRateReason)) {
    throw new InputError('payingParent.nilRateReason', `must be one of ${NIL_RATE_REASONS.join(', ')}`);
  }
  if (payer.grossWeeklyIncome !== undefined && payer.income !== undefined) {
    throw new InputError('payingParent.income', 'give either grossWeeklyIncome or income, not both');
  }

  trace.add(
    STEP.qualifyingChildren,
    `${qualifying} qualifying ${qualifying === 1 ? 'child' : 'children'} with ${parents.length} receiving ${parents.length === 1 ? 'parent' : 'parents'}`,
    String(qualifying),
    LAW.order,
  );
  const perNight = params.sharedCareNightsPerWeeklyNight;
  for (const c of parents.flatMap((p) => p.children)) {
    if (c.nightsPerWeek === null) continue;
    trace.add(
      STEP.sharedCareNights,
      `${capital(c.name)}: ${c.nightsPerWeek} ${c.nightsPerWeek === 1 ? 'night' : 'nights'} a week × ${perNight.value} = ${c.nightsPerYear} nights a year`,
      String(c.nightsPerYear),
      perNight.reference,
    );
  }

  // 1. Gross weekly income, where the rate needs one.
  const income = grossWeeklyIncome(input, params, trace);
  // No variation can be made under a default maintenance decision or on a reg 44(2) flat rate (reg 57(1)(c)–(d)).
  const bar = input.defaultRate ? 'default_rate' : isReg44_2(payer.flatRateBenefit) ? 'reg_44_2' : undefined;
  if (bar) barredVariationsWarning(input.variations, bar, trace, warnings);
  const totals: VariationTotals = bar
    ? { special: undefined, additional: undefined }
    : variationTotals(input.variations, params, trace, warnings);
  const { special, additional } = totals;
  const incomeNeeded = !input.defaultRate && payer.nilRateReason === undefined && !payer.flatRateBenefit;
  if (income === undefined && (incomeNeeded || (payer.flatRateBenefit && additional?.gt(0)))) {
    throw new InputError(
      'payingParent.income',
      "give the paying parent's income (income with a period, or grossWeeklyIncome), " +
        'or say why none is needed (flatRateBenefit, nilRateReason or defaultRate)',
    );
  }
  const varied = income === undefined ? undefined : applyVariations(income, special, additional, params, trace, warnings, payer.income);
  const implausible = implausibleYearlyIncome(payer.income, params);
  if (implausible) warnings.push(implausible);

  // 2. The rate (whole pounds), on all the paying parent's children including those under other arrangements.
  const counted = qualifying + otherArrangement;
  const q = clampCount<ChildCount>(counted, 3);
  const r = clampCount<OtherChildCount>(relevantOther, 3);
  const {
    rate,
    flatBecauseOfBenefit,
    amount: rateAmount,
  } = chooseRate(input, varied, totals, { q, r, qualifying }, params, trace, warnings);

  // 3. Para 5A: only the qualifying children's part of the rate is payable under this calculation.
  let payable = rateAmount;
  if (otherArrangement > 0 && (rate === 'reduced' || rate === 'basic' || rate === 'basic_plus')) {
    const share = roundPenny(rateAmount.times(qualifying).dividedBy(counted));
    const minimum = new Dec(params.flatRate.value);
    payable = Dec.max(share, minimum);
    trace.add(
      STEP.otherArrangementChildren,
      `${pounds(rateAmount)} × ${qualifying} qualifying ÷ ${counted} children in all (${otherArrangement} under another arrangement) = ${pounds(share)}` +
        (share.lt(minimum) ? `, raised to the ${pounds(minimum)} minimum` : ''),
      formatMoney(payable),
      share.lt(minimum) ? LAW.otherArrangementsMinimum : LAW.otherArrangements,
    );
  }

  // 4. Para 6: apportion between receiving parents by number of qualifying children.
  const weights = parents.map((p) => p.children.length);
  let shares = parents.length > 1 ? apportion(payable, weights) : [payable];
  if (parents.length > 1) {
    trace.add(
      STEP.apportionment,
      `${pounds(payable)} shared by number of qualifying children (${weights.join(' : ')}): ` +
        parents.map((p, i) => `${p.name} ${pounds(shares[i]!)}`).join(', ') +
        ' (any odd penny goes to the share that lost most in rounding, so the shares add up to the whole)',
      formatMoney(payable),
      LAW.apportionment,
    );
  }

  // 5. Shared care (para 7 for basic and reduced rates, para 8 for a flat rate due to a benefit).
  const fractions = parents.map((p) => p.children.map((c) => sharedCareFraction(c.nightsPerYear, params.sharedCareBands.value)));
  const parentFractions = fractions.map((fs) => averageFraction(fs));
  let sharedCareApplied = false;
  if (rate === 'reduced' || rate === 'basic' || rate === 'basic_plus') {
    shares = shares.map((share, i) => {
      const parent = parents[i]!;
      const f = parentFractions[i]!;
      const halves = parent.children.filter((c) => isHalfBand(c.nightsPerYear, params.sharedCareBands.value)).length;
      if (f.numerator === 0) return share;
      sharedCareApplied = true;
      const childFractions = fractions[i]!.map(formatFraction).join(' + ');
      const decreased = roundPenny(share.minus(timesFraction(share, f)));
      trace.add(
        STEP.sharedCare,
        `${capital(parent.name)}: nights ${parent.children.map((c) => c.nightsPerYear).join(', ')} give ${childFractions}` +
          (parent.children.length > 1 ? `, averaged over ${parent.children.length} children = ${formatFraction(f)}` : '') +
          `; ${pounds(share)} × (1 − ${formatFraction(f)}) = ${pounds(decreased)}`,
        formatMoney(decreased),
        parent.children.length > 1 ? LAW.sharedCareSeveralChildren : params.sharedCareBands.reference,
      );
      if (halves === 0) return decreased;
      const deduction = new Dec(params.sharedCareHalfDeduction.value).times(halves);
      const after = Dec.max(0, decreased.minus(deduction));
      trace.add(
        STEP.sharedCareHalfDeduction,
        `${capital(parent.name)}: ${halves} ${halves === 1 ? 'child has' : 'children have'} 175 or more nights, so a further £${params.sharedCareHalfDeduction.value} each comes off: ${pounds(decreased)} − ${pounds(deduction)} = ${pounds(after)}` +
          (decreased.lt(deduction) ? ' (not below nil)' : ''),
        formatMoney(after),
        params.sharedCareHalfDeduction.reference,
      );
      return after;
    });
    const total = shares.reduce((a, b) => a.plus(b), new Dec(0));
    const floor = new Dec(params.sharedCareFloor.value);
    if (sharedCareApplied && total.lt(floor)) {
      shares = parents.length > 1 ? apportion(floor, weights) : [floor];
      trace.add(
        STEP.sharedCareFloor,
        `Shared care would leave ${pounds(total)} a week, below the £${params.sharedCareFloor.value} minimum, so £${params.sharedCareFloor.value} is payable` +
          (parents.length > 1 ? `, shared ${parents.map((p, i) => `${p.name} ${pounds(shares[i]!)}`).join(', ')}` : ''),
        formatMoney(floor),
        params.sharedCareFloor.reference,
      );
    }
  } else if (rate === 'default') {
    // The default rate is a fixed sum for the number of children (reg 49): nights with the paying parent change
    // nothing until CMS can calculate, so say so rather than leave nights given unused in silence.
    const firstBand = Math.min(...params.sharedCareBands.value.map((b) => b.minNights));
    const counted = parents.flatMap((p) => p.children).filter((c) => c.nightsPerYear >= firstBand);
    if (counted.length > 0) {
      warnings.push(
        `The default rate (${params.defaultRate.reference.title}) is a fixed amount for the number of children, so the nights given ` +
          `(${counted.map((c) => `${c.name}: ${c.nightsPerYear} a year`).join('; ')}) do not reduce it; they will once CMS has what it needs to calculate.`,
      );
    }
  } else if (rate === 'flat' && flatBecauseOfBenefit) {
    const minNights = params.flatRateSharedCareNights.value;
    shares = shares.map((share, i) => {
      const parent = parents[i]!;
      if (!parent.children.some((c) => c.nightsPerYear >= minNights)) return share;
      trace.add(
        STEP.flatRateSharedCare,
        `${capital(parent.name)}: the flat rate is due to a benefit and a child stays ${minNights} or more nights a year with the paying parent, so nothing is payable to ${parent.name}`,
        '0.00',
        params.flatRateSharedCareNights.reference,
      );
      return new Dec(0);
    });
  } else if (rate === 'flat' && parents.some((p) => p.children.some((c) => c.nightsPerYear > 0))) {
    trace.add(
      STEP.flatRateSharedCare,
      'The flat rate is due to income of £100 a week or less, so shared care does not change it',
      formatMoney(payable),
      LAW.flatRateSharedCare,
    );
  }

  for (const p of parents) {
    for (const c of p.children) {
      if (c.nightsPerYear > 182) {
        warnings.push(
          `${capital(c.name)} spends ${c.nightsPerYear} nights a year with the paying parent. A parent who gives day-to-day care to the same ` +
            'extent as the other parent, or more, is not the paying parent (reg 50); check who should be paying.',
        );
      }
    }
  }

  const weeklyAmount = shares.reduce((a, b) => a.plus(b), new Dec(0));
  trace.add(
    STEP.weeklyAmount,
    parents.length > 1
      ? `Weekly amount: ${parents.map((p, i) => `${pounds(shares[i]!)}`).join(' + ')} = ${pounds(weeklyAmount)}`
      : `Weekly amount: ${pounds(weeklyAmount)}`,
    formatMoney(weeklyAmount),
    LAW.order,
  );

  const weeks = params.weeksInReferencePeriod.value;
  const frequencies = perFrequency(weeklyAmount, weeks);
  trace.add(
    STEP.instalments,
    `Paid in equal instalments over a ${weeks}-week period: weekly ${pounds(weeklyAmount)} × ${weeks} ÷ 12 = monthly ${pounds(frequencies.monthly)}`,
    formatMoney(frequencies.monthly),
    params.weeksInReferencePeriod.reference,
  );

  const collectionCharges = collection === 'collect_and_pay' ? collectionFees(weeklyAmount, parents, shares, params, trace) : undefined;

  const result: Omit<MaintenanceResult, 'readOut'> = {
    scheme: '2012',
    date: input.date,
    rate,
    grossWeeklyIncome: varied ?? null,
    weeklyAmount,
    receivingParents: parents.map((p, i) => ({
      id: p.id,
      weeklyAmount: shares[i]!,
      sharedCareFraction:
        rate === 'reduced' || rate === 'basic' || rate === 'basic_plus' ? parentFractions[i]! : { numerator: 0, denominator: 1 },
      children: p.children.map((c, j) => ({
        id: c.id,
        nightsPerYear: c.nightsPerYear,
        nightsPerWeek: c.nightsPerWeek,
        band: sharedCareBandOf(c.nightsPerYear, params.sharedCareBands.value),
        sharedCareFraction: fractions[i]![j]!,
      })),
    })),
    perFrequency: frequencies,
    collection,
    ...(collectionCharges ? { collectionCharges } : {}),
    warnings,
    trace: trace.steps,
  };
  return { ...result, readOut: readOut(input, result, parents) };
}

function grossWeeklyIncome(input: MaintenanceInput, params: Scheme2012Parameters, trace: Trace): Decimal | undefined {
  const payer = input.payingParent ?? {};
  if (payer.income !== undefined) {
    return weeklyIncomeFrom(payer.income, payer.pensionContributions, params, trace);
  }
  const given = amount('payingParent.grossWeeklyIncome', payer.grossWeeklyIncome);
  if (given === undefined) return undefined;
  let weekly = roundPenny(given);
  trace.add(STEP.incomeWeekly, `Gross weekly income given: ${pounds(weekly)}`, formatMoney(weekly), LAW.historicIncome);
  if (payer.pensionContributions) {
    const pension = weeklyPension(payer.pensionContributions, params);
    weekly = Dec.max(0, weekly.minus(pension));
    trace.add(STEP.pensionContributions, `Less pension contributions of ${pounds(pension)} a week`, formatMoney(weekly), LAW.pensionRelief);
  }
  return weekly;
}

/**
 * Regs 72–73: special expenses come off gross weekly income and additional income is added to it. Where
 * income is above the cap, expenses come off the actual income first (reg 72(2)), so the net effect is
 * min(cap, actual + additional − expenses).
 */
function applyVariations(
  income: Decimal,
  special: Decimal | undefined,
  additional: Decimal | undefined,
  params: Scheme2012Parameters,
  trace: Trace,
  warnings: string[],
  given: PeriodAmount | undefined,
): Decimal {
  let weekly = income;
  if (additional && additional.gt(0)) {
    const after = weekly.plus(additional);
    trace.add(
      STEP.variationAdditionalIncome,
      `${pounds(weekly)} + additional income ${pounds(additional)} = ${pounds(after)}`,
      formatMoney(after),
      LAW.additionalIncome,
    );
    weekly = after;
  }
  if (special && special.gt(0)) {
    const after = Dec.max(0, weekly.minus(special));
    trace.add(
      STEP.variationSpecialExpenses,
      `${pounds(weekly)} − special expenses ${pounds(special)} = ${pounds(after)}`,
      formatMoney(after),
      LAW.specialExpenses,
    );
    weekly = after;
  }
  const cap = new Dec(params.incomeCap.value);
  if (weekly.gt(cap)) {
    trace.add(
      STEP.incomeCap,
      `Income above ${pounds(cap)} a week is ignored: ${pounds(weekly)} → ${pounds(cap)}`,
      formatMoney(cap),
      params.incomeCap.reference,
    );
    warnings.push(capWarning(income, weekly, weekly !== income, given, params));
    weekly = cap;
  }
  return weekly;
}

const PERIOD_ADJECTIVES: Record<PeriodAmount['period'], string> = {
  week: 'weekly',
  four_weeks: 'four-weekly',
  month: 'monthly',
  year: 'yearly',
};

/**
 * Income above the cap is ignored (Sch 1 para 10(3)). That is the law working, but on an advice line a capped
 * income is more often a slip: a year's pay given "a week" (£32,000 a week is £1.66 million a year). So whenever
 * the cap bites the warning says so, with the figure as given; unless the figure was given as a year, it asks
 * for the period to be checked.
 */
function capWarning(
  income: Decimal,
  uncapped: Decimal,
  varied: boolean,
  given: PeriodAmount | undefined,
  params: Scheme2012Parameters,
): string {
  const cap = new Dec(params.incomeCap.value);
  const subject = given
    ? `Gross income of ${pounds(money(given.amount))} ${PERIOD_WORDS[given.period]}`
    : `Gross weekly income of ${pounds(income)}`;
  const weekly = varied
    ? ` is ${pounds(uncapped)} a week with the variations,`
    : given && given.period !== 'week'
      ? ` is ${pounds(uncapped)} a week,`
      : ' is';
  const check =
    given && given.period !== 'year'
      ? ` A ${PERIOD_ADJECTIVES[given.period]} income that high is rare: check the period (is ${pounds(money(given.amount))} a year's income?).`
      : '';
  return `${subject}${weekly} above the ${pounds(cap)} a week cap (${params.incomeCap.reference.title}), so the calculation uses ${pounds(cap)} a week.${check}`;
}

/**
 * A year's income below £100 (the flat-rate limit for a single week, Sch 1 para 4(1)(a)), that is less than one
 * week's pay at the bottom of the scale, is almost always a weekly or monthly figure given as "a year", or a slip in
 * the amount. A real income that low pays the nil rate anyway (under £7 a week, reg 45(2)), so the warning costs
 * nothing when it is genuine. Nil is not warned about (no income is a real answer), nor are small monthly or
 * four-weekly figures (£90 a month is a real, if small, income).
 */
function implausibleYearlyIncome(given: PeriodAmount | undefined, params: Scheme2012Parameters): string | undefined {
  if (given === undefined || given.period !== 'year') return undefined;
  const amount = money(given.amount);
  const limit = new Dec(params.flatRateIncomeUpTo.value);
  if (amount.isZero() || amount.gte(limit)) return undefined;
  return (
    `Gross income of ${pounds(amount)} a year is less than ${pounds(limit)}, the flat-rate limit for a single week ` +
    `(${params.flatRateIncomeUpTo.reference.title}); a year's income that low is more likely a weekly or monthly figure: check the period.`
  );
}

interface RateChoice {
  rate: Rate;
  amount: Decimal;
  flatBecauseOfBenefit: boolean;
}

const isReg44_2 = (benefit: PayingParentInput['flatRateBenefit']): boolean => benefit === 'reg_44_2' || benefit === 'reg_44_2_couple';

function chooseRate(
  input: MaintenanceInput,
  income: Decimal | undefined,
  variations: VariationTotals,
  children: { q: ChildCount; r: OtherChildCount; qualifying: number },
  params: Scheme2012Parameters,
  trace: Trace,
  warnings: string[],
): RateChoice {
  const { q, r } = children;
  const payer = input.payingParent ?? {};
  const hasVariation = hasVariations(input.variations);
  const flat = new Dec(params.flatRate.value);

  if (input.defaultRate) {
    // The default rate counts only the qualifying children (reg 49(2)), not those under other arrangements.
    const qualifying = clampCount<ChildCount>(children.qualifying, 3);
    const value = new Dec(params.defaultRate.value[qualifying]);
    trace.add(
      STEP.rateDefault,
      `Default rate for ${qualifying === 3 ? '3 or more children' : qualifying === 1 ? '1 child' : '2 children'}: ${pounds(value)} (not enough information to make a calculation)`,
      formatMoney(value),
      params.defaultRate.reference,
    );
    return { rate: 'default', amount: value, flatBecauseOfBenefit: false };
  }

  if (payer.nilRateReason) {
    if (hasVariation) warnings.push('Variations are not applied: a paying parent of a reg 45(1) description pays the nil rate.');
    trace.add(STEP.rateNil, `Nil rate: ${NIL_RATE_REASON_WORDS[payer.nilRateReason]}`, '0.00', LAW.nilRatePersons);
    return { rate: 'nil', amount: new Dec(0), flatBecauseOfBenefit: false };
  }

  const additional = variations.additional;
  if (payer.flatRateBenefit === 'reg_44_2_couple') {
    const half = roundPenny(flat.dividedBy(2));
    trace.add(
      STEP.rateFlat,
      `Half the flat rate: the paying parent (or partner) gets a reg 44(2) benefit and their partner is also a paying parent, so each pays £${params.flatRate.value} ÷ 2 = ${pounds(half)}`,
      formatMoney(half),
      LAW.flatRateCouple,
    );
    return { rate: 'flat', amount: half, flatBecauseOfBenefit: true };
  }
  if (payer.flatRateBenefit && (additional === undefined || additional.isZero())) {
    trace.add(
      STEP.rateFlat,
      `Flat rate £${params.flatRate.value}: the paying parent (or partner) gets a benefit listed in reg 44, whatever other income they have`,
      formatMoney(flat),
      LAW.flatRateBenefit,
    );
    return { rate: 'flat', amount: flat, flatBecauseOfBenefit: true };
  }
  if (payer.flatRateBenefit) {
    trace.add(
      STEP.rateBenefitVaried,
      'The paying parent gets a flat-rate benefit, but an additional-income variation applies, so the rate is worked out on the varied income (reg 70)',
      formatMoney(income!),
      LAW.additionalIncome,
    );
  }

  const weekly = income!;
  const nilBelow = new Dec(params.nilRateIncomeBelow.value);
  const special = variations.special;
  if (weekly.lt(nilBelow) && special !== undefined && special.gt(0)) {
    trace.add(
      STEP.rateVariationFloor,
      `Special expenses take income to ${pounds(weekly)}, but a variation cannot take the amount below the flat rate, so £${params.flatRate.value} is payable`,
      formatMoney(flat),
      LAW.variationLimits,
    );
    return { rate: 'flat', amount: flat, flatBecauseOfBenefit: false };
  }
  if (weekly.lt(nilBelow)) {
    trace.add(
      STEP.rateNil,
      `Nil rate: gross weekly income ${pounds(weekly)} is below ${pounds(nilBelow)}`,
      '0.00',
      params.nilRateIncomeBelow.reference,
    );
    return { rate: 'nil', amount: new Dec(0), flatBecauseOfBenefit: false };
  }
  const flatUpTo = new Dec(params.flatRateIncomeUpTo.value);
  if (weekly.lte(flatUpTo)) {
    trace.add(
      STEP.rateFlat,
      `Flat rate £${params.flatRate.value}: gross weekly income ${pounds(weekly)} is ${pounds(flatUpTo)} or less`,
      formatMoney(flat),
      params.flatRateIncomeUpTo.reference,
    );
    return { rate: 'flat', amount: flat, flatBecauseOfBenefit: false };
  }
  const reducedBelow = new Dec(params.reducedRateIncomeBelow.value);
  if (weekly.lt(reducedBelow)) {
    const t = params.reducedRateTable.value[q][r];
    const raw = flat.plus(weekly.minus(flatUpTo).times(t).dividedBy(100));
    const value = roundPound(raw);
    trace.add(
      STEP.rateReduced,
      `Reduced rate (income over ${pounds(flatUpTo)} and under ${pounds(reducedBelow)}): £${params.flatRate.value} + (${pounds(weekly)} − ${pounds(flatUpTo)}) × ${t}% ` +
        `[${childWords(q)}, ${otherWords(r)}] = £${raw.toString()}`,
      raw.toString(),
      params.reducedRateTable.reference,
    );
    trace.add(
      STEP.rounding,
      `The reduced rate is rounded to the nearest pound: £${raw.toString()} → ${pounds(value)}`,
      formatMoney(value),
      LAW.rounding,
    );
    return { rate: 'reduced', amount: value, flatBecauseOfBenefit: false };
  }

  let base = weekly;
  if (r > 0) {
    const pct = params.relevantOtherChildrenPercent.value[r];
    base = roundPenny(weekly.times(new Dec(100).minus(pct)).dividedBy(100));
    trace.add(
      STEP.relevantOtherChildren,
      `Income reduced by ${pct}% for ${otherWords(r)}: ${pounds(weekly)} × ${new Dec(100).minus(pct).toString()}% = ${pounds(base)}`,
      formatMoney(base),
      params.relevantOtherChildrenPercent.reference,
    );
  }
  const plusFrom = new Dec(params.basicPlusFrom.value);
  const basicPct = params.basicRatePercent.value[q];
  let raw: Decimal;
  let rate: Rate;
  if (base.lte(plusFrom)) {
    raw = base.times(basicPct).dividedBy(100);
    rate = 'basic';
    trace.add(
      STEP.rateBasic,
      `Basic rate for ${childWords(q)}: ${pounds(base)} × ${basicPct}% = £${raw.toString()}`,
      raw.toString(),
      params.basicRatePercent.reference,
    );
  } else {
    const plusPct = params.basicPlusPercent.value[q];
    const first = plusFrom.times(basicPct).dividedBy(100);
    const rest = base.minus(plusFrom).times(plusPct).dividedBy(100);
    raw = first.plus(rest);
    rate = 'basic_plus';
    trace.add(
      STEP.rateBasicPlus,
      `Basic rate for ${childWords(q)}: ${pounds(plusFrom)} × ${basicPct}% = £${first.toString()}, plus (${pounds(base)} − ${pounds(plusFrom)}) × ${plusPct}% = £${rest.toString()}; together £${raw.toString()}`,
      raw.toString(),
      params.basicPlusPercent.reference,
    );
  }
  const value = roundPound(raw);
  trace.add(
    STEP.rounding,
    `The basic rate is rounded to the nearest pound: £${raw.toString()} → ${pounds(value)}`,
    formatMoney(value),
    LAW.rounding,
  );
  return { rate, amount: value, flatBecauseOfBenefit: false };
}

function childWords(q: ChildCount): string {
  return q === 1 ? '1 child' : q === 2 ? '2 children' : '3 or more children';
}
function otherWords(r: OtherChildCount): string {
  return r === 0
    ? 'no relevant other children'
    : r === 1
      ? '1 relevant other child'
      : r === 2
        ? '2 relevant other children'
        : '3 or more relevant other children';
}

/**
 * Collect and Pay fees (Fees Regulations 2014 reg 7): a percentage added to what the paying parent pays
 * and a percentage taken from what each receiving parent gets. The regulation accrues the fee daily;
 * CMS bills it on each instalment, so it is worked out here on each instalment, to the penny (the
 * official example is £20 on £100 a week, where a daily accrual would give £20.02).
 */
function collectionFees(
  weeklyAmount: Decimal,
  parents: NormalisedParent[],
  shares: Decimal[],
  params: Scheme2012Parameters,
  trace: Trace,
): CollectionCharges {
  const payPct = new Dec(params.collectionFeePayingPercent.value);
  const recPct = new Dec(params.collectionFeeReceivingPercent.value);
  const weeks = params.weeksInReferencePeriod.value;
  const payingParent = {} as CollectionCharges['payingParent'];
  for (const f of FREQUENCIES) {
    const maintenance = instalment(weeklyAmount, f, weeks);
    const fee = roundPenny(maintenance.times(payPct).dividedBy(100));
    payingParent[f] = { maintenance, fee, total: maintenance.plus(fee) };
  }
  const receivingParents = parents.map((p, i) => {
    const perFreq = {} as Record<Frequency, { maintenance: Decimal; fee: Decimal; net: Decimal }>;
    for (const f of FREQUENCIES) {
      const maintenance = instalment(shares[i]!, f, weeks);
      const fee = roundPenny(maintenance.times(recPct).dividedBy(100));
      perFreq[f] = { maintenance, fee, net: maintenance.minus(fee) };
    }
    return { id: p.id, perFrequency: perFreq };
  });
  const w = payingParent.weekly;
  trace.add(
    STEP.collectionFeePayingParent,
    `Collect and Pay: ${payPct.toString()}% is added to what the paying parent pays: ${pounds(w.maintenance)} + ${pounds(w.fee)} = ${pounds(w.total)} a week`,
    formatMoney(w.total),
    params.collectionFeePayingPercent.reference,
  );
  const m = payingParent.monthly;
  trace.add(
    STEP.collectionFeePayingParentMonthly,
    `Collect and Pay, each monthly instalment: maintenance ${pounds(m.maintenance)} + the ${payPct.toString()}% fee ${pounds(m.fee)} = ${pounds(m.total)} a month`,
    formatMoney(m.total),
    params.collectionFeePayingPercent.reference,
  );
  trace.add(
    STEP.collectionFeeReceivingParent,
    `Collect and Pay: ${recPct.toString()}% is taken from what each receiving parent gets: ` +
      receivingParents
        .map(
          (rp, i) =>
            `${parents[i]!.name} ${pounds(rp.perFrequency.weekly.maintenance)} − ${pounds(rp.perFrequency.weekly.fee)} = ${pounds(rp.perFrequency.weekly.net)}`,
        )
        .join('; '),
    formatMoney(receivingParents.reduce((a, rp) => a.plus(rp.perFrequency.weekly.net), new Dec(0))),
    params.collectionFeeReceivingPercent.reference,
  );
  return { payingParentPercent: payPct, receivingParentPercent: recPct, payingParent, receivingParents };
}
