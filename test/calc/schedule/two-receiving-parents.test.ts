/**
 * The paying parent's instalment with two receiving parents is his weekly amount × 52 ÷ 12, rounded once (Child
 * Support (Collection and Enforcement) Regulations 1992 reg 4), and their shares add up to it. Before (a meaning probe
 * of 6 December 2026), each share was rounded and the instalment made of them: £80.00 a week between two receiving
 * parents, £40.00 each, was 40 × 52 ÷ 12 = £173.333… → £173.33 twice, £346.66 a month, a penny short of 80 × 52 ÷ 12 =
 * £346.666… → £346.67; £415.99 with the 20% fee where calculate_maintenance says £416.00, and a paying parent who paid
 * £416.00 "£0.03 overpaid" after three months.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { buildSchedule } from '../../../calc/schedule/build.ts';

const twoReceivingParents = {
  payingParent: { grossWeeklyIncome: '500' },
  receivingParents: [
    { id: 'A', children: [{}] },
    { id: 'B', children: [{}] },
  ],
};

describe('two receiving parents: the instalment is rounded once, and their shares add up to it', () => {
  const s = buildSchedule({
    decisions: [{ effectiveDate: '2025-01-06', calculation: twoReceivingParents }],
    frequency: 'monthly',
    service: 'collect_and_pay',
    asOf: '2025-03-20',
  });

  it('£346.67 and its fee £69.33 (346.67 × 20% = 69.334): £416.00 a month', () => {
    expect(s.lines.map((l) => [formatMoney(l.maintenance), formatMoney(l.collectionFee), formatMoney(l.totalDue)])).toEqual([
      ['346.67', '69.33', '416.00'],
      ['346.67', '69.33', '416.00'],
      ['346.67', '69.33', '416.00'],
    ]);
  });

  it('the shares: £173.33 each exactly, and the penny left over to each in turn (both remainders are the same)', () => {
    // 40 × 52 = 2,080 ÷ 12 = 173.333…: 173.33 each, 346.66, and 346.67 − 346.66 = 0.01 left over: to A in January
    // (neither has had one, A is listed first), to B in February (A has had one), to A in March (one each).
    expect(s.lines.map((l) => l.receivingParents.map((r) => formatMoney(r.maintenance)))).toEqual([
      ['173.34', '173.33'],
      ['173.33', '173.34'],
      ['173.34', '173.33'],
    ]);
  });
});

describe('two receiving parents over a year: the leftover penny is not always the same parent’s', () => {
  // No rule of the 2012 scheme says who has the penny an instalment's shares leave over (C&E Regs 1992 reg 4 has no
  // rounding rule; docs/legal-notes.md Q3): the one rule found (NI SR 2001/17 reg 7(3)–(4), 2003 scheme) keeps the
  // total and adjusts by turns. Before, the first of equal remainders had it every time: A £0.12 a year more than B.
  const year = buildSchedule({
    decisions: [{ effectiveDate: '2025-01-06', calculation: twoReceivingParents }],
    frequency: 'monthly',
    service: 'collect_and_pay',
    asOf: '2025-12-31',
  });

  it('12 instalments of £346.67: 6 leftover pennies each, £2,080.02 each (12 × 173.33 + 0.06 = 2,080.02)', () => {
    expect(year.lines).toHaveLength(12);
    for (const l of year.lines) {
      // Every instalment's shares add up to it exactly.
      expect(l.receivingParents.reduce((a, r) => a.plus(r.maintenance), l.maintenance.minus(l.maintenance))).toEqual(l.maintenance);
      expect(formatMoney(l.maintenance)).toBe('346.67');
    }
    expect(year.totals.receivingParents.map((r) => [r.id, formatMoney(r.maintenance)])).toEqual([
      ['A', '2080.02'],
      ['B', '2080.02'],
    ]);
    // The paying parent's total is unchanged: 12 × 346.67 = 4,160.04.
    expect(formatMoney(year.totals.maintenance)).toBe('4160.04');
  });
});
