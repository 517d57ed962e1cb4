/**
 * The accounts the tests of collection fees beside maintenance arrears share (calc and letters). Collection fees and
 * enforcement charges are owed to the Secretary of State and are not arrears of maintenance (cms-accounts.md §4).
 *
 * £60 a week on Collect and Pay from 1 January 2024, due monthly on the 1st: £60 × 52 ÷ 12 = £260.00 maintenance + 20%
 * collection fee £52.00 (SI 2014/612 reg 7) = £312.00 a month; January to April due: 4 × £312.00 = £1,248.00. Every
 * person and figure is invented.
 * @module
 */
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

/**
 * The bank shows £312.00 paid on 1 January, 1 February and 1 March (£936.00); CMS recorded January and February only
 * and says £624.00 is owed on 30 April. Worked out: £1,248.00 − £936.00 = £312.00, of which maintenance 4 × £260.00 −
 * 3 × £260.00 = £260.00 and collection fees 4 × £52.00 − 3 × £52.00 = £52.00.
 */
export const feesBesideArrears: ReconcileInput = {
  schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
  side: 'paying',
  cmsEntries: ['01', '02'].map((m) => ({ id: `rec-${m}`, date: `2024-${m}-01`, type: 'payment_received' as const, amount: '312.00' })),
  bankTransactions: ['01', '02', '03'].map((m) => ({
    id: `bank-${m}`,
    date: `2024-${m}-01`,
    amount: '312.00',
    direction: 'out' as const,
    description: 'CMS',
  })),
  bankFilter: { includeAll: true },
  cmsClaim: { date: '2024-04-30', balance: '624.00' },
};

/**
 * CMS's own entries to 30 April: each month's £260.00 maintenance and £52.00 fee, January's and February's £312.00
 * received, and a £50.00 deduction from earnings order charge on 10 February. They hold maintenance 4 × £260.00 −
 * 2 × £260.00 = £520.00, fees 4 × £52.00 − 2 × £52.00 = £104.00 and the £50.00 charge: £674.00.
 */
export function cmsEntriesWithFeesAndCharge(): ReconcileInput['cmsEntries'] {
  return [
    ...['01', '02', '03', '04'].flatMap((m) => [
      { date: `2024-${m}-01`, type: 'liability' as const, amount: '260.00' },
      { date: `2024-${m}-01`, type: 'collection_fee' as const, amount: '52.00' },
    ]),
    ...['01', '02'].map((m) => ({ date: `2024-${m}-01`, type: 'payment_received' as const, amount: '312.00' })),
    { date: '2024-02-10', type: 'enforcement_charge', amount: '50.00', chargeType: 'deduction_from_earnings_order' },
  ];
}
