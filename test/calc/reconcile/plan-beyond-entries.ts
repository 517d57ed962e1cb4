/**
 * The story the tests of CMS's entries holding less than the payment plan has made due share (calc and letters; a
 * journey probe, story 4). The paying parent: £50.00 a week from 3 June 2024 on Direct Pay, monthly from 1 August
 * 2024 (£50.00 × 52 ÷ 12 = £216.67 an instalment); Collect and Pay from 1 January 2025, with CMS's payment schedule
 * collecting £60.00 a month of the initial amount (what accrued from 3 June to 31 July) from January. CMS's statement
 * from January charges £216.67 and the £43.33 fee each month and the £50.00 deduction-order charge, and records £320.00
 * received three times; it gives its figure as £765.57 on 30 April 2025.
 *
 * CMS's entries charge the maintenance as it accrues from January; the plan has also made due the four £60.00
 * instalments of the initial amount (£240.00), which accrued before them, so what they make due under the plan is more
 * than they add up to: the "not yet due" part of them is −£240.00. Before, a letter wrote such a part "of which £158.18
 * has accrued but is not yet due" beside "less the -£158.18" (the probe's figures).
 */
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const months = ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01'];

export const planBeyondEntries: ReconcileInput = {
  schedule: {
    decisions: [
      { effectiveDate: '2024-06-03', weeklyAmount: '50.00', service: 'direct_pay' },
      { effectiveDate: '2025-01-01', weeklyAmount: '50.00', service: 'collect_and_pay' },
    ],
    frequency: 'monthly',
    firstDueDate: '2024-08-01',
    paymentPlan: { catchUp: months.map((dueDate) => ({ dueDate, amount: '60.00' })) },
  },
  side: 'paying',
  cmsEntries: [
    { id: 'report', date: '2024-12-01', type: 'missed_payment_reported', amount: '216.67' },
    ...months.flatMap((date, i) => [
      { id: `liability-${i}`, date, type: 'liability' as const, amount: '216.67' },
      { id: `fee-${i}`, date, type: 'collection_fee' as const, amount: '43.33' },
    ]),
    { id: 'rdo-charge', date: '2025-03-10', type: 'enforcement_charge', amount: '50.00' },
    ...['2025-01-03', '2025-03-14', '2025-04-14'].map((date, i) => ({
      id: `received-${i}`,
      date,
      type: 'payment_received' as const,
      amount: '320.00',
    })),
  ],
  bankTransactions: [
    ...['2024-08-01', '2024-09-02', '2024-10-01', '2024-11-01', '2024-12-20'].map((date, i) => ({
      id: `dp-${i}`,
      date,
      amount: '216.67',
      direction: 'out' as const,
      description: 'S MARSH CHILD MAINT',
    })),
    ...['2025-01-03', '2025-03-14', '2025-04-14'].map((date, i) => ({
      id: `cms-${i}`,
      date,
      amount: '320.00',
      direction: 'out' as const,
      description: 'CMS 121443322110',
    })),
  ],
  bankFilter: { descriptionContains: ['CHILD MAINT', 'CMS'] },
  cmsClaim: { date: '2025-04-30', balance: '765.57' },
};
