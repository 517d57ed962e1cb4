/**
 * A paying parent's case moved from Direct Pay to Collect and Pay, who pays the Direct Pay arrears to CMS after the
 * move. His Collect and Pay payments are split as maintenance and the 20% fee on it (credits.ts); a payment that
 * clears arrears carrying no fee was split the same way, so a balance of nothing read "maintenance £72.22 owed,
 * collection fees −£72.22", and CMS's figure by part, right, was "£72.22 less in maintenance" (README, not done
 * until 5 December 2026). Money pays only fees that are owed: the rest of such a split pays maintenance.
 *
 * £100 a week from 1 January 2024, monthly on the 1st: £100 × 52 ÷ 12 = £433.33 (C&E Regs 1992 reg 4). Direct Pay to
 * 31 March: January and February paid direct, March missed and reported. Collect and Pay from 1 April: £433.33 and
 * its 20% fee, £86.67 (86.666 half a penny up), £520.00 a month, each paid; then a payment towards March.
 */
import { describe, expect, it } from 'vitest';
import type { BankTransactionInput, CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { MOVED_SCHEDULE } from './moved-arrears.ts';

const MONTHS = ['04', '05', '06'];
const out = (date: string, amount: string): BankTransactionInput => ({ date, amount, direction: 'out', description: 'J SMITH MAINT' });

function moved(towardsMarch: string, claim: ReconcileInput['cmsClaim']): ReconcileInput {
  return {
    schedule: MOVED_SCHEDULE,
    side: 'paying',
    cmsEntries: [
      { date: '2024-03-01', type: 'missed_payment_reported', amount: '433.33' },
      ...MONTHS.flatMap((m): CmsEntryInput[] => [
        { date: `2024-${m}-01`, type: 'liability', amount: '433.33' },
        { date: `2024-${m}-01`, type: 'collection_fee', amount: '86.67' },
        { date: `2024-${m}-01`, type: 'payment_received', amount: '520.00' },
      ]),
      { date: '2024-06-20', type: 'payment_received', amount: towardsMarch },
    ],
    bankTransactions: [
      out('2024-01-01', '433.33'),
      out('2024-02-01', '433.33'),
      ...MONTHS.map((m) => out(`2024-${m}-01`, '520.00')),
      out('2024-06-20', towardsMarch),
    ],
    bankFilter: { descriptionContains: ['MAINT'] },
    cmsClaim: claim,
  };
}

const parts = (r: ReturnType<typeof reconcile>) => r.balance.components!.map((c) => `${c.component} ${formatMoney(c.recomputed)}`);

describe('Direct Pay arrears paid to CMS after the move (paying parent)', () => {
  it('a payment that clears them pays maintenance, not a fee: nothing owed of either, and CMS’s nil by part agrees', () => {
    // Before: £433.33 split m + 20% of m: m = £361.11, fee £72.22 (361.11 + 72.22 = 433.33), so maintenance
    // 433.33 − 361.11 = 72.22 owed and fees 3 × 86.67 − (3 × 86.67 + 72.22) = −72.22.
    const r = reconcile(moved('433.33', { date: '2024-06-30', balance: '0.00', maintenance: '0.00', collectionFees: '0.00' }));
    expect(parts(r)).toEqual(['maintenance 0.00', 'collection_fees 0.00', 'enforcement_charges 0.00']);
    expect(r.bridge.lines).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('a payment towards them that leaves some owed: what is owed is maintenance alone', () => {
    // £200.00 towards March's £433.33: £233.33 of maintenance still owed and no fee (before: split £166.67 and £33.33,
    // so maintenance £266.66 owed and fees −£33.33).
    const r = reconcile(moved('200.00', { date: '2024-06-30', balance: '233.33' }));
    expect(parts(r)).toEqual(['maintenance 233.33', 'collection_fees 0.00', 'enforcement_charges 0.00']);
    expect(formatMoney(r.balance.recomputed)).toBe('233.33');
    expect(r.bridge.lines).toEqual([]);
  });
});
