/**
 * A balance worked out to a day after the evidence of payment ends counts every instalment due after it as unpaid:
 * nothing given shows it paid. The reconciliation says so, with the count and the sum, so that a parent does not
 * admit (or claim) arrears their papers do not cover. Figures from test/letters/fixture.ts: £410.08 due on the 7th
 * of each month (Collect and Pay, maintenance and fee), the bank rows ending on 9 March 2026.
 */
import { describe, expect, test } from 'vitest';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { twoWayReconciliation } from '../../letters/fixture.ts';

const { cmsClaim: _claim, ...withoutClaim } = twoWayReconciliation;
const to = (asOf: string) => reconcile({ ...withoutClaim, schedule: { ...withoutClaim.schedule, asOf } });

describe('evidence that ends before the day the balance is worked out to', () => {
  test('three instalments after 9 March 2026 to 30 June: named, with their sum (3 × £410.08 = £1,230.24)', () => {
    expect(to('2026-06-30').warnings).toContain(
      'The evidence of payment given ends on 2026-03-09, but the balance is worked out to 2026-06-30: 3 instalments fell due after it ' +
        '(£1,230.24 in all) and count as unpaid, as nothing given shows them paid. Give the statements up to 2026-06-30, or reconcile as of 2026-03-09 (asOf).',
    );
  });

  test('to the day the evidence ends, or with no instalment due after it: no such warning', () => {
    for (const asOf of ['2026-03-09', '2026-04-06']) {
      expect(to(asOf).warnings.some((w) => w.startsWith('The evidence of payment given ends'))).toBe(false);
    }
  });
});

describe('receipts CMS records after the evidence ends', () => {
  test('are counted as paid as CMS recorded them, and the warning says so: only the rest counts as unpaid', () => {
    // £75 a week on Collect and Pay from 1 March 2024: £75 × 52 ÷ 12 = £325.00 and the 20% fee £65.00, £390.00 a month.
    // Payslips for March to May (£391.00: the employer keeps £1, reg 12(6)); CMS's receipts from the employer on the
    // 15th, April to August. The May payslip is paid over by 19 June, so June's receipt is checked against it; July's
    // and August's, 2 × £390.00 = £780.00, are taken as recorded. After 25 May, 3 instalments fall due (1 June, 1 July,
    // 1 August: £1,170.00); £1,170.00 − £780.00 = £390.00 counts as unpaid.
    const r = reconcile({
      schedule: {
        decisions: [{ effectiveDate: '2024-03-01', weeklyAmount: 75, service: 'collect_and_pay' }],
        service: 'collect_and_pay',
        frequency: 'monthly',
        asOf: '2024-08-31',
      },
      side: 'paying',
      cmsEntries: ['04', '05', '06', '07', '08'].map((m) => ({ date: `2024-${m}-15`, type: 'deo_receipt' as const, amount: '390.00' })),
      evidence: ['03', '04', '05'].map((m) => ({
        type: 'payslip_deduction' as const,
        date: `2024-${m}-25`,
        amount: '391.00',
        from: 'NORTHGATE CARE LTD',
      })),
    });
    expect(r.warnings).toContain(
      'The evidence of payment given ends on 2024-05-25, but the balance is worked out to 2024-08-31: 3 instalments fell due after it (£1,170.00 in all). ' +
        'CMS records £780.00 received after it (2 receipts), counted as paid as CMS recorded them, though nothing given checks them; ' +
        'the rest, £390.00, counts as unpaid, as nothing given shows it paid. Give the statements up to 2024-08-31, or reconcile as of 2024-05-25 (asOf).',
    );
    // Six instalments, £2,340.00, less five receipts, £1,950.00: £390.00 owed.
    expect(r.balance.recomputed.toFixed(2)).toBe('390.00');
  });
});
