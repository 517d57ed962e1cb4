/**
 * The story the tests of an instalment paid a few days before it fell due, just after the reconciliation date, share
 * (calc and letters). A standing order that pays on the 12th for the instalment due on the 15th, with the date the
 * 13th: the money pays the instalment due on 15 October, before it fell due. Before (a meaning probe, 6 December
 * 2026), on Direct Pay it was "money paid beyond the instalments" dated 15 September, CMS's nil was "too high" and
 * the balance "an overpayment of £216.67"; on Collect and Pay "overpaid £260.00", and CMS's nil an unexplained £260.00.
 *
 * £50 a week from Friday 15 March 2024, monthly on the 15th from the same day: £50 × 52 ÷ 12 = £216.67 an instalment,
 * each for the month from its due date (nothing accrues that is not yet due). Seven paid on their due dates, 15 March
 * to 15 September (7 × £216.67 = £1,516.69), and one on 12 October, 3 days before 15 October's, inside the 5-day
 * window in which a payment counts for an instalment. On Collect and Pay the paying parent pays the 20% fee on top:
 * £216.67 × 20% = £43.334, £43.33; £260.00 an instalment.
 */
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const ON_TIME = ['03', '04', '05', '06', '07', '08', '09'].map((m) => `2024-${m}-15`);
export const EARLY = '2024-10-12';
export const AS_OF = '2024-10-13';

export function paidBeforeDue(options: {
  service?: 'direct_pay' | 'collect_and_pay';
  side?: 'paying' | 'receiving';
  claim?: string;
  /** The dates paid: by default every instalment on its due date and 15 October's on 12 October. */
  dates?: readonly string[];
}): ReconcileInput {
  const { service = 'direct_pay', side = 'paying', claim = '0.00', dates = [...ON_TIME, EARLY] } = options;
  const amount = service === 'collect_and_pay' ? '260.00' : '216.67';
  return {
    schedule: {
      decisions: [{ effectiveDate: '2024-03-15', weeklyAmount: '50.00' }],
      frequency: 'monthly',
      firstDueDate: '2024-03-15',
      service,
      asOf: AS_OF,
    },
    side,
    cmsEntries:
      service === 'collect_and_pay'
        ? dates.map((date, i) => ({ id: `received-${i}`, date, type: 'payment_received' as const, amount }))
        : [],
    bankTransactions: dates.map((date) => ({
      id: `bank-${date}`,
      date,
      amount,
      direction: side === 'paying' ? ('out' as const) : ('in' as const),
      description: 'SO MAINTENANCE',
    })),
    bankFilter: { descriptionContains: ['MAINTENANCE'] },
    cmsClaim: { date: AS_OF, balance: claim },
  };
}
