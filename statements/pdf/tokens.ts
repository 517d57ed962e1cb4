/**
 * Reading the small pieces of a statement: amounts ("£1,234.56", "-12.50", "1,234.56 DR", "350.47 D"),
 * dates ("3 Feb", "01 Feb 24", "1 February 2024", "01/02/2024", "01/02", "2024-02-01") and statement periods.
 * @module
 */
import { daysInMonth, isCivilDate, toDayNumber, type CivilDate } from '../../calc/dates.ts';
import { Dec, fromPence } from '../../calc/money.ts';

// ---------------------------------------------------------------- amounts

/**
 * A printed amount: its absolute value in whole pence, and what its sign or suffix says. Pence, not a
 * decimal: a statement has thousands of amounts, and the balance chain reads them as integers; a decimal
 * is made ({@link amountValue}) only where a figure leaves the reader as money.
 */
export interface AmountToken {
  /** Pence, positive: exact for any amount below £10,000,000,000,000 (safe integers). */
  readonly pence: number;
  /** The amount as printed ("1234.56"), kept only where pence cannot hold it exactly. */
  readonly exact?: string;
  /** "-" or "(…)" in front or behind. */
  readonly minus: boolean;
  /** "+" in front ("+£150.00", "+150.00"): money in, as plainly as "-" says money out. */
  readonly plus?: true;
  /** CR / DR style suffix: "cr", "dr" (DR, D, OD) or none. */
  readonly suffix?: 'cr' | 'dr';
}

const AMOUNT_RE =
  /^(?<lp>\()?(?<m1>[-–−+])?\s?£?\s?(?<m2>[-–−+])?(?<num>\d{1,3}(?:,\d{3})+|\d+)\.(?<pence>\d{2})(?<m3>[-–−])?(?<rp>\))?(?:\s?(?<suf>CR|DR|OD|D|C)\b\.?)?$/i;
/** Most digits of whole pounds that whole pence hold exactly (10^13 pounds is 10^15 pence, below 2^53). */
const EXACT_POUND_DIGITS = 13;

/**
 * What {@link AMOUNT_RE} needs of a trimmed cell, checked without running it (most cells are words): it
 * opens with "(", a minus or plus sign, "£" or a digit, and holds a decimal point.
 */
function mayBeAmount(t: string): boolean {
  const c = t.charCodeAt(0);
  const opens = (c >= 0x30 && c <= 0x39) || c === 0x28 || c === 0x2d || c === 0x2b || c === 0x2013 || c === 0x2212 || c === 0xa3;
  return opens && t.includes('.');
}

/** Reads a cell as an amount (pounds and pence, always two decimals), or undefined when it is not one. */
export function parseAmountToken(text: string): AmountToken | undefined {
  const t = text.trim();
  if (t.length > 24 || !mayBeAmount(t)) return undefined;
  const m = AMOUNT_RE.exec(t);
  if (!m?.groups) return undefined;
  const g = m.groups;
  if (Boolean(g.lp) !== Boolean(g.rp)) return undefined;
  const whole = g.num!.includes(',') ? g.num!.replace(/,/g, '') : g.num!;
  const suf = g.suf?.toUpperCase();
  const suffix = suf === undefined ? undefined : suf === 'CR' || suf === 'C' ? 'cr' : 'dr';
  // "+" stands alone: not beside a minus, brackets or DR ("+-1.00", "(+1.00)" and "+1.00 DR" are not amounts).
  const plus = g.m1 === '+' || g.m2 === '+';
  if (plus && ((g.m1 && g.m2) || g.m3 || g.lp || suffix === 'dr')) return undefined;
  const minus = !plus && Boolean(g.m1 || g.m2 || g.m3 || g.lp);
  // Beyond safe integers (no statement comes near), the pence are the nearest a double holds, and the
  // printed figure is kept for the decimal.
  const exact = whole.length > EXACT_POUND_DIGITS ? `${whole}.${g.pence}` : undefined;
  const pence = exact === undefined ? Number(whole) * 100 + Number(g.pence) : Math.round(Number(exact) * 100);
  return { pence, ...(exact !== undefined ? { exact } : {}), minus, ...(plus ? { plus } : {}), ...(suffix ? { suffix } : {}) };
}

/** The amount's absolute value as money (a decimal), for a figure that leaves the reader. */
export function amountValue(a: AmountToken): Dec {
  return a.exact !== undefined ? new Dec(a.exact) : fromPence(a.pence);
}

/** Whether a balance reads as negative: "-", "D", "DR" or "OD" (bank), or "-" and "CR" (owed). */
export function balanceNegative(a: AmountToken, sense: BalanceSense): boolean {
  return a.minus || a.suffix === (sense === 'owed' ? 'cr' : 'dr');
}

/** A balance as a signed number: "-", "D", "DR" or "OD" mean overdrawn (negative). */
export function signedBalance(a: AmountToken): Dec {
  return balanceNegative(a, 'bank') ? amountValue(a).negated() : amountValue(a);
}

/** A balance owed (CMS arrears): "CR" or "-" mean in credit (negative), "DR" owed. */
export function owedBalance(a: AmountToken): Dec {
  return balanceNegative(a, 'owed') ? amountValue(a).negated() : amountValue(a);
}

/** How a balance's sign is read: a bank balance (CR in credit) or an amount owed (CR in credit, so negative). */
export type BalanceSense = 'bank' | 'owed';
export function readBalance(a: AmountToken, sense: BalanceSense): Dec {
  return sense === 'owed' ? owedBalance(a) : signedBalance(a);
}

/** Finds the first amount in free text after a label, e.g. "Money in £2,700.40". */
export const AMOUNT_IN_TEXT = String.raw`\(?[-–−+]?\s?£?\s?[-–−]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}\)?(?:\s?(?:CR|DR|OD|D)\b)?`;

// ---------------------------------------------------------------- dates

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** A date as printed: the year may be missing ("3 Feb"). */
export interface DateToken {
  readonly day: number;
  readonly month: number;
  readonly year?: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMERIC_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
/**
 * Day and month in figures with no year ("02/12"), the year only in the statement's period, as some banks print the
 * date column. Two digits each and a slash only: "1/2" is as often a page ("Page 1/2") and "10.11" an amount.
 */
const DAY_MONTH_RE = /^(\d{2})\/(\d{2})$/;
const NAMED_RE = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\.?,?(?:[ -](\d{4}|\d{2}))?$/;
/** The month first, as some banks print it: "Dec 2, 2024", "December 2nd 2024", "Dec 02". */
const MONTH_FIRST_RE = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/;
/** Day, month and year run together: "02DEC24", "2Dec2024". */
const COMPACT_RE = /^(\d{1,2})([A-Za-z]{3})(\d{2}|\d{4})$/;
/** A weekday before the date ("Mon 02 Dec 2024", "Monday, 2 December"): it says nothing the date does not. */
const WEEKDAY_RE = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,? +(?=\d|[A-Za-z]{3})/i;
/**
 * The time of day after a date, as digital banks print it in the date column ("18/11/2024 09:14", "2 Dec 2024,
 * 14:32:05", "02/12/2024 2:32pm"): it says when in the day, not which day, so it is no part of the date nor of the
 * description (a statement probe: "09:14" was read as the first word of every description).
 */
const TIME_OF_DAY = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?`;
const TRAILING_TIME_RE = new RegExp(String.raw`(?<=\S)(?:,?\s+|T)${TIME_OF_DAY}$`, 'i');
const LEADING_TIME_RE = new RegExp(String.raw`^,?\s*${TIME_OF_DAY}(?:\s+|$)`, 'i');
const TIME_ALONE_RE = new RegExp(`^${TIME_OF_DAY}$`, 'i');
/** Whether a cell is a time of day alone ("09:14"). */
export const isTimeOfDay = (text: string): boolean => TIME_ALONE_RE.test(text.trim());

/** A date at the start of a cell, followed by more text. */
const LEADING_DATE_RE =
  /^(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{2}\/\d{2}|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9}\.?(?: (?:\d{4}|\d{2}))?)\s+(\S.*)$/;

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

function valid(day: number, month: number, year?: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (year === undefined) return day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return isCivilDate(civil(year, month, day));
}

/** Reads a whole cell as a date, or undefined. */
export function parseDateToken(text: string): DateToken | undefined {
  const t = text.trim().replace(WEEKDAY_RE, '').replace(TRAILING_TIME_RE, '');
  let m = ISO_RE.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(d, mo, y) ? { day: d, month: mo, year: y } : undefined;
  }
  m = NUMERIC_RE.exec(t);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), fullYear(m[3]!)];
    return valid(d, mo, y) ? { day: d, month: mo, year: y } : undefined;
  }
  m = DAY_MONTH_RE.exec(t);
  if (m) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    return valid(d, mo) ? { day: d, month: mo } : undefined;
  }
  m = NAMED_RE.exec(t);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (mo === undefined) return undefined;
    const d = Number(m[1]);
    const y = m[3] === undefined ? undefined : fullYear(m[3]);
    return valid(d, mo, y) ? { day: d, month: mo, ...(y === undefined ? {} : { year: y }) } : undefined;
  }
  const monthFirst = MONTH_FIRST_RE.exec(t);
  const compact = monthFirst ? null : COMPACT_RE.exec(t);
  if (monthFirst || compact) {
    const [monthWord, dayText, yearText] = monthFirst
      ? [monthFirst[1]!, monthFirst[2]!, monthFirst[3]]
      : [compact![2]!, compact![1]!, compact![3]];
    const mo = MONTHS[monthWord.toLowerCase()];
    if (mo === undefined) return undefined;
    const d = Number(dayText);
    const y = yearText === undefined ? undefined : fullYear(yearText);
    return valid(d, mo, y) ? { day: d, month: mo, ...(y === undefined ? {} : { year: y }) } : undefined;
  }
  return undefined;
}

/** A cell that starts with a date and goes on with text ("18 Dec CARD PAYMENT …"), split in two. */
export function splitLeadingDate(text: string): { date: DateToken; rest: string } | undefined {
  const m = LEADING_DATE_RE.exec(text.trim().replace(WEEKDAY_RE, ''));
  if (!m) return undefined;
  const date = parseDateToken(m[1]!);
  if (!date) return undefined;
  // A time of day after the date is neither ("18/11/2024 09:14 CARD PAYMENT …"); a time alone leaves no words.
  const rest = m[2]!.replace(LEADING_TIME_RE, '');
  return rest === '' ? undefined : { date, rest };
}

export function civil(year: number, month: number, day: number): CivilDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Gives a date without a year the year that puts it inside the statement period (or, failing that, nearest to it). */
export function resolveYear(d: DateToken, period: { start?: CivilDate; end?: CivilDate }, previous?: CivilDate): CivilDate | undefined {
  if (d.year !== undefined) return civil(d.year, d.month, d.day);
  const years = new Set<number>();
  if (period.start) years.add(Number(period.start.slice(0, 4)));
  if (period.end) years.add(Number(period.end.slice(0, 4)));
  if (years.size > 0) {
    const lo = period.start ? toDayNumber(period.start) - 7 : Number.NEGATIVE_INFINITY;
    const hi = period.end ? toDayNumber(period.end) + 7 : Number.POSITIVE_INFINITY;
    if (previous) {
      // Statements run in date order: the first such date on or after the previous row (a few days'
      // slack), if it lies in the period. This also settles periods longer than a year.
      const p = toDayNumber(previous);
      const py = Number(previous.slice(0, 4));
      for (const y of [py, py + 1]) {
        const date = civil(y, d.month, d.day);
        if (!isCivilDate(date)) continue;
        const n = toDayNumber(date);
        if (n >= p - 3 && n >= lo && n <= hi) return date;
      }
    }
    let best: { date: CivilDate; distance: number } | undefined;
    for (const y of [...years].flatMap((y) => [y - 1, y, y + 1])) {
      const date = civil(y, d.month, d.day);
      if (!isCivilDate(date)) continue;
      const n = toDayNumber(date);
      const distance = n < lo ? lo - n : n > hi ? n - hi : 0;
      if (!best || distance < best.distance) best = { date, distance };
    }
    return best?.date;
  }
  if (previous) {
    const py = Number(previous.slice(0, 4));
    const pm = Number(previous.slice(5, 7));
    const y = d.month < pm - 6 ? py + 1 : py;
    const date = civil(y, d.month, d.day);
    return isCivilDate(date) ? date : undefined;
  }
  return undefined;
}

/**
 * A month's heading printed on a line of its own between a statement's rows: "March 2024", "MARCH 2024", "Mar 2024"
 * (a month name and a year, nothing else). Undefined for anything else.
 */
export function parseMonthHeading(text: string): { readonly month: number; readonly year: number } | undefined {
  const m = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS[m[1]!.toLowerCase()];
  const year = Number(m[2]);
  return month !== undefined && year >= 1900 && year <= 2199 ? { month, year } : undefined;
}

// ---------------------------------------------------------------- periods

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
// Dates as the rows print them, dashes too ("01-12-2024", "01-Dec-24": a period "01-Dec-24 to 31-Jan-25" was not read),
// run together too ("18Nov2024 to 17Jan2025": such a period was not read, and the rows' first and last dates stood in).
const DATE_IN_TEXT = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:${MONTH_NAMES})(?:\d{4}|\d{2})(?!\d)|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?!\d)|\d{1,2}-\d{1,2}-(?:\d{4}|\d{2})(?!\d)|\d{1,2}-(?:${MONTH_NAMES})-(?:\d{4}|\d{2})(?!\d)|\d{1,2}(?:st|nd|rd|th)?\s(?:${MONTH_NAMES})\.?,?(?:\s(?:\d{4}|\d{2})(?!\d))?)`;
const PERIOD_RE = new RegExp(`(${DATE_IN_TEXT})\\s*(?:-|–|—|to|until)\\s*(${DATE_IN_TEXT})`, 'i');

const STATEMENT_DATE_RE = new RegExp(
  `\\b(?:statement date|date of (?:this )?statement|statement (?:issued|produced)(?: on)?)\\s*:?\\s*(${DATE_IN_TEXT})`,
  'i',
);

/**
 * The date a statement was made, where it prints one with its year ("Statement date 27 March 2024", "Date of
 * statement: 27/03/2024"): a card statement often prints that and no period.
 */
export function findStatementDate(text: string): CivilDate | undefined {
  const m = STATEMENT_DATE_RE.exec(text);
  const d = m ? parseDateToken(m[1]!.replace(/,/g, '')) : undefined;
  if (!d || d.year === undefined) return undefined;
  const date = civil(d.year, d.month, d.day);
  return isCivilDate(date) ? date : undefined;
}

const MONTH_WORD = String.raw`\b(${MONTH_NAMES})\b\.?`;
/** "December 2024 to January 2025", "Dec 2024 - Jan 2025", "December to January 2025": whole months. */
const MONTH_RANGE_RE = new RegExp(`${MONTH_WORD},?(?:\\s+(\\d{4}))?\\s*(?:-|–|—|to|until)\\s*${MONTH_WORD},?\\s+(\\d{4})\\b`, 'i');
/** "Statement for December 2024", "Statement period: January 2025", "Your statement of March 2024": one month. */
const STATEMENT_MONTH_RE = new RegExp(
  `\\bstatement(?:\\s+(?:for|of|period))?\\s*:?\\s*(?:for\\s+)?${MONTH_WORD},?\\s+(\\d{4})\\b(?!\\s*(?:-|–|—|to|until))`,
  'i',
);

/**
 * A period printed in whole months, with no days: "Statement for December 2024 to January 2025", "Statement period:
 * March 2024". From the first day of the first month to the last of the last. Read only where no period with days is
 * printed (a statement probe: such a statement, its rows dated "Mon 2 Dec", was refused as having no period). Months
 * in running text are not read.
 */
export function findMonthPeriod(text: string): { start: CivilDate; end: CivilDate } | undefined {
  // Months in running text ("rates change from April to June 2025") are no period: the line names a statement or
  // period before them, or holds nothing else.
  const found = MONTH_RANGE_RE.exec(text);
  const range = found && (/\b(?:statement|period)\b/i.test(text.slice(0, found.index)) || found[0] === text.trim()) ? found : null;
  const one = range ? null : STATEMENT_MONTH_RE.exec(text);
  if (!range && !one) return undefined;
  const [fromWord, fromYear, toWord, toYear] = range
    ? [range[1]!, range[2], range[3]!, range[4]!]
    : [one![1]!, one![2], one![1]!, one![2]!];
  const from = MONTHS[fromWord.toLowerCase()]!;
  const to = MONTHS[toWord.toLowerCase()]!;
  const endYear = Number(toYear);
  const startYear = fromYear !== undefined ? Number(fromYear) : from > to ? endYear - 1 : endYear;
  const start = civil(startYear, from, 1);
  const end = civil(endYear, to, daysInMonth(endYear, to));
  return start <= end && endYear >= 1900 && endYear <= 2199 ? { start, end } : undefined;
}

/** Finds "18 Dec 2023 - 17 Jan 2024", "01 February to 29 February 2024", "01/04/24 to 30/04/24" … in a line. */
export function findPeriod(text: string): { start: CivilDate; end: CivilDate } | undefined {
  const m = PERIOD_RE.exec(text);
  if (!m) return undefined;
  const a = parseDateToken(m[1]!.replace(/,/g, ''));
  const b = parseDateToken(m[2]!.replace(/,/g, ''));
  if (!a || !b || b.year === undefined) return undefined;
  const end = civil(b.year, b.month, b.day);
  let startYear = a.year ?? b.year;
  if (a.year === undefined && (a.month > b.month || (a.month === b.month && a.day > b.day))) startYear -= 1;
  const start = civil(startYear, a.month, a.day);
  if (!isCivilDate(start) || !isCivilDate(end) || start > end) return undefined;
  return { start, end };
}
