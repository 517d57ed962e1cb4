/**
 * What makes a header row a CMS table's, whatever its words and column order (issue 14): the table reader
 * accepts a candidate header row when the bank rule accepts it or this one does. It is stated on the fields
 * the row's headings name, not on their words or order (table.ts maps the words).
 * @module
 */
import type { Field } from './table.ts';

/** Schedule columns that split each instalment into its parts. */
const SCHEDULE_PARTS: readonly Field[] = ['ongoing', 'arrears', 'fee', 'total'];

/**
 * A CMS header names a date column and one of:
 * - a statement of account or arrears breakdown: a column of what was charged (Due, Charged, Debit) and one of
 *   what was paid (Paid, Received, Credit), with or without a description (a Type column may stand in for it);
 * - a payment schedule split into parts: two or more of ongoing maintenance, arrears, collection fee, total;
 * - a payment schedule of single instalments: one amount (Amount, Amount due, Total) and a Status column.
 */
export function cmsHeaderAccepts(fields: ReadonlySet<Field>): boolean {
  if (!fields.has('date')) return false;
  const charged = fields.has('due') || fields.has('out');
  const paid = fields.has('paid') || fields.has('in');
  if (charged && paid) return true;
  if (SCHEDULE_PARTS.filter((f) => fields.has(f)).length >= 2) return true;
  return fields.has('status') && (fields.has('amount') || fields.has('due') || fields.has('total'));
}
