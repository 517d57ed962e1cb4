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

describe('a 20% fee taken from a receiving parent', () => {
  // August: CMS took £104.00 (20%) from her, not £20.80 (4%), and passed on £520.00 − £104.00 = £416.00, which her bank
  // shows. Nothing shows it as the paying parent's, so it is hers at the wrong rate: £104.00 − £20.80 = £83.20 too much.
  // She was due 3 × £499.20 = £1,497.60 net and received £499.20 + £416.00 + £499.20 = £1,414.40: £83.20 is owed to her;
  // CMS says nothing. Before (journey probe, story 1b) the fee was set aside as the paying parent's, and the bridge
  // said "1 difference the entries do not explain".
  function taken(): ReconcileInput {
    const base = ledger(['20.80']);
    const august = (e: { date: string }) => e.date.startsWith('2023-08');
    return {
      ...base,
      cmsEntries: [
        ...base.cmsEntries!.filter((e) => !august(e)),
        { date: '2023-08-01', type: 'liability', amount: '520.00' },
        { date: '2023-08-10', type: 'collection_fee', amount: '104.00' },
        { date: '2023-08-10', type: 'payment_passed_on', amount: '416.00' },
      ],
      bankTransactions: base.bankTransactions!.map((t) => (august(t) ? { ...t, amount: '416.00' } : t)),
    };
  }

  it('is a finding of the wrong fee, explained to the penny', () => {
    const r = reconcile(taken());
    expect(r.ignored.filter((x) => x.reason === 'paying_parents_fee')).toEqual([]);
    expect(r.findings.map((f) => [f.kind, f.date, f.amount.toFixed(2), f.effect.toFixed(2)])).toEqual([
      ['collection_fee_mismatch', '2023-08-10', '83.20', '-83.20'],
    ]);
    expect(r.balance.recomputed.toFixed(2)).toBe('83.20');
    // CMS's £0.00 − £83.20 = −£83.20, all of it the fee: no line the entries do not explain.
    expect(r.bridge.lines.map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([['collection_fee_mismatch', '-83.20']]);
  });
});
