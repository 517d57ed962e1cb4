/**
 * Weekly amounts as instalments at other frequencies, as the Collection and Enforcement Regulations
 * 1992 reg 4 has it: the total for a 52-week reference period, paid in equal instalments.
 * @module
 */
import { roundPenny, type Dec as Decimal } from './money.ts';

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

/** The equal instalment at `frequency` for a weekly amount: weekly × weeks ÷ instalments, to the penny. */
export function instalment(weekly: Decimal, frequency: Frequency, referenceWeeks = 52): Decimal {
  return roundPenny(weekly.times(referenceWeeks).dividedBy(INSTALMENTS_PER_52_WEEKS[frequency]));
}

/** The weekly amount at every frequency. */
export function perFrequency(weekly: Decimal, referenceWeeks = 52): Record<Frequency, Decimal> {
  const out = {} as Record<Frequency, Decimal>;
  for (const f of FREQUENCIES) out[f] = instalment(weekly, f, referenceWeeks);
  return out;
}
