/**
 * The UK bank CSV layouts Reckoner recognises by their header row (engineering-anchors.md §4.4–4.5): which
 * column holds what, the date format, and how the sign of an amount is written.
 * @module
 */
import type { StatementMetadata } from '../types.ts';
import { cleanText, D_MON_Y, DMY, ISO, maskAccountNumber, type DateFormat } from './values.ts';

/** A cell by its header name (normalised, see {@link normaliseHeader}); '' when the row has no such column. */
export type Cell = (column: string) => string;

export interface CsvLayout {
  /** e.g. `monzo_csv`; the `layout` in the metadata. */
  readonly id: string;
  /** The bank, as people name it. */
  readonly issuer: string;
  /** Normalised header names that must all be present for the layout to match. */
  readonly header: readonly string[];
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
  readonly reference?: string;
  /** A column naming the account on every row (to refuse files that mix accounts). */
  readonly account?: string;
  readonly sortCode?: string;
  /** A column with the account holder's name or the account's name. */
  readonly holder?: string;
  /** Rows that are not transactions, e.g. Nationwide's "Arranged Overdraft Limit" trailer. */
  readonly skip?: (cell: Cell, fields: readonly string[]) => boolean;
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

export const LAYOUTS: readonly CsvLayout[] = [
  {
    id: 'monzo_csv',
    issuer: 'Monzo',
    header: ['transaction id', 'date', 'time', 'type', 'name', 'amount', 'currency'],
    dateFormats: [DMY, ISO],
    date: 'date',
    description: firstOf('name', 'description'),
    amount: 'amount',
    balance: 'balance',
    reference: 'transaction id',
  },
  {
    id: 'starling_csv',
    issuer: 'Starling Bank',
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
    header: ['number', 'date', 'account', 'amount', 'subcategory', 'memo'],
    dateFormats: [DMY],
    date: 'date',
    description: firstOf('memo', 'subcategory'),
    amount: 'amount',
    account: 'account',
  },
  {
    id: 'lloyds_csv',
    issuer: 'Lloyds, Halifax or Bank of Scotland',
    header: [
      'transaction date',
      'transaction type',
      'sort code',
      'account number',
      'transaction description',
      'debit amount',
      'credit amount',
      'balance',
    ],
    dateFormats: [DMY],
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
    header: ['date', 'type', 'description', 'value', 'balance', 'account name', 'account number'],
    dateFormats: [DMY, D_MON_Y],
    date: 'date',
    description: text('description'),
    amount: 'value',
    balance: 'balance',
    account: 'account number',
    holder: 'account name',
  },
];

/** Names of the known layouts, for messages. */
export const KNOWN_BANKS =
  'Monzo, Starling, Barclays, HSBC, Lloyds/Halifax/Bank of Scotland, Nationwide (statement and midata) and NatWest/RBS';
