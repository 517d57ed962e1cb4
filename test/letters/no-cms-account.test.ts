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
import { findingToJson } from '../../tools/reconcile-ledger.ts';
import { collectAndPayFromMay, DUE } from '../calc/reconcile/collect-and-pay-from-may.ts';
import { CASES } from './fixture.ts';

// £60.00 a week on Collect and Pay, monthly from 1 May 2024: £312.00 paid on each of 1 May, 1 June and 1 July
// (test/calc/reconcile/collect-and-pay-from-may.ts).
const input = collectAndPayFromMay;
const WARNING_START = 'No line of CMS’s statement of account (its record of the payments it received) was given';

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
    let refused: unknown;
    try {
      draftLetter({ ...CASES['payment_dispute']!.input, reconciliation: given });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(LetterInputError);
    const problems = (refused as LetterInputError).problems;
    expect(problems.map((p) => p.field)).toEqual(['reconciliation.cmsEntries']);
    expect(problems[0]!.message).toMatch(
      /^has no line of CMS’s statement of account, so nothing shows whether CMS recorded the \d+ payments the evidence shows/,
    );
    expect((refused as LetterInputError).headline).toBe(
      'The payment_dispute letter cannot be drafted until this problem is put right (list_letter_types describes every fact):',
    );

    const request = draftLetter({ ...CASES['account_breakdown_request']!.input, reconciliation: given });
    expect(request.text).toContain('What CMS recorded: Your record not given to me');
    expect(request.text).toContain('please confirm that you have recorded it');
    expect(request.text).not.toContain('but CMS has no record of it');
    expect(request.warnings.some((w) => w.startsWith(WARNING_START))).toBe(true);
  });
});
