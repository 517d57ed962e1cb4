/**
 * A case moved from Direct Pay to Collect and Pay in the middle of a payment period (CMS moves it after missed
 * payments: SI 2009/3151 reg 3A; cms-rules.md §9.1). The period that began on Direct Pay then carries collection
 * fees for its days on Collect and Pay. Reconciling such a case stopped with "reconciliation does not balance" (an
 * internal error, found drafting a breakdown request for a moved case): the Direct Pay check counted those fees as
 * part of the instalment a direct payment should have paid, and took a payment made after the move, to CMS with its
 * fee, as a direct payment.
 *
 * £60 a week from Monday 7 April 2025, monthly on the 7th: £60 × 52 ÷ 12 = £260.00 (C&E Regs 1992 reg 4); on Collect
 * and Pay the paying parent's 20% is £52.00 a month (Fees Regs 2014 reg 7). Moved on Monday 8 September 2025, one
 * day into the period 7 September – 6 October: its fee is for 29 of its 30 days, £52.00 × 29 ÷ 30 = £50.27 (50.266…).
 * Due to 6 December (eight instalments): £2,080.00 maintenance and £50.27 + £52.00 + £52.00 = £154.27 in fees.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const DAYS = ['2025-04-07', '2025-05-07', '2025-06-07', '2025-07-07', '2025-08-07', '2025-09-07', '2025-10-07', '2025-11-07'];

function moved(payDays: readonly string[]): ReconcileInput {
  return {
    schedule: {
      decisions: [
        { effectiveDate: '2025-04-07', weeklyAmount: 60, service: 'direct_pay' },
        { effectiveDate: '2025-09-08', weeklyAmount: 60, service: 'collect_and_pay' },
      ],
      frequency: 'monthly',
      asOf: '2025-12-06',
    },
    side: 'paying',
    bankTransactions: payDays.map((date) => ({ date, amount: '260.00', direction: 'out' as const, description: 'MAINT' })),
    bankFilter: { descriptionContains: ['MAINT'] },
    cmsEntries: [],
  };
}
const summary = (input: ReconcileInput) => {
  const r = reconcile(input);
  return {
    findings: r.findings.map((f) => `${f.kind} ${f.date} ${f.effects.maintenance.toFixed(2)} + ${f.effects.collectionFees.toFixed(2)}`),
    owed: r.balance.recomputed.toFixed(2),
  };
};

describe('a case moved to Collect and Pay inside a payment period', () => {
  it('paid £260.00 on each due day: the fees for the days on Collect and Pay are owed, nothing more', () => {
    // Paid 8 × £260.00 = £2,080.00, the maintenance in full: the £154.27 of fees is owed. October's and November's
    // payments were made on Collect and Pay: £216.67 of maintenance and its £43.33 fee each (216.67 + 43.33 = 260.00),
    // and no line of CMS's account was given to show them. £2,080.00 + £154.27 − £2,080.00 = £154.27.
    expect(summary(moved(DAYS))).toEqual({
      findings: ['payment_missing_from_cms 2025-10-07 216.67 + 43.33', 'payment_missing_from_cms 2025-11-07 216.67 + 43.33'],
      owed: '154.27',
    });
  });

  it('a payment made the day after the move is a payment to CMS, not the Direct Pay instalment of the day before', () => {
    // September's £260.00 paid on Monday 8 September, the first day on Collect and Pay: £216.67 + £43.33 fee. The
    // instalment due on Sunday 7 September, on Direct Pay, had no direct payment: £260.00 short, not reported.
    // Owed: £2,080.00 + £154.27 − (5 × £260.00 + 3 × £260.00) = £154.27, the same money.
    expect(summary(moved([...DAYS.slice(0, 5), '2025-09-08', ...DAYS.slice(6)]))).toEqual({
      findings: [
        'missed_payment_not_reported 2025-09-07 -260.00 + 0.00',
        'payment_missing_from_cms 2025-09-08 216.67 + 43.33',
        'payment_missing_from_cms 2025-10-07 216.67 + 43.33',
        'payment_missing_from_cms 2025-11-07 216.67 + 43.33',
      ],
      owed: '154.27',
    });
  });
});
