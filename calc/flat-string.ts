/**
 * A string made once and written into many answers, kept as one piece.
 *
 * V8 keeps a string joined from others (`${a}/${b}`, a + b) as a tree of its pieces, and never turns a string kept in
 * a table back into one piece: every answer that quotes it walks its tree again when the answer is written out. The
 * JSON API writes some 5,000 characters a calculation, flattened on every request; the trace's citations and the
 * links to legislation.gov.uk, made by joining, were walked piece by piece in every one. A constant made by joining
 * goes through here once, when it is made.
 * @module
 */

/** The same characters as one sequential string (JSON.parse makes a new one; lone surrogates survive the round trip). */
export function flatString(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
