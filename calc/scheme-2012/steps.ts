/**
 * The ids of the trace steps the 2012 scheme writes (calculate.ts, income.ts, compare.ts), and which of them
 * make up each part of the working: a caller that quotes a step names it by these constants, never by a string.
 * @module
 */
import type { TraceStep } from '../trace.ts';

export const STEP = {
  qualifyingChildren: 'qualifying_children',
  sharedCareNights: 'shared_care_nights',
  incomeAnnual: 'income_annual',
  incomeWeekly: 'income_weekly',
  pensionContributions: 'pension_contributions',
  currentIncomeTest: 'current_income_test',
  variationBarred: 'variation_barred',
  variationSpecialExpense: 'variation_special_expense',
  variationUnearnedIncome: 'variation_unearned_income',
  variationAssets: 'variation_assets',
  variationDivertedIncome: 'variation_diverted_income',
  variationAdditionalIncome: 'variation_additional_income',
  variationSpecialExpenses: 'variation_special_expenses',
  incomeCap: 'income_cap',
  rateDefault: 'rate_default',
  rateNil: 'rate_nil',
  rateFlat: 'rate_flat',
  rateBenefitVaried: 'rate_benefit_varied',
  rateVariationFloor: 'rate_variation_floor',
  rateReduced: 'rate_reduced',
  relevantOtherChildren: 'relevant_other_children',
  rateBasic: 'rate_basic',
  rateBasicPlus: 'rate_basic_plus',
  rounding: 'rounding',
  otherArrangementChildren: 'other_arrangement_children',
  apportionment: 'apportionment',
  sharedCare: 'shared_care',
  sharedCareHalfDeduction: 'shared_care_half_deduction',
  sharedCareFloor: 'shared_care_floor',
  flatRateSharedCare: 'flat_rate_shared_care',
  weeklyAmount: 'weekly_amount',
  instalments: 'instalments',
  collectionFeePayingParent: 'collection_fee_paying_parent',
  collectionFeePayingParentMonthly: 'collection_fee_paying_parent_monthly',
  collectionFeeReceivingParent: 'collection_fee_receiving_parent',
  incomeDifferencePercent: 'income_difference_percent',
  weeklyDifference: 'weekly_difference',
} as const;
export type StepId = (typeof STEP)[keyof typeof STEP];

/** The steps that work out gross weekly income: the income itself, pension relief, the variations and the cap. */
export const INCOME_STEPS: readonly StepId[] = [
  STEP.incomeAnnual,
  STEP.incomeWeekly,
  STEP.pensionContributions,
  STEP.currentIncomeTest,
  STEP.variationBarred,
  STEP.variationSpecialExpense,
  STEP.variationUnearnedIncome,
  STEP.variationAssets,
  STEP.variationDivertedIncome,
  STEP.variationAdditionalIncome,
  STEP.variationSpecialExpenses,
  STEP.incomeCap,
];

/** The steps from the rate to the weekly amount: the rate, rounding, other arrangements, apportionment, shared care. */
export const RATE_STEPS: readonly StepId[] = [
  STEP.rateDefault,
  STEP.rateNil,
  STEP.rateFlat,
  STEP.rateBenefitVaried,
  STEP.rateVariationFloor,
  STEP.rateReduced,
  STEP.relevantOtherChildren,
  STEP.rateBasic,
  STEP.rateBasicPlus,
  STEP.rounding,
  STEP.otherArrangementChildren,
  STEP.apportionment,
  STEP.sharedCareNights,
  STEP.sharedCare,
  STEP.sharedCareHalfDeduction,
  STEP.sharedCareFloor,
  STEP.flatRateSharedCare,
];

/** The steps of `trace` with one of `ids`, in the order they were taken. */
export function stepsOf(trace: readonly TraceStep[], ids: readonly StepId[]): TraceStep[] {
  return trace.filter((s) => (ids as readonly string[]).includes(s.step));
}

/** The step of `trace` with this id; undefined when the calculation did not take it. */
export function stepOf(trace: readonly TraceStep[], id: StepId): TraceStep | undefined {
  return trace.find((s) => s.step === id);
}
