/**
 * How many values a JSON text holds, counted before it is parsed. JSON.parse takes time by the value, not by the byte:
 * a security audit sent 27 MiB of `[0,0,0,…]` (fourteen million values, within the document route's byte limit) and
 * the server answered no one for 20 to 58 seconds while it parsed. A linear scan over the text costs a small part of
 * that (a few hundredths of the parse), so the large routes count first and refuse a body with more values than any
 * request of theirs needs.
 *
 * What is counted: each `,`, `[` and `{` outside strings, which is at least the number of values less one (every value
 * after the first in an array or object follows a comma; every array or object opens once). A string, however long
 * (a base64 document), is one value.
 * @module
 */
import { groupedCount } from '../calc/money.ts';

/**
 * The most values a request carrying a document (import_document, parse_statement) needs: the document is one
 * base64 string, and its options (file name, hint, CSV mapping, page, password, case id) a few dozen values.
 */
export const DOCUMENT_MAX_JSON_VALUES = 10_000;

/**
 * The most values an import_case request needs: an export of a case at every row limit (store/repository/limits.ts
 * CASE_LIMITS: 148,540 rows), each row given room for 30 values. An exported bank line or CMS entry is about 9 (a
 * 1,000-line export counts 9.1 a line); documents, letters, events and reconciliation runs carry more, and take the
 * rest of the room. That is 4,456,200, here 4,500,000: about 15 bytes a value over the 64 MiB an export may be.
 * Written out, not summed from CASE_LIMITS, so that the HTTP server does not load the store's modules to start
 * (test/server/json-values.test.ts checks it against them).
 */
export const CASE_EXPORT_MAX_JSON_VALUES = 4_500_000;

const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The count of `,`, `[` and `{` outside strings in `text`, stopping as soon as it passes `max` (so a refusal costs no
 * more than the count up to it). Text that is not JSON is counted all the same; JSON.parse refuses it after.
 */
export function jsonValuesOver(text: string, max: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) {
      // To the closing quote: the next quote not escaped, found by indexOf, which runs through a long string (a case
      // export's base64 file, 60 MB) in native code: a character at a time here it took 0.4 to 1.1 s, with every
      // other request waiting. A quote is escaped when an odd number of backslashes stands before it; each run of
      // backslashes is counted once, for the quote after it.
      let close = i;
      for (;;) {
        close = text.indexOf('"', close + 1);
        if (close < 0) return false;
        let slashes = 0;
        while (text.charCodeAt(close - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
      }
      i = close;
    } else if (ch === COMMA || ch === OPEN_ARRAY || ch === OPEN_OBJECT) {
      if (++count > max) return true;
    }
  }
  return false;
}

/** The refusal of a body with more than `max` values, for what (`a document request`, `an import_case request`). */
export function tooManyValuesMessage(max: number, what: string, advice: string): string {
  return `The request body holds more than ${groupedCount(max)} JSON values, more than ${what} needs; ${advice}`;
}
