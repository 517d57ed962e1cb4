/**
 * A paying parent's letters where voluntary payments before the first due date paid part of the initial amount (the
 * story and its arithmetic are in test/calc/reconcile/paid-ahead.ts: £433.34 paid ahead of the plan, towards
 * £537.94 accrued before the first due date; nothing owed and £104.60 still to fall due). Before, the breakdown request
 * said "the account shows an overpayment of £433.34 … Your figure is £433.34 too high", and overpayment_refund asked
 * for £433.34 back: money that had paid maintenance already accrued.
 */
import { describe, expect, it } from 'vitest';
import { paidAhead, paidAheadUnrecorded, receivedAheadOnCollectAndPay } from '../calc/reconcile/paid-ahead.ts';
import { draftLetter } from '../../letters/index.ts';
import { CASE_REFERENCE, PAYING_PARENT, RECEIVING_PARENT } from './fixture.ts';
import { refusal, squash } from './helpers.ts';

const story = paidAhead;
const facts = { sender: PAYING_PARENT, caseReference: CASE_REFERENCE };

describe('money paid ahead of the payment plan, in a paying parent’s letters', () => {
  it('account_breakdown_request: nothing owed, CMS’s nil agrees, no overpayment', () => {
    const text = squash(
      draftLetter({
        type: 'account_breakdown_request',
        sentOn: '2024-11-05',
        facts: { ...facts, senderRole: 'paying', statedIn: 'letter', statedOn: '2024-11-01' },
        reconciliation: story(['2024-03-15', '2024-04-15'], '0.00'),
      }).text,
    );
    expect(text).toContain('the account shows nothing overdue (£0.00) on that date. Your figure agrees with it.');
    expect(text).not.toMatch(/overpayment|too high|in my favour/);
  });

  it('overpayment_refund is refused: what was paid ahead is not money to have back', () => {
    expect(
      refusal({
        type: 'overpayment_refund',
        sentOn: '2024-11-05',
        facts: { ...facts, preference: 'refund' },
        reconciliation: story(['2024-03-15', '2024-04-15'], '0.00'),
      }).problems,
    ).toContainEqual({
      field: 'reconciliation',
      message:
        'shows no overpayment (the balance worked out on 2024-10-31 is nothing owed: £433.34 was paid ahead of the payment plan, towards what had accrued but was not yet due, of which £104.60 is still to fall due), so there is nothing to ask to have repaid',
    });
  });

  it('overpayment_refund beyond all that accrued: measured against all of it', () => {
    // Paid 1,950.03 − accrued 1,837.96 = 112.07.
    const text = squash(
      draftLetter({
        type: 'overpayment_refund',
        sentOn: '2024-11-05',
        facts: { ...facts, preference: 'refund' },
        reconciliation: story(['2024-03-15', '2024-04-15', '2024-05-01'], '-112.07'),
      }).text,
    );
    expect(text).toContain(
      'the decisions on my case made £1,300.02 due, including any collection fees, and £1,837.96 had accrued in all, what the payment plan had not yet made due with it. ' +
        'My bank statements show I paid £1,950.03. I have therefore paid £112.07 more than all that had accrued.',
    );
  });

  it('account_breakdown_request on CMS’s figure that keeps what was paid ahead as a credit: the two agree (a probe)', () => {
    const text = squash(
      draftLetter({
        type: 'account_breakdown_request',
        sentOn: '2024-11-05',
        facts: { ...facts, senderRole: 'paying', statedIn: 'letter', statedOn: '2024-11-01' },
        reconciliation: story(['2024-03-15', '2024-04-15'], '-433.34'),
      }).text,
    );
    expect(text).toContain(
      'Your figure keeps as a credit £433.34 I paid ahead of the payment plan; worked out, that pays what had accrued but was not yet due, so the two agree.',
    );
    expect(text).not.toMatch(/too low|in the other parent’s favour|I do not accept/);
  });

  it.each([
    ['on Direct Pay with none of CMS’s entries', 'paying', paidAheadUnrecorded('paying')],
    ['on Direct Pay with none of CMS’s entries', 'receiving', paidAheadUnrecorded('receiving')],
    ['on Collect and Pay, her net basis', 'receiving', receivedAheadOnCollectAndPay('net')],
  ] as const)(
    'account_breakdown_request %s (%s side): CMS’s nil agrees, no extra payment, no overpayment (a third probe)',
    (_, side, reconciliation) => {
      // Before: two "extra payments" in the paying parent's favour against a line of £433.34 in the other's (Direct Pay),
      // or, for her, "overpaid" and CMS's nil "too high".
      const text = squash(
        draftLetter({
          type: 'account_breakdown_request',
          sentOn: '2024-11-05',
          facts: {
            sender: side === 'paying' ? PAYING_PARENT : RECEIVING_PARENT,
            caseReference: CASE_REFERENCE,
            senderRole: side,
            statedIn: 'letter',
            statedOn: '2024-11-01',
          },
          reconciliation,
        }).text,
      );
      expect(text).toContain('the account shows nothing overdue (£0.00) on that date. Your figure agrees with it.');
      expect(text).not.toMatch(/an overpayment of|overpaid|too high|too low|in my favour|favour of|more than the instalment/);
    },
  );

  it('a receiving parent’s letter says the credit was paid to her, not that she paid it (a third probe)', () => {
    // CMS's gross figure keeps the £164.36 paid ahead as a credit (test/calc/reconcile/paid-ahead.test.ts has its sums).
    const reconciliation = {
      ...receivedAheadOnCollectAndPay('gross'),
      cmsClaim: { date: '2024-10-31', balance: '-164.36', basis: 'gross' as const },
    };
    const text = squash(
      draftLetter({
        type: 'account_breakdown_request',
        sentOn: '2024-11-05',
        facts: {
          sender: RECEIVING_PARENT,
          caseReference: CASE_REFERENCE,
          senderRole: 'receiving',
          statedIn: 'letter',
          statedOn: '2024-11-01',
        },
        reconciliation,
      }).text,
    );
    expect(text).toContain('figure keeps as a credit £164.36 paid to me ahead of the payment plan');
    expect(text).not.toContain('I paid');
  });

  it('payment_dispute on a pay-out that never arrived, where CMS’s record pays ahead: no "not yet due, in the other parent’s favour" (a third probe)', () => {
    // test/calc/reconcile/paid-ahead.test.ts has the sums: −£208.00 + £157.76 = −£50.24.
    const base = receivedAheadOnCollectAndPay('net');
    const text = squash(
      draftLetter({
        type: 'payment_dispute',
        sentOn: '2024-11-05',
        facts: { sender: RECEIVING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'receiving' },
        reconciliation: { ...base, bankTransactions: base.bankTransactions!.filter((t) => t.date !== '2024-09-15') },
      }).text,
    );
    expect(text).toContain('Your figure is £50.24 too low. One entry makes your figure too low, by £208.00, in my favour.');
    expect(text).toContain('What CMS recorded: Part of the payments above, set against what is not yet due');
    expect(text).not.toMatch(/other parent’s favour|has accrued under the decisions but/);
  });
});
