/**
 * An RFC 4180 CSV reader that forgives what bank exports do: quoted fields holding commas, quotes ("") and
 * line breaks; CRLF, LF or CR line ends; a trailing comma on every line; preamble lines with fewer fields.
 * It refuses what would make it guess: a quoted field that never closes (a truncated file).
 * @module
 */
import { ParseError } from '../types.ts';
import type { Budget } from './budget.ts';

export interface CsvRecord {
  /** The fields as written, quotes removed; a trailing comma gives a last empty field. */
  readonly fields: readonly string[];
  /** The line of the file on which the record starts, counting from 1. */
  readonly line: number;
}

const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter: the one that splits the first lines most alike, a comma unless the first lines plainly use
 * semicolons or tabs instead (some exports do). Delimiters inside quotes are not counted: a semicolon file whose
 * quoted descriptions hold commas ("TESCO, LONDON") is still a semicolon file.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestLines = 0;
  let bestCount = 0;
  for (const d of DELIMITERS) {
    // The count most lines share (above none), and how many lines share it: a header and its rows split alike.
    const tally = new Map<number, number>();
    for (const count of delimitersPerLine(sample, d, 40)) if (count > 0) tally.set(count, (tally.get(count) ?? 0) + 1);
    let lines = 0;
    let count = 0;
    for (const [c, n] of tally) if (n > lines || (n === lines && c > count)) [lines, count] = [n, c];
    if (lines > bestLines || (lines === bestLines && count > bestCount)) [best, bestLines, bestCount] = [d, lines, count];
  }
  return best;
}

/** How many times `delimiter` splits each of the first `maxLines` lines, outside quoted fields. */
function delimitersPerLine(text: string, delimiter: Delimiter, maxLines: number): number[] {
  const counts: number[] = [];
  const delim = delimiter.charCodeAt(0);
  let quoted = false;
  let count = 0;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const c = text.charCodeAt(i);
    // A doubled quote inside a quoted field turns quoting off and on again: the state is right either way.
    if (c === 34 /* " */) quoted = !quoted;
    else if (quoted) continue;
    else if (c === delim) count++;
    else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      counts.push(count);
      count = 0;
    }
  }
  if (counts.length < maxLines && count > 0) counts.push(count);
  return counts;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** Rows of more than this many fields are not a statement. */
const MAX_FIELDS = 1000;

/**
 * Reads every record. Blank lines come back as a record with one empty field, so that a caller can see
 * where a block ends (Nationwide's midata export puts a trailer after a blank line).
 *
 * @throws {ParseError} `parse_failed` for a quoted field that never closes; `too_large` past the row budget.
 */
export function readCsv(text: string, delimiter: Delimiter, budget: Budget): CsvRecord[] {
  const records: CsvRecord[] = [];
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  // Preamble and trailer lines are allowed on top of the row limit.
  const maxRecords = budget.maxRows + 1000;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        let j = i + 1;
        const parts: string[] = [];
        for (;;) {
          const close = text.indexOf('"', j);
          if (close < 0) {
            throw new ParseError(
              'parse_failed',
              `Line ${recordLine}: a quoted field starts here and never ends, so the file looks cut off or damaged. Download the statement again and send the whole file.`,
            );
          }
          parts.push(text.slice(j, close));
          line += countLineBreaks(text, j, close);
          if (text.charCodeAt(close + 1) === 34) {
            parts.push('"');
            j = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        // Anything between the closing quote and the delimiter is kept (lenient, as spreadsheets are).
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === 10 || c === 13) break;
          i++;
        }
        if (i > start) parts.push(text.slice(start, i));
        value = parts.join('');
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === 10 || c === 13) break;
          i++;
        }
        value = text.slice(start, i);
      }
      fields.push(value);
      if (fields.length > MAX_FIELDS) {
        throw new ParseError('parse_failed', `Line ${recordLine} has more than ${MAX_FIELDS} fields; this is not a bank statement export.`);
      }
      if (i < n && text.charCodeAt(i) === delim) {
        i++;
        if (i === n) fields.push('');
        continue;
      }
      break;
    }
    if (i < n) {
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
      else i += 1;
      line++;
    }
    records.push({ fields, line: recordLine });
    if ((records.length & 1023) === 0) {
      budget.checkTime();
      if (records.length > maxRecords) budget.checkRows(records.length, 'lines');
    }
  }
  return records;
}

/** True for a record with no content (a blank line, or only delimiters and spaces). */
export function isBlank(record: CsvRecord): boolean {
  return record.fields.every((f) => f.trim() === '');
}
