/**
 * Text that cannot be stored or shown safely, kept out of results and error messages:
 * - NUL bytes and lone surrogates (half of a UTF-16 pair) are removed from every string a document yields;
 *   PostgreSQL refuses NUL in text, and a lone surrogate is not Unicode. The row is kept, and a warning
 *   counts what was removed and where;
 * - a cell quoted in an error message is quoted only when it has the shape of a date or an amount: a
 *   file that is not a statement (a credentials file, a private letter) must not have its contents
 *   repeated back in an error.
 * @module
 */
import type { ParseResult } from './types.ts';

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without NUL bytes and lone surrogates, and how many were removed. */
export function stripUnstorable(text: string): { readonly text: string; readonly removed: number } {
  let removed = 0;
  const out = text.replace(UNSTORABLE, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}

/** Whether a string holds anything {@link stripUnstorable} would remove (cheap, for the common clean case). */
export function hasUnstorable(text: string): boolean {
  UNSTORABLE.lastIndex = 0;
  return UNSTORABLE.test(text);
}

/** "line 4, line 9, line 12 and 3 more" */
export function listPlaces(places: readonly string[], max = 10): string {
  const shown = places.slice(0, max).join(', ');
  return places.length > max ? `${shown} and ${places.length - max} more` : shown;
}

/** The warning for rows whose text had characters removed. */
export function unstorableWarning(places: readonly string[], characters: number): string {
  const n = places.length;
  return (
    `${n} ${n === 1 ? 'row holds' : 'rows hold'} characters that cannot be kept (NUL bytes or broken UTF-16 characters): ` +
    `${characters} removed, the ${n === 1 ? 'row' : 'rows'} kept (${listPlaces(places)}). Check ${n === 1 ? 'its' : 'their'} descriptions against the statement.`
  );
}

/**
 * The result with every string cleaned (see {@link stripUnstorable}): descriptions and references of each
 * row (named by its position and date), the metadata, the warnings. Readers clean their rows before they
 * fingerprint them, so this normally finds nothing; it is the net under them.
 */
export function cleanResult(result: ParseResult): ParseResult {
  const places: string[] = [];
  let characters = 0;
  const clean = (text: string, place: string): string => {
    if (!hasUnstorable(text)) return text;
    const s = stripUnstorable(text);
    characters += s.removed;
    if (!places.includes(place)) places.push(place);
    return s.text;
  };
  const row = <T extends { readonly date: string; readonly description: string; readonly reference?: string }>(
    r: T,
    i: number,
    what: string,
  ): T => {
    if (!hasUnstorable(r.description) && (r.reference === undefined || !hasUnstorable(r.reference))) return r;
    const place = `${what} ${i + 1} (${r.date})`;
    return {
      ...r,
      description: clean(r.description, place),
      ...(r.reference === undefined ? {} : { reference: clean(r.reference, place) }),
    };
  };
  const transactions = result.transactions.map((t, i) => row(t, i, 'transaction'));
  const cmsEntries = result.cmsEntries.map((e, i) => row(e, i, 'CMS entry'));
  const metadata = Object.fromEntries(
    Object.entries(result.metadata).map(([k, v]) => [k, typeof v === 'string' ? clean(v, `the document's ${k}`) : v]),
  ) as unknown as ParseResult['metadata'];
  const warnings = result.warnings.map((w) => stripUnstorable(w).text);
  if (places.length === 0) return result;
  return { ...result, transactions, cmsEntries, metadata, warnings: [...warnings, unstorableWarning(places, characters)] };
}

/** Month names and the words a date or an amount may hold ("1st", "CR", "GBP"), for {@link shownCell}. */
const DATE_OR_AMOUNT_WORDS =
  /january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|gbp|eur|usd|cr|dr|st|nd|rd|th|t|z/gi;

/**
 * A cell as it may appear in an error message: quoted when it has the shape of a date or an amount (short,
 * digits and separators, month names), otherwise only its length, so that no file's contents are repeated.
 */
export function shownCell(raw: string): string {
  const text = raw.trim();
  if (text.length <= 32 && /^[0-9\s.,:/'()+\-–−£$€]*$/.test(text.replace(DATE_OR_AMOUNT_WORDS, ''))) return JSON.stringify(text);
  return `the value (${text.length} characters, not repeated here)`;
}

/** Whether {@link shownCell} would quote the cell. */
export function isShownCell(raw: string): boolean {
  return shownCell(raw).startsWith('"');
}
