/**
 * A deduction from pay that the employer still has time to pay over (by the 19th of the month after it: SI 1992/1989
 * reg 14(1)) is not an error on CMS's record: a dispute does not count it among the entries CMS got wrong, nor ask
 * CMS to correct it (an MCP audit: "Five entries on your record are wrong" where the fifth line said the employer
 * "has until 19 January 2025"). £60 a week on Collect and Pay from 1 January 2024: £312.00 due on the 1st, January
 * to June. ACME LTD deducted £312.00 on the 28th, January to June; CMS recorded January's, February's and May's,
 * April's as £300.00, and never March's; June's has until 19 July to reach CMS (test/calc/reconcile/accounts.test.ts
 * works the same account). The statement's lines, by date: 1 March (not credited), 2 April (£12.00 short), 3 June.
 */
import { describe, expect, test } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { refusal, squash } from './helpers.ts';

const MONTHS = ['01', '02', '03', '04', '05', '06'];
const deo = (date: string, amount: string) => ({ date, type: 'deo_receipt' as const, amount });
const reconciliation = {
  schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' as const },
  side: 'paying' as const,
  cmsEntries: [
    ...MONTHS.map((m) => ({ date: `2024-${m}-01`, type: 'liability' as const, amount: '260.00' })),
    ...MONTHS.map((m) => ({ date: `2024-${m}-01`, type: 'collection_fee' as const, amount: '52.00' })),
    deo('2024-02-10', '312.00'),
    deo('2024-03-10', '312.00'),
    deo('2024-05-10', '300.00'),
    deo('2024-06-10', '312.00'),
  ],
  evidence: MONTHS.map((m) => ({ type: 'payslip_deduction' as const, date: `2024-${m}-28`, amount: '312.00', from: 'ACME LTD' })),
  cmsClaim: { date: '2024-06-30', balance: '636.00' },
};
const facts = { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying' };

describe('a deduction still in time to reach CMS is not an entry CMS got wrong', () => {
  test('payment_dispute counts two entries, and sets the deduction out as what it is', () => {
    const text = squash(draftLetter({ type: 'payment_dispute', sentOn: '2024-07-05', facts, reconciliation }).text);
    expect(text).toContain(
      'Two entries on your record are wrong. The statement also sets out a deduction from my pay that my employer still has time to pay over to you (line 3): it is not an error on your record, but the correct balance counts it as paid.',
    );
    expect(text).toContain('1. Correct each of your entries in the schedule (lines 1 and 2), or tell me, entry by entry,');
    // The deduction is in neither way's count (before: "All three items make your figure too high, by £636.00 in all,
    // in my favour"): the two entries, 636.00 − 312.00 = £324.00.
    expect(text).toContain('Both entries make your figure too high, by £324.00 in all, in my favour.');
    expect(text).not.toContain('three items');
  });

  test('a request for the breakdown says what the deduction is where nothing else in it does', () => {
    const text = squash(
      draftLetter({ type: 'account_breakdown_request', sentOn: '2024-07-05', facts: { ...facts, statedIn: 'letter' }, reconciliation })
        .text,
    );
    expect(text).toContain(
      'Both entries make your figure too high, by £324.00 in all, in my favour. A deduction from my pay (line 3, £312.00) is still in time to reach you: your figure does not include it yet and is not wrong about it, but the correct balance counts it as paid.',
    );
  });

  test('a dispute whose only finding is such a deduction is refused', () => {
    // Every deduction recorded in full but June's, still in time.
    const inTime = {
      ...reconciliation,
      cmsEntries: [
        ...reconciliation.cmsEntries.filter((e) => e.type !== 'deo_receipt'),
        ...MONTHS.slice(0, 5).map((m) => deo(`2024-${String(Number(m) + 1).padStart(2, '0')}-10`, '312.00')),
      ],
      cmsClaim: { date: '2024-06-30', balance: '362.00' },
    };
    expect(refusal({ type: 'payment_dispute', sentOn: '2024-07-05', facts, reconciliation: inTime }).problems).toContainEqual({
      field: 'reconciliation',
      message:
        'found no entry to dispute: what it found is not an error on CMS’s record (deductions from pay the employer still has time to pay over, or shortfalls nobody reported), so there is nothing for the payment_dispute letter to list. Reconcile again once the pay-over day has passed',
    });
  });
});

/**
 * A letter that quotes what is disputed leaves such a deduction out of it (an MCP audit: the request to hold
 * enforcement said "I owed nothing. I dispute the whole of your figure" where £312.00 of the figure was June's
 * deduction, on its way). CMS's £636.00 less the £0.00 worked out is £636.00: March's £312.00 never credited +
 * April's £12.00 short + June's £312.00 in transit (lines 1 to 3). Disputed: £636.00 − £312.00 = £324.00.
 */
describe('a deduction on its way to CMS is neither owed nor disputed', () => {
  const pause = {
    ...facts,
    action: 'deduction_from_earnings_order',
    actionDate: '2024-07-01',
    pendingDisputes: [{ date: '2024-07-02', kind: 'payment_dispute' }],
  };
  const { senderRole: _role, ...pauseFacts } = pause;

  test('the request to hold enforcement disputes £324.00, and asks CMS not to collect the £312.00 again', () => {
    const letter = draftLetter({ type: 'enforcement_pause_request', sentOn: '2024-07-05', facts: pauseFacts, reconciliation });
    const text = squash(letter.text);
    expect(text).toContain(
      'You say I owed £636.00 on 30 June 2024. Worked out from the decisions on my case and my payslips, I owed nothing. ' +
        'Of your figure, £312.00 is a deduction from my pay (line 3 of the statement) that my employer still has time to pay over to you: ' +
        'you have not received it yet, but it has been taken from me and must not be collected again. I dispute the other £324.00 of your figure.',
    );
    expect(text).not.toContain('I dispute the whole of your figure');
    expect(text).toContain('2. Do not collect again the £312.00 already deducted from my pay: credit it when it reaches you.');
    expect(letter.figures.find((f) => f.id === 'disputed_amount')?.value).toBe('£324.00');
    expect(letter.figures.find((f) => f.id === 'in_transit_amount')).toMatchObject({
      value: '£312.00',
      citation: 'Child Support (Collection and Enforcement) Regulations 1992 (SI 1992/1989) reg 14(1)',
    });
  });

  test('a figure higher only by the deduction on its way leaves nothing to hold enforcement on', () => {
    // Every deduction credited in full but June's: CMS's £312.00 is the £0.00 worked out plus June's £312.00.
    const inTime = {
      ...reconciliation,
      cmsEntries: [
        ...reconciliation.cmsEntries.filter((e) => e.type !== 'deo_receipt'),
        ...MONTHS.slice(0, 5).map((m) => deo(`2024-${String(Number(m) + 1).padStart(2, '0')}-10`, '312.00')),
      ],
      cmsClaim: { date: '2024-06-30', balance: '312.00' },
    };
    expect(
      refusal({ type: 'enforcement_pause_request', sentOn: '2024-07-05', facts: pauseFacts, reconciliation: inTime }).problems,
    ).toContainEqual({
      field: 'reconciliation.cmsClaim',
      message:
        'is £312.00 on 2024-06-30, more than the balance worked out from the decisions and your evidence (nothing owed) only by the £312.00 of a deduction from pay still in time to reach CMS (by the 19th of the month after the deduction): ' +
        'CMS’s figure does not include it yet and is not wrong about it, so there is no disputed balance to ask CMS to hold enforcement on. If CMS is enforcing arrears you accept, arrears_payment_plan offers a plan for them',
    });
  });

  test('the arrears plan offers what is owed, and sets the deduction apart from what is disputed', () => {
    // £70 a week: £303.33 a month and its 20% fee, £60.67 (£364.00), against £312.00 deducted each month: £52.00
    // short six times, £312.00 owed. CMS's £948.00 is £2,184.00 due less the £1,236.00 it credited.
    const owing = {
      ...reconciliation,
      schedule: { ...reconciliation.schedule, decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 70 }] },
      cmsEntries: [
        ...MONTHS.map((m) => ({ date: `2024-${m}-01`, type: 'liability' as const, amount: '303.33' })),
        ...MONTHS.map((m) => ({ date: `2024-${m}-01`, type: 'collection_fee' as const, amount: '60.67' })),
        ...reconciliation.cmsEntries.filter((e) => e.type === 'deo_receipt'),
      ],
      cmsClaim: { date: '2024-06-30', balance: '948.00' },
    };
    const { senderRole: _r, ...planFacts } = { ...facts, frequency: 'monthly', instalments: 3, firstPaymentOn: '2024-08-01' };
    const text = squash(draftLetter({ type: 'arrears_payment_plan', sentOn: '2024-07-05', facts: planFacts, reconciliation: owing }).text);
    // By part (cms-accounts.md §4): six months' maintenance 6 × £303.33 = £1,819.98 and fees 6 × £60.67 = £364.02;
    // each £312.00 deducted pays £260.00 of maintenance and £52.00 of fee (312 × 303.33/364 and × 60.67/364, to the
    // penny), £1,560.00 and £312.00 in all: £259.98 of maintenance and £52.02 of fees are owed, £312.00.
    expect(text).toContain(
      'I accept that I owe £312.00 up to 30 June 2024, worked out from the decisions on my case and my payslips. ' +
        'Of that, £259.98 is maintenance arrears, owed to the receiving parent, and £52.02 in collection fees is owed to the Secretary of State.',
    );
    expect(text).toContain(
      'You say the account shows a balance of £948.00 owed. Of your figure, £312.00 is a deduction from my pay (line 3 of the statement) that my employer still has time to pay over to you: ' +
        'you have not received it yet, but it has been taken from me and must not be collected again. I dispute the other £324.00 and have written to you about it separately.',
    );
    expect(text).toContain('I offer to pay £104.00 every month, 3 payments starting on 1 August 2024.');
  });
});
