/**
 * A receiving parent's letters where CMS received the paying parent's payment and had not passed it on (the story and
 * its arithmetic are in test/calc/reconcile/not-passed-on.ts: £520.00 received on 5 September 2023, £499.20 of it
 * after CMS's 4% not passed on by 30 September; CMS's figure £0.00). Before, the breakdown request said "the account
 * shows arrears of £499.20", "Your figure is £499.20 too low" and "One item makes your figure too low, by £499.20, in
 * my favour": the paying parent had paid, and owed nothing.
 */
import { describe, expect, it } from 'vitest';
import { notPassedOn } from '../calc/reconcile/not-passed-on.ts';
import { draftLetter } from '../../letters/index.ts';
import { CASE_REFERENCE, RECEIVING_PARENT, SENT_ON } from './fixture.ts';
import { expectNoPlaceholder, refusal, squash } from './helpers.ts';

const reconciliation = notPassedOn();
const facts = { sender: RECEIVING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'receiving' };
/** Her request for a breakdown of CMS's £0.00, stated in its letter of 2 October 2023. */
const breakdownRequest = () =>
  draftLetter({
    type: 'account_breakdown_request',
    sentOn: SENT_ON,
    facts: { ...facts, statedIn: 'letter', statedOn: '2023-10-02' },
    reconciliation,
  });

describe('money CMS holds, in a receiving parent’s letters', () => {
  it('account_breakdown_request: owed to her, not arrears; his arrears figure right; asks CMS to pass it on', () => {
    const letter = breakdownRequest();
    const text = squash(letter.text);
    expectNoPlaceholder(text, 'letter');
    expect(text).toContain('the account shows £499.20 owed to me on that date');
    expect(text).toContain(
      'Of what I am owed, £499.20 is money you received from the paying parent (£520.00 on 5 September 2023) and had not passed on to me by 30 September 2023. ' +
        'The paying parent paid it, so it is not arrears. Your figure is right as the paying parent’s arrears, and lower than what I am owed by exactly that money.',
    );
    expect(text).toContain(
      '3. Pass on to me the £499.20 you received from the paying parent and have not passed on, or tell me where it is.',
    );
    expect(text).toContain(
      'Why: CMS’s figure counts as paid what it received from the paying parent (£520.00 on 5 September 2023). By 30 September 2023, £499.20 of it, after its 4% collection fee, had not reached me.',
    );
    expect(text).toContain('CMS’s figure is £499.20 lower than what I am owed: money it holds, not arrears');
    expect(text).not.toMatch(/arrears of £499\.20|too low|in my favour|I do not accept that figure/);
    expect(letter.figures.find((f) => f.id === 'not_passed_on')?.value).toBe('£499.20');
  });

  it('does not call the maintenance before the 4% arrears as CMS counts them: CMS counts the paying parent’s, £0.00', () => {
    // Before: "£499.20 owed to me on that date (what reaches me after your 4% collection fee; £520.00 before it, as you
    // count arrears)" and a figure "the maintenance, as CMS counts it" — CMS counts the £520.00 as paid.
    const letter = breakdownRequest();
    const text = squash(letter.text);
    expect(text).toContain(
      'the account shows £499.20 owed to me on that date (what reaches me after your 4% collection fee; £520.00 before it).',
    );
    expect(text).not.toMatch(/as you count arrears|as CMS counts it/);
    const before = letter.figures.find((f) => f.id === 'recomputed_balance_before_fee')!;
    expect(before.label).toBe('The correct balance before CMS’s 4% collection fee: the maintenance');
    // £499.20 ÷ 96% = £520.00, the September payment CMS received and holds.
    expect(before.value).toBe('£520.00');
    expect(before.source).toContain('(not arrears). The same worked on the maintenance before CMS’s 4% collection fee: £520.00.');
  });

  it('payment_dispute is refused, naming the money held and the letter that asks for it', () => {
    expect(refusal({ type: 'payment_dispute', sentOn: SENT_ON, facts, reconciliation }).problems).toContainEqual({
      field: 'reconciliation',
      message:
        'found no entry to dispute: CMS’s record agrees entry by entry with the bank statements given and with the decisions ' +
        '(what differs is £499.20 CMS received from the paying parent and had not passed on by 2023-09-30: account_breakdown_request asks CMS to pass it on), ' +
        'so there is nothing for the payment_dispute letter to list',
    });
  });
});
