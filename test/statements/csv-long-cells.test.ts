/**
 * A CSV cell of millions of characters (a security probe's 19 MB description) was carried into the answer. A cell is
 * now at most LIMITS.maxCellChars (4,000) characters, blank space around it aside: a longer one refuses the file,
 * naming the line and the column, without repeating the cell. Invented data: the synthetic Starling fixture.
 */
import { describe, expect, test } from 'vitest';
import { parseDocument, parseDocumentInProcess } from '../../statements/index.ts';
import { failure } from './parse-failure.ts';
import { encodeText, loadTruth, renderCsvText } from '../fixtures/csv/generate.ts';

const utf8 = (text: string) => encodeText(text, 'utf-8');
// Header: Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category; line 3 is Sainsbury's.
const starling = () => renderCsvText(loadTruth('starling')).split('\n');

const tooLong = (line: number, column: string, length: string) =>
  `Line ${line}, column ${column}: the cell is ${length} characters long, more than the 4,000 a cell may hold (a bank writes a description in a few dozen), so the file is damaged or was not exported by the bank. Export the statement again from online banking, or correct that cell in a spreadsheet and save the file as CSV.`;

describe('a cell longer than 4,000 characters', () => {
  test('a 19 MB description: refused, naming line 3 and "Counter Party", the cell not repeated', async () => {
    const lines = starling();
    lines[2] = lines[2]!.replace("Sainsbury's", `"${'S'.repeat(19_000_000)}"`);
    const e = await failure(parseDocument({ bytes: utf8(lines.join('\n')) }));
    expect(e.code).toBe('parse_failed');
    expect(e.message).toBe(tooLong(3, '"Counter Party"', '19,000,000'));
  });

  test('in a column the reader does not use (Spending Category): refused too, by name', async () => {
    const lines = starling();
    lines[3] = lines[3]!.replace(/FAMILY$/, 'F'.repeat(4001));
    const e = await failure(parseDocumentInProcess({ bytes: utf8(lines.join('\n')) }));
    expect(e.message).toBe(tooLong(4, '"Spending Category"', '4,001'));
  });

  test('a column with no name in the header is named by its number, from 1', async () => {
    const lines = starling();
    lines[2] = `${lines[2]!},${'X'.repeat(5000)}`;
    const e = await failure(parseDocumentInProcess({ bytes: utf8(lines.join('\n')) }));
    expect(e.message).toBe(tooLong(3, '8', '5,000'));
  });

  test('with a csvMapping, the mapped column by its name', async () => {
    const text = `Date,Details,Amount\n01/03/2024,${'D'.repeat(6000)},-12.50\n`;
    const e = await failure(
      parseDocumentInProcess({ bytes: utf8(text), csvMapping: { date: 'Date', description: 'Details', amount: 'Amount' } }),
    );
    expect(e.message).toBe(tooLong(2, '"Details"', '6,000'));
  });
});

describe('at the limit', () => {
  test('a description of exactly 4,000 characters, spaces around it, is read', async () => {
    const lines = starling();
    const name = 'S'.repeat(4000);
    lines[2] = lines[2]!.replace("Sainsbury's", `"  ${name}  "`);
    const result = await parseDocumentInProcess({ bytes: utf8(lines.join('\n')) });
    // Starling's description is the counter party, its reference column the reference (fixture's truth: "Sainsbury's",
    // "SAINSBURYS S/MKT"); the spaces inside the quotes are trimmed.
    expect(result.transactions[1]!.description === name).toBe(true);
    expect(result.transactions[1]!.reference).toBe('SAINSBURYS S/MKT');
    expect(result.transactions[1]!.amount).toBe('56.12');
  });
});
