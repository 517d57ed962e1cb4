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
  OutsideHolidayTablesError,
  type BankHoliday,
  type Nation,
} from './holidays.ts';
export {
  arrivalWarnings,
  lateArrival,
  postedArrival,
  POSTED_METHODS,
  RECEIPT_BASES,
  requestReceipt,
  type Receipt,
  type ReceiptBasis,
} from './arrival.ts';
export { sentLaterWarning } from './sent-later.ts';
export { addCalendarMonths, addWorkingDays, isWorkingDay, longDate, nextWorkingDay, previousWorkingDay } from './calendar.ts';
export {
  COUNTED_FROM_RECEIPT,
  DATED_AS_PRINTED,
  DEADLINE_KINDS,
  deadlineOf,
  deadlinesForEvent,
  EVENT_DATE_HINT,
  EVENT_DESCRIPTIONS,
  EVENT_TYPES,
  MET_BY,
  REVISABLE_ANY_TIME,
  TRIGGER_EVENTS,
  type Deadline,
  type DeadlineKind,
  type EventFacts,
  type EventType,
} from './events.ts';
export { DEADLINE, DEADLINE_IDS, type DeadlineId } from './ids.ts';
export {
  clockStartsOnSending,
  eventForLetter,
  eventsThatMeet,
  LETTER_EVENTS,
  replyEventFor,
  type LetterSendFacts,
} from './letter-events.ts';
export { deadlinesForLetter, LETTER_CLOCKS, LETTER_IDS, replyDueFor, type LetterClock, type LetterId } from './letters.ts';
export {
  DEADLINE_STATUSES,
  MAX_EVENTS,
  timeline,
  type CaseEvent,
  type DeadlineStatus,
  type Timeline,
  type TimelineEntry,
} from './timeline.ts';
export { DEADLINE_SOURCES } from './sources.ts';
