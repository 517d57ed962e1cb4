/**
 * On Direct Pay CMS records no payments: a shortfall nobody reported is not an entry CMS got wrong, so a letter that
 * disputes CMS's entries (payment_dispute, rectification_request) has nothing to list. It is refused, pointing to
 * the letter that tells CMS of the missed payments. The fixture's Direct Pay case (test/letters/fixture.ts): £341.73
 * due a month; to 6 December 2025, two months short and one missed.
 */
import { describe, expect, test } from 'vitest';
import type { DraftInput } from '../../letters/index.ts';
import { CASE_REFERENCE, CASES, directPayReconciliation, RECEIVING_PARENT, SENT_ON } from './fixture.ts';
import { refusal } from './helpers.ts';

// The same case with no line of CMS's: only the bank's record of what arrived.
const { cmsEntries: _entries, ...bankOnly } = directPayReconciliation;

const problemsOf = (draft: DraftInput) => refusal(draft).problems;

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

describe('a receiving parent paid in full has nothing to ask CMS to collect', () => {
  test('direct_pay_to_collect_and_pay is refused in the words for a receiving parent', () => {
    // Every instalment due to 6 December 2025 (7 April to 7 November: 8 × £341.73) arrived in full.
    const months = ['2025-04-07', '2025-05-07', '2025-06-09', '2025-07-07', '2025-08-07', '2025-09-08', '2025-10-07', '2025-11-07'];
    const paidInFull = {
      ...bankOnly,
      bankTransactions: months.map((date) => ({ date, amount: '341.73', direction: 'in' as const, description: 'J ELLIS MAINT' })),
    };
    const base = CASES['direct_pay_to_collect_and_pay']!.input as DraftInput;
    expect(problemsOf({ ...base, reconciliation: paidInFull })).toContainEqual({
      field: 'reconciliation',
      message:
        'shows no arrears (the balance worked out on 2025-12-06 is nothing owed), so there are no missed payments to ask CMS to collect',
    });
  });
});
