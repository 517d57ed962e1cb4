/**
 * A third probe of statements in layouts no fixture had shown (./unseen/third-layouts.ts, drawn from the ground truth
 * of ./unseen/truth.ts and ./unseen/more-truth.ts, every name and number invented), and of CSV and OFX exports unlike
 * the fixtures'. Every row must come back exactly: date, description, amount, direction, balance where printed, and
 * the page and line it is printed on; the running balance must hold.
 *
 * What the probe found, each fixed for its class and asserted here (each assertion failed before the fix):
 * - dates printed as day and month in figures with no year ("02/12", the year only in the period) were no dates: every
 *   row of such a statement was left out ("the row … has no date"), 26 of 26 and 20 of 20;
 * - a CSV whose header names no description column ("amount,balance,date,counterparty,reference") was refused with a
 *   csvMapping to start from that named the balance column as the description: followed, it gave every row the
 *   balance as its description ("370.19");
 * - a statement whose only year is in a period of whole months ("Statement for December 2024 to January 2025"), its
 *   rows dated "Mon 2 Dec", was refused outright: "its statement period could not be found".
 *
 * The other layouts here read right the first time; they are kept so that they go on doing so.
 */
import { describe, expect, test } from 'vitest';
import { parseDocumentInProcess, type CsvMapping } from '../../statements/index.ts';
import { parsePdf } from '../../statements/pdf/index.ts';
import { findMonthPeriod, parseDateToken, splitLeadingDate } from '../../statements/pdf/tokens.ts';
import type { ParseResult } from '../../statements/types.ts';
import { renderUnseen, grouped, type Layout } from './unseen/pdf.ts';
import {
  BALANCE_FIRST,
  CR_ONLY_WITH_BALANCE,
  DAY_MONTH_FIGURES,
  DAY_MONTH_ONCE_A_DAY_CARRY,
  DESCRIPTION_THEN_DATE,
  PASSBOOK_DESCRIPTION_LAST,
  POUNDS_LAST_LINE_CARRY,
  WEEKDAY_MONTHS_PERIOD,
  WEEKDAY_POUNDS_CRDR,
} from './unseen/third-layouts.ts';
import { JOINT } from './unseen/more-truth.ts';
import { CURRENT, runningBalances, totals, type Account } from './unseen/truth.ts';

const rowsOf = (r: ParseResult) => r.transactions.map(({ fingerprint: _f, ...t }) => t);

/** Each layout and whether it prints figures (a summary box) the totals check can use. */
const CASES: readonly (readonly [Layout, 'ok' | 'not_available'])[] = [
  [DAY_MONTH_FIGURES, 'ok'],
  [DAY_MONTH_ONCE_A_DAY_CARRY, 'ok'],
  [BALANCE_FIRST, 'ok'],
  [WEEKDAY_POUNDS_CRDR, 'not_available'],
  [WEEKDAY_MONTHS_PERIOD, 'not_available'],
  [PASSBOOK_DESCRIPTION_LAST, 'not_available'],
  [POUNDS_LAST_LINE_CARRY, 'not_available'],
  [DESCRIPTION_THEN_DATE, 'not_available'],
  [CR_ONLY_WITH_BALANCE, 'not_available'],
];

describe.each(CASES.flatMap(([l, t]) => [CURRENT, JOINT].map((a) => [l.name, a.name, l, t, a] as const)))(
  '%s, %s',
  (_name, _account, layout: Layout, totalsCheck, account: Account) => {
    test('every row exact, to its page and line; the balance chain holds; no warning', async () => {
      const drawn = await renderUnseen(layout, [account]);
      const result = await parsePdf({ bytes: drawn.bytes });
      expect(result.kind).toBe('bank_statement');
      expect(rowsOf(result)).toEqual(drawn.expected[0]);
      expect(result.checks.runningBalance).toBe('ok');
      expect(result.checks.totals).toBe(totalsCheck);
      expect(result.warnings).toEqual([]);
    });
  },
);

describe('dates "02/12": day and month in figures, the year from the period', () => {
  test('over a year end, each row takes the year that puts it in the period; the summary agrees', async () => {
    const drawn = await renderUnseen(DAY_MONTH_FIGURES, [CURRENT]);
    const result = await parsePdf({ bytes: drawn.bytes });
    // 1 December 2024 to 31 January 2025: "30/12" is 2024, "02/01" is 2025.
    expect(result.transactions.map((t) => t.date).filter((d) => d >= '2024-12-30' && d <= '2025-01-02')).toEqual([
      '2024-12-30',
      '2025-01-02',
    ]);
    // unseen-layouts.test.ts works the figures: money in 5,233.94, out 3,652.89, closing 412.37 + 5,233.94 − 3,652.89.
    expect(result.metadata).toMatchObject({
      periodStart: '2024-12-01',
      periodEnd: '2025-01-31',
      openingBalance: '412.37',
      closingBalance: '1993.42',
      totalPaidIn: '5233.94',
      totalPaidOut: '3652.89',
    });
  });

  test('the cell forms: two digits each and a slash; a page "1/2", an amount "10.11" and no such day stay no date', () => {
    expect(parseDateToken('02/12')).toEqual({ day: 2, month: 12 });
    expect(parseDateToken('Mon 02/12')).toEqual({ day: 2, month: 12 });
    expect(parseDateToken('29/02')).toEqual({ day: 29, month: 2 });
    // Drawn as one text with its description.
    expect(splitLeadingDate('02/12 CARD PAYMENT TO ARGOS LTD')).toEqual({ date: { day: 2, month: 12 }, rest: 'CARD PAYMENT TO ARGOS LTD' });
    for (const text of ['1/2', '10.11', '31/11', '12/24', '00/12', '02/13', '02-12']) expect(parseDateToken(text)).toBeUndefined();
  });
});

describe('a period in whole months, the only year on the statement', () => {
  test('"Statement for December 2024 to January 2025": the period is the months, each row its year', async () => {
    const drawn = await renderUnseen(WEEKDAY_MONTHS_PERIOD, [CURRENT]);
    const result = await parsePdf({ bytes: drawn.bytes });
    expect(rowsOf(result)).toEqual(drawn.expected[0]);
    // 1 December 2024 (the first day of the first month) to 31 January 2025 (the last day of the last).
    expect(result.metadata).toMatchObject({ periodStart: '2024-12-01', periodEnd: '2025-01-31' });
  });

  test('the forms read, and months in running text that are no period', () => {
    const period = (start: string, end: string) => ({ start, end });
    expect(findMonthPeriod('Statement for December 2024 to January 2025')).toEqual(period('2024-12-01', '2025-01-31'));
    expect(findMonthPeriod('Statement period: Dec 2024 - Feb 2025')).toEqual(period('2024-12-01', '2025-02-28'));
    expect(findMonthPeriod('Your statement: December to January 2025')).toEqual(period('2024-12-01', '2025-01-31'));
    expect(findMonthPeriod('November 2023 – February 2024')).toEqual(period('2023-11-01', '2024-02-29'));
    expect(findMonthPeriod('Your statement for March 2024')).toEqual(period('2024-03-01', '2024-03-31'));
    for (const text of [
      'Interest rates change from April to June 2025',
      'Statement 2',
      'Statements are sent in March 2024 and every month after',
      'May 2025',
    ])
      expect(findMonthPeriod(text), text).toBeUndefined();
  });

  test('a period with days printed too wins over one in months', async () => {
    const both: Layout = {
      ...WEEKDAY_MONTHS_PERIOD,
      firstPage: (a) => {
        const base = WEEKDAY_MONTHS_PERIOD.firstPage(a);
        return {
          items: [...base.items, { text: 'Period 2 December 2024 to 29 January 2025', x: 40, y: 122, w: 400, size: 9 }],
          top: base.top,
        };
      },
    };
    const drawn = await renderUnseen(both, [CURRENT]);
    const result = await parsePdf({ bytes: drawn.bytes });
    expect(rowsOf(result)).toEqual(drawn.expected[0]);
    expect(result.metadata).toMatchObject({ periodStart: '2024-12-02', periodEnd: '2025-01-29' });
  });
});

// ------------------------------------------------------------------------------------------ CSV and OFX

const encode = (lines: readonly string[], bom = false) => new TextEncoder().encode(`${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`);
const ymd = (d: string) => d.split('-') as [string, string, string];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const signed = (r: Account['rows'][number]) => `${r.direction === 'out' ? '-' : ''}${r.amount}`;

/** The CURRENT account's rows as every export must give them (no page: a CSV row's place is its line). */
function expectedRows(a: Account, opts: { balance: boolean; firstLine: number; reference?: (i: number) => string }) {
  const after = runningBalances(a);
  return a.rows.map((r, i) => ({
    date: r.date,
    description: r.lines.join(' '),
    amount: r.amount,
    direction: r.direction,
    ...(opts.balance ? { balance: after[i] } : {}),
    ...(opts.reference ? { reference: opts.reference(i) } : {}),
    source: { line: opts.firstLine + i },
  }));
}

/** The refusal's csvMapping "to start from", as a user would copy it. */
async function suggested(bytes: Uint8Array): Promise<CsvMapping> {
  const error = await parseDocumentInProcess({ bytes }).then(
    () => undefined,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error?.code).toBe('unsupported');
  const m = /for example (\{.*?\}):/.exec(error!.message);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!) as CsvMapping;
}

describe('CSV exports in layouts Reckoner does not know: refused with a csvMapping that, followed, reads every row', () => {
  const a = CURRENT;
  const after = runningBalances(a);

  test('no heading names the description ("amount,balance,date,counterparty,reference"): the column of words is named', async () => {
    const bytes = encode([
      'amount,balance,date,counterparty,reference',
      ...a.rows.map((r, i) => [signed(r), after[i], r.date, quote(r.lines.join(' ')), `REF${i + 1}`].join(',')),
    ]);
    const mapping = await suggested(bytes);
    expect(mapping).toEqual({ date: 'date', description: 'counterparty', amount: 'amount', balance: 'balance', dateFormat: 'YYYY-MM-DD' });
    const result = await parseDocumentInProcess({ bytes, csvMapping: mapping });
    expect(rowsOf(result)).toEqual(expectedRows(a, { balance: true, firstLine: 2 }));
    expect(result.checks.runningBalance).toBe('ok');
  });

  test('no header at all, the description after the figures: the column of words is named by position', async () => {
    const bytes = encode(a.rows.map((r, i) => [r.date, signed(r), after[i], quote(r.lines.join(' '))].join(',')));
    const mapping = await suggested(bytes);
    // Field 3, not field 1 (the amount) nor field 2 (the balance).
    expect(mapping).toEqual({ date: 0, description: 3, amount: 1, dateFormat: 'YYYY-MM-DD' });
    const result = await parseDocumentInProcess({ bytes, csvMapping: mapping });
    expect(rowsOf(result)).toEqual(expectedRows(a, { balance: false, firstLine: 1 }));
  });

  test('semicolons, dates "02/12/24", Money out / Money in: read exactly through the mapping offered', async () => {
    const dmyy = (d: string) => `${ymd(d)[2]}/${ymd(d)[1]}/${ymd(d)[0].slice(2)}`;
    const bytes = encode([
      'Date;Description;Money out;Money in;Balance',
      ...a.rows.map((r, i) =>
        [dmyy(r.date), r.lines.join(' '), r.direction === 'out' ? r.amount : '', r.direction === 'in' ? r.amount : '', after[i]].join(';'),
      ),
    ]);
    const mapping = await suggested(bytes);
    expect(mapping).toEqual({
      date: 'Date',
      description: 'Description',
      paidOut: 'Money out',
      paidIn: 'Money in',
      balance: 'Balance',
      dateFormat: 'DD/MM/YY',
    });
    const result = await parseDocumentInProcess({ bytes, csvMapping: mapping });
    expect(rowsOf(result)).toEqual(expectedRows(a, { balance: true, firstLine: 2 }));
    expect(result.warnings).toEqual([]);
  });

  test('a byte-order mark and every header quoted, the columns in another order (the balance first, the date last)', async () => {
    const dmy = (d: string) => `${ymd(d)[2]}/${ymd(d)[1]}/${ymd(d)[0]}`;
    const bytes = encode(
      [
        '"Balance","Paid In","Paid Out","Transaction Description","Transaction Date"',
        ...a.rows.map((r, i) =>
          [after[i]!, r.direction === 'in' ? r.amount : '', r.direction === 'out' ? r.amount : '', r.lines.join(' '), dmy(r.date)]
            .map(quote)
            .join(','),
        ),
      ],
      true,
    );
    const result = await parseDocumentInProcess({ bytes, csvMapping: await suggested(bytes) });
    expect(rowsOf(result)).toEqual(expectedRows(a, { balance: true, firstLine: 2 }));
    expect(result.checks.runningBalance).toBe('ok');
  });

  test('"£1,099.00" in every money cell, a Type column of DR / CR, tab-separated, dates "02-Dec-24"', async () => {
    const dMonYY = (d: string) => `${ymd(d)[2]}-${MONTHS[Number(ymd(d)[1]) - 1]}-${ymd(d)[0].slice(2)}`;
    const pounds = (x: string) => `${x.startsWith('-') ? '-' : ''}£${grouped(x)}`;
    const bytes = encode([
      'Posted\tNarrative\tValue\tType\tRunning Balance',
      ...a.rows.map((r, i) =>
        [dMonYY(r.date), r.lines.join(' '), pounds(r.amount), r.direction === 'out' ? 'DR' : 'CR', pounds(after[i]!)].join('\t'),
      ),
    ]);
    const mapping = await suggested(bytes);
    expect(mapping).toEqual({
      date: 'Posted',
      description: 'Narrative',
      amount: 'Value',
      direction: 'Type',
      balance: 'Running Balance',
      dateFormat: 'DD-MMM-YY',
    });
    const result = await parseDocumentInProcess({ bytes, csvMapping: mapping });
    expect(rowsOf(result)).toEqual(expectedRows(a, { balance: true, firstLine: 2 }));
    expect(result.checks.runningBalance).toBe('ok');
  });
});

test('OFX 1.02 in SGML a tag a line, no closing tags, amounts without a leading nought or trailing pence ("-.5", "-725", "+96"): every row', async () => {
  const a = CURRENT;
  // "-0.50" as "-.5", "-725.00" as "-725", "96.00" as "+96": the figures OFX allows, the same money.
  const terse = (s: string) =>
    s
      .replace(/^(-?)0\./, '$1.')
      .replace(/\.(\d)0$/, '.$1')
      .replace(/\.0?$/, '')
      .replace(/^(?=\d|\.)/, '+');
  const lines = [
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
    '<OFX>',
    '<BANKMSGSRSV1>',
    '<STMTTRNRS>',
    '<TRNUID>1',
    '<STMTRS>',
    '<CURDEF>GBP',
    '<BANKACCTFROM>',
    '<BANKID>040075',
    '<ACCTID>31926819',
    '<ACCTTYPE>CHECKING',
    '</BANKACCTFROM>',
    '<BANKTRANLIST>',
    '<DTSTART>20241201',
    '<DTEND>20250131',
    ...a.rows.flatMap((r, i) => [
      '<STMTTRN>',
      `<TRNTYPE>${r.direction === 'out' ? 'DEBIT' : 'CREDIT'}`,
      `<DTPOSTED>${r.date.replace(/-/g, '')}`,
      `<TRNAMT>${terse(signed(r))}`,
      `<FITID>F${i + 1}`,
      `<NAME>${r.lines[0]}`,
      ...(r.lines.length > 1 ? [`<MEMO>${r.lines.slice(1).join(' ')}`] : []),
      '</STMTTRN>',
    ]),
    '</BANKTRANLIST>',
    '<LEDGERBAL>',
    `<BALAMT>${terse(totals(a).closing)}`,
    '<DTASOF>20250131',
    '</LEDGERBAL>',
    '</STMTRS>',
    '</STMTTRNRS>',
    '</BANKMSGSRSV1>',
    '</OFX>',
  ];
  expect(lines).toContain('<TRNAMT>-725');
  const result = await parseDocumentInProcess({ bytes: encode(lines) });
  expect(result.transactions.map(({ date, description, amount, direction }) => ({ date, description, amount, direction }))).toEqual(
    a.rows.map((r) => ({ date: r.date, description: r.lines.join(' '), amount: r.amount, direction: r.direction })),
  );
  expect(result.warnings).toEqual([]);
  // Computed in unseen-layouts.test.ts: 412.37 + 5,233.94 − 3,652.89.
  expect(result.metadata.closingBalance).toBe('1993.42');
});
