/**
 * A balance CMS brings forward from inside the case's history (read.ts broughtForwardOf): a statement that starts
 * after the decisions do (a case moved from Direct Pay to Collect and Pay, or a parent holding only the latest
 * statement) opens with "Balance brought forward £X" on its first day D, CMS's whole account before D in one figure.
 *
 * Reckoner's side is unchanged: what the decisions made due less what the evidence shows paid, over the whole history.
 * CMS's side is that figure and its entries from D on. So nothing before D is CMS's error entry by entry: a payment
 * before D that no entry of CMS's from D on records, a deduction before D, a Direct Pay shortfall or payment before
 * D, a write-off stated before D — CMS's entries for them are in the one figure, which the case does not hold. Their
 * findings are taken out (`foldedBefore`) and their effect goes into one line of the bridge: CMS's figure against what
 * the records make owed at the end of D − 1 (balances.ts, bridge.ts). The payments among them are accounted for as
 * in that figure (`broughtForwardMatches`).
 * @module
 */
import type { Reference } from '../parameters.ts';
import type { FindingDraft, MatchDraft } from './draft.ts';
import type { BroughtForwardLines } from './read.ts';
import type { FindingKind } from './types.ts';

export const BROUGHT_FORWARD_RULE: Reference = {
  title:
    'Reckoner reconciliation rule: a balance CMS brings forward is its account before that day in one figure; it is compared, as one line, with what the decisions and the evidence make owed the day before, and nothing before it is taken as CMS’s error entry by entry (no legal rule governs this)',
};

/**
 * The kinds of finding that say CMS has no entry for something (a payment, a deduction, a Direct Pay shortfall or
 * payment, a write-off): before D, CMS's entries are in the balance brought forward, so none is missing. Kinds about
 * an entry CMS made from D on (a record, a report, a charge) stay findings; so do a payment put on another case (that
 * case's entry shows where it went) and what is on its way at the date.
 */
const ABOUT_NO_ENTRY: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'payment_missing_from_cms',
  'deduction_not_credited',
  'missed_payment_not_reported',
  'missed_payment_report_not_recorded',
  'extra_payment_not_credited',
  'write_off_not_applied',
]);

/** The findings about the time before the balance brought forward, which it stands for. */
export function foldedBefore(bf: BroughtForwardLines, drafts: readonly FindingDraft[]): Set<FindingDraft> {
  return new Set(drafts.filter((f) => f.date < bf.date && ABOUT_NO_ENTRY.has(f.kind)));
}

/** The payments and deductions among them, each accounted for as in the balance brought forward. */
export function broughtForwardMatches(bf: BroughtForwardLines, folded: ReadonlySet<FindingDraft>): MatchDraft[] {
  return [...folded]
    .filter((f) => f.bank.length > 0 || f.evidence.length > 0)
    .map((f) => ({
      reason: 'in_balance_brought_forward',
      amount: f.amount,
      days: 0,
      cms: [],
      bank: f.bank,
      evidence: f.evidence,
      note: bf.date,
    }));
}
