/**
 * What one period or one instalment asks for, in whole pence: the maintenance and the paying parent's
 * collection fee, and each receiving parent's share with the 4% taken from it. Integers, so that sums are exact
 * and cheap; decimals are made once, at the edge.
 * @module
 */
import type { Dec } from '../money.ts';

export interface Amounts {
  /** Maintenance, all receiving parents together. */
  readonly maintenance: number;
  /** The paying parent's collection fee on it (Collect and Pay). */
  readonly fee: number;
  /** Each receiving parent's maintenance and the fee taken from it, in the schedule's order of receiving parents. */
  readonly parents: readonly { readonly maintenance: number; readonly fee: number }[];
}

export const toPence = (d: Dec): number => {
  const p = d.times(100).toNumber();
  return p === 0 ? 0 : p;
};

export function zeroAmounts(parents: number): Amounts {
  return { maintenance: 0, fee: 0, parents: Array.from({ length: parents }, () => ({ maintenance: 0, fee: 0 })) };
}

/** Each figure of `a` and `b` combined by `f`. */
export function combine(a: Amounts, b: Amounts, f: (x: number, y: number) => number): Amounts {
  return {
    maintenance: f(a.maintenance, b.maintenance),
    fee: f(a.fee, b.fee),
    parents: a.parents.map((p, i) => ({ maintenance: f(p.maintenance, b.parents[i]!.maintenance), fee: f(p.fee, b.parents[i]!.fee) })),
  };
}

/** Each figure of `a` mapped by `f`. */
export function mapAmounts(a: Amounts, f: (x: number) => number): Amounts {
  return {
    maintenance: f(a.maintenance),
    fee: f(a.fee),
    parents: a.parents.map((p) => ({ maintenance: f(p.maintenance), fee: f(p.fee) })),
  };
}

export const plus = (a: Amounts, b: Amounts): Amounts => combine(a, b, (x, y) => x + y);
export const minus = (a: Amounts, b: Amounts): Amounts => combine(a, b, (x, y) => x - y);

export function isZero(a: Amounts): boolean {
  return a.maintenance === 0 && a.fee === 0 && a.parents.every((p) => p.maintenance === 0 && p.fee === 0);
}

/** A schedule line's figures in pence. */
export function amountsOf(line: { readonly amounts: Amounts }): Amounts {
  return line.amounts;
}

/** x × num ÷ den rounded half up (away from zero), for whole pence. */
export function share(x: number, num: number, den: number): number {
  const v = x * num;
  const q = Math.floor((2 * Math.abs(v) + den) / (2 * den));
  return v < 0 ? -q : q;
}
