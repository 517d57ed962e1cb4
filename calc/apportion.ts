/**
 * Dividing an amount between several people by weights, so the shares always add up to the whole.
 * @module
 */
import { Dec, type Dec as Decimal } from './money.ts';

/**
 * Splits `total` in proportion to `weights`, to the penny, by the largest-remainder method: every share
 * is first rounded down to the penny, then the pennies left over go one each to the shares that lost the
 * most in rounding down (ties to the one listed first). The shares always add up to `total`, and no share
 * differs from its exact proportion by a penny or more.
 */
export function apportion(total: Decimal, weights: readonly number[]): Decimal[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new RangeError('apportion needs at least one positive weight');
  const pence = total.times(100);
  if (!pence.isInteger()) throw new RangeError('apportion needs a whole number of pence');
  const exact = weights.map((w) => pence.times(w).dividedBy(sum));
  const floors = exact.map((e) => e.floor());
  let left = pence.minus(floors.reduce((a, b) => a.plus(b), new Dec(0))).toNumber();
  const order = exact
    .map((e, i) => ({ i, remainder: e.minus(floors[i]!) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = floors[i]!.plus(1);
    left--;
  }
  return floors.map((p) => p.dividedBy(100));
}
