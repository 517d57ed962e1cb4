/**
 * Dividing an amount between several people by weights, so the shares always add up to the whole.
 * @module
 */
import { fromPence, wholePenceOf, type Dec as Decimal } from './money.ts';

/**
 * Splits `totalPence` in proportion to `weights`, to the penny, by the largest-remainder method: every share
 * is first rounded down to the penny, then the pennies left over go one each to the shares that lost the
 * most in rounding down (ties to the one listed first). The shares always add up to the total, and no share
 * differs from its exact proportion by a penny or more. Whole numbers throughout: each share's exact value is
 * totalPence × weight ÷ sum, so its remainder over the common denominator `sum` orders the losses exactly.
 */
export function apportionPence(totalPence: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new RangeError('apportion needs at least one positive weight');
  if (!Number.isSafeInteger(totalPence)) throw new RangeError('apportion needs a whole number of pence');
  const floors: number[] = [];
  const remainders: number[] = [];
  let left = totalPence;
  for (const w of weights) {
    const scaled = totalPence * w;
    const r = ((scaled % sum) + sum) % sum;
    floors.push((scaled - r) / sum);
    remainders.push(r);
    left -= (scaled - r) / sum;
  }
  // The pennies left (fewer than there are shares) go to the largest remainders, the first listed on a tie.
  while (left > 0) {
    let best = -1;
    for (let i = 0; i < remainders.length; i++) if (remainders[i]! >= 0 && (best < 0 || remainders[i]! > remainders[best]!)) best = i;
    floors[best]!++;
    remainders[best] = -1;
    left--;
  }
  return floors;
}

/** {@link apportionPence} for a total in whole pence given as a decimal (anything finer is a RangeError). */
export function apportion(total: Decimal, weights: readonly number[]): Decimal[] {
  let pence: number;
  try {
    pence = wholePenceOf(total);
  } catch {
    throw new RangeError('apportion needs a whole number of pence');
  }
  return apportionPence(pence, weights).map(fromPence);
}
