/**
 * The story the tests of money CMS received and has not passed on share (calc, letters, reconcile_ledger): a receiving
 * parent on Collect and Pay whose CMS statement shows the paying parent's September payment received and not passed on.
 * CMS gives her balance as £0.00: the paying parent's arrears, which count a payment as paid when CMS receives it. What
 * she is owed counts it when it reaches her. Before (a meaning probe of 5 December 2026), the difference was "£499.20
 * lower than its own entries … nothing explains it", counted in her favour, and her letter said "the account shows
 * arrears of £499.20" and "Your figure is £499.20 too low": the paying parent owes nothing.
 *
 * £120 a week from Saturday 1 July 2023, monthly on the 1st: £120 × 52 ÷ 12 = £520.00; her 4% = £20.80 (SI 2014/612 reg
 * 7), so £499.20 a month reaches her. CMS received £520.00 on the 5th of July, August and September, and passed on
 * £499.20 on 10 July and 10 August only.
 */
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const MONTHS = ['07', '08', '09'];

export function notPassedOn(
  o: { received?: string; passedOn?: readonly string[]; claim?: string; basis?: 'net' | 'gross'; asOf?: string } = {},
): ReconcileInput {
  const passedOn = o.passedOn ?? ['499.20', '499.20'];
  const asOf = o.asOf ?? '2023-09-30';
  return {
    schedule: {
      decisions: [{ effectiveDate: '2023-07-01', weeklyAmount: 120, service: 'collect_and_pay' }],
      service: 'collect_and_pay',
      frequency: 'monthly',
      asOf,
    },
    side: 'receiving',
    cmsEntries: MONTHS.flatMap((m, i): CmsEntryInput[] => [
      { id: `liability-${m}`, date: `2023-${m}-01`, type: 'liability', amount: '520.00' },
      { id: `fee-${m}`, date: `2023-${m}-01`, type: 'collection_fee', amount: '20.80' },
      { id: `received-${m}`, date: `2023-${m}-05`, type: 'payment_received', amount: o.received ?? '520.00' },
      ...(passedOn[i] ? [{ id: `passed-${m}`, date: `2023-${m}-10`, type: 'payment_passed_on' as const, amount: passedOn[i]! }] : []),
    ]),
    bankTransactions: passedOn.map((amount, i) => ({
      id: `bank-${MONTHS[i]}`,
      date: `2023-${MONTHS[i]}-10`,
      amount,
      direction: 'in' as const,
      description: 'CMS',
    })),
    bankFilter: { descriptionContains: ['CMS'] },
    cmsClaim: { date: asOf, balance: o.claim ?? '0.00', basis: o.basis ?? 'net' },
  };
}
