/**
 * A receiving parent's letters where CMS received the paying parent's payment and had not passed it on (the story and
 * its arithmetic are in test/calc/reconcile/not-passed-on.test.ts: £520.00 received on 5 September 2023, £499.20 of it
 * after CMS's 4% not passed on by 30 September; CMS's figure £0.00). Before, the breakdown request said "the account
 * shows arrears of £499.20", "Your figure is £499.20 too low" and "One item makes your figure too low, by £499.20, in
 * my favour": the paying parent had paid, and owed nothing.
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput } from '../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../letters/index.ts';
import { CASE_REFERENCE, RECEIVING_PARENT, SENT_ON } from './fixture.ts';
import { expectNoPlaceholder, refusal, squash } from './helpers.ts';

const MONTHS = ['07', '08', '09'];
const reconciliation: ReconcileInput = {
  schedule: {
    decisions: [{ effectiveDate: '2023-07-01', weeklyAmount: 120, service: 'collect_and_pay' }],
    service: 'collect_and_pay',
    frequency: 'monthly',
    asOf: '2023-09-30',
  },
  side: 'receiving',
  cmsEntries: MONTHS.flatMap((m, i): CmsEntryInput[] => [
    { id: `liability-${m}`, date: `2023-${m}-01`, type: 'liability', amount: '520.00' },
    { id: `fee-${m}`, date: `2023-${m}-01`, type: 'collection_fee', amount: '20.80' },
    { id: `received-${m}`, date: `2023-${m}-05`, type: 'payment_received', amount: '520.00' },
    ...(i < 2 ? [{ id: `passed-${m}`, date: `2023-${m}-10`, type: 'payment_passed_on' as const, amount: '499.20' }] : []),
  ]),
  bankTransactions: MONTHS.slice(0, 2).map((m) => ({
    date: `2023-${m}-10`,
    amount: '499.20',
    direction: 'in' as const,
    description: 'CMS',
  })),
  bankFilter: { descriptionContains: ['CMS'] },
  cmsClaim: { date: '2023-09-30', balance: '0.00', basis: 'net' },
};
const facts = { sender: RECEIVING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'receiving' };

describe('money CMS holds, in a receiving parent’s letters', () => {
  it('account_breakdown_request: owed to her, not arrears; his arrears figure right; asks CMS to pass it on', () => {
    const letter = draftLetter({
      type: 'account_breakdown_request',
      sentOn: SENT_ON,
      facts: { ...facts, statedIn: 'letter', statedOn: '2023-10-02' },
      reconciliation,
    });
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
