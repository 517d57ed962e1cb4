/**
 * A paying parent's letters where a payment made the day before CMS's figure was recorded by CMS after it (the story
 * and its arithmetic are in test/calc/reconcile/payment-in-transit.ts: £260.00 paid on 30 August 2024, recorded on
 * 2 September; CMS's £260.00 on 31 August, £0.00 worked out). Before, the letters told CMS it had no record of it.
 */
import { describe, expect, it } from 'vitest';
import { julyMissingToo, recordedAfter } from '../calc/reconcile/payment-in-transit.ts';
import { draftLetter } from '../../letters/index.ts';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { refusal, squash } from './helpers.ts';

const reconciliation = recordedAfter({ date: '2024-09-02', amount: '260.00' });
const facts = { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying' };
/** The account breakdown request sent on 5 September 2024 about CMS's letter of 1 September, as one line of text. */
const breakdown = (r: typeof reconciliation): string =>
  squash(
    draftLetter({
      type: 'account_breakdown_request',
      sentOn: '2024-09-05',
      facts: { ...facts, statedIn: 'letter', statedOn: '2024-09-01' },
      reconciliation: r,
    }).text,
  );

describe('a payment CMS recorded after the date of its figure, in the letters', () => {
  it('account_breakdown_request: on its way, not missing, and no part of CMS’s figure called too high', () => {
    const text = breakdown(reconciliation);
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

/**
 * The same payment with none of CMS's records after the date given (a meaning probe of 6 December 2026): made the day
 * before CMS's figure, whether CMS recorded it nothing given shows. Before, the account breakdown request said
 * "Nothing recorded" and the dispute letter listed it as an entry CMS got wrong.
 */
describe('a payment made shortly before the date of CMS’s figure, with nothing of CMS’s after that date given', () => {
  const tooRecent = recordedAfter();

  it('account_breakdown_request asks CMS to confirm it, and does not say CMS has no record of it', () => {
    const text = breakdown(tooRecent);
    expect(text).toContain('What CMS recorded: Your record after that date not given to me');
    expect(text).toContain(
      'shortly before the date of your figure; I have been given no entry of yours after that date that shows it: please confirm that you have recorded it.',
    );
    expect(text).not.toMatch(/no record of it|Nothing recorded/);
    // Not said to make CMS's figure too high, in the letter or its schedule: it may be on its way (calc leaves it out
    // of both ways' tallies). Before: "Your figure is £260.00 too high. One item makes your figure too high, by
    // £260.00, in my favour", and "the maintenance is £216.67 too high".
    expect(text).toContain(
      'Your figure is higher only by what I paid shortly before that date (£260.00), which the entries I have been given do not reach: please confirm that you have recorded it.',
    );
    expect(text).toContain(
      'Why: CMS’s figure is £260.00 higher only by what I paid shortly before that date, which it may have recorded after it',
    );
    expect(text).not.toMatch(/too high|in my favour/);
  });

  it('beside a payment CMS has no record of, only that one is said to make CMS’s figure too high', () => {
    // July's receipt left out of CMS's record too (test/calc/reconcile/payment-in-transit.test.ts), CMS saying £520.00:
    // July's £260.00 is missing from its record, August's £260.00 not checked. Beside it: 520.00 − 0.00 − 260.00 = 260.00.
    const text = breakdown(julyMissingToo());
    expect(text).toContain(
      'Your figure is £260.00 too high beside what I paid shortly before that date (£260.00), which the entries I have been given do not reach: please confirm that you have recorded it. ' +
        'One entry makes your figure too high, by £260.00, in my favour.',
    );
    expect(text).toContain('Lines that make CMS’s figure too high (1), in my favour Amount: £260.00');
    // Before: "Both items make your figure too high, by £520.00 in all", and the maintenance "£433.34 too high".
    expect(text).not.toMatch(/Both items|£520\.00 too high|£433\.34/);
  });

  it('payment_dispute beside a payment CMS has no record of: drafted for that entry, asking CMS to confirm the other', () => {
    // Before, it was refused whole ("has no entry after 2024-08-31 …"), though July's payment is an entry to dispute.
    const text = squash(
      draftLetter({
        type: 'payment_dispute',
        sentOn: '2024-09-05',
        facts,
        reconciliation: julyMissingToo(),
      }).text,
    );
    expect(text).toContain('One entry on your record is wrong.');
    expect(text).toContain('£260.00 left my account on 15 July 2024 ("CMS MAINT"), but CMS has no record of it.');
    expect(text).toContain('I have been given no entry of yours after that date that shows it: please confirm that you have recorded it.');
    // 520.00 − 0.00 − 260.00 = 260.00, with its working in the schedule of figures.
    expect(text).toContain('£520.00 − £0.00 − £260.00 = £260.00');
    expect(text).not.toMatch(/Both items|£520\.00 too high/);
  });

  it('payment_dispute is refused until CMS’s entries after the date are given', () => {
    expect(refusal({ type: 'payment_dispute', sentOn: '2024-09-05', facts, reconciliation: tooRecent }).problems).toContainEqual({
      field: 'reconciliation.cmsEntries',
      message:
        'has no entry after 2024-08-31, so nothing shows whether CMS recorded the payment made shortly before that date (2024-08-30), and the payment_dispute letter would call it an entry CMS got wrong. ' +
        'Give CMS’s entries after that date, or reconcile to an earlier date (asOf), then draft again',
    });
  });
});
