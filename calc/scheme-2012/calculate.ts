/**
 * The 2012 statutory scheme, end to end: income, variations, the rate, children under other
 * arrangements, apportionment between receiving parents, shared care, the £7 floor, and collection fees.
 *
 * Order of operations (Child Support Act 1991 Sch 1 para 1(2)): work out the rate on the paying parent's
 * gross weekly income, round it to the whole pound (reg 6), apportion it between receiving parents
 * (para 6), then adjust each share for shared care (para 7 or 8) to the penny.
 * @module
 */
import { apportionPence } from '../apportion.ts';
import { isCivilDate, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { nonNegativePence, wholeNumber } from '../input.ts';
import { FREQUENCIES, instalmentPence, perFrequencyPence, type Frequency } from '../frequency.ts';
import {
  Dec,
  decimalText,
  divRoundHalfUp,
  formatFraction,
  formatPence,
  fromPence,
  poundsOfPence,
  type Dec as Decimal,
  type Fraction,
  type MoneyInput,
} from '../money.ts';
import { Trace, type TraceStep } from '../trace.ts';
import { inPence, PERCENT_SCALE } from './in-pence.ts';
import { lessPensionWeekly, PERIOD_WORDS, weeklyIncomeFrom, type PeriodAmount } from './income.ts';
import { LAW } from './law.ts';
import type { ChildCount, OtherChildCount } from './parameters.ts';
import { parametersOn, type Scheme2012Parameters } from './resolve.ts';
import { readOut, type ReadOutFigures } from './read-out.ts';
import {
  averageFraction,
  isHalfBand,
  sharedCareBandOf,
  sharedCareFraction,
  traceWeeklyNights,
  type SharedCareBandRange,
} from './shared-care.ts';
import { STEP } from './steps.ts';
import {
  barredVariationsWarning,
  hasVariations,
  readVariations,
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

/** Where a child is in the input, for an error that names the field. */
const childField = (i: number, j: number): string => `receivingParents[${i}].children[${j}]`;

/**
 * A child's nights a year, from `nightsPerYear` or from `nights` over a period. Nights a week are whole nights, 0 to 7;
 * each counts as 52 nights a year (`sharedCareNightsPerWeeklyNight`), so 2 a week is 104 a year. The field is named
 * only when something is wrong with it.
 */
function nightsOf(
  child: ChildInput,
  i: number,
  j: number,
  params: Scheme2012Parameters,
): { nightsPerYear: number; nightsPerWeek: number | null } {
  if (child.nights === undefined) {
    const given = child.nightsPerYear;
    if (given === undefined) return { nightsPerYear: 0, nightsPerWeek: null };
    if (Number.isInteger(given) && given >= 0 && given <= MAX_NIGHTS_PER_YEAR) return { nightsPerYear: given, nightsPerWeek: null };
    return { nightsPerYear: wholeNumber(`${childField(i, j)}.nightsPerYear`, given, MAX_NIGHTS_PER_YEAR), nightsPerWeek: null };
  }
  const field = childField(i, j);
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

/** The names and ids made for people given none ("child 2", "receiving_parent_1"), each made once and kept. */
const CHILD_IDS: string[] = [];
const CHILD_NAMES: string[] = [];
const RECEIVING_PARENT_IDS: string[] = [];
const RECEIVING_PARENT_NAMES: string[] = [];
function made(kept: string[], n: number, prefix: string): string {
  if (n > 64) return `${prefix}${n}`;
  return (kept[n] ??= `${prefix}${n}`);
}

/** Notes an id as used, refusing one used before. */
function unique(seen: Set<string>, id: string, field: string, who: string): void {
  if (seen.has(id)) throw new InputError(field, `"${id}" is used twice; give each ${who} a different id`);
  seen.add(id);
}

function normaliseParents(input: MaintenanceInput, params: Scheme2012Parameters): NormalisedParent[] {
  const given = input.receivingParents;
  if (!given || given.length === 0) {
    throw new InputError('receivingParents', 'give at least one receiving parent, each with the children they care for');
  }
  // Ids made here ("receiving_parent_2", "child_3") cannot repeat one another; only an id given can clash.
  const seen = given.some((rp) => rp.id !== undefined || rp.children?.some((c) => c.id !== undefined)) ? new Set<string>() : undefined;
  let childNumber = 0;
  const parents: NormalisedParent[] = [];
  for (let i = 0; i < given.length; i++) {
    const rp = given[i]!;
    const id = rp.id ?? made(RECEIVING_PARENT_IDS, i + 1, 'receiving_parent_');
    if (seen) unique(seen, id, `receivingParents[${i}].id`, 'person');
    if (!rp.children || rp.children.length === 0) {
      throw new InputError(`receivingParents[${i}].children`, 'give at least one qualifying child for this receiving parent');
    }
    const children: NormalisedParent['children'] = [];
    for (let j = 0; j < rp.children.length; j++) {
      const child = rp.children[j]!;
      childNumber++;
      const childId = child.id ?? made(CHILD_IDS, childNumber, 'child_');
      if (seen) unique(seen, childId, `receivingParents[${i}].children[${j}].id`, 'child');
      const nights = nightsOf(child, i, j, params);
      children.push({
        id: childId,
        name: child.id ?? made(CHILD_NAMES, childNumber, 'child '),
        nightsPerYear: nights.nightsPerYear,
        nightsPerWeek: nights.nightsPerWeek,
      });
    }
    const name = rp.id ?? (given.length === 1 ? 'the receiving parent' : made(RECEIVING_PARENT_NAMES, i + 1, 'receiving parent '));
    parents.push({ id, name, children });
  }
  return parents;
}

/** Dates already found to be real dates (a calculation is often asked for the same few): not parsed again. */
const checkedDates = new Set<unknown>();

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
  if (!checkedDates.has(input.date)) {
    if (typeof input.date !== 'string' || !isCivilDate(input.date)) {
      throw new InputError('date', `must be a real date written YYYY-MM-DD (got ${JSON.stringify(input.date)})`);
    }
    if (checkedDates.size >= 10_000) checkedDates.clear();
    checkedDates.add(input.date);
  }
  const params = parametersOn(input.date);
  const trace = new Trace();
  const warnings: string[] = [];
  const payer = input.payingParent ?? {};
  const parents = normaliseParents(input, params);
  const qualifying = parents.reduce((n, p) => n + p.children.length, 0);
  const relevantOther = wholeNumber('payingParent.relevantOtherChildren', payer.relevantOtherChildren);
  const otherArrangement = wholeNumber('payingParent.otherArrangementChildren', payer.otherArrangementChildren);
  const variationAmounts = readVariations(input.variations, warnings);
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
  traceWeeklyNights(parents, params.sharedCareNightsPerWeeklyNight, trace);
  const inP = inPence(params);

  // 1. Gross weekly income, where the rate needs one (all money from here on is whole pence).
  const income = grossWeeklyIncome(input, params, trace, warnings);
  // No variation can be made under a default maintenance decision or on a reg 44(2) flat rate (reg 57(1)(c)–(d)).
  const bar = input.defaultRate ? 'default_rate' : isReg44_2(payer.flatRateBenefit) ? 'reg_44_2' : undefined;
  if (bar) barredVariationsWarning(variationAmounts, bar, trace, warnings);
  const totals: VariationTotals = bar
    ? { special: undefined, additional: undefined }
    : variationTotals(variationAmounts, params, trace, warnings);
  const { special, additional } = totals;
  const incomeNeeded = !input.defaultRate && payer.nilRateReason === undefined && !payer.flatRateBenefit;
  if (income === undefined && (incomeNeeded || (payer.flatRateBenefit && additional !== undefined && additional > 0))) {
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
  const calculatedRate = rate === 'reduced' || rate === 'basic' || rate === 'basic_plus';

  // 3. Para 5A: only the qualifying children's part of the rate is payable under this calculation.
  let payable = rateAmount;
  if (otherArrangement > 0 && calculatedRate) {
    const share = divRoundHalfUp(rateAmount * qualifying, counted);
    const minimum = inP.flatRate;
    payable = Math.max(share, minimum);
    trace.add(
      STEP.otherArrangementChildren,
      `${poundsOfPence(rateAmount)} × ${qualifying} qualifying ÷ ${counted} children in all (${otherArrangement} under another arrangement) = ${poundsOfPence(share)}` +
        (share < minimum ? `, raised to the ${poundsOfPence(minimum)} minimum` : ''),
      formatPence(payable),
      share < minimum ? LAW.otherArrangementsMinimum : LAW.otherArrangements,
    );
  }

  // 4. Para 6: apportion between receiving parents by number of qualifying children.
  const weights = parents.map((p) => p.children.length);
  let shares = parents.length > 1 ? apportionPence(payable, weights) : [payable];
  if (parents.length > 1) {
    trace.add(
      STEP.apportionment,
      `${poundsOfPence(payable)} shared by number of qualifying children (${weights.join(' : ')}): ` +
        parents.map((p, i) => `${p.name} ${poundsOfPence(shares[i]!)}`).join(', ') +
        ' (any odd penny goes to the share that lost most in rounding, so the shares add up to the whole)',
      formatPence(payable),
      LAW.apportionment,
    );
  }

  // 5. Shared care (para 7 for basic and reduced rates, para 8 for a flat rate due to a benefit).
  const bands = params.sharedCareBands.value;
  const fractions = parents.map((p) => p.children.map((c) => sharedCareFraction(c.nightsPerYear, bands)));
  const parentFractions = fractions.map((fs) => averageFraction(fs));
  let sharedCareApplied = false;
  if (calculatedRate) {
    shares = shares.map((share, i) => {
      const parent = parents[i]!;
      const f = parentFractions[i]!;
      if (f.numerator === 0) return share;
      const halves = parent.children.filter((c) => isHalfBand(c.nightsPerYear, bands)).length;
      sharedCareApplied = true;
      const childFractions = fractions[i]!.map(formatFraction).join(' + ');
      // share × (1 − f), to the penny: share × (denominator − numerator) ÷ denominator.
      const decreased = divRoundHalfUp(share * (f.denominator - f.numerator), f.denominator);
      trace.add(
        STEP.sharedCare,
        `${capital(parent.name)}: nights ${parent.children.map((c) => c.nightsPerYear).join(', ')} give ${childFractions}` +
          (parent.children.length > 1 ? `, averaged over ${parent.children.length} children = ${formatFraction(f)}` : '') +
          `; ${poundsOfPence(share)} × (1 − ${formatFraction(f)}) = ${poundsOfPence(decreased)}`,
        formatPence(decreased),
        parent.children.length > 1 ? LAW.sharedCareSeveralChildren : params.sharedCareBands.reference,
      );
      if (halves === 0) return decreased;
      const deduction = inP.sharedCareHalfDeduction * halves;
      const after = Math.max(0, decreased - deduction);
      trace.add(
        STEP.sharedCareHalfDeduction,
        `${capital(parent.name)}: ${halves} ${halves === 1 ? 'child has' : 'children have'} 175 or more nights, so a further £${params.sharedCareHalfDeduction.value} each comes off: ${poundsOfPence(decreased)} − ${poundsOfPence(deduction)} = ${poundsOfPence(after)}` +
          (decreased < deduction ? ' (not below nil)' : ''),
        formatPence(after),
        params.sharedCareHalfDeduction.reference,
      );
      return after;
    });
    const total = sumOf(shares);
    const floor = inP.sharedCareFloor;
    if (sharedCareApplied && total < floor) {
      shares = parents.length > 1 ? apportionPence(floor, weights) : [floor];
      trace.add(
        STEP.sharedCareFloor,
        `Shared care would leave ${poundsOfPence(total)} a week, below the £${params.sharedCareFloor.value} minimum, so £${params.sharedCareFloor.value} is payable` +
          (parents.length > 1 ? `, shared ${parents.map((p, i) => `${p.name} ${poundsOfPence(shares[i]!)}`).join(', ')}` : ''),
        formatPence(floor),
        params.sharedCareFloor.reference,
      );
    }
  } else if (rate === 'default') {
    // The default rate is a fixed sum for the number of children (reg 49): nights with the paying parent change
    // nothing until CMS can calculate, so say so rather than leave nights given unused in silence.
    let firstBand = Infinity;
    for (const b of bands) firstBand = Math.min(firstBand, b.minNights);
    const counted: NormalisedParent['children'] = [];
    for (const p of parents) for (const c of p.children) if (c.nightsPerYear >= firstBand) counted.push(c);
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
      return 0;
    });
  } else if (rate === 'flat' && parents.some((p) => p.children.some((c) => c.nightsPerYear > 0))) {
    trace.add(
      STEP.flatRateSharedCare,
      'The flat rate is due to income of £100 a week or less, so shared care does not change it',
      formatPence(payable),
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

  const weeklyAmount = sumOf(shares);
  trace.add(
    STEP.weeklyAmount,
    parents.length > 1
      ? `Weekly amount: ${shares.map(poundsOfPence).join(' + ')} = ${poundsOfPence(weeklyAmount)}`
      : `Weekly amount: ${poundsOfPence(weeklyAmount)}`,
    formatPence(weeklyAmount),
    LAW.order,
  );

  const weeks = params.weeksInReferencePeriod.value;
  const monthly = instalmentPence(weeklyAmount, 'monthly', weeks);
  trace.add(
    STEP.instalments,
    `Paid in equal instalments over a ${weeks}-week period: weekly ${poundsOfPence(weeklyAmount)} × ${weeks} ÷ 12 = monthly ${poundsOfPence(monthly)}`,
    formatPence(monthly),
    params.weeksInReferencePeriod.reference,
  );

  const fees = collection === 'collect_and_pay' ? collectionFees(weeklyAmount, parents, shares, params, trace) : undefined;
  const figures: ReadOutFigures = { rate, grossWeeklyIncome: varied ?? null, weeklyAmount, monthly, shares, trace: trace.steps, fees };
  return resultOf({
    input,
    params,
    rate,
    varied,
    weeklyAmount,
    shares,
    parents,
    fractions,
    parentFractions: calculatedRate ? parentFractions : undefined,
    collection,
    fees,
    warnings,
    readOut: readOut(input, figures, parents),
    trace: trace.steps,
  });
}

function sumOf(pence: readonly number[]): number {
  let total = 0;
  for (const p of pence) total += p;
  return total;
}

const NO_SHARED_CARE: Fraction = { numerator: 0, denominator: 1 };

interface ResultInPence {
  readonly varied: number | undefined;
  readonly weeklyAmount: number;
  readonly shares: readonly number[];
  readonly parents: readonly NormalisedParent[];
  readonly weeks: number;
  readonly fees: CollectionFees | undefined;
  /** Each decimal once made. */
  readonly made: {
    grossWeeklyIncome?: Decimal | null;
    weeklyAmount?: Decimal;
    perFrequency?: Record<Frequency, Decimal>;
    collectionCharges?: CollectionCharges;
    receivingParents?: readonly ReceivingParentResult[];
  };
  /** What each receiving parent's part of the result is built from, when it is read. */
  readonly bands: Scheme2012Parameters['sharedCareBands']['value'];
  readonly fractions: readonly (readonly Fraction[])[];
  readonly parentFractions: readonly Fraction[] | undefined;
}
type Made = ResultInPence['made'];

/**
 * A result: the figures it was worked in (pence) in a private field, which never shows in JSON, spreads or
 * comparisons; the enumerable money properties read them through getters. A class with a private field, not a
 * symbol-keyed property: made by `new`, the object starts in its final shape (a symbol property added with
 * Object.defineProperty cost about a fifth of a microsecond a result).
 */
class Calculated {
  readonly scheme = '2012' as const;
  readonly date: CivilDate;
  readonly rate: Rate;
  readonly #pence: ResultInPence;
  constructor(date: CivilDate, rate: Rate, pence: ResultInPence) {
    this.date = date;
    this.rate = rate;
    this.#pence = pence;
  }
  /** The figures in pence of a result of calculateMaintenance; undefined for any other object. */
  static penceOf(result: object): ResultInPence | undefined {
    return #pence in result ? (result as Calculated).#pence : undefined;
  }
}

/**
 * A money property made a decimal when first read, then kept. The getter is one function shared by every result
 * (a getter made per result would give each result its own hidden class, which V8 keeps in old space with all it
 * points to: the calculation's garbage would outlive it).
 */
function lazyMoney<K extends keyof Made>(key: K, make: (r: ResultInPence) => NonNullable<Made[K]> | null): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: Calculated) {
      const r = Calculated.penceOf(this)!;
      if (!(key in r.made)) r.made[key] = make(r) as Made[K];
      return r.made[key];
    },
  };
}

const GROSS = lazyMoney('grossWeeklyIncome', (r) => (r.varied === undefined ? null : fromPence(r.varied)));
const WEEKLY = lazyMoney('weeklyAmount', (r) => fromPence(r.weeklyAmount));
const PER_FREQUENCY = lazyMoney('perFrequency', (r) => decimalsOf(perFrequencyPence(r.weeklyAmount, r.weeks)));
const CHARGES = lazyMoney('collectionCharges', (r) => chargesOf(r.fees!, r.weeklyAmount, r.shares, r.parents, r.weeks));
const RECEIVING_PARENTS = lazyMoney('receivingParents', (r) =>
  r.parents.map((p, i) => ({ id: p.id, weeklyAmount: fromPence(r.shares[i]!), ...parentWithoutMoney(r, i) })),
);

/** A receiving parent's part of a result but for their money: the fraction taken off for shared care, the children. */
function parentWithoutMoney(r: ResultInPence, i: number): Pick<ReceivingParentResult, 'sharedCareFraction' | 'children'> {
  return {
    sharedCareFraction: r.parentFractions ? r.parentFractions[i]! : NO_SHARED_CARE,
    children: r.parents[i]!.children.map((c, j) => ({
      id: c.id,
      nightsPerYear: c.nightsPerYear,
      nightsPerWeek: c.nightsPerWeek,
      band: sharedCareBandOf(c.nightsPerYear, r.bands),
      sharedCareFraction: r.fractions[i]![j]!,
    })),
  };
}

/**
 * A result's receiving parents without their weekly amounts as decimals, for the JSON edge, which writes that money
 * from the pence (moneyTextsOf): the same ids, fractions and children as `result.receivingParents`.
 */
export function receivingParentsWithoutMoney(result: MaintenanceResult): readonly Omit<ReceivingParentResult, 'weeklyAmount'>[] {
  const r = Calculated.penceOf(result);
  if (r === undefined) throw new TypeError('receivingParentsWithoutMoney takes a result of calculateMaintenance');
  return r.parents.map((p, i) => ({ id: p.id, ...parentWithoutMoney(r, i) }));
}

/**
 * The result, its money as decimal.js at the edge: each figure worked out in pence becomes a decimal when it is
 * first read (the per-frequency table, the receiving parents' shares and the Collect-and-Pay table too), so a caller
 * that reads the trace, the read-out or the weekly amount pays for no decimal it does not use. Every property a caller sees is an own,
 * enumerable one, in the order it always had, so the result spreads, compares and serialises as a plain object does.
 */
function resultOf(r: {
  input: MaintenanceInput;
  params: Scheme2012Parameters;
  rate: Rate;
  varied: number | undefined;
  weeklyAmount: number;
  shares: readonly number[];
  parents: readonly NormalisedParent[];
  fractions: readonly (readonly Fraction[])[];
  parentFractions: readonly Fraction[] | undefined;
  collection: CollectionService;
  fees: CollectionFees | undefined;
  warnings: readonly string[];
  readOut: string;
  trace: readonly TraceStep[];
}): MaintenanceResult {
  const inPenceState: ResultInPence = {
    varied: r.varied,
    weeklyAmount: r.weeklyAmount,
    shares: r.shares,
    parents: r.parents,
    weeks: r.params.weeksInReferencePeriod.value,
    fees: r.fees,
    made: {},
    bands: r.params.sharedCareBands.value,
    fractions: r.fractions,
    parentFractions: r.parentFractions,
  };
  const result = new Calculated(r.input.date, r.rate, inPenceState);
  Object.defineProperty(result, 'grossWeeklyIncome', GROSS);
  Object.defineProperty(result, 'weeklyAmount', WEEKLY);
  Object.defineProperty(result, 'receivingParents', RECEIVING_PARENTS);
  Object.defineProperty(result, 'perFrequency', PER_FREQUENCY);
  // The rest as plain own properties, each set directly (Object.assign would make an object of them first).
  const rest = result as unknown as Record<string, unknown>;
  rest.collection = r.collection;
  if (r.fees) Object.defineProperty(result, 'collectionCharges', CHARGES);
  rest.warnings = r.warnings;
  rest.trace = r.trace;
  rest.readOut = r.readOut;
  return result as unknown as MaintenanceResult;
}

/** A result's money as the JSON form of money ("62.86"), in the result's own shape. */
export interface MoneyTexts {
  readonly grossWeeklyIncome: string | null;
  readonly weeklyAmount: string;
  /** Each receiving parent's weekly share, in order. */
  readonly shares: readonly string[];
  readonly perFrequency: Record<Frequency, string>;
  readonly collectionCharges?: {
    readonly payingParentPercent: string;
    readonly receivingParentPercent: string;
    readonly payingParent: Record<Frequency, { maintenance: string; fee: string; total: string }>;
    readonly receivingParents: { id: string; perFrequency: Record<Frequency, { maintenance: string; fee: string; net: string }> }[];
  };
}

/**
 * The money of a result as JSON strings, written straight from the pence it was worked in, so the JSON edge
 * (tools/calculate-maintenance.ts) makes no decimal only to write it out. The same figures as the result's
 * decimals, by the same functions (instalmentPence, the fee on each instalment): the decimals are made from these.
 */
export function moneyTextsOf(result: MaintenanceResult): MoneyTexts {
  const r = Calculated.penceOf(result);
  if (r === undefined) throw new TypeError('moneyTextsOf takes a result of calculateMaintenance');
  const perFreq = perFrequencyPence(r.weeklyAmount, r.weeks);
  const fees = r.fees;
  return {
    grossWeeklyIncome: r.varied === undefined ? null : formatPence(r.varied),
    weeklyAmount: formatPence(r.weeklyAmount),
    shares: r.shares.map(formatPence),
    perFrequency: textsOf(perFreq),
    ...(fees
      ? {
          collectionCharges: {
            payingParentPercent: decimalText(fees.payingPercent, 2),
            receivingParentPercent: decimalText(fees.receivingPercent, 2),
            payingParent: byFrequency((f) => {
              const x = charged(r.weeklyAmount, f, r.weeks, fees.payingPercent);
              return { maintenance: formatPence(x.maintenance), fee: formatPence(x.fee), total: formatPence(x.maintenance + x.fee) };
            }),
            receivingParents: r.parents.map((p, i) => ({
              id: p.id,
              perFrequency: byFrequency((f) => {
                const x = charged(r.shares[i]!, f, r.weeks, fees.receivingPercent);
                return { maintenance: formatPence(x.maintenance), fee: formatPence(x.fee), net: formatPence(x.maintenance - x.fee) };
              }),
            })),
          },
        }
      : {}),
  };
}

function byFrequency<T>(make: (f: Frequency) => T): Record<Frequency, T> {
  const out = {} as Record<Frequency, T>;
  for (const f of FREQUENCIES) out[f] = make(f);
  return out;
}

function textsOf(pence: Record<Frequency, number>): Record<Frequency, string> {
  return byFrequency((f) => formatPence(pence[f]));
}

function decimalsOf<K extends string>(pence: Record<K, number>): Record<K, Decimal> {
  const out = {} as Record<K, Decimal>;
  for (const k in pence) out[k] = fromPence(pence[k]);
  return out;
}

function grossWeeklyIncome(input: MaintenanceInput, params: Scheme2012Parameters, trace: Trace, warnings: string[]): number | undefined {
  const payer = input.payingParent ?? {};
  if (payer.income !== undefined) {
    return weeklyIncomeFrom(payer.income, payer.pensionContributions, params, trace, 'payingParent.income', warnings);
  }
  if (payer.grossWeeklyIncome === undefined) return undefined;
  const weekly = nonNegativePence('payingParent.grossWeeklyIncome', payer.grossWeeklyIncome, warnings);
  trace.add(STEP.incomeWeekly, `Gross weekly income given: ${poundsOfPence(weekly)}`, formatPence(weekly), LAW.historicIncome);
  return payer.pensionContributions ? lessPensionWeekly(weekly, payer.pensionContributions, params, trace, warnings) : weekly;
}

/**
 * Regs 72–73: special expenses come off gross weekly income and additional income is added to it. Where
 * income is above the cap, expenses come off the actual income first (reg 72(2)), so the net effect is
 * min(cap, actual + additional − expenses). Pence in, pence out.
 */
function applyVariations(
  income: number,
  special: number | undefined,
  additional: number | undefined,
  params: Scheme2012Parameters,
  trace: Trace,
  warnings: string[],
  given: PeriodAmount | undefined,
): number {
  let weekly = income;
  if (additional !== undefined && additional > 0) {
    const after = weekly + additional;
    trace.add(
      STEP.variationAdditionalIncome,
      `${poundsOfPence(weekly)} + additional income ${poundsOfPence(additional)} = ${poundsOfPence(after)}`,
      formatPence(after),
      LAW.additionalIncome,
    );
    weekly = after;
  }
  if (special !== undefined && special > 0) {
    const after = Math.max(0, weekly - special);
    trace.add(
      STEP.variationSpecialExpenses,
      `${poundsOfPence(weekly)} − special expenses ${poundsOfPence(special)} = ${poundsOfPence(after)}`,
      formatPence(after),
      LAW.specialExpenses,
    );
    weekly = after;
  }
  const cap = inPence(params).incomeCap;
  if (weekly > cap) {
    trace.add(
      STEP.incomeCap,
      `Income above ${poundsOfPence(cap)} a week is ignored: ${poundsOfPence(weekly)} → ${poundsOfPence(cap)}`,
      formatPence(cap),
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
  income: number,
  uncapped: number,
  varied: boolean,
  given: PeriodAmount | undefined,
  params: Scheme2012Parameters,
): string {
  const cap = poundsOfPence(inPence(params).incomeCap);
  const givenPounds = given && poundsOfPence(nonNegativePence('payingParent.income.amount', given.amount));
  const subject = given
    ? `Gross income of ${givenPounds} ${PERIOD_WORDS[given.period]}`
    : `Gross weekly income of ${poundsOfPence(income)}`;
  const weekly = varied
    ? ` is ${poundsOfPence(uncapped)} a week with the variations,`
    : given && given.period !== 'week'
      ? ` is ${poundsOfPence(uncapped)} a week,`
      : ' is';
  const check =
    given && given.period !== 'year'
      ? ` A ${PERIOD_ADJECTIVES[given.period]} income that high is rare: check the period (is ${givenPounds} a year's income?).`
      : '';
  return `${subject}${weekly} above the ${cap} a week cap (${params.incomeCap.reference.title}), so the calculation uses ${cap} a week.${check}`;
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
  const amount = nonNegativePence('payingParent.income.amount', given.amount);
  const limit = inPence(params).flatRateIncomeUpTo;
  if (amount === 0 || amount >= limit) return undefined;
  return (
    `Gross income of ${poundsOfPence(amount)} a year is less than ${poundsOfPence(limit)}, the flat-rate limit for a single week ` +
    `(${params.flatRateIncomeUpTo.reference.title}); a year's income that low is more likely a weekly or monthly figure: check the period.`
  );
}

interface RateChoice {
  rate: Rate;
  /** Pence. */
  amount: number;
  flatBecauseOfBenefit: boolean;
}

const isReg44_2 = (benefit: PayingParentInput['flatRateBenefit']): boolean => benefit === 'reg_44_2' || benefit === 'reg_44_2_couple';

/** Millionths of a pound in a pound: pence × hundredths of a percent are millionths of a pound, written exactly. */
const MILLIONTHS = 1_000_000;
/** An unrounded rate in millionths of a pound, as decimal.js writes it ("62.868"). */
const rawPounds = (millionths: number): string => decimalText(millionths, 6);

/** The rate in pence from income in pence (reg 6: the basic and reduced rates to the whole pound). */
function chooseRate(
  input: MaintenanceInput,
  income: number | undefined,
  variations: VariationTotals,
  children: { q: ChildCount; r: OtherChildCount; qualifying: number },
  params: Scheme2012Parameters,
  trace: Trace,
  warnings: string[],
): RateChoice {
  const { q, r } = children;
  const payer = input.payingParent ?? {};
  const hasVariation = hasVariations(input.variations);
  const inP = inPence(params);
  const flat = inP.flatRate;

  if (input.defaultRate) {
    // The default rate counts only the qualifying children (reg 49(2)), not those under other arrangements.
    const qualifying = clampCount<ChildCount>(children.qualifying, 3);
    const value = inP.defaultRate[qualifying];
    trace.add(
      STEP.rateDefault,
      `Default rate for ${qualifying === 3 ? '3 or more children' : qualifying === 1 ? '1 child' : '2 children'}: ${poundsOfPence(value)} (not enough information to make a calculation)`,
      formatPence(value),
      params.defaultRate.reference,
    );
    return { rate: 'default', amount: value, flatBecauseOfBenefit: false };
  }

  if (payer.nilRateReason) {
    if (hasVariation) warnings.push('Variations are not applied: a paying parent of a reg 45(1) description pays the nil rate.');
    trace.add(STEP.rateNil, `Nil rate: ${NIL_RATE_REASON_WORDS[payer.nilRateReason]}`, '0.00', LAW.nilRatePersons);
    return { rate: 'nil', amount: 0, flatBecauseOfBenefit: false };
  }

  const additional = variations.additional;
  if (payer.flatRateBenefit === 'reg_44_2_couple') {
    const half = divRoundHalfUp(flat, 2);
    trace.add(
      STEP.rateFlat,
      `Half the flat rate: the paying parent (or partner) gets a reg 44(2) benefit and their partner is also a paying parent, so each pays £${params.flatRate.value} ÷ 2 = ${poundsOfPence(half)}`,
      formatPence(half),
      LAW.flatRateCouple,
    );
    return { rate: 'flat', amount: half, flatBecauseOfBenefit: true };
  }
  if (payer.flatRateBenefit && (additional === undefined || additional === 0)) {
    trace.add(
      STEP.rateFlat,
      `Flat rate £${params.flatRate.value}: the paying parent (or partner) gets a benefit listed in reg 44, whatever other income they have`,
      formatPence(flat),
      LAW.flatRateBenefit,
    );
    return { rate: 'flat', amount: flat, flatBecauseOfBenefit: true };
  }
  if (payer.flatRateBenefit) {
    trace.add(
      STEP.rateBenefitVaried,
      'The paying parent gets a flat-rate benefit, but an additional-income variation applies, so the rate is worked out on the varied income (reg 70)',
      formatPence(income!),
      LAW.additionalIncome,
    );
  }

  const weekly = income!;
  const nilBelow = inP.nilRateIncomeBelow;
  const special = variations.special;
  if (weekly < nilBelow && special !== undefined && special > 0) {
    trace.add(
      STEP.rateVariationFloor,
      `Special expenses take income to ${poundsOfPence(weekly)}, but a variation cannot take the amount below the flat rate, so £${params.flatRate.value} is payable`,
      formatPence(flat),
      LAW.variationLimits,
    );
    return { rate: 'flat', amount: flat, flatBecauseOfBenefit: false };
  }
  if (weekly < nilBelow) {
    trace.add(
      STEP.rateNil,
      `Nil rate: gross weekly income ${poundsOfPence(weekly)} is below ${poundsOfPence(nilBelow)}`,
      '0.00',
      params.nilRateIncomeBelow.reference,
    );
    return { rate: 'nil', amount: 0, flatBecauseOfBenefit: false };
  }
  const flatUpTo = inP.flatRateIncomeUpTo;
  if (weekly <= flatUpTo) {
    trace.add(
      STEP.rateFlat,
      `Flat rate £${params.flatRate.value}: gross weekly income ${poundsOfPence(weekly)} is ${poundsOfPence(flatUpTo)} or less`,
      formatPence(flat),
      params.flatRateIncomeUpTo.reference,
    );
    return { rate: 'flat', amount: flat, flatBecauseOfBenefit: false };
  }
  const reducedBelow = inP.reducedRateIncomeBelow;
  if (weekly < reducedBelow) {
    const t = params.reducedRateTable.value[q][r];
    // flat + (income − flatUpTo) × t%, in millionths of a pound (pence × hundredths of a percent): exact.
    const raw = flat * PERCENT_SCALE + (weekly - flatUpTo) * inP.reducedRateTable[q][r];
    const value = divRoundHalfUp(raw, MILLIONTHS) * 100;
    trace.add(
      STEP.rateReduced,
      `Reduced rate (income over ${poundsOfPence(flatUpTo)} and under ${poundsOfPence(reducedBelow)}): £${params.flatRate.value} + (${poundsOfPence(weekly)} − ${poundsOfPence(flatUpTo)}) × ${t}% ` +
        `[${childWords(q)}, ${otherWords(r)}] = £${rawPounds(raw)}`,
      rawPounds(raw),
      params.reducedRateTable.reference,
    );
    trace.add(
      STEP.rounding,
      `The reduced rate is rounded to the nearest pound: £${rawPounds(raw)} → ${poundsOfPence(value)}`,
      formatPence(value),
      LAW.rounding,
    );
    return { rate: 'reduced', amount: value, flatBecauseOfBenefit: false };
  }

  let base = weekly;
  if (r > 0) {
    const kept = PERCENT_SCALE - inP.relevantOtherChildrenPercent[r];
    base = divRoundHalfUp(weekly * kept, PERCENT_SCALE);
    trace.add(
      STEP.relevantOtherChildren,
      `Income reduced by ${params.relevantOtherChildrenPercent.value[r]}% for ${otherWords(r)}: ${poundsOfPence(weekly)} × ${decimalText(kept, 2)}% = ${poundsOfPence(base)}`,
      formatPence(base),
      params.relevantOtherChildrenPercent.reference,
    );
  }
  const plusFrom = inP.basicPlusFrom;
  const basicPct = params.basicRatePercent.value[q];
  let raw: number;
  let rate: Rate;
  if (base <= plusFrom) {
    raw = base * inP.basicRatePercent[q];
    rate = 'basic';
    trace.add(
      STEP.rateBasic,
      `Basic rate for ${childWords(q)}: ${poundsOfPence(base)} × ${basicPct}% = £${rawPounds(raw)}`,
      rawPounds(raw),
      params.basicRatePercent.reference,
    );
  } else {
    const plusPct = params.basicPlusPercent.value[q];
    const first = plusFrom * inP.basicRatePercent[q];
    const rest = (base - plusFrom) * inP.basicPlusPercent[q];
    raw = first + rest;
    rate = 'basic_plus';
    trace.add(
      STEP.rateBasicPlus,
      `Basic rate for ${childWords(q)}: ${poundsOfPence(plusFrom)} × ${basicPct}% = £${rawPounds(first)}, plus (${poundsOfPence(base)} − ${poundsOfPence(plusFrom)}) × ${plusPct}% = £${rawPounds(rest)}; together £${rawPounds(raw)}`,
      rawPounds(raw),
      params.basicPlusPercent.reference,
    );
  }
  const value = divRoundHalfUp(raw, MILLIONTHS) * 100;
  trace.add(
    STEP.rounding,
    `The basic rate is rounded to the nearest pound: £${rawPounds(raw)} → ${poundsOfPence(value)}`,
    formatPence(value),
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

/** One instalment with its fee, in pence. */
interface Charged {
  readonly maintenance: number;
  readonly fee: number;
}

/** What the trace and the read-out quote of the Collect and Pay fees, in pence (the full table is {@link chargesOf}). */
interface CollectionFees {
  readonly payingPercent: number;
  readonly receivingPercent: number;
  readonly payingWeekly: Charged;
  readonly payingMonthly: Charged;
  readonly receivingWeekly: readonly Charged[];
}

/** An instalment at `frequency` of a weekly amount, with the fee at `percent` (hundredths) on it, to the penny. */
function charged(weekly: number, frequency: Frequency, weeks: number, percent: number): Charged {
  const maintenance = instalmentPence(weekly, frequency, weeks);
  return { maintenance, fee: divRoundHalfUp(maintenance * percent, PERCENT_SCALE) };
}

/**
 * Collect and Pay fees (Fees Regulations 2014 reg 7): a percentage added to what the paying parent pays
 * and a percentage taken from what each receiving parent gets. The regulation accrues the fee daily;
 * CMS bills it on each instalment, so it is worked out here on each instalment, to the penny (the
 * official example is £20 on £100 a week, where a daily accrual would give £20.02).
 */
function collectionFees(
  weeklyAmount: number,
  parents: NormalisedParent[],
  shares: readonly number[],
  params: Scheme2012Parameters,
  trace: Trace,
): CollectionFees {
  const inP = inPence(params);
  const payPct = inP.collectionFeePayingPercent;
  const recPct = inP.collectionFeeReceivingPercent;
  const weeks = params.weeksInReferencePeriod.value;
  const w = charged(weeklyAmount, 'weekly', weeks, payPct);
  const m = charged(weeklyAmount, 'monthly', weeks, payPct);
  const received = shares.map((share) => charged(share, 'weekly', weeks, recPct));
  trace.add(
    STEP.collectionFeePayingParent,
    `Collect and Pay: ${decimalText(payPct, 2)}% is added to what the paying parent pays: ${poundsOfPence(w.maintenance)} + ${poundsOfPence(w.fee)} = ${poundsOfPence(w.maintenance + w.fee)} a week`,
    formatPence(w.maintenance + w.fee),
    params.collectionFeePayingPercent.reference,
  );
  trace.add(
    STEP.collectionFeePayingParentMonthly,
    `Collect and Pay, each monthly instalment: maintenance ${poundsOfPence(m.maintenance)} + the ${decimalText(payPct, 2)}% fee ${poundsOfPence(m.fee)} = ${poundsOfPence(m.maintenance + m.fee)} a month`,
    formatPence(m.maintenance + m.fee),
    params.collectionFeePayingPercent.reference,
  );
  trace.add(
    STEP.collectionFeeReceivingParent,
    `Collect and Pay: ${decimalText(recPct, 2)}% is taken from what each receiving parent gets: ` +
      received
        .map(
          (x, i) =>
            `${parents[i]!.name} ${poundsOfPence(x.maintenance)} − ${poundsOfPence(x.fee)} = ${poundsOfPence(x.maintenance - x.fee)}`,
        )
        .join('; '),
    formatPence(sumOf(received.map((x) => x.maintenance - x.fee))),
    params.collectionFeeReceivingPercent.reference,
  );
  return { payingPercent: payPct, receivingPercent: recPct, payingWeekly: w, payingMonthly: m, receivingWeekly: received };
}

/** The Collect and Pay table at every frequency, as decimals: made only when a caller reads it. */
function chargesOf(
  fees: CollectionFees,
  weeklyAmount: number,
  shares: readonly number[],
  parents: readonly NormalisedParent[],
  weeks: number,
): CollectionCharges {
  const payingParent = byFrequency((f) => {
    const x = charged(weeklyAmount, f, weeks, fees.payingPercent);
    return { maintenance: fromPence(x.maintenance), fee: fromPence(x.fee), total: fromPence(x.maintenance + x.fee) };
  });
  const receivingParents = parents.map((p, i) => ({
    id: p.id,
    perFrequency: byFrequency((f) => {
      const x = charged(shares[i]!, f, weeks, fees.receivingPercent);
      return { maintenance: fromPence(x.maintenance), fee: fromPence(x.fee), net: fromPence(x.maintenance - x.fee) };
    }),
  }));
  return {
    payingParentPercent: new Dec(decimalText(fees.payingPercent, 2)),
    receivingParentPercent: new Dec(decimalText(fees.receivingPercent, 2)),
    payingParent,
    receivingParents,
  };
}
