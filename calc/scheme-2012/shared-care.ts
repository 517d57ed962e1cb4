/**
 * Shared care: the fraction by which the amount falls for the nights a child spends with the paying
 * parent (Child Support Act 1991 Sch 1 para 7).
 * @module
 */
import { fraction, gcd, type Fraction } from '../money.ts';
import type { SharedCareBand } from './parameters.ts';

const NONE: Fraction = { numerator: 0, denominator: 1 };

/** The para 7(4) fraction for one child's nights a year: 0, 1/7, 2/7, 3/7 or 1/2. */
export function sharedCareFraction(nights: number, bands: readonly SharedCareBand[]): Fraction {
  let found: Fraction = NONE;
  for (const band of bands) {
    if (nights >= band.minNights) found = fraction(band.numerator, band.denominator);
  }
  return found;
}

/** True when the child's fraction is the top band (one-half), which also carries the £7-per-child deduction. */
export function isHalfBand(nights: number, bands: readonly SharedCareBand[]): boolean {
  const top = bands[bands.length - 1];
  return top !== undefined && nights >= top.minNights;
}

/**
 * Para 7(5): where one receiving parent has several qualifying children, the decrease is the sum of the
 * children's fractions divided by the number of those children.
 */
export function averageFraction(fractions: readonly Fraction[]): Fraction {
  // Sum over a common denominator, then divide by the count; `fraction` reduces to lowest terms.
  const denominator = fractions.reduce((d, f) => lcm(d, f.denominator), 1);
  const numerator = fractions.reduce((n, f) => n + (f.numerator * denominator) / f.denominator, 0);
  return fraction(numerator, denominator * fractions.length);
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}
