/**
 * On Direct Pay CMS records no payments: a shortfall nobody reported is not an entry CMS got wrong, so a letter that
 * disputes CMS's entries (payment_dispute, rectification_request) has nothing to list. It is refused, pointing to
 * the letter that tells CMS of the missed payments. The fixture's Direct Pay case (test/letters/fixture.ts): £341.73
 * due a month; to 6 December 2025, two months short and one missed.
 */
import { describe, expect, test } from 'vitest';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { CASE_REFERENCE, CASES, directPayReconciliation, PAYING_PARENT, RECEIVING_PARENT, SENT_ON } from './fixture.ts';
import { refusal, squash } from './helpers.ts';

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
    // None of CMS's entries given: whether anyone reported them nothing says, so they are instalments not paid in full.
    expect(problems).toContainEqual({
      field: 'reconciliation',
      message:
        'found no entry to dispute: the 3 instalments it found not paid in full are not entries on CMS’s record (none of its entries was given, and on Direct Pay it records no payments), ' +
        'so there is nothing for the payment_dispute letter to list. Tell CMS of them: direct_pay_to_collect_and_pay lists them and asks CMS to collect what is owed',
    });
  });

  test('the paying parent is pointed to the request for a breakdown, not to a letter only the receiving parent sends', () => {
    // The same account on the paying side (the bank rows the payments out): an audit found the refusal sending him to
    // direct_pay_to_collect_and_pay, which refuses a paying parent.
    const paying = {
      ...bankOnly,
      side: 'paying' as const,
      bankTransactions: bankOnly.bankTransactions!.map((t) => ({ ...t, direction: 'out' as const })),
    };
    const problems = problemsOf({
      type: 'payment_dispute',
      sentOn: SENT_ON,
      facts: { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying' },
      reconciliation: paying,
    });
    expect(problems).toContainEqual({
      field: 'reconciliation',
      message:
        'found no entry to dispute: the 3 instalments it found not paid in full are not entries on CMS’s record (none of its entries was given, and on Direct Pay it records no payments), ' +
        'so there is nothing for the payment_dispute letter to list. To ask what CMS’s figure is made of, use account_breakdown_request: it asks for the entries behind it (on Direct Pay, the missed-payment reports its arrears come from)',
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

/**
 * The same case with one entry CMS did get wrong: a missed payment reported for 7 July 2025, which the bank shows paid
 * (£341.73 on 7 July). The other shortfalls nobody reported: 7 June £341.73 − £200.00 = £141.73, 7 August
 * £341.73 − £150.00 = £191.73, 7 October nothing paid, £341.73; £675.19 in all. CMS's entries (the report) add up to
 * £341.73; the correct balance is £675.19, so CMS's is £675.19 − £341.73 = £333.46 too low. Statement lines by date:
 * 1 June, 2 July (the report), 3 August, 4 October.
 */
function mixed(side: 'paying' | 'receiving'): DraftInput['reconciliation'] {
  return {
    ...bankOnly,
    side,
    bankTransactions: bankOnly.bankTransactions!.map((t) => ({ ...t, direction: side === 'paying' ? ('out' as const) : ('in' as const) })),
    cmsEntries: [{ date: '2025-07-08', type: 'missed_payment_reported', amount: '341.73' }],
  };
}
const draftMixed = (type: string, side: 'paying' | 'receiving') =>
  draftLetter({
    type,
    sentOn: SENT_ON,
    facts: { sender: side === 'paying' ? PAYING_PARENT : RECEIVING_PARENT, caseReference: CASE_REFERENCE, senderRole: side },
    reconciliation: mixed(side),
  });

describe('a dispute that mixes an entry CMS got wrong with shortfalls nobody reported', () => {
  test('payment_dispute from the paying parent counts one entry, and names the shortfalls as what they are', () => {
    const letter = draftMixed('payment_dispute', 'paying');
    const text = squash(letter.text);
    expect(text).toContain(
      'One entry on your record is wrong. The statement also sets out three instalments not paid in full that nobody reported to you (lines 1, 3 and 4): they are not entries on your record, but the correct balance includes them.',
    );
    expect(text).toContain(
      'One entry makes the balance your entries give too high, by £341.73, in my favour; three shortfalls nobody reported make it too low, by £675.19 in all, in the other parent’s favour. Taken together, the balance your entries give is £333.46 too low, net.',
    );
    expect(text).toContain('1. Correct each of your entries in the schedule (line 2), or tell me, entry by entry,');
    expect(text).not.toContain('Four entries');
    expect(text).not.toContain('as reported to you by this letter');
    expect(letter.warnings).toContain(
      'Lines 1, 3 and 4 of the reconciliation statement are shortfalls nobody had reported to CMS: the letter tells CMS of them, and the correct balance it gives includes them. Check them against your own records of payment before you send it.',
    );
  });

  test('payment_dispute from the receiving parent reports the shortfalls to CMS and asks it to record them', () => {
    const letter = draftMixed('payment_dispute', 'receiving');
    const text = squash(letter.text);
    expect(text).toContain(
      'One entry on your record is wrong. The statement also sets out three instalments not paid in full that nobody reported to you (lines 1, 3 and 4): they are not entries on your record, but the correct balance includes them, and I report them to you now as missed payments.',
    );
    expect(text).toContain('2. Record the missed payments on lines 1, 3 and 4 of the schedule as reported to you by this letter.');
    expect(letter.warnings.some((w) => w.includes('direct_pay_to_collect_and_pay asks it to move the case to Collect and Pay'))).toBe(true);
  });

  test('rectification_request counts one wrong entry and does not claim to report the shortfalls (it goes to DWP’s data team)', () => {
    const letter = draftMixed('rectification_request', 'receiving');
    const text = squash(letter.text);
    expect(text).toContain(
      'One entry is wrong. The statement also sets out three instalments not paid in full that nobody reported to you (lines 1, 3 and 4): they are not entries on your record, but the correct balance includes them.',
    );
    expect(text).not.toContain('I report them');
    expect(text).toContain('1. Correct each of your entries in the schedule (line 2), and the balance that depends on it.');
    expect(letter.warnings).toContain(
      'Lines 1, 3 and 4 of the reconciliation statement are shortfalls nobody had reported to CMS, and this letter does not report them (it goes to DWP’s data protection team, not to CMS): to report them and have CMS collect what is owed, direct_pay_to_collect_and_pay asks it to move the case to Collect and Pay.',
    );
  });
});
