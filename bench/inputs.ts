/**
 * A deterministic mixed batch of `calculate_maintenance` inputs for the benchmarks: every rate band, every
 * shared-care band, one to three receiving parents, variations, both collection services and every way of
 * giving income. The same seed always gives the same batch, so runs on different days compare.
 * @module
 */
import type { MaintenanceInput, NilRateReason } from '../calc/scheme-2012/calculate.ts';
import { NIL_RATE_REASONS } from '../calc/scheme-2012/calculate.ts';
import type { IncomePeriod } from '../calc/scheme-2012/income.ts';

/** The date every benchmark input is for, so results never depend on the day the bench is run. */
export const BENCH_DATE = '2026-04-06';

/** What each generated input is meant to exercise; the rate actually reached is checked separately. */
export const BANDS = ['nil', 'flat_income', 'flat_benefit', 'reduced', 'basic', 'basic_plus', 'default'] as const;
export type Band = (typeof BANDS)[number];

/** mulberry32: a small, fast, seedable PRNG; good enough to vary benchmark inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const pennies = (x: number): number => Math.round(x * 100) / 100;

/** Shared-care bands as nights a year: none, under 52, each para 7(4) band, and over 182 (the reg 50 warning). */
const NIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 0],
  [1, 51],
  [52, 103],
  [104, 155],
  [156, 174],
  [175, 182],
  [183, 366],
];

/** Weekly income ranges that land inside each income band (before variations). */
const WEEKLY_FOR: Record<'nil' | 'flat_income' | 'reduced' | 'basic' | 'basic_plus', readonly [number, number]> = {
  nil: [0, 6.99],
  flat_income: [7, 100],
  reduced: [100.01, 199.99],
  basic: [200, 800],
  basic_plus: [800.01, 3500], // above £3,000 the cap applies
};

type IncomeForm = 'weekly_string' | 'weekly_number' | IncomePeriod;
const INCOME_FORMS: readonly IncomeForm[] = ['weekly_string', 'weekly_number', 'year', 'month', 'four_weeks', 'week'];

/** The paying parent's income fields for a target weekly figure, in one of the forms the tool accepts. */
function incomeFields(rng: Rng, weekly: number): Pick<MaintenanceInput['payingParent'], 'grossWeeklyIncome' | 'income'> {
  const form = pick(rng, INCOME_FORMS);
  const yearly = (weekly * 365) / 7; // reg 35: yearly ÷ 365 × 7 gives the weekly figure back
  const asText = rng() < 0.5;
  const amount = (x: number) => (asText ? pennies(x).toFixed(2) : pennies(x));
  switch (form) {
    case 'weekly_string':
      return { grossWeeklyIncome: pennies(weekly).toFixed(2) };
    case 'weekly_number':
      return { grossWeeklyIncome: pennies(weekly) };
    case 'week':
      return { income: { amount: amount(weekly), period: 'week' } };
    case 'year':
      return { income: { amount: amount(yearly), period: 'year' } };
    case 'month':
      return { income: { amount: amount(yearly / 12), period: 'month' } };
    case 'four_weeks':
      return { income: { amount: amount(yearly / 13), period: 'four_weeks' } };
  }
}

function receivingParents(rng: Rng): MaintenanceInput['receivingParents'] {
  const named = rng() < 0.3;
  const count = int(rng, 1, 3);
  return Array.from({ length: count }, (_, i) => ({
    ...(named ? { id: `rp${i + 1}` } : {}),
    children: Array.from({ length: int(rng, 1, 3) }, (_, j) => {
      const [lo, hi] = pick(rng, NIGHT_RANGES);
      const nights = int(rng, lo, hi);
      return {
        ...(named ? { id: `rp${i + 1}_c${j + 1}` } : {}),
        ...(nights === 0 && rng() < 0.5 ? {} : { nightsPerYear: nights }),
      };
    }),
  }));
}

/** One input aimed at `band`, with the rest of the case drawn at random. */
function generate(rng: Rng, band: Band): MaintenanceInput {
  const payingParent: {
    -readonly [K in keyof MaintenanceInput['payingParent']]: MaintenanceInput['payingParent'][K];
  } = {};
  let defaultRate: boolean | undefined;
  let variations: { specialExpensesWeekly?: string | number; additionalIncomeWeekly?: string | number } | undefined;

  switch (band) {
    case 'nil':
      if (rng() < 0.5) {
        payingParent.nilRateReason = pick<NilRateReason>(rng, NIL_RATE_REASONS);
        if (rng() < 0.3) Object.assign(payingParent, incomeFields(rng, 50 + rng() * 400));
      } else {
        Object.assign(payingParent, incomeFields(rng, WEEKLY_FOR.nil[0] + rng() * (WEEKLY_FOR.nil[1] - WEEKLY_FOR.nil[0])));
      }
      break;
    case 'flat_benefit':
      payingParent.flatRateBenefit = true;
      if (rng() < 0.4) Object.assign(payingParent, incomeFields(rng, 20 + rng() * 300));
      break;
    case 'default':
      defaultRate = true;
      if (rng() < 0.2) Object.assign(payingParent, incomeFields(rng, 300 + rng() * 500));
      break;
    default: {
      const [lo, hi] = WEEKLY_FOR[band];
      Object.assign(payingParent, incomeFields(rng, lo + rng() * (hi - lo)));
    }
  }

  const relevantOther = int(rng, 0, 4);
  if (relevantOther > 0 || rng() < 0.5) payingParent.relevantOtherChildren = relevantOther;
  if (rng() < 0.2) payingParent.otherArrangementChildren = int(rng, 1, 2);
  if (payingParent.income !== undefined && rng() < 0.15) {
    payingParent.pensionContributions = { amount: pennies(rng() * 20), period: 'week' };
  }

  // Small variations, so the band aimed at is usually (not always) the band reached; basic and above can take more.
  // A flat-rate benefit with additional income (and income given) takes the reg 70 path.
  const hasIncome = payingParent.income !== undefined || payingParent.grossWeeklyIncome !== undefined;
  if (band !== 'default' && (band !== 'flat_benefit' || hasIncome) && rng() < 0.3) {
    const big = band === 'basic' || band === 'basic_plus';
    variations = {};
    if (rng() < 0.6) variations.specialExpensesWeekly = pennies(rng() * (big ? 60 : 5)).toFixed(2);
    if (rng() < 0.6) variations.additionalIncomeWeekly = pennies(rng() * (big ? 150 : 5));
  }

  return {
    date: BENCH_DATE,
    payingParent,
    receivingParents: receivingParents(rng),
    ...(variations ? { variations } : {}),
    ...(defaultRate ? { defaultRate } : {}),
    ...(rng() < 0.5 ? { collection: 'collect_and_pay' as const } : rng() < 0.5 ? { collection: 'direct_pay' as const } : {}),
  };
}

/** `size` inputs from `seed`, cycling through every band so each is equally represented. */
export function mixedBatch(size = 350, seed = 20120): MaintenanceInput[] {
  const rng = prng(seed);
  return Array.from({ length: size }, (_, i) => generate(rng, BANDS[i % BANDS.length]!));
}
