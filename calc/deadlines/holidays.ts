/**
 * Bank holidays of England and Wales and of Scotland, 2012–2030, computed by rule with the one-off
 * changes made by royal proclamation, each with its source. A date outside the coded years is refused:
 * a working-day count must never guess.
 *
 * Rules (Banking and Financial Dealings Act 1971 s.1 and Sch 1; St Andrew's Day Bank Holiday (Scotland)
 * Act 2007; days and substitute days proclaimed each year under s.1(3), as listed on GOV.UK):
 * - both nations: New Year's Day, Good Friday, the first Monday in May, the last Monday in May, Christmas
 *   Day and Boxing Day;
 * - England and Wales only: Easter Monday and the last Monday in August;
 * - Scotland only: 2 January, the first Monday in August and St Andrew's Day (30 November);
 * - a fixed-date holiday on a Saturday or Sunday is replaced by the next weekday that is not already a
 *   holiday (Christmas on a Saturday → Monday 27, Boxing Day → Tuesday 28);
 * - one-offs: 2012 spring holiday moved to 4 June and the Diamond Jubilee on 5 June; 2020 early May holiday
 *   moved to Friday 8 May (VE Day); 2022 spring holiday moved to 2 June, the Platinum Jubilee on 3 June and
 *   the State Funeral of Queen Elizabeth II on 19 September; 2023 the Coronation of King Charles III on 8 May.
 *
 * Checked against the GOV.UK bank holidays list (https://www.gov.uk/bank-holidays.json) for 2012–2027 in
 * test/calc/deadlines/holidays.test.ts. Years after the last published list are computed by rule; a new
 * proclamation would change them.
 * @module
 */
import { addDays, daysInMonth, isCivilDate, toDayNumber, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { OutOfCoverageError, type Reference } from '../parameters.ts';

/** The bank-holiday calendars Reckoner knows. Northern Ireland is out of scope (a separate CMS). */
export const NATIONS = ['england_and_wales', 'scotland'] as const;
export type Nation = (typeof NATIONS)[number];

export const NATION_NAMES: Record<Nation, string> = {
  england_and_wales: 'England and Wales',
  scotland: 'Scotland',
};

/** First and last years the bank-holiday tables cover. */
export const FIRST_HOLIDAY_YEAR = 2012;
export const LAST_HOLIDAY_YEAR = 2030;

export interface BankHoliday {
  readonly date: CivilDate;
  /** e.g. "Christmas Day", "St Andrew's Day (substitute day)". */
  readonly name: string;
  /** True when the day stands in for a holiday that fell on a weekend. */
  readonly substitute: boolean;
  readonly source: Reference;
}

const BFDA = 'https://www.legislation.gov.uk/ukpga/1971/80/schedule/1';
const GOV_UK_LIST = 'https://www.gov.uk/bank-holidays';

/** Where each kind of holiday comes from. */
export const HOLIDAY_SOURCES = {
  englandAndWalesSchedule: {
    title: 'Banking and Financial Dealings Act 1971 Sch 1 para 1 (England and Wales)',
    href: BFDA,
  },
  scotlandSchedule: {
    title: 'Banking and Financial Dealings Act 1971 Sch 1 para 2 (Scotland)',
    href: BFDA,
  },
  proclamation: {
    title: 'Royal proclamation under the Banking and Financial Dealings Act 1971 s.1(3), as listed on GOV.UK "UK bank holidays"',
    href: GOV_UK_LIST,
  },
  commonLaw: {
    title: 'Common-law holiday (England and Wales), listed on GOV.UK "UK bank holidays"',
    href: GOV_UK_LIST,
  },
  stAndrewsDay: {
    title: "St Andrew's Day Bank Holiday (Scotland) Act 2007 s.1",
    href: 'https://www.legislation.gov.uk/asp/2007/2/section/1',
  },
  govUkList: { title: 'GOV.UK "UK bank holidays" (England and Wales; Scotland)', href: GOV_UK_LIST },
} as const satisfies Record<string, Reference>;

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CivilDate): number {
  // 1970-01-01 was a Thursday.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: CivilDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

function ymd(year: number, month: number, day: number): CivilDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

function firstMonday(year: number, month: number): CivilDate {
  const first = ymd(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): CivilDate {
  const last = ymd(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

/** A holiday before substitution: fixed dates move off weekends, Monday and Easter holidays never need to. */
interface Nominal {
  readonly name: string;
  readonly date: CivilDate;
  readonly source: Reference;
}

/** One-off changes by royal proclamation: a holiday moved, or an extra one. Same in both nations. */
interface OneOff {
  readonly year: number;
  /** Name of the regular holiday that moved, or absent for an extra day. */
  readonly moves?: string;
  readonly name: string;
  readonly date: CivilDate;
}

const ONE_OFFS: readonly OneOff[] = [
  { year: 2012, moves: 'Spring bank holiday', name: 'Spring bank holiday (moved for the Diamond Jubilee)', date: '2012-06-04' },
  { year: 2012, name: 'Queen’s Diamond Jubilee', date: '2012-06-05' },
  { year: 2020, moves: 'Early May bank holiday', name: 'Early May bank holiday (moved to VE Day)', date: '2020-05-08' },
  { year: 2022, moves: 'Spring bank holiday', name: 'Spring bank holiday (moved for the Platinum Jubilee)', date: '2022-06-02' },
  { year: 2022, name: 'Platinum Jubilee bank holiday', date: '2022-06-03' },
  { year: 2022, name: 'Bank holiday for the State Funeral of Queen Elizabeth II', date: '2022-09-19' },
  { year: 2023, name: 'Bank holiday for the Coronation of King Charles III', date: '2023-05-08' },
];

function nominalHolidays(year: number, nation: Nation): { fixed: Nominal[]; moving: Nominal[] } {
  const s = HOLIDAY_SOURCES;
  const easter = easterSunday(year);
  const scot = nation === 'scotland';
  const schedule = scot ? s.scotlandSchedule : s.englandAndWalesSchedule;
  // Fixed dates, in the order their substitute days are given out (New Year before 2 January, Christmas before Boxing Day).
  const fixed: Nominal[] = [
    { name: 'New Year’s Day', date: ymd(year, 1, 1), source: scot ? schedule : s.proclamation },
    ...(scot ? [{ name: '2nd January', date: ymd(year, 1, 2), source: schedule }] : []),
    ...(scot ? [{ name: 'St Andrew’s Day', date: ymd(year, 11, 30), source: s.stAndrewsDay }] : []),
    { name: 'Christmas Day', date: ymd(year, 12, 25), source: scot ? schedule : s.commonLaw },
    { name: 'Boxing Day', date: ymd(year, 12, 26), source: scot ? s.proclamation : schedule },
  ];
  const moving: Nominal[] = [
    { name: 'Good Friday', date: addDays(easter, -2), source: scot ? schedule : s.commonLaw },
    ...(scot ? [] : [{ name: 'Easter Monday', date: addDays(easter, 1), source: schedule }]),
    { name: 'Early May bank holiday', date: firstMonday(year, 5), source: scot ? schedule : s.proclamation },
    { name: 'Spring bank holiday', date: lastMonday(year, 5), source: scot ? s.proclamation : schedule },
    { name: 'Summer bank holiday', date: scot ? firstMonday(year, 8) : lastMonday(year, 8), source: schedule },
  ];
  for (const o of ONE_OFFS.filter((x) => x.year === year)) {
    const entry = { name: o.name, date: o.date, source: s.proclamation };
    const at = o.moves ? moving.findIndex((m) => m.name === o.moves) : -1;
    if (at >= 0) moving[at] = entry;
    else moving.push(entry);
  }
  return { fixed, moving };
}

/** The bank holidays of one year in one nation, in date order. */
function computeYear(year: number, nation: Nation): BankHoliday[] {
  const { fixed, moving } = nominalHolidays(year, nation);
  const taken = new Map<CivilDate, BankHoliday>();
  for (const h of [...moving, ...fixed.filter((f) => !isWeekend(f.date))]) {
    taken.set(h.date, { date: h.date, name: h.name, substitute: false, source: h.source });
  }
  // A fixed-date holiday on a weekend: the next weekday that is not already a holiday.
  for (const h of fixed.filter((f) => isWeekend(f.date))) {
    let date = addDays(h.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.set(date, { date, name: `${h.name} (substitute day)`, substitute: true, source: h.source });
  }
  return [...taken.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const TABLES: Record<Nation, Map<CivilDate, BankHoliday>> = { england_and_wales: new Map(), scotland: new Map() };
for (const nation of NATIONS) {
  for (let year = FIRST_HOLIDAY_YEAR; year <= LAST_HOLIDAY_YEAR; year++) {
    for (const h of computeYear(year, nation)) TABLES[nation].set(h.date, h);
  }
}

/** Refuses a nation Reckoner has no calendar for. */
export function checkNation(nation: string): asserts nation is Nation {
  if (!(NATIONS as readonly string[]).includes(nation)) {
    throw new InputError(
      'nation',
      `must be one of ${NATIONS.join(', ')}; "${String(nation)}" is not a nation Reckoner has bank holidays for`,
    );
  }
}

/**
 * A date the bank holiday tables do not cover. It names the field `date`; a caller that knows which of its inputs
 * gave the date (a letter's fact) names that instead, from `date`.
 */
export class OutsideHolidayTablesError extends OutOfCoverageError {
  override name = 'OutsideHolidayTablesError';
  constructor(
    readonly date: CivilDate,
    field = 'date',
    advice = '',
  ) {
    super(
      `${date} is outside the bank holiday tables, which cover ${FIRST_HOLIDAY_YEAR}–${LAST_HOLIDAY_YEAR}; working days cannot be counted for it${advice}`,
      field,
    );
  }
}

/** Refuses a date the tables do not cover, naming the range. */
export function checkCovered(date: CivilDate): void {
  if (!isCivilDate(date)) throw new InputError('date', `must be a real date written YYYY-MM-DD; got "${String(date)}"`);
  const year = Number(date.slice(0, 4));
  if (year < FIRST_HOLIDAY_YEAR || year > LAST_HOLIDAY_YEAR) throw new OutsideHolidayTablesError(date);
}

/** The bank holiday on `date` in `nation`, or undefined when it is not one. */
export function bankHolidayOn(date: CivilDate, nation: Nation): BankHoliday | undefined {
  checkNation(nation);
  checkCovered(date);
  return TABLES[nation].get(date);
}

export function isBankHoliday(date: CivilDate, nation: Nation): boolean {
  return bankHolidayOn(date, nation) !== undefined;
}

/** Every bank holiday of `year` in `nation`, in date order. */
export function bankHolidays(year: number, nation: Nation): readonly BankHoliday[] {
  checkNation(nation);
  if (!Number.isInteger(year)) throw new InputError('year', `must be a whole year such as 2025; got ${String(year)}`);
  checkCovered(ymd(year, 1, 1));
  return [...TABLES[nation].values()].filter((h) => Number(h.date.slice(0, 4)) === year);
}
