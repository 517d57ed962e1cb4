/**
 * What the statement tests built from ground truth share: a parse result's rows in the ground truth's own shape, and a
 * CSV given as its lines read as a file would be.
 * @module
 */
import { parseDocument } from '../../statements/index.ts';
import type { CsvMapping, ParseResult } from '../../statements/types.ts';

/** Each row as the ground truth writes it: date, description, amount and direction. */
export const rowsOf = (r: ParseResult) =>
  r.transactions.map((t) => ({ date: t.date, description: t.description, amount: t.amount, direction: t.direction }));

/** CSV lines as a file (CRLF, a final line break) read through parseDocument, with a mapping where given. */
export const readCsvLines = (lines: readonly string[], csvMapping?: CsvMapping): Promise<ParseResult> =>
  parseDocument({
    bytes: new TextEncoder().encode(`${lines.join('\r\n')}\r\n`),
    filename: 'statement.csv',
    ...(csvMapping ? { csvMapping } : {}),
  });
