/**
 * Direct Pay, paid ahead, then money back: what comes back in a period the payment in advance still covers comes
 * off that payment in advance (found by fuzzing reconcile with the property tests' generator: the money back was
 * dropped, the account did not balance, and the reconciliation stopped on its own check, 'internal' to the user).
 *
 * £12 a week on Direct Pay from 1 January 2024, monthly: £12 × 52 ÷ 12 = £52.00 a month (C&E Regs 1992 reg 4), due on
 * the 1st of January, February, March and April: £208.00. The paying parent paid £156.00 on 1 January (three months),
 * £20.00 came back to him on 10 February, and he paid £52.00 on 1 April: £156.00 − £20.00 + £52.00 = £188.00 paid,
 * £20.00 owed. January leaves £104.00 paid ahead; February's £52.00 and the £20.00 back come off it, leaving £32.00;
 * March's £52.00 is £20.00 short, which nobody reported.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';

const out = (date: string, amount: string) => ({ date, amount, direction: 'out' as const, description: 'FP TO K JONES CHILD MAINT' });

describe('Direct Pay paid ahead, then money back', () => {
  it('takes the money back off the payment in advance, leaving March £20.00 short', () => {
    const r = reconcile({
      schedule: {
        decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '12.00' }],
        service: 'direct_pay',
        frequency: 'monthly',
        asOf: '2024-04-15',
      },
      side: 'paying',
      cmsEntries: [],
      bankTransactions: [
        out('2024-01-01', '156.00'),
        { date: '2024-02-10', amount: '20.00', direction: 'in', description: 'K JONES CHILD MAINT BACK' },
        out('2024-04-01', '52.00'),
      ],
      bankFilter: { descriptionContains: ['CHILD MAINT'] },
    });
    expect(r.balance.due.toFixed(2)).toBe('208.00');
    expect(r.balance.paid.toFixed(2)).toBe('188.00');
    expect(r.balance.recomputed.toFixed(2)).toBe('20.00');
    expect(r.findings.map((f) => `${f.kind} ${f.date} ${f.effect.toFixed(2)}`)).toEqual(['missed_payment_not_reported 2024-03-01 -20.00']);
  });
});
