/**
 * A paying parent's overpayment on Collect and Pay, made of maintenance and the 20% collection fee on it: the refund
 * letter (L19) says what it is made of, and each part's working calls it part of the overpayment, not "of the
 * arrears" (there are none).
 *
 * The account is test/calc/reconcile/collect-and-pay-from-may.ts (£60.00 a week from 1 May 2024: £260.00 a month and
 * the £52.00 fee, so £312.00 due on each of 1 May, 1 June and 1 July) with a fourth £312.00 paid on 15 July:
 * 4 × 312.00 − 3 × 312.00 = £312.00 overpaid, £260.00 of it maintenance and £52.00 fees.
 */
import { expect, it } from 'vitest';
import type { ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../letters/index.ts';
import { collectAndPayFromMay } from '../calc/reconcile/collect-and-pay-from-may.ts';
import { CASES } from './fixture.ts';
import { squash } from './helpers.ts';

it('an overpayment’s parts are parts of the overpayment', () => {
  const base = collectAndPayFromMay([]);
  const reconciliation: ReconcileInput = {
    ...base,
    bankTransactions: [
      ...base.bankTransactions!,
      { id: 'bank-extra', date: '2024-07-15', amount: '312.00', direction: 'out', description: 'CMS PAYMENT' },
    ],
  };
  const letter = draftLetter({ ...CASES['overpayment_refund']!.input, sentOn: '2024-08-05', reconciliation });
  const figure = (id: string) => letter.figures.find((f) => f.id === id);
  expect([figure('overpaid_maintenance')?.value, figure('overpaid_collection_fees')?.value]).toEqual(['£260.00', '£52.00']);
  expect(figure('overpaid_maintenance')?.source).toMatch(/^The maintenance part of the overpayment worked out /);
  expect(squash(letter.text)).not.toContain('part of the arrears');
});
