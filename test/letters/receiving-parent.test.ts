/**
 * What a receiving parent's letters must not ask: enforcement is how maintenance reaches them, so a receiving parent
 * disputing a balance too low is not made to ask CMS to hold it; and the request to move a case from Direct Pay to
 * Collect and Pay is refused for a case already on Collect and Pay (it told CMS "My case is on Direct Pay" and asked
 * it to collect from the paying parent money he had paid to CMS: an MCP audit). The fixture's Direct Pay case
 * (test/letters/fixture.ts): £341.73 due a month; to 6 December 2025 CMS records every payment in full, the bank
 * shows June £200.00 (£141.73 short), August £150.00 (£191.73 short) and nothing in October (£341.73).
 */
import { describe, expect, test } from 'vitest';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { CASE_REFERENCE, CASES, directPayReconciliation, RECEIVING_PARENT, SENT_ON } from './fixture.ts';
import { refusal, squash } from './helpers.ts';

const receiving = { sender: RECEIVING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'receiving' };
// CMS says £341.73 is owed (October); worked out, £341.73 + £141.73 + £191.73 = £675.19: CMS's figure is too low.
const owedMore = { ...directPayReconciliation, cmsClaim: { date: '2025-12-06', balance: '341.73' } };

describe('a receiving parent owed more than CMS says is not made to ask CMS to hold enforcement', () => {
  test('account_breakdown_request', () => {
    const text = squash(
      draftLetter({
        type: 'account_breakdown_request',
        sentOn: SENT_ON,
        facts: { ...receiving, statedIn: 'letter', statedOn: '2025-12-08' },
        reconciliation: owedMore,
      }).text,
    );
    expect(text).toContain('Your figure is £333.46 too low.');
    expect(text).toContain('I understand a breakdown is prepared by hand.');
    expect(text).not.toMatch(/no enforcement action|hold enforcement/);
  });

  test('account_breakdown_request from the paying parent still asks it', () => {
    const text = squash(draftLetter(CASES['account_breakdown_request']!.input as DraftInput).text);
    expect(text).toContain('I ask that no enforcement action be taken on the part of the balance I dispute.');
    expect(text).toContain('Take no enforcement action on the disputed part of the balance');
  });

  test('mp_letter', () => {
    const base = CASES['mp_letter']!.input as DraftInput;
    const text = squash(
      draftLetter({ ...base, facts: { ...(base.facts as Record<string, unknown>), ...receiving }, reconciliation: owedMore }).text,
    );
    expect(text).toContain('Ask it to confirm the correct balance on my account.');
    expect(text).not.toContain('hold enforcement');
  });
});

describe('the request to move to Collect and Pay, on a case already on it', () => {
  test('is refused, naming the service and the letters that fit', () => {
    const onCollectAndPay = {
      ...directPayReconciliation,
      schedule: {
        ...directPayReconciliation.schedule,
        service: 'collect_and_pay' as const,
        decisions: directPayReconciliation.schedule.decisions.map((d) => ({
          ...d,
          calculation: { ...d.calculation!, collection: 'collect_and_pay' as const },
        })),
      },
    };
    const base = CASES['direct_pay_to_collect_and_pay']!.input as DraftInput;
    expect(refusal({ ...base, reconciliation: onCollectAndPay }).problems).toContainEqual({
      field: 'reconciliation.schedule.service',
      message:
        'is Collect and Pay (for the instalment due on 2025-11-07): the direct_pay_to_collect_and_pay letter is for a case on Direct Pay. ' +
        'The case is already on Collect and Pay, so there is nothing to move: for money CMS collected and did not pass on, or an entry it got wrong, use payment_dispute; for how CMS has handled it, complaint',
    });
  });
});

// £60 a week on Collect and Pay: 249.60 a month reaches the receiving parent (260.00 less CMS's 4%). CMS records
// passing it on in January, February and March 2024; her bank shows January and February only.
const passedOnMissing = {
  schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' as const, asOf: '2024-03-31' },
  side: 'receiving' as const,
  cmsEntries: ['01', '02', '03'].map((m) => ({ date: `2024-${m}-05`, type: 'payment_passed_on' as const, amount: '249.60' })),
  bankTransactions: ['01', '02'].map((m) => ({ date: `2024-${m}-05`, amount: '249.60', direction: 'in' as const, description: 'CMS' })),
  bankFilter: { includeAll: true },
};

describe('a payment CMS records passing on that never arrived', () => {
  // An audit found the letters asking CMS to "correct the balance" by £260.00 more, as if the paying parent owed it,
  // though CMS's own record showed it had the money.
  const reconciliation = passedOnMissing;

  test('payment_dispute says it is CMS’s to trace if the paying parent paid it, and asks CMS to trace it', () => {
    const text = squash(draftLetter({ type: 'payment_dispute', sentOn: '2024-04-08', facts: receiving, reconciliation }).text);
    expect(text).toContain(
      'One entry on your record is wrong. Line 1 is a payment you record passing on to me that did not reach my account in full. If the paying parent paid it to you, what did not reach me is not the paying parent’s arrears: it is money you must trace and pay to me.',
    );
    expect(text).toContain(
      '2. Trace each payment on line 1 of the schedule: tell me the date, the amount and the account you sent it to, and pay me what did not arrive.',
    );
  });
});

describe('a receiving parent’s balance on CMS’s gross figures says so', () => {
  // The same account, with CMS's figure given before its 4% fee: £0.00. The missing March payment is £249.60 that
  // would have reached her, £260.00 of maintenance before the fee (£60 × 52 ÷ 12 = £260.00; 4% of it is £10.40). An
  // MCP audit found the letters giving the gross figures as if her bank showed them.
  const gross = { ...passedOnMissing, cmsClaim: { date: '2024-03-31', balance: '0.00', basis: 'gross' as const } };

  test('payment_dispute gives the balance before the fee and after it, in the letter and in its statement', () => {
    const letter = draftLetter({ type: 'payment_dispute', sentOn: '2024-04-08', facts: receiving, reconciliation: gross });
    const text = squash(letter.text);
    expect(text).toContain(
      'the account shows arrears of £260.00 on that date (the maintenance before your 4% collection fee, as your figure is; after the fee, £249.60 would reach me). Your figure is £260.00 too low.',
    );
    expect(text).toContain(
      'Each line’s effect is in the same terms as your figure: the maintenance before your 4% collection fee, which is more than what reaches my bank after it.',
    );
    expect(text).toContain('The correct balance: arrears of £260.00 before CMS’s 4% collection fee (£249.60 after it)');
    expect(letter.figures.find((f) => f.id === 'recomputed_balance_after_fee')?.value).toBe('£249.60');
    expect(letter.figures.find((f) => f.id === 'recomputed_balance')?.label).toBe(
      'Arrears, worked out from the decisions and my evidence of payment, before CMS’s 4% collection fee',
    );
  });

  test('on its own net figures (the default) nothing changes', () => {
    const net = { ...gross, cmsClaim: { date: '2024-03-31', balance: '0.00', basis: 'net' as const } };
    const text = squash(draftLetter({ type: 'payment_dispute', sentOn: '2024-04-08', facts: receiving, reconciliation: net }).text);
    expect(text).toContain('the account shows arrears of £249.60 on that date. Your figure is £249.60 too low.');
    expect(text).not.toContain('4% collection fee');
  });
});
