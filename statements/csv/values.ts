/**
 * Reading the cells of a statement: dates in a stated format, amounts as banks write them, account numbers
 * and sort codes (kept only masked). Shared by the CSV and OFX readers.
 * @module
 */
import { isCivilDate, MONTH_NAMES, type CivilDate } from '../../calc/dates.ts';
import { Dec, money, roundPenny } from '../../calc/money.ts';
import { isShownCell, shownCell } from '../hygiene.ts';

/** Why a cell could not be read; the caller adds the line and the column. */
export class CellError extends Error {
  override name = 'CellError';
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Full month names in lower case, January first. */
const MONTH_NAMES_LOWER = MONTH_NAMES.map((m) => m.toLowerCase());

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const full = MONTH_NAMES_LOWER.indexOf(lower);
  if (full >= 0) return full + 1;
  return MONTHS[lower];
}

type Token = 'YYYY' | 'YY' | 'MMMM' | 'MMM' | 'MM' | 'M' | 'DD' | 'D';
const TOKENS: readonly Token[] = ['YYYY', 'YY', 'MMMM', 'MMM', 'MM', 'M', 'DD', 'D'];
const TOKEN_PATTERN: Record<Token, string> = {
  YYYY: '(\\d{4})',
  YY: '(\\d{2})',
  MMMM: '([A-Za-z]{3,9})',
  MMM: '([A-Za-z]{3,4})',
  MM: '(\\d{1,2})',
  M: '(\\d{1,2})',
  DD: '(\\d{1,2})',
  D: '(\\d{1,2})',
};

/** A compiled date format such as `DD/MM/YYYY` or `D MMM YYYY`. */
export interface DateFormat {
  readonly text: string;
  readonly pattern: RegExp;
  readonly parts: readonly Token[];
}

/**
 * A time of day some exports add after the date ("13/06/2025 00:00:00"), perhaps with its zone ("Z", "+01:00", and as
 * Monzo's first export writes it, " +0000" or " +0000 UTC"); ignored.
 */
const TIME_SUFFIX = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?: ?(?:Z|[+-]\\d{2}:?\\d{2}))?(?: (?:UTC|GMT))?)?';

/**
 * Compiles a date format: `YYYY`/`YY` year, `MMMM` (January) / `MMM` (Jan) / `MM` / `M` month, `DD`/`D` day;
 * anything else is literal, and a space matches any run of spaces.
 * @throws {CellError} when the format lacks a day, a month or a year.
 */
export function compileDateFormat(format: string): DateFormat {
  const parts: Token[] = [];
  let pattern = '';
  let i = 0;
  while (i < format.length) {
    const token = TOKENS.find((t) => format.startsWith(t, i));
    if (token) {
      parts.push(token);
      pattern += TOKEN_PATTERN[token];
      i += token.length;
    } else if (format[i] === ' ') {
      pattern += '\\s+';
      i++;
    } else {
      pattern += format[i]!.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      i++;
    }
  }
  const has = (letter: string) => parts.some((p) => p.startsWith(letter));
  if (!has('Y') || !has('M') || !has('D') || parts.length !== 3) {
    throw new CellError(
      `"${format}" is not a date format Reckoner can use; write it with a day, a month and a year, such as "DD/MM/YYYY", "YYYY-MM-DD" or "D MMM YYYY"`,
    );
  }
  return { text: format, pattern: new RegExp(`^${pattern}${TIME_SUFFIX}$`), parts };
}

export const DMY = compileDateFormat('DD/MM/YYYY');
export const ISO = compileDateFormat('YYYY-MM-DD');
export const D_MON_Y = compileDateFormat('D MMM YYYY');

/**
 * The ways UK statements and spreadsheets write a date, day before month, for telling a caller which
 * `dateFormat` its file uses. Each reads only its own shape (two digits of year never read as four).
 */
export const USUAL_DATE_FORMATS: readonly DateFormat[] = [
  DMY,
  compileDateFormat('DD/MM/YY'),
  ISO,
  D_MON_Y,
  compileDateFormat('D MMM YY'),
  compileDateFormat('D MMMM YYYY'),
  compileDateFormat('DD-MMM-YYYY'),
  compileDateFormat('DD-MMM-YY'),
  compileDateFormat('DD-MM-YYYY'),
  compileDateFormat('DD-MM-YY'),
  compileDateFormat('DD.MM.YYYY'),
  compileDateFormat('DD.MM.YY'),
  compileDateFormat('YYYY/MM/DD'),
];

/** The first usual format that reads every one of the cells (blank ones aside), or undefined. */
export function dateFormatOf(cells: readonly string[]): DateFormat | undefined {
  const written = cells.filter((c) => c.trim() !== '');
  if (written.length === 0) return undefined;
  return USUAL_DATE_FORMATS.find((format) => written.every((c) => isDateIn(c, format)));
}

function isDateIn(cell: string, format: DateFormat): boolean {
  try {
    parseDate(cell, [format]);
    return true;
  } catch {
    return false;
  }
}

/**
 * A date cell in one of `formats`, as YYYY-MM-DD.
 * @throws {CellError} saying whether the cell is not in the format or not a real date (31/02/2024).
 */
export function parseDate(raw: string, formats: readonly DateFormat[]): CivilDate {
  const text = raw.trim().replace(/^'/, '');
  for (const format of formats) {
    const m = format.pattern.exec(text);
    if (!m) continue;
    let year = 0;
    let month: number | undefined = 0;
    let day = 0;
    for (let k = 0; k < format.parts.length; k++) {
      const part = format.parts[k]!;
      const v = m[k + 1]!;
      if (part === 'YYYY') year = Number(v);
      else if (part === 'YY') year = Number(v) + (Number(v) <= 69 ? 2000 : 1900);
      else if (part === 'MMMM' || part === 'MMM') month = monthNumber(v);
      else if (part === 'MM' || part === 'M') month = Number(v);
      else day = Number(v);
    }
    if (month === undefined) throw new CellError(`${shownCell(raw)} has a month name Reckoner does not know`);
    const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!isCivilDate(date)) {
      const why = month < 1 || month > 12 ? `there is no month ${month}` : `${MONTH_NAMES[month - 1]} ${year} has no day ${day}`;
      throw new CellError(`${shownCell(raw)} is not a real date (${why})`);
    }
    return date;
  }
  throw new CellError(`${shownCell(raw)} is not a date in the form ${formats.map((f) => f.text).join(' or ')}`);
}

const PLAIN_AMOUNT = /^-?\d{1,12}(\.\d{1,2})?$/;

/**
 * An amount as banks write it: "1234.56", "£1,234.56", "-£52.00", "+£5.00", "(52.00)", "45.99-", "1,234.56 CR",
 * "52.00 DR", "GBP 12.00". Blank (or a lone "-") is undefined. CR makes it positive and DR negative.
 * @throws {CellError} for anything else, or fractions of a penny.
 */
export function parseAmount(raw: string): Dec | undefined {
  // Most cells are plain ("-12.50"): read them straight away.
  if (PLAIN_AMOUNT.test(raw)) return new Dec(raw);
  let text = raw.trim().replace(/^'/, '').trim();
  if (text === '' || text === '-' || text === '—') return undefined;
  let sign: 1 | -1 | 0 = 0;
  const suffix = /\s*(CR|DR)\.?$/i.exec(text);
  if (suffix) {
    sign = suffix[1]!.toUpperCase() === 'CR' ? 1 : -1;
    text = text.slice(0, suffix.index).trim();
  }
  let negative = false;
  const parens = /^\((.*)\)$/.exec(text);
  if (parens) {
    negative = true;
    text = parens[1]!.trim();
  }
  // A trailing minus, as some banks' exports write a debit ("45.99-", "£1,204.99 -"): refused before (a statements probe
  // of 6 December 2026), where the same bank's PDF was read.
  const trailing = /^([^-]*\d)\s*-$/.exec(text);
  if (trailing && !negative) {
    negative = true;
    text = trailing[1]!.trim();
  }
  text = text.replace(/^GBP\s*|\s*GBP$/i, '');
  if (text.startsWith('+')) text = text.slice(1);
  // "£ 12.00", "- £12.00": spaces after the sign or the pound sign.
  text = text.replace(/^(-?)\s*(£?)\s*/, '$1$2');
  let value: Dec;
  try {
    value = money(text);
  } catch (e) {
    // calc's message quotes the text: kept only when the cell has the shape of an amount.
    throw new CellError(
      isShownCell(raw) ? (e as Error).message : `${shownCell(raw)} is not an amount of money; write it like "1234.56" or "£1,234.56"`,
    );
  }
  if (!value.equals(roundPenny(value))) throw new CellError(`${shownCell(raw)} has fractions of a penny`);
  if (negative) value = value.negated();
  if (sign === 1) value = value.abs();
  if (sign === -1) value = value.abs().negated();
  return value;
}

/** Text as it should appear in a description: surrounding space and a spreadsheet's leading `'` removed, runs of space made one. */
export function cleanText(raw: string | undefined): string {
  if (raw === undefined) return '';
  return raw.replace(/^\s*'/, '').replace(/\s+/g, ' ').trim();
}

/** "****1234" from anything holding an account number (at least four digits), or undefined. */
export function maskAccountNumber(raw: string | undefined): string | undefined {
  const digits = (raw ?? '').replace(/\D/g, '');
  if (digits.length < 4) return undefined;
  return `****${digits.slice(-4)}`;
}

/** "**-**-56" from a sort code written 12-34-56, 123456 or '12-34-56, or undefined. */
export function maskSortCode(raw: string | undefined): string | undefined {
  const digits = (raw ?? '').replace(/\D/g, '');
  if (digits.length !== 6) return undefined;
  return `**-**-${digits.slice(-2)}`;
}

/**
 * A sort code and an account number written together, as Barclays ("20-32-06 13152170") and NatWest
 * ("600000-12345678") do. Anything else is taken as an account number alone.
 */
export function splitSortCodeAndAccount(raw: string | undefined): { sortCode?: string; accountNumber?: string } {
  const text = (raw ?? '').replace(/^\s*'/, '').trim();
  const m = /^(\d{2}-?\d{2}-?\d{2})[\s-]+(\d{6,10})$/.exec(text);
  if (m) {
    const sortCode = maskSortCode(m[1]);
    const accountNumber = maskAccountNumber(m[2]);
    return { ...(sortCode ? { sortCode } : {}), ...(accountNumber ? { accountNumber } : {}) };
  }
  const accountNumber = maskAccountNumber(text);
  return accountNumber ? { accountNumber } : {};
}
