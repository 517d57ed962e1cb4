/**
 * A statement that prints its date ("Statement date 27 March 2024") and no period, with rows dated without a year
 * ("01 Mar"), as card statements do: the statement's date gives the rows their year. A PDF layout test of 5 December
 * 2026 had such a statement refused ("its statement period could not be found"), and a posting date printed beside
 * each transaction date read into the description.
 */
import { expect, test } from 'vitest';
import { parseDocument } from '../../statements/index.ts';
import { findStatementDate } from '../../statements/pdf/tokens.ts';
import { newDoc, put } from '../fixtures/pdf/generate.ts';

/** Ground truth: the rows as printed (day, description, amount as printed), and as they must be read. */
const ROWS = [
  ['28 Feb', 'SAMPLE BOOKS LTD', '12.99', '2024-02-28', '12.99', 'out'],
  ['01 Mar', 'PAYMENT RECEIVED - THANK YOU', '250.00 CR', '2024-03-01', '250.00', 'in'],
  ['04 Mar', 'TESCO STORES 2041', '23.45', '2024-03-04', '23.45', 'out'],
  ['06 Mar', 'CASH ATM HEADINGLEY', '67.96', '2024-03-06', '67.96', 'out'],
] as const;

async function cardStatement(dateLine: string, postingDates = false): Promise<Uint8Array> {
  const { doc, done } = newDoc();
  doc.addPage();
  put(doc, 'Example Card Services', 40, 40, 300, 'left', true, 12);
  put(doc, dateLine, 40, 70, 300, 'left');
  put(doc, 'Previous balance £100.00', 40, 90, 300, 'left');
  put(doc, 'New balance £-45.60', 40, 105, 300, 'left');
  const y0 = 150;
  // With posting dates: "Transaction date" and "Posting date" columns, the description further right.
  const descX = postingDates ? 200 : 110;
  put(doc, postingDates ? 'Transaction date' : 'Date', 40, y0, 70, 'left', true);
  if (postingDates) put(doc, 'Posting date', 120, y0, 70, 'left', true);
  put(doc, 'Description', descX, y0, 200, 'left', true);
  put(doc, 'Amount', 420, y0, 100, 'right', true);
  ROWS.forEach(([day, description, amount], i) => {
    const y = y0 + 18 * (i + 1);
    put(doc, day, 40, y, 60, 'left');
    if (postingDates) put(doc, day, 120, y, 60, 'left');
    put(doc, description, descX, y, 200, 'left');
    put(doc, amount, 420, y, 100, 'right');
  });
  put(doc, 'Synthetic document for software tests, not a real statement.', 40, 800, 400, 'left');
  doc.end();
  return done;
}

test('the rows of a statement dated 27 March 2024 are read in 2024 (and 28 Feb in February 2024, not 2023)', async () => {
  const result = await parseDocument({ bytes: await cardStatement('Statement date 27 March 2024'), filename: 'card.pdf' });
  expect(result.transactions.map((t) => [t.date, t.amount, t.direction])).toEqual(
    ROWS.map(([, , , date, amount, direction]) => [date, amount, direction]),
  );
});

test('a card statement with a posting date beside each transaction date: the row takes the first, the description neither', async () => {
  const result = await parseDocument({ bytes: await cardStatement('Statement date 27 March 2024', true), filename: 'card.pdf' });
  expect(result.transactions.map((t) => [t.date, t.amount, t.direction, t.description])).toEqual(
    ROWS.map(([, description, , date, amount, direction]) => [date, amount, direction, description]),
  );
});

test('the statement date is read in the forms statements print it', () => {
  expect(findStatementDate('Statement date 27 March 2024')).toBe('2024-03-27');
  expect(findStatementDate('Date of statement: 27/03/2024')).toBe('2024-03-27');
  expect(findStatementDate('Statement date: 3rd January 2025')).toBe('2025-01-03');
  // No year, or no label: nothing.
  expect(findStatementDate('Statement date 27 March')).toBeUndefined();
  expect(findStatementDate('Payment due 27 March 2024')).toBeUndefined();
});
