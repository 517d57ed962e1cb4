/**
 * Amounts written with a decimal comma ("45,99", "1.234,56"), as banks and apps set to a continental language save
 * them (Revolut among them), fields then separated by semicolons (or tabs). Read only where the whole file is so: a
 * semicolon- or tab-separated file in which money is written with a comma and two decimals and never with a point.
 * A file that writes money both ways is refused, naming a line of each; a comma-separated file's "12,50" stays
 * refused cell by cell (values.ts), as it must never become £1,250.
 * @module
 */
import { ParseError } from '../types.ts';
import type { Delimiter, CsvRecord } from './reader.ts';

/** Money with a decimal comma and exactly two decimals, perhaps with points between thousands: "-1.234,56", "£45,99", "45,99-". */
const COMMA_MONEY = /^\s*[-+]?£?\s?(?:\d{1,3}(?:\.\d{3})+|\d+),\d{2}(?:\s*-)?\s*$/;
/** Money with a decimal point: "12.50", "-1,234.56", "£3.5". */
const POINT_MONEY = /^\s*[-+]?£?\s?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{1,2}(?:\s*-)?\s*$/;

/** The records with decimal-comma amounts rewritten with a point ("1.234,56" as "1234.56"), and the warning that says so. */
export function readDecimalCommas(
  records: readonly CsvRecord[],
  delimiter: Delimiter,
): { records: readonly CsvRecord[]; warning?: string } {
  if (delimiter === ',') return { records };
  let comma: { line: number; cell: string; count: number } | undefined;
  let point: { line: number; cell: string } | undefined;
  for (const r of records) {
    for (const f of r.fields) {
      if (COMMA_MONEY.test(f)) {
        if (comma) comma.count++;
        else comma = { line: r.line, cell: f.trim(), count: 1 };
      } else if (!point && POINT_MONEY.test(f)) point = { line: r.line, cell: f.trim() };
    }
  }
  if (!comma) return { records };
  if (point) {
    throw new ParseError(
      'parse_failed',
      `This file writes money two ways: with a decimal comma on line ${comma.line} (${JSON.stringify(comma.cell)}) and with a decimal point on line ${point.line} (${JSON.stringify(point.cell)}), so which figures are pounds and which pence cannot be told safely. ` +
        'Export the statement again with the app or bank set to English (UK), or save it from a spreadsheet as CSV with every amount written one way, such as "1234.56".',
    );
  }
  const rewritten = records.map((r) =>
    r.fields.some((f) => COMMA_MONEY.test(f))
      ? { ...r, fields: r.fields.map((f) => (COMMA_MONEY.test(f) ? f.trim().replace(/\./g, '').replace(',', '.') : f)) }
      : r,
  );
  const n = comma.count;
  return {
    records: rewritten,
    warning:
      `The amounts in this file are written with a decimal comma ("1.234,56" for 1,234.56), as apps and banks set to a continental language save them; ` +
      `every amount in it is written so (${n === 1 ? 'one amount' : `${n} amounts`}, from line ${comma.line}), and they were read that way. Check a few against the statement.`,
  };
}
