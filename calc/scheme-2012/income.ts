/**
 * Gross weekly income: from an amount over a period, less pension contributions, and the reg 34
 * current-income test.
 * @module
 */
import { nonNegativeMoney, nonNegativePence } from '../input.ts';
import { divRoundHalfUp, formatPence, poundsOfPence, pounds, type Dec as Decimal, type MoneyInput } from '../money.ts';
import type { Trace } from '../trace.ts';
import { LAW } from './law.ts';
import type { Scheme2012Parameters } from './resolve.ts';
import { STEP } from './steps.ts';

export const INCOME_PERIODS = ['year', 'month', 'four_weeks', 'week'] as const;
export type IncomePeriod = (typeof INCOME_PERIODS)[number];

export interface PeriodAmount {
  readonly amount: MoneyInput;
  readonly period: IncomePeriod;
}

const PER_YEAR: Record<Exclude<IncomePeriod, 'week'>, number> = { year: 1, month: 12, four_weeks: 13 };
export const PERIOD_WORDS: Record<IncomePeriod, string> = {
  year: 'a year',
  month: 'a month',
  four_weeks: 'every four weeks',
  week: 'a week',
};

/** The yearly figure in pence: a week × 52, a month × 12, four weeks × 13, a year as it is. */
function annualPence(field: string, p: PeriodAmount, warnings?: string[]): number {
  return nonNegativePence(field, p.amount, warnings) * (p.period === 'week' ? 52 : PER_YEAR[p.period]);
}

/** A yearly figure in pence as a weekly one: ÷ days in the year × 7 (reg 35(1)(c)), to the penny. */
const weeklyOfYearly = (yearlyPence: number, params: Scheme2012Parameters): number =>
  divRoundHalfUp(yearlyPence * 7, params.daysInYearForIncome.value);

/**
 * Pension contributions as a weekly figure in pence, to deduct from a weekly income: a weekly amount as it is,
 * any other period through the annual figure ÷ 365 × 7 (reg 35(1)(c)).
 */
export function weeklyPension(pension: PeriodAmount, params: Scheme2012Parameters, warnings?: string[]): number {
  const field = 'payingParent.pensionContributions.amount';
  if (pension.period === 'week') return nonNegativePence(field, pension.amount, warnings);
  return weeklyOfYearly(annualPence(field, pension, warnings), params);
}

/**
 * A weekly income in pence less the pension contributions not already taken off (reg 35(3)), as a weekly figure,
 * never below nil; traced.
 */
export function lessPensionWeekly(
  weekly: number,
  pension: PeriodAmount,
  params: Scheme2012Parameters,
  trace: Trace,
  warnings?: string[],
): number {
  const pensionWeekly = weeklyPension(pension, params, warnings);
  const after = Math.max(0, weekly - pensionWeekly);
  trace.add(
    STEP.pensionContributions,
    `Less pension contributions of ${poundsOfPence(pensionWeekly)} a week`,
    formatPence(after),
    LAW.pensionRelief,
  );
  return after;
}

/**
 * Weekly income in pence from an amount over a period. A weekly figure is used as it is; any other period goes
 * through the annual figure, which becomes weekly by dividing by 365 and multiplying by 7 (reg 35(1)(c)),
 * so £30,000 a year is £575.34 a week, not £576.92. Pension contributions not already taken off are
 * deducted from the same basis first (reg 35(3)).
 */
export function weeklyIncomeFrom(
  income: PeriodAmount,
  pension: PeriodAmount | undefined,
  params: Scheme2012Parameters,
  trace: Trace,
  field = 'payingParent.income',
  warnings?: string[],
): number {
  const days = params.daysInYearForIncome;
  if (income.period === 'week') {
    let weekly = nonNegativePence(`${field}.amount`, income.amount, warnings);
    trace.add(
      STEP.incomeWeekly,
      `Income of ${poundsOfPence(weekly)} a week is used as a weekly figure`,
      formatPence(weekly),
      LAW.historicIncome,
    );
    if (pension) weekly = lessPensionWeekly(weekly, pension, params, trace, warnings);
    return weekly;
  }

  let yearly = annualPence(`${field}.amount`, income, warnings);
  trace.add(
    STEP.incomeAnnual,
    income.period === 'year'
      ? `Annual income ${poundsOfPence(yearly)}`
      : `${poundsOfPence(yearly / PER_YEAR[income.period])} ${PERIOD_WORDS[income.period]} × ${PER_YEAR[income.period]} = ${poundsOfPence(yearly)} a year`,
    formatPence(yearly),
    LAW.historicIncome,
  );
  if (pension) {
    const pensionYearly = annualPence('payingParent.pensionContributions.amount', pension, warnings);
    yearly = Math.max(0, yearly - pensionYearly);
    trace.add(
      STEP.pensionContributions,
      `Less pension contributions of ${poundsOfPence(pensionYearly)} a year (not already deducted by the employer)`,
      formatPence(yearly),
      LAW.pensionRelief,
    );
  }
  const weekly = weeklyOfYearly(yearly, params);
  trace.add(
    STEP.incomeWeekly,
    `${poundsOfPence(yearly)} ÷ ${days.value} × 7 = ${poundsOfPence(weekly)} a week (to the penny)`,
    formatPence(weekly),
    days.reference,
  );
  return weekly;
}

/** Outcome of the reg 34(2) test between historic (HMRC) and current income. */
export interface CurrentIncomeTest {
  readonly use: 'historic' | 'current';
  readonly grossWeeklyIncome: Decimal;
  /** |current − historic| */
  readonly difference: Decimal;
  /** 25% of historic income. */
  readonly threshold: Decimal;
}

/**
 * Reg 34(2): current income replaces historic income when it differs from it by at least 25% of historic
 * income, or when there is no historic figure (a nil historic figure with current income above nil counts
 * as such a difference, reg 34(2A)). Both figures are weekly.
 */
export function currentIncomeTest(
  historicWeekly: MoneyInput,
  currentWeekly: MoneyInput,
  params: Scheme2012Parameters,
  trace: Trace,
): CurrentIncomeTest {
  const historic = nonNegativeMoney('historicWeekly', historicWeekly);
  const current = nonNegativeMoney('currentWeekly', currentWeekly);
  const pct = params.currentIncomeDifferencePercent;
  const difference = current.minus(historic).abs();
  const threshold = historic.times(pct.value).dividedBy(100);
  const use = difference.gte(threshold) && !difference.isZero() ? 'current' : 'historic';
  trace.add(
    STEP.currentIncomeTest,
    `Current ${pounds(current)} differs from historic ${pounds(historic)} by ${pounds(difference)}; ` +
      `${pct.value}% of historic is ${pounds(threshold)}, so ${use} income is used`,
    use,
    pct.reference,
  );
  return { use, grossWeeklyIncome: use === 'current' ? current : historic, difference, threshold };
}
