/**
 * Variations (Child Support Act 1991 ss.28A–28F and Sch 4B; SI 2012/2677 Part 5): which agreed grounds count, and
 * for how much a week. One job: turn the variations given into two weekly totals — special expenses, which come off
 * gross weekly income (reg 72), and additional income, which is added to it (reg 73) — tracing each ground with its
 * regulation. Applying the totals to the income (and the cap) stays with the income in calculate.ts.
 *
 * Two ways in, which add up:
 * - agreed weekly amounts as CMS decided them (`specialExpensesWeekly`, `additionalIncomeWeekly`): taken as given,
 *   thresholds already applied, so no test is made of them (and nothing is traced until they are applied);
 * - `grounds`, one by one, each tested against its own rule:
 *   special expenses, weekly: contact costs (reg 63), illness or disability of a relevant other child (reg 64), prior
 *   debts (reg 65), boarding-school fees (reg 66), mortgage, loan or insurance on the former home (reg 67); each
 *   except reg 64 must reach the reg 68 threshold, and then counts in full;
 *   additional income: unearned income a year (reg 69(1): "equal to or exceeding £2,500 per annum"; weekly = yearly
 *   ÷ 365 × 7), assets (reg 69A, from 13 Dec 2018: worth more than £31,250; weekly = value × 8% ÷ 52), and diverted
 *   income, weekly (reg 71). Reg 70 (a flat-rate or nil-rate parent with gross weekly income over £100) is the
 *   existing flat-rate path: give that income as `additionalIncomeWeekly`.
 *
 * Where no variation can be made at all — a default maintenance decision, or the flat rate because of a reg 44(2)
 * benefit (reg 57(1)(c)–(d)) — the caller asks for {@link barredVariationsWarning} instead.
 * @module
 */
import { InputError } from '../errors.ts';
import { nonNegativePence } from '../input.ts';
import { divRoundHalfUp, formatPence, poundsOfPence, type MoneyInput } from '../money.ts';
import type { Reference } from '../parameters.ts';
import type { Trace } from '../trace.ts';
import { LAW } from './law.ts';
import { inPence, PERCENT_SCALE } from './in-pence.ts';
import type { Scheme2012Parameters } from './resolve.ts';
import { STEP } from './steps.ts';

/**
 * The grounds one by one, each named with the period of its amount: special expenses and diverted income a week,
 * unearned income a year, assets by their value.
 */
export const VARIATION_GROUNDS = [
  'contact_weekly',
  'illness_weekly',
  'prior_debts_weekly',
  'boarding_weekly',
  'mortgage_weekly',
  'unearned_yearly',
  'assets_value',
  'diverted_weekly',
] as const;
export type VariationGround = (typeof VARIATION_GROUNDS)[number];

/** The special-expenses grounds (regs 63–67), weekly amounts. */
const SPECIAL_EXPENSE_GROUNDS = ['contact_weekly', 'illness_weekly', 'prior_debts_weekly', 'boarding_weekly', 'mortgage_weekly'] as const;
type SpecialExpenseGround = (typeof SPECIAL_EXPENSE_GROUNDS)[number];

export interface VariationsInput {
  /** Agreed special expenses (regs 63–68), weekly, as CMS decided them: reduce income (reg 72). */
  readonly specialExpensesWeekly?: MoneyInput;
  /** Agreed additional income (regs 69–71), weekly, as CMS decided it: increases income (reg 73). */
  readonly additionalIncomeWeekly?: MoneyInput;
  /**
   * The grounds one by one: contact costs (reg 63), a relevant other child's long-term illness or disability
   * (reg 64, no threshold), repayments of debts of the former relationship (reg 65), the boarding element of
   * boarding-school fees (reg 66), mortgage, loan or insurance payments on the former home the paying parent has no
   * interest in (reg 67), all weekly; unearned income a year (reg 69); the value of assets (reg 69A, from
   * 13 Dec 2018); income diverted to someone else, weekly (reg 71).
   */
  readonly grounds?: Readonly<Partial<Record<VariationGround, MoneyInput>>>;
}

const AGREED = ['specialExpensesWeekly', 'additionalIncomeWeekly'] as const;

const SPECIAL: Record<SpecialExpenseGround, { words: string; law: Reference; threshold: boolean }> = {
  contact_weekly: { words: 'Contact costs', law: LAW.contactCosts, threshold: true },
  illness_weekly: { words: "Costs of a relevant other child's illness or disability", law: LAW.illnessOrDisability, threshold: false },
  prior_debts_weekly: { words: 'Prior debts', law: LAW.priorDebts, threshold: true },
  boarding_weekly: { words: 'Boarding-school fees (boarding element)', law: LAW.boardingSchool, threshold: true },
  mortgage_weekly: { words: 'Mortgage, loan or insurance payments on the former home', law: LAW.mortgage, threshold: true },
};

/** One amount of the variations given, in pence, with the field it came from. */
export interface VariationAmount {
  readonly field: string;
  readonly key: string;
  readonly amount: number;
}

/**
 * Each amount given, with the field it came from, checked and in pence (a fraction of a penny is rounded, and
 * `warnings` says so); grounds in the order of VARIATION_GROUNDS. Every amount is checked, so a bad one is
 * refused even where variations cannot apply.
 */
export function readVariations(v: VariationsInput | undefined, warnings?: string[]): VariationAmount[] {
  if (v === undefined) return [];
  if (typeof v !== 'object' || v === null) throw new InputError('variations', 'must be an object of amounts');
  const out = AGREED.filter((f) => v[f] !== undefined).map((f) => ({
    field: `variations.${f}`,
    key: f as string,
    amount: nonNegativePence(`variations.${f}`, v[f]!, warnings),
  }));
  const grounds = v.grounds;
  if (grounds === undefined) return out;
  if (typeof grounds !== 'object' || grounds === null) throw new InputError('variations.grounds', 'must be an object of amounts by ground');
  for (const key of Object.keys(grounds)) {
    if (!(VARIATION_GROUNDS as readonly string[]).includes(key)) {
      throw new InputError(`variations.grounds.${key}`, `is not a ground; give one of ${VARIATION_GROUNDS.join(', ')}`);
    }
  }
  for (const g of VARIATION_GROUNDS) {
    if (grounds[g] !== undefined)
      out.push({ field: `variations.grounds.${g}`, key: g, amount: nonNegativePence(`variations.grounds.${g}`, grounds[g]!, warnings) });
  }
  return out;
}

/** Whether any variation was given (even of nil): the rate and read-out mention variations only then. */
export function hasVariations(v: VariationsInput | undefined): boolean {
  return v !== undefined && (AGREED.some((f) => v[f] !== undefined) || VARIATION_GROUNDS.some((g) => v.grounds?.[g] !== undefined));
}

/** The two weekly totals the grounds come to, in pence; undefined where none of that side was given. */
export interface VariationTotals {
  readonly special: number | undefined;
  readonly additional: number | undefined;
}

const sum = (a: number | undefined, b: number): number => (a === undefined ? b : a + b);

/** The amount given for `key`, in pence, if it was given. */
function amountOf(amounts: readonly VariationAmount[], key: string): number | undefined {
  for (const a of amounts) if (a.key === key) return a.amount;
  return undefined;
}

/**
 * The weekly totals of the variations given, each typed ground tested against its rule and traced with its
 * regulation; a ground that fails its threshold counts nil, with a warning that names the threshold and its source.
 * With only the agreed weekly amounts given, nothing is traced here: they are the totals as they stand.
 */
export function variationTotals(
  amounts: readonly VariationAmount[],
  params: Scheme2012Parameters,
  trace: Trace,
  warnings: string[],
): VariationTotals {
  const inP = inPence(params);
  let special = amountOf(amounts, 'specialExpensesWeekly');
  let additional = amountOf(amounts, 'additionalIncomeWeekly');

  // Special expenses (regs 63–67), each ground against the reg 68 threshold (none for reg 64).
  const threshold = inP.specialExpensesThreshold;
  const thresholdLaw = params.specialExpensesThreshold.reference;
  for (const f of SPECIAL_EXPENSE_GROUNDS) {
    const amount = amountOf(amounts, f);
    if (amount === undefined) continue;
    const { words, law, threshold: tested } = SPECIAL[f];
    const weekly = amount;
    if (!tested) {
      trace.add(
        STEP.variationSpecialExpense,
        `${words}: ${poundsOfPence(weekly)} a week (no threshold for this ground)`,
        formatPence(weekly),
        law,
      );
      special = sum(special, weekly);
    } else if (weekly >= threshold) {
      trace.add(
        STEP.variationSpecialExpense,
        `${words}: ${poundsOfPence(weekly)} a week, at least the ${poundsOfPence(threshold)} threshold, so counted in full`,
        formatPence(weekly),
        { title: `${law.title}; ${thresholdLaw.title}`, href: law.href },
      );
      special = sum(special, weekly);
    } else {
      trace.add(
        STEP.variationSpecialExpense,
        `${words}: ${poundsOfPence(weekly)} a week is below the ${poundsOfPence(threshold)} threshold, so none of it counts`,
        '0.00',
        thresholdLaw,
      );
      if (weekly > 0) {
        warnings.push(
          `${words} of ${poundsOfPence(weekly)} a week are below the ${poundsOfPence(threshold)} a week that special expenses must reach ` +
            `(${thresholdLaw.title}), so they do not reduce the income.`,
        );
      }
    }
  }

  // Unearned income (reg 69): at least £2,500 a year, then weekly as a year's income is (÷ 365 × 7).
  const unearned = amountOf(amounts, 'unearned_yearly');
  if (unearned !== undefined) {
    const least = inP.unearnedIncomeThreshold;
    const law = params.unearnedIncomeThreshold.reference;
    if (unearned >= least) {
      const days = params.daysInYearForIncome.value;
      const weekly = divRoundHalfUp(unearned * 7, days);
      trace.add(
        STEP.variationUnearnedIncome,
        `Unearned income ${poundsOfPence(unearned)} a year, at least ${poundsOfPence(least)}: ${poundsOfPence(unearned)} ÷ ${days} × 7 = ${poundsOfPence(weekly)} a week`,
        formatPence(weekly),
        { title: `${law.title}; ÷ ${days} × 7 as ${params.daysInYearForIncome.reference.title}`, href: law.href },
      );
      additional = sum(additional, weekly);
    } else {
      trace.add(
        STEP.variationUnearnedIncome,
        `Unearned income ${poundsOfPence(unearned)} a year is below ${poundsOfPence(least)} a year, so no variation is made for it`,
        '0.00',
        law,
      );
      if (unearned > 0) {
        warnings.push(
          `Unearned income of ${poundsOfPence(unearned)} a year is below the ${poundsOfPence(least)} a year a variation needs (${law.title}), so it is not added to the income.`,
        );
      }
    }
  }

  // Assets (reg 69A), only from the day the ground began.
  const assets = amountOf(amounts, 'assets_value');
  if (assets !== undefined) {
    const above = inP.assetsThreshold;
    const yieldPct = params.assetsYieldPercent;
    const weeks = params.assetsWeeksInYear;
    if (above === null || yieldPct === undefined || weeks === undefined) {
      trace.add(STEP.variationAssets, 'Assets were not a ground for a variation on this date', '0.00', params.assetsThreshold.reference);
      if (assets > 0) {
        warnings.push(
          `Assets became a ground for a variation only on 13 December 2018 (${LAW.assets.title}, inserted by SI 2018/1279), so they are not counted on ${params.date}.`,
        );
      }
    } else if (assets > above) {
      const weekly = divRoundHalfUp(assets * inP.assetsYieldPercent!, PERCENT_SCALE * weeks.value);
      trace.add(
        STEP.variationAssets,
        `Assets worth ${poundsOfPence(assets)}, more than ${poundsOfPence(above)}: ${poundsOfPence(assets)} × ${yieldPct.value}% ÷ ${weeks.value} = ${poundsOfPence(weekly)} a week`,
        formatPence(weekly),
        yieldPct.reference,
      );
      additional = sum(additional, weekly);
    } else {
      trace.add(
        STEP.variationAssets,
        `Assets worth ${poundsOfPence(assets)} are not more than ${poundsOfPence(above)}, so no variation is made for them`,
        '0.00',
        params.assetsThreshold.reference,
      );
      if (assets > 0) {
        warnings.push(
          `Assets worth ${poundsOfPence(assets)} are not more than the ${poundsOfPence(above)} a variation needs (${params.assetsThreshold.reference.title}), so they are not counted.`,
        );
      }
    }
  }

  // Diversion of income (reg 71): the weekly amount diverted, no threshold.
  const diverted = amountOf(amounts, 'diverted_weekly');
  if (diverted !== undefined) {
    const weekly = diverted;
    trace.add(
      STEP.variationDivertedIncome,
      `Income diverted to someone else: ${poundsOfPence(weekly)} a week`,
      formatPence(weekly),
      LAW.diversionOfIncome,
    );
    additional = sum(additional, weekly);
  }

  return { special, additional };
}

/** Why no variation can be made: a default maintenance decision, or a reg 44(2) flat rate (reg 57(1)(c)–(d)). */
export type VariationBar = 'default_rate' | 'reg_44_2';

/**
 * The warning (and trace step) for variations given where none can be made: a default maintenance decision is in
 * force (reg 57(1)(c)), or the flat rate is due to a reg 44(2) benefit of the paying parent or their partner
 * (reg 57(1)(d)). Nothing is said when no amount of more than nil was given.
 */
export function barredVariationsWarning(amounts: readonly VariationAmount[], bar: VariationBar, trace: Trace, warnings: string[]): void {
  if (!amounts.some((a) => a.amount > 0)) return;
  const why =
    bar === 'default_rate'
      ? 'a default rate is in force, and no variation can be made while a default maintenance decision is in force'
      : 'the paying parent pays the flat rate because they or their partner get a reg 44(2) benefit (income support, ' +
        'income-based JSA, income-related ESA, pension credit, or universal credit with no earnings), and no variation can be made then';
  trace.add(STEP.variationBarred, `Variations not applied: ${why}`, '0.00', LAW.variationRejected);
  warnings.push(`Variations are not applied: ${why} (${LAW.variationRejected.title}).`);
}
