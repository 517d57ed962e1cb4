/**
 * A deduction still in time to reach CMS beside liability that has accrued and is not yet due: neither is an error of
 * CMS's, and a letter's "too high" leaves out both (a meaning probe of 6 December 2026: "Your figure is £721.30 too high
 * beside what has accrued under the decisions and is not yet due", £360.65 of it the September deduction the same letter
 * called "not an error on your record"; by part, "the maintenance is £601.08 too high and the collection fees are £120.22
 * too high", each twice a £300.54 / £60.11 line).
 *
 * £60 a week on Collect and Pay from 1 January 2024, the first payment due on 28 February: £260.00 and its 20% fee
 * £52.00 on the 28th, and the initial amount spread over the plan's instalments; the two transfers of February and March
 * and the payslip deductions of April to September each £360.65. CMS credits the deductions of April, May, July and
 * August, never June's, and September's (27 September) has until 19 October to reach it. CMS's figure on 30 September is
 * £965.84.
 */
import { describe, expect, test } from 'vitest';
import type { ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { reconcile } from '../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../letters/index.ts';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { squash } from './helpers.ts';

const DUE = ['2024-01-28', '2024-02-28', '2024-03-28', '2024-04-28', '2024-05-28', '2024-06-28', '2024-07-28', '2024-08-28', '2024-09-28'];
const reconciliation: ReconcileInput = {
  schedule: {
    decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60.00' }],
    service: 'collect_and_pay',
    frequency: 'monthly',
    firstDueDate: '2024-02-28',
  },
  side: 'paying',
  cmsEntries: [
    { date: '2024-01-01', type: 'liability', amount: '226.45' },
    { date: '2024-01-01', type: 'collection_fee', amount: '45.29' },
    ...DUE.flatMap((d) => [
      { date: d, type: 'liability' as const, amount: '260.00' },
      { date: d, type: 'collection_fee' as const, amount: '52.00' },
    ]),
    { date: '2024-02-29', type: 'payment_received', amount: '360.65' },
    { date: '2024-03-29', type: 'payment_received', amount: '360.65' },
    { date: '2024-04-10', type: 'enforcement_charge', amount: '50.00', chargeType: 'deduction_from_earnings_order' },
    ...['2024-05-17', '2024-06-14', '2024-08-16', '2024-09-13'].map((d) => ({ date: d, type: 'deo_receipt' as const, amount: '360.65' })),
  ],
  bankTransactions: ['2024-02-28', '2024-03-28'].map((d) => ({
    date: d,
    amount: '360.65',
    direction: 'out',
    description: 'CMS 121000000042 FT',
  })),
  bankFilter: { descriptionContains: ['CMS'] },
  evidence: ['2024-04-26', '2024-05-31', '2024-06-28', '2024-07-26', '2024-08-30', '2024-09-27'].map((d) => ({
    type: 'payslip_deduction',
    date: d,
    amount: '360.65',
    from: 'WIDGETCO LTD',
  })),
  cmsClaim: { date: '2024-09-30', balance: '965.84' },
};
const facts = { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying' };

describe('a deduction on its way beside what has accrued and is not yet due', () => {
  const r = reconcile(reconciliation);

  test('calc: the bridge’s three lines, and what is out beside both', () => {
    // June's deduction never credited (360.65), September's on its way (360.65), not yet due (194.54): 915.84 in all.
    expect(r.bridge.lines.map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([
      ['deduction_not_credited', '360.65'],
      ['deduction_in_transit', '360.65'],
      ['accrued_not_yet_due', '194.54'],
    ]);
    // 915.84 − 360.65 − 194.54 = 360.65, once September's deduction arrives and beside what is owed later alike.
    expect(r.bridge.differenceOnceArrived.toFixed(2)).toBe('360.65');
    expect(r.bridge.differenceBesideNotYetDue?.toFixed(2)).toBe('360.65');
    expect(r.bridge.owedLater?.toFixed(2)).toBe('194.54');
    // By part: June's line only, £300.54 of maintenance and £60.11 of fee (before: each twice).
    expect(r.bridge.components.map((c) => [c.component, c.besideNotYetDue.toFixed(2)])).toEqual([
      ['maintenance', '300.54'],
      ['collection_fees', '60.11'],
      ['enforcement_charges', '0.00'],
    ]);
  });

  test('payment_dispute: too high by June’s deduction only, and by part the same', () => {
    const text = squash(draftLetter({ type: 'payment_dispute', sentOn: '2024-10-15', facts, reconciliation }).text);
    expect(text).toContain(
      'Your figure is £360.65 too high beside what has accrued under the decisions and is not yet due, and what is on its way to you.',
    );
    expect(text).toContain('By part of the balance, the maintenance is £300.54 too high and the collection fees are £60.11 too high.');
    expect(text).not.toContain('£721.30');
    expect(text).not.toContain('£601.08');
  });
});

describe('reconcile_ledger’s text', () => {
  test('once the deduction arrives, CMS’s figure is £360.65 too high beside what has accrued and is not yet due', async () => {
    const { summary } = await reconcileLedgerTool.run(reconciliation, { today: '2024-10-15' });
    // Before: "Once it arrives, CMS's figure is £555.19 too high" (915.84 − 360.65), £194.54 of it not yet due.
    expect(summary).toContain("Once it arrives, CMS's figure is £360.65 too high beside what has accrued and is not yet due.");
    expect(summary).not.toContain('£555.19');
  });
});
