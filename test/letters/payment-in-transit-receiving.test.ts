/**
 * A receiving parent's payment on its way: CMS recorded passing on £499.20 on 28 September 2023, which reached her
 * bank on 2 October, after the date of its figure (30 September). The story of ../calc/reconcile/not-passed-on.ts with
 * September's payment passed on: before (a probe of 5 December 2026), "your bank shows no such payment arriving", and
 * payment_dispute asked CMS to trace and pay her money it had sent.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../calc/reconcile/reconcile.ts';
import { formatMoney } from '../../calc/money.ts';
import { draftLetter } from '../../letters/index.ts';
import { notPassedOn } from '../calc/reconcile/not-passed-on.ts';
import { CASE_REFERENCE, RECEIVING_PARENT, SENT_ON } from './fixture.ts';
import { refusal, squash } from './helpers.ts';

const base = notPassedOn();
const reconciliation = {
  ...base,
  cmsEntries: [...base.cmsEntries!, { id: 'passed-09', date: '2023-09-28', type: 'payment_passed_on' as const, amount: '499.20' }],
  bankTransactions: [
    ...base.bankTransactions!,
    { id: 'bank-10', date: '2023-10-02', amount: '499.20', direction: 'in' as const, description: 'CMS' },
  ],
};
const facts = { sender: RECEIVING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'receiving' };

describe('a payment CMS passed on before the date that reached her after it', () => {
  it('is on its way, not one her bank does not show', () => {
    const r = reconcile(reconciliation);
    expect(r.findings.map((f) => `${f.kind} ${formatMoney(f.effect)}`)).toEqual(['payment_in_transit -499.20']);
    expect(r.findings[0]!.explanation).toBe(
      "CMS recorded a payment passed on to you of £499.20 on 28 September 2023; it reached your account on 2 October 2023, after the date of CMS's figure, so the balance worked out to that date does not count it yet and CMS is not wrong about it.",
    );
    expect([r.bridge.inTransit.count, formatMoney(r.bridge.differenceOnceArrived)]).toEqual([1, '0.00']);
    expect(r.bridge.notPassedOn).toBeUndefined();
  });

  it('payment_dispute is refused, and the breakdown request does not say it never arrived', () => {
    expect(refusal({ type: 'payment_dispute', sentOn: SENT_ON, facts, reconciliation }).problems[0]!.message).toContain(
      'payments CMS passed on before 2023-09-30 that reached you after it',
    );
    const text = squash(
      draftLetter({
        type: 'account_breakdown_request',
        sentOn: SENT_ON,
        facts: { ...facts, statedIn: 'letter', statedOn: '2023-10-02' },
        reconciliation,
      }).text,
    );
    expect(text).toContain('Your figure is lower only by what reached me after that date.');
    expect(text).not.toMatch(/no such payment|did not reach my account|trace/);
  });
});
