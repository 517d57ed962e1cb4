/**
 * A paying parent's letters where a payment made the day before CMS's figure was recorded by CMS after it (the story
 * and its arithmetic are in test/calc/reconcile/payment-in-transit.ts: £260.00 paid on 30 August 2024, recorded on
 * 2 September; CMS's £260.00 on 31 August, £0.00 worked out). Before, the letters told CMS it had no record of it.
 */
import { describe, expect, it } from 'vitest';
import { recordedAfter } from '../calc/reconcile/payment-in-transit.ts';
import { draftLetter } from '../../letters/index.ts';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { refusal, squash } from './helpers.ts';

const reconciliation = recordedAfter({ date: '2024-09-02', amount: '260.00' });
const facts = { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying' };

describe('a payment CMS recorded after the date of its figure, in the letters', () => {
  it('account_breakdown_request: on its way, not missing, and no part of CMS’s figure called too high', () => {
    const text = squash(
      draftLetter({
        type: 'account_breakdown_request',
        sentOn: '2024-09-05',
        facts: { ...facts, statedIn: 'letter', statedOn: '2024-09-01' },
        reconciliation,
      }).text,
    );
    expect(text).toContain(
      'the account shows nothing owed (£0.00) on that date. Your figure is higher only by what you recorded after that date.',
    );
    expect(text).toContain(
      'A payment I made before 31 August 2024 was recorded by you after that date (line 1, £260.00): your figure does not include it yet and is not wrong about it, but the correct balance counts it as paid.',
    );
    expect(text).toContain('What CMS recorded: Recorded on 2 September 2024, after the date of CMS’s figure');
    expect(text).not.toMatch(/no record of it|too high|in my favour/);
  });

  it('payment_dispute is refused: nothing on CMS’s record is wrong', () => {
    expect(refusal({ type: 'payment_dispute', sentOn: '2024-09-05', facts, reconciliation }).problems).toContainEqual({
      field: 'reconciliation',
      message:
        'found no entry to dispute: what it found is not an error on CMS’s record (payments made before 2024-08-31 that CMS recorded after it, deductions from pay still in time to reach it, or shortfalls nobody reported), ' +
        'so there is nothing for the payment_dispute letter to list. Reconcile again as of a later date (asOf), so that CMS’s figure includes them',
    });
  });
});
