/**
 * Is this a CMS document, and which one? The issuer and a case reference are read from the lines above the
 * table, in whatever words the document uses ("Child Maintenance Service" as logo text, perhaps split over
 * two lines; "CMS reference", "Case number", "Case ref", "Our reference"); the kind from the table's columns.
 * @module
 */
import type { Field } from './table.ts';

/** The issuer: "Child Maintenance Service" / "Child Maintenance Group" (any spacing or hyphen), or "CMS" in capitals. */
const ISSUER = /\bchild[\s-]+maintenance\b/i;
const ISSUER_ABBREVIATION = /\bCMS\b/;
/** A label for the case reference. */
const REFERENCE_LABEL = /\b(?:case|cms|scheme)\s+(?:case\s+)?(?:reference|ref|number|no)\b|\bour\s+ref(?:erence)?\b/i;
/** A CMS case reference itself: 12 digits starting 121, perhaps printed in groups. */
const REFERENCE_NUMBER = /(?<!\d)121(?:[ -]?\d){9}(?!\d)/;

/**
 * True when the lines above the table name the CMS and a case reference (by its label or its number), or,
 * where the issuer's name is only in a logo image, carry a case reference label with a CMS-shaped number.
 */
export function isCmsDocument(preamble: readonly string[]): boolean {
  // Logo text may be split over lines ("Child Maintenance" / "Service"): read the preamble as one text.
  const text = preamble.join(' ');
  const issuer = ISSUER.test(text) || ISSUER_ABBREVIATION.test(text);
  const label = REFERENCE_LABEL.test(text);
  const number = REFERENCE_NUMBER.test(text);
  return issuer ? label || number : label && number;
}

export type CmsDocument = 'statement' | 'schedule';

/**
 * Which CMS document a table is, from its columns:
 * - a charged column (Due, Charged, Debit) and a paid one (Paid, Received, Credit), or one Amount column beside
 *   a running balance: a statement of account or an arrears breakdown (both are read the same way: entries with
 *   a running balance);
 * - ongoing maintenance, arrears, collection fee or total columns, or a Status column: a payment schedule.
 * Undefined when the columns are neither (the document is then read as a bank statement would be).
 */
export function cmsDocumentKind(fields: ReadonlySet<Field>): CmsDocument | undefined {
  const charged = fields.has('due') || fields.has('out');
  const paid = fields.has('paid') || fields.has('in');
  if (charged && paid && !fields.has('ongoing')) return 'statement';
  // One signed Amount column beside a running balance: a statement (cms-columns.ts splits it).
  if (fields.has('amount') && fields.has('balance') && !fields.has('status')) return 'statement';
  if (fields.has('ongoing') || fields.has('status') || fields.has('total') || (fields.has('arrears') && fields.has('fee'))) return 'schedule';
  return undefined;
}
