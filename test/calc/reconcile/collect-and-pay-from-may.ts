/**
 * A case several tests reconcile: one decision of £60.00 a week on Collect and Pay, monthly from 1 May 2024:
 * 60 × 52 ÷ 12 = £260.00 a month, and the paying parent's 20% collection fee on it, £52.00: £312.00 paid from the bank
 * ("CMS PAYMENT") on each due date to 31 July (Fees Regulations 2014 reg 7). The tests give CMS's entries.
 */
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

export const DUE = ['2024-05-01', '2024-06-01', '2024-07-01'];

export const collectAndPayFromMay = (cmsEntries: CmsEntryInput[]): ReconcileInput => ({
  schedule: {
    decisions: [{ effectiveDate: '2024-05-01', weeklyAmount: '60.00' }],
    frequency: 'monthly',
    firstDueDate: '2024-05-01',
    service: 'collect_and_pay',
    asOf: '2024-07-31',
  },
  side: 'paying',
  cmsEntries,
  bankTransactions: DUE.map((date) => ({ id: `bank-${date}`, date, amount: '312.00', direction: 'out', description: 'CMS PAYMENT' })),
  bankFilter: { descriptionContains: ['CMS'] },
});
