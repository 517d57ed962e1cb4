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
