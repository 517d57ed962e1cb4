/**
 * A receiving parent on Collect and Pay, £120 a week from 1 July 2023, monthly on the 1st: £120 × 52 ÷ 12 = £520.00,
 * her 4% £20.80 (SI 2014/612 reg 7), £499.20 a month reaching her. CMS received £520.00 on the 5th of each month, July
 * to December, and passed each on on the 10th, but for September's, never passed on; December's reached her bank on
 * 13 December, after the reconciliation on 11 December. CMS's figure is the paying parent's arrears: £0.00.
 * (A meaning probe of 6 December 2026: the held money was "a difference the entries do not explain", pinned on
 * December's receipt, and her letter said "Your figure is £998.40 too low".)
 */
import type { BankTransactionInput, CmsEntryInput } from '../../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const MONTHS = ['07', '08', '09', '10', '11', '12'];
const PASSED_ON = MONTHS.filter((m) => m !== '09');

export function heldBesideInTransit(): ReconcileInput {
  return {
    schedule: {
      decisions: [{ effectiveDate: '2023-07-01', weeklyAmount: 120, service: 'collect_and_pay' }],
      service: 'collect_and_pay',
      frequency: 'monthly',
      asOf: '2023-12-11',
    },
    side: 'receiving',
    cmsEntries: MONTHS.flatMap((m): CmsEntryInput[] => [
      { id: `liability-${m}`, date: `2023-${m}-01`, type: 'liability', amount: '520.00' },
      { id: `fee-${m}`, date: `2023-${m}-01`, type: 'collection_fee', amount: '20.80' },
      { id: `received-${m}`, date: `2023-${m}-05`, type: 'payment_received', amount: '520.00' },
      ...(PASSED_ON.includes(m) ? [{ id: `passed-${m}`, date: `2023-${m}-10`, type: 'payment_passed_on' as const, amount: '499.20' }] : []),
    ]),
    bankTransactions: PASSED_ON.map((m): BankTransactionInput => ({
      id: `bank-${m}`,
      date: m === '12' ? '2023-12-13' : `2023-${m}-10`,
      amount: '499.20',
      direction: 'in',
      description: 'CMS',
    })),
    bankFilter: { descriptionContains: ['CMS'] },
    cmsClaim: { date: '2023-12-11', balance: '0.00', basis: 'net' },
  };
}
