/**
 * A column that says whether each row went through ("State", "Status", "Transaction status"): app banks' exports list
 * card payments that were declined, reverted before they settled, failed, cancelled or are still pending among those
 * completed. Only completed rows moved money: the others are left out, and named. Known layouts say so themselves
 * (Revolut's, csv/layouts.ts); a file read through a csvMapping, which has no field for it, is read by its header.
 * @module
 */
import { cleanText } from './values.ts';

/** A header naming such a column (normalised: lower case, single spaces). */
export const STATUS_HEADER = /^(?:state|status|transaction (?:state|status)|payment (?:state|status))$/;

/** What such a column says of a row that moved no money. */
const NOT_DONE = new Set([
  'declined',
  'reverted',
  'failed',
  'cancelled',
  'canceled',
  'pending',
  'rejected',
  'refused',
  'void',
  'voided',
  'expired',
]);

/** Whether a status cell says the row moved no money. */
export function notDone(cell: string): boolean {
  return NOT_DONE.has(cleanText(cell).toLowerCase());
}

/** The warning for the rows left out, each by its line and what its column says (the first ten). */
export function notDoneWarning(column: string, rows: readonly { readonly line: number; readonly status: string }[]): string {
  const n = rows.length;
  const named = rows.slice(0, 10).map((r) => `line ${r.line} (${r.status})`);
  const more = n > 10 ? ` and ${n - 10} more` : '';
  return `${n === 1 ? 'A row is' : `${n} rows are`} not completed (column ${column} says ${n === 1 ? 'it' : 'they'} were declined, reverted, failed, cancelled or still pending) and ${n === 1 ? 'was' : 'were'} left out: ${named.join(', ')}${more}. Only completed rows moved money.`;
}
