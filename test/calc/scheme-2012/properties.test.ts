/**
 * Properties the law guarantees for every input, checked with fast-check over thousands of cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, formatMoney } from '../../../calc/money.ts';
import { calculateMaintenance, type MaintenanceInput } from '../../../calc/scheme-2012/calculate.ts';
import { toJson } from '../../../tools/calculate-maintenance.ts';

const pence = (max: number) => fc.integer({ min: 0, max }).map((p) => (p / 100).toFixed(2));

const childArb = fc.record({ nightsPerYear: fc.integer({ min: 0, max: 366 }) });
const parentsArb = fc.array(fc.record({ children: fc.array(childArb, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 3 });

const payerArb = fc.record(
  {
    grossWeeklyIncome: pence(400_000),
    relevantOtherChildren: fc.integer({ min: 0, max: 5 }),
    otherArrangementChildren: fc.integer({ min: 0, max: 3 }),
    flatRateBenefit: fc.boolean(),
  },
  { requiredKeys: ['grossWeeklyIncome'] },
);

const inputArb: fc.Arbitrary<MaintenanceInput> = fc.record(
  {
    date: fc.constantFrom('2013-11-25', '2014-08-10', '2014-08-11', '2020-02-29', '2026-04-06'),
    payingParent: payerArb,
    receivingParents: parentsArb,
    variations: fc.record({ specialExpensesWeekly: pence(50_000), additionalIncomeWeekly: pence(50_000) }, { requiredKeys: [] }),
    collection: fc.constantFrom('direct_pay' as const, 'collect_and_pay' as const),
  },
  { requiredKeys: ['date', 'payingParent', 'receivingParents'] },
);

const withNights = (input: MaintenanceInput, nights: (n: number) => number): MaintenanceInput => ({
  ...input,
  receivingParents: input.receivingParents.map((p) => ({
    ...p,
    children: p.children.map((c) => ({ ...c, nightsPerYear: nights(c.nightsPerYear ?? 0) })),
  })),
});

describe('2012 scheme properties', () => {
  it('shares are each within a penny of their exact part and add up to what one receiving parent of all the children would get (no shared care)', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = withNights(raw, () => 0);
        const split = calculateMaintenance(input);
        const together = calculateMaintenance({
          ...input,
          receivingParents: [{ children: input.receivingParents.flatMap((p) => p.children) }],
        });
        expect(formatMoney(split.weeklyAmount)).toBe(formatMoney(together.weeklyAmount));
        const total = input.receivingParents.reduce((n, p) => n + p.children.length, 0);
        split.receivingParents.forEach((p, i) => {
          const exact = split.weeklyAmount.times(input.receivingParents[i]!.children.length).dividedBy(total);
          expect(p.weeklyAmount.minus(exact).abs().lt('0.01')).toBe(true);
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('collection fees: what receiving parents get plus their fees adds up to each share, and the paying parent pays the maintenance plus 20%', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = calculateMaintenance({ ...input, collection: 'collect_and_pay' });
        const cc = r.collectionCharges!;
        r.receivingParents.forEach((p, i) => {
          const w = cc.receivingParents[i]!.perFrequency.weekly;
          expect(w.net.plus(w.fee).eq(p.weeklyAmount)).toBe(true);
        });
        const fee = cc.payingParent.weekly.fee;
        // Within half a penny of 20% (or 0% before 11 Aug 2014).
        expect(fee.minus(r.weeklyAmount.times(cc.payingParentPercent).dividedBy(100)).abs().lte('0.005')).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it('shared care never raises the amount: more nights for any child never increase what is owed', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 366 }), (input, extra) => {
        const less = calculateMaintenance(input);
        const more = calculateMaintenance(withNights(input, (n) => Math.min(366, n + extra)));
        const none = calculateMaintenance(withNights(input, () => 0));
        expect(more.weeklyAmount.lte(less.weeklyAmount)).toBe(true);
        expect(less.weeklyAmount.lte(none.weeklyAmount)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('the amount never falls when income rises, for the same children and circumstances', () => {
    // Checked without variations: a special-expenses variation can lift a nil-rate income to the
    // flat-rate floor (reg 74(1A)), which is about the variation, not the income.
    fc.assert(
      fc.property(inputArb, pence(100_000), (raw, rise) => {
        const input = { ...raw, variations: undefined };
        const base = Dec(input.payingParent.grossWeeklyIncome as string);
        const lower = calculateMaintenance(input);
        const higher = calculateMaintenance({
          ...input,
          payingParent: { ...input.payingParent, grossWeeklyIncome: base.plus(rise).toFixed(2) },
        });
        expect(higher.weeklyAmount.gte(lower.weeklyAmount)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('every penny step across the band edges never lowers the amount (1–3 children, 0–3 other children)', () => {
    // Exhaustive over the edges where the law changes formula: £7, £100, £200, £800, £3,000.
    for (const edge of [7, 100, 200, 800, 3000]) {
      for (let q = 1; q <= 3; q++) {
        for (let r = 0; r <= 3; r++) {
          let previous = new Dec(0);
          for (let p = -150; p <= 150; p++) {
            const income = new Dec(edge).plus(new Dec(p).dividedBy(100));
            const result = calculateMaintenance({
              date: '2026-04-06',
              payingParent: { grossWeeklyIncome: income.toFixed(2), relevantOtherChildren: r },
              receivingParents: [{ children: Array.from({ length: q }, () => ({})) }],
            });
            expect(result.weeklyAmount.gte(previous), `£${income.toFixed(2)}, ${q} children, ${r} other`).toBe(true);
            previous = result.weeklyAmount;
          }
        }
      }
    }
  });

  it('results are deterministic: the same input gives byte-identical JSON, and the input is not changed', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const before = JSON.stringify(input);
        const a = JSON.stringify(toJson(calculateMaintenance(input)));
        const b = JSON.stringify(toJson(calculateMaintenance(structuredClone(input))));
        expect(a).toBe(b);
        expect(JSON.stringify(input)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it('amounts are never negative and never above the 3-child maximum of £482 before fees', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = calculateMaintenance(input);
        expect(r.weeklyAmount.gte(0)).toBe(true);
        expect(r.weeklyAmount.lte(482)).toBe(true);
        for (const p of r.receivingParents) expect(p.weeklyAmount.gte(0)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
