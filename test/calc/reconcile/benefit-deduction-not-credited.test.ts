/**
 * A deduction from benefit that CMS never credited is money taken and not credited: DWP has no pay-over day (the
 * employer's "19th of the month after", SI 1992/1989 reg 14(1), is for deductions from earnings; cms-accounts.md §2).
 * Before (a meaning probe of 6 December 2026), a benefit deduction of 3 March, uncredited on 30 March while the one of
 * 17 March was credited, had "until 19 April 2025 to reach CMS", was "not to be disputed", and a letter disputing it
 * was refused. Only one within the matching window of the date (5 days) may still be on its way.
 *
 * The flat rate, £7.00 a week on Collect and Pay from Monday 6 January 2025, with its 20% fee £1.40: £8.40 a week. DWP
 * deducts £16.80 a fortnight; CMS recorded each deduction but one.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { explainFinding, reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

function fortnightly(deducted: readonly string[], missing: string, asOf: string, claim: string): ReconcileInput {
  return {
    schedule: { decisions: [{ effectiveDate: '2025-01-06', weeklyAmount: 7 }], frequency: 'weekly', service: 'collect_and_pay', asOf },
    side: 'paying',
    cmsEntries: deducted
      .filter((d) => d !== missing)
      .map((date, i) => ({ id: `dwp-${i}`, date, type: 'benefit_deduction_receipt' as const, amount: '16.80' })),
    evidence: deducted.map((date, i) => ({
      id: `stmt-${i}`,
      type: 'benefit_deduction' as const,
      date,
      amount: '16.80',
      from: 'Universal Credit',
    })),
    cmsClaim: { date: asOf, balance: claim },
  };
}

describe('a deduction from benefit CMS never credited', () => {
  it('weeks before the date, with a later one credited: money taken and not credited', () => {
    // 12 weeks due (6 January to 24 March) × 8.40 = 100.80; 5 × 16.80 = 84.00 deducted: 16.80 owed. CMS, without
    // 3 March's, 33.60: too high by 16.80.
    const r = reconcile(
      fortnightly(['2025-01-20', '2025-02-03', '2025-02-17', '2025-03-03', '2025-03-17'], '2025-03-03', '2025-03-30', '33.60'),
    );
    expect(r.findings.map((f) => [f.kind, f.date, formatMoney(f.amount)])).toEqual([['deduction_not_credited', '2025-03-03', '16.80']]);
    expect(formatMoney(r.balance.recomputed)).toBe('16.80');
  });

  it('within the matching window of the date: still on its way, allowed until 5 days after it', () => {
    // Deducted on 27 March, the date 30 March: 27 + 5 = 1 April, after the date.
    const r = reconcile(
      fortnightly(['2025-01-27', '2025-02-10', '2025-02-24', '2025-03-10', '2025-03-27'], '2025-03-27', '2025-03-30', '16.80'),
    );
    const f = r.findings.find((x) => x.kind === 'deduction_in_transit');
    expect(f && [f.date, formatMoney(f.amount), f.facts.reachBy]).toEqual(['2025-03-27', '16.80', '2025-04-01']);
    expect(explainFinding(f!, 'paying')).toBe(
      "Your benefit statement of 27 March 2025 shows £16.80 deducted for child maintenance, a few days before the date of CMS's figure: it may not have reached CMS by then (allow until 1 April 2025), so CMS's figure does not include it yet.",
    );
  });
});
