/**
 * Events and deadlines of a stored case, only from calc/deadlines: an event's deadlines are computed here when it
 * is recorded (never typed in), and the timeline — what is next, overdue and met as of a day — is calc's, from
 * the events the case holds. A recorded reply meets the deadline it answers (calc/deadlines MET_BY).
 *
 * Working days depend on whose bank holidays count. The nation an event was counted with is kept in its details
 * (`clock.nation`), with the facts the rules turn on (`clock.facts`); the timeline counts with the nation of the
 * latest event that gives one (England and Wales when none does).
 * @module
 */
import { isCivilDate, type CivilDate } from '../calc/dates.ts';
import { nonNegativeMoney } from '../calc/input.ts';
import type { MoneyInput } from '../calc/money.ts';
import type { MissedPaymentReportInput } from '../calc/reconcile/parent-reports.ts';
import { InputError } from '../calc/errors.ts';
import {
  COUNTED_FROM_RECEIPT,
  deadlinesForEvent,
  lateArrival,
  requestReceipt,
  timeline,
  type Deadline,
  type DeadlineStatus,
  type EventFacts,
  type EventType,
  type Nation,
  type Receipt,
  type TimelineEntry,
} from '../calc/deadlines/index.ts';
import { LETTER_METHODS, type CaseStore, type DecisionRecord, type EventRecord } from '../store/types.ts';

export const DEFAULT_NATION: Nation = 'england_and_wales';

export interface NewCaseEvent {
  readonly type: EventType;
  readonly date: CivilDate;
  readonly summary?: string;
  readonly details?: Record<string, unknown>;
  /** What the rules turn on beyond the date (living outside the UK, a default decision). */
  readonly facts?: EventFacts;
  /** The event this one answers (a reply to a request). */
  readonly answers?: string;
  /** The letter this event is the sending of. */
  readonly letterId?: string;
  /** Whose bank holidays count (default England and Wales). */
  readonly nation?: Nation;
}

/** What the details of an event keep about how its deadlines were counted. */
interface ClockDetails {
  readonly nation: Nation;
  readonly facts?: EventFacts;
}

function clockOf(event: EventRecord): ClockDetails | undefined {
  const clock = event.details?.['clock'];
  return clock !== null && typeof clock === 'object' ? (clock as ClockDetails) : undefined;
}

/**
 * The facts the rules count an event with: those kept with its clock, and for a request whose time runs from its
 * receipt (a subject access or rectification request) how it went (`details.method`, as mark_letter_sent keeps it),
 * so that calc takes one sent by email as received that day and one sent by post, or by a way not said, as received
 * on the second working day after (calc/deadlines `requestReceipt`).
 */
function ruleFacts(type: EventType, details: Readonly<Record<string, unknown>> | undefined, facts: EventFacts | undefined) {
  const method = details?.['method'];
  const withMethod =
    COUNTED_FROM_RECEIPT.includes(type) && typeof method === 'string' && facts?.method === undefined ? { ...facts, method } : facts;
  return withMethod && Object.keys(withMethod).length > 0 ? withMethod : undefined;
}

/** The events by which a parent tells CMS of a missed Direct Pay payment, and how each went, in words. */
export const REPORTING_EVENTS: Readonly<Partial<Record<EventType, string>>> = { call: 'call', letter_sent: 'letter', other: 'report' };

/**
 * `details.missedPaymentReport` of an event: the parent told CMS of a missed or short Direct Pay payment (true, or
 * `{ dueDate?, amount?, reference? }`; the reference may be `details.reference` instead), as calc's reconciliation
 * takes it (calc/reconcile/parent-reports.ts), with how it went and its reference in words ("call ref 55120"). A
 * shortfall it reports that CMS's record does not hold is CMS's error. Undefined when the event reports none.
 *
 * @throws {InputError} naming the field, when the report is not in that shape or the event cannot carry one.
 */
export function missedPaymentReportOf(
  event: Pick<EventRecord, 'id' | 'type' | 'date' | 'details'> | NewCaseEvent,
): MissedPaymentReportInput | undefined {
  const field = 'details.missedPaymentReport';
  const given = event.details?.['missedPaymentReport'];
  if (given === undefined || given === false) return undefined;
  const how = REPORTING_EVENTS[event.type];
  if (how === undefined) {
    throw new InputError(
      field,
      `is for a ${Object.keys(REPORTING_EVENTS).join(', ')} event that told CMS of a missed payment, not a ${event.type}`,
    );
  }
  if (given !== true && (given === null || typeof given !== 'object' || Array.isArray(given))) {
    throw new InputError(
      field,
      'give true, or { dueDate, amount, reference } (each optional): the instalment reported, what was reported unpaid, CMS’s reference',
    );
  }
  const r = given === true ? {} : (given as Record<string, unknown>);
  const unknown = Object.keys(r).filter((k) => !['dueDate', 'amount', 'reference'].includes(k));
  if (unknown.length > 0) throw new InputError(`${field}.${unknown[0]}`, 'is not part of a report; give dueDate, amount or reference');
  const dueDate = r['dueDate'];
  if (dueDate !== undefined && (typeof dueDate !== 'string' || !isCivilDate(dueDate))) {
    throw new InputError(
      `${field}.dueDate`,
      `must be the due date of the instalment reported, YYYY-MM-DD (got ${JSON.stringify(dueDate)})`,
    );
  }
  const amount = r['amount'];
  if (amount !== undefined && typeof amount !== 'string' && typeof amount !== 'number') {
    throw new InputError(`${field}.amount`, 'must be the amount reported unpaid, e.g. "198.67"');
  }
  const ref = r['reference'] ?? event.details?.['reference'];
  const reference = typeof ref === 'string' || typeof ref === 'number' ? String(ref).trim() : '';
  return {
    ...('id' in event && typeof event.id === 'string' ? { id: event.id } : {}),
    date: event.date,
    ...(dueDate !== undefined ? { dueDate: dueDate as CivilDate } : {}),
    ...(amount !== undefined ? { amount: amount as MoneyInput } : {}),
    reference: reference === '' ? (how === 'call' ? 'by phone' : how === 'letter' ? 'by letter' : '') : `${how} ref ${reference}`,
  };
}

/** The event as the store keeps it: with the deadlines calc gives for it, and how they were counted. */
export function eventWithDeadlines(event: NewCaseEvent): Parameters<CaseStore['recordEvent']>[1] {
  const nation = event.nation ?? DEFAULT_NATION;
  if (event.details && 'clock' in event.details) {
    throw new InputError('details.clock', 'is where Reckoner keeps how the deadlines were counted; name your detail otherwise');
  }
  // A report of a missed payment is checked now, so a mistake is put right when it is made, not at reconciliation.
  const report = missedPaymentReportOf(event);
  if (report?.dueDate !== undefined && report.dueDate > event.date) {
    throw new InputError(
      'details.missedPaymentReport.dueDate',
      `is after the day it was reported (${event.date}): a payment is reported missed once it was due`,
    );
  }
  if (report?.amount !== undefined) nonNegativeMoney('details.missedPaymentReport.amount', report.amount);
  const method = event.details?.['method'];
  if (COUNTED_FROM_RECEIPT.includes(event.type) && method !== undefined && !(LETTER_METHODS as readonly unknown[]).includes(method)) {
    throw new InputError(
      'details.method',
      `is how the request went, which says when DWP received it: one of ${LETTER_METHODS.join(', ')} (leave it out and post is assumed)`,
    );
  }
  const facts = ruleFacts(event.type, event.details, event.facts);
  const clock: ClockDetails = { nation, ...(facts ? { facts } : {}) };
  return {
    type: event.type,
    date: event.date,
    ...(event.summary !== undefined ? { summary: event.summary } : {}),
    details: { ...(event.details ?? {}), clock },
    deadlines: deadlinesForEvent(event.type, event.date, nation, facts ?? {}),
    ...(event.answers !== undefined ? { answers: event.answers } : {}),
    ...(event.letterId !== undefined ? { letterId: event.letterId } : {}),
  };
}

/**
 * Records an event with the deadlines calc computes for it. An event that names no nation is counted with the
 * case's (its latest event's that says, see {@link caseNation}), not England and Wales: a Scottish case stays
 * Scottish when a later event is recorded without saying so again.
 */
export async function recordCaseEvent(store: CaseStore, caseId: string, event: NewCaseEvent): Promise<EventRecord> {
  const nation = event.nation ?? caseNation(await store.events(caseId));
  return store.recordEvent(caseId, eventWithDeadlines({ ...event, nation }));
}

/** One deadline on a case's timeline: calc's deadline, its status, and the events that started and met it. */
export interface CaseDeadline extends Deadline {
  readonly status: DeadlineStatus;
  /**
   * The event that started it (its id in the case), or the decision stored in the case whose letter started it
   * (`decisionId`, with type `decision_letter_received` and the decision's letter date; see {@link caseTimeline}).
   */
  readonly startedBy: { readonly eventId?: string; readonly decisionId?: string; readonly type: EventType; readonly date: CivilDate };
  readonly metBy?: { readonly eventId?: string; readonly type: EventType; readonly date: CivilDate };
  /**
   * A last day met by a letter posted on it or just before: the day the letter is taken to arrive, after the last
   * day, and what that means. The deadline still counts as met by the date of sending; this says it may not be.
   */
  readonly arrival?: { readonly date: CivilDate; readonly note: string };
}

export interface CaseTimeline {
  readonly asOf: CivilDate;
  readonly nation: Nation;
  /** Not met and on or after asOf, soonest first. */
  readonly next: readonly CaseDeadline[];
  /** Not met and before asOf, oldest first. */
  readonly overdue: readonly CaseDeadline[];
  /** Met by a later event. */
  readonly met: readonly CaseDeadline[];
  /** Events dated after asOf are left out of the timeline until their day comes. */
  readonly laterEvents: number;
}

/** The nation the case's deadlines are counted with: that of its latest event which says. */
export function caseNation(events: readonly EventRecord[]): Nation {
  for (const e of [...events].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))) {
    const nation = clockOf(e)?.nation;
    if (nation) return nation;
  }
  return DEFAULT_NATION;
}

/** A decision stored in the case, as far as its clock needs it. */
export type StoredDecision = Pick<DecisionRecord, 'id' | 'letterDate'>;

/**
 * The decisions stored in the case whose letter starts a clock on the timeline as of `asOf`, by letter date: each
 * with a letter date on or before `asOf` is counted as calc counts a `decision_letter_received` event of that date
 * (CSMCR 2012 reg 14(1)(a): 30 days from the date of notification), so that a decision kept with add_decision or
 * create_case starts its reconsideration clock without its date being sent again. Left out: a decision whose letter
 * date a recorded `decision_letter_received` event already has (the same letter, counted once, with the facts the
 * event gives); a second decision of the same letter date; a date the bank holiday tables do not cover; and a decision
 * whose every deadline (the late-request outer limit last) had passed by `asOf`, which would only list long-closed
 * reconsideration windows as overdue.
 */
function decisionClocks(
  decisions: readonly StoredDecision[],
  happened: readonly EventRecord[],
  asOf: CivilDate,
  nation: Nation,
): Map<CivilDate, string> {
  const recorded = new Set(happened.filter((e) => e.type === 'decision_letter_received').map((e) => e.date));
  const clocks = new Map<CivilDate, string>();
  for (const d of decisions) {
    const date = d.letterDate;
    if (date === undefined || date > asOf || recorded.has(date) || clocks.has(date)) continue;
    let deadlines: Deadline[];
    try {
      deadlines = deadlinesForEvent('decision_letter_received', date, nation);
    } catch {
      // Outside the bank holiday tables: its working days cannot be counted (a recorded event is refused the same way).
      continue;
    }
    if (deadlines.some((x) => x.date >= asOf)) clocks.set(date, d.id);
  }
  return clocks;
}

/**
 * The case's timeline as of `asOf`: calc's, from the events the case holds and the letters of the decisions it holds
 * (each decision's reconsideration clock counted from its letter date, see {@link decisionClocks}; a reconsideration
 * request recorded later meets it, as calc links a request to the latest decision on or before it).
 */
export function caseTimeline(events: readonly EventRecord[], asOf: CivilDate, decisions: readonly StoredDecision[] = []): CaseTimeline {
  const nation = caseNation(events);
  const happened = events.filter((e) => e.date <= asOf);
  const decided = decisionClocks(decisions, happened, asOf, nation);
  const t = timeline(
    [
      ...happened.map((e) => ({ type: e.type, date: e.date, ...opt('facts', ruleFacts(e.type, e.details, clockOf(e)?.facts)) })),
      ...[...decided.keys()].map((date) => ({ type: 'decision_letter_received' as const, date })),
    ],
    asOf,
    nation,
  );
  const eventOf = (type: EventType, date: CivilDate) => happened.find((e) => e.type === type && e.date === date);
  const idOf = (type: EventType, date: CivilDate) => eventOf(type, date)?.id;
  const decisionOf = (type: EventType, date: CivilDate) => (type === 'decision_letter_received' ? decided.get(date) : undefined);
  // How the event that met a last day went: by post, it is taken to arrive later than it was sent.
  const arrivalOf = (e: TimelineEntry) => {
    if (!e.metBy) return undefined;
    const method = eventOf(e.metBy.type, e.metBy.date)?.details?.['method'];
    return lateArrival(e.deadline, e.metBy.date, typeof method === 'string' ? method : undefined, nation);
  };
  const entry = (e: TimelineEntry): CaseDeadline => ({
    ...e.deadline,
    status: e.status,
    startedBy: {
      ...opt('eventId', idOf(e.startedBy.type, e.startedBy.date)),
      ...opt('decisionId', decisionOf(e.startedBy.type, e.startedBy.date)),
      type: e.startedBy.type,
      date: e.startedBy.date,
    },
    ...(e.metBy ? { metBy: { ...opt('eventId', idOf(e.metBy.type, e.metBy.date)), type: e.metBy.type, date: e.metBy.date } } : {}),
    ...opt('arrival', arrivalOf(e)),
  });
  const of = (status: DeadlineStatus) => t.entries.filter((e) => e.status === status).map(entry);
  return { asOf, nation, next: of('next'), overdue: of('overdue'), met: of('met'), laterEvents: events.length - happened.length };
}

/** The timeline of a stored case as of `asOf`: its events and its decisions' letters ({@link caseTimeline}). */
export async function storedCaseTimeline(store: CaseStore, caseId: string, asOf: CivilDate): Promise<CaseTimeline> {
  const [events, decisions] = await Promise.all([store.events(caseId), store.decisions(caseId)]);
  return caseTimeline(events, asOf, decisions);
}

/**
 * For a request whose time runs from its receipt (a subject access or rectification request), the day DWP is taken
 * to have received it and how that day was found, as its deadlines were counted; undefined for any other event.
 */
export function eventReceipt(event: EventRecord): Receipt | undefined {
  if (!COUNTED_FROM_RECEIPT.includes(event.type)) return undefined;
  return requestReceipt(
    event.date,
    ruleFacts(event.type, event.details, clockOf(event)?.facts) ?? {},
    clockOf(event)?.nation ?? DEFAULT_NATION,
  );
}

const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
