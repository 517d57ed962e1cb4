/**
 * The Collect and Pay account several stories share: £50 a week from 15 May 2024, monthly on the 15th, to 31 August:
 * £50 × 52 ÷ 12 = £216.67 and the paying parent's 20% fee £43.33 (SI 2014/612 reg 7), £260.00 a month.
 */
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

export const MONTHS = ['2024-05-15', '2024-06-15', '2024-07-15', '2024-08-15'];

export const SCHEDULE: ReconcileInput['schedule'] = {
  decisions: [{ effectiveDate: '2024-05-15', weeklyAmount: '50.00' }],
  frequency: 'monthly',
  firstDueDate: '2024-05-15',
  service: 'collect_and_pay',
  asOf: '2024-08-31',
};

/** CMS's charges for a month: the maintenance and the paying parent's fee. */
export const chargesOn = (d: string): CmsEntryInput[] => [
  { id: `liability-${d}`, date: d, type: 'liability', amount: '216.67' },
  { id: `fee-${d}`, date: d, type: 'collection_fee', amount: '43.33' },
];
