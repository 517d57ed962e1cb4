/**
 * All 2012-scheme parameters as in force on one date, resolved once per calculation.
 * @module
 */
import { compareDates, type CivilDate } from '../dates.ts';
import { OutOfCoverageError, valueOn, type ResolvedValue } from '../parameters.ts';
import * as P from './parameters.ts';

export interface Scheme2012Parameters {
  readonly date: CivilDate;
  readonly flatRate: ResolvedValue<string>;
  readonly nilRateIncomeBelow: ResolvedValue<string>;
  readonly flatRateIncomeUpTo: ResolvedValue<string>;
  readonly reducedRateIncomeBelow: ResolvedValue<string>;
  readonly basicRatePercent: ResolvedValue<P.ByChildren>;
  readonly basicPlusFrom: ResolvedValue<string>;
  readonly basicPlusPercent: ResolvedValue<P.ByChildren>;
  readonly incomeCap: ResolvedValue<string>;
  readonly relevantOtherChildrenPercent: ResolvedValue<P.ByOtherChildren>;
  readonly reducedRateTable: ResolvedValue<P.ReducedRateTable>;
  readonly sharedCareBands: ResolvedValue<readonly P.SharedCareBand[]>;
  readonly sharedCareHalfDeduction: ResolvedValue<string>;
  readonly sharedCareFloor: ResolvedValue<string>;
  readonly flatRateSharedCareNights: ResolvedValue<number>;
  readonly sharedCareNightsPerWeeklyNight: ResolvedValue<number>;
  readonly defaultRate: ResolvedValue<P.ByChildren>;
  readonly specialExpensesThreshold: ResolvedValue<string>;
  readonly unearnedIncomeThreshold: ResolvedValue<string>;
  readonly assetsThreshold: ResolvedValue<string | null>;
  /** Undefined before the assets ground began (13 Dec 2018). */
  readonly assetsYieldPercent: ResolvedValue<string> | undefined;
  readonly assetsWeeksInYear: ResolvedValue<number> | undefined;
  readonly daysInYearForIncome: ResolvedValue<number>;
  readonly currentIncomeDifferencePercent: ResolvedValue<string>;
  readonly weeksInReferencePeriod: ResolvedValue<number>;
  readonly collectionFeePayingPercent: ResolvedValue<string>;
  readonly collectionFeeReceivingPercent: ResolvedValue<string>;
}

const cache = new Map<CivilDate, Scheme2012Parameters>();

/**
 * The parameters in force on `date`. Refuses a date outside {@link P.COVERAGE} with a message that
 * says which dates are covered.
 */
export function parametersOn(date: CivilDate): Scheme2012Parameters {
  const hit = cache.get(date);
  if (hit) return hit;
  if (compareDates(date, P.COVERAGE.from) < 0 || compareDates(date, P.COVERAGE.through) > 0) {
    throw new OutOfCoverageError(
      `${date} is outside the dates Reckoner's 2012-scheme figures cover (${P.COVERAGE.from} to ${P.COVERAGE.through}). ` +
        (compareDates(date, P.COVERAGE.from) < 0
          ? 'Before 25 November 2013 the 2012 scheme applied only to pathfinder cases, with different figures.'
          : `The figures were last checked against the law on ${P.COVERAGE.lastReviewed}; they must be checked again before later dates are covered.`),
    );
  }
  const resolved: Scheme2012Parameters = {
    date,
    flatRate: valueOn(P.flatRate, date),
    nilRateIncomeBelow: valueOn(P.nilRateIncomeBelow, date),
    flatRateIncomeUpTo: valueOn(P.flatRateIncomeUpTo, date),
    reducedRateIncomeBelow: valueOn(P.reducedRateIncomeBelow, date),
    basicRatePercent: valueOn(P.basicRatePercent, date),
    basicPlusFrom: valueOn(P.basicPlusFrom, date),
    basicPlusPercent: valueOn(P.basicPlusPercent, date),
    incomeCap: valueOn(P.incomeCap, date),
    relevantOtherChildrenPercent: valueOn(P.relevantOtherChildrenPercent, date),
    reducedRateTable: valueOn(P.reducedRateTable, date),
    sharedCareBands: valueOn(P.sharedCareBands, date),
    sharedCareHalfDeduction: valueOn(P.sharedCareHalfDeduction, date),
    sharedCareFloor: valueOn(P.sharedCareFloor, date),
    flatRateSharedCareNights: valueOn(P.flatRateSharedCareNights, date),
    sharedCareNightsPerWeeklyNight: valueOn(P.sharedCareNightsPerWeeklyNight, date),
    defaultRate: valueOn(P.defaultRate, date),
    specialExpensesThreshold: valueOn(P.specialExpensesThreshold, date),
    unearnedIncomeThreshold: valueOn(P.unearnedIncomeThreshold, date),
    assetsThreshold: valueOn(P.assetsThreshold, date),
    assetsYieldPercent: compareDates(date, P.assetsYieldPercent.values[0]!.from) < 0 ? undefined : valueOn(P.assetsYieldPercent, date),
    assetsWeeksInYear: compareDates(date, P.assetsWeeksInYear.values[0]!.from) < 0 ? undefined : valueOn(P.assetsWeeksInYear, date),
    daysInYearForIncome: valueOn(P.daysInYearForIncome, date),
    currentIncomeDifferencePercent: valueOn(P.currentIncomeDifferencePercent, date),
    weeksInReferencePeriod: valueOn(P.weeksInReferencePeriod, date),
    collectionFeePayingPercent: valueOn(P.collectionFeePayingPercent, date),
    collectionFeeReceivingPercent: valueOn(P.collectionFeeReceivingPercent, date),
  };
  cache.set(date, resolved);
  return resolved;
}
