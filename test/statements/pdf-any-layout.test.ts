/**
 * The layout-independent table reader (issue 14 items 1 and 6): statements in layouts no bank registry
 * knows, drawn from ground truth (test/fixtures/pdf/any-layout/), parse to that truth exactly, field by
 * field: date, description, amount, direction, balance and the page and line each row is printed on.
 * Each layout names the traits it exercises; the cases below spell out the awkward ones.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import type { ParseResult } from '../../statements/types.ts';
import {
  ANY_LAYOUTS,
  BALANCE_LEFT,
  byName,
  HEADERLESS,
  NO_BALANCE,
  renderAnyLayout,
  type AnyLayout,
  type ExpectedRow,
} from '../fixtures/pdf/any-layout/generate.ts';

const rowsOf = (r: ParseResult) => r.transactions.map(({ fingerprint: _f, ...t }) => t);

/** The warnings each layout must give (none, unless the reading had to be decided by the running balance). */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  'unsigned-amounts-balance-decides': [
    'The amounts carry no sign; each was read as money in or out from the running balance printed with it.',
  ],
  'ambiguous-amount-columns-in-first': [
    'The running balance adds up only with the two amount columns the other way round from their headings (money out as money in); they were read that way. Check the columns.',
  ],
  'no-header-balance-before-in-out': [
    'The running balance adds up only with the two amount columns the other way round from their headings (money out as money in); they were read that way. Check the columns.',
  ],
  'newest-first-carried-forward': ['The statement lists the newest transactions first; they are given here oldest first.'],
  'card-previous-new-balance-lines': [
    'The running balance adds up only with balances not marked "CR" read as owed (negative); they were read that way.',
  ],
  'card-owed-cr-only': [
    'The statement lists the newest transactions first; they are given here oldest first.',
    'The running balance adds up only with balances not marked "CR" read as owed (negative); they were read that way.',
  ],
};

describe.each([...ANY_LAYOUTS, NO_BALANCE, ...HEADERLESS, BALANCE_LEFT].map((l) => [l.name, l] as const))(
  '%s',
  (_name, layout: AnyLayout) => {
    let expected: ExpectedRow[];
    let result: ParseResult;
    beforeAll(async () => {
      const drawn = await renderAnyLayout(layout);
      expected = drawn.expected;
      result = await parsePdf({ bytes: drawn.bytes });
    });

    test('every row, exact to the field and to its page and line', () => {
      expect(result.kind).toBe('bank_statement');
      expect(rowsOf(result)).toEqual(expected);
    });

    test('the running balance holds under the reading chosen; the warnings are the expected ones', () => {
      expect(result.checks.runningBalance).toBe(layout.noBalanceColumn ? 'not_available' : 'ok');
      expect(result.checks.firstBreak).toBeUndefined();
      expect(result.checks.totals).toBe(layout.summary || layout.openClose ? 'ok' : 'not_available');
      expect(result.warnings).toEqual(EXPECTED_WARNINGS[layout.name] ?? []);
    });

    test('drawn one word per text item: the same rows', async () => {
      const split = await parsePdf({ bytes: (await renderAnyLayout({ ...layout, splitWords: true })).bytes });
      expect(rowsOf(split)).toEqual(expected);
    });

    // Some generators draw each character as a text object of its own: the statement was refused ("No transaction
    // table was found"), its headings and dates read a letter at a time.
    test('drawn one glyph per text object: the same rows', async () => {
      const split = await parsePdf({ bytes: (await renderAnyLayout({ ...layout, splitGlyphs: true })).bytes });
      expect(rowsOf(split)).toEqual(expected);
    });
  },
);

describe('what the totals check says', () => {
  test('one printed figure agrees, several agree (the grammar a probe found wrong: "closing balance … agree")', async () => {
    const one = await parsePdf({ bytes: (await renderAnyLayout(byName('unsigned-amounts-balance-decides'))).bytes });
    expect(one.checks.totalsDetail).toBe('The printed closing balance £1,129.73 agrees with the 14 rows.');
    const three = await parsePdf({ bytes: (await renderAnyLayout(byName('posted-payee-withdrawals-deposits'))).bytes });
    expect(three.checks.totalsDetail).toBe(
      'The printed money in £3,804.99, money out £2,920.36, closing balance £1,129.73 agree with the 14 rows.',
    );
  });
});

describe('the traits, spelled out', () => {
  test('dates without a year take it from the period across the year end, and a page break mid-day keeps the day', async () => {
    const layout = byName('posted-payee-withdrawals-deposits');
    const { bytes, expected } = await renderAnyLayout(layout);
    const r = await parsePdf({ bytes });
    expect(r.transactions.map((t) => t.date)).toEqual([
      '2023-12-15',
      '2023-12-15',
      '2023-12-18',
      '2023-12-18',
      '2023-12-22',
      '2023-12-22',
      '2023-12-22',
      '2023-12-29',
      '2024-01-02',
      '2024-01-05',
      '2024-01-08',
      '2024-01-12',
      '2024-01-12',
      '2024-01-14',
    ]);
    // RENT (22 Dec) is the last row of page 1; the two coffees that day open page 2 with no date printed.
    expect(r.transactions.slice(4, 7).map((t) => [t.description, t.source])).toEqual([
      ['RENT SAMPLE LETTINGS', expected[4]!.source],
      ['CARD PAYMENT TO COSTA COFFEE', expected[5]!.source],
      ['CARD PAYMENT TO COSTA COFFEE', expected[6]!.source],
    ]);
    expect(expected[4]!.source.page).toBe(1);
    expect(expected[5]!.source.page).toBe(2);
    expect(r.metadata).toMatchObject({
      openingBalance: '245.10',
      closingBalance: '1129.73',
      totalPaidIn: '3804.99',
      totalPaidOut: '2920.36',
    });
    expect(r.checks.totals).toBe('ok');
  });

  test('a row whose amount and date come on its last line, wrapped over a page break, keeps its own date and first line', async () => {
    const layout = byName('money-in-first-od-amount-on-last-line');
    const { bytes, expected } = await renderAnyLayout(layout);
    const r = await parsePdf({ bytes });
    expect(rowsOf(r)).toEqual(expected);
    // Lines per page 7: the 3-line maintenance payment of 18 Dec starts on page 1 and ends on page 2.
    const cms = r.transactions.findIndex((t) => t.description === 'CHILD MAINTENANCE SERVICE REF 121000000042 DIRECT PAY');
    expect(r.transactions[cms]).toMatchObject({ date: '2023-12-18', amount: '287.50', direction: 'out', balance: '1687.75' });
    expect(r.transactions[cms]!.source!.page).toBe(1);
    // The overdrawn balance is printed "433.64 OD".
    expect(r.transactions.find((t) => t.date === '2024-01-02')!.balance).toBe('-433.64');
  });

  test('tight columns: an amount touching its description, and headings a word gap apart, are still told apart', async () => {
    const r = await parsePdf({ bytes: (await renderAnyLayout(byName('tight-columns-touching-amounts'))).bytes });
    expect(r.transactions.find((t) => t.date === '2024-01-02')).toMatchObject({
      description: 'CARD PAYMENT TO AMAZON MKTPLACE ON 31 DEC',
      amount: '1204.99',
      direction: 'out',
      balance: '-433.64',
    });
  });

  test('a sidebar of figures level with the rows, and an interest table under them, are not read into any row', async () => {
    const layout = byName('sidebar-with-figures-level-with-rows');
    const { bytes, expected } = await renderAnyLayout(layout);
    const r = await parsePdf({ bytes });
    expect(rowsOf(r)).toEqual(expected);
    const text = r.transactions.map((t) => t.description).join(' | ');
    for (const word of ['overdraft', 'Arranged', 'EAR', 'Switch', 'Save', 'Interest rates', '1,500.00', '0.25%'])
      expect(text).not.toContain(word);
    expect(r.transactions.map((t) => t.amount)).not.toContain('1.37');
  });

  test('a sidebar on the left with a date in it does not move any row to its date', async () => {
    const { bytes, expected } = await renderAnyLayout(byName('sidebar-left-repeated-headers'));
    const r = await parsePdf({ bytes });
    expect(r.transactions.map((t) => t.date)).toEqual(expected.map((e) => e.date));
    expect(r.transactions.map((t) => t.description)).not.toContain(expect.stringMatching(/Date|Description|Statement/));
  });
});
