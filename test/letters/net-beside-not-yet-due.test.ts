/**
 * The net-effect row of a letter's reconciliation statement where CMS's figure counts what has accrued and is not yet
 * due: it said "CMS's figure is £722.10 too high" (a journey probe, story 4) beside an answer saying not all of it was
 * an error; now it says how much higher, and how much of it is too high beside what is not yet due.
 *
 * The account is test/calc/reconcile/between-instalments.ts's, with CMS counting everything it has accrued (£814.09):
 * £199.03 of it is not yet due under the payment plan, and the July deduction of £615.06 is not credited
 * (814.09 − 0.00 = 199.03 + 615.06).
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../letters/index.ts';
import { betweenInstalments } from '../calc/reconcile/between-instalments.ts';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { squash, unescapeMarkdown } from './helpers.ts';

describe('the net effect beside what is not yet due', () => {
  it('says higher by the whole, and too high by what is beside the not-yet-due line', () => {
    const input = betweenInstalments({ date: '2024-08-20', balance: '814.09' });
    expect(reconcile(input).bridge.lines.map((l) => l.kind)).toContain('accrued_not_yet_due');
    const letter = draftLetter({
      type: 'account_breakdown_request',
      sentOn: '2024-08-25',
      facts: { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying', statedIn: 'letter', statedOn: '2024-08-20' },
      reconciliation: input,
    });
    const text = squash(unescapeMarkdown(letter.markdown));
    expect(text).toContain('CMS’s figure is £814.09 higher: £615.06 too high beside what has accrued and is not yet due');
    expect(text).not.toContain('CMS’s figure is £814.09 too high');
  });
});
