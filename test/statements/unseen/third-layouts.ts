/**
 * The third round of unseen layouts: each unlike those of ./layouts.ts, ./more-layouts.ts and the any-layout fixtures.
 * Each names what it exercises.
 * @module
 */
import type { Furniture, Layout } from './pdf.ts';
import { addressLines, summaryLines } from './furniture.ts';
import type { Account } from './truth.ts';

/** The customer's name and address on the left. */
const address = (a: Account, top: number, x = 45): Furniture[] => addressLines(a, ['3 INVENTED LANE', 'SAMPLEBURY', 'ZZ4 4ZZ'], top, x);

/** The period in words, from the account. */
const periodWords = (a: Account) => {
  const long = (d: string) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${long(a.periodStart)} to ${long(a.periodEnd)}`;
};

/** The bank's name at the top left of every page, "Page n of m" at the right (its box from `pageX`). */
const bankHeader =
  (bank: string, pageX = 450) =>
  (page: number, pages: number): Furniture[] => [
    { text: bank, x: 40, y: 28, w: 250, bold: true, size: 12 },
    { text: `Page ${page} of ${pages}`, x: pageX, y: 28, w: 100, align: 'right', size: 8 },
  ];

/** The first page: the address and the period; the table from 135. */
const addressAndPeriod = (a: Account) => ({
  items: [...address(a, 55, 40), { text: `Statement period ${periodWords(a)}`, x: 40, y: 110, w: 400, size: 9 }],
  top: 135,
});

/** The first page: the address, the period and the summary box; the table from 185. */
const addressPeriodAndSummary = (a: Account) => ({
  items: [
    ...address(a, 55, 40),
    { text: `Statement period ${periodWords(a)}`, x: 40, y: 110, w: 400, size: 9 },
    ...summaryLines(a, 125, ['Opening balance', 'Money in', 'Money out', 'Closing balance'], 40),
  ],
  top: 185,
});

/** The balance in the first column, left of the date: Balance / Date / Description / Paid out / Paid in. */
export const BALANCE_FIRST: Layout = {
  name: 'balance-first-column',
  about: 'the balance as the first column, before the date; Paid out / Paid in after the description',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'balance', label: 'Balance', x: 40, w: 70, align: 'right' },
    { key: 'date', label: 'Date', x: 125, w: 60, align: 'left' },
    { key: 'desc', label: 'Description', x: 190, w: 210, align: 'left' },
    { key: 'out', label: 'Paid out', x: 400, w: 70, align: 'right' },
    { key: 'in', label: 'Paid in', x: 475, w: 70, align: 'right' },
  ],
  date: 'dMonYYYY',
  amounts: 'split',
  balances: 'signed',
  everyPage: bankHeader('Example Heritage Bank', 445),
  firstPage: (a) => ({
    items: [
      ...address(a, 55, 40),
      { text: `Account ${a.number}  Sort code ${a.sortCode}`, x: 300, y: 55, w: 245, align: 'right', size: 9 },
      { text: `Statement period ${periodWords(a)}`, x: 40, y: 110, w: 400, size: 9 },
      ...summaryLines(a, 125, ['Opening balance', 'Money in', 'Money out', 'Closing balance'], 40),
    ],
    top: 185,
  }),
  nextTop: 55,
  bottom: 480,
};

/**
 * Dates "Mon 2 Dec" (a weekday, no year) under a period over the year end, one Amount column "£1,234.56 DR" / "CR"
 * with "£" in every cell, the balance likewise.
 */
export const WEEKDAY_POUNDS_CRDR: Layout = {
  name: 'weekday-dates-pounds-crdr-amount',
  about: 'dates "Mon 2 Dec" without a year, one Amount column "£42.18 DR" / "£310.25 CR", balances "£1,234.56 CR"',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 60, align: 'left' },
    { key: 'desc', label: 'Description', x: 105, w: 250, align: 'left' },
    { key: 'amount', label: 'Amount', x: 355, w: 90, align: 'right' },
    { key: 'balance', label: 'Balance', x: 450, w: 95, align: 'right' },
  ],
  date: 'weekday',
  amounts: 'pounds-crdr',
  balances: 'pounds-crdr',
  everyPage: bankHeader('Sample Weekday Bank', 445),
  firstPage: (a) => ({
    items: [
      ...address(a, 55, 40),
      { text: `Account number ${a.number}`, x: 300, y: 55, w: 245, align: 'right', size: 9 },
      { text: `Your statement: ${periodWords(a)}`, x: 40, y: 110, w: 400, bold: true, size: 9 },
    ],
    top: 135,
  }),
  nextTop: 55,
  bottom: 520,
};

/**
 * A building society passbook printed as a statement: Date / Withdrawals / Deposits / Balance / Particulars, the
 * description last, Courier, dates "02-Dec-24".
 */
export const PASSBOOK_DESCRIPTION_LAST: Layout = {
  name: 'passbook-description-last',
  about: 'a passbook: Date / Withdrawals / Deposits / Balance / Particulars, the description last, Courier',
  font: 'Courier',
  size: 8,
  lineHeight: 11,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 55, align: 'left' },
    { key: 'out', label: 'Withdrawals', x: 100, w: 75, align: 'right' },
    { key: 'in', label: 'Deposits', x: 180, w: 75, align: 'right' },
    { key: 'balance', label: 'Balance', x: 260, w: 80, align: 'right' },
    { key: 'desc', label: 'Particulars', x: 355, w: 200, align: 'left' },
  ],
  date: 'dashed',
  amounts: 'split',
  balances: 'signed',
  everyPage: (page) => [
    { text: 'EXAMPLE TOWN BUILDING SOCIETY', x: 40, y: 30, w: 300, bold: true, size: 10 },
    { text: `Sheet ${page}`, x: 445, y: 30, w: 100, align: 'right', size: 8 },
  ],
  firstPage: (a) => ({
    items: [
      { text: `${a.name}   Account ${a.number}`, x: 40, y: 55, w: 500, size: 8 },
      { text: `Statement ${periodWords(a)}`, x: 40, y: 67, w: 400, size: 8 },
    ],
    top: 95,
  }),
  nextTop: 55,
  bottom: 560,
  openLine: 'BALANCE FORWARD',
};

/** Dates "02/12" (day and month in figures, no year) under a period over the year end; Debit / Credit / Balance. */
export const DAY_MONTH_FIGURES: Layout = {
  name: 'day-month-figures-no-year',
  about: 'dates "02/12" without a year over a year end, Debit / Credit / Balance',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 40, align: 'left' },
    { key: 'desc', label: 'Transaction', x: 85, w: 240, align: 'left' },
    { key: 'out', label: 'Debit', x: 330, w: 70, align: 'right' },
    { key: 'in', label: 'Credit', x: 405, w: 70, align: 'right' },
    { key: 'balance', label: 'Balance', x: 480, w: 70, align: 'right' },
  ],
  date: 'dayMonth',
  amounts: 'split',
  balances: 'signed',
  everyPage: bankHeader('Example Numeric Bank'),
  firstPage: addressPeriodAndSummary,
  nextTop: 55,
  bottom: 500,
};

/**
 * Money out and in with "£" on every figure and thousands grouped, a row's amounts on its last line, descriptions over
 * three lines, short pages with the header repeated and "Balance carried forward" / "Balance brought forward" at each
 * break.
 */
export const POUNDS_LAST_LINE_CARRY: Layout = {
  name: 'pounds-every-cell-last-line-carry',
  about: '£ on every figure, amounts on a wrapped row’s last line, short pages, carried / brought forward',
  size: 8,
  lineHeight: 11,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 60, align: 'left' },
    { key: 'desc', label: 'Details', x: 105, w: 215, align: 'left' },
    { key: 'out', label: 'Paid out', x: 320, w: 70, align: 'right' },
    { key: 'in', label: 'Paid in', x: 395, w: 70, align: 'right' },
    { key: 'balance', label: 'Balance', x: 470, w: 80, align: 'right' },
  ],
  date: 'dMonYY',
  amounts: 'split-pounds',
  balances: 'minus-pounds',
  amountLine: 'last',
  carry: { cf: 'Balance carried forward', bf: 'Balance brought forward' },
  everyPage: bankHeader('Example Pound Bank'),
  firstPage: addressAndPeriod,
  nextTop: 55,
  bottom: 260,
};

/** Description first, then the date: Description / Date / Amount (signed) / Balance. */
export const DESCRIPTION_THEN_DATE: Layout = {
  name: 'description-then-date-signed',
  about: 'the description before the date, one signed amount column',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'desc', label: 'Description', x: 40, w: 240, align: 'left' },
    { key: 'date', label: 'Date', x: 290, w: 60, align: 'left' },
    { key: 'amount', label: 'Amount', x: 355, w: 90, align: 'right' },
    { key: 'balance', label: 'Balance', x: 450, w: 95, align: 'right' },
  ],
  date: 'slash',
  amounts: 'signed',
  balances: 'signed',
  everyPage: bankHeader('Example Reverse Bank', 445),
  firstPage: addressAndPeriod,
  nextTop: 55,
  bottom: 520,
};

/** Credits marked "CR" and debits unmarked in one Amount column of a current account, with a balance column. */
export const CR_ONLY_WITH_BALANCE: Layout = {
  name: 'cr-only-amounts-with-balance',
  about: 'one Amount column, credits "CR" and debits unmarked, a running balance',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 60, align: 'left' },
    { key: 'desc', label: 'Description', x: 105, w: 250, align: 'left' },
    { key: 'amount', label: 'Amount', x: 355, w: 90, align: 'right' },
    { key: 'balance', label: 'Balance', x: 450, w: 95, align: 'right' },
  ],
  date: 'ddMon',
  amounts: 'card',
  balances: 'od',
  everyPage: bankHeader('Example Credit Union', 445),
  firstPage: addressAndPeriod,
  nextTop: 55,
  bottom: 520,
};

/**
 * Dates "02/12" again, now once a day, the balance only at the end of each day, one Amount column with money out in
 * brackets, short pages with "Carried forward" / "Brought forward" at each break.
 */
export const DAY_MONTH_ONCE_A_DAY_CARRY: Layout = {
  ...DAY_MONTH_FIGURES,
  name: 'day-month-figures-once-a-day-brackets-carry',
  about: 'dates "02/12" once a day, balance at the end of the day, one Amount column with brackets, carried / brought forward',
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 40, align: 'left' },
    { key: 'desc', label: 'Transaction', x: 85, w: 240, align: 'left' },
    { key: 'amount', label: 'Amount', x: 330, w: 70, align: 'right' },
    { key: 'balance', label: 'Balance', x: 480, w: 70, align: 'right' },
  ],
  dateOncePerDay: true,
  balanceEndOfDay: true,
  amounts: 'parens',
  balances: 'parens',
  carry: { cf: 'Carried forward', bf: 'Brought forward' },
  bottom: 300,
};

/** "December 2024 to January 2025": the period's months and years, no days. */
export const monthsOf = (a: Account): string => {
  const month = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${month(a.periodStart)} to ${month(a.periodEnd)}`;
};

/**
 * Dates "Mon 2 Dec" as {@link WEEKDAY_POUNDS_CRDR}, and the only year on the statement in a period of whole months:
 * "Statement for December 2024 to January 2025".
 */
export const WEEKDAY_MONTHS_PERIOD: Layout = {
  ...WEEKDAY_POUNDS_CRDR,
  name: 'weekday-dates-period-in-months',
  about: 'dates "Mon 2 Dec" without a year, the period printed in months only ("December 2024 to January 2025")',
  firstPage: (a) => ({
    items: [
      ...address(a, 55, 40),
      { text: `Account number ${a.number}`, x: 300, y: 55, w: 245, align: 'right', size: 9 },
      { text: `Statement for ${monthsOf(a)}`, x: 40, y: 110, w: 400, bold: true, size: 9 },
    ],
    top: 135,
  }),
};
