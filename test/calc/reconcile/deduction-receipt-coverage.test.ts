/**
 * A receipt from the employer is checked against the payslips only where a payslip was given for the deduction it
 * would pay over (cms-accounts.md §2: the payslip is the evidence of a deduction; a receipt CMS records is not "without
 * evidence" merely because that payslip was not given). Found by a meaning probe of 6 December 2026: payslips for
 * April and for June to September, but not May, made CMS's receipt of 14 June "money from my employer … but no payslip
 * shows such a deduction", and the payment dispute asked CMS to take the £360.65 credit off the paying parent's account.
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput, EvidenceInput } from '../../../calc/ledger/entries.ts';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';

const slip = (date: string): EvidenceInput => ({
  id: `slip-${date}`,
  type: 'payslip_deduction',
  date,
  amount: '312.00',
  from: 'WIDGETCO LTD',
});
const receipt = (date: string): CmsEntryInput => ({ id: `deo-${date}`, date, type: 'deo_receipt', amount: '312.00' });

/** £60 a week on Collect and Pay from 1 April 2024: £260.00 a month (60 × 52 ÷ 12) and its 20% fee £52.00, £312.00 due on the 1st. */
const account = (slips: readonly string[], receipts: readonly string[]) =>
  reconcile({
    schedule: {
      decisions: [{ effectiveDate: '2024-04-01', weeklyAmount: '60.00' }],
      frequency: 'monthly',
      service: 'collect_and_pay',
      asOf: '2024-10-31',
    },
    side: 'paying',
    cmsEntries: receipts.map(receipt),
    evidence: slips.map(slip),
  });

describe('a receipt from the employer whose payslip was not given', () => {
  // Payslips of 26 April and 28 June to 27 September; May's was not given. Each deduction must reach CMS by the 19th of
  // the next month (SI 1992/1989 reg 14(1)): 26 April's by 19 May, 28 June's by 19 July. CMS's receipt of 14 June is
  // after 19 May and before 28 June: no payslip given could be behind it.
  const r = account(
    ['2024-04-26', '2024-06-28', '2024-07-26', '2024-08-30', '2024-09-27'],
    ['2024-05-17', '2024-06-14', '2024-07-16', '2024-08-16', '2024-09-13', '2024-10-15'],
  );

  it('is not checked, and counts as CMS recorded it: not a receipt "no payslip shows"', () => {
    expect(r.findings.filter((f) => f.kind === 'cms_payment_without_evidence')).toEqual([]);
    expect(r.matches.filter((m) => m.reason === 'not_checked').map((m) => m.cmsEntryIds)).toEqual([['deo-2024-06-14']]);
    expect(r.warnings).toContain(
      '1 receipt by deduction from earnings or benefit could not be checked: no payslips cover its date. They are taken as CMS recorded them; give the payslips (evidence) to check them.',
    );
  });

  it('the other five receipts pay over the five payslips given, each in time: nothing is found', () => {
    expect(r.findings).toEqual([]);
    // 7 instalments of 312.00 due from 1 April to 1 October (2,184.00), less 6 receipts × 312.00 (1,872.00) = 312.00.
    expect(formatMoney(r.balance.recomputed)).toBe('312.00');
  });
});

describe('a receipt inside the time a given payslip allows is still checked', () => {
  // The same payslips, and CMS records 26 April's deduction twice (17 and 20 May): the second is within 26 April's time
  // to reach CMS (19 May, and the 5-day window: 24 May), so a payslip was given for it, and it is one no payslip shows.
  const r = account(['2024-04-26', '2024-05-31'], ['2024-05-17', '2024-05-20', '2024-06-14']);

  it('the second receipt of 26 April’s deduction is one no payslip shows', () => {
    expect(r.findings.map((f) => [f.kind, f.date, formatMoney(f.amount)])).toEqual([
      ['cms_payment_without_evidence', '2024-05-20', '312.00'],
    ]);
    expect(r.matches.filter((m) => m.reason === 'not_checked')).toEqual([]);
  });
});
