/**
 * How far the evidence of payment reaches. A balance worked out to a day after the last bank row or piece of
 * evidence given counts an instalment due after it as unpaid where nothing given shows it paid: the parent is told
 * so, with how many and how much, before a letter admits or claims arrears their papers do not cover. The note counts
 * as the balance does: what was paid before the evidence ends, ahead of the instalments due after it, pays them, and
 * so do CMS's receipts taken as recorded; only what the balance leaves owed of them counts as unpaid.
 * @module
 */
import { toDayNumber, type CivilDate } from '../dates.ts';
import { fromPence, pounds } from '../money.ts';
import type { Books } from './read.ts';
import type { Periods } from './periods.ts';
import type { ReconcileInput } from './types.ts';

/**
 * The warning, or undefined when the evidence reaches the day the balance is worked out to (or none was given), or
 * when nothing due after it counts as unpaid or rests on receipts nothing given checks.
 *
 * `takenAsRecorded` are CMS's receipts no evidence covers, counted as paid as CMS recorded them (deductions.ts
 * `not_checked`): those after the evidence ends are not unpaid, and the warning says so (an MCP audit found it saying
 * £1,170.00 counted as unpaid where £780.00 of it was CMS's receipts, counted as paid).
 *
 * `overdue` is the balance worked out (maintenance and fees, whole pence): the instalments due after the evidence
 * ends are the last to be paid, so what of them counts as unpaid is that balance, up to their sum. An instalment paid
 * ahead of its due date by evidence from before it ends is not unpaid (MCP audit 2, finding 6: a payslip deduction
 * of 26 July 2024 paid the instalment due on 28 July, and the note said it counted as unpaid while the balance,
 * rightly, showed nothing owed).
 */
export function evidenceEndsWarning(
  input: ReconcileInput,
  books: Books,
  periods: Periods,
  takenAsRecorded: readonly { readonly day: number; readonly pence: number }[],
  overdue: number,
): string | undefined {
  let last: CivilDate | undefined;
  for (const row of [...(input.bankTransactions ?? []), ...(input.evidence ?? [])]) {
    if (typeof row.date === 'string' && (last === undefined || row.date > last)) last = row.date;
  }
  if (last === undefined || last >= books.asOf) return undefined;
  const lastDay = toDayNumber(last);
  const after = periods.dueDays.filter((d) => d > lastDay && d <= books.asOfDay).length;
  const pence = periods.planDueBy(books.asOfDay) - periods.planDueBy(lastDay);
  if (after === 0 || pence <= 0) return undefined;
  const recorded = takenAsRecorded.filter((r) => r.day > lastDay && r.day <= books.asOfDay);
  const recordedPence = recorded.reduce((a, r) => a + r.pence, 0);
  const unpaid = Math.min(pence, Math.max(0, overdue));
  // Paid before the evidence ends, ahead of the instalments due after it (what neither CMS's receipts after it nor
  // the balance left owed accounts for).
  const ahead = Math.max(0, pence - unpaid - recordedPence);
  if (unpaid === 0 && recordedPence === 0) return undefined;
  const one = after === 1;
  const them = one ? 'it' : 'them';
  const fell = `${after} ${one ? 'instalment fell' : 'instalments fell'} due after it (${pounds(fromPence(pence))}${one ? '' : ' in all'})`;
  const advice = `Give the statements up to ${books.asOf}, or reconcile as of ${last} (asOf).`;
  const head = `The evidence of payment given ends on ${last}, but the balance is worked out to ${books.asOf}: ${fell}`;
  if (recordedPence === 0 && ahead === 0) {
    return `${head} and ${one ? 'counts' : 'count'} as unpaid, as nothing given shows ${them} paid. ${advice}`;
  }
  const parts: string[] = [];
  if (ahead > 0) {
    parts.push(`${pounds(fromPence(ahead))} of ${them} is paid ahead of time, by what the evidence shows paid up to ${last}`);
  }
  if (recordedPence > 0) {
    const receipts = `${recorded.length} ${recorded.length === 1 ? 'receipt' : 'receipts'}`;
    const they = recorded.length === 1 ? 'it' : 'them';
    parts.push(
      `CMS records ${pounds(fromPence(recordedPence))} received after it (${receipts}), counted as paid as CMS recorded ${they}, though nothing given checks ${they}`,
    );
  }
  return (
    `${head}. ${parts.join('; ')}` +
    (unpaid > 0 ? `; the rest, ${pounds(fromPence(unpaid))}, counts as unpaid, as nothing given shows it paid. ` : '. ') +
    advice
  );
}
