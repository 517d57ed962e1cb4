/**
 * Weekly amounts as instalments at other frequencies, as the Collection and Enforcement Regulations
 * 1992 reg 4 has it: the total for a 52-week reference period, paid in equal instalments.
 * @module
 */
import { divRoundHalfUp, fromPence, wholePenceOf, type Dec as Decimal } from './money.ts';

export const FREQUENCIES = ['weekly', 'fortnightly', 'four_weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Instalments in a 52-week reference period. */
const INSTALMENTS_PER_52_WEEKS: Record<Frequency, number> = {
  weekly: 52,
  fortnightly: 26,
  four_weekly: 13,
  monthly: 12,
  yearly: 1,
};

/** The equal instalment at `frequency` for a weekly amount in pence: weekly × weeks ÷ instalments, to the penny. */
export function instalmentPence(weeklyPence: number, frequency: Frequency, referenceWeeks = 52): number {
  return divRoundHalfUp(weeklyPence * referenceWeeks, INSTALMENTS_PER_52_WEEKS[frequency]);
}

/** {@link instalmentPence} for a weekly amount in whole pence given as a decimal. */
export function instalment(weekly: Decimal, frequency: Frequency, referenceWeeks = 52): Decimal {
  return fromPence(instalmentPence(wholePenceOf(weekly), frequency, referenceWeeks));
}

/** The weekly amount in pence at every frequency, in pence. */
export function perFrequencyPence(weeklyPence: number, referenceWeeks = 52): Record<Frequency, number> {
  const out = {} as Record<Frequency, number>;
  for (const f of FREQUENCIES) out[f] = instalmentPence(weeklyPence, f, referenceWeeks);
  return out;
}

/** The weekly amount (whole pence) at every frequency. */
export function perFrequency(weekly: Decimal, referenceWeeks = 52): Record<Frequency, Decimal> {
  const pence = perFrequencyPence(wholePenceOf(weekly), referenceWeeks);
  const out = {} as Record<Frequency, Decimal>;
  for (const f of FREQUENCIES) out[f] = fromPence(pence[f]);
  return out;
}
