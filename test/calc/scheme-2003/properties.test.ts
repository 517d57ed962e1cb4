/**
 * Properties of the 2003 scheme that hold for every input (fast-check): the shares add up to the weekly amount; a
 * basic or reduced rate never falls below the £5 minimum whatever the shared care (Sch 1 paras 3(3), 7(7)); more
 * nights never mean more to pay; the rate is a whole number of pounds (SI 2001/155 reg 2(3)); more net income never
 * means less to pay (without shared care).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../calc/money.ts';
import { calculateMaintenance2003 } from '../../../calc/scheme-2003/calculate.ts';

const pence = fc.integer({ min: 0, max: 300_000 }).map((p) => (p / 100).toFixed(2));
const nights = fc.integer({ min: 0, max: 182 });
const parents = fc.array(fc.array(nights, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });

const run = (income: string, ps: number[][], relevantOtherChildren = 0) =>
  calculateMaintenance2003({
    date: '2009-09-09',
    payingParent: { netWeeklyIncome: income, relevantOtherChildren },
    receivingParents: ps.map((ns) => ({ children: ns.map((n) => ({ nightsPerYear: n })) })),
  });

describe('2003 scheme properties', () => {
  it('shares add up to the weekly amount; basic and reduced rates never go below £5', () => {
    fc.assert(
      fc.property(pence, parents, fc.integer({ min: 0, max: 4 }), (income, ps, roc) => {
        const r = run(income, ps, roc);
        const sum = r.receivingParents.reduce((a, p) => a.plus(p.weeklyAmount), new Dec(0));
        expect(sum.eq(r.weeklyAmount)).toBe(true);
        if (r.rate === 'basic' || r.rate === 'reduced') expect(r.weeklyAmount.gte(5)).toBe(true);
        const rounding = r.trace.find((s) => s.step === 'rounding');
        if (rounding) expect(new Dec(rounding.value).isInteger()).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
  it('more nights with the paying parent never mean more to pay', () => {
    fc.assert(
      fc.property(pence, nights, nights, (income, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(run(income, [[hi]]).weeklyAmount.lte(run(income, [[lo]]).weeklyAmount)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
  it('more net income never means less to pay, without shared care', () => {
    fc.assert(
      fc.property(pence, pence, fc.integer({ min: 1, max: 4 }), (x, y, children) => {
        const [lo, hi] = Number(x) <= Number(y) ? [x, y] : [y, x];
        const kids = [Array.from({ length: children }, () => 0)];
        expect(run(hi, kids).weeklyAmount.gte(run(lo, kids).weeklyAmount)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
