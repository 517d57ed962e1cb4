/**
 * A receiving parent's ledger typed from a subject access request holds both parents' collection fees: the paying
 * parent's 20% added to what they pay, and her own 4% taken from what is passed on (SI 2014/612 reg 7). Judged as
 * hers, the paying parent's fee read as an overcharge of her: an MCP audit found seven "wrong collection fees" of
 * £83.20, each a correct £104.00 on £520.00.
 *
 * £120 a week on Collect and Pay from Saturday 1 July 2023, monthly on the 1st: £120 × 52 ÷ 12 = £520.00; the paying
 * parent's fee 20% = £104.00; hers 4% = £20.80, so £499.20 is passed on.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const MONTHS = ['2023-07-01', '2023-08-01', '2023-09-01'];

function ledger(fees: readonly string[]): ReconcileInput {
  return {
    schedule: {
      decisions: [{ effectiveDate: '2023-07-01', weeklyAmount: 120, service: 'collect_and_pay' }],
      service: 'collect_and_pay',
      frequency: 'monthly',
      asOf: '2023-09-30',
    },
    side: 'receiving',
    cmsEntries: MONTHS.flatMap((date, i) => [
      { date, type: 'liability' as const, amount: '520.00' },
      ...fees.map((amount) => ({ date, type: 'collection_fee' as const, amount })),
      { date: `2023-0${7 + i}-10`, type: 'payment_passed_on' as const, amount: '499.20' },
    ]),
    bankTransactions: MONTHS.map((_, i) => ({ date: `2023-0${7 + i}-10`, amount: '499.20', direction: 'in' as const, description: 'CMS' })),
    bankFilter: { descriptionContains: ['CMS'] },
    cmsClaim: { date: '2023-09-30', balance: '0.00', basis: 'net' },
  };
}

describe('collection fees on a receiving parent’s ledger', () => {
  it('sets the paying parent’s 20% aside as not hers, and finds nothing wrong', () => {
    // Her fee lines, £20.80 each, and the paying parent's, £104.00 each: three months passed on in full, nothing owed.
    const r = reconcile(ledger(['104.00', '20.80']));
    expect(r.findings).toEqual([]);
    expect(r.ignored.filter((x) => x.reason === 'paying_parents_fee')).toHaveLength(3);
    expect(r.balance.recomputed.toFixed(2)).toBe('0.00');
  });

  it('still finds a fee of hers charged at the wrong amount', () => {
    // £26.00 (5%) charged to her each month: £5.20 too much, three times.
    const r = reconcile(ledger(['26.00']));
    expect(r.findings.map((f) => [f.kind, f.amount.toFixed(2)])).toEqual([
      ['collection_fee_mismatch', '5.20'],
      ['collection_fee_mismatch', '5.20'],
      ['collection_fee_mismatch', '5.20'],
    ]);
  });
});
