/**
 * The story the tests of a payment CMS recorded after the date share (calc, letters, reconcile_ledger). A payment made
 * just before the date of CMS's figure that CMS recorded after it is on its way, not missing. Before (a meaning probe
 * of 5 December 2026) it was "£260.00 left your account on 30 August 2024, but CMS has no record of it", in the paying
 * parent's favour, though CMS's own statement showed it received on 2 September.
 *
 * £50 a week on Collect and Pay from 15 May 2024, monthly: £50 × 52 ÷ 12 = £216.67 and the 20% fee £43.33, £260.00 a
 * month (SI 2014/612 reg 7). May to July paid and recorded on the due date; August's £260.00 paid on 30 August. CMS
 * gives £260.00 owed on 31 August. Worked out: 4 × 260.00 due − 4 × 260.00 paid = £0.00.
 */
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { chargesOn, MONTHS, SCHEDULE } from './fifty-a-week.ts';

export function recordedAfter(later?: { date: string; amount: string }): ReconcileInput {
  return {
    schedule: SCHEDULE,
    side: 'paying',
    cmsEntries: [
      ...MONTHS.flatMap(chargesOn),
      ...MONTHS.slice(0, 3).map((d): CmsEntryInput => ({ id: `received-${d}`, date: d, type: 'payment_received', amount: '260.00' })),
      ...(later ? [{ id: 'received-later', date: later.date, type: 'payment_received' as const, amount: later.amount }] : []),
    ],
    bankTransactions: [...MONTHS.slice(0, 3), '2024-08-30'].map((d) => ({
      id: `bank-${d}`,
      date: d,
      amount: '260.00',
      direction: 'out' as const,
      description: 'CMS MAINT',
    })),
    bankFilter: { descriptionContains: ['CMS'] },
    cmsClaim: { date: '2024-08-31', balance: '260.00' },
  };
}

/**
 * The same with July's receipt left out of CMS's record too, and CMS saying £520.00 on 31 August 2024: July's £260.00
 * is checked against CMS's record and missing from it; August's (30 August, the day before the figure, with none of
 * CMS's records after it) is not checked. 2 × 260.00 due unpaid on CMS's record − £0.00 worked out = £520.00.
 */
export function julyMissingToo(): ReconcileInput {
  const base = recordedAfter();
  return {
    ...base,
    cmsEntries: base.cmsEntries!.filter((e) => e.id !== 'received-2024-07-15'),
    cmsClaim: { date: '2024-08-31', balance: '520.00' },
  };
}
