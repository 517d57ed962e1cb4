/**
 * CSV exports read the wrong way round, silently, before (a statement probe of 5 December 2026, 42 invented files in
 * UK banks' and cards' layouts): a credit card's export, which prints charges positive and payments to the card
 * negative, under a bank's header (Amex UK's "Date,Description,Amount" is first direct's) or none; a card export whose
 * direction column says DBIT/CRDT; and a Monzo export a spreadsheet saved again with month-first unpadded dates.
 * Files built from invented ground truth.
 */
import { describe, expect, test } from 'vitest';
import type { TruthRow } from '../fixtures/pdf/ground-truth-statement.ts';
import { slash4 } from '../fixtures/pdf/generate.ts';
import { readCsvLines, rowsOf } from './read-rows.ts';

/** An invented card month: charges out, the payment that clears the card and a refund in. */
const CARD: readonly TruthRow[] = [
  { date: '2024-05-03', description: 'TESTTOWN GROCER', amount: '54.20', direction: 'out' },
  { date: '2024-05-06', description: 'SAMPLE AIRWAYS', amount: '120.00', direction: 'out' },
  { date: '2024-05-10', description: 'PAYMENT RECEIVED - THANK YOU', amount: '250.00', direction: 'in' },
  { date: '2024-05-14', description: 'SAMPLE SHOP REFUND', amount: '19.99', direction: 'in' },
  { date: '2024-05-20', description: 'SAMPLE TAXI', amount: '8.40', direction: 'out' },
];
/** As a card prints it: a charge positive, money to the card negative. */
const cardAmount = (r: TruthRow) => (r.direction === 'out' ? r.amount : `-${r.amount}`);

describe('a credit card’s export: charges positive, payments to the card negative', () => {
  test('under first direct’s header (Amex UK’s basic download): every direction right, a warning, not called first direct', async () => {
    const result = await readCsvLines([
      'Date,Description,Amount',
      ...CARD.map((r) => [slash4(r.date), r.description, cardAmount(r)].join(',')),
    ]);
    expect(rowsOf(result)).toEqual(CARD);
    expect(result.metadata.issuer).toBeUndefined();
    expect(result.warnings).toContainEqual(
      expect.stringContaining(
        'This looks like a credit card\'s export, which prints charges as positive and payments to the card as negative (line 4: "PAYMENT RECEIVED - THANK YOU" is -250.00)',
      ),
    );
  });

  test('with no header at all', async () => {
    const result = await readCsvLines(CARD.map((r) => [slash4(r.date), r.description, cardAmount(r)].join(',')));
    expect(rowsOf(result)).toEqual(CARD);
  });

  test('a bank’s export with the same header is read as before: money out negative', async () => {
    const bank = CARD.map((r) => (r.description.startsWith('PAYMENT') ? { ...r, description: 'TRANSFER FROM SAVINGS' } : r));
    const result = await readCsvLines([
      'Date,Description,Amount',
      ...bank.map((r) => [slash4(r.date), r.description, r.direction === 'out' ? `-${r.amount}` : r.amount].join(',')),
    ]);
    expect(rowsOf(result)).toEqual(bank);
    expect(result.metadata.issuer).toBe('first direct');
  });

  test('a direction column of DBIT and CRDT (Barclaycard’s "Debit or Credit"): the refusal’s example names it, and it reads', async () => {
    const lines = [
      'Transaction Date,Posting Date,Billing Amount,Merchant,Debit or Credit',
      ...CARD.map((r) => [slash4(r.date), slash4(r.date), r.amount, r.description, r.direction === 'out' ? 'DBIT' : 'CRDT'].join(',')),
    ];
    const mapping = {
      date: 'Transaction Date',
      description: 'Merchant',
      amount: 'Billing Amount',
      direction: 'Debit or Credit',
      dateFormat: 'DD/MM/YYYY',
    };
    await expect(readCsvLines(lines)).rejects.toThrow(`for example ${JSON.stringify(mapping)}`);
    expect(rowsOf(await readCsvLines(lines, mapping))).toEqual(CARD);
  });

  test('a signed amount column whose every figure is positive says that every row was read as money in', async () => {
    const result = await readCsvLines(['Date,Details,Value', ...CARD.map((r) => [slash4(r.date), r.description, r.amount].join(','))], {
      date: 'Date',
      description: 'Details',
      amount: 'Value',
    });
    expect(result.warnings).toContainEqual(
      expect.stringContaining('Every one of the 5 amounts in column "Value" is positive, so every row was read as money in.'),
    );
  });
});

describe('a Monzo export saved again by a spreadsheet set to US dates', () => {
  const header = 'Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency';
  const line = (id: number, date: string, name: string, amount: string) =>
    `tx_${id},${date},09:00:00,Card payment,${name},,General,${amount},GBP`;

  test('month first where every day is 12 or less: read day first, with a warning saying so and how to read it month first', async () => {
    const result = await readCsvLines([
      header,
      line(1, '1/2/2024', 'Testtown Grocer', '-23.45'),
      line(2, '2/5/2024', 'Sample Payroll', '1850.00'),
    ]);
    // Nothing in the file tells the orders apart: day first, as UK statements write dates.
    expect(result.transactions.map((t) => t.date)).toEqual(['2024-02-01', '2024-05-02']);
    expect(result.warnings).toContainEqual(
      expect.stringContaining('The dates are written without leading zeros (line 2: "1/2/2024"), which Monzo\'s export does not do'),
    );
  });

  test('a date that can only be month first: refused, advising the format, which then reads every date', async () => {
    const lines = [header, line(1, '1/2/2024', 'Testtown Grocer', '-23.45'), line(2, '1/13/2024', 'Sample Payroll', '1850.00')];
    await expect(readCsvLines(lines)).rejects.toThrow('"1/13/2024" is not a real date (there is no month 13); it reads as M/D/YYYY');
    const result = await readCsvLines(lines, { date: 'Date', description: 'Name', amount: 'Amount', dateFormat: 'M/D/YYYY' });
    expect(result.transactions.map((t) => t.date)).toEqual(['2024-01-02', '2024-01-13']);
  });

  test('Monzo’s own padded dates carry no such warning', async () => {
    const result = await readCsvLines([header, line(1, '01/02/2024', 'Testtown Grocer', '-23.45')]);
    expect(result.warnings.some((w) => w.includes('leading zeros'))).toBe(false);
  });
});
