/**
 * A payment schedule's marks beside the findings. A schedule (CMS's online account, or a printed schedule) marks
 * each instalment paid, part paid, missed or due: on Collect and Pay, its word on what CMS received. Reckoner does
 * not read a mark as CMS's record of a payment (how much a "part paid" was, and whether a line's amount includes the
 * collection fee, the schedule does not say), so a payment is "missing from CMS" when no CMS line records it. Where
 * the schedule marks that instalment paid, the finding would tell CMS it has no record of a payment its own schedule
 * shows as paid: the reconciliation says so, naming each instalment, so nobody writes that without CMS's statement.
 * @module
 */
import type { CmsEntry } from '../ledger/entries.ts';
import { toDayNumber } from '../dates.ts';
import type { FindingDraft } from './draft.ts';
import type { Periods } from './periods.ts';

/** The warning for payments found missing in periods whose schedule line is marked paid or part paid, if any. */
export function scheduleMarkWarning(marks: readonly CmsEntry[], periods: Periods, findings: readonly FindingDraft[]): string | undefined {
  if (marks.length === 0 || periods.count === 0) return undefined;
  const missingIn = new Set(findings.filter((f) => f.kind === 'payment_missing_from_cms').map((f) => periods.slotOf(toDayNumber(f.date))));
  const marked = marks.filter((m) => (m.status === 'paid' || m.status === 'part_paid') && missingIn.has(periods.slotOf(m.day)));
  if (marked.length === 0) return undefined;
  const words = marked.map((m) => `${m.date} as ${m.status === 'paid' ? 'paid' : 'part paid'}`);
  const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
  return (
    `CMS’s payment schedule marks the instalment${marked.length === 1 ? '' : 's'} due on ${list}, yet no CMS record of ` +
    `the payment${marked.length === 1 ? '' : 's'} was given, so the payment${marked.length === 1 ? '' : 's'} made for ` +
    `${marked.length === 1 ? 'it is' : 'them are'} listed as missing from CMS. Reckoner does not take a schedule’s mark ` +
    'as CMS’s record of a payment: give CMS’s statement of account (the payments it received), and check these findings against it before writing to CMS.'
  );
}
