/**
 * The story the tests of a Direct Pay instalment paid a day early share (calc and letters; a journey probe, story 2).
 * The receiving parent, on Direct Pay: £92.00 a week from 15 January 2025, monthly on the 15th: £92.00 × 52 ÷ 12 =
 * £398.666…, £398.67 an instalment. Her bank shows £398.67 on 15 January, on 14 February (one day before February's
 * instalment fell due, inside the 5-day window in which a payment counts for its instalment), nothing in March or
 * April, £200.00 on 15 May, nothing in June, and £398.67 on 15 July and 15 August. CMS's record: the March and June
 * payments reported missed (£398.67 each, £797.34). To 29 August 2025, 8 instalments: 8 × £398.67 = £3,189.36 due;
 * paid 4 × £398.67 + £200.00 = £1,794.68; arrears £3,189.36 − £1,794.68 = £1,394.68.
 *
 * Before (the probe), the missed-payments table grouped money by calendar period: the 14 February payment fell in the
 * period 15 January to 14 February, so the period from 15 February read "£0.00 received, £398.67 short", and the total
 * came to £1,793.35, £398.67 more than the arrears.
 */
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

export const EARLY_PAID: Record<string, string> = {
  '2025-01-15': '398.67',
  '2025-02-14': '398.67',
  '2025-05-15': '200.00',
  '2025-07-15': '398.67',
  '2025-08-15': '398.67',
};

export const directPayEarly: ReconcileInput = {
  schedule: {
    decisions: [{ effectiveDate: '2025-01-15', weeklyAmount: '92.00' }],
    frequency: 'monthly',
    firstDueDate: '2025-01-15',
    service: 'direct_pay',
  },
  side: 'receiving',
  cmsEntries: [
    { id: 'report-march', date: '2025-03-15', type: 'missed_payment_reported', amount: '398.67' },
    { id: 'report-june', date: '2025-06-15', type: 'missed_payment_reported', amount: '398.67' },
  ],
  bankTransactions: Object.entries(EARLY_PAID).map(([date, amount], i) => ({
    id: `bank-${i + 1}`,
    date,
    amount,
    direction: 'in' as const,
    description: 'C FAIRWEATHER CHILD MAINT',
  })),
  bankFilter: { descriptionContains: ['FAIRWEATHER'] },
  cmsClaim: { date: '2025-08-29', balance: '797.34' },
};
