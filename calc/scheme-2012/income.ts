/**
 * Gross weekly income: from an amount over a period, less pension contributions, and the reg 34
 * current-income test.
 * @module
 */
import { nonNegativeMoney } from '../input.ts';
import { Dec, formatMoney, money, pounds, roundPenny, type Dec as Decimal, type MoneyInput } from '../money.ts';
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

function annual(field: string, p: PeriodAmount): Decimal {
  const amount = nonNegativeMoney(field, p.amount);
  return p.period === 'week' ? amount.times(52) : amount.times(PER_YEAR[p.period]);
}

/**
 * Pension contributions as a weekly figure, to deduct from a weekly income: a weekly amount as it is,
 * any other period through the annual figure ÷ 365 × 7 (reg 35(1)(c)).
 */
export function weeklyPension(pension: PeriodAmount, params: Scheme2012Parameters): Decimal {
  const field = 'payingParent.pensionContributions.amount';
  if (pension.period === 'week') return nonNegativeMoney(field, pension.amount);
  return roundPenny(annual(field, pension).dividedBy(params.daysInYearForIncome.value).times(7));
}

/**
 * Weekly income from an amount over a period. A weekly figure is used as it is; any other period goes
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
): Decimal {
  const days = params.daysInYearForIncome;
  if (income.period === 'week') {
    let weekly = nonNegativeMoney(`${field}.amount`, income.amount);
    trace.add(STEP.incomeWeekly, `Income of ${pounds(weekly)} a week is used as a weekly figure`, formatMoney(weekly), LAW.historicIncome);
    if (pension) {
      const pensionWeekly = weeklyPension(pension, params);
      weekly = Dec.max(0, weekly.minus(pensionWeekly));
      trace.add(
        STEP.pensionContributions,
        `Less pension contributions of ${pounds(pensionWeekly)} a week`,
        formatMoney(weekly),
        LAW.pensionRelief,
      );
    }
    return roundPenny(weekly);
  }

  let yearly = annual(`${field}.amount`, income);
  trace.add(
    STEP.incomeAnnual,
    income.period === 'year'
      ? `Annual income ${pounds(yearly)}`
      : `${pounds(money(income.amount))} ${PERIOD_WORDS[income.period]} × ${PER_YEAR[income.period]} = ${pounds(yearly)} a year`,
    formatMoney(yearly),
    LAW.historicIncome,
  );
  if (pension) {
    const pensionYearly = annual('payingParent.pensionContributions.amount', pension);
    yearly = Dec.max(0, yearly.minus(pensionYearly));
    trace.add(
      STEP.pensionContributions,
      `Less pension contributions of ${pounds(pensionYearly)} a year (not already deducted by the employer)`,
      formatMoney(yearly),
      LAW.pensionRelief,
    );
  }
  const weekly = roundPenny(yearly.dividedBy(days.value).times(7));
  trace.add(
    STEP.incomeWeekly,
    `${pounds(yearly)} ÷ ${days.value} × 7 = ${pounds(weekly)} a week (to the penny)`,
    formatMoney(weekly),
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
