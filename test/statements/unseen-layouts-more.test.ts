/**
 * A second probe of statements in layouts no fixture had shown (./unseen/more-layouts.ts, drawn from the ground truth
 * of ./unseen/more-truth.ts, every name and number invented), and of CSV and OFX exports unlike the fixtures'. Every
 * row must come back exactly: date, description, amount, direction, balance where printed, reference where a column
 * prints one, and the page and line it is printed on; the running balance must hold, the totals agree, and what cannot
 * be read with certainty must be said, naming where.
 *
 * What the probe found, each fixed for its class and asserted here (each assertion failed before the fix):
 * - a Reference column between the description and the money was read into the middle of 8 of 20 descriptions
 *   ("FASTER PAYMENT TO D SAMPLE FP241125 RENT DECEMBER");
 * - the time of day after each date ("18/11/2024 09:14") was read as the first word of all 20 descriptions;
 * - a "Pending transactions" list under the table, headed like it, was read as 2 more rows of the period, and the
 *   totals broke with no word of why;
 * - headings set over two lines ("Paid" over "in", "Paid" over "out") were no header: the table was found from its
 *   rows, and with no balance to say otherwise all 20 rows were read the wrong way round, with no warning;
 * - a card statement with no balance column, whose summary prints the previous and new balance owed, was said not to
 *   add up (its opening £612.40 read as held), its opening and closing balances given with the wrong sign;
 * - a period printed "From 18Nov2024 to 17Jan2025" was not read (the rows' first and last dates stood in);
 * - "A/C 70451236   S/C 09-01-28" gave no account number or sort code, and a name in Courier, whose word space is
 *   wider than a cell gap, was cut to its first four words; a name with the account's details beside it on its line
 *   was not read at all;
 * - a CSV read through a csvMapping with a "State" column (declined, reverted and pending card payments among the
 *   completed ones) was refused for a declined row's empty date, or, mapped by the started date, read those rows as
 *   money spent; its "Account number:" and "Statement period:" lines above the header were read past.
 */
import { describe, expect, test } from 'vitest';
import { parseDocumentInProcess } from '../../statements/index.ts';
import { parsePdf } from '../../statements/pdf/index.ts';
import type { ParseResult, StatementMetadata } from '../../statements/types.ts';
import {
  BRACKETS_COMPACT_DATES,
  CARD_NO_BALANCE,
  LANDSCAPE_TYPE_CODES,
  NEWEST_FIRST_ORDINAL,
  PAYMENT_TYPE_CODES,
  REFERENCE_COLUMN,
  referenceOf,
  TIME_OF_DAY_PENDING,
  TRAILING_MINUS,
  TWO_LINE_HEADINGS,
  TWO_LINE_IN_FIRST_NO_BALANCE,
} from './unseen/more-layouts.ts';
import { CARD, JOINT } from './unseen/more-truth.ts';
import { renderUnseen, type Layout } from './unseen/pdf.ts';
import type { Account } from './unseen/truth.ts';

const rowsOf = (r: ParseResult) => r.transactions.map(({ fingerprint: _f, ...t }) => t);

// The joint account's figures (unseen/more-truth.ts), computed: money in 287.50 + 0.01 + 2,114.63 + 12,500.00 + 35.00 +
// 2,114.63 + 287.50 = 17,339.27; money out 15,980.17 (13,750.00 + 950.00 + 500.00 + 215.45 + 168.00 + 101.27 + 2 × 64.99 +
// 58.32 + 41.20 + 40.00 + 23.17 + 2.78); closing 1,208.14 + 17,339.27 − 15,980.17 = 2,567.24.
const PERIOD = { periodStart: '2024-11-18', periodEnd: '2025-01-17' } as const;
const BALANCES = { openingBalance: '1208.14', closingBalance: '2567.24' } as const;
const TOTALS = { totalPaidIn: '17339.27', totalPaidOut: '15980.17' } as const;
const HOLDER = { accountHolder: 'MR B SAMPLE & MRS C SAMPLE' } as const;
const NUMBER = { accountNumberMasked: '****1236' } as const;
const SORT_CODE = { sortCodeMasked: '**-**-28' } as const;
const GENERIC = { layout: 'generic_pdf' } as const;

interface Case {
  readonly layout: Layout;
  readonly account: Account;
  readonly runningBalance: 'ok' | 'not_available';
  readonly totals: 'ok' | 'not_available';
  readonly warnings: readonly string[];
  readonly metadata: StatementMetadata;
}

const CASES: readonly Case[] = [
  {
    layout: TWO_LINE_HEADINGS,
    account: JOINT,
    runningBalance: 'ok',
    totals: 'ok',
    warnings: [],
    metadata: { ...GENERIC, ...HOLDER, ...NUMBER, ...SORT_CODE, ...PERIOD, ...BALANCES, ...TOTALS, pages: 2 },
  },
  {
    layout: BRACKETS_COMPACT_DATES,
    account: JOINT,
    runningBalance: 'ok',
    totals: 'ok',
    warnings: [],
    // "From 18Nov2024 to 17Jan2025": the period as printed; before, the last row's date (14 January) stood in.
    metadata: { ...GENERIC, ...HOLDER, ...NUMBER, ...PERIOD, ...BALANCES, pages: 2 },
  },
  {
    layout: TRAILING_MINUS,
    account: JOINT,
    runningBalance: 'ok',
    totals: 'ok',
    warnings: [],
    // "MR B SAMPLE & MRS C SAMPLE   A/C 70451236   S/C 09-01-28" in Courier: the whole name, the number and the sort code.
    metadata: { ...GENERIC, ...HOLDER, ...NUMBER, ...SORT_CODE, ...PERIOD, ...BALANCES, pages: 1 },
  },
  {
    layout: REFERENCE_COLUMN,
    account: JOINT,
    runningBalance: 'ok',
    totals: 'ok',
    warnings: [],
    metadata: { ...GENERIC, ...HOLDER, ...NUMBER, ...PERIOD, ...BALANCES, ...TOTALS, pages: 2 },
  },
  {
    layout: PAYMENT_TYPE_CODES,
    account: JOINT,
    runningBalance: 'ok',
    totals: 'ok',
    warnings: [],
    metadata: { ...GENERIC, ...HOLDER, ...NUMBER, ...PERIOD, ...BALANCES, ...TOTALS, pages: 2 },
  },
  {
    layout: CARD_NO_BALANCE,
    account: CARD,
    runningBalance: 'not_available',
    totals: 'ok',
    warnings: [
      'The opening and closing balances printed agree with the transactions only read as what is owed (as on a card), not what is held; they were read that way (negative).',
    ],
    // Computed: −612.40 + 930.40 (612.40 + 318.00 in) − 1,497.76 (84.12 + 318.00 + 18.99 + 1,045.50 + 23.80 + 7.35 out).
    metadata: {
      ...GENERIC,
      accountHolder: 'MS D EXAMPLE',
      periodStart: '2024-12-04',
      periodEnd: '2025-01-03',
      openingBalance: '-612.40',
      closingBalance: '-1179.76',
      pages: 1,
    },
  },
  {
    layout: NEWEST_FIRST_ORDINAL,
    account: JOINT,
    runningBalance: 'ok',
    totals: 'ok',
    warnings: ['The statement lists the newest transactions first; they are given here oldest first.'],
    // The name with "Account 70451236   Sort code 09-01-28" beside it on its line (64 characters in all).
    metadata: { ...GENERIC, ...HOLDER, ...NUMBER, ...SORT_CODE, ...PERIOD, ...BALANCES, ...TOTALS, pages: 2 },
  },
  {
    layout: LANDSCAPE_TYPE_CODES,
    account: JOINT,
    runningBalance: 'ok',
    totals: 'not_available',
    warnings: [],
    metadata: { ...GENERIC, ...HOLDER, ...NUMBER, ...SORT_CODE, ...PERIOD, pages: 1 },
  },
  {
    layout: TIME_OF_DAY_PENDING,
    account: JOINT,
    runningBalance: 'ok',
    totals: 'ok',
    // The pending list is drawn under the last row (page 2): its title on line 8, its two rows on lines 11 and 12.
    warnings: [
      'Page 2, line 8: the 2 lines under "Pending transactions" (page 2 line 11, page 2 line 12) are transactions not yet gone through the account, so they were left out: the statement\'s balances do not count them. They should be on the next statement.',
    ],
    metadata: { ...GENERIC, ...HOLDER, ...NUMBER, ...SORT_CODE, ...PERIOD, ...BALANCES, ...TOTALS, pages: 2 },
  },
  {
    layout: TWO_LINE_IN_FIRST_NO_BALANCE,
    account: JOINT,
    runningBalance: 'not_available',
    totals: 'not_available',
    warnings: [],
    metadata: { ...GENERIC, ...HOLDER, ...NUMBER, ...PERIOD, pages: 1 },
  },
];

describe.each(CASES.map((c) => [c.layout.name, c] as const))('%s', (_name, c) => {
  test('every row exact, to its page and line; the checks; the warnings and the metadata as printed', async () => {
    const drawn = await renderUnseen(c.layout, [c.account]);
    const result = await parsePdf({ bytes: drawn.bytes });
    expect(result.kind).toBe('bank_statement');
    // A reference column's text is each row's reference, not words of its description.
    const expected =
      c.layout === REFERENCE_COLUMN
        ? drawn.expected[0]!.map((e, i) => {
            const reference = referenceOf(c.account.rows[i]!);
            return reference ? { ...e, reference } : e;
          })
        : drawn.expected[0];
    expect(rowsOf(result)).toEqual(expected);
    expect(result.checks.runningBalance).toBe(c.runningBalance);
    expect(result.checks.totals).toBe(c.totals);
    expect(result.warnings).toEqual(c.warnings);
    expect(result.metadata).toEqual(c.metadata);
  });
});

describe('what cannot be told is said', () => {
  test('two amount columns under headings not known, no balance, no summary: the directions are a guess, and said to be', async () => {
    // The headings of TWO_LINE_IN_FIRST_NO_BALANCE in words no list holds: the table is found from its rows, and
    // nothing says which column is money in (here the left).
    const unknown: Layout = {
      ...TWO_LINE_IN_FIRST_NO_BALANCE,
      cols: TWO_LINE_IN_FIRST_NO_BALANCE.cols.map((col) => ({
        ...col,
        label: { date: 'When', desc: 'What', in: 'Sum', out: 'Sum' }[col.key as 'date' | 'desc' | 'in' | 'out'],
        label2: col.key === 'in' ? 'A' : col.key === 'out' ? 'B' : undefined,
      })) as Layout['cols'],
    };
    const drawn = await renderUnseen(unknown, [JOINT]);
    const result = await parsePdf({ bytes: drawn.bytes });
    const without = (rows: readonly { direction: string }[]) => rows.map(({ direction: _d, ...r }) => r);
    expect(without(rowsOf(result))).toEqual(without(drawn.expected[0]!));
    expect(result.warnings).toContain(
      'Nothing on the statement says which of its two amount columns is money out and which money in: their headings were not read as such, and no running balance or printed total checks them. The left-hand column was read as money out and the right-hand as money in; check the directions against the statement.',
    );
  });

  test('a notice that pending transactions are not shown is no pending list: every row read, nothing said', async () => {
    const notice: Layout = {
      ...TIME_OF_DAY_PENDING,
      after: () => [{ text: 'Pending transactions are not shown on this statement.', x: 40, y: 30, w: 400, size: 8 }],
    };
    const drawn = await renderUnseen(notice, [JOINT]);
    const result = await parsePdf({ bytes: drawn.bytes });
    expect(rowsOf(result)).toEqual(drawn.expected[0]);
    expect(result.warnings).toEqual([]);
  });

  test('a pending list printed over the table, headed like it: its rows left out and named, the table read in full', async () => {
    const pendingFirst: Layout = {
      ...TIME_OF_DAY_PENDING,
      after: undefined,
      firstPage: (a) => {
        const base = TIME_OF_DAY_PENDING.firstPage(a);
        const y = base.top;
        return {
          items: [
            ...base.items,
            { text: 'Pending transactions', x: 40, y, w: 300, bold: true, size: 10 },
            { text: 'Date', x: 40, y: y + 15, w: 85, bold: true, size: 8.5 },
            { text: 'Description', x: 130, y: y + 15, w: 250, bold: true, size: 8.5 },
            { text: 'Amount', x: 385, y: y + 15, w: 75, align: 'right', bold: true, size: 8.5 },
            { text: '17/01/2025 18:02', x: 40, y: y + 29, w: 85, size: 8.5 },
            { text: 'CARD PAYMENT TO EXAMPLE TAKEAWAY', x: 130, y: y + 29, w: 250, size: 8.5 },
            { text: '-£24.60', x: 385, y: y + 29, w: 75, align: 'right', size: 8.5 },
            { text: 'Completed transactions', x: 40, y: y + 50, w: 300, bold: true, size: 10 },
          ],
          top: y + 66,
        };
      },
    };
    const drawn = await renderUnseen(pendingFirst, [JOINT]);
    const result = await parsePdf({ bytes: drawn.bytes });
    expect(rowsOf(result)).toEqual(drawn.expected[0]);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.checks.totals).toBe('ok');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^Page 1, line \d+: the line under "Pending transactions" \(page 1 line \d+\) is a transaction not yet gone/,
    );
  });
});

describe('CSV exports read through a csvMapping', () => {
  const file = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

  test('a State column: declined, reverted and pending rows left out and named, the completed ones read exactly', async () => {
    // A business account's export (Revolut-like, its header unlike the personal export Reckoner knows): each row has
    // a started and a completed date, the completed one empty where the payment never went through.
    const bytes = file([
      'Date started (UTC),Date completed (UTC),ID,Type,State,Description,Reference,Payer,Card number,Orig currency,Orig amount,Payment currency,Amount,Fee,Balance,Account',
      '2024-12-02 09:14:05,2024-12-02 09:14:07,a1,CARD_PAYMENT,COMPLETED,Example Cafe,,,4929****1234,GBP,-4.20,GBP,-4.20,0.00,95.80,Main',
      '2024-12-03 11:00:00,,a2,CARD_PAYMENT,DECLINED,Example Shoes,,,4929****1234,GBP,-89.99,GBP,-89.99,0.00,,Main',
      '2024-12-04 08:30:00,2024-12-04 08:30:02,a3,TRANSFER,COMPLETED,Child Maintenance Service,CMS 121234567890,,,GBP,-287.50,GBP,-287.50,0.00,-191.70,Main',
      '2024-12-05 10:00:00,2024-12-05 10:00:01,a4,CARD_PAYMENT,REVERTED,Example Hotel,,,4929****1234,GBP,-120.00,GBP,-120.00,0.00,,Main',
      '2024-12-06 12:00:00,2024-12-06 12:00:03,a5,TOPUP,COMPLETED,Top-up from J SAMPLE,,,,GBP,500.00,GBP,500.00,0.00,308.30,Main',
      '2024-12-07 12:00:00,,a6,CARD_PAYMENT,PENDING,Example Taxi,,,4929****1234,GBP,-12.40,GBP,-12.40,0.00,,Main',
    ]);
    const expected = [
      { date: '2024-12-02', description: 'Example Cafe', amount: '4.20', direction: 'out', balance: '95.80', source: { line: 2 } },
      {
        date: '2024-12-04',
        description: 'Child Maintenance Service',
        amount: '287.50',
        direction: 'out',
        balance: '-191.70',
        reference: 'CMS 121234567890',
        source: { line: 4 },
      },
      {
        date: '2024-12-06',
        description: 'Top-up from J SAMPLE',
        amount: '500.00',
        direction: 'in',
        balance: '308.30',
        source: { line: 6 },
      },
    ];
    const warning =
      '3 rows are not completed (column "State" says they were declined, reverted, failed, cancelled or still pending) and were left out: line 3 (DECLINED), line 5 (REVERTED), line 7 (PENDING). Only completed rows moved money.';
    for (const date of ['Date completed (UTC)', 'Date started (UTC)']) {
      const result = await parseDocumentInProcess({
        bytes,
        csvMapping: {
          date,
          description: 'Description',
          amount: 'Amount',
          balance: 'Balance',
          reference: 'Reference',
          dateFormat: 'YYYY-MM-DD',
        },
      });
      expect(rowsOf(result)).toEqual(expected);
      expect(result.checks.runningBalance).toBe('ok');
      expect(result.warnings).toEqual([warning]);
    }
  });

  test('a byte-order mark, the account in lines above the header, a description over two lines, ISO dates', async () => {
    const bytes = new TextEncoder().encode(
      '\uFEFF' +
        [
          'Account Name:,MRS C SAMPLE',
          'Account Number:,09-01-28 70451236',
          'Statement Period:,01/12/2024 to 31/12/2024',
          '',
          'Transaction Date,Transaction Description,Money Out,Money In,Balance',
          '2024-12-02,"CARD PAYMENT TO EXAMPLE CAFE",4.20,,95.80',
          '2024-12-04,"CHILD MAINTENANCE SERVICE\r\nREF 121234567890",287.50,,-191.70',
          '2024-12-06,"FASTER PAYMENT FROM J SAMPLE, BIRTHDAY",,500.00,308.30',
          '',
        ].join('\r\n'),
    );
    const result = await parseDocumentInProcess({
      bytes,
      csvMapping: {
        date: 'Transaction Date',
        description: 'Transaction Description',
        paidOut: 'Money Out',
        paidIn: 'Money In',
        balance: 'Balance',
        dateFormat: 'YYYY-MM-DD',
      },
    });
    expect(rowsOf(result)).toEqual([
      {
        date: '2024-12-02',
        description: 'CARD PAYMENT TO EXAMPLE CAFE',
        amount: '4.20',
        direction: 'out',
        balance: '95.80',
        source: { line: 6 },
      },
      {
        date: '2024-12-04',
        description: 'CHILD MAINTENANCE SERVICE REF 121234567890',
        amount: '287.50',
        direction: 'out',
        balance: '-191.70',
        source: { line: 7 },
      },
      {
        date: '2024-12-06',
        description: 'FASTER PAYMENT FROM J SAMPLE, BIRTHDAY',
        amount: '500.00',
        direction: 'in',
        balance: '308.30',
        source: { line: 9 },
      },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.metadata).toEqual({
      layout: 'custom_csv',
      accountHolder: 'MRS C SAMPLE',
      accountNumberMasked: '****1236',
      sortCodeMasked: '**-**-28',
      periodStart: '2024-12-01',
      periodEnd: '2024-12-31',
      // Computed: 95.80 + 4.20, the balance before the first row.
      openingBalance: '100.00',
      closingBalance: '308.30',
    });
  });

  test('semicolons, decimal commas and dates "02.12.2024": read exactly, with the warning that says so', async () => {
    const result = await parseDocumentInProcess({
      bytes: file([
        'Buchungsdatum;Verwendungszweck;Betrag;Saldo',
        '02.12.2024;CARD PAYMENT EXAMPLE CAFE;-4,20;95,80',
        '04.12.2024;CHILD MAINTENANCE SERVICE;-287,50;-191,70',
        '06.12.2024;TRANSFER FROM J SAMPLE;1.500,00;1.308,30',
      ]),
      csvMapping: { date: 'Buchungsdatum', description: 'Verwendungszweck', amount: 'Betrag', balance: 'Saldo', dateFormat: 'DD.MM.YYYY' },
    });
    expect(rowsOf(result)).toEqual([
      {
        date: '2024-12-02',
        description: 'CARD PAYMENT EXAMPLE CAFE',
        amount: '4.20',
        direction: 'out',
        balance: '95.80',
        source: { line: 2 },
      },
      {
        date: '2024-12-04',
        description: 'CHILD MAINTENANCE SERVICE',
        amount: '287.50',
        direction: 'out',
        balance: '-191.70',
        source: { line: 3 },
      },
      {
        date: '2024-12-06',
        description: 'TRANSFER FROM J SAMPLE',
        amount: '1500.00',
        direction: 'in',
        balance: '1308.30',
        source: { line: 4 },
      },
    ]);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^The amounts in this file are written with a decimal comma/);
  });
});

test('OFX 1.02 (SGML, no closing tags on values): dates with time zones are the bank’s own day, "+" is money in', async () => {
  const text = [
    'OFXHEADER:100',
    'DATA:OFXSGML',
    'VERSION:102',
    'SECURITY:NONE',
    'ENCODING:USASCII',
    'CHARSET:1252',
    'COMPRESSION:NONE',
    'OLDFILEUID:NONE',
    'NEWFILEUID:NONE',
    '',
    '<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20250105120000[0:GMT]<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>',
    '<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>GBP<BANKACCTFROM><BANKID>090128<ACCTID>70451236<ACCTTYPE>CHECKING</BANKACCTFROM>',
    '<BANKTRANLIST><DTSTART>20241201000000[0:GMT]<DTEND>20241231235959[0:GMT]',
    '<STMTTRN><TRNTYPE>POS<DTPOSTED>20241202093000[0:GMT]<TRNAMT>-4.20<FITID>T1<NAME>EXAMPLE CAFE</STMTTRN>',
    // 31 December 19:00 in New York is 1 January in London: the bank's date, 31 December, is the one it printed.
    '<STMTTRN><TRNTYPE>DIRECTDEBIT<DTPOSTED>20241231190000.000[-5:EST]<TRNAMT>-287.50<FITID>T2<NAME>CHILD MAINTENANCE SVC<MEMO>REF 121234567890</STMTTRN>',
    '<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20241231233000[+1:CET]<TRNAMT>+500.00<FITID>T3<NAME>J SAMPLE</STMTTRN>',
    '</BANKTRANLIST><LEDGERBAL><BALAMT>-191.70<DTASOF>20241231235959[0:GMT]</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
    '',
  ].join('\r\n');
  const result = await parseDocumentInProcess({ bytes: new TextEncoder().encode(text) });
  expect(rowsOf(result)).toEqual([
    { date: '2024-12-02', description: 'EXAMPLE CAFE', amount: '4.20', direction: 'out', reference: 'T1', source: { line: 1 } },
    {
      date: '2024-12-31',
      description: 'CHILD MAINTENANCE SVC REF 121234567890',
      amount: '287.50',
      direction: 'out',
      reference: 'T2',
      source: { line: 2 },
    },
    { date: '2024-12-31', description: 'J SAMPLE', amount: '500.00', direction: 'in', reference: 'T3', source: { line: 3 } },
  ]);
  expect(result.warnings).toEqual([]);
  expect(result.metadata).toEqual({
    layout: 'ofx_sgml',
    sortCodeMasked: '**-**-28',
    accountNumberMasked: '****1236',
    periodStart: '2024-12-01',
    periodEnd: '2024-12-31',
    closingBalance: '-191.70',
  });
});
