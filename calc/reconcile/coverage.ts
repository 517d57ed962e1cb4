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

/** The warning, or undefined when the evidence reaches the day the balance is worked out to (or none was given). */
export function evidenceEndsWarning(input: ReconcileInput, books: Books, periods: Periods): string | undefined {
  let last: CivilDate | undefined;
  for (const row of [...(input.bankTransactions ?? []), ...(input.evidence ?? [])]) {
    if (typeof row.date === 'string' && (last === undefined || row.date > last)) last = row.date;
  }
  if (last === undefined || last >= books.asOf) return undefined;
  const lastDay = toDayNumber(last);
  const after = periods.dueDays.filter((d) => d > lastDay && d <= books.asOfDay).length;
  const pence = periods.planDueBy(books.asOfDay) - periods.planDueBy(lastDay);
  if (after === 0 || pence <= 0) return undefined;
  return (
    `The evidence of payment given ends on ${last}, but the balance is worked out to ${books.asOf}: ` +
    `${after} ${after === 1 ? 'instalment fell' : 'instalments fell'} due after it (${pounds(fromPence(pence))} in all) and count as unpaid, ` +
    `as nothing given shows ${after === 1 ? 'it' : 'them'} paid. Give the statements up to ${books.asOf}, or reconcile as of ${last} (asOf).`
  );
}
