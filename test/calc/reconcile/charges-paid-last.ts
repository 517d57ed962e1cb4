/**
 * The story the tests of money that pays enforcement charges share (calc and letters). Enforcement charges are
 * collected only once maintenance and arrears are paid (cms-rules.md §9.3), so money paid beyond the arrears pays them.
 * Before (a meaning probe of 6 December 2026), no payment was ever set against them: £700 paid beyond the arrears left
 * the £350.00 of charges owed beside maintenance in credit, and CMS's right split was "£350.00 less in enforcement
 * charges"; a balance of arrears and charges was "arrears of £523.31", £350.00 of it charges.
 *
 * £60 a week on Collect and Pay from 1 January 2024, due monthly on the 1st: 60 × 52 ÷ 12 = £260.00 maintenance + 20%
 * fee £52.00 = £312.00. Paid £312.00 on 1 January, 1 February and (unless `marchUnpaid`) 1 March, the bank and CMS
 * agreeing; a deduction from earnings order charge of £50.00 on 10 February (SI 2014/612 reg 10; it needs no arrears:
 * test/calc/reconcile/enforcement-without-arrears.test.ts); and `extra` paid on 20 March, which CMS recorded too.
 */
import type { BankTransactionInput, CmsEntryInput } from '../../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

export function chargesPaidLast(options: {
  extra?: string;
  marchUnpaid?: boolean;
  claim: { balance: string; maintenance?: string; collectionFees?: string; enforcementCharges?: string };
}): ReconcileInput {
  const months = options.marchUnpaid ? ['01', '02'] : ['01', '02', '03'];
  const paid = [
    ...months.map((m) => ({ id: `${m}`, date: `2024-${m}-01`, amount: '312.00' })),
    ...(options.extra ? [{ id: 'extra', date: '2024-03-20', amount: options.extra }] : []),
  ];
  return {
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
    side: 'paying',
    cmsEntries: [
      ...paid.map((p): CmsEntryInput => ({ id: `rec-${p.id}`, date: p.date, type: 'payment_received', amount: p.amount })),
      { id: 'deo', date: '2024-02-10', type: 'enforcement_charge', amount: '50.00', chargeType: 'deduction_from_earnings_order' },
    ],
    bankTransactions: paid.map((p): BankTransactionInput => ({
      id: `bank-${p.id}`,
      date: p.date,
      amount: p.amount,
      direction: 'out',
      description: 'CMS',
    })),
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-03-31', ...options.claim },
  };
}
