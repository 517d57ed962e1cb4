/**
 * A receiving parent's letters where she reported missed Direct Pay payments that CMS did not record (the story:
 * test/calc/reconcile/direct-pay-early.ts, with her reports of April, by phone on 22 April 2025, call ref 55120, and of
 * May's £198.67 on 20 May). Before (a journey probe, story 2), payment_dispute refused ("payments nobody reported to
 * CMS"), pointing to the request to move to Collect and Pay, and the complaint said "I reported the April payment …"
 * beside "Both shortfalls nobody reported".
 */
import { describe, expect, it } from 'vitest';
import type { ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../letters/index.ts';
import { directPayEarly } from '../calc/reconcile/direct-pay-early.ts';
import { CASE_REFERENCE, RECEIVING_PARENT } from './fixture.ts';
import { squash } from './helpers.ts';

const reconciliation: ReconcileInput = {
  ...directPayEarly,
  missedPaymentReports: [
    { date: '2025-04-22', reference: 'call ref 55120' },
    { date: '2025-05-20', amount: '198.67', reference: 'by phone' },
  ],
};
const facts = { sender: RECEIVING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'receiving' };

describe('missed payments she reported and CMS did not record', () => {
  it('payment_dispute lists them as CMS’s errors, each with the report CMS left out', () => {
    const letter = draftLetter({ type: 'payment_dispute', sentOn: '2025-09-08', facts, reconciliation });
    const text = squash(letter.markdown);
    expect(text).toContain(
      '| 1 | 15 April 2025 | Nothing recorded, though I reported it on 22 April 2025 (call ref 55120) | No payment, or too little, for this instalment | -£398.67 |',
    );
    expect(text).toContain('| 2 | 15 May 2025 | Nothing recorded, though I reported it on 20 May 2025 (by phone) |');
    // −£398.67 − £198.67 = −£597.34: £797.34 + £597.34 = £1,394.68.
    expect(text).toContain('Your figure is £597.34 too low.');
    expect(text).not.toMatch(/nobody reported|CMS was not told/);
  });

  it('the complaint does not call them shortfalls nobody reported', () => {
    const letter = draftLetter({
      type: 'complaint',
      sentOn: '2025-09-08',
      facts: {
        ...facts,
        chronology: [{ date: '2025-04-22', what: 'I told you by phone that the April payment was missed' }],
        whatWentWrong: ['I reported the April payment as missed by phone on 22 April 2025 (call ref 55120), but it is not on my account'],
        impact: 'I have had to borrow to pay rent',
        outcomes: ['correct_the_error'],
      },
      reconciliation,
    });
    const text = squash(letter.markdown);
    expect(text).toContain('It was reported on 22 April 2025 (call ref 55120), not recorded by CMS');
    expect(text).not.toMatch(/nobody reported|CMS was not told/);
  });
});

describe('before her reports are recorded on the case', () => {
  it('payment_dispute’s refusal says how to record them, not only to change service', () => {
    // The same case with no report of hers: April and May are shortfalls nobody reported, as far as anything given shows.
    const { missedPaymentReports: _r, ...unrecorded } = reconciliation;
    let message = '';
    try {
      draftLetter({ type: 'payment_dispute', sentOn: '2025-09-08', facts, reconciliation: unrecorded });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(
      'If you did report them and CMS did not record the reports, record each on the case (record_event, a call or letter_sent with details.missedPaymentReport) and reconcile again: this letter then lists them',
    );
  });
});
