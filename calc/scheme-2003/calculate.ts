/**
 * The 2003 scheme ("CSA new rules"), from the paying parent's NET weekly income: the nil, flat, reduced and basic
 * rates, relevant other children, the £2,000 cap, apportionment between receiving parents, shared care with its
 * £7-per-child deduction and £5 minimum, and the flat-rate shared-care rule.
 *
 * Order of operations (Child Support Act 1991 Sch 1 para 1(2), 2003 text): "the applicable rate … as apportioned
 * between the persons with care in accordance with paragraph 6, as adjusted … by applying the rules about shared
 * care in paragraph 7 or 8". Rounding (SI 2001/155 reg 2): the basic or reduced rate to the nearest pound, 50p up
 * (reg 2(3)); every other figure to the nearest penny, half a penny up (reg 2(2)).
 *
 * The result has the 2012 result's shape (weeklyAmount, rate, receivingParents, perFrequency, warnings, readOut,
 * trace), so letters and tools quote it the same way; the income is `netWeeklyIncome`.
 * @module
 */
import { apportion } from '../apportion.ts';
import { isCivilDate, compareDates, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { perFrequency, type Frequency } from '../frequency.ts';
import { nonNegativeMoney, wholeNumber } from '../input.ts';
import { OutOfCoverageError, valueOn, type ResolvedValue } from '../parameters.ts';
import {
  Dec,
  formatFraction,
  formatMoney,
  pounds,
  roundPenny,
  roundPound,
  timesFraction,
  type Dec as Decimal,
  type Fraction,
  type MoneyInput,
} from '../money.ts';
import { Trace, type TraceStep } from '../trace.ts';
import type {
  ChildResult,
  CollectionService,
  NightsPeriod,
  ReceivingParentInput,
  ReceivingParentResult,
} from '../scheme-2012/calculate.ts';
import type { ChildCount, OtherChildCount } from '../scheme-2012/parameters.ts';
import { averageFraction, isHalfBand, sharedCareBandOf, sharedCareFraction, traceWeeklyNights } from '../scheme-2012/shared-care.ts';
import { STEP } from '../scheme-2012/steps.ts';
import { LAW } from './law.ts';
import * as P from './parameters.ts';

/** SI 2001/155 reg 5: descriptions of paying parent who pay the nil rate (2012 names where the 2012 list has the same person). */
export const NIL_RATE_REASONS_2003 = [
  'student',
  'child',
  'prisoner',
  'aged_16_or_17_on_benefit',
  'work_based_training',
  'care_home_or_hospital',
] as const;
export type NilRateReason2003 = (typeof NIL_RATE_REASONS_2003)[number];

const NIL_RATE_REASON_WORDS: Record<NilRateReason2003, string> = {
  student: 'the paying parent is a student (reg 5(a))',
  child: 'the paying parent is a child (reg 5(b))',
  prisoner: 'the paying parent is a prisoner (reg 5(c))',
  aged_16_or_17_on_benefit:
    "the paying parent is 16 or 17 and they or their partner get income support or income-based jobseeker's allowance (reg 5(d))",
  work_based_training: 'the paying parent gets an allowance for work-based training for young people, or Skillseekers training (reg 5(e))',
  care_home_or_hospital: 'the paying parent is in a care home or nursing home, or a hospital patient, as reg 5(f)–(h) describes',
};

export const RATES_2003 = ['nil', 'flat', 'reduced', 'basic'] as const;
export type Rate2003 = (typeof RATES_2003)[number];

/** What the 2003 scheme takes: the 2012 input's shape, with net weekly income in place of gross. */
export interface Maintenance2003Input {
  /** The day the calculation is for (its effective date): 2003-03-03 or later. */
  readonly date: CivilDate;
  readonly payingParent: {
    /** Net weekly income: gross earnings less income tax, Class 1 NI and pension contributions (SI 2001/155 Sch para 5). Required unless no income is needed. */
    readonly netWeeklyIncome?: MoneyInput;
    /** Gross income belongs to the 2012 scheme: refused here, with a message that says what to give. */
    readonly grossWeeklyIncome?: unknown;
    readonly income?: unknown;
    readonly pensionContributions?: unknown;
    /** The paying parent gets a reg 4(1) benefit, or they or their partner a reg 4(2) benefit: flat rate (para 4(1)(b)–(c)). */
    readonly flatRateBenefit?: boolean;
    readonly nilRateReason?: NilRateReason2003;
    readonly relevantOtherChildren?: number;
    /** The 2012 scheme's para 5A; the 2003 scheme has no such rule: refused when above 0. */
    readonly otherArrangementChildren?: number;
  };
  readonly receivingParents: readonly ReceivingParentInput[];
  /** Not modelled for the 2003 scheme (SI 2001/156): refused when given. */
  readonly variations?: unknown;
  /** Not modelled for the 2003 scheme: refused when true. */
  readonly defaultRate?: boolean;
  /** Recorded as given; the 2003 scheme's Collection Service charged no fees. */
  readonly collection?: CollectionService;
}

export interface Maintenance2003Result {
  readonly scheme: '2003';
  readonly date: CivilDate;
  readonly rate: Rate2003;
  /** Net weekly income the rate was worked out on (after the £2,000 cap); null where none was needed. */
  readonly netWeeklyIncome: Decimal | null;
  /** Always null: the 2003 scheme does not use gross income (kept so the shape matches the 2012 result). */
  readonly grossWeeklyIncome: null;
  readonly weeklyAmount: Decimal;
  readonly receivingParents: readonly ReceivingParentResult[];
  readonly perFrequency: Record<Frequency, Decimal>;
  readonly collection: CollectionService;
  readonly warnings: readonly string[];
  readonly readOut: string;
  readonly trace: readonly TraceStep[];
}

/** The error when gross income is given: the 2003 scheme works from net income, and the user must give it. */
export const NET_INCOME_NEEDED =
  'the 2003 scheme works from NET weekly income, not gross: give payingParent.netWeeklyIncome, the gross pay less income tax, ' +
  'Class 1 National Insurance and pension contributions (SI 2001/155 Schedule para 5); Reckoner does not work net income out from gross';

interface Params {
  flatRate: ResolvedValue<string>;
  nilRateIncomeBelow: ResolvedValue<string>;
  flatRateIncomeUpTo: ResolvedValue<string>;
  reducedRateIncomeBelow: ResolvedValue<string>;
  basicRatePercent: ResolvedValue<P.ByChildren>;
  relevantOtherChildrenPercent: ResolvedValue<P.ByOtherChildren>;
  reducedRateTable: ResolvedValue<P.ReducedRateTable>;
  incomeCap: ResolvedValue<string>;
  sharedCareBands: ResolvedValue<readonly P.SharedCareBand[]>;
  sharedCareHalfDeduction: ResolvedValue<string>;
  sharedCareFloor: ResolvedValue<string>;
  flatRateSharedCareNights: ResolvedValue<number>;
  sharedCareNightsPerWeeklyNight: ResolvedValue<number>;
  weeksInReferencePeriod: ResolvedValue<number>;
}

/** The 2003-scheme figures in force on `date`; a date outside {@link P.COVERAGE} is refused, saying which dates are covered. */
export function parameters2003On(date: CivilDate): Params {
  if (compareDates(date, P.COVERAGE.from) < 0 || compareDates(date, P.COVERAGE.through) > 0) {
    throw new OutOfCoverageError(
      `${date} is outside the dates of the 2003 scheme as Reckoner codes it (${P.COVERAGE.from} to ${P.COVERAGE.through}). ` +
        (compareDates(date, P.COVERAGE.from) < 0
          ? 'The 2003 scheme began on 3 March 2003 (SI 2003/192); earlier cases were under the 1993 scheme, which Reckoner does not calculate.'
          : '2003-scheme liabilities were all ended by then (SI 2014/614); use scheme "2012".'),
    );
  }
  return {
    flatRate: valueOn(P.flatRate, date),
    nilRateIncomeBelow: valueOn(P.nilRateIncomeBelow, date),
    flatRateIncomeUpTo: valueOn(P.flatRateIncomeUpTo, date),
    reducedRateIncomeBelow: valueOn(P.reducedRateIncomeBelow, date),
    basicRatePercent: valueOn(P.basicRatePercent, date),
    relevantOtherChildrenPercent: valueOn(P.relevantOtherChildrenPercent, date),
    reducedRateTable: valueOn(P.reducedRateTable, date),
    incomeCap: valueOn(P.incomeCap, date),
    sharedCareBands: valueOn(P.sharedCareBands, date),
    sharedCareHalfDeduction: valueOn(P.sharedCareHalfDeduction, date),
    sharedCareFloor: valueOn(P.sharedCareFloor, date),
    flatRateSharedCareNights: valueOn(P.flatRateSharedCareNights, date),
    sharedCareNightsPerWeeklyNight: valueOn(P.sharedCareNightsPerWeeklyNight, date),
    weeksInReferencePeriod: valueOn(P.weeksInReferencePeriod, date),
  };
}

const MAX_NIGHTS_PER_YEAR = 366;
const NIGHTS_PERIODS: readonly NightsPeriod[] = ['week', 'year'];

interface Parent {
  id: string;
  name: string;
  children: { id: string; name: string; nightsPerYear: number; nightsPerWeek: number | null }[];
}

const capital = (s: string): string => `${s[0]!.toUpperCase()}${s.slice(1)}`;
const clampCount = <T extends number>(n: number, max: T): T => Math.min(n, max) as T;

function nightsOf(child: ReceivingParentInput['children'][number], field: string, perNight: number) {
  if (child.nights === undefined) {
    return { nightsPerYear: wholeNumber(`${field}.nightsPerYear`, child.nightsPerYear, MAX_NIGHTS_PER_YEAR), nightsPerWeek: null };
  }
  if (child.nightsPerYear !== undefined) throw new InputError(`${field}.nights`, 'give either nightsPerYear or nights, not both');
  const { count, period } = child.nights;
  if (!NIGHTS_PERIODS.includes(period)) throw new InputError(`${field}.nights.period`, `must be one of ${NIGHTS_PERIODS.join(', ')}`);
  if (period === 'year') return { nightsPerYear: wholeNumber(`${field}.nights.count`, count, MAX_NIGHTS_PER_YEAR), nightsPerWeek: null };
  const perWeek = wholeNumber(`${field}.nights.count`, count, 7);
  return { nightsPerYear: perWeek * perNight, nightsPerWeek: perWeek };
}

function normaliseParents(input: Maintenance2003Input, perNight: number): Parent[] {
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
      if (seen.has(childId))
        throw new InputError(`receivingParents[${i}].children[${j}].id`, `"${childId}" is used twice; give each child a different id`);
      seen.add(childId);
      return {
        id: childId,
        name: child.id ?? `child ${childNumber}`,
        ...nightsOf(child, `receivingParents[${i}].children[${j}]`, perNight),
      };
    });
    const name = rp.id ?? (input.receivingParents.length === 1 ? 'the receiving parent' : `receiving parent ${i + 1}`);
    return { id, name, children };
  });
}

/** Refuses what the 2003 calculator does not take, each with what to do instead. */
function refuseUnsupported(input: Maintenance2003Input): void {
  const payer = input.payingParent ?? {};
  for (const field of ['grossWeeklyIncome', 'income', 'pensionContributions'] as const) {
    if (payer[field] !== undefined) throw new InputError(`payingParent.${field}`, NET_INCOME_NEEDED);
  }
  if ((payer.otherArrangementChildren ?? 0) !== 0) {
    throw new InputError(
      'payingParent.otherArrangementChildren',
      "the 2003 scheme has no rule for children under other arrangements (that is the 2012 scheme's para 5A); leave it out",
    );
  }
  if (input.variations !== undefined) {
    throw new InputError(
      'variations',
      'variations under the 2003 scheme (SI 2001/156) are not calculated by Reckoner; give the net weekly income as varied, or leave variations out',
    );
  }
  if (input.defaultRate) {
    throw new InputError('defaultRate', "the 2003 scheme's default rate is not calculated by Reckoner; leave defaultRate out");
  }
  if (payer.nilRateReason !== undefined && !NIL_RATE_REASONS_2003.includes(payer.nilRateReason)) {
    throw new InputError('payingParent.nilRateReason', `must be one of ${NIL_RATE_REASONS_2003.join(', ')}`);
  }
}

/**
 * Works out the weekly child maintenance under the 2003 scheme for one paying parent, every step traced to its
 * legal source. Pure: the same input always gives the same result.
 *
 * @throws {InputError} when the input is incomplete or impossible (gross income instead of net included); the error names the field.
 * @throws {OutOfCoverageError} when `date` is outside 2003-03-03 to 2018-12-31.
 * @example
 * calculateMaintenance2003({ date: '2008-06-01', payingParent: { netWeeklyIncome: '300' },
 *   receivingParents: [{ children: [{}] }] }).weeklyAmount // 45 (15% of £300)
 */
export function calculateMaintenance2003(input: Maintenance2003Input): Maintenance2003Result {
  if (typeof input.date !== 'string' || !isCivilDate(input.date)) {
    throw new InputError('date', `must be a real date written YYYY-MM-DD (got ${JSON.stringify(input.date)})`);
  }
  refuseUnsupported(input);
  const params = parameters2003On(input.date);
  const trace = new Trace();
  const warnings: string[] = [];
  const payer = input.payingParent ?? {};
  const parents = normaliseParents(input, params.sharedCareNightsPerWeeklyNight.value);
  const qualifying = parents.reduce((n, p) => n + p.children.length, 0);
  const relevantOther = wholeNumber('payingParent.relevantOtherChildren', payer.relevantOtherChildren);
  const collection = input.collection ?? 'direct_pay';
  if (collection !== 'direct_pay' && collection !== 'collect_and_pay') {
    throw new InputError('collection', 'must be one of direct_pay, collect_and_pay');
  }

  trace.add(
    STEP.qualifyingChildren,
    `2003 scheme: ${qualifying} qualifying ${qualifying === 1 ? 'child' : 'children'} with ${parents.length} receiving ${parents.length === 1 ? 'parent' : 'parents'}`,
    String(qualifying),
    LAW.order,
  );
  traceWeeklyNights(parents, params.sharedCareNightsPerWeeklyNight, trace);

  // 1. Net weekly income, where the rate needs one (para 10; SI 2001/155 Schedule), capped at £2,000 (para 10(3)).
  const given =
    payer.netWeeklyIncome === undefined ? undefined : roundPenny(nonNegativeMoney('payingParent.netWeeklyIncome', payer.netWeeklyIncome));
  if (given === undefined && payer.nilRateReason === undefined && !payer.flatRateBenefit) {
    throw new InputError(
      'payingParent.netWeeklyIncome',
      "give the paying parent's net weekly income (gross pay less income tax, Class 1 National Insurance and pension contributions), " +
        'or say why none is needed (flatRateBenefit or nilRateReason)',
    );
  }
  let income = given;
  if (given !== undefined) {
    trace.add(STEP.incomeWeekly, `Net weekly income given: ${pounds(given)}`, formatMoney(given), LAW.netIncome);
    const cap = new Dec(params.incomeCap.value);
    if (given.gt(cap)) {
      trace.add(
        STEP.incomeCap,
        `Net income above ${pounds(cap)} a week is ignored: ${pounds(given)} → ${pounds(cap)}`,
        formatMoney(cap),
        params.incomeCap.reference,
      );
      warnings.push(
        `Net weekly income of ${pounds(given)} is above the ${pounds(cap)} a week cap (${params.incomeCap.reference.title}), so the calculation uses ${pounds(cap)} a week. ` +
          'Check it is a weekly figure.',
      );
      income = cap;
    }
  }

  // 2. The rate.
  const q = clampCount<ChildCount>(qualifying, 3);
  const r = clampCount<OtherChildCount>(relevantOther, 3);
  const { rate, amount: rateAmount, flatBecauseOfBenefit } = chooseRate(payer, income, q, r, params, trace);

  // 3. Para 6: apportion between receiving parents by number of qualifying children, to the penny (reg 2(2)).
  const weights = parents.map((p) => p.children.length);
  let shares =
    parents.length > 1 && rate !== 'nil' ? apportion(rateAmount, weights) : parents.map((_, i) => (i === 0 ? rateAmount : new Dec(0)));
  if (parents.length > 1 && rate !== 'nil') {
    trace.add(
      STEP.apportionment,
      `${pounds(rateAmount)} shared by number of qualifying children (${weights.join(' : ')}): ` +
        parents.map((p, i) => `${p.name} ${pounds(shares[i]!)}`).join(', ') +
        ' (any odd penny goes to the share that lost most in rounding, so the shares add up to the whole)',
      formatMoney(rateAmount),
      LAW.apportionment,
    );
  }

  // 4. Shared care: para 7 for the basic and reduced rates, para 8 for a flat rate due to a benefit.
  const bands = params.sharedCareBands.value;
  const fractions = parents.map((p) => p.children.map((c) => sharedCareFraction(c.nightsPerYear, bands)));
  const parentFractions = fractions.map((fs) => averageFraction(fs));
  const paragraph7 = rate === 'reduced' || rate === 'basic';
  if (paragraph7) {
    let applied = false;
    shares = shares.map((share, i) => {
      const parent = parents[i]!;
      const f = parentFractions[i]!;
      if (f.numerator === 0) return share;
      applied = true;
      const decreased = roundPenny(share.minus(timesFraction(share, f)));
      trace.add(
        STEP.sharedCare,
        `${capital(parent.name)}: nights ${parent.children.map((c) => c.nightsPerYear).join(', ')} give ${fractions[i]!.map(formatFraction).join(' + ')}` +
          (parent.children.length > 1 ? `, averaged over ${parent.children.length} children = ${formatFraction(f)}` : '') +
          `; ${pounds(share)} × (1 − ${formatFraction(f)}) = ${pounds(decreased)}`,
        formatMoney(decreased),
        parent.children.length > 1 ? LAW.sharedCareSeveralChildren : params.sharedCareBands.reference,
      );
      const halves = parent.children.filter((c) => isHalfBand(c.nightsPerYear, bands)).length;
      if (halves === 0) return decreased;
      const deduction = new Dec(params.sharedCareHalfDeduction.value).times(halves);
      const after = Dec.max(0, decreased.minus(deduction));
      trace.add(
        STEP.sharedCareHalfDeduction,
        `${capital(parent.name)}: ${halves} ${halves === 1 ? 'child has' : 'children have'} 175 or more nights, so a further £${params.sharedCareHalfDeduction.value} each comes off: ` +
          `${pounds(decreased)} − ${pounds(deduction)} = ${pounds(after)}` +
          (decreased.lt(deduction) ? ' (not below nil)' : ''),
        formatMoney(after),
        params.sharedCareHalfDeduction.reference,
      );
      return after;
    });
    const total = shares.reduce((a, b) => a.plus(b), new Dec(0));
    const floor = new Dec(params.sharedCareFloor.value);
    if (applied && total.lt(floor)) {
      shares = parents.length > 1 ? apportion(floor, weights) : [floor];
      trace.add(
        STEP.sharedCareFloor,
        `Shared care would leave ${pounds(total)} a week, below the £${params.sharedCareFloor.value} minimum, so £${params.sharedCareFloor.value} is payable` +
          (parents.length > 1 ? `, shared ${parents.map((p, i) => `${p.name} ${pounds(shares[i]!)}`).join(', ')}` : ''),
        formatMoney(floor),
        params.sharedCareFloor.reference,
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
      `The flat rate is due to net income of £${params.flatRateIncomeUpTo.value} a week or less, so shared care does not change it`,
      formatMoney(rateAmount),
      LAW.flatRateSharedCare,
    );
  }

  for (const c of parents.flatMap((p) => p.children)) {
    if (c.nightsPerYear > 182) {
      warnings.push(
        `${capital(c.name)} spends ${c.nightsPerYear} nights a year with the paying parent. A parent who gives day-to-day care to the same extent as the ` +
          'other parent, or more, is not the non-resident parent (SI 2001/155 reg 8); check who should be paying.',
      );
    }
  }

  const weeklyAmount = shares.reduce((a, b) => a.plus(b), new Dec(0));
  trace.add(
    STEP.weeklyAmount,
    parents.length > 1
      ? `Weekly amount: ${shares.map((s) => pounds(s)).join(' + ')} = ${pounds(weeklyAmount)}`
      : `Weekly amount: ${pounds(weeklyAmount)}`,
    formatMoney(weeklyAmount),
    LAW.order,
  );
  const weeks = params.weeksInReferencePeriod.value;
  const frequencies = perFrequency(weeklyAmount, weeks);
  trace.add(
    STEP.instalments,
    `As equal instalments over ${weeks} weeks: weekly ${pounds(weeklyAmount)} × ${weeks} ÷ 12 = monthly ${pounds(frequencies.monthly)}`,
    formatMoney(frequencies.monthly),
    LAW.instalments,
  );

  const result: Omit<Maintenance2003Result, 'readOut'> = {
    scheme: '2003',
    date: input.date,
    rate,
    netWeeklyIncome: rate === 'nil' && payer.nilRateReason ? null : (income ?? null),
    grossWeeklyIncome: null,
    weeklyAmount,
    receivingParents: parents.map((p, i) => ({
      id: p.id,
      weeklyAmount: shares[i]!,
      sharedCareFraction: paragraph7 ? parentFractions[i]! : ({ numerator: 0, denominator: 1 } as Fraction),
      children: p.children.map((c, j): ChildResult => ({
        id: c.id,
        nightsPerYear: c.nightsPerYear,
        nightsPerWeek: c.nightsPerWeek,
        band: sharedCareBandOf(c.nightsPerYear, bands),
        sharedCareFraction: fractions[i]![j]!,
      })),
    })),
    perFrequency: frequencies,
    collection,
    warnings,
    trace: trace.steps,
  };
  return { ...result, readOut: readOut(result, qualifying) };
}

interface RateChoice {
  rate: Rate2003;
  amount: Decimal;
  flatBecauseOfBenefit: boolean;
}

function chooseRate(
  payer: Maintenance2003Input['payingParent'],
  income: Decimal | undefined,
  q: ChildCount,
  r: OtherChildCount,
  params: Params,
  trace: Trace,
): RateChoice {
  const flat = new Dec(params.flatRate.value);
  if (payer.nilRateReason) {
    trace.add(STEP.rateNil, `Nil rate: ${NIL_RATE_REASON_WORDS[payer.nilRateReason]}`, '0.00', LAW.nilRatePersons);
    return { rate: 'nil', amount: new Dec(0), flatBecauseOfBenefit: false };
  }
  if (payer.flatRateBenefit) {
    trace.add(
      STEP.rateFlat,
      `Flat rate £${params.flatRate.value}: the paying parent gets a benefit listed in reg 4(1), or they or their partner one listed in reg 4(2)`,
      formatMoney(flat),
      LAW.flatRateBenefit,
    );
    return { rate: 'flat', amount: flat, flatBecauseOfBenefit: true };
  }
  const weekly = income!;
  const nilBelow = new Dec(params.nilRateIncomeBelow.value);
  if (weekly.lt(nilBelow)) {
    trace.add(
      STEP.rateNil,
      `Nil rate: net weekly income ${pounds(weekly)} is below ${pounds(nilBelow)}`,
      '0.00',
      params.nilRateIncomeBelow.reference,
    );
    return { rate: 'nil', amount: new Dec(0), flatBecauseOfBenefit: false };
  }
  const flatUpTo = new Dec(params.flatRateIncomeUpTo.value);
  if (weekly.lte(flatUpTo)) {
    trace.add(
      STEP.rateFlat,
      `Flat rate £${params.flatRate.value}: net weekly income ${pounds(weekly)} is ${pounds(flatUpTo)} or less`,
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
      `Reduced rate (net income over ${pounds(flatUpTo)} and under ${pounds(reducedBelow)}): F + A × T = £${params.flatRate.value} + (${pounds(weekly)} − ${pounds(flatUpTo)}) × ${t}% ` +
        `[${childWords(q)}, ${otherWords(r)}] = £${raw.toString()}`,
      raw.toString(),
      params.reducedRateTable.reference,
    );
    trace.add(
      STEP.rounding,
      `The reduced rate is rounded to the nearest pound: £${raw.toString()} → ${pounds(value)}`,
      formatMoney(value),
      LAW.roundingPound,
    );
    return { rate: 'reduced', amount: value, flatBecauseOfBenefit: false };
  }
  let base = weekly;
  if (r > 0) {
    const pct = params.relevantOtherChildrenPercent.value[r];
    const keep = new Dec(100).minus(pct);
    base = roundPenny(weekly.times(keep).dividedBy(100));
    trace.add(
      STEP.relevantOtherChildren,
      `Net income reduced by ${pct}% for ${otherWords(r)}: ${pounds(weekly)} × ${keep.toString()}% = ${pounds(base)}`,
      formatMoney(base),
      params.relevantOtherChildrenPercent.reference,
    );
  }
  const pct = params.basicRatePercent.value[q];
  const raw = base.times(pct).dividedBy(100);
  trace.add(
    STEP.rateBasic,
    `Basic rate for ${childWords(q)}: ${pounds(base)} × ${pct}% = £${raw.toString()}`,
    raw.toString(),
    params.basicRatePercent.reference,
  );
  const value = roundPound(raw);
  trace.add(
    STEP.rounding,
    `The basic rate is rounded to the nearest pound: £${raw.toString()} → ${pounds(value)}`,
    formatMoney(value),
    LAW.roundingPound,
  );
  return { rate: 'basic', amount: value, flatBecauseOfBenefit: false };
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

const RATE_WORDS: Record<Rate2003, string> = { nil: 'nil rate', flat: 'flat rate', reduced: 'reduced rate', basic: 'basic rate' };

/** The answer in one sentence, quoting the result's own figures (nothing is worked out here). */
function readOut(result: Omit<Maintenance2003Result, 'readOut'>, qualifying: number): string {
  const income = result.netWeeklyIncome ? `On net weekly income of ${pounds(result.netWeeklyIncome)}, with ` : 'With ';
  const children = `${qualifying} qualifying ${qualifying === 1 ? 'child' : 'children'}`;
  return (
    `${income}${children}, the paying parent should pay ${pounds(result.weeklyAmount)} a week, which is ${pounds(result.perFrequency.monthly)} a month ` +
    `(2003 scheme, ${RATE_WORDS[result.rate]}).`
  );
}
