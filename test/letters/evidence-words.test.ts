/**
 * A letter names the evidence the reconciliation was given, and encloses it: payslips where the deductions are the
 * evidence (cms-accounts.md §2: the payslip, not the bank, shows a deduction from earnings). Found by an MCP audit: a
 * dispute built on payslips alone said "I have checked your record … against my bank statements" and enclosed only
 * bank statement extracts.
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput, EvidenceInput } from '../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { draftLetter, LetterInputError } from '../../letters/index.ts';
import { CASES } from './fixture.ts';

// £60 a week on Collect and Pay from 1 Jan 2024 (312.00 a month with the fee); the employer deducted 312.00 on each
// payday, Jan–Mar; CMS recorded January's and February's, never March's.
const cms: CmsEntryInput[] = [
  { id: 'deo-01', date: '2024-02-10', type: 'deo_receipt', amount: '312.00' },
  { id: 'deo-02', date: '2024-03-10', type: 'deo_receipt', amount: '312.00' },
];
const slips: EvidenceInput[] = ['2024-01-28', '2024-02-28', '2024-03-28'].map((d) => ({
  id: `slip-${d}`,
  type: 'payslip_deduction',
  date: d,
  amount: '312.00',
  from: 'ACME LTD',
}));
const payslipsOnly: ReconcileInput = {
  schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay', asOf: '2024-04-30' },
  side: 'paying',
  cmsEntries: cms,
  evidence: slips,
};

describe('the evidence a letter names and encloses', () => {
  it('payslips alone: checked against my payslips, and the payslips enclosed', () => {
    const letter = draftLetter({ ...CASES['payment_dispute']!.input, reconciliation: payslipsOnly });
    expect(letter.text).toContain('I have checked your record of my account against my payslips and against the decisions on my case.');
    expect(letter.text).not.toMatch(/my bank statements|Bank statement extracts/);
    expect(letter.enclosures).toEqual(['My payslips that show the deductions for child maintenance in the schedule']);
  });

  it('a bank statement and payslips: both named, both enclosed', () => {
    const withBank: ReconcileInput = {
      ...payslipsOnly,
      bankTransactions: [{ id: 'shop', date: '2024-02-03', amount: '20.00', direction: 'out', description: 'TESCO' }],
      bankFilter: { descriptionContains: ['CMS'] },
    };
    const letter = draftLetter({ ...CASES['payment_dispute']!.input, reconciliation: withBank });
    expect(letter.text).toContain('against my bank statements and payslips and against the decisions on my case.');
    expect(letter.enclosures).toEqual([
      'Bank statement extracts for each entry in the schedule, with the payments highlighted and other transactions blacked out',
      'My payslips that show the deductions for child maintenance in the schedule',
    ]);
  });

  it('an overpayment refund paid through the employer encloses the payslips, not bank statements alone', () => {
    // To 31 March: 3 × 312.00 = 936.00 due. The employer deducted 312.00 on 28 January, 28 February, 15 March (a
    // payroll error) and 18 March, and CMS credited all four: 4 × 312.00 = 1,248.00 paid, 1,248.00 − 936.00 = 312.00
    // overpaid, all of it shown by payslips and none by a bank statement (an audit: L19 enclosed bank statements only).
    const overpaid: ReconcileInput = {
      schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay', asOf: '2024-03-31' },
      side: 'paying',
      cmsEntries: [
        ...cms,
        { id: 'deo-03', date: '2024-03-20', type: 'deo_receipt', amount: '312.00' },
        { id: 'deo-03b', date: '2024-03-25', type: 'deo_receipt', amount: '312.00' },
      ],
      evidence: [
        ...slips.slice(0, 2),
        { ...slips[1]!, id: 'slip-extra', date: '2024-03-15' },
        { ...slips[2]!, date: '2024-03-18', id: 'slip-mar' },
      ],
    };
    const letter = draftLetter({ ...CASES['overpayment_refund']!.input, reconciliation: overpaid });
    expect(letter.enclosures).toEqual(['My payslips that show the deductions for child maintenance in the schedule']);
  });

  it('a dispute with nothing to dispute names the evidence given, and how many receipts it could not check', () => {
    // An audit (F14) was told "CMS’s record agrees with the bank statement …" of payslips alone, with two receipts unchecked.
    // The payslips of 28 January, February and March match CMS's receipts of 10 February, March and April; no payslip
    // reaches CMS's receipts of 10 May and 10 June (a payslip covers CMS's receipts up to the 19th of the month after).
    const later = (id: string, date: string): CmsEntryInput => ({ id, date, type: 'deo_receipt', amount: '312.00' });
    const unchecked: ReconcileInput = {
      ...payslipsOnly,
      schedule: { ...payslipsOnly.schedule, asOf: '2024-06-30' },
      cmsEntries: [...cms, later('deo-04', '2024-04-10'), later('deo-05', '2024-05-10'), later('deo-06', '2024-06-10')],
    };
    const refused = (reconciliation: ReconcileInput) => {
      try {
        draftLetter({ ...CASES['payment_dispute']!.input, reconciliation });
      } catch (e) {
        return (e as LetterInputError).problems;
      }
      throw new Error('the draft was not refused');
    };
    expect(refused(unchecked)).toEqual([
      {
        field: 'reconciliation',
        message:
          'found no entry to dispute: CMS’s record agrees with the payslips given and with the decisions; two receipts by deduction were not checked, as no payslips cover their dates, so there is nothing for the payment_dispute letter to list',
      },
    ]);
  });
});
