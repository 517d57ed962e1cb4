/**
 * The second round of unseen layouts: each unlike those of ./layouts.ts and the any-layout fixtures, in what real UK
 * statements print. Each names what it exercises.
 * @module
 */
import { balanceText, DATES, grouped, type Furniture, type Layout } from './pdf.ts';
import { addressLines, summaryLines } from './furniture.ts';
import { totals, type Account, type TruthRow } from './truth.ts';

/** The customer's name and address on the left. */
const address = (a: Account, top: number, x = 45): Furniture[] => addressLines(a, ['7 SAMPLE CLOSE', 'EXAMPLETON', 'ZZ9 9ZZ'], top, x);

const PERIOD_WORDS = '18 November 2024 to 17 January 2025';

/**
 * A narrow table whose headings are set over two lines ("Money" over "out (£)", "Money" over "in (£)", "Balance" over
 * "(£)"), dates "18 Nov 24", the amounts on a wrapped row's first line.
 */
export const TWO_LINE_HEADINGS: Layout = {
  name: 'two-line-headings-narrow',
  about: 'headings over two lines ("Money" / "out (£)"), narrow columns, dates "18 Nov 24", amounts on the first line',
  size: 8,
  lineHeight: 11,
  cols: [
    { key: 'date', label: 'Date', x: 45, w: 45, align: 'left' },
    { key: 'desc', label: 'Description', x: 95, w: 215, align: 'left' },
    { key: 'out', label: 'Money', label2: 'out (£)', x: 315, w: 60, align: 'right' },
    { key: 'in', label: 'Money', label2: 'in (£)', x: 380, w: 60, align: 'right' },
    { key: 'balance', label: 'Balance', label2: '(£)', x: 445, w: 70, align: 'right' },
  ],
  date: 'dMonYY',
  amounts: 'split',
  balances: 'signed',
  everyPage: (page, pages) => [
    { text: 'Example Thrift Bank', x: 45, y: 30, w: 250, bold: true, size: 12 },
    { text: `Page ${page} of ${pages}`, x: 415, y: 30, w: 100, align: 'right', size: 8 },
  ],
  firstPage: (a) => ({
    items: [
      ...address(a, 60),
      { text: `Sort code ${a.sortCode}   Account number ${a.number}`, x: 45, y: 115, w: 400, size: 9 },
      { text: `Statement period ${PERIOD_WORDS}`, x: 45, y: 127, w: 400, size: 9 },
      ...summaryLines(a, 145, ['Opening balance', 'Money in', 'Money out', 'Closing balance']),
    ],
    top: 205,
  }),
  nextTop: 60,
  bottom: 470,
};

/** One signed Amount column with money out in brackets ("(101.27)"), an overdrawn balance in brackets, dates "18Nov2024". */
export const BRACKETS_COMPACT_DATES: Layout = {
  name: 'brackets-for-money-out-compact-dates',
  about: 'one Amount column, money out in brackets, overdrawn balances in brackets, dates "18Nov2024"',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 55, align: 'left' },
    { key: 'desc', label: 'Description', x: 100, w: 250, align: 'left' },
    { key: 'amount', label: 'Amount', x: 355, w: 85, align: 'right' },
    { key: 'balance', label: 'Balance', x: 445, w: 100, align: 'right' },
  ],
  date: 'compact',
  amounts: 'parens',
  balances: 'parens',
  everyPage: (page, pages) => [
    { text: 'SAMPLE CO-OPERATIVE SAVINGS', x: 40, y: 28, w: 300, bold: true, size: 11 },
    { text: `${page} of ${pages}`, x: 445, y: 28, w: 100, align: 'right', size: 8 },
  ],
  firstPage: (a) => ({
    items: [
      ...address(a, 55, 40),
      { text: `Account ${a.number}`, x: 330, y: 55, w: 215, align: 'right', size: 9 },
      { text: `From 18Nov2024 to 17Jan2025`, x: 330, y: 66, w: 215, align: 'right', size: 9 },
      { text: `Opening balance ${grouped(a.openingBalance)}`, x: 40, y: 110, w: 300, size: 9 },
    ],
    top: 135,
  }),
  nextTop: 55,
  bottom: 400,
  after: (a) => [{ text: `Closing balance ${balanceText('parens', totals(a).closing)}`, x: 100, y: 16, w: 300, size: 9 }],
};

/** One signed Amount column with a minus after money out ("101.27-"), the balance likewise, dates "18/11/24", Courier. */
export const TRAILING_MINUS: Layout = {
  name: 'trailing-minus-courier-short-year',
  about: 'one Amount column, money out with a minus after it ("101.27-"), balances likewise, dates "18/11/24", Courier',
  font: 'Courier',
  size: 8,
  lineHeight: 11,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 50, align: 'left' },
    { key: 'desc', label: 'Particulars', x: 95, w: 250, align: 'left' },
    { key: 'amount', label: 'Amount', x: 350, w: 85, align: 'right' },
    { key: 'balance', label: 'Balance', x: 440, w: 105, align: 'right' },
  ],
  date: 'slashYY',
  amounts: 'trailing-minus',
  balances: 'trailing-minus',
  openLine: 'BALANCE FORWARD',
  closeLine: 'CLOSING BALANCE',
  everyPage: (page) => [
    { text: 'EXAMPLE MERCHANT BANK LIMITED', x: 40, y: 30, w: 300, bold: true, size: 10 },
    { text: `Page ${page}`, x: 445, y: 30, w: 100, align: 'right', size: 8 },
  ],
  firstPage: (a) => ({
    items: [
      { text: `${a.name}   A/C ${a.number}   S/C ${a.sortCode}`, x: 40, y: 55, w: 500, size: 8 },
      { text: 'Statement 18/11/24 to 17/01/25', x: 40, y: 67, w: 300, size: 8 },
    ],
    top: 95,
  }),
  nextTop: 55,
  bottom: 520,
};

/** The reference each row of {@link REFERENCE_COLUMN} prints: a mandate, a payee's reference, or none. */
export function referenceOf(r: TruthRow): string | undefined {
  const first = r.lines[0]!;
  if (first.startsWith('DIRECT DEBIT')) return 'DDM' + String(r.amount.replace('.', '')).padStart(6, '0');
  if (first.startsWith('CHILD MAINTENANCE')) return '121234567890';
  if (first.startsWith('FASTER PAYMENT') || first.startsWith('STANDING ORDER')) return 'FP' + r.date.replace(/-/g, '').slice(2);
  return undefined;
}

/**
 * Date / Description / Reference / Paid out / Paid in / Balance: a reference column between the description and the
 * money, a "Totals" line under the table with the sums of money out and in, and "Balance carried forward" / "Balance
 * brought forward" at each page break.
 */
export const REFERENCE_COLUMN: Layout = {
  name: 'reference-column-totals-line-carry',
  about: 'a Reference column between description and money, a Totals line, carried / brought forward at page breaks',
  size: 8,
  lineHeight: 11,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 60, align: 'left' },
    { key: 'desc', label: 'Description', x: 100, w: 180, align: 'left' },
    { key: 'ref', label: 'Reference', x: 280, w: 70, align: 'left' },
    { key: 'out', label: 'Paid out', x: 350, w: 60, align: 'right' },
    { key: 'in', label: 'Paid in', x: 415, w: 60, align: 'right' },
    { key: 'balance', label: 'Balance', x: 480, w: 70, align: 'right' },
  ],
  date: 'dMonYYYY',
  amounts: 'split',
  balances: 'signed',
  refOf: (r) => referenceOf(r),
  openLine: 'Opening balance',
  closeLine: 'Closing balance',
  totalsLine: 'Totals',
  carry: { cf: 'Balance carried forward', bf: 'Balance brought forward' },
  everyPage: (page, pages, a) => [
    { text: 'Example Regional Bank', x: 40, y: 28, w: 250, bold: true, size: 12 },
    { text: `${a.sortCode} ${a.number}  Page ${page}/${pages}`, x: 300, y: 28, w: 250, align: 'right', size: 8 },
  ],
  firstPage: (a) => ({
    items: [...address(a, 55, 40), { text: `Your statement for ${PERIOD_WORDS}`, x: 40, y: 110, w: 400, bold: true, size: 9 }],
    top: 135,
  }),
  nextTop: 55,
  bottom: 330,
};

/** HSBC's payment-type codes, by what the row is. */
export function codeOf(r: TruthRow): string {
  const first = r.lines[0]!;
  if (first.startsWith('DIRECT DEBIT')) return 'DD';
  if (first.startsWith('STANDING ORDER')) return 'SO';
  if (first.startsWith('CASH')) return 'ATM';
  if (first.startsWith('FASTER PAYMENT')) return 'BP';
  if (first.startsWith('CARD PAYMENT TO EXAMPLE FUEL')) return ')))';
  if (first.startsWith('CARD') || first.startsWith('NON-STERLING')) return 'VIS';
  return 'CR';
}

/**
 * "Payment type and details": a code at the left of the description column ("VIS", "DD", "CR", and ")))" for a
 * contactless payment), the details indented after it; the date once a day, the balance only on the day's last row,
 * the amounts on a wrapped row's last line, and "BALANCE BROUGHT FORWARD" / "BALANCE CARRIED FORWARD" at page breaks.
 */
export const PAYMENT_TYPE_CODES: Layout = {
  name: 'payment-type-codes-contactless-end-of-day',
  about: 'codes "VIS", "DD", "CR", ")))" before each description, date once a day, balance at the end of the day, amounts on the last line',
  size: 8,
  lineHeight: 11,
  cols: [
    { key: 'date', label: 'Date', x: 45, w: 45, align: 'left' },
    { key: 'desc', label: 'Payment type and details', x: 95, w: 220, align: 'left' },
    { key: 'out', label: 'Paid out', x: 315, w: 65, align: 'right' },
    { key: 'in', label: 'Paid in', x: 385, w: 65, align: 'right' },
    { key: 'balance', label: 'Balance', x: 455, w: 75, align: 'right' },
  ],
  date: 'ddMon',
  dateOncePerDay: true,
  balanceEndOfDay: true,
  amounts: 'split',
  balances: 'od',
  amountLine: 'last',
  codeOf,
  codeIndent: 22,
  carry: { cf: 'BALANCE CARRIED FORWARD', bf: 'BALANCE BROUGHT FORWARD' },
  openLine: 'BALANCE BROUGHT FORWARD',
  closeLine: 'BALANCE CARRIED FORWARD',
  everyPage: (page, pages, a) => [
    { text: 'Sample Global Bank UK', x: 45, y: 30, w: 250, bold: true, size: 12 },
    { text: `Your Bank Account details`, x: 330, y: 30, w: 200, align: 'right', size: 8 },
    { text: `${a.sortCode}   ${a.number}`, x: 330, y: 41, w: 200, align: 'right', size: 8 },
    { text: `Page ${page} of ${pages}`, x: 430, y: 800, w: 100, align: 'right', size: 7 },
  ],
  firstPage: (a) => ({
    items: [
      ...address(a, 70),
      { text: `${PERIOD_WORDS}`, x: 45, y: 125, w: 300, bold: true, size: 9 },
      ...summaryLines(a, 140, ['Opening Balance', 'Payments In', 'Payments Out', 'Closing Balance']),
    ],
    top: 200,
  }),
  nextTop: 70,
  bottom: 430,
};

/** The day a card transaction was posted: the next day. */
const nextDay = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};

/**
 * A credit card: Transaction date / Posting date / Description / Amount, the year only in the period, credits marked
 * "CR" and charges unsigned, no balance column; the summary prints the previous and the new balance as owed.
 */
export const CARD_NO_BALANCE: Layout = {
  name: 'card-posting-date-cr-credits-no-balance',
  about: 'a card: transaction and posting dates without a year over a year end, credits "CR", no balance column',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Transaction date', x: 40, w: 70, align: 'left' },
    { key: 'posted', label: 'Posting date', x: 115, w: 60, align: 'left' },
    { key: 'desc', label: 'Description', x: 180, w: 260, align: 'left' },
    { key: 'amount', label: 'Amount £', x: 445, w: 100, align: 'right' },
  ],
  date: 'ddMon',
  amounts: 'card',
  balances: 'plain',
  postedOf: (r) => DATES.ddMon(nextDay(r.date)),
  everyPage: () => [{ text: 'Example Card Services', x: 40, y: 28, w: 300, bold: true, size: 12 }],
  firstPage: (a) => {
    const t = totals(a);
    const owed = (s: string) => `£${grouped(s)}`;
    return {
      items: [
        { text: a.name, x: 40, y: 55, w: 250, size: 9 },
        { text: `Card ending ${a.number.slice(-4)}`, x: 330, y: 55, w: 215, align: 'right', size: 9 },
        { text: 'Statement period 4 December 2024 to 3 January 2025', x: 40, y: 70, w: 400, size: 9 },
        { text: 'Previous balance', x: 40, y: 90, w: 170, size: 9 },
        { text: owed(a.openingBalance), x: 210, y: 90, w: 80, align: 'right', size: 9 },
        { text: 'Payments and credits', x: 40, y: 102, w: 170, size: 9 },
        { text: owed(t.paidIn), x: 210, y: 102, w: 80, align: 'right', size: 9 },
        { text: 'New spending', x: 40, y: 114, w: 170, size: 9 },
        { text: owed(t.paidOut), x: 210, y: 114, w: 80, align: 'right', size: 9 },
        { text: 'New balance', x: 40, y: 126, w: 170, size: 9 },
        { text: owed(t.closing), x: 210, y: 126, w: 80, align: 'right', size: 9 },
      ],
      top: 150,
    };
  },
  nextTop: 55,
  bottom: 780,
};

/**
 * Newest first, the date once a day ("2nd Dec", on the first row printed of each day, the latest), no year over the
 * year end; Money in before Money out; the summary above the table.
 */
export const NEWEST_FIRST_ORDINAL: Layout = {
  name: 'newest-first-ordinal-dates-once-a-day',
  about: 'newest first, dates "2nd Dec" once a day without a year over a year end, Money in before Money out',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 45, w: 50, align: 'left' },
    { key: 'desc', label: 'Description', x: 100, w: 215, align: 'left' },
    { key: 'in', label: 'Money in', x: 320, w: 70, align: 'right' },
    { key: 'out', label: 'Money out', x: 395, w: 70, align: 'right' },
    { key: 'balance', label: 'Balance', x: 470, w: 80, align: 'right' },
  ],
  date: 'ordinal',
  dateOncePerDay: true,
  newestFirst: true,
  amounts: 'split',
  balances: 'signed',
  everyPage: (page, pages) => [
    { text: 'Example Online Bank', x: 45, y: 28, w: 250, bold: true, size: 12 },
    { text: `Page ${page} of ${pages}`, x: 450, y: 28, w: 100, align: 'right', size: 8 },
  ],
  firstPage: (a) => ({
    items: [
      ...address(a, 55),
      { text: `Account ${a.number}   Sort code ${a.sortCode}`, x: 300, y: 55, w: 250, align: 'right', size: 9 },
      { text: `Statement period: ${PERIOD_WORDS}`, x: 45, y: 105, w: 400, size: 9 },
      ...summaryLines(a, 120, ['Start balance', 'Money in', 'Money out', 'End balance']),
    ],
    top: 180,
  }),
  nextTop: 55,
  bottom: 470,
};

/**
 * Landscape, Date / Type / Description / Debit / Credit / Balance with a Type column of codes ("DD", "FPO", "DEB"),
 * the balance "£1,208.14" or "-£352.01", the year in the dates ("18 Nov 2024"), descriptions over three lines.
 */
export const LANDSCAPE_TYPE_CODES: Layout = {
  name: 'landscape-type-codes-pounds',
  about: 'landscape, a Type column of codes, Debit / Credit, £ balances with a minus',
  landscape: true,
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 70, align: 'left' },
    { key: 'type', label: 'Type', x: 115, w: 35, align: 'left' },
    { key: 'desc', label: 'Description', x: 155, w: 300, align: 'left' },
    { key: 'out', label: 'Debit', x: 460, w: 80, align: 'right' },
    { key: 'in', label: 'Credit', x: 545, w: 80, align: 'right' },
    { key: 'balance', label: 'Balance', x: 630, w: 90, align: 'right' },
  ],
  date: 'dMonYYYY',
  amounts: 'split',
  balances: 'minus-pounds',
  typeOf: (r) => typeCodeOf(r),
  everyPage: (page, pages) => [
    { text: 'Example Mutual Building Society', x: 40, y: 25, w: 400, bold: true, size: 12 },
    { text: `Page ${page} of ${pages}`, x: 700, y: 570, w: 100, align: 'right', size: 7 },
  ],
  firstPage: (a) => ({
    items: [
      { text: `${a.name}`, x: 40, y: 45, w: 300, size: 9 },
      { text: `Account number ${a.number}  Sort code ${a.sortCode}`, x: 40, y: 57, w: 400, size: 9 },
      { text: `Statement period ${PERIOD_WORDS}`, x: 40, y: 69, w: 400, size: 9 },
    ],
    top: 95,
  }),
  nextTop: 50,
  bottom: 540,
};

/** The Type column's code for a row of {@link LANDSCAPE_TYPE_CODES}. */
export function typeCodeOf(r: TruthRow): string {
  const first = r.lines[0]!;
  if (first.startsWith('DIRECT DEBIT')) return 'DD';
  if (first.startsWith('STANDING ORDER')) return 'SO';
  if (first.startsWith('FASTER PAYMENT')) return 'FPO';
  if (first.startsWith('CASH')) return 'CPT';
  if (first.startsWith('CARD') || first.startsWith('NON-STERLING')) return 'DEB';
  if (first.startsWith('INTEREST')) return 'INT';
  return 'FPI';
}

/**
 * A digital bank's statement: the time of day after each date ("18/11/2024 09:14"), "£" on every figure and a minus on
 * money out in one Amount column, and under the table a "Pending transactions" section headed like the table, whose
 * rows (no balance: they have not happened yet) are not transactions of the period.
 */
export const TIME_OF_DAY_PENDING: Layout = {
  name: 'time-of-day-pending-section',
  about: 'dates with the time of day, one Amount column in £ with a minus, a Pending transactions section under the table',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 85, align: 'left' },
    { key: 'desc', label: 'Description', x: 130, w: 250, align: 'left' },
    { key: 'amount', label: 'Amount', x: 385, w: 75, align: 'right' },
    { key: 'balance', label: 'Balance', x: 465, w: 85, align: 'right' },
  ],
  date: 'slash',
  dateSuffix: (_r, i) => `${String(8 + ((i * 5) % 12)).padStart(2, '0')}:${String((i * 17) % 60).padStart(2, '0')}`,
  amounts: 'signed-pounds',
  balances: 'minus-pounds',
  everyPage: (page, pages) => [
    { text: 'Sample App Bank', x: 40, y: 28, w: 250, bold: true, size: 12 },
    { text: `Page ${page} of ${pages}`, x: 450, y: 28, w: 100, align: 'right', size: 8 },
  ],
  firstPage: (a) => ({
    items: [
      ...address(a, 55, 40),
      { text: `Account number ${a.number}`, x: 330, y: 55, w: 220, align: 'right', size: 9 },
      { text: `Sort code ${a.sortCode}`, x: 330, y: 66, w: 220, align: 'right', size: 9 },
      { text: `GBP statement ${PERIOD_WORDS}`, x: 40, y: 110, w: 400, bold: true, size: 9 },
      ...summaryLines(a, 125, ['Opening balance', 'Money in', 'Money out', 'Closing balance'], 40),
    ],
    top: 185,
  }),
  nextTop: 55,
  bottom: 500,
  after: () => [
    { text: 'Pending transactions', x: 40, y: 30, w: 300, bold: true, size: 10 },
    { text: 'These have not yet been taken from or paid into your account.', x: 40, y: 43, w: 400, size: 8 },
    { text: 'Date', x: 40, y: 58, w: 85, bold: true },
    { text: 'Description', x: 130, y: 58, w: 250, bold: true },
    { text: 'Amount', x: 385, y: 58, w: 75, align: 'right', bold: true },
    { text: '17/01/2025 18:02', x: 40, y: 72, w: 85 },
    { text: 'CARD PAYMENT TO EXAMPLE TAKEAWAY', x: 130, y: 72, w: 250 },
    { text: '-£24.60', x: 385, y: 72, w: 75, align: 'right' },
    { text: '17/01/2025 21:45', x: 40, y: 84, w: 85 },
    { text: 'CARD PAYMENT TO EXAMPLE STREAMING', x: 130, y: 84, w: 250 },
    { text: '-£10.99', x: 385, y: 84, w: 75, align: 'right' },
  ],
};

/**
 * Headings over two lines again, money in before money out ("Paid" over "in", "Paid" over "out"), and no balance
 * column and no summary: nothing but the headings says which column is which.
 */
export const TWO_LINE_IN_FIRST_NO_BALANCE: Layout = {
  name: 'two-line-headings-paid-in-first-no-balance',
  about: 'headings over two lines ("Paid" / "in", "Paid" / "out"), money in first, no balance column, no summary',
  size: 8,
  lineHeight: 11,
  cols: [
    { key: 'date', label: 'Date', x: 45, w: 60, align: 'left' },
    { key: 'desc', label: 'Details', x: 110, w: 260, align: 'left' },
    { key: 'in', label: 'Paid', label2: 'in', x: 375, w: 70, align: 'right' },
    { key: 'out', label: 'Paid', label2: 'out', x: 450, w: 70, align: 'right' },
  ],
  date: 'dMonYYYY',
  amounts: 'split-pounds',
  balances: 'plain',
  everyPage: (page) => [
    { text: 'Example Savings and Loans', x: 45, y: 30, w: 300, bold: true, size: 12 },
    { text: `Page ${page}`, x: 420, y: 30, w: 100, align: 'right', size: 8 },
  ],
  firstPage: (a) => ({
    items: [
      ...address(a, 60),
      { text: `Account ${a.number}`, x: 45, y: 112, w: 300, size: 9 },
      { text: `Transactions ${PERIOD_WORDS}`, x: 45, y: 124, w: 400, size: 9 },
    ],
    top: 150,
  }),
  nextTop: 60,
  bottom: 560,
};
