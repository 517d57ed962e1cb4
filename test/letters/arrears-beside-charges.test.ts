/**
 * A paying parent's letter where the balance is arrears and an enforcement charge (test/calc/reconcile/
 * charges-paid-last.ts, March unpaid: £312.00 of arrears, £260.00 maintenance and £52.00 fees, and a £50.00 deduction
 * from earnings order charge). Enforcement charges are not arrears (cms-accounts.md §4): before, the letter said
 * "the account shows arrears of £362.00", and its working "+ enforcement charges £50.00 = arrears of £362.00".
 */
import { describe, expect, it } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { chargesPaidLast } from '../calc/reconcile/charges-paid-last.ts';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { expectNoPlaceholder, squash } from './helpers.ts';

describe('arrears beside an enforcement charge, in a paying parent’s account_breakdown_request', () => {
  const text = squash(
    draftLetter({
      type: 'account_breakdown_request',
      sentOn: '2024-04-08',
      facts: { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying', statedIn: 'letter', statedOn: '2024-04-02' },
      reconciliation: chargesPaidLast({ marchUnpaid: true, claim: { balance: '362.00' } }),
    }).text,
  );

  it('says what is arrears and what is the charge, and does not call the charge arrears', () => {
    expectNoPlaceholder(text, 'letter');
    // 780.00 + 156.00 due − 624.00 paid = 312.00: maintenance 780.00 − 520.00 = £260.00 and fees 156.00 − 104.00 =
    // £52.00; + the £50.00 charge = £362.00. The collection fees are owed to the Secretary of State as the charge is
    // (cms-accounts.md §4): named apart, not counted in "arrears" (a journey probe, F15: "arrears of £1,170.00", £195.00
    // of it collection fees).
    expect(text).toContain(
      'the account shows £362.00 owed (maintenance arrears of £260.00, and collection fees of £52.00 and enforcement charges of £50.00, which are owed to the Secretary of State and are not arrears) on that date.',
    );
    // The working names the three parts too: £260.00 + £52.00 + £50.00 = £362.00 ("= arrears of £312.00 and
    // enforcement charges of £50.00" counted the £52.00 of fees as arrears).
    expect(text).toContain(
      '= £362.00 owed on 31 March 2024, made of maintenance arrears of £260.00, collection fees of £52.00 and enforcement charges of £50.00 (£260.00 + £52.00 + £50.00 = £362.00); the collection fees and enforcement charges are owed to the Secretary of State and are not arrears',
    );
    expect(text).not.toContain('arrears of £312.00');
    expect(text).not.toContain('arrears of £362.00');
  });
});
