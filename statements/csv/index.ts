/**
 * CSV bank statements: the UK layouts recognised by their header (or, for HSBC, by the shape of the rows),
 * and any other layout through the caller's `csvMapping`. An unknown layout is refused with the columns
 * found and how to map them.
 * @module
 */
import { allPositiveWarning, cardPaymentRow, cardWarning } from './amount-sign.ts';
import { firstUnpadded, MONTH_FIRST, unpaddedWarning } from './date-order.ts';
import { DIRECTION_HEADER, DIRECTION_WORDS, directionOf } from './direction.ts';
import type { CivilDate } from '../../calc/dates.ts';
import { groupedCount, type Dec } from '../../calc/money.ts';
import { LIMITS, ParseError, type CsvMapping, type ParseRequest, type ParseResult, type StatementMetadata } from '../types.ts';
import { bankStatementResult, type LayoutSource, type StatementRow } from './assemble.ts';
import { inOrderOfEvents } from '../balance.ts';
import { markerKind } from '../balance-lines.ts';
import type { Budget } from './budget.ts';
import { supportedBanksSentence } from '../banks.ts';
import { HEADERLESS_LAYOUTS, LAYOUTS, labelledPreamble, normaliseHeader, type Cell, type CsvLayout } from './layouts.ts';
import { detectDelimiter, isBlank, readCsv, type CsvRecord } from './reader.ts';
import { isSantanderText, readSantanderText } from './santander-txt.ts';
import { rejoinedWarning, rejoinSplitAmounts } from './split-amounts.ts';
import { readDecimalCommas } from './decimal-comma.ts';
import { notDone, notDoneWarning, STATUS_HEADER } from './status.ts';
import {
  CellError,
  cleanText,
  compileDateFormat,
  D_MON_Y,
  dateFormatOf,
  DMY,
  maskAccountNumber,
  maskSortCode,
  parseAmount,
  parseDate,
  splitSortCodeAndAccount,
  type DateFormat,
} from './values.ts';

/** A mistake in the caller's `csvMapping`: an `invalid_input` that names the mapping field. */
export class MappingError extends ParseError {
  override name = 'MappingError';
  constructor(field: string, message: string) {
    super('invalid_input', message, field);
  }
}

/** Records looked at for a header row (statements put a few preamble lines first). */
const HEADER_SEARCH = 50;

/** Which column holds what, resolved to positions for one file. */
interface Plan {
  readonly id: string;
  readonly issuer?: string;
  readonly source: LayoutSource;
  /** Index in the records of the first row after the header (0 when there is none). */
  readonly dataStart: number;
  /** Names of the columns, for messages: the header as written, or "column 3". */
  readonly names: readonly string[];
  readonly dateFormats: readonly DateFormat[];
  readonly date: number;
  readonly description: (fields: readonly string[]) => string;
  readonly amount?: number;
  readonly paidOut?: number;
  readonly paidIn?: number;
  /** With `amount` unsigned: the column that says which way each amount went (direction.ts). */
  readonly direction?: number;
  readonly balance?: number;
  readonly fee?: number;
  /** The column naming each row's currency (the layout's, or a mapped file's "Currency" column). */
  readonly currency?: number;
  readonly reference?: number;
  readonly account?: number;
  readonly sortCode?: number;
  readonly holder?: number;
  readonly skip?: (fields: readonly string[]) => boolean;
  /** What to tell the caller about the rows skipped (by their records), if anything. */
  readonly skipWarning?: (skipped: readonly CsvRecord[]) => string;
  readonly metadata: Partial<StatementMetadata>;
  readonly warnings: readonly string[];
  /** Added to a date error, e.g. how to set csvMapping.dateFormat. */
  readonly dateAdvice?: string;
  /** How many fields a row has, where the plan knows it with no header (a headerless layout found from its rows). */
  readonly width?: number;
}

function planForLayout(layout: CsvLayout, records: readonly CsvRecord[], headerAt: number): Plan {
  const header = records[headerAt]!.fields;
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normaliseHeader(name);
    if (key !== '' && !index.has(key)) index.set(key, i);
  });
  const col = (name: string | undefined) => (name === undefined ? undefined : index.get(name));
  const cellOf = (fields: readonly string[]) => (name: string) => {
    const i = index.get(name);
    return i === undefined ? '' : (fields[i] ?? '');
  };
  const preamble = records.slice(0, headerAt).map((r) => r.fields);
  return {
    id: layout.id,
    issuer: layout.issuer,
    source: 'known',
    dataStart: headerAt + 1,
    names: header.map((h) => cleanText(h)),
    dateFormats: layout.dateFormats,
    date: col(layout.date)!,
    description: (fields) => layout.description(cellOf(fields)),
    amount: col(layout.amount),
    paidOut: col(layout.paidOut),
    paidIn: col(layout.paidIn),
    balance: col(layout.balance),
    fee: col(layout.fee),
    currency: col(layout.currency),
    reference: col(layout.reference),
    account: col(layout.account),
    sortCode: col(layout.sortCode),
    holder: col(layout.holder),
    skip: layout.skip ? (fields) => layout.skip!(cellOf(fields), fields) : undefined,
    ...(layout.skipWarning ? { skipWarning: (skipped: readonly CsvRecord[]) => layout.skipWarning!(skipped.length) } : {}),
    metadata: layout.preamble?.(preamble) ?? {},
    warnings: [],
  };
}

/** A cell of a row by its header name, for a layout's first-row check. */
function cellIn(header: readonly string[], fields: readonly string[]): Cell {
  return (name) => {
    const i = header.indexOf(name);
    return i < 0 ? '' : (fields[i] ?? '');
  };
}

/** Whether a header row has a layout's columns, exactly where the layout asks for its exact header. */
function headerFits(layout: CsvLayout, header: readonly string[]): boolean {
  const names = new Set(header);
  if (!layout.header.every((h) => names.has(h))) return false;
  const written = meaningful(header);
  return !layout.exactHeader || (written.length === layout.header.length && written.every((h, i) => h === layout.header[i]));
}

/** Whether the first row after the header passes the layout's check (a layout without one always does). */
function firstRowFits(layout: CsvLayout, records: readonly CsvRecord[], headerAt: number, header: readonly string[]): boolean {
  if (!layout.firstRow) return true;
  const first = records.slice(headerAt + 1).find((r) => !isBlank(r));
  return first === undefined || layout.firstRow(cellIn(header, first.fields));
}

/**
 * The known layout whose header is on one of the first lines, preferring the one that names most columns.
 * Among layouts that share a header (the Lloyds group and TSB), the first row decides; when it fits none of
 * them (a damaged date), the first is kept, so that the row is refused with what is wrong with it. A layout
 * alone with its header and a first row that does not fit (first direct's plain "Date, Description,
 * Amount" with ISO dates) is not the bank's: the file is a layout to map.
 */
function findKnownLayout(records: readonly CsvRecord[]): Plan | undefined {
  for (let i = 0; i < Math.min(records.length, HEADER_SEARCH); i++) {
    const header = records[i]!.fields.map(normaliseHeader);
    const byHeader = LAYOUTS.filter((layout) => headerFits(layout, header));
    const byRow = byHeader.filter((layout) => firstRowFits(layout, records, i, header));
    const matches = byRow.length > 0 || byHeader.length === 1 ? byRow : byHeader;
    if (matches.length > 0) {
      const best = matches.reduce((a, b) => (b.header.length > a.header.length ? b : a));
      return planForLayout(best, records, i);
    }
  }
  return undefined;
}

/** Trailing empty fields (from a trailing comma) are not columns. */
function meaningful(fields: readonly string[]): readonly string[] {
  let n = fields.length;
  while (n > 0 && fields[n - 1]!.trim() === '') n--;
  return fields.slice(0, n);
}

function readsAs<T>(f: () => T): boolean {
  try {
    return f() !== undefined;
  } catch {
    return false;
  }
}

/**
 * HSBC's export has no header: date, description, amount and sometimes the balance. Recognised only when
 * the first rows have exactly that shape.
 */
function guessHeaderless(records: readonly CsvRecord[]): Plan | undefined {
  const data = records.filter((r) => !isBlank(r));
  const rows = data.slice(0, 3);
  if (rows.length === 0) return undefined;
  // The columns' shape, on the fields as written or with amounts split by a bare thousands comma joined again
  // ("-1", "045.00": split-amounts.ts); a balance never reads "045.00", so such a field is no balance.
  const shaped = (f: readonly string[], width: number) =>
    f.length === width &&
    readsAs(() => parseDate(f[0]!, [DMY, D_MON_Y])) &&
    readsAs(() => parseAmount(f[2]!)) &&
    (width === 3 || (readsAs(() => parseAmount(f[3]!)) && !/^0\d\d(?:\.\d+)?$/.test(f[3]!.trim())));
  const fits = (r: CsvRecord, width: number) => {
    const f = meaningful(r.fields);
    if (f.length <= width) return shaped(f, width);
    const joined = rejoinSplitAmounts(f, width, new Set(width === 3 ? [2] : [2, 3]));
    return joined.kind === 'joined' && shaped(joined.fields, width);
  };
  const widths = [3, 4].filter((w) => rows.every((r) => fits(r, w)));
  // Both widths fit the first rows only where they split every amount: the rest of the file says which it is.
  const width = widths.length === 2 ? [3, 4].find((w) => data.every((r) => fits(r, w))) : widths[0];
  if (width === undefined || (widths.length === 2 && data.every((r) => fits(r, 3)) && data.every((r) => fits(r, 4)))) return undefined;
  return {
    id: HEADERLESS_LAYOUTS.hsbc.id,
    issuer: HEADERLESS_LAYOUTS.hsbc.issuer,
    source: 'guessed',
    dataStart: 0,
    names: ['column 0 (date)', 'column 1 (description)', 'column 2 (amount)', 'column 3 (balance)'],
    dateFormats: [DMY, D_MON_Y],
    date: 0,
    description: (fields) => cleanText(fields[1]),
    amount: 2,
    ...(width === 4 ? { balance: 3 } : {}),
    width,
    metadata: {},
    warnings: [
      `The file has no header row; its ${width} columns were read as HSBC's export does it (date, description, signed amount${width === 4 ? ', balance' : ''}), from the shape of the rows. If that is wrong, give csvMapping.`,
    ],
  };
}

/** Cuts a column name for a message. */
function shown(value: string): string {
  const v = cleanText(value);
  return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
}

/** A column name as it may be quoted: a short label (letters first; no long runs of digits or symbols). */
const LABEL = /^[\p{L}£$€(#][\p{L}\p{N} .,&/()£$€%:'’_#-]{0,39}$/u;
const DATE_LABEL = /date|posted|\btime\b|\bday\b/i;
const MONEY_LABEL = /amount|value|paid|debit|credit|\bout\b|\bin\b|money|balance|withdraw|deposit|payment|receipt|£|gbp/i;

/**
 * Whether a line reads as a statement's header row: two to sixty short labels, one naming a date and one a
 * sum of money, no label with a long run of digits. Only such a line is quoted back in a message (its
 * column names, shortened): any other line of a file that is not a statement, such as a credentials file,
 * is never repeated in an error.
 */
export function looksLikeHeader(fields: readonly string[]): boolean {
  const labels = fields.map((f) => cleanText(f)).filter((f) => f !== '');
  if (labels.length < 2 || labels.length > 60) return false;
  if (!labels.every((l) => LABEL.test(l) && !/\d{4}/.test(l))) return false;
  return labels.some((l) => DATE_LABEL.test(l)) && labels.some((l) => MONEY_LABEL.test(l));
}

/** The line most like a header: the first of the first lines with the most filled-in fields. */
function likelyHeader(records: readonly CsvRecord[]): CsvRecord | undefined {
  const candidates = records.slice(0, 20).filter((r) => !isBlank(r));
  const filled = (r: CsvRecord) => r.fields.filter((f) => f.trim() !== '').length;
  let best: CsvRecord | undefined;
  for (const r of candidates) if (best === undefined || filled(r) > filled(best)) best = r;
  return best;
}

/** What a line holds, said without repeating it: its header's column names if it is one, else the kind of each field. */
function describeLine(record: CsvRecord): string {
  const fields = meaningful(record.fields).slice(0, 30);
  if (looksLikeHeader(fields)) return `the columns found (line ${record.line}) are ${fields.map(shown).join(', ')}`;
  const kinds = fields.map((f, i) =>
    dateFormatOf([f]) ? `${i} a date` : f.trim() !== '' && readsAs(() => parseAmount(f)) ? `${i} an amount` : undefined,
  );
  const typed = kinds.filter((k): k is string => k !== undefined);
  return (
    `line ${record.line} has ${fields.length} field${fields.length === 1 ? ', which does' : 's, which do'} not read as a header row (${fields.length === 1 ? 'its' : 'their'} contents are not repeated here)` +
    (typed.length > 0 ? `; by position, field ${typed.join(', field ')}` : '')
  );
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The refusal for a layout Reckoner does not know: the columns found (a header row only) and a csvMapping to start from. */
function unknownLayout(records: readonly CsvRecord[]): ParseError {
  const header = likelyHeader(records);
  if (header === undefined) return new ParseError('parse_failed', 'The file holds no rows: it is empty apart from blank lines.');
  const fields = meaningful(header.fields).slice(0, 30);
  const isHeader = looksLikeHeader(fields);
  const pick = (pattern: RegExp, fallback?: number): string | number | undefined => {
    const i = isHeader ? fields.findIndex((f) => pattern.test(f)) : -1;
    if (i >= 0) return cleanText(fields[i]!);
    if (fallback === undefined || fallback >= fields.length) return undefined;
    return isHeader ? cleanText(fields[fallback]!) : fallback;
  };
  const example: Record<string, string | number> = {};
  const dateAt = fields.findIndex((f) => dateFormatOf([f]) !== undefined);
  const date = isHeader ? pick(/date/i, 0) : dateAt >= 0 ? dateAt : 0;
  if (date !== undefined) example.date = date;
  // No heading names the description: the first column of words below, not the date's nor one of figures, dates or
  // directions (a probe: "amount,balance,date,counterparty" was answered with the balance column as the description).
  const below = records
    .slice(records.indexOf(header) + (isHeader ? 1 : 0))
    .filter((r) => !isBlank(r))
    .slice(0, 20);
  const wordsAt = fields.findIndex((f, i) => {
    if (isHeader ? cleanText(f) === date : i === date) return false;
    const cells = below.map((r) => (r.fields[i] ?? '').trim()).filter((c) => c !== '');
    const words = cells.filter((c) => !readsAs(() => parseAmount(c)) && dateFormatOf([c]) === undefined);
    // A column of "DR" / "CR" says which way, not what.
    return words.length > 0 && !cells.every((c) => directionOf(c) !== undefined);
  });
  const named = isHeader ? pick(DESCRIPTION_LABEL) : undefined;
  const description = named ?? (wordsAt >= 0 ? (isHeader ? cleanText(fields[wordsAt]!) : wordsAt) : pick(/$^/, 1));
  if (description !== undefined) example.description = description;
  const amountAt = isHeader ? -1 : fields.findIndex((f, i) => i !== dateAt && f.trim() !== '' && readsAs(() => parseAmount(f)));
  const amount = isHeader ? pick(/amount|value/i) : amountAt >= 0 ? amountAt : undefined;
  // A column that says which way an unsigned amount went ("DR/CR"): its header says so and every cell below reads so.
  const dataRows = records
    .slice(records.indexOf(header) + 1)
    .filter((r) => !isBlank(r))
    .slice(0, 20);
  const directionAt = isHeader
    ? fields.findIndex(
        (f, i) =>
          DIRECTION_HEADER.test(cleanText(f)) && dataRows.length > 0 && dataRows.every((r) => directionOf(r.fields[i] ?? '') !== undefined),
      )
    : -1;
  const direction = directionAt >= 0 && amount !== undefined ? cleanText(fields[directionAt]!) : undefined;
  const notDirection = (pattern: RegExp) =>
    direction === undefined ? pattern : new RegExp(`^(?!${escapeRegExp(direction)}$).*(${pattern.source})`, 'i');
  const paidOut = isHeader ? pick(notDirection(/out|debit|withdraw|payment/i)) : undefined;
  const paidIn = isHeader ? pick(notDirection(/\bin\b|credit|deposit|receipt/i)) : undefined;
  if (direction !== undefined) {
    example.amount = amount!;
    example.direction = direction;
  } else if (amount === undefined && paidOut !== undefined && paidIn !== undefined) {
    example.paidOut = paidOut;
    example.paidIn = paidIn;
  } else {
    example.amount = amount ?? (isHeader ? '<amount column>' : 2);
  }
  const balance = isHeader ? pick(/balance/i) : undefined;
  if (balance !== undefined) example.balance = balance;
  // The form of the dates in that column, from the rows that follow the header (or from the first row on).
  const dateColumn = typeof date === 'number' ? date : fields.findIndex((f) => cleanText(f) === date);
  const rows = records
    .slice(records.indexOf(header) + (isHeader ? 1 : 0))
    .filter((r) => !isBlank(r))
    .slice(0, 20);
  const cells = rows.map((r) => r.fields[dateColumn] ?? '');
  example.dateFormat = (dateFormatOf(cells) ?? dateFormatOf(cells.slice(0, 1)) ?? DMY).text;
  const found = isHeader
    ? `The columns found (line ${header.line}) are ${fields.map(shown).join(', ')}`
    : `The file has no header row Reckoner recognises: ${describeLine(header)}`;
  return new ParseError(
    'unsupported',
    `This CSV layout is not one Reckoner recognises (it knows the exports of ${supportedBanksSentence('csv')}). ${found}. ` +
      `Say which column holds what with csvMapping, for example ${JSON.stringify(example)}: "amount" is one signed column (negative for money out), or give "paidOut" and "paidIn" instead when they are separate columns; ` +
      `"direction" goes with an amount printed unsigned, naming the column that says which way each went, as ${DIRECTION_WORDS}; "balance" and "reference" are optional; ` +
      `columns are named as in the header or given by position counting from 0; dateFormat is e.g. "DD/MM/YYYY", "YYYY-MM-DD" or "D MMM YYYY".`,
  );
}

/** The caller's mapping, checked and resolved against this file. */
function planForMapping(mapping: CsvMapping, records: readonly CsvRecord[]): Plan {
  if (mapping === null || typeof mapping !== 'object') throw new MappingError('csvMapping', 'must be an object naming the columns');
  const fields = ['date', 'description', 'amount', 'paidOut', 'paidIn', 'direction', 'balance', 'reference'] as const;
  for (const f of fields) {
    const v = mapping[f];
    if (v === undefined) continue;
    if (typeof v === 'number' ? !Number.isInteger(v) || v < 0 || v > 999 : typeof v !== 'string' || v.trim() === '') {
      throw new MappingError(`csvMapping.${f}`, 'must be a column name from the header, or a column position counting from 0');
    }
  }
  if (mapping.date === undefined) throw new MappingError('csvMapping.date', 'is missing; name the column that holds the date');
  if (mapping.description === undefined) {
    throw new MappingError('csvMapping.description', 'is missing; name the column that holds the description');
  }
  if (mapping.amount !== undefined && (mapping.paidOut !== undefined || mapping.paidIn !== undefined)) {
    throw new MappingError('csvMapping.amount', 'give either amount (one signed column) or paidOut and paidIn (two columns), not both');
  }
  if (mapping.amount === undefined && mapping.paidOut === undefined && mapping.paidIn === undefined) {
    throw new MappingError('csvMapping.amount', 'is missing; give amount (one signed column) or paidOut and paidIn (two columns)');
  }
  if (mapping.direction !== undefined && mapping.amount === undefined) {
    throw new MappingError(
      'csvMapping.direction',
      'goes with amount (one column printed unsigned), not with paidOut and paidIn, whose columns already say which way',
    );
  }
  let format: DateFormat;
  try {
    format = compileDateFormat(mapping.dateFormat ?? 'DD/MM/YYYY');
  } catch (e) {
    throw new MappingError('csvMapping.dateFormat', (e as Error).message);
  }

  const named = fields.filter((f) => typeof mapping[f] === 'string');
  let headerAt = -1;
  if (named.length > 0) {
    for (let i = 0; i < Math.min(records.length, HEADER_SEARCH) && headerAt < 0; i++) {
      const names = new Set(records[i]!.fields.map(normaliseHeader));
      if (named.every((f) => names.has(normaliseHeader(mapping[f] as string)))) headerAt = i;
    }
    if (headerAt < 0) {
      const header = likelyHeader(records);
      const names = new Set((header?.fields ?? []).map(normaliseHeader));
      const missing = named.find((f) => !names.has(normaliseHeader(mapping[f] as string))) ?? named[0]!;
      throw new MappingError(
        `csvMapping.${missing}`,
        `names the column ${shown(String(mapping[missing]))}, but no line near the top of the file has ${named.length > 1 ? 'all the named columns' : 'it'}` +
          (header ? `; ${describeLine(header)}` : ''),
      );
    }
  } else {
    // Positions only: the first row is a header if its date cell is words ("Date"), not a date. One with digits
    // that do not read as a date is a row whose date is written another way: refused, saying so.
    const first = records.findIndex((r) => !isBlank(r));
    const cell = first >= 0 ? (records[first]!.fields[mapping.date as number] ?? '') : '';
    if (first >= 0 && !/\d/.test(cell) && !readsAs(() => parseDate(cell, [format]))) headerAt = first;
  }

  const header = headerAt >= 0 ? records[headerAt]!.fields : [];
  const width = Math.max(header.length, ...records.slice(headerAt + 1, headerAt + 6).map((r) => r.fields.length));
  const position = (f: (typeof fields)[number]): number | undefined => {
    const v = mapping[f];
    if (v === undefined) return undefined;
    if (typeof v === 'number') {
      if (v >= width) {
        throw new MappingError(`csvMapping.${f}`, `is column ${v}, but the rows have ${width} columns (0 to ${width - 1})`);
      }
      return v;
    }
    return header.findIndex((h) => normaliseHeader(h) === normaliseHeader(v));
  };
  const description = position('description')!;
  // A header column that names each row's currency, which the mapping cannot name: rows in another are not pounds.
  const currency = header.findIndex((h) => CURRENCY_HEADER.test(normaliseHeader(h)));
  // Nor can it name a column that says whether each row went through: declined, reverted and pending rows moved no
  // money (a statement probe read them as payments made, or refused the file for their empty completed date).
  const mapped = new Set(fields.map(position).filter((c): c is number => c !== undefined));
  const status = header.findIndex((h, i) => !mapped.has(i) && STATUS_HEADER.test(normaliseHeader(h)));
  // Column names come from the file only when its line reads as a header row, or when the mapping itself
  // gave the name; otherwise a column is called by its position (a line of some other file is not quoted).
  const givenNames = new Set(named.map((f) => normaliseHeader(mapping[f] as string)));
  const quotable = looksLikeHeader(header);
  const names = Array.from({ length: width }, (_, i) => {
    const name = header[i] === undefined ? '' : cleanText(header[i]);
    return name !== '' && (quotable || givenNames.has(normaliseHeader(name)))
      ? name.length > 40
        ? `${name.slice(0, 37)}...`
        : name
      : `column ${i}`;
  });
  return {
    id: 'custom_csv',
    source: 'mapping',
    dataStart: headerAt + 1,
    names,
    dateFormats: [format],
    date: position('date')!,
    description: (row) => cleanText(row[description]),
    amount: position('amount'),
    paidOut: position('paidOut'),
    paidIn: position('paidIn'),
    direction: position('direction'),
    balance: position('balance'),
    reference: position('reference'),
    ...(currency >= 0 ? { currency } : {}),
    ...(status >= 0
      ? {
          skip: (row: readonly string[]) => notDone(row[status] ?? ''),
          skipWarning: (skipped: readonly CsvRecord[]) =>
            notDoneWarning(
              JSON.stringify(cleanText(header[status])),
              skipped.map((r) => ({ line: r.line, status: cleanText(r.fields[status]) })),
            ),
        }
      : {}),
    metadata: labelledPreamble(records.slice(0, Math.max(0, headerAt)).map((r) => r.fields)),
    warnings: [],
    dateAdvice: `if the dates are written another way, set csvMapping.dateFormat (now "${format.text}")`,
  };
}

/** A header naming a column of currency codes. */
const CURRENCY_HEADER = /^(?:currency|currency code|ccy|account currency)$/;

/** A currency cell that means pounds: blank (the account's own), "GBP" or "£". */
const isPounds = (cell: string) => /^(?:|gbp|£|gb pounds?|pounds? sterling)$/i.test(cleanText(cell));

/**
 * Rows in another currency than pounds, left out: the file refused when no row is in pounds (a euro or dollar
 * account, read as pounds, would be wrong in every figure), else a warning naming each (the first ten). Each
 * currency is an account of its own with its own balance, so the rows in pounds still chain.
 */
function foreignRows(plan: Plan, foreign: readonly { line: number; currency: string }[], read: number, warnings: string[]): void {
  if (foreign.length === 0) return;
  const currencies = [...new Set(foreign.map((f) => f.currency))];
  const column = columnName(plan, plan.currency!);
  if (read === 0) {
    throw new ParseError(
      'unsupported',
      `The transactions in this file are in ${currencies.join(' and ')}, not pounds (column ${column}, line ${foreign[0]!.line} onwards): Reckoner reads statements in pounds (GBP) only. Export the statement of the account in pounds.`,
    );
  }
  const n = foreign.length;
  const named = foreign.slice(0, 10).map((f) => `line ${f.line} (${f.currency})`);
  const more = n > 10 ? ` and ${n - 10} more` : '';
  warnings.push(
    `${n} row${n === 1 ? ' is' : 's are'} in another currency than pounds (column ${column}) and ${n === 1 ? 'was' : 'were'} left out, not read as pounds: ${named.join(', ')}${more}. Only the ${read} row${read === 1 ? '' : 's'} in pounds (GBP) ${read === 1 ? 'was' : 'were'} read.`,
  );
}

interface ReadRow extends StatementRow {
  readonly account?: string;
}

/** A cell read as money, or a `parse_failed` naming the line and the column. */
function amountCell(plan: Plan, record: CsvRecord, column: number | undefined, what: string): Dec | undefined {
  if (column === undefined) return undefined;
  try {
    return parseAmount(record.fields[column] ?? '');
  } catch (e) {
    if (e instanceof CellError)
      throw new ParseError('parse_failed', `Line ${record.line}, column ${columnName(plan, column)} (${what}): ${e.message}.`);
    throw e;
  }
}

function columnName(plan: Plan, column: number): string {
  return JSON.stringify(plan.names[column] ?? `column ${column}`);
}

/**
 * Refuses a row with a cell longer than {@link LIMITS}.maxCellChars (blank space around it aside), naming the line and
 * the column; its contents are not repeated. No bank writes such a cell, so the file is damaged or was not exported by
 * the bank, and one absurd cell is refused rather than cut short and read (a security probe's 19 MB description was
 * carried into the answer).
 */
function tooLongCell(plan: Plan, record: CsvRecord): void {
  record.fields.forEach((cell, column) => {
    if (cell.length <= LIMITS.maxCellChars) return;
    const length = cell.trim().length;
    if (length <= LIMITS.maxCellChars) return;
    // The column by its name in the header where it has a plain one, else by its number counting from 1.
    const name = plan.names[column];
    const shownColumn = name && name.length <= 60 ? JSON.stringify(name) : `${column + 1}`;
    throw new ParseError(
      'parse_failed',
      `Line ${record.line}, column ${shownColumn}: the cell is ${groupedCount(length)} characters long, more than the ${groupedCount(LIMITS.maxCellChars)} a cell may hold (a bank writes a description in a few dozen), so the file is damaged or was not exported by the bank. Export the statement again from online banking, or correct that cell in a spreadsheet and save the file as CSV.`,
    );
  });
}

/**
 * The signed amount of a row: one signed column, or money out and money in, less any fee charged with it
 * (the balance moves by both). Counts reversals in `flipped`.
 */
/**
 * Negative figures in a money-out or money-in column, as read: how many rows have a figure in each column, and which
 * rows (by index) had a negative one counted the other way.
 */
interface Flipped {
  count: number;
  last?: 'out' | 'in';
  readonly values: { out: number; in: number };
  readonly rows: { readonly out: number[]; readonly in: number[] };
}

function signedAmount(plan: Plan, record: CsvRecord, flipped: Flipped): Dec {
  const amount = signedBeforeFee(plan, record, flipped);
  const fee = amountCell(plan, record, plan.fee, 'the fee');
  return fee === undefined || fee.isZero() ? amount : amount.minus(fee.abs());
}

function signedBeforeFee(plan: Plan, record: CsvRecord, flipped: Flipped): Dec {
  if (plan.amount !== undefined) {
    const v = amountCell(plan, record, plan.amount, 'the amount');
    if (v === undefined) {
      throw new ParseError(
        'parse_failed',
        `Line ${record.line}, column ${columnName(plan, plan.amount)} (the amount) is empty; every transaction needs an amount.`,
      );
    }
    if (plan.direction === undefined) return v;
    // An unsigned amount beside a column that says which way it went.
    const cell = record.fields[plan.direction] ?? '';
    const way = directionOf(cell);
    if (way === undefined) {
      throw new ParseError(
        'parse_failed',
        `Line ${record.line}, column ${columnName(plan, plan.direction)} (which way the amount went) ${cell.trim() === '' ? 'is empty' : `is ${JSON.stringify(cleanText(cell).slice(0, 20))}`}; it must say ${DIRECTION_WORDS}.`,
      );
    }
    // A figure printed negative says money out too: beside a cell that says money in, the file contradicts itself.
    if (v.isNegative() && way === 'in') {
      throw new ParseError(
        'parse_failed',
        `Line ${record.line}: the amount in column ${columnName(plan, plan.amount)} is negative (money out), but column ${columnName(plan, plan.direction)} says ${JSON.stringify(cleanText(cell))} (money in); correct the row, or leave csvMapping.direction out if the amounts are signed.`,
      );
    }
    return way === 'out' ? v.abs().negated() : v.abs();
  }
  const out = amountCell(plan, record, plan.paidOut, 'money out');
  const inn = amountCell(plan, record, plan.paidIn, 'money in');
  const hasOut = out !== undefined && !out.isZero();
  const hasIn = inn !== undefined && !inn.isZero();
  if (hasOut && hasIn) {
    throw new ParseError(
      'parse_failed',
      `Line ${record.line} has an amount both in ${columnName(plan, plan.paidOut!)} and in ${columnName(plan, plan.paidIn!)}; a transaction is money out or money in, not both.`,
    );
  }
  if (out === undefined && inn === undefined) {
    const columns = [plan.paidOut, plan.paidIn].filter((c): c is number => c !== undefined).map((c) => columnName(plan, c));
    throw new ParseError(
      'parse_failed',
      `Line ${record.line} has no amount in ${columns.join(' or ')}; every transaction needs an amount.`,
    );
  }
  // A negative figure in a money-out or money-in column (a reversal) counts the other way; readRows undoes that for a
  // column signed throughout.
  if (hasOut) flipped.values.out++;
  if (hasIn) flipped.values.in++;
  flipped.last = undefined;
  if ((hasOut && out.isNegative()) || (hasIn && inn.isNegative())) {
    flipped.count++;
    flipped.last = hasOut ? 'out' : 'in';
  }
  if (hasOut) return out.negated();
  if (hasIn) return inn;
  return (out ?? inn)!.abs();
}

/** A column name in a csvMapping that describes the transaction. */
const DESCRIPTION_LABEL = /desc|detail|narrative|memo|payee|particulars|name|merchant/i;

/**
 * How to get a date read that is written another way than the layout's: the form it is in, and the csvMapping
 * that reads it (for a known bank's layout, its columns named as in the file's header).
 */
function dateAdvice(plan: Plan, cell: string): string | undefined {
  const guess = dateFormatOf([cell]) ?? MONTH_FIRST.find((f) => readsAs(() => parseDate(cell, [f])));
  if (guess === undefined || plan.dateFormats.some((f) => f.text === guess.text)) return plan.dateAdvice;
  if (plan.source === 'mapping') return `it reads as ${guess.text}: set csvMapping.dateFormat to "${guess.text}"`;
  const name = (column: number | undefined) => (column === undefined ? undefined : plan.names[column]);
  const description = plan.names.find((n) => DESCRIPTION_LABEL.test(n));
  const mapping = {
    date: name(plan.date),
    ...(description ? { description } : {}),
    ...(plan.amount !== undefined ? { amount: name(plan.amount) } : { paidOut: name(plan.paidOut), paidIn: name(plan.paidIn) }),
    ...(plan.balance !== undefined ? { balance: name(plan.balance) } : {}),
    dateFormat: guess.text,
  };
  return (
    `it reads as ${guess.text}, not as this bank's export writes dates (a spreadsheet may have saved the file again): ` +
    `if every date in the file is written so, send it with csvMapping, for example ${JSON.stringify(mapping)}`
  );
}

/**
 * Where the lines at the end of the file that are not transactions begin: a total, a closing balance or "End of
 * statement" after the last row, each with no digit where the date goes (and any blank lines among them). A line
 * there with a digit in its date cell is a damaged row, not a summary, and is read (and refused) as a row; so is
 * everything when no row comes before such lines.
 */
function summaryStart(records: readonly CsvRecord[], plan: Plan): number {
  let start = records.length;
  let labels = 0;
  while (start > plan.dataStart) {
    const record = records[start - 1]!;
    if (!isBlank(record) && !plan.skip?.(record.fields)) {
      if (/\d/.test(record.fields[plan.date] ?? '')) break;
      labels++;
    }
    start--;
  }
  if (labels === 0) return records.length;
  const rowBefore = records.slice(plan.dataStart, start).some((r) => !isBlank(r) && !plan.skip?.(r.fields));
  return rowBefore ? start : records.length;
}

/**
 * Whether a row gives a balance, not a transaction: its words say so ("BALANCE BROUGHT FORWARD", "Closing balance";
 * balance-lines.ts) and its amount cells are blank or 0.00 (some exports fill every cell). A totals row is not
 * left out here: "TOTAL CARE INSURANCE" reads as one.
 */
function isBalanceRow(plan: Plan, fields: readonly string[]): boolean {
  const kind = markerKind(plan.description(fields));
  if (kind !== 'open' && kind !== 'close') return false;
  return [plan.amount, plan.paidOut, plan.paidIn].every((c) => {
    if (c === undefined) return true;
    try {
      const v = parseAmount(fields[c] ?? '');
      return v === undefined || v.isZero();
    } catch {
      return false;
    }
  });
}

/** The warning for balance rows left out, naming each (the first five) by its line and words. */
function balanceRowsWarning(plan: Plan, records: readonly CsvRecord[]): string {
  const named = records.slice(0, 5).map((r) => `line ${r.line} (${shown(plan.description(r.fields))})`);
  const more = records.length > 5 ? ` and ${records.length - 5} more` : '';
  const one = records.length === 1;
  return `${one ? 'A row gives' : `${records.length} rows give`} a balance, not a transaction, and ${one ? 'was' : 'were'} left out: ${named.join(', ')}${more}.`;
}

/**
 * The number of fields a data row should have: what a row is measured against, and how to say so. With a header row,
 * its columns (trailing empty ones left out): where most rows split a value ("1,045.00" unquoted in a column of
 * large amounts), the most common width is the split one, and only the header shows it (a statement probe of January
 * 2027). Without one, the number most data rows have (blank ones left out), the smaller where two are as common (a
 * split value adds a field).
 */
function usualWidth(
  records: readonly CsvRecord[],
  from: number,
  to: number,
  header: readonly string[] | undefined,
  known?: number,
): { width: number; said: string } {
  const counts = new Map<number, number>();
  for (let k = from; k < to; k++) {
    const r = records[k]!;
    if (!isBlank(r)) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
  }
  const most = Math.max(0, ...counts.values());
  const tied = [...counts].filter(([, n]) => n === most).map(([width]) => width);
  const common = tied.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...tied);
  if (header === undefined && known !== undefined) return { width: known, said: `the file's rows have ${known}` };
  if (header === undefined) return { width: common, said: `the other rows have ${common}` };
  const width = meaningful(header).length;
  return { width, said: tied.includes(width) ? `the other rows have ${width}` : `the header row has ${width} columns` };
}

/** Reads the data rows of a plan. */
function readRows(records: readonly CsvRecord[], plan: Plan, budget: Budget, warnings: string[]): ReadRow[] {
  const rows: ReadRow[] = [];
  const used = [plan.date, plan.amount, plan.paidOut, plan.paidIn, plan.balance, plan.fee].filter((c): c is number => c !== undefined);
  const widest = Math.max(...used);
  const flipped: Flipped = { count: 0, values: { out: 0, in: 0 }, rows: { out: [], in: [] } };
  const skipped: CsvRecord[] = [];
  const balanceRows: CsvRecord[] = [];
  const foreign: { line: number; currency: string }[] = [];
  const end = summaryStart(records, plan);
  const { width: usual, said } = usualWidth(
    records,
    plan.dataStart,
    end,
    plan.dataStart > 0 ? records[plan.dataStart - 1]!.fields : undefined,
    plan.width,
  );
  const money = new Set([plan.amount, plan.paidOut, plan.paidIn, plan.balance, plan.fee].filter((c): c is number => c !== undefined));
  const rejoined: number[] = [];
  for (let k = plan.dataStart; k < end; k++) {
    let record = records[k]!;
    let fields = record.fields;
    if (isBlank(record)) continue;
    tooLongCell(plan, record);
    if (plan.skip?.(fields)) {
      skipped.push(record);
      continue;
    }
    if (isBalanceRow(plan, fields)) {
      balanceRows.push(record);
      continue;
    }
    // A row with more fields than the others, the extra ones not empty: a value with a comma in it that is not in
    // quotes, split in two ("2,450.00" read as "2" and "450.00"): its amount would be read wrongly, without a word
    // (a statement probe of 6 December 2026: £1,045.00 out read as £1.00). Trailing empty fields are harmless.
    // Where joining parts that read as an amount split at its thousands comma is the one way to give the row its width
    // with the amount in a money column, they are joined, with a warning (split-amounts.ts); otherwise refused.
    if (fields.length > usual && fields.slice(usual).some((f) => f.trim() !== '')) {
      const joined = rejoinSplitAmounts(meaningful(fields), usual, money);
      if (joined.kind !== 'joined') {
        throw new ParseError(
          'parse_failed',
          `Line ${record.line} has ${fields.length} fields, but ${said}: a value with a comma in it is not in quotes, ` +
            'so it was split in two (an amount written 1,045.00 without quotes reads as "1" and "045.00"), and its amount cannot be read safely' +
            (joined.kind === 'ambiguous' ? ' (its parts could be joined again more than one way). ' : '. ') +
            'Export the statement again, or open it in a spreadsheet and save it as CSV, so that such values are in quotes.',
        );
      }
      fields = joined.fields;
      record = { ...record, fields };
      rejoined.push(record.line);
    }
    if (fields.length <= widest) {
      throw new ParseError(
        'parse_failed',
        `Line ${record.line} has ${fields.length} field${fields.length === 1 ? '' : 's'}, but the ${columnName(plan, widest)} column is field ${widest + 1}: ` +
          'the row is incomplete, so the file looks cut off or damaged. Download the statement again and send the whole file.',
      );
    }
    if (plan.currency !== undefined && !isPounds(fields[plan.currency] ?? '')) {
      const code = cleanText(fields[plan.currency]).toUpperCase();
      foreign.push({ line: record.line, currency: /^[A-Z]{3}$/.test(code) ? code : 'another currency' });
      continue;
    }
    let date: CivilDate;
    try {
      date = parseDate(fields[plan.date] ?? '', plan.dateFormats);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      const advice = dateAdvice(plan, fields[plan.date] ?? '');
      throw new ParseError(
        'parse_failed',
        `Line ${record.line}, column ${columnName(plan, plan.date)} (the date): ${e.message}${advice ? `; ${advice}` : ''}.`,
      );
    }
    const row: { -readonly [K in keyof ReadRow]: ReadRow[K] } = {
      date,
      signed: signedAmount(plan, record, flipped),
      description: plan.description(fields),
      where: `line ${record.line}`,
      // The line the record starts on: a quoted field with line breaks in it makes a row span lines.
      source: { line: record.line },
    };
    const balance = amountCell(plan, record, plan.balance, 'the balance');
    if (balance !== undefined) row.balance = balance;
    if (plan.reference !== undefined) {
      const reference = cleanText(fields[plan.reference]);
      if (reference) row.reference = reference;
    }
    if (plan.account !== undefined) {
      const account = `${plan.sortCode === undefined ? '' : cleanText(fields[plan.sortCode])} ${cleanText(fields[plan.account])}`.trim();
      if (account) row.account = account;
    }
    if (flipped.last) flipped.rows[flipped.last].push(rows.length);
    rows.push(row);
    if ((rows.length & 1023) === 0) {
      budget.checkTime();
      budget.checkRows(rows.length, 'transactions');
    }
  }
  budget.checkRows(rows.length, 'transactions');
  if (rejoined.length > 0) warnings.push(rejoinedWarning(rejoined));
  foreignRows(plan, foreign, rows.length, warnings);
  if (skipped.length > 0 && plan.skipWarning) warnings.push(plan.skipWarning(skipped));
  if (balanceRows.length > 0) warnings.push(balanceRowsWarning(plan, balanceRows));
  const summary = records.slice(end).filter((r) => !isBlank(r) && !plan.skip?.(r.fields));
  if (summary.length > 0) {
    const lines = summary.length === 1 ? `line ${summary[0]!.line}` : `lines ${summary[0]!.line}–${summary.at(-1)!.line}`;
    warnings.push(
      `The ${summary.length === 1 ? 'line' : `${summary.length} lines`} after the last transaction (${lines}) ${summary.length === 1 ? 'has' : 'have'} no date, so ${summary.length === 1 ? 'it was' : 'they were'} read as a summary or a note (a total, a closing balance, "end of statement") and left out; check ${summary.length === 1 ? 'it holds' : 'they hold'} no transaction.`,
    );
  }
  // A money-out (or money-in) column whose every figure is negative prints its sign as a style, as some banks print
  // money out ("-433.33" under "Debit"): those are not reversals, and count the column's own way.
  for (const column of ['out', 'in'] as const) {
    const negative = flipped.rows[column];
    if (negative.length < 2 || negative.length !== flipped.values[column]) continue;
    for (const i of negative) rows[i] = { ...rows[i]!, signed: rows[i]!.signed.negated() };
    flipped.count -= negative.length;
  }
  const n = flipped.count;
  if (n > 0) {
    warnings.push(
      `${n} row${n === 1 ? ' has' : 's have'} a negative figure in a money-out or money-in column; ${n === 1 ? 'it was' : 'they were'} counted the other way (as a reversal).`,
    );
  }
  return rows;
}

/**
 * One signed amount column, no balance and no direction column: whether it runs a card's way round (amount-sign.ts),
 * and a warning where every figure is positive (each row then reads as money in).
 */
function withAmountSign(plan: Plan, rows: ReadRow[], warnings: string[]): { rows: ReadRow[]; card: boolean } {
  if (plan.amount === undefined || plan.direction !== undefined || plan.balance !== undefined || rows.length === 0)
    return { rows, card: false };
  const card = cardPaymentRow(rows);
  if (card) {
    warnings.push(cardWarning(columnName(plan, plan.amount), card));
    return { rows: rows.map((r) => ({ ...r, signed: r.signed.negated() })), card: true };
  }
  if (rows.length >= 3 && rows.every((r) => r.signed.isPositive() && !r.signed.isZero())) {
    warnings.push(allPositiveWarning(columnName(plan, plan.amount), rows.length));
  }
  return { rows, card: false };
}

/** Masked account details from the columns of the first row. */
function accountMetadata(plan: Plan, records: readonly CsvRecord[]): Partial<StatementMetadata> {
  const first = records.slice(plan.dataStart).find((r) => !isBlank(r) && !plan.skip?.(r.fields));
  if (!first) return {};
  const meta: { -readonly [K in keyof StatementMetadata]?: StatementMetadata[K] } = {};
  if (plan.account !== undefined) {
    const raw = first.fields[plan.account];
    if (plan.sortCode !== undefined) {
      const sortCode = maskSortCode(first.fields[plan.sortCode]);
      const accountNumber = maskAccountNumber(raw);
      if (sortCode) meta.sortCodeMasked = sortCode;
      if (accountNumber) meta.accountNumberMasked = accountNumber;
    } else {
      const split = splitSortCodeAndAccount(raw);
      if (split.sortCode) meta.sortCodeMasked = split.sortCode;
      if (split.accountNumber) meta.accountNumberMasked = split.accountNumber;
    }
  }
  if (plan.holder !== undefined) {
    const holder = cleanText(first.fields[plan.holder]);
    if (holder) meta.accountHolder = holder;
  }
  return meta;
}

/** Refuses a file whose rows come from more than one account: their balances and transfers would be mixed up. */
function refuseMixedAccounts(rows: readonly ReadRow[]): void {
  const accounts = [...new Set(rows.map((r) => r.account).filter((a): a is string => a !== undefined))];
  if (accounts.length <= 1) return;
  const masked = accounts.slice(0, 5).map((a) => {
    const split = splitSortCodeAndAccount(a.replace(/\s+/, ' '));
    return split.accountNumber ?? maskAccountNumber(a) ?? 'an unnamed account';
  });
  throw new ParseError(
    'unsupported',
    `This file holds transactions from ${accounts.length} accounts (${masked.join(', ')}); export one account at a time and send each file separately.`,
  );
}

/** Parses a CSV bank statement from its text. */
export function parseCsv(text: string, request: ParseRequest, budget: Budget, warnings: readonly string[], doubtful: number): ParseResult {
  // Santander's download is labelled lines, not CSV; it is turned into the same records. Amounts written with a
  // decimal comma throughout a semicolon- or tab-separated file are rewritten with a point (decimal-comma.ts).
  const delimiter = isSantanderText(text) ? undefined : detectDelimiter(text);
  const decimal =
    delimiter === undefined ? { records: readSantanderText(text, budget) } : readDecimalCommas(readCsv(text, delimiter, budget), delimiter);
  const records = decimal.records;
  if (records.every(isBlank)) {
    throw new ParseError('parse_failed', 'The file holds no rows: it is empty apart from blank lines. Send the statement file itself.');
  }
  const plan = request.csvMapping
    ? planForMapping(request.csvMapping, records)
    : (findKnownLayout(records) ??
      guessHeaderless(records) ??
      (() => {
        throw unknownLayout(records);
      })());
  const extra: string[] = [...warnings, ...(decimal.warning ? [decimal.warning] : []), ...plan.warnings];
  const { rows: read, card } = withAmountSign(plan, readRows(records, plan, budget, extra), extra);
  // A known layout's dates written unpadded: saved again by a spreadsheet, perhaps month first (date-order.ts).
  if (plan.source === 'known') {
    const dates = records.slice(plan.dataStart).map((r) => ({ cell: r.fields[plan.date] ?? '', line: r.line }));
    const unpadded = firstUnpadded(dates);
    if (unpadded) extra.push(unpaddedWarning(plan.issuer, unpadded.cell, unpadded.line));
  }
  refuseMixedAccounts(read);
  const { rows, order } = inOrderOfEvents(read);
  if (order === 'newest_first' && rows.length > 1)
    extra.push('The file lists the newest transactions first; they are given here oldest first.');
  const metadata: StatementMetadata = {
    // A card's export under a bank's header (Amex's is first direct's) is not that bank's.
    ...(plan.issuer && !card ? { issuer: plan.issuer } : {}),
    layout: plan.id,
    ...accountMetadata(plan, records),
    ...plan.metadata,
  };
  return bankStatementResult({
    request,
    format: 'csv',
    rows,
    metadata,
    source: plan.source,
    warnings: extra,
    doubtful,
  });
}
