/**
 * An instalment paid a few days before it fell due, just after the reconciliation date, is paid ahead of it, not an
 * overpayment (the story and its arithmetic: ./paid-before-due.ts).
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { AS_OF, paidBeforeDue } from './paid-before-due.ts';

const m = formatMoney;

describe('an instalment paid before it fell due, just after the date', () => {
  it('on Direct Pay, paying parent: nothing owed, no finding, and CMS’s nil agrees', () => {
    const r = reconcile(paidBeforeDue({}));
    // Due 7 × 216.67 = 1,516.69 + paid ahead 216.67 − paid 8 × 216.67 = 1,733.36: 0.00.
    expect([m(r.balance.due), r.balance.paidAhead && m(r.balance.paidAhead), m(r.balance.paid), m(r.balance.recomputed)]).toEqual([
      '1516.69',
      '216.67',
      '1733.36',
      '0.00',
    ]);
    expect(r.balance.position).toBe('settled');
    expect(r.balance.paidAheadOfNext && [m(r.balance.paidAheadOfNext.amount), r.balance.paidAheadOfNext.dueDates]).toEqual([
      '216.67',
      ['2024-10-15'],
    ]);
    // Nothing accrued that is not yet due, and the instalment paid early is not counted as accrued.
    expect(m(r.balance.notYetDue)).toBe('0.00');
    expect(r.findings).toEqual([]);
    expect(r.bridge.lines).toEqual([]);
    expect(r.warnings).toContain(
      '£216.67 paid on Direct Pay by 13 October 2024 pays the instalment due on 15 October 2024, before it fell due: it is not an overpayment. CMS records no payments on Direct Pay: if the other parent reports it missed, show CMS this payment.',
    );
    expect(r.trace.find((s) => s.step === 'balance')?.description).toContain(
      'Due under the payment plan £1,516.69 + paid ahead of it £216.67 (towards the instalment due on 2024-10-15, paid before it fell due) − paid £1,733.36 = nothing owed on 2024-10-13',
    );
  });

  it('on Direct Pay, receiving parent: the same, in her words', () => {
    const r = reconcile(paidBeforeDue({ side: 'receiving' }));
    expect([m(r.balance.recomputed), r.balance.position, r.findings.length]).toEqual(['0.00', 'settled', 0]);
    expect(r.warnings.join(' ')).toContain('£216.67 received on Direct Pay by 13 October 2024 pays the instalment due on 15 October 2024');
  });

  it('on Collect and Pay, CMS’s nil agrees: no unexplained difference', () => {
    // Due 7 × 260.00 = 1,820.00 (maintenance 1,516.69, fees 7 × 43.33 = 303.31) + paid ahead 260.00 − paid 2,080.00 = 0.00.
    const r = reconcile(paidBeforeDue({ service: 'collect_and_pay' }));
    expect([m(r.balance.due), r.balance.paidAhead && m(r.balance.paidAhead), m(r.balance.recomputed)]).toEqual([
      '1820.00',
      '260.00',
      '0.00',
    ]);
    expect(r.balance.components.map((c) => [c.component, m(c.recomputed), m(c.notYetDue)])).toEqual([
      ['maintenance', '0.00', '0.00'],
      ['collection_fees', '0.00', '0.00'],
      ['enforcement_charges', '0.00', '0.00'],
    ]);
    expect(r.bridge.lines).toEqual([]);
  });

  it('on Collect and Pay, a figure of CMS’s that keeps the payment as a credit differs only in basis, and says what it pays', () => {
    const r = reconcile(paidBeforeDue({ service: 'collect_and_pay', claim: '-260.00' }));
    expect(r.bridge.lines.map((l) => [l.kind, m(l.amount)])).toEqual([['paid_ahead', '-260.00']]);
    expect(r.bridge.lines[0]!.description).toBe(
      "CMS's figure keeps £260.00 paid ahead of the payment plan as a credit; worked out, it pays the instalment due on 15 October 2024, before it fell due, so it is not an overpayment. The two figures agree once that is counted: the difference is one of basis, not an error.",
    );
    expect([r.bridge.inPayingParentsFavour.count, r.bridge.inReceivingParentsFavour.count]).toEqual([0, 0]);
  });

  it('a payment in the days before the date that makes good the last instalment, paid late, is not paid ahead', () => {
    // 15 September's instalment paid on 12 October instead: seven payments for seven instalments, nothing ahead.
    const r = reconcile(paidBeforeDue({ dates: ['03', '04', '05', '06', '07', '08'].map((x) => `2024-${x}-15`).concat('2024-10-12') }));
    expect([m(r.balance.recomputed), r.balance.paidAhead, r.balance.paidAheadOfNext, r.findings.length]).toEqual([
      '0.00',
      undefined,
      undefined,
      0,
    ]);
  });

  it('only what the next instalment is: a second payment beyond it is an overpayment', () => {
    // Two payments of £216.67 before 15 October, both on 12 October: one pays 15 October's, the other is paid beyond it.
    const input = paidBeforeDue({});
    const r = reconcile({
      ...input,
      bankTransactions: [...input.bankTransactions!, { ...input.bankTransactions!.at(-1)!, id: 'again' }],
      cmsClaim: { date: AS_OF, balance: '0.00' },
    });
    expect([m(r.balance.recomputed), r.balance.paidAheadOfNext && m(r.balance.paidAheadOfNext.amount)]).toEqual(['-216.67', '216.67']);
    expect(r.balance.position).toBe('overpaid');
    expect(r.findings.map((f) => [f.kind, m(f.amount)])).toEqual([['extra_payment_not_credited', '216.67']]);
  });
});
