/**
 * A payment schedule's marks beside the findings. A schedule (CMS's online account, or a printed schedule) marks
 * each instalment paid, part paid, missed or due. Reckoner does not read a mark as CMS's record (how much a "part
 * paid" was, and whether a line's amount includes the collection fee, the schedule does not say), so where a mark
 * and a finding tell different stories the reconciliation says so, naming each instalment, so that nobody writes to
 * CMS on the finding alone:
 *
 * - Collect and Pay: a payment is "missing from CMS" when no CMS line records it; the schedule may mark that
 *   instalment paid, its word on what CMS received.
 * - Direct Pay: CMS marks an instalment missed when it is reported missed (GOV.UK "Child maintenance: how to pay";
 *   cms-accounts.md §1). Where no report was given for it, a mark of missed beside payments that cover the instalment
 *   is a reported missed payment the bank shows paid; beside a shortfall, the shortfall is one CMS knows of, though
 *   it reads as "not reported". Either way the report itself, given as a missed_payment_reported entry, is what is
 *   checked.
 * @module
 */
import type { CmsEntry } from '../ledger/entries.ts';
import { toDayNumber } from '../dates.ts';
import { joinAnd } from './explain.ts';
import type { DirectPayResult } from './direct-pay.ts';
import type { FindingDraft } from './draft.ts';
import type { Periods } from './periods.ts';

/** The warning for payments found missing in periods whose schedule line is marked paid or part paid, if any. */
export function scheduleMarkWarning(marks: readonly CmsEntry[], periods: Periods, findings: readonly FindingDraft[]): string | undefined {
  if (marks.length === 0 || periods.count === 0) return undefined;
  const missingIn = new Set(findings.filter((f) => f.kind === 'payment_missing_from_cms').map((f) => periods.slotOf(toDayNumber(f.date))));
  const marked = marks.filter((m) => (m.status === 'paid' || m.status === 'part_paid') && missingIn.has(periods.slotOf(m.day)));
  if (marked.length === 0) return undefined;
  const one = marked.length === 1;
  return (
    `${scheduleMarks(marked)}, yet no CMS record of the payment${one ? '' : 's'} was given, so the payment${one ? '' : 's'} ` +
    `made for ${one ? 'it is' : 'them are'} listed as missing from CMS. Reckoner does not take a schedule’s mark as CMS’s ` +
    'record of a payment: give CMS’s statement of account (the payments it received), and check these findings against it before writing to CMS.'
  );
}

/**
 * The warnings for Direct Pay instalments the schedule marks missed or part paid with no missed-payment report given
 * for them: those the payments covered, then those they did not.
 */
export function directPayMarkWarnings(
  marks: readonly CmsEntry[],
  periods: Periods,
  directPay: Pick<DirectPayResult, 'reportsMode' | 'reported' | 'paidInFull'>,
): string[] {
  if (marks.length === 0 || periods.count === 0) return [];
  const paid: CmsEntry[] = [];
  const short: CmsEntry[] = [];
  for (const m of marks) {
    const p = periods.slotOf(m.day);
    if ((m.status === 'missed' || m.status === 'part_paid') && directPay.reportsMode[p] && directPay.reported[p] === 0) {
      (directPay.paidInFull[p] ? paid : short).push(m);
    }
  }
  const giveReports = 'give each report CMS recorded (a missed_payment_reported entry, with its date and amount)';
  const warnings: string[] = [];
  if (paid.length > 0) {
    warnings.push(
      `${scheduleMarks(paid)}, but the payments made for ${paid.length === 1 ? 'it cover it' : 'them cover them'} in full. ` +
        `On Direct Pay CMS marks an instalment missed when it is reported missed: ${giveReports} to have it checked against the payments.`,
    );
  }
  if (short.length > 0) {
    warnings.push(
      `${scheduleMarks(short)}, so CMS knows of ${short.length === 1 ? 'that shortfall, which reads' : 'those shortfalls, which read'} ` +
        `below as not reported: ${giveReports} to have its amount checked.`,
    );
  }
  return warnings;
}

/** "CMS’s payment schedule marks the instalments due on 2024-05-01 as paid and 2024-06-01 as part paid". */
function scheduleMarks(marks: readonly CmsEntry[]): string {
  return `CMS’s payment schedule marks the instalment${marks.length === 1 ? '' : 's'} due on ${listOf(marks)}`;
}

/** "2024-05-01 as paid and 2024-06-01 as part paid". */
function listOf(marks: readonly CmsEntry[]): string {
  return joinAnd(marks.map((m) => `${m.date} as ${STATUS_WORDS[m.status!]}`));
}

const STATUS_WORDS: Record<NonNullable<CmsEntry['status']>, string> = {
  due: 'due',
  paid: 'paid',
  part_paid: 'part paid',
  missed: 'missed',
};
