/**
 * Collect and Pay with no line of CMS's statement of account: nothing shows what CMS recorded, so a payment the bank
 * shows is one nobody has checked, not one CMS failed to record (cms-accounts.md §1: CMS's record of payments is its
 * account; a payment schedule says only what falls due). The reconciliation says so, the finding says so in both
 * voices, and a dispute letter refuses, asking for CMS's statement first.
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput } from '../../calc/ledger/entries.ts';
import { formatMoney } from '../../calc/money.ts';
import { explainFinding, reconcile, type ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { draftLetter, LetterInputError } from '../../letters/index.ts';
import { findingToJson, reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';
import { collectAndPayFromMay, DUE } from '../calc/reconcile/collect-and-pay-from-may.ts';
import { CASES } from './fixture.ts';

// £60.00 a week on Collect and Pay, monthly from 1 May 2024: £312.00 paid on each of 1 May, 1 June and 1 July
// (test/calc/reconcile/collect-and-pay-from-may.ts).
const input = collectAndPayFromMay;
const WARNING_START = 'No line of CMS’s statement of account (its record of the payments it received) was given';

/** The refusal to draft a payment_dispute from this reconciliation. */
function disputeRefusal(reconciliation: ReconcileInput): LetterInputError {
  let refused: unknown;
  try {
    draftLetter({ ...CASES['payment_dispute']!.input, reconciliation });
  } catch (e) {
    refused = e;
  }
  expect(refused).toBeInstanceOf(LetterInputError);
  return refused as LetterInputError;
}

describe('payments with no line of CMS’s account to check them against', () => {
  it('are listed as unchecked, with a warning naming them, and words that say nobody has checked them', () => {
    // Before: each £312.00 read "…, but CMS has no record of it.", and nothing warned.
    for (const cmsEntries of [
      [],
      // A payment schedule's lines are what falls due, not CMS's account.
      DUE.map((date): CmsEntryInput => ({ id: `schedule-${date}`, date, type: 'liability', amount: '260.00', fromSchedule: true })),
    ]) {
      const r = reconcile(input(cmsEntries));
      const missing = r.findings.filter((f) => f.kind === 'payment_missing_from_cms');
      expect(missing.map((f) => [f.date, formatMoney(f.amount), f.facts.reason])).toEqual(
        DUE.map((d) => [d, '312.00', 'no_cms_record_given']),
      );
      // 3 × 312.00 = 936.00.
      expect(r.warnings.filter((w) => w.startsWith(WARNING_START))).toEqual([
        `${WARNING_START}, so the 3 payments the evidence shows (£936.00) cannot be checked against it: they are listed as payments CMS has no record of in what was given, not as payments CMS failed to record. Give CMS’s statement of account (parse_statement or import_document reads it) to check them; a letter drafted before then asks CMS to confirm them.`,
      ]);
      expect(explainFinding(missing[0]!, 'paying')).toBe(
        '£312.00 left your account on 1 May 2024 ("CMS PAYMENT"); no line of CMS\'s statement of account was given, so whether CMS recorded it is not checked.',
      );
      // The JSON API and MCP answer carry the reason on the finding.
      expect(findingToJson(missing[0]!).reason).toBe('no_cms_record_given');
      expect(explainFinding(missing[0]!, 'paying', 'i')).toBe(
        '£312.00 left my account on 1 May 2024 ("CMS PAYMENT"); I have been given no statement of account of yours that shows it: please confirm that you have recorded it.',
      );
    }
  });

  it('one line of CMS’s account makes the rest payments CMS has no record of, as before', () => {
    const received: CmsEntryInput = { id: 'account-may', date: '2024-05-02', type: 'payment_received', amount: '312.00' };
    const r = reconcile(input([received]));
    const missing = r.findings.filter((f) => f.kind === 'payment_missing_from_cms');
    expect(missing.map((f) => [f.date, f.facts.reason])).toEqual([
      ['2024-06-01', undefined],
      ['2024-07-01', undefined],
    ]);
    expect(explainFinding(missing[0]!, 'paying')).toBe(
      '£312.00 left your account on 1 June 2024 ("CMS PAYMENT"), but CMS has no record of it.',
    );
    expect(r.warnings.filter((w) => w.startsWith(WARNING_START))).toEqual([]);
  });

  it('a dispute letter is refused, asking for CMS’s statement first; a request for the breakdown is drafted', () => {
    const { cmsEntries: _entries, ...noAccount } = CASES['payment_dispute']!.input.reconciliation as ReconcileInput;
    const given = { ...noAccount, cmsEntries: [] };
    const refused = disputeRefusal(given);
    const problems = refused.problems;
    expect(problems.map((p) => p.field)).toEqual(['reconciliation.cmsEntries']);
    expect(problems[0]!.message).toMatch(
      /^has no line of CMS’s statement of account, so nothing shows whether CMS recorded the \d+ payments the evidence shows/,
    );
    expect(refused.headline).toBe(
      'The payment_dispute letter cannot be drafted until this problem is put right (list_letter_types describes every fact):',
    );

    const request = draftLetter({ ...CASES['account_breakdown_request']!.input, reconciliation: given });
    expect(request.text).toContain('What CMS recorded: Your record not given to me');
    expect(request.text).toContain('please confirm that you have recorded it');
    expect(request.text).not.toContain('but CMS has no record of it');
    expect(request.warnings.some((w) => w.startsWith(WARNING_START))).toBe(true);
  });
});

describe('deductions from pay with no line of CMS’s account to check them against (a user test, 5 December 2026)', () => {
  // £100.00 a week on Collect and Pay from 28 January 2024; ACME LTD's payslips show £520.00 deducted on the 28th of
  // each month, January to June, and none of CMS's entries is given. Each deduction must reach CMS by the 19th of the
  // next month (SI 1992/1989 reg 14(1)): January to May's by 30 June, June's not until 19 July.
  const slips = ['01', '02', '03', '04', '05', '06'].map((m) => ({
    id: `slip-${m}`,
    type: 'payslip_deduction' as const,
    date: `2024-${m}-28`,
    amount: '520.00',
    from: 'ACME LTD',
  }));
  const noAccount: ReconcileInput = {
    schedule: {
      decisions: [{ effectiveDate: '2024-01-28', weeklyAmount: 100 }],
      service: 'collect_and_pay',
      firstDueDate: '2024-01-28',
      asOf: '2024-06-30',
    },
    side: 'paying',
    cmsEntries: [],
    evidence: slips,
  };
  const DEDUCTION_WARNING = 'No line of CMS’s statement of account (its record of the deductions it received) was given';

  it('are listed as unchecked, not as money taken and not credited', () => {
    // Before: five findings "…but CMS has not recorded receiving it: money taken and not credited.", and no warning.
    const r = reconcile(noAccount);
    expect(r.findings.map((f) => [f.kind, f.date, formatMoney(f.amount), f.facts.reason])).toEqual([
      ...['01', '02', '03', '04', '05'].map((m) => ['payment_missing_from_cms', `2024-${m}-28`, '520.00', 'no_cms_record_given']),
      ['deduction_in_transit', '2024-06-28', '520.00', undefined],
    ]);
    // 5 × 520.00 = 2,600.00.
    expect(r.warnings.filter((w) => w.startsWith(DEDUCTION_WARNING))).toEqual([
      `${DEDUCTION_WARNING}, so the 5 deductions from pay or benefit the evidence shows (£2,600.00) cannot be checked against it: they are listed as payments CMS has no record of in what was given, not as money taken and not credited. Give CMS’s statement of account (parse_statement or import_document reads it) to check them; a letter drafted before then asks CMS to confirm them.`,
    ]);
    expect(explainFinding(r.findings[0]!, 'paying')).toBe(
      "£520.00 was deducted from your pay on 28 January 2024 (ACME LTD); no line of CMS's statement of account was given, so whether CMS recorded it is not checked.",
    );
  });

  it('the tool’s summary says there is no figure of CMS’s to check, not that CMS’s figure is too high', async () => {
    // Before: "CMS's entries add up to £3,120.00 …: CMS's figure is £1,560.00 too high", with no entry of CMS's given.
    const { summary } = await reconcileLedgerTool.run(noAccount, { today: '2024-06-30' });
    const lines = summary.split('\n');
    // Due under the plan, 28 January to 30 June: 6 × £433.33 = £2,599.98 of maintenance and £520.02 of fees (20% a
    // period, rounded), £3,120.00; the six deductions (five unchecked, one in transit): 6 × £520.00 = £3,120.00.
    expect(lines[0]).toBe(
      "No entry of CMS's and no balance it claims was given, so there is no figure of CMS's to check; worked out from the decisions and the evidence, on 2024-06-30 it is nothing owed.",
    );
    expect(summary).not.toContain("CMS's figure is");
    expect(summary).not.toContain("CMS's entries add up to");
    expect(summary).not.toContain('By part');
  });

  it('a dispute letter is refused, asking for CMS’s statement first', () => {
    const problems = disputeRefusal(noAccount).problems;
    // The letter is dated 20 March 2026 (fixture SENT_ON): June 2024's deduction had until 19 July 2024 to reach CMS,
    // in time as at 30 June 2024 but not by then. That is no longer refused on its own (the letter says CMS's statement
    // could not yet show it and asks CMS to confirm it: test/letters/deduction-overdue.test.ts); what is refused is
    // the rest, checked against no line of CMS's account.
    expect(problems.map((p) => p.field)).toEqual(['reconciliation.cmsEntries']);
    expect(problems[0]!.message).toMatch(
      /^has no line of CMS’s statement of account, so nothing shows whether CMS recorded the 5 payments the evidence shows, and the payment_dispute letter would call them entries CMS got wrong/,
    );
  });

  it('with CMS’s account given, a deduction it never received is money taken and not credited, as before', () => {
    const received: CmsEntryInput[] = ['02', '03', '04', '05'].map((m) => ({
      id: `deo-${m}`,
      date: `2024-${m}-10`,
      type: 'deo_receipt',
      amount: '520.00',
    }));
    const r = reconcile({ ...noAccount, cmsEntries: received });
    expect(r.findings.filter((f) => f.kind === 'deduction_not_credited').map((f) => [f.date, f.facts.reason])).toEqual([
      ['2024-05-28', undefined],
    ]);
    expect(r.warnings.filter((w) => w.startsWith(DEDUCTION_WARNING))).toEqual([]);
  });
});
