/**
 * A case timeline: every deadline the case's events start, which of them later events have met, and of the
 * rest what is overdue and what is due next as of a given day.
 *
 * A meeting event (a reply arrived, the parent acted) meets the deadlines of the most recent event of each
 * type it answers, dated on or before it: a reconsideration request answers the latest decision, as CMS links
 * an unspecific request to the most recent decision.
 * @module
 */
import type { CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { byDate, checkDate, checkEventType, deadlinesForEvent, MET_BY, type Deadline, type EventType } from './events.ts';
import { checkNation, type Nation } from './holidays.ts';
import { checkLetterId, deadlinesForLetter, LETTER_CLOCKS, type LetterId } from './letters.ts';

export interface CaseEvent {
  readonly type: EventType;
  readonly date: CivilDate;
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
}

/** Most events one timeline takes: decades of correspondence, small enough to answer at once. */
export const MAX_EVENTS = 500;

interface Started {
  readonly origin: CaseEvent;
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
  options: { readonly letter?: { readonly type: LetterId; readonly date: CivilDate } } = {},
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

  const started: Started[] = events.map((e) => ({ origin: e, deadlines: deadlinesForEvent(e.type, e.date, nation) }));
  const letter = options.letter;
  if (letter) {
    checkLetterId(letter.type, 'letter.type');
    checkDate(letter.date, 'letter.date');
    const event = LETTER_CLOCKS[letter.type].event;
    if (event)
      started.push({ origin: { type: event, date: letter.date }, deadlines: deadlinesForLetter(letter.type, letter.date, nation) });
  }

  const origins = started.map((s) => s.origin);
  /** True when `origin` is the latest event of its type on or before `meeting`. */
  const latestBefore = (origin: CaseEvent, meeting: CaseEvent): boolean =>
    origin.date <= meeting.date && !origins.some((o) => o.type === origin.type && o.date > origin.date && o.date <= meeting.date);

  const all: Deadline[] = [];
  const met: Deadline[] = [];
  const open: Deadline[] = [];
  for (const { origin, deadlines } of started) {
    for (const d of deadlines) {
      all.push(d);
      const meetingTypes = MET_BY[d.id] ?? [];
      const isMet = events.some((m) => meetingTypes.includes(m.type) && latestBefore(origin, m));
      (isMet ? met : open).push(d);
    }
  }
  all.sort(byDate);
  met.sort(byDate);
  open.sort(byDate);
  return { next: open.filter((d) => d.date >= asOf), overdue: open.filter((d) => d.date < asOf), met, all };
}
