/**
 * Deadlines: calendar days, calendar months by the corresponding-date rule, working days with the bank
 * holidays of England and Wales and of Scotland; the dates each letter and case event starts; a case
 * timeline of what is due next. Pure: the caller says what day it is.
 * @module
 */
export {
  bankHolidayOn,
  bankHolidays,
  dayOfWeek,
  easterSunday,
  FIRST_HOLIDAY_YEAR,
  HOLIDAY_SOURCES,
  isBankHoliday,
  LAST_HOLIDAY_YEAR,
  NATION_NAMES,
  NATIONS,
  type BankHoliday,
  type Nation,
} from './holidays.ts';
export { addCalendarMonths, addWorkingDays, isWorkingDay, longDate, nextWorkingDay, previousWorkingDay } from './calendar.ts';
export {
  DEADLINE_KINDS,
  deadlinesForEvent,
  EVENT_DESCRIPTIONS,
  EVENT_TYPES,
  MET_BY,
  TRIGGER_EVENTS,
  type Deadline,
  type DeadlineKind,
  type EventType,
} from './events.ts';
export { deadlinesForLetter, LETTER_CLOCKS, LETTER_IDS, type LetterClock, type LetterId } from './letters.ts';
export { MAX_EVENTS, timeline, type CaseEvent, type Timeline } from './timeline.ts';
export { DEADLINE_SOURCES } from './sources.ts';
