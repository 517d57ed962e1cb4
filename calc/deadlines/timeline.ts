/**
 * A case timeline: every deadline the case's events start, which of them later events have met, and of the
 * rest what is overdue and what is due next as of a given day — as lists, and as one entry per deadline with its
 * status, which event started it and which met it (what a case service returns as it is).
 *
 * A meeting event (a reply arrived, the parent acted) meets the deadlines of the most recent event of each
 * type it answers, dated on or before it: a reconsideration request answers the latest decision, as CMS links
 * an unspecific request to the most recent decision. So recording a reply (`breakdown_received`) meets the
 * clock its request started (`breakdown_reply_due` of `breakdown_requested`, or of an L02 letter).
 * @module
 */
import type { CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { byDate, checkDate, checkEventType, deadlinesForEvent, MET_BY, type Deadline, type EventFacts, type EventType } from './events.ts';
import { checkNation, type Nation } from './holidays.ts';
import { checkLetterId, deadlinesForLetter, LETTER_CLOCKS, type LetterId } from './letters.ts';

export interface CaseEvent {
  readonly type: EventType;
  readonly date: CivilDate;
  /** What the rules need to know beyond the date (residence for a deduction order appeal, a default decision). */
  readonly facts?: EventFacts;
}

export const DEADLINE_STATUSES = ['next', 'overdue', 'met'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** One deadline on the timeline, with where it stands as of the timeline's day. */
export interface TimelineEntry {
  readonly deadline: Deadline;
  /** `met`: a later event met it; `overdue`: not met and before asOf; `next`: not met, on or after asOf. */
  readonly status: DeadlineStatus;
  /** The event (or letter) that started it. */
  readonly startedBy: { readonly type: EventType; readonly date: CivilDate; readonly letter?: LetterId };
  /** The first event that met it, when met. */
  readonly metBy?: { readonly type: EventType; readonly date: CivilDate };
}

export interface Timeline {
  /** Not met and on or after `asOf`, soonest first. */
  next: Deadline[];
  /** Not met and before `asOf`, oldest first. */
  overdue: Deadline[];
  /** Met by a later event (the reply arrived, the step was taken), in date order. */
  met: Deadline[];
  /** Every deadline, in date order. */
  all: Deadline[];
  /** Every deadline with its status, in date order. */
  entries: TimelineEntry[];
}

/** Most events one timeline takes: decades of correspondence, small enough to answer at once. */
export const MAX_EVENTS = 500;

interface Started {
  readonly origin: CaseEvent & { readonly letter?: LetterId };
  readonly deadlines: readonly Deadline[];
}

/**
 * The timeline of `events` as of `asOf`. An event dated after `asOf` is refused (it has not happened yet).
 * `options.letter` adds the deadlines of a letter (as {@link deadlinesForLetter}) to the timeline.
 */
export function timeline(
  events: readonly CaseEvent[],
  asOf: CivilDate,
  nation: Nation,
  options: { readonly letter?: { readonly type: LetterId; readonly date: CivilDate; readonly facts?: EventFacts } } = {},
): Timeline {
  checkNation(nation);
  checkDate(asOf, 'asOf');
  if (events.length > MAX_EVENTS) throw new InputError('events', `at most ${MAX_EVENTS} events in one timeline; got ${events.length}`);
  events.forEach((e, i) => {
    checkEventType(e.type, `events[${i}].type`);
    checkDate(e.date, `events[${i}].date`);
    if (e.date > asOf) {
      throw new InputError(`events[${i}].date`, `${e.date} is after asOf (${asOf}); give only events that have happened by then`);
    }
  });

  const started: Started[] = events.map((e) => ({ origin: e, deadlines: deadlinesForEvent(e.type, e.date, nation, e.facts) }));
  const letter = options.letter;
  if (letter) {
    checkLetterId(letter.type, 'letter.type');
    checkDate(letter.date, 'letter.date');
    const event = LETTER_CLOCKS[letter.type].event;
    if (event)
      started.push({
        origin: { type: event, date: letter.date, letter: letter.type },
        deadlines: deadlinesForLetter(letter.type, letter.date, nation, letter.facts),
      });
  }

  const origins = started.map((s) => s.origin);
  /** True when `origin` is the latest event of its type on or before `meeting`. */
  const latestBefore = (origin: CaseEvent, meeting: CaseEvent): boolean =>
    origin.date <= meeting.date && !origins.some((o) => o.type === origin.type && o.date > origin.date && o.date <= meeting.date);
  const byEventDate = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const entries: TimelineEntry[] = [];
  for (const { origin, deadlines } of started) {
    for (const d of deadlines) {
      const meetingTypes = MET_BY[d.id] ?? [];
      // The last day to act is met only by acting on or before it: a request sent after it was late, and the deadline
      // stands missed (a late application is another step, with its own rules).
      const inTime = (m: CaseEvent) => d.kind !== 'last_day' || m.date <= d.date;
      const meeting = byEventDate.find((m) => meetingTypes.includes(m.type) && latestBefore(origin, m) && inTime(m));
      entries.push({
        deadline: d,
        status: meeting ? 'met' : d.date < asOf ? 'overdue' : 'next',
        startedBy: { type: origin.type, date: origin.date, ...(origin.letter ? { letter: origin.letter } : {}) },
        ...(meeting ? { metBy: { type: meeting.type, date: meeting.date } } : {}),
      });
    }
  }
  entries.sort((a, b) => byDate(a.deadline, b.deadline));
  const where = (status: DeadlineStatus) => entries.filter((e) => e.status === status).map((e) => e.deadline);
  return { next: where('next'), overdue: where('overdue'), met: where('met'), all: entries.map((e) => e.deadline), entries };
}
