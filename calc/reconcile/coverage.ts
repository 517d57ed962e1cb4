/**
 * How far the evidence of payment reaches. A balance worked out to a day after the last bank row or piece of
 * evidence given counts every instalment due after it as unpaid, because nothing given shows it paid: the parent
 * is told so, with how many and how much, before a letter admits or claims arrears their papers do not cover.
 * @module
 */
import { toDayNumber, type CivilDate } from '../dates.ts';
import { fromPence, pounds } from '../money.ts';
import type { Books } from './read.ts';
import type { Periods } from './periods.ts';
import type { ReconcileInput } from './types.ts';

/**
 * The warning, or undefined when the evidence reaches the day the balance is worked out to (or none was given).
 * `takenAsRecorded` are CMS's receipts no evidence covers, counted as paid as CMS recorded them (deductions.ts
 * `not_checked`): those after the evidence ends are not unpaid, and the warning says so (an MCP audit found it saying
 * £1,170.00 counted as unpaid where £780.00 of it was CMS's receipts, counted as paid).
 */
export function evidenceEndsWarning(
  input: ReconcileInput,
  books: Books,
  periods: Periods,
  takenAsRecorded: readonly { readonly day: number; readonly pence: number }[] = [],
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
  const fell = `${after} ${after === 1 ? 'instalment fell' : 'instalments fell'} due after it (${pounds(fromPence(pence))} in all)`;
  const advice = `Give the statements up to ${books.asOf}, or reconcile as of ${last} (asOf).`;
  const recorded = takenAsRecorded.filter((r) => r.day > lastDay && r.day <= books.asOfDay);
  const recordedPence = recorded.reduce((a, r) => a + r.pence, 0);
  const head = `The evidence of payment given ends on ${last}, but the balance is worked out to ${books.asOf}: ${fell}`;
  if (recordedPence === 0) {
    return `${head} and count as unpaid, as nothing given shows ${after === 1 ? 'it' : 'them'} paid. ${advice}`;
  }
  const receipts = `${recorded.length} ${recorded.length === 1 ? 'receipt' : 'receipts'}`;
  const rest = pence - recordedPence;
  return (
    `${head}. CMS records ${pounds(fromPence(recordedPence))} received after it (${receipts}), counted as paid as CMS recorded ${recorded.length === 1 ? 'it' : 'them'}, though nothing given checks ${recorded.length === 1 ? 'it' : 'them'}` +
    (rest > 0 ? `; the rest, ${pounds(fromPence(rest))}, counts as unpaid, as nothing given shows it paid. ` : '. ') +
    advice
  );
}
