/**
 * The request to hold enforcement (L11) is refused where CMS's figure is higher than the balance worked out only by
 * deductions from pay on their way to CMS at its date: there is nothing disputed to hold. Where their time to reach
 * CMS (by the 19th of the month after the deduction: SI 1992/1989 reg 14(1)) has run out by the letter's date
 * (figures.ts `overdueBy`), the refusal said all the same that CMS's figure "does not include it yet"; now it says that
 * CMS's figure could not include it, that its time has run out by the letter's date, and how to check that CMS has it.
 *
 * test/letters/deduction-in-transit.test.ts's account: £60 a week on Collect and Pay from 1 January 2024, £312.00 due on
 * the 1st, January to June; ACME LTD deducted £312.00 on the 28th, January to June. Here CMS credited each in full
 * but June's, which had until 19 July 2024 to reach it; CMS's £312.00 on 30 June is the £0.00 worked out plus it.
 */
import { describe, expect, test } from 'vitest';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { refusal } from './helpers.ts';

const MONTHS = ['01', '02', '03', '04', '05', '06'];
const deo = (date: string, amount: string) => ({ date, type: 'deo_receipt' as const, amount });
const reconciliation = {
  schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' as const },
  side: 'paying' as const,
  cmsEntries: [
    ...MONTHS.map((m) => ({ date: `2024-${m}-01`, type: 'liability' as const, amount: '260.00' })),
    ...MONTHS.map((m) => ({ date: `2024-${m}-01`, type: 'collection_fee' as const, amount: '52.00' })),
    ...MONTHS.slice(0, 5).map((m) => deo(`2024-${String(Number(m) + 1).padStart(2, '0')}-10`, '312.00')),
  ],
  evidence: MONTHS.map((m) => ({ type: 'payslip_deduction' as const, date: `2024-${m}-28`, amount: '312.00', from: 'ACME LTD' })),
  cmsClaim: { date: '2024-06-30', balance: '312.00' },
};
const facts = {
  sender: PAYING_PARENT,
  caseReference: CASE_REFERENCE,
  action: 'deduction_from_earnings_order',
  actionDate: '2024-07-01',
  pendingDisputes: [{ date: '2024-07-02', kind: 'payment_dispute' }],
};
const pause = (sentOn: string) => refusal({ type: 'enforcement_pause_request', sentOn, facts, reconciliation }).problems;
const SO =
  'so there is no disputed balance to ask CMS to hold enforcement on. If CMS is enforcing arrears you accept, arrears_payment_plan offers a plan for them';

describe('a request to hold enforcement refused for a deduction on its way', () => {
  test('in time at the letter’s date: CMS’s figure does not include it yet', () => {
    expect(pause('2024-07-05')).toContainEqual({
      field: 'reconciliation.cmsClaim',
      message:
        'is £312.00 on 2024-06-30, more than the balance worked out from the decisions and your evidence (nothing owed) only by the £312.00 of a deduction from pay still in time to reach CMS (by the 19th of the month after the deduction): ' +
        `CMS’s figure does not include it yet and is not wrong about it, ${SO}`,
    });
  });

  test('its time run out by the letter’s date: the refusal says so, not "yet"', () => {
    // 1 August 2024: after 19 July, the last day June's deduction had to reach CMS.
    const problems = pause('2024-08-01');
    expect(problems).toContainEqual({
      field: 'reconciliation.cmsClaim',
      message:
        'is £312.00 on 2024-06-30, more than the balance worked out from the decisions and your evidence (nothing owed) only by the £312.00 of a deduction from pay that had until 19 July 2024 to reach CMS, after that date: ' +
        `CMS’s figure could not include it and is not wrong about it, ${SO}. ` +
        'By this letter’s date (1 August 2024) its time to reach CMS has run out: to check that CMS has credited it, reconcile again with CMS’s statement to a later date (asOf and cmsClaim)',
    });
    expect(problems.map((p) => p.message).join('\n')).not.toContain('does not include it yet');
  });
});
