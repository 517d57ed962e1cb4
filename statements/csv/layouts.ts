/**
 * The UK bank CSV layouts Reckoner recognises by their header row (engineering-anchors.md §4.4–4.5): which
 * column holds what, the date format, and how the sign of an amount is written. Adding a bank is adding an
 * entry here, naming the banks it serves: the registry of banks (statements/banks.ts) lists it in messages
 * and in the README from that.
 * @module
 */
import { findPeriod } from '../pdf/tokens.ts';
import type { StatementMetadata } from '../types.ts';
import { SANTANDER_TXT_HEADER } from './santander-txt.ts';
import {
  cleanText,
  D_MON_Y,
  DMY,
  ISO,
  maskAccountNumber,
  maskSortCode,
  parseDate,
  splitSortCodeAndAccount,
  type DateFormat,
} from './values.ts';

/** A cell by its header name (normalised, see {@link normaliseHeader}); '' when the row has no such column. */
export type Cell = (column: string) => string;

export interface CsvLayout {
  /** e.g. `monzo_csv`; the `layout` in the metadata. */
  readonly id: string;
  /** The bank, as people name it (the `issuer` in the metadata; several banks where one export serves a group). */
  readonly issuer: string;
  /**
   * Each bank whose export this is, by the name the registry of banks lists it under (statements/banks.ts):
   * the same names as the PDF layouts' issuers, so that one bank's CSV and PDF support are listed together.
   */
  readonly banks: readonly string[];
  /** Normalised header names that must all be present for the layout to match. */
  readonly header: readonly string[];
  /**
   * The header row must be exactly {@link header}, in that order, with nothing else: for layouts whose
   * columns are so plain ("Date, Description, Amount") that other exports could have them among others.
   */
  readonly exactHeader?: boolean;
  /**
   * A check on the first data row, for layouts that share a header with another and differ in how they
   * write a cell (TSB writes the Lloyds group's columns with ISO dates).
   */
  readonly firstRow?: (cell: Cell) => boolean;
  readonly dateFormats: readonly DateFormat[];
  readonly date: string;
  /** The description of a row. */
  readonly description: (cell: Cell) => string;
  /** One signed amount column (negative: money out) … */
  readonly amount?: string;
  /** … or money out and money in in separate columns. */
  readonly paidOut?: string;
  readonly paidIn?: string;
  readonly balance?: string;
  /** A fee charged with the transaction, taken off the account on top of the amount (Revolut's "Fee"). */
  readonly fee?: string;
  /**
   * A column naming the currency of each row's amount and balance (the account's): a row in another currency
   * than pounds is not read as pounds (csv/index.ts readRows refuses the file, or leaves such rows out).
   */
  readonly currency?: string;
  readonly reference?: string;
  /** A column naming the account on every row (to refuse files that mix accounts). */
  readonly account?: string;
  readonly sortCode?: string;
  /** A column with the account holder's name or the account's name. */
  readonly holder?: string;
  /** Rows that are not transactions, e.g. Nationwide's "Arranged Overdraft Limit" trailer. */
  readonly skip?: (cell: Cell, fields: readonly string[]) => boolean;
  /** What the caller is told about skipped rows that could be mistaken for transactions (none: nothing). */
  readonly skipWarning?: (count: number) => string;
  /** What the lines before the header say about the account. */
  readonly preamble?: (lines: readonly (readonly string[])[]) => Partial<StatementMetadata>;
}

/** A header cell as compared: no BOM, quotes or leading `'`, lower case, single spaces. */
export function normaliseHeader(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/^\s*'/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const text = (column: string) => (cell: Cell) => cleanText(cell(column));

/** The first of the columns that is not empty. */
const firstOf =
  (...columns: string[]) =>
  (cell: Cell) => {
    for (const column of columns) {
      const value = cleanText(cell(column));
      if (value !== '') return value;
    }
    return '';
  };

/** Nationwide masks some descriptions with asterisks ("**********"): such a part says nothing. */
const masked = (value: string) => /^\*+$/.test(value);

/**
 * Nationwide's type column reads as the start of the description ("Direct debit ABC WATER BILL",
 * "Transfer from JOHN SMITH", "Visa purchase"): the two are joined, leaving out a part that is masked or
 * already contained in the other.
 */
export function joinTypeAndDescription(type: string, description: string): string {
  const t = masked(type) ? '' : type;
  const d = masked(description) ? '' : description;
  if (t === '') return d;
  if (d === '') return t;
  if (t.toUpperCase().includes(d.toUpperCase())) return t;
  if (d.toUpperCase().includes(t.toUpperCase())) return d;
  return `${t} ${d}`;
}

/** A preamble line `"Label:","value"` by its label. */
function preambleValue(lines: readonly (readonly string[])[], label: RegExp): string | undefined {
  for (const fields of lines) {
    if (fields.length >= 2 && label.test(normaliseHeader(fields[0]!))) return cleanText(fields[1]);
  }
  return undefined;
}

function nationwidePreamble(lines: readonly (readonly string[])[]): Partial<StatementMetadata> {
  const name = preambleValue(lines, /^account (name|number):?$/);
  if (name === undefined) return {};
  // "FlexDirect ****12345": only the digits shown are kept, and of those only the last four.
  const m = /(\*+\d{3,})\s*$/.exec(name);
  const accountNumberMasked = m ? maskAccountNumber(m[1]) : maskAccountNumber(name);
  return accountNumberMasked ? { accountNumberMasked } : {};
}

const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|master)\.?\s+[A-Za-z]/i;

/**
 * What the lines above the header of a file read through a csvMapping say about the account, in the "Label:", "value"
 * form most exports write them: the holder ("Account holder", or a name with a title under "Account name" or "Name":
 * an account's name may be the product's, "FlexDirect"), and the account number and sort code, masked ("Account
 * number:", "A/C no", "Sort code:", or the two together, "09-01-28 70451236"), and the period ("Statement period:"). A
 * statement probe: such lines were read past, the rows' fingerprints had no account and the period was the rows'.
 */
export function labelledPreamble(lines: readonly (readonly string[])[]): Partial<StatementMetadata> {
  const out: { -readonly [K in keyof StatementMetadata]?: StatementMetadata[K] } = {};
  const holder = preambleValue(lines, /^account holders?:?$/);
  const named = preambleValue(lines, /^(?:account )?names?:?$|^customer(?: name)?:?$/);
  const name = holder ?? (named !== undefined && TITLE.test(named) ? named : undefined);
  if (name) out.accountHolder = name;
  const account = splitSortCodeAndAccount(preambleValue(lines, /^(?:account(?: number| no\.?)?|a\/c(?: no\.?)?):?$/));
  const sortCode = maskSortCode(preambleValue(lines, /^sort ?code:?$/)) ?? account.sortCode;
  if (account.accountNumber) out.accountNumberMasked = account.accountNumber;
  if (sortCode) out.sortCodeMasked = sortCode;
  // The period as printed ("Statement period:", "01/12/2024 to 31/12/2024"), not the first and last rows' dates.
  const period = findPeriod(preambleValue(lines, /^(?:statement )?period:?$|^date range:?$/) ?? '');
  if (period) {
    out.periodStart = period.start;
    out.periodEnd = period.end;
  }
  return out;
}

/** Whether a cell reads as a date in one of the formats. */
const datedAs =
  (column: string, ...formats: DateFormat[]) =>
  (cell: Cell): boolean => {
    try {
      parseDate(cell(column), formats);
      return true;
    } catch {
      return false;
    }
  };

/** Santander's text download names the account on its "Account:" line, masked but for the last four digits. */
function santanderPreamble(lines: readonly (readonly string[])[]): Partial<StatementMetadata> {
  const account = preambleValue(lines, /^account:$/);
  const accountNumberMasked = maskAccountNumber(account);
  return accountNumberMasked ? { accountNumberMasked } : {};
}

/** The Lloyds Banking Group export (Lloyds, Halifax, Bank of Scotland) and TSB's, which kept its columns. */
const LLOYDS_GROUP_HEADER = [
  'transaction date',
  'transaction type',
  'sort code',
  'account number',
  'transaction description',
  'debit amount',
  'credit amount',
  'balance',
];

/**
 * The layouts, found by their header row. Where a bank's public export format is thinly documented, the
 * entry says what it is modelled on; such a layout asks for its exact header (`exactHeader`) so that it does
 * not claim other banks' files.
 */
export const LAYOUTS: readonly CsvLayout[] = [
  {
    id: 'monzo_csv',
    issuer: 'Monzo',
    banks: ['Monzo'],
    header: ['transaction id', 'date', 'time', 'type', 'name', 'amount', 'currency'],
    dateFormats: [DMY, ISO],
    date: 'date',
    description: firstOf('name', 'description'),
    amount: 'amount',
    balance: 'balance',
    reference: 'transaction id',
    // "Amount" is in the account's currency, which "Currency" names ("Local amount" and "Local currency" are what
    // was spent abroad, before conversion): an account in euros or dollars is no statement in pounds.
    currency: 'currency',
  },
  {
    // Monzo's first CSV export (2016 to 2018, also what the developer API's CSV gave): lower-case snake_case columns,
    // "created" a timestamp in UTC ("2018-03-30 17:32:57 +0000"), "amount" signed in pounds without fixed pence
    // ("-13.3", "-25"), no balance. Its date is the timestamp's, as printed (UTC: a payment made just after midnight in
    // summer time carries the day before). Not recognised before: such a file was refused as a layout not known.
    id: 'monzo_legacy_csv',
    issuer: 'Monzo',
    banks: ['Monzo'],
    header: ['id', 'created', 'amount', 'currency', 'local_amount', 'local_currency', 'description'],
    dateFormats: [ISO],
    date: 'created',
    // A top-up or a transfer may have no description; the notes say what it was, else the category does.
    description: firstOf('description', 'notes', 'category'),
    amount: 'amount',
    reference: 'id',
    currency: 'currency',
  },
  {
    // Starling's official export (starling-developer-sdk test/responses/v2-get-statement.csv); newer
    // downloads add a "Notes" column, which is not needed.
    id: 'starling_csv',
    issuer: 'Starling Bank',
    banks: ['Starling Bank'],
    header: ['date', 'counter party', 'reference', 'type', 'amount (gbp)', 'balance (gbp)'],
    dateFormats: [DMY],
    date: 'date',
    description: firstOf('counter party', 'reference'),
    amount: 'amount (gbp)',
    balance: 'balance (gbp)',
    reference: 'reference',
  },
  {
    id: 'barclays_csv',
    issuer: 'Barclays',
    banks: ['Barclays'],
    header: ['number', 'date', 'account', 'amount', 'subcategory', 'memo'],
    dateFormats: [DMY],
    date: 'date',
    description: firstOf('memo', 'subcategory'),
    amount: 'amount',
    account: 'account',
  },
  {
    // Lloyds, Halifax and Bank of Scotland share one platform and one export (firefly-iii
    // import-configurations gb/lloyds and gb/halifax map the same columns): the file does not say which.
    id: 'lloyds_csv',
    issuer: 'Lloyds, Halifax or Bank of Scotland',
    banks: ['Lloyds Bank', 'Halifax', 'Bank of Scotland'],
    header: LLOYDS_GROUP_HEADER,
    dateFormats: [DMY],
    firstRow: datedAs('transaction date', DMY),
    date: 'transaction date',
    description: firstOf('transaction description', 'transaction type'),
    paidOut: 'debit amount',
    paidIn: 'credit amount',
    balance: 'balance',
    account: 'account number',
    sortCode: 'sort code',
  },
  {
    // TSB left the Lloyds platform in 2018 and kept the export's columns, but writes the date as
    // YYYY-MM-DD (as public converters for "updated TSB" read it): the date tells the two apart.
    id: 'tsb_csv',
    issuer: 'TSB',
    banks: ['TSB'],
    header: LLOYDS_GROUP_HEADER,
    dateFormats: [ISO],
    firstRow: datedAs('transaction date', ISO),
    date: 'transaction date',
    description: firstOf('transaction description', 'transaction type'),
    paidOut: 'debit amount',
    paidIn: 'credit amount',
    balance: 'balance',
    account: 'account number',
    sortCode: 'sort code',
  },
  {
    id: 'nationwide_statement_csv',
    issuer: 'Nationwide',
    banks: ['Nationwide'],
    header: ['date', 'transaction type', 'description', 'paid out', 'paid in', 'balance'],
    dateFormats: [D_MON_Y, DMY],
    date: 'date',
    description: (cell) => joinTypeAndDescription(cleanText(cell('transaction type')), cleanText(cell('description'))),
    paidOut: 'paid out',
    paidIn: 'paid in',
    balance: 'balance',
    preamble: nationwidePreamble,
  },
  {
    id: 'nationwide_midata_csv',
    issuer: 'Nationwide',
    banks: ['Nationwide'],
    header: ['date', 'type', 'merchant/description', 'debit/credit', 'balance'],
    dateFormats: [DMY, D_MON_Y],
    date: 'date',
    description: (cell) => joinTypeAndDescription(cleanText(cell('type')), cleanText(cell('merchant/description'))),
    amount: 'debit/credit',
    balance: 'balance',
    skip: (_cell, fields) => /^arranged overdraft limit/i.test(cleanText(fields[0])),
    preamble: nationwidePreamble,
  },
  {
    id: 'natwest_csv',
    issuer: 'NatWest or RBS',
    banks: ['NatWest', 'RBS'],
    header: ['date', 'type', 'description', 'value', 'balance', 'account name', 'account number'],
    dateFormats: [DMY, D_MON_Y],
    date: 'date',
    description: text('description'),
    amount: 'value',
    balance: 'balance',
    account: 'account number',
    holder: 'account name',
  },
  {
    // Santander's download is a text file, not CSV: "Date:", "Description:", "Amount:" and "Balance:"
    // lines per transaction under "From:" and "Account:" lines (public converters such as
    // benhartley/ledger-santander read it so). santander-txt.ts turns it into rows under these names.
    id: 'santander_txt',
    issuer: 'Santander',
    banks: ['Santander'],
    header: SANTANDER_TXT_HEADER.map(normaliseHeader),
    exactHeader: true,
    dateFormats: [DMY],
    date: 'date:',
    description: text('description:'),
    amount: 'amount:',
    balance: 'balance:',
    preamble: santanderPreamble,
  },
  {
    // Modelled on the header a public parser documents for Metro Bank's export: "Date, Transaction type,
    // Description, Money out, Money in, Balance", dates DD/MM/YYYY.
    id: 'metro_csv',
    issuer: 'Metro Bank',
    banks: ['Metro Bank'],
    header: ['date', 'transaction type', 'description', 'money out', 'money in', 'balance'],
    exactHeader: true,
    dateFormats: [DMY],
    date: 'date',
    description: (cell) => joinTypeAndDescription(cleanText(cell('transaction type')), cleanText(cell('description'))),
    paidOut: 'money out',
    paidIn: 'money in',
    balance: 'balance',
  },
  {
    // first direct (part of HSBC) exports three columns with a header, "Date, Description, Amount", one
    // signed amount, dates DD/MM/YYYY (as ledger-autosync's first direct converter reads it). So plain a
    // header needs the exact match and a DD/MM/YYYY first row.
    id: 'first_direct_csv',
    issuer: 'first direct',
    banks: ['first direct'],
    header: ['date', 'description', 'amount'],
    exactHeader: true,
    firstRow: datedAs('date', DMY),
    dateFormats: [DMY],
    date: 'date',
    description: text('description'),
    amount: 'amount',
  },
  {
    // Public information on the Co-operative Bank's export is thin: modelled on its statement's columns
    // (money in before money out, then the balance), dates DD/MM/YYYY, exact header only.
    id: 'coop_csv',
    issuer: 'The Co-operative Bank',
    banks: ['The Co-operative Bank'],
    header: ['date', 'description', 'money in', 'money out', 'balance'],
    exactHeader: true,
    dateFormats: [DMY],
    date: 'date',
    description: text('description'),
    paidIn: 'money in',
    paidOut: 'money out',
    balance: 'balance',
  },
  {
    // Public information on Virgin Money's current-account export is thin: modelled as a transaction
    // date, description, type, one signed amount and the balance, dates DD/MM/YYYY, exact header only.
    id: 'virgin_money_csv',
    issuer: 'Virgin Money',
    banks: ['Virgin Money'],
    header: ['transaction date', 'description', 'type', 'amount', 'balance'],
    exactHeader: true,
    dateFormats: [DMY],
    date: 'transaction date',
    description: text('description'),
    amount: 'amount',
    balance: 'balance',
  },
  {
    // Revolut's statement export: "Type, Product, Started Date, Completed Date, Description, Amount, Fee,
    // Currency, State, Balance", dates "2024-03-01 09:15:02", the amount signed and the fee on top.
    // Only completed rows moved money: pending ones have no balance yet, and declined, reverted or failed
    // ones never will, so they are not transactions. The date is the completed date (when the balance moved).
    id: 'revolut_csv',
    issuer: 'Revolut',
    banks: ['Revolut'],
    header: ['type', 'product', 'started date', 'completed date', 'description', 'amount', 'fee', 'currency', 'state', 'balance'],
    dateFormats: [ISO],
    date: 'completed date',
    description: text('description'),
    amount: 'amount',
    fee: 'fee',
    balance: 'balance',
    // Each currency is an account of its own, its amounts and balance in that currency: "Currency" says which.
    currency: 'currency',
    skip: (cell) => cleanText(cell('state')).toUpperCase() !== 'COMPLETED',
    skipWarning: (n) =>
      `${n} row${n === 1 ? ' is' : 's are'} not completed (pending, declined, reverted or failed) and ${n === 1 ? 'was' : 'were'} left out: only completed rows moved money.`,
  },
  {
    // Public information on Chase UK's export is thin: a public importer reads "Transaction date",
    // "Description" and a signed "Amount" with YYYY-MM-DD dates. Modelled on that, with the running
    // balance Chase shows in the app; the exact header and a first row with an ISO date are required.
    id: 'chase_uk_csv',
    issuer: 'Chase UK',
    banks: ['Chase UK'],
    header: ['transaction date', 'description', 'amount', 'balance'],
    exactHeader: true,
    firstRow: datedAs('transaction date', ISO),
    dateFormats: [ISO],
    date: 'transaction date',
    description: text('description'),
    amount: 'amount',
    balance: 'balance',
  },
];

/** Layouts recognised without a header row, by the shape of their rows (csv/index.ts guessHeaderless). */
export const HEADERLESS_LAYOUTS = {
  /** HSBC's export: date, description, signed amount and sometimes the balance. */
  hsbc: { id: 'hsbc_csv', issuer: 'HSBC', banks: ['HSBC'] },
} as const satisfies Record<string, Pick<CsvLayout, 'id' | 'issuer' | 'banks'>>;
