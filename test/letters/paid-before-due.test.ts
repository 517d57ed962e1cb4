/**
 * A paying parent's letters where the instalment due just after the reconciliation date was paid a few days before it
 * (the story and its arithmetic: test/calc/reconcile/paid-before-due.ts). Before, overpayment_refund would ask for the
 * £260.00 back, and a figure of CMS's keeping it as a credit "pays what had accrued but was not yet due", which nothing
 * had: it pays the instalment due on 15 October 2024.
 */
import { describe, expect, it } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { AS_OF, paidBeforeDue } from '../calc/reconcile/paid-before-due.ts';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { refusal, squash } from './helpers.ts';

const facts = { sender: PAYING_PARENT, caseReference: CASE_REFERENCE };

describe('an instalment paid before it fell due, in a paying parent’s letters', () => {
  it('account_breakdown_request on CMS’s credit: the two agree, and the money pays 15 October’s instalment', () => {
    const text = squash(
      draftLetter({
        type: 'account_breakdown_request',
        sentOn: '2024-10-20',
        facts: { ...facts, senderRole: 'paying', statedIn: 'letter', statedOn: AS_OF },
        reconciliation: paidBeforeDue({ service: 'collect_and_pay', claim: '-260.00' }),
      }).text,
    );
    expect(text).toContain(
      'Your figure keeps as a credit £260.00 I paid ahead of the payment plan; worked out, that pays the instalment due on 15 October 2024, before it fell due, so the two agree.',
    );
    // CMS's figure is quoted as it gave it ("an overpayment of £260.00"); no part of it is called wrong.
    expect(text).not.toMatch(/too low|too high|in my favour|By part of the balance/);
  });

  it('overpayment_refund is refused: the money is the next instalment, paid early', () => {
    expect(
      refusal({
        type: 'overpayment_refund',
        sentOn: '2024-10-20',
        facts: { ...facts, preference: 'refund' },
        reconciliation: paidBeforeDue({ service: 'collect_and_pay', claim: '-260.00' }),
      }).problems,
    ).toContainEqual({
      field: 'reconciliation',
      message:
        'shows no overpayment (the balance worked out on 2024-10-13 is nothing owed: £260.00 was paid ahead of the payment plan, towards the instalment due on 15 October 2024, before it fell due), so there is nothing to ask to have repaid',
    });
  });

  it('overpayment_refund for a second payment beyond it: measured against the instalment too', () => {
    // Paid 8 × 216.67 + 216.67 = 1,950.03 − due 1,516.69 − 15 October’s 216.67 paid early = 216.67 overpaid.
    const input = paidBeforeDue({ claim: '-216.67' });
    const text = squash(
      draftLetter({
        type: 'overpayment_refund',
        sentOn: '2024-10-20',
        facts: { ...facts, preference: 'refund' },
        reconciliation: { ...input, bankTransactions: [...input.bankTransactions!, { ...input.bankTransactions!.at(-1)!, id: 'again' }] },
      }).text,
    );
    expect(text).toContain(
      'the decisions on my case made £1,516.69 due, including any collection fees, and £1,516.69 had accrued in all, what the payment plan had not yet made due with it; I also paid £216.67 before it fell due towards the instalment due on 15 October 2024. ' +
        'My bank statements show I paid £1,950.03. I have therefore paid £216.67 more than all that had accrued and the instalment due on 15 October 2024.',
    );
  });
});
