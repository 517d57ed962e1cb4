/**
 * The story the tests of money paid ahead of the plan share (calc, letters, reconcile_ledger). Voluntary payments
 * before the first due date (1991 Act s.28J), and money paid ahead of the payment plan generally: they pay the amount
 * that has accrued but that the plan has not yet made due (cms-accounts.md §3), not an overpayment. Before (a meaning
 * probe of 5 December 2026), such a parent was told "the account shows an overpayment of £433.34 … Your figure is
 * £433.34 too high, in my favour", and overpayment_refund asked for it back.
 *
 * £50 a week on Direct Pay from Friday 1 March 2024, monthly on the 15th from 15 May: £50 × 52 ÷ 12 = £216.67 an
 * instalment. Accrued before the first due date: 1–14 March, 14 of the 29 days of 15 February–14 March 2024, £216.67 ×
 * 14 ÷ 29 = £104.60 (half a penny up), then 15 March–14 April and 15 April–14 May, £216.67 each: £537.94. Reckoner's
 * plan (with no timetable of CMS's given) collects it after the ongoing instalments; here every instalment 15 May–15
 * October (6 × £216.67 = £1,300.02) was paid, and CMS recorded two voluntary payments of £216.67, on 15 March and 15
 * April, which the bank shows too.
 */
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const MONTHS = ['05', '06', '07', '08', '09', '10'];
export const VOLUNTARY = ['2024-03-15', '2024-04-15'];

export function paidAhead(voluntary: readonly string[] = VOLUNTARY, claim = '0.00'): ReconcileInput {
  return {
    schedule: {
      decisions: [{ effectiveDate: '2024-03-01', weeklyAmount: '50.00' }],
      frequency: 'monthly',
      firstDueDate: '2024-05-15',
      service: 'direct_pay',
      asOf: '2024-10-31',
    },
    side: 'paying',
    cmsEntries: voluntary.map((date, i): CmsEntryInput => ({ id: `voluntary-${i}`, date, type: 'voluntary_payment', amount: '216.67' })),
    bankTransactions: [...voluntary, ...MONTHS.map((m) => `2024-${m}-15`)].map((date) => ({
      id: `bank-${date}`,
      date,
      amount: '216.67',
      direction: 'out' as const,
      description: 'SO J SMITH MAINT',
    })),
    bankFilter: { descriptionContains: ['MAINT'] },
    cmsClaim: { date: '2024-10-31', balance: claim },
  };
}

/**
 * The same payments with none of CMS's entries (on Direct Pay it records none), seen from either side: the paying
 * parent's bank shows them leaving, the receiving parent's arriving.
 */
export function paidAheadUnrecorded(
  side: 'paying' | 'receiving',
  voluntary: readonly string[] = VOLUNTARY,
  claim = '0.00',
): ReconcileInput {
  const base = paidAhead(voluntary, claim);
  return {
    ...base,
    side,
    cmsEntries: [],
    bankTransactions: base.bankTransactions!.map((t) => ({ ...t, direction: side === 'paying' ? ('out' as const) : ('in' as const) })),
  };
}

/**
 * The receiving parent's side of the same payments on Collect and Pay: CMS passed each £216.67 on less its 4%
 * (£216.67 × 4% = £8.6668, £8.67), £208.00, on the day it was paid, and her bank shows each arriving.
 */
export function receivedAheadOnCollectAndPay(basis: 'gross' | 'net'): ReconcileInput {
  const base = paidAhead();
  const days = [...VOLUNTARY, ...MONTHS.map((m) => `2024-${m}-15`)];
  return {
    ...base,
    side: 'receiving',
    schedule: { ...base.schedule, service: 'collect_and_pay' },
    cmsEntries: days.map((date, i): CmsEntryInput => ({ id: `passed-on-${i}`, date, type: 'payment_passed_on', amount: '208.00' })),
    bankTransactions: days.map((date) => ({
      id: `bank-${date}`,
      date,
      amount: '208.00',
      direction: 'in' as const,
      description: 'CMS MAINT',
    })),
    cmsClaim: { date: '2024-10-31', balance: '0.00', basis },
  };
}
