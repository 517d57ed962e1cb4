/**
 * The account of test/calc/reconcile/brought-forward.test.ts (its header shows the arithmetic): £50.00 a week from
 * 6 January 2025, Collect and Pay (£216.67 + £43.33 = £260.00 a month), every month paid but March, and CMS's
 * statement from 1 June 2025 opening with a balance brought forward. Shared by the letters' and the bundle's tests.
 */
import type { BankTransactionInput, CmsEntryInput } from '../../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const DUE = ['2025-01-06', '2025-02-06', '2025-03-06', '2025-04-06', '2025-05-06', '2025-06-06', '2025-07-06', '2025-08-06'];
export const FROM_JUNE = DUE.slice(5);
export const BEFORE_JUNE_PAID = ['2025-01-06', '2025-02-06', '2025-04-06', '2025-05-06'];

export const paidOn = (days: readonly string[], amount: string): BankTransactionInput[] =>
  days.map((d) => ({ id: `bank-${d}`, date: d, amount, direction: 'out', description: 'CMS 1234 5678 9012' }));

/** CMS's statement from 1 June: the balance brought forward, each month's charge and fee, and each payment received. */
export function collectAndPay(broughtForward: string, claim: string, extra: CmsEntryInput[] = []): ReconcileInput {
  return {
    schedule: {
      decisions: [{ effectiveDate: '2025-01-06', weeklyAmount: '50.00' }],
      frequency: 'monthly',
      firstDueDate: '2025-01-06',
      service: 'collect_and_pay',
      asOf: '2025-08-31',
    },
    side: 'paying',
    cmsEntries: [
      { id: 'bf', date: '2025-06-01', type: 'opening_balance', amount: broughtForward, description: 'Balance brought forward' },
      ...FROM_JUNE.flatMap((d): CmsEntryInput[] => [
        { id: `liability-${d}`, date: d, type: 'liability', amount: '216.67' },
        { id: `fee-${d}`, date: d, type: 'collection_fee', amount: '43.33' },
        { id: `received-${d}`, date: d, type: 'payment_received', amount: '260.00' },
      ]),
      ...extra,
    ],
    bankTransactions: paidOn([...BEFORE_JUNE_PAID, ...FROM_JUNE], '260.00'),
    bankFilter: { descriptionContains: ['CMS'] },
    cmsClaim: { date: '2025-08-31', balance: claim },
  };
}
