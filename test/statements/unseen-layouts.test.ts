/**
 * Statements in layouts unlike every other fixture (a probe of unseen layouts), drawn from ground truth by
 * ./unseen/pdf.ts: page headers and footers on every page, summary boxes, address blocks with a second column beside
 * them, landscape pages, dates without a year over a year end, wrapped descriptions, "£" and "CR"/"DR" on amounts,
 * "OD" balances, a Type column saying Debit or Credit, and a second account on a page of its own. Every row must come
 * back exactly: date, description, amount, direction, balance, and the page and line it is printed on.
 *
 * What the probe found, each fixed for its whole class and asserted here (each assertion failed before the fix):
 * - a "Closing balance 1,993.42" line under the table, the figure run into the words, was read as more of the last
 *   row's description, and the closing balance went unchecked;
 * - a Type column saying only "Debit" or "Credit" beside an unsigned amount was read as the start of each description,
 *   and the first row, with no balance above it to decide, was read the wrong way;
 * - a statement naming a bank Reckoner knows, in a layout the bank's hint does not fit (amounts on a row's first line
 *   where the hint says last), had 19 of 26 descriptions joined to the wrong row, with no warning;
 * - a period printed "01-Dec-24 to 31-Jan-25" was not read (the period was taken from the first and last rows);
 * - the account holder was read with the text beside the address ("MS A N EXAMPLE Your branch");
 * - a second account's table starting on a page of its own was read as the first account's rows, its own among them.
 */
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import { parseDocumentInProcess } from '../../statements/index.ts';
import type { ParseResult, StatementMetadata } from '../../statements/types.ts';
import {
  CMS_CHARGED_PAID_YOU_OWE,
  CMS_SIGNED_LANDSCAPE,
  COURIER_CRDR,
  DAY_MONTH_END_OF_DAY,
  DOTTED_DEBIT_CREDIT,
  LANDSCAPE_SIGNED,
  MONEY_OUT_IN_POUNDS_CRDR,
  PAID_IN_FIRST_OD,
  SINGLE_ACCOUNT,
  TYPE_COLUMN,
} from './unseen/layouts.ts';
import { cmsEntriesOf, renderUnseen, type Layout } from './unseen/pdf.ts';
import { COLLECT_AND_PAY, CURRENT, SAVINGS } from './unseen/truth.ts';

const rowsOf = (r: ParseResult) => r.transactions.map(({ fingerprint: _f, ...t }) => t);

// The current account's figures (unseen/truth.ts), computed: money in 310.25 + 96.00 + 50.00 + 1,684.22 + 310.25 +
// 1,099.00 + 1,684.22 = 5,233.94; money out 3,652.89; closing 412.37 + 5,233.94 − 3,652.89 = 1,993.42.
const PERIOD = { periodStart: '2024-12-01', periodEnd: '2025-01-31' } as const;
const BALANCES = { openingBalance: '412.37', closingBalance: '1993.42' } as const;
const TOTALS = { totalPaidIn: '5233.94', totalPaidOut: '3652.89' } as const;
const HOLDER = { accountHolder: 'MS A N EXAMPLE' } as const;
const NUMBER = { accountNumberMasked: '****6819' } as const;

/** The metadata each layout must give: what it prints, and nothing it does not. */
const METADATA: Record<string, StatementMetadata> = {
  [PAID_IN_FIRST_OD.name]: {
    layout: 'generic_pdf',
    ...HOLDER,
    ...NUMBER,
    sortCodeMasked: '**-**-75',
    ...PERIOD,
    ...BALANCES,
    ...TOTALS,
    pages: 2,
  },
  [MONEY_OUT_IN_POUNDS_CRDR.name]: { layout: 'generic_pdf', ...HOLDER, ...NUMBER, ...PERIOD, ...BALANCES, pages: 2 },
  [LANDSCAPE_SIGNED.name]: { layout: 'generic_pdf', ...NUMBER, ...PERIOD, ...BALANCES, ...TOTALS, pages: 2 },
  [DAY_MONTH_END_OF_DAY.name]: { layout: 'generic_pdf', ...HOLDER, ...PERIOD, ...BALANCES, pages: 2 },
  // "Period 01-Dec-24 to 31-Jan-25": the period as printed, not the first and last rows' dates.
  [COURIER_CRDR.name]: { layout: 'generic_pdf', ...HOLDER, ...NUMBER, sortCodeMasked: '**-**-75', ...PERIOD, ...BALANCES, pages: 1 },
  [TYPE_COLUMN.name]: { layout: 'generic_pdf', ...HOLDER, ...PERIOD, pages: 1 },
  [DOTTED_DEBIT_CREDIT.name]: { layout: 'generic_pdf', ...NUMBER, ...PERIOD, ...BALANCES, ...TOTALS, pages: 2 },
};

describe.each(SINGLE_ACCOUNT.map((l) => [l.name, l] as const))('%s', (_name, layout: Layout) => {
  test('every row exact, to its page and line; the balance chain holds; no warning; the metadata as printed', async () => {
    const drawn = await renderUnseen(layout, [CURRENT]);
    const result = await parsePdf({ bytes: drawn.bytes });
    expect(result.kind).toBe('bank_statement');
    expect(rowsOf(result)).toEqual(drawn.expected[0]);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.checks.totals).toBe(layout === TYPE_COLUMN ? 'not_available' : 'ok');
    expect(result.warnings).toEqual([]);
    expect(result.metadata).toEqual(METADATA[layout.name]);
  });
});

test('a statement naming a bank whose layout hint says the amounts are on a row’s last line, printing them on its first: the rows are read by what is printed', async () => {
  // The Co-operative Bank's hint is `last`; this statement prints each row's amounts on its first line.
  const named: Layout = {
    ...TYPE_COLUMN,
    everyPage: (page, pages, a) => [
      ...TYPE_COLUMN.everyPage(page, pages, a).filter((f) => !/Bank$/.test(f.text)),
      { text: 'The Co-operative Bank p.l.c.', x: 40, y: 30, w: 250, bold: true, size: 11 },
    ],
  };
  const drawn = await renderUnseen(named, [CURRENT]);
  const result = await parsePdf({ bytes: drawn.bytes });
  expect(result.metadata.layout).toBe('coop_pdf_v1');
  expect(rowsOf(result)).toEqual(drawn.expected[0]);
  expect(result.warnings).toEqual([]);
});

describe('a second account on a page of its own', () => {
  /** The warning that names the savings account's table: where its header is, its first balance, the rows left out. */
  const leftOut = (result: ParseResult) => result.warnings.filter((w) => w.includes('it is the table of another account'));

  test.each(
    [PAID_IN_FIRST_OD, MONEY_OUT_IN_POUNDS_CRDR, LANDSCAPE_SIGNED, DAY_MONTH_END_OF_DAY, COURIER_CRDR, DOTTED_DEBIT_CREDIT].map(
      (l) => [l.name, l] as const,
    ),
  )('%s: the first account alone, exact; the other account’s table named, its four rows left out', async (_name, layout) => {
    const drawn = await renderUnseen(layout, [CURRENT, SAVINGS]);
    const result = await parsePdf({ bytes: drawn.bytes });
    expect(rowsOf(result)).toEqual(drawn.expected[0]);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.checks.totals).toBe('ok');
    const warned = leftOut(result);
    expect(warned).toHaveLength(1);
    expect(result.warnings).toEqual(warned);
    // The savings rows, by their places, are the ones said to be left out.
    const places = drawn.expected[1]!.map((r) => `page ${r.source.page} line ${r.source.line}`);
    expect(warned[0]).toContain(`the 4 rows under it (${places.join(', ')})`);
    expect(warned[0]).toContain('at the top of the page');
  });

  test('where the new page names no account and prints no summary, the chain’s break is named rather than read silently', async () => {
    // Nothing on the savings page tells it from the current account's going on but its balance: the rows are all
    // given, and the break says where to look.
    const drawn = await renderUnseen(TYPE_COLUMN, [CURRENT, SAVINGS]);
    const result = await parsePdf({ bytes: drawn.bytes });
    expect(rowsOf(result)).toEqual([...drawn.expected[0]!, ...drawn.expected[1]!]);
    expect(result.checks.runningBalance).toBe('failed');
    expect(result.warnings[0]).toMatch(/^The running balance breaks at page 2, line \d+ \(2024-12-30\)/);
  });

  test('a second month of the same account on a page of its own (its opening the closing before) is read on', async () => {
    // The same account again from 1 February, headed and summarised like the first: no other account.
    const february = {
      ...CURRENT,
      periodStart: '2025-02-01',
      periodEnd: '2025-02-28',
      openingBalance: '1993.42',
      rows: [
        { date: '2025-02-03', lines: ['CHILD MAINTENANCE SERVICE', 'CMS REF 123456789012'], amount: '310.25', direction: 'in' as const },
        { date: '2025-02-05', lines: ['STANDING ORDER TO LANDLORD SAMPLE'], amount: '725.00', direction: 'out' as const },
      ],
    };
    const drawn = await renderUnseen(PAID_IN_FIRST_OD, [CURRENT, february]);
    const result = await parsePdf({ bytes: drawn.bytes });
    expect(rowsOf(result)).toEqual([...drawn.expected[0]!, ...drawn.expected[1]!]);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings.filter((w) => w.includes('another account'))).toEqual([]);
  });
});

describe('CMS statements', () => {
  test('Collect and Pay: Charged / Paid, dates without a year over a year end, Balance brought forward / Balance you owe', async () => {
    const drawn = await renderUnseen(CMS_CHARGED_PAID_YOU_OWE, [COLLECT_AND_PAY]);
    const result = await parsePdf({ bytes: drawn.bytes });
    expect(result.kind).toBe('cms_statement');
    expect(result.cmsEntries.map(({ fingerprint: _f, ...e }) => e)).toEqual(cmsEntriesOf(drawn.expected[0]!, COLLECT_AND_PAY));
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.checks.totals).toBe('ok');
    expect(result.warnings).toEqual([]);
    expect(result.metadata).toEqual({
      issuer: 'Child Maintenance Service',
      layout: 'cms_statement_pdf_v1',
      // Its own cell: not "MR E X PAYER Case number 1212 3456 7890".
      accountHolder: 'MR E X PAYER',
      caseReference: '121234567890',
      periodStart: '2024-12-01',
      periodEnd: '2025-02-28',
      openingBalance: '640.00',
      // Computed: 640.00 + charged (4 × 296.00 + 4 × 59.20 + 50.00 = 1,470.80) − paid (855.20 + the adjustment 48.00).
      closingBalance: '1207.60',
      // Computed: payments 355.20 + 200.00 + 100.00 + 200.00.
      totalPaidIn: '855.20',
      pages: 2,
    });
  });

  test('one signed Amount column, landscape, notices beside the table: every entry; the first, with no balance above it, warned', async () => {
    const drawn = await renderUnseen(CMS_SIGNED_LANDSCAPE, [COLLECT_AND_PAY]);
    const result = await parsePdf({ bytes: drawn.bytes });
    expect(result.kind).toBe('cms_statement');
    expect(result.cmsEntries.map(({ fingerprint: _f, ...e }) => e)).toEqual(cmsEntriesOf(drawn.expected[0]!, COLLECT_AND_PAY));
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings).toEqual([
      'Page 1: the amount £296.00 on the line "2 Dec 2024 Child maintenance due £296.00 £936.00 How to pay" has no sign and no running balance to show which way it goes; it was read as charged. Check this line.',
    ]);
  });
});

describe('Monzo’s first CSV export (2016–2018)', () => {
  const file = (created: (date: string) => string) =>
    new TextEncoder().encode(
      [
        'id,created,amount,currency,local_amount,local_currency,category,emoji,description,address,notes,receipt',
        `tx_0001,${created('2017-06-01')},400,GBP,400,GBP,mondo,,,,Top up from J SAMPLE,`,
        `tx_0002,${created('2017-06-02')},-13.3,GBP,-13.3,GBP,eating_out,,PRET A MANGER LONDON GBR,"1 Sample Street, London",,`,
        `tx_0003,${created('2017-06-05')},-287.5,GBP,-287.5,GBP,bills,,CHILD MAINTENANCE SERVICE,,"June, case 1212 3456 7890",`,
        '',
      ].join('\n'),
    );
  const expected = [
    { date: '2017-06-01', description: 'Top up from J SAMPLE', amount: '400.00', direction: 'in', reference: 'tx_0001' },
    { date: '2017-06-02', description: 'PRET A MANGER LONDON GBR', amount: '13.30', direction: 'out', reference: 'tx_0002' },
    { date: '2017-06-05', description: 'CHILD MAINTENANCE SERVICE', amount: '287.50', direction: 'out', reference: 'tx_0003' },
  ];
  test.each([
    ['"2017-06-01 12:34:56 +0000"', (d: string) => `${d} 12:34:56 +0000`],
    ['"2017-06-01 12:34:56 +0000 UTC"', (d: string) => `${d} 12:34:56 +0000 UTC`],
    ['"2017-06-01T12:34:56.193Z"', (d: string) => `${d}T12:34:56.193Z`],
  ])('timestamps written %s: every row', async (_written, created) => {
    const result = await parseDocumentInProcess({ bytes: file(created) });
    expect(result.metadata.layout).toBe('monzo_legacy_csv');
    expect(result.transactions.map(({ fingerprint: _f, source: _s, ...t }) => t)).toEqual(expected);
    expect(result.warnings).toEqual([]);
  });
});
