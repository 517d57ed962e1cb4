/**
 * The 2012-scheme parameters in force on a date as whole numbers, worked out once per date: money in pence and
 * percentages in hundredths of a percent (12% → 1200, 14.1% → 1410), so the calculation is integer arithmetic
 * with no decimal object. Each figure is read from the parameter's own text by {@link scaledInteger}, which
 * refuses one finer than that, so a future figure with more decimals fails loudly rather than being cut.
 * @module
 */
import { scaledInteger } from '../money.ts';
import type { ChildCount, OtherChildCount } from './parameters.ts';
import type { Scheme2012Parameters } from './resolve.ts';

/** Hundredths of a percent in one whole: a percentage p of an amount a is a × p ÷ 10,000. */
export const PERCENT_SCALE = 10_000;

export interface ParametersInPence {
  readonly flatRate: number;
  readonly nilRateIncomeBelow: number;
  readonly flatRateIncomeUpTo: number;
  readonly reducedRateIncomeBelow: number;
  readonly basicPlusFrom: number;
  readonly incomeCap: number;
  readonly sharedCareHalfDeduction: number;
  readonly sharedCareFloor: number;
  readonly specialExpensesThreshold: number;
  readonly unearnedIncomeThreshold: number;
  readonly assetsThreshold: number | null;
  readonly defaultRate: Readonly<Record<ChildCount, number>>;
  /** Hundredths of a percent. */
  readonly basicRatePercent: Readonly<Record<ChildCount, number>>;
  readonly basicPlusPercent: Readonly<Record<ChildCount, number>>;
  readonly relevantOtherChildrenPercent: Readonly<Record<OtherChildCount, number>>;
  readonly reducedRateTable: Readonly<Record<ChildCount, Readonly<Record<OtherChildCount, number>>>>;
  readonly assetsYieldPercent: number | undefined;
  readonly collectionFeePayingPercent: number;
  readonly collectionFeeReceivingPercent: number;
}

const pence = (text: string): number => scaledInteger(text, 2);
const hundredths = pence;
const children = <K extends number>(byCount: Readonly<Record<K, string>>, read: (t: string) => number): Record<K, number> =>
  Object.fromEntries(Object.entries(byCount).map(([k, v]) => [k, read(v as string)])) as Record<K, number>;

const cache = new WeakMap<Scheme2012Parameters, ParametersInPence>();

/** The parameters of `params` as whole numbers (cached with the resolved parameters, one per date). */
export function inPence(params: Scheme2012Parameters): ParametersInPence {
  const hit = cache.get(params);
  if (hit) return hit;
  const table = params.reducedRateTable.value;
  const converted: ParametersInPence = {
    flatRate: pence(params.flatRate.value),
    nilRateIncomeBelow: pence(params.nilRateIncomeBelow.value),
    flatRateIncomeUpTo: pence(params.flatRateIncomeUpTo.value),
    reducedRateIncomeBelow: pence(params.reducedRateIncomeBelow.value),
    basicPlusFrom: pence(params.basicPlusFrom.value),
    incomeCap: pence(params.incomeCap.value),
    sharedCareHalfDeduction: pence(params.sharedCareHalfDeduction.value),
    sharedCareFloor: pence(params.sharedCareFloor.value),
    specialExpensesThreshold: pence(params.specialExpensesThreshold.value),
    unearnedIncomeThreshold: pence(params.unearnedIncomeThreshold.value),
    assetsThreshold: params.assetsThreshold.value === null ? null : pence(params.assetsThreshold.value),
    defaultRate: children(params.defaultRate.value, pence),
    basicRatePercent: children(params.basicRatePercent.value, hundredths),
    basicPlusPercent: children(params.basicPlusPercent.value, hundredths),
    relevantOtherChildrenPercent: children(params.relevantOtherChildrenPercent.value, hundredths),
    reducedRateTable: { 1: children(table[1], hundredths), 2: children(table[2], hundredths), 3: children(table[3], hundredths) },
    assetsYieldPercent: params.assetsYieldPercent === undefined ? undefined : hundredths(params.assetsYieldPercent.value),
    collectionFeePayingPercent: hundredths(params.collectionFeePayingPercent.value),
    collectionFeeReceivingPercent: hundredths(params.collectionFeeReceivingPercent.value),
  };
  cache.set(params, converted);
  return converted;
}
