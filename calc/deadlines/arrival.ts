/**
 * When a letter sent on the last day of a time limit arrives. A time limit for making a request or an appeal is met
 * when it is received, not when it is posted (an appeal must reach HMCTS by its last day; a reconsideration request
 * is made when CMS has it), so a letter posted on, or just before, the last day may arrive too late though it was
 * sent in time.
 * @module
 */
import type { CivilDate } from '../dates.ts';
import { addWorkingDays, longDate } from './calendar.ts';
import type { Deadline } from './events.ts';
import type { Nation } from './holidays.ts';

/** The ways of sending whose letter arrives after the day it was sent. */
export const POSTED_METHODS: readonly string[] = ['post', 'recorded_delivery'];

/**
 * Working days a posted letter is taken to need: first class aims to arrive the next working day, and the courts
 * take the second working day after posting as the day a first-class letter arrives (CPR r.6.26).
 */
export const POST_WORKING_DAYS = 2;

/** The day a letter posted on `sentOn` is taken to arrive. */
export function postedArrival(sentOn: CivilDate, nation: Nation): CivilDate {
  return addWorkingDays(sentOn, POST_WORKING_DAYS, nation);
}

/**
 * A warning for each last day to act that a letter sent on `sentOn` by `method` meets by its date of sending but
 * may miss by its date of arrival; none when it goes by a way that arrives the same day.
 */
export function arrivalWarnings(met: readonly Deadline[], sentOn: CivilDate, method: string | undefined, nation: Nation): string[] {
  if (method === undefined || !POSTED_METHODS.includes(method)) return [];
  const arrives = postedArrival(sentOn, nation);
  return met
    .filter((d) => d.kind === 'last_day' && arrives > d.date)
    .map(
      (d) =>
        `Posted on ${longDate(sentOn)} for “${d.label}” (the last day is ${longDate(d.date)}): a time limit is met when the letter arrives, ` +
        `and a first-class letter is taken to arrive on the second working day after posting, ${longDate(arrives)} (CPR r.6.26). ` +
        'Make the same request today in a way that arrives the same day (by phone, email or the online service, or by hand), and keep a note of when you did.',
    );
}

/**
 * For a last day met by a letter sent on `sentOn` by `method`: the day the letter is taken to arrive and what that
 * means, when that is after the last day (the timeline still counts it met by its sending, so it says so); undefined
 * when it arrives in time or was not posted.
 */
export function lateArrival(
  d: Deadline,
  sentOn: CivilDate,
  method: string | undefined,
  nation: Nation,
): { readonly date: CivilDate; readonly note: string } | undefined {
  if (d.kind !== 'last_day' || method === undefined || !POSTED_METHODS.includes(method)) return undefined;
  const arrives = postedArrival(sentOn, nation);
  if (arrives <= d.date) return undefined;
  return {
    date: arrives,
    note:
      `Posted on ${longDate(sentOn)}: a first-class letter is taken to arrive on the second working day after posting, ${longDate(arrives)} ` +
      `(CPR r.6.26), after the last day, ${longDate(d.date)}, and a time limit is met when the letter arrives. ` +
      'Keep proof of the day it arrived, or of the same request made in a way that arrives the same day (by phone, email or the online service, or by hand).',
  };
}

/**
 * How the day a request reached its recipient was found: `given` (a later day of receipt was given), `same_day` (it
 * went by a way that arrives the day it goes, or the day given is the day it was sent), `posted` (sent by post) or
 * `assumed_posted` (how it went was not said, so it is taken as posted).
 */
export const RECEIPT_BASES = ['given', 'same_day', 'posted', 'assumed_posted'] as const;
export type ReceiptBasis = (typeof RECEIPT_BASES)[number];

/** The day a request sent on a day is taken to reach its recipient, and how that day was found. */
export interface Receipt {
  readonly date: CivilDate;
  readonly how: ReceiptBasis;
}

/**
 * The day a request whose time runs from its receipt (a subject access or rectification request, UK GDPR Art 12(3)),
 * sent on `sentOn`, is taken to reach its recipient: the day of receipt when a later one is given; else, sent by post,
 * the day a posted letter is taken to arrive ({@link postedArrival}); sent any other way (email, online, by hand, said
 * on the phone), the day it went. When neither is given it is taken as posted: the later reading, so that no chase
 * says the time has passed before it has (the letters that chase count so too).
 */
export function requestReceipt(
  sentOn: CivilDate,
  known: { readonly receivedOn?: CivilDate; readonly method?: string },
  nation: Nation,
): Receipt {
  if (known.receivedOn !== undefined) {
    return known.receivedOn > sentOn ? { date: known.receivedOn, how: 'given' } : { date: sentOn, how: 'same_day' };
  }
  if (known.method !== undefined && !POSTED_METHODS.includes(known.method)) return { date: sentOn, how: 'same_day' };
  return { date: postedArrival(sentOn, nation), how: known.method === undefined ? 'assumed_posted' : 'posted' };
}
