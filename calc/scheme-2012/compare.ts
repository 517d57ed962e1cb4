/**
 * Two calculations set side by side: the one on the right circumstances and the one on the circumstances CMS
 * used. What differs (income, children, nights, rate), how far apart the weekly amounts are and which way, and —
 * where one income is current and the other historic — the reg 34(2) test between them, with the percentage
 * of the historic figure the difference is.
 * @module
 */
import { Dec, formatMoney, pounds, type Dec as Decimal } from '../money.ts';
import { Trace, type TraceStep } from '../trace.ts';
import type { MaintenanceInput, MaintenanceResult, Rate } from './calculate.ts';
import { currentIncomeTest, type CurrentIncomeTest } from './income.ts';
import { LAW } from './law.ts';
import { parametersOn } from './resolve.ts';
import { STEP } from './steps.ts';

/** A calculation with the input it was run on (the input holds what the result does not: relevant other children). */
export interface CalculationRun {
  readonly input: MaintenanceInput;
  readonly result: MaintenanceResult;
}

/** Which way CMS's figure is out against the correct one. */
export type Way = 'too_high' | 'too_low' | 'same';

/** One circumstance as each calculation has it. */
export interface Side<T> {
  readonly cms: T;
  readonly correct: T;
  readonly differs: boolean;
}

export interface CalculationComparison {
  readonly grossWeeklyIncome: Side<Decimal | null>;
  readonly qualifyingChildren: Side<number>;
  readonly relevantOtherChildren: Side<number>;
  /** Nights a year with the paying parent, child by child. */
  readonly nights: Side<readonly number[]>;
  readonly rate: Side<Rate>;
  readonly weeklyAmount: Side<Decimal>;
  /** CMS's weekly amount less the correct one, signed: positive, CMS's is too high. */
  readonly weeklyDifference: Decimal;
  readonly way: Way;
  readonly trace: readonly TraceStep[];
}

const side = <T>(cms: T, correct: T, same: (a: T, b: T) => boolean): Side<T> => ({ cms, correct, differs: !same(cms, correct) });
const money = (a: Decimal | null, b: Decimal | null) => (a === null || b === null ? a === b : a.equals(b));
const children = (r: MaintenanceResult) => r.receivingParents.reduce((n, p) => n + p.children.length, 0);
const nights = (r: MaintenanceResult) => r.receivingParents.flatMap((p) => p.children.map((c) => c.nightsPerYear));

const BOTH = {
  title: 'Both worked out under the 2012 scheme (Child Support Act 1991 Sch 1)',
  href: 'https://www.legislation.gov.uk/ukpga/1991/48/schedule/1',
};

/** Sets the correct calculation beside CMS's. Pure. */
export function compareCalculations(correct: CalculationRun, cms: CalculationRun): CalculationComparison {
  const trace = new Trace();
  const a = cms.result.weeklyAmount;
  const b = correct.result.weeklyAmount;
  const weeklyDifference = a.minus(b);
  const way: Way = weeklyDifference.gt(0) ? 'too_high' : weeklyDifference.lt(0) ? 'too_low' : 'same';
  trace.add(
    STEP.weeklyDifference,
    `${pounds(a)} a week on CMS’s circumstances − ${pounds(b)} on the correct ones = ${pounds(weeklyDifference)} a week` +
      (way === 'same'
        ? ': the same amount'
        : `: CMS’s figure is ${pounds(weeklyDifference.abs())} a week too ${way === 'too_high' ? 'high' : 'low'}`),
    formatMoney(weeklyDifference),
    BOTH,
  );
  return {
    grossWeeklyIncome: side(cms.result.grossWeeklyIncome, correct.result.grossWeeklyIncome, money),
    qualifyingChildren: side(children(cms.result), children(correct.result), (x, y) => x === y),
    relevantOtherChildren: side(
      cms.input.payingParent.relevantOtherChildren ?? 0,
      correct.input.payingParent.relevantOtherChildren ?? 0,
      (x, y) => x === y,
    ),
    nights: side(nights(cms.result), nights(correct.result), (x, y) => x.join() === y.join()),
    rate: side(cms.result.rate, correct.result.rate, (x, y) => x === y),
    weeklyAmount: side(a, b, (x, y) => x.equals(y)),
    weeklyDifference,
    way,
    trace: trace.steps,
  };
}

/** Current income against the historic income a decision used (CSMCR 2012 reg 34(2)). */
export interface IncomeComparison {
  readonly current: Decimal;
  readonly historic: Decimal;
  /** The reg 34(2) test itself: which income is used, the difference and the threshold (from the parameter). */
  readonly test: CurrentIncomeTest;
  /** The parameter's percentage: current income is used when the difference is at least this share of historic income. */
  readonly thresholdPercent: Decimal;
  /** The difference as a percentage of historic income, rounded down to one decimal place; absent when historic income is nil. */
  readonly percent?: Decimal;
  readonly direction: 'higher' | 'lower' | 'same';
  readonly trace: readonly TraceStep[];
}

/**
 * The reg 34(2) test between the gross weekly income of a calculation on current income and one on historic
 * income, on the parameters in force on the historic calculation's date. A calculation that needed no income (a
 * flat, nil or default rate) counts as nil income.
 */
export function compareIncome(current: MaintenanceResult, historic: MaintenanceResult): IncomeComparison {
  const params = parametersOn(historic.date);
  const trace = new Trace();
  const now = current.grossWeeklyIncome ?? new Dec(0);
  const then = historic.grossWeeklyIncome ?? new Dec(0);
  const test = currentIncomeTest(then, now, params, trace);
  const thresholdPercent = new Dec(params.currentIncomeDifferencePercent.value);
  let percent: Decimal | undefined;
  if (!then.isZero()) {
    // Decimal arithmetic throughout; toFixed below is decimal.js's (exact), not a float's.
    percent = test.difference.dividedBy(then).times(100).toDecimalPlaces(1, Dec.ROUND_DOWN);
    trace.add(
      STEP.incomeDifferencePercent,
      `The difference, ${pounds(test.difference)}, ÷ historic ${pounds(then)} × 100 = ${percent.toFixed(1)}% of the historic figure (rounded down to one decimal place)`,
      percent.toFixed(1),
      LAW.currentIncomeTest,
    );
  }
  return {
    current: now,
    historic: then,
    test,
    thresholdPercent,
    ...(percent ? { percent } : {}),
    direction: now.gt(then) ? 'higher' : now.lt(then) ? 'lower' : 'same',
    trace: trace.steps,
  };
}
