/**
 * A record that repeats another, dated weeks before a payment nobody recorded: a duplicate and a payment missing, not
 * the payment recorded on the wrong date (a meaning probe of 6 December 2026). £390.00 a month on Collect and Pay
 * (£75 a week × 52 ÷ 12 = £325.00, with the 20% fee £65.00), paid on the 1st from January to May 2024; CMS recorded each
 * on the day, April's twice (1 and 3 April), and May's not by 31 May. Before, the 3 April copy took the 1 May payment:
 * "CMS recorded a payment received of £390.00 on 3 April 2024, but it left your account on 1 May 2024, 28 days later",
 * a receipt four weeks before the money left, and the letter said the only error changed no figure.
 */
import { describe, expect, it } from 'vitest';
import type { BankTransactionInput, CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';

const MONTHS = ['01', '02', '03', '04', '05'];
const bankTransactions: BankTransactionInput[] = MONTHS.map((m) => ({
  id: `bank-${m}`,
  date: `2024-${m}-01`,
  amount: '390.00',
  direction: 'out',
  description: 'CMS',
}));
const cmsEntries: CmsEntryInput[] = [
  ...MONTHS.slice(0, 4).map((m): CmsEntryInput => ({ id: `cms-${m}`, date: `2024-${m}-01`, type: 'payment_received', amount: '390.00' })),
  { id: 'cms-04-again', date: '2024-04-03', type: 'payment_received', amount: '390.00' },
];

describe('a copy of a record dated weeks before a payment CMS has no record of', () => {
  it('is a duplicate, and the payment is missing from CMS: one −£390.00, one +£390.00', () => {
    const r = reconcile({
      schedule: {
        decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 75, service: 'collect_and_pay' }],
        service: 'collect_and_pay',
        frequency: 'monthly',
        asOf: '2024-05-31',
      },
      side: 'paying',
      cmsEntries,
      bankTransactions,
      bankFilter: { descriptionContains: ['CMS'] },
    });
    expect(r.findings.map((f) => [f.kind, f.date, f.effect.toFixed(2), f.cmsEntryIds, f.bankTransactionIds])).toEqual([
      ['duplicate_payment_record', '2024-04-03', '-390.00', ['cms-04-again', 'cms-04'], []],
      ['payment_missing_from_cms', '2024-05-01', '390.00', [], ['bank-05']],
    ]);
  });
});
