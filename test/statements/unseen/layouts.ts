/**
 * The unseen layouts: each as a UK bank prints its statements, and unlike the any-layout fixtures in the page round
 * the table (see ./pdf.ts). Each names what it exercises.
 * @module
 */
import { balanceText, type Furniture, type Layout } from './pdf.ts';
import { poundsText, signedPoundsText } from './furniture.ts';
import { totals, type Account } from './truth.ts';

/** The customer's name and address on the left, the bank's details in a second column on the right. */
const addressBlock = (a: Account, top: number, right = 330): Furniture[] => [
  { text: a.name, x: 50, y: top, w: 220, size: 9 },
  { text: '12 EXAMPLE ROAD', x: 50, y: top + 11, w: 220, size: 9 },
  { text: 'SAMPLETOWN', x: 50, y: top + 22, w: 220, size: 9 },
  { text: 'ZZ1 1ZZ', x: 50, y: top + 33, w: 220, size: 9 },
  { text: 'Your branch', x: right, y: top, w: 200, size: 8, bold: true },
  { text: 'Sampletown High Street', x: right, y: top + 11, w: 200, size: 8 },
  { text: 'Telephone 0345 000 0000', x: right, y: top + 22, w: 200, size: 8 },
  { text: 'Lines open 8am to 8pm, 7 days a week', x: right, y: top + 33, w: 200, size: 8 },
];

/** A summary box: opening balance, money in, money out, closing balance. */
const summaryBox = (a: Account, top: number, words: readonly [string, string, string, string], fmt = poundsText, x = 50): Furniture[] => {
  const t = totals(a);
  const figures = [signedPoundsText(a.openingBalance), fmt(t.paidIn), fmt(t.paidOut), signedPoundsText(t.closing)];
  return words.flatMap((w, i) => [
    { text: w, x, y: top + i * 12, w: 170, size: 9 },
    { text: figures[i]!, x: x + 170, y: top + i * 12, w: 80, align: 'right' as const, size: 9 },
  ]);
};

/**
 * Paid in before paid out, the date once a day and without its year ("02 Dec") under a period over the year end, the
 * amounts on a wrapped row's last line, balances marked "OD"; a summary box and an address with a second column of
 * text beside it above the table; every page headed again with the account and "Page n of N", and footed.
 */
export const PAID_IN_FIRST_OD: Layout = {
  name: 'paid-in-first-dates-once-od-page-furniture',
  about: 'Paid in / Paid out / Balance, date once a day without a year, OD balances, summary box, header and footer on every page',
  size: 8.5,
  lineHeight: 11,
  cols: [
    { key: 'date', label: 'Date', x: 50, w: 45, align: 'left' },
    { key: 'desc', label: 'Payment type and details', x: 100, w: 220, align: 'left' },
    { key: 'in', label: 'Paid in', x: 320, w: 70, align: 'right' },
    { key: 'out', label: 'Paid out', x: 395, w: 70, align: 'right' },
    { key: 'balance', label: 'Balance', x: 470, w: 75, align: 'right' },
  ],
  date: 'ddMon',
  dateOncePerDay: true,
  amounts: 'split',
  balances: 'od',
  amountLine: 'last',
  openLine: 'BALANCE BROUGHT FORWARD',
  closeLine: 'BALANCE CARRIED FORWARD',
  everyPage: (page, pages, a) => [
    { text: 'Example Counties Bank plc', x: 50, y: 30, w: 250, bold: true, size: 12 },
    { text: `Account number ${a.number}   Sort code ${a.sortCode}`, x: 300, y: 30, w: 245, align: 'right', size: 8 },
    ...(page > 1 ? [{ text: 'Your statement (continued)', x: 50, y: 50, w: 250, size: 9 }] : []),
    { text: `Page ${page} of ${pages}`, x: 445, y: 800, w: 100, align: 'right', size: 7 },
    { text: 'Example Counties Bank plc. Registered in England and Wales no. 00000001.', x: 50, y: 800, w: 350, size: 7 },
    { text: 'Authorised by the Prudential Regulation Authority.', x: 50, y: 809, w: 350, size: 7 },
  ],
  firstPage: (a) => ({
    items: [
      ...addressBlock(a, 80),
      { text: 'Statement period 1 December 2024 to 31 January 2025', x: 50, y: 140, w: 400, bold: true, size: 10 },
      { text: 'Your account summary', x: 50, y: 160, w: 200, bold: true, size: 9 },
      ...summaryBox(a, 174, ['Balance on 1 December 2024', 'Total paid in', 'Total paid out', 'Balance on 31 January 2025']),
    ],
    top: 240,
  }),
  nextTop: 70,
  bottom: 560,
};

/**
 * "Money out (£)" / "Money in (£)" with "£" on every amount, the balance with "CR" or "DR", dates in full, and carried
 * / brought forward lines at each page break; short pages.
 */
export const MONEY_OUT_IN_POUNDS_CRDR: Layout = {
  name: 'money-out-in-pounds-balance-crdr-carry',
  about: 'Money out / Money in with £ on each amount, balances CR/DR, carried and brought forward at page breaks',
  size: 8,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 60, align: 'left' },
    { key: 'desc', label: 'Transaction details', x: 105, w: 215, align: 'left' },
    { key: 'out', label: 'Money out (£)', x: 320, w: 70, align: 'right' },
    { key: 'in', label: 'Money in (£)', x: 395, w: 70, align: 'right' },
    { key: 'balance', label: 'Balance (£)', x: 470, w: 85, align: 'right' },
  ],
  date: 'dMonYYYY',
  amounts: 'split-pounds',
  balances: 'crdr',
  carry: { cf: 'Balance carried forward', bf: 'Balance brought forward' },
  openLine: 'Start balance',
  closeLine: 'End balance',
  everyPage: (page, pages) => [
    { text: 'SAMPLE BUILDING SOCIETY', x: 40, y: 28, w: 300, bold: true, size: 11 },
    { text: `${page}/${pages}`, x: 500, y: 28, w: 55, align: 'right', size: 8 },
    { text: page < pages ? 'Continued overleaf' : 'End of statement', x: 40, y: 560, w: 200, size: 8 },
  ],
  firstPage: (a) => ({
    items: [
      ...addressBlock(a, 60),
      { text: `FlexAccount  ${a.sortCode}  ${a.number}`, x: 40, y: 120, w: 300, bold: true, size: 9 },
      { text: '01 December 2024 to 31 January 2025', x: 355, y: 120, w: 200, align: 'right', size: 9 },
    ],
    top: 150,
  }),
  nextTop: 60,
  bottom: 545,
};

/**
 * Landscape, one signed amount column ("-45.00"), the balance as "-£83.06", slash dates, and a column of notices
 * beside the table (with a figure, "£85,000", level with a row).
 */
export const LANDSCAPE_SIGNED: Layout = {
  name: 'landscape-signed-amount-notices-beside',
  about: 'landscape pages, one signed amount column, balances with £ and a minus, notices beside the table',
  landscape: true,
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 60, align: 'left' },
    { key: 'desc', label: 'Description', x: 105, w: 260, align: 'left' },
    { key: 'amount', label: 'Amount', x: 370, w: 80, align: 'right' },
    { key: 'balance', label: 'Balance', x: 455, w: 85, align: 'right' },
  ],
  date: 'slash',
  amounts: 'signed',
  balances: 'minus-pounds',
  everyPage: (page, pages, a) => [
    { text: 'Sample Digital Bank Ltd', x: 40, y: 28, w: 300, bold: true, size: 12 },
    { text: `Statement for ${a.name}, account ${a.number}`, x: 420, y: 28, w: 380, align: 'right', size: 8 },
    { text: `Page ${page} of ${pages}`, x: 700, y: 570, w: 100, align: 'right', size: 7 },
  ],
  firstPage: (a) => ({
    items: [
      { text: 'Statement period: 01/12/2024 - 31/01/2025', x: 40, y: 55, w: 400, size: 9 },
      ...summaryBox(a, 75, ['Opening balance', 'Money in', 'Money out', 'Closing balance']),
    ],
    top: 135,
  }),
  beside: {
    x: 600,
    w: 200,
    lines: [
      'Your deposit is protected',
      'Eligible deposits are protected',
      'up to a limit of £85,000 by the',
      'Financial Services Compensation',
      'Scheme. Find out more at',
      'fscs.org.uk.',
      '',
      'Overdraft interest rate 39.49% EAR',
    ],
  },
  nextTop: 55,
  bottom: 555,
};

/**
 * Dates as "2 December" with the year only in the period, the balance only at the end of each day, Times; headings
 * "Withdrawals" and "Deposits".
 */
export const DAY_MONTH_END_OF_DAY: Layout = {
  name: 'day-month-no-year-balance-end-of-day-times',
  about: 'dates "2 December" without a year over a year end, balance at the end of each day only, Times',
  font: 'Times-Roman',
  size: 9,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 45, w: 70, align: 'left' },
    { key: 'desc', label: 'Details', x: 120, w: 200, align: 'left' },
    { key: 'out', label: 'Withdrawals', x: 320, w: 75, align: 'right' },
    { key: 'in', label: 'Deposits', x: 400, w: 70, align: 'right' },
    { key: 'balance', label: 'Balance', x: 475, w: 75, align: 'right' },
  ],
  date: 'dMonth',
  amounts: 'split',
  balances: 'signed',
  balanceEndOfDay: true,
  everyPage: (page, pages) => [
    { text: 'Sample Savings Bank', x: 45, y: 30, w: 250, bold: true, size: 13 },
    { text: `Page ${page} of ${pages}`, x: 450, y: 30, w: 100, align: 'right', size: 8 },
  ],
  firstPage: (a) => ({
    items: [
      ...addressBlock(a, 60, 320),
      { text: 'Statement period 1 December 2024 to 31 January 2025', x: 45, y: 120, w: 400, size: 9 },
      { text: `Opening balance ${balanceText('signed', a.openingBalance)}`, x: 45, y: 133, w: 300, size: 9 },
    ],
    top: 160,
  }),
  nextTop: 60,
  bottom: 480,
  after: (a) => [{ text: `Closing balance ${balanceText('signed', totals(a).closing)}`, x: 120, y: 18, w: 300, size: 9 }],
};

/** One amount column marked "CR"/"DR", Courier, dates "02-Dec-24", the balance plain with "OD". */
export const COURIER_CRDR: Layout = {
  name: 'courier-amount-crdr-dashed-dates',
  about: 'one amount column marked CR/DR, Courier, dates 02-Dec-24, balance OD',
  font: 'Courier',
  size: 8,
  lineHeight: 11,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 60, align: 'left' },
    { key: 'desc', label: 'Narrative', x: 105, w: 230, align: 'left' },
    { key: 'amount', label: 'Amount', x: 340, w: 95, align: 'right' },
    { key: 'balance', label: 'Balance', x: 440, w: 105, align: 'right' },
  ],
  date: 'dashed',
  amounts: 'crdr',
  balances: 'od',
  everyPage: (page) => [
    { text: 'SAMPLE PRIVATE BANK', x: 40, y: 30, w: 250, bold: true, size: 11 },
    { text: `Sheet ${page}`, x: 440, y: 30, w: 105, align: 'right', size: 8 },
  ],
  firstPage: (a) => ({
    items: [
      { text: `${a.name}  Sort code ${a.sortCode}  Account ${a.number}`, x: 40, y: 60, w: 500, size: 8 },
      { text: 'Period 01-Dec-24 to 31-Jan-25', x: 40, y: 72, w: 300, size: 8 },
    ],
    top: 100,
  }),
  nextTop: 60,
  bottom: 760,
  openLine: 'OPENING BALANCE',
  closeLine: 'CLOSING BALANCE',
};

/** An unsigned amount with a "Type" column saying Debit or Credit, and the balance. */
export const TYPE_COLUMN: Layout = {
  name: 'amount-with-debit-credit-type-column',
  about: 'an unsigned amount and a Type column (Debit / Credit), slash dates',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 60, align: 'left' },
    { key: 'desc', label: 'Description', x: 105, w: 210, align: 'left' },
    { key: 'type', label: 'Type', x: 320, w: 50, align: 'left' },
    { key: 'amount', label: 'Amount', x: 375, w: 80, align: 'right' },
    { key: 'balance', label: 'Balance', x: 460, w: 90, align: 'right' },
  ],
  date: 'slash',
  amounts: 'in-out-type',
  balances: 'signed',
  everyPage: (page, pages) => [
    { text: 'Example Mutual Bank', x: 40, y: 30, w: 250, bold: true, size: 11 },
    { text: `Page ${page} of ${pages}`, x: 450, y: 810, w: 100, align: 'right', size: 7 },
  ],
  firstPage: (a) => ({
    items: [...addressBlock(a, 55), { text: 'Statement from 01/12/2024 to 31/01/2025', x: 40, y: 110, w: 300, size: 9 }],
    top: 135,
  }),
  nextTop: 60,
  bottom: 790,
};

/**
 * Dates "02.12.24", headings "Date", "Description", "Debit", "Credit", "Balance"; the header on the first page only;
 * the balance in pounds ("£412.37", "£83.06 DR").
 */
export const DOTTED_DEBIT_CREDIT: Layout = {
  name: 'dotted-dates-debit-credit-header-once',
  about: 'dates 02.12.24, Debit / Credit headings, header on the first page only, balances £ with DR',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 55, align: 'left' },
    { key: 'desc', label: 'Description', x: 100, w: 220, align: 'left' },
    { key: 'out', label: 'Debit', x: 325, w: 70, align: 'right' },
    { key: 'in', label: 'Credit', x: 400, w: 70, align: 'right' },
    { key: 'balance', label: 'Balance', x: 475, w: 80, align: 'right' },
  ],
  date: 'dotted',
  amounts: 'split',
  balances: 'pounds',
  headerEveryPage: false,
  everyPage: (page, pages, a) => [
    { text: 'Sample Island Bank', x: 40, y: 30, w: 250, bold: true, size: 11 },
    { text: `Account ${a.number}`, x: 300, y: 30, w: 255, align: 'right', size: 8 },
    { text: `Page ${page} of ${pages}`, x: 455, y: 810, w: 100, align: 'right', size: 7 },
  ],
  firstPage: (a) => ({
    items: [
      { text: 'Statement 1 December 2024 - 31 January 2025', x: 40, y: 60, w: 400, size: 9 },
      ...summaryBox(a, 80, ['Opening balance', 'Payments in', 'Payments out', 'Closing balance']),
    ],
    top: 140,
  }),
  nextTop: 60,
  bottom: 420,
};

/** The layouts drawn with the current account alone. */
export const SINGLE_ACCOUNT: readonly Layout[] = [
  PAID_IN_FIRST_OD,
  MONEY_OUT_IN_POUNDS_CRDR,
  LANDSCAPE_SIGNED,
  DAY_MONTH_END_OF_DAY,
  COURIER_CRDR,
  TYPE_COLUMN,
  DOTTED_DEBIT_CREDIT,
];

// ------------------------------------------------------------------------------------------ CMS statements

const CMS_NAME = 'Child Maintenance Service';

/**
 * A paying parent's Collect and Pay statement: "Charged" / "Paid", dates "02 Dec" without a year over the year end,
 * the date once a day, descriptions over two lines, "Balance brought forward" and "Balance you owe" lines in the table,
 * a summary box above it, and "Page n of N" with "continued" on every page.
 */
export const CMS_CHARGED_PAID_YOU_OWE: Layout = {
  name: 'cms-collect-and-pay-charged-paid-balance-you-owe',
  about: 'CMS Collect and Pay: Charged / Paid, dates without a year over a year end, Balance brought forward / Balance you owe',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 45, w: 50, align: 'left' },
    { key: 'desc', label: 'Details', x: 100, w: 220, align: 'left' },
    { key: 'in', label: 'Charged', x: 325, w: 70, align: 'right' },
    { key: 'out', label: 'Paid', x: 400, w: 70, align: 'right' },
    { key: 'balance', label: 'Balance', x: 475, w: 75, align: 'right' },
  ],
  date: 'ddMon',
  dateOncePerDay: true,
  amounts: 'split',
  balances: 'owed',
  openLine: 'Balance brought forward',
  closeLine: 'Balance you owe',
  everyPage: (page, pages) => [
    { text: CMS_NAME, x: 45, y: 30, w: 300, bold: true, size: 13 },
    { text: `Page ${page} of ${pages}`, x: 450, y: 30, w: 100, align: 'right', size: 8 },
    ...(page > 1 ? [{ text: 'Your statement continued', x: 45, y: 48, w: 300, size: 9 }] : []),
  ],
  firstPage: (a) => ({
    items: [
      { text: 'Collect and Pay statement of account', x: 45, y: 50, w: 300, bold: true, size: 10 },
      { text: a.name, x: 45, y: 70, w: 200, size: 9 },
      { text: 'Case number 1212 3456 7890', x: 330, y: 70, w: 220, align: 'right', size: 9 },
      { text: 'Statement period 1 December 2024 to 28 February 2025', x: 45, y: 84, w: 400, size: 9 },
      ...summaryBox(a, 104, ['Balance brought forward', 'Charges', 'Payments', 'Balance you owe']),
    ],
    top: 165,
  }),
  nextTop: 70,
  bottom: 300,
};

/**
 * One signed amount column ("-£355.20" paid), landscape, a "Transaction" heading, dates "6 April 2025" style in full,
 * the balance owed with "CR" for credit; a notice column beside the table.
 */
export const CMS_SIGNED_LANDSCAPE: Layout = {
  name: 'cms-signed-amount-landscape',
  about: 'CMS statement with one signed Amount column, landscape, notices beside the table',
  landscape: true,
  size: 9,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 75, align: 'left' },
    { key: 'desc', label: 'Transaction', x: 120, w: 250, align: 'left' },
    { key: 'amount', label: 'Amount', x: 375, w: 85, align: 'right' },
    { key: 'balance', label: 'Balance', x: 465, w: 90, align: 'right' },
  ],
  date: 'dMonYYYY',
  amounts: 'signed-pounds',
  balances: 'owed',
  // Charged lines are printed unsigned, paid ones with a minus: the generator's "in" is a charge.
  everyPage: (page, pages) => [
    { text: CMS_NAME, x: 40, y: 25, w: 300, bold: true, size: 12 },
    { text: `Page ${page} of ${pages}`, x: 700, y: 570, w: 100, align: 'right', size: 7 },
  ],
  firstPage: (a) => ({
    items: [
      { text: 'Statement of account', x: 40, y: 45, w: 300, size: 10 },
      { text: `Case reference 1212 3456 7890   ${a.name}`, x: 40, y: 60, w: 500, size: 9 },
      { text: 'From 1 December 2024 to 28 February 2025', x: 40, y: 73, w: 400, size: 9 },
    ],
    top: 100,
  }),
  beside: {
    x: 600,
    w: 200,
    lines: ['How to pay', 'Sort code 60-70-80', 'Account 10027693', 'Quote your case number', '', 'Questions? Call 0800 000 0000'],
  },
  nextTop: 50,
  bottom: 555,
};

export const CMS_LAYOUTS: readonly Layout[] = [CMS_CHARGED_PAID_YOU_OWE, CMS_SIGNED_LANDSCAPE];
