/**
 * On Direct Pay CMS records no payments: a shortfall nobody reported is not an entry CMS got wrong, so a letter that
 * disputes CMS's entries (payment_dispute, rectification_request) has nothing to list. It is refused, pointing to
 * the letter that tells CMS of the missed payments. The fixture's Direct Pay case (test/letters/fixture.ts): £341.73
 * due a month; to 6 December 2025, two months short and one missed.
 */
import { describe, expect, test } from 'vitest';
import { LetterInputError } from '../../letters/errors.ts';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { CASE_REFERENCE, directPayReconciliation, RECEIVING_PARENT, SENT_ON } from './fixture.ts';

// The same case with no line of CMS's: only the bank's record of what arrived.
const { cmsEntries: _entries, ...bankOnly } = directPayReconciliation;

function problemsOf(draft: DraftInput): readonly { field: string; message: string }[] {
  try {
    draftLetter(draft);
  } catch (e) {
    if (e instanceof LetterInputError) return e.problems;
    throw e;
  }
  throw new Error('the draft was not refused');
}

describe('shortfalls nobody reported are not entries CMS got wrong', () => {
  test('payment_dispute is refused, naming the reconciliation and the letter to use', () => {
    const problems = problemsOf({
      type: 'payment_dispute',
      sentOn: SENT_ON,
      facts: { sender: RECEIVING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'receiving' },
      reconciliation: bankOnly,
    });
    expect(problems).toContainEqual({
      field: 'reconciliation',
      message:
        'found no entry to dispute: the 3 shortfalls it found are payments nobody reported to CMS (on Direct Pay it records no payments), not entries on its record, ' +
        'so there is nothing for the payment_dispute letter to list. Tell CMS of them: direct_pay_to_collect_and_pay lists them and asks CMS to collect what is owed',
    });
  });
});
