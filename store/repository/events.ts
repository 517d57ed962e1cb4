/**
 * What happened in a dispute, in calc's vocabulary (calc/deadlines EVENT_TYPES), with the deadlines each event
 * starts in calc's shape (the case service computes them; the store keeps them as given). An event may answer an
 * earlier event and may be about a letter: both of the same case (the database's foreign keys say so too, with
 * the case id in them).
 * @module
 */
import { and, asc, eq } from 'drizzle-orm';
import { DEADLINE_KINDS, EVENT_TYPES, type Deadline } from '../../calc/deadlines/events.ts';
import { InputError } from '../../calc/errors.ts';
import * as t from '../schema.ts';
import type { Sealer } from '../seal.ts';
import type { CaseStore, EventInput, EventRecord } from '../types.ts';
import { checkCaseId, checkId, civilDate, jsonObject, oneOf, optionalText, record, requireText } from './check.ts';
import type { Context } from './context.ts';
import { eventOf, eventRow, opt, type EventValues } from './rows.ts';
import { makeRoom } from './limits.ts';
import type { Database } from './sql.ts';

/** Most deadlines one event may start. */
export const MAX_DEADLINES = 50;
const DEADLINE_FIELDS = ['id', 'label', 'date', 'basis', 'citation', 'href', 'kind'] as const;
const DEADLINE_SHAPE = 'a deadline as compute_deadlines gives it';

/** Deadlines in calc's shape ({@link Deadline}), checked field by field. */
export function checkDeadlines(field: string, value: unknown): Deadline[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new InputError(
      field,
      'must be a list of deadlines as compute_deadlines gives them: { id, label, date, basis, citation, href?, kind }',
    );
  if (value.length > MAX_DEADLINES) throw new InputError(field, `at most ${MAX_DEADLINES} deadlines for one event`);
  return value.map((d: unknown, i) => {
    const f = `${field}[${i}]`;
    const x = record(f, d, DEADLINE_SHAPE, DEADLINE_FIELDS);
    const href = optionalText(`${f}.href`, x.href, 500);
    return {
      id: requireText(`${f}.id`, x.id, 100),
      label: requireText(`${f}.label`, x.label, 200),
      date: civilDate(`${f}.date`, x.date),
      basis: requireText(`${f}.basis`, x.basis, 2000),
      // A deadline recorded by an earlier Reckoner may have no citation (migration 0006): empty is allowed.
      citation: optionalText(`${f}.citation`, x.citation, 500) ?? '',
      ...opt('href', href),
      kind: oneOf(`${f}.kind`, x.kind, DEADLINE_KINDS),
    };
  });
}

/** An event's values, checked (not yet that `answers` and `letterId` are of the case: see {@link insertEvent}). */
export function checkEvent(input: EventInput): EventValues {
  if (input === null || typeof input !== 'object') throw new InputError('(body)', 'must be the event: { type, date, … }');
  const summary = optionalText('summary', input.summary, 2000);
  const details = jsonObject('details', input.details);
  const answers =
    input.answers === undefined
      ? undefined
      : checkId('answers', input.answers, 'give the id of an event of this case (get_case lists them)');
  const letterId =
    input.letterId === undefined
      ? undefined
      : checkId('letterId', input.letterId, 'give the id of a letter of this case (get_case lists them)');
  return {
    type: oneOf('type', input.type, EVENT_TYPES),
    date: civilDate('date', input.date),
    ...opt('summary', summary),
    ...opt('details', details),
    deadlines: checkDeadlines('deadlines', input.deadlines),
    ...opt('answers', answers),
    ...opt('letterId', letterId),
  };
}

/**
 * Writes an event, first making sure the event it answers and the letter it is about are of the same case
 * (the foreign keys would refuse them too, but with a failure that cannot say which field was wrong).
 */
export async function insertEvent(ex: Database, caseId: string, e: EventValues, s: Sealer): Promise<EventRecord> {
  if (e.answers !== undefined) {
    const [found] = await ex
      .select({ id: t.events.id })
      .from(t.events)
      .where(and(eq(t.events.id, e.answers), eq(t.events.caseId, caseId)));
    if (!found)
      throw new InputError('answers', 'is not an event of this case; give the id of the event this one answers (get_case lists them)');
  }
  if (e.letterId !== undefined) {
    const [found] = await ex
      .select({ id: t.letters.id })
      .from(t.letters)
      .where(and(eq(t.letters.id, e.letterId), eq(t.letters.caseId, caseId)));
    if (!found) throw new InputError('letterId', 'is not a letter of this case; give the id of one of its letters (get_case lists them)');
  }
  const [row] = await ex
    .insert(t.events)
    .values(eventRow(caseId, e, s))
    .returning();
  return eventOf(row!, s);
}

/** The events, in date order (then as recorded). */
export async function readEvents(ex: Database, caseId: string, s: Sealer): Promise<EventRecord[]> {
  const rows = await ex
    .select()
    .from(t.events)
    .where(eq(t.events.caseId, caseId))
    .orderBy(asc(t.events.date), asc(t.events.createdAt), asc(t.events.id));
  return rows.map((r) => eventOf(r, s));
}

export function eventOperations(cx: Context): Pick<CaseStore, 'recordEvent' | 'events'> {
  return {
    recordEvent: (caseId, input) =>
      cx.run('Recording the event', async () => {
        const id = checkCaseId(caseId);
        const values = checkEvent(input);
        return cx.scoped('case', async (tx) => {
          const { s } = await cx.lockCase(tx, id);
          await makeRoom(tx, id, 'events', 'event');
          const event = await insertEvent(tx, id, values, s);
          await cx.audit(tx, id, 'event_recorded');
          return event;
        });
      }),

    events: (caseId) =>
      cx.run('Reading the events', async () => {
        const id = checkCaseId(caseId);
        return cx.scoped('case', async (tx) => readEvents(tx, id, (await cx.findCase(tx, id)).s));
      }),
  };
}
