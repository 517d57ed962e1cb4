/**
 * On Direct Pay CMS records no payments, only the missed payments reported to it, and it enforces only on Collect
 * and Pay: to enforce Direct Pay arrears it first moves the case (SI 2009/3151 reg 3A; cms-rules.md §9.1). An MCP
 * audit found the breakdown request asking a Direct Pay case for "each payment received" and "each payment passed on",
 * and the letters asking CMS to "take no enforcement action" as if it could on Direct Pay. The fixture's Direct Pay
 * case (test/letters/fixture.ts), paid in full from the paying parent's bank: £341.73 on each of the eight due days,
 * 7 April to 7 November 2025. CMS holds a report that 7 July was missed (£341.73) and says £341.73 is owed; worked
 * out, nothing is: CMS's figure is £341.73 too high.
 */
import { describe, expect, test } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { CASE_REFERENCE, directPayReconciliation, PAYING_PARENT, SENT_ON } from './fixture.ts';
import { squash } from './helpers.ts';

const DUE = ['2025-04-07', '2025-05-07', '2025-06-09', '2025-07-07', '2025-08-07', '2025-09-08', '2025-10-07', '2025-11-07'];
const reconciliation = {
  ...directPayReconciliation,
  side: 'paying' as const,
  bankTransactions: DUE.map((date) => ({ date, amount: '341.73', direction: 'out' as const, description: 'J ELLIS MAINT' })),
  cmsEntries: [{ date: '2025-07-08', type: 'missed_payment_reported' as const, amount: '341.73' }],
  cmsClaim: { date: '2025-12-06', balance: '341.73' },
};
const paying = { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying' };

describe('a Direct Pay case’s letters ask what CMS holds and can do on Direct Pay', () => {
  test('account_breakdown_request asks for the missed payments reported, not payments received and passed on', () => {
    const text = squash(
      draftLetter({
        type: 'account_breakdown_request',
        sentOn: SENT_ON,
        facts: { ...paying, statedIn: 'letter', statedOn: '2025-12-08' },
        reconciliation,
      }).text,
    );
    expect(text).toContain('Your figure is £341.73 too high.');
    expect(text).toContain(
      'each missed or part payment reported to you, with the date it was reported, by whom, and the amount you recorded as unpaid;',
    );
    expect(text).not.toContain('each payment received');
    expect(text).not.toContain('each payment passed on');
    expect(text).not.toContain('collection fees and enforcement charges');
    expect(text).toContain(
      'My case is on Direct Pay; until I have the breakdown and have had the chance to respond, I ask that you do not move it to Collect and Pay, or take any other enforcement action, over the part of the balance I dispute.',
    );
    expect(text).toContain(
      'Do not move my case to Collect and Pay, or take any other enforcement action, over the disputed part of the balance until I have the breakdown and you have answered my points.',
    );
  });

  test('payment_dispute asks CMS not to move the case to Collect and Pay over the disputed amount', () => {
    const text = squash(draftLetter({ type: 'payment_dispute', sentOn: SENT_ON, facts: paying, reconciliation }).text);
    expect(text).toContain(
      'Do not move my case to Collect and Pay, or take any other enforcement action, over the disputed amount while you look into this.',
    );
  });

  test('a case moved to Collect and Pay is asked for both records, each for its part', () => {
    const moved = {
      ...reconciliation,
      schedule: {
        ...reconciliation.schedule,
        decisions: [
          ...reconciliation.schedule.decisions,
          {
            effectiveDate: '2025-09-08',
            calculation: { ...reconciliation.schedule.decisions[0]!.calculation!, collection: 'collect_and_pay' as const },
          },
        ],
      },
    };
    const text = squash(
      draftLetter({
        type: 'account_breakdown_request',
        sentOn: SENT_ON,
        facts: { ...paying, statedIn: 'letter', statedOn: '2025-12-08' },
        reconciliation: moved,
      }).text,
    );
    expect(text).toContain(
      'each payment received while the case was on Collect and Pay, with its date, amount, source and bank reference;',
    );
    expect(text).toContain('each missed or part payment reported to you while the case was on Direct Pay, with the date it was reported');
    expect(text).toContain('I ask that no enforcement action be taken on the part of the balance I dispute.');
  });
});

describe('the request to hold enforcement on a case the reconciliation has on Direct Pay throughout', () => {
  test('warns the sender that CMS will have moved the case, and to add the move', () => {
    const letter = draftLetter({
      type: 'enforcement_pause_request',
      sentOn: SENT_ON,
      facts: {
        sender: PAYING_PARENT,
        caseReference: CASE_REFERENCE,
        action: 'deduction_from_earnings_order',
        actionDate: '2026-03-02',
        pendingDisputes: [{ date: '2026-03-05', kind: 'payment_dispute' }],
      },
      reconciliation,
    });
    expect(letter.warnings).toContain(
      'The reconciliation has your case on Direct Pay throughout, but CMS enforces only on Collect and Pay: it will have moved your case first, and its letter says from when. Add the move to the schedule (a decision with service "collect_and_pay" from that date) so the collection fees are counted, then draft this again.',
    );
  });
});
