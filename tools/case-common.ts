/**
 * What the case tools share: reaching the store, and the zod shapes of a case and its parts (inputs and
 * outputs), so that every case tool speaks the same JSON.
 * @module
 */
import * as z from 'zod';
import { PAYMENT_FREQUENCIES } from '../calc/schedule/build.ts';
import { SIDES } from '../calc/reconcile/reconcile.ts';
import { COLLECTION_SERVICES } from '../calc/scheme-2012/calculate.ts';
import { StoreError } from '../store/errors.ts';
import { DEADLINE_STATUSES } from '../calc/deadlines/index.ts';
import { EVENT_TYPES, PARTY_ROLES, SCHEMES, type CaseStore } from '../store/types.ts';
import { decisionCalculationInput } from './build-liability-schedule.ts';
import { civilDate, moneyOut, nonNegativeMoneyIn, sameAs, strictObject } from './schemas.ts';
import { niNumber } from '../letters/facts.ts';
import { COLLECTION_WORDS, EVENT_WORDS, PARTY_ROLE_WORDS, plural, SIDE_WORDS } from './words.ts';
import type { ToolContext } from './tool.ts';

/** The store, opened on first use. @throws {StoreError} `unsupported` when this server has none. */
export async function storeOf(context: ToolContext): Promise<CaseStore> {
  if (!context.store) {
    throw new StoreError(
      'unsupported',
      'caseId',
      'this Reckoner server keeps no cases (it has no case store); the calculation tools work without one',
    );
  }
  return context.store();
}

/**
 * The largest case export given back in a result rather than written to a file: 64 MiB, which is also what
 * import_case accepts over HTTP (server/http.ts), so an export always comes back in. A bigger case (many kept
 * documents) is exported to a file by a local Reckoner.
 */
export const INLINE_EXPORT_MAX_BYTES = 64 * 1024 * 1024;

export const caseId = z
  .uuid({ message: 'caseId must be a case id such as 0f8fad5b-d9cb-469f-a165-70867728950e; list_cases shows them' })
  // tools/list shows the format, not zod's long uuid pattern (zod still checks it).
  .meta({ description: 'A case id (list_cases)', pattern: undefined });

const text = (field: string, max: number) => z.string().max(max, `${field} must be at most ${max} characters`);

/** What the letters that ask for it print (a subject access request, an ICE referral), kept with the person. */
export const partyIdentity = { dateOfBirth: civilDate, nationalInsuranceNumber: niNumber.describe('e.g. QQ123456C') };

export const partyInput = strictObject({
  role: z.enum(PARTY_ROLES),
  name: text('name', 200).min(1, 'name must not be empty'),
  email: text('email', 320).optional(),
  phone: text('phone', 50).optional(),
  address: text('address', 1000).optional(),
  addressWithheld: z.boolean().optional().describe('CMS keeps it from the other party: never shown again'),
  dateOfBirth: partyIdentity.dateOfBirth.optional(),
  nationalInsuranceNumber: partyIdentity.nationalInsuranceNumber.optional(),
});

export const childInput = strictObject({
  name: text('name', 200).min(1, 'name must not be empty').describe('First name or initials'),
  dateOfBirth: civilDate.optional(),
});

export const decisionRecordInput = strictObject({
  label: text('label', 100).min(1, 'label must not be empty').optional().describe('Default decision_1, decision_2 …'),
  effectiveDate: civilDate.describe('The effective date on the CMS letter'),
  letterDate: civilDate.optional().describe('Date of the letter'),
  weeklyAmount: nonNegativeMoneyIn.optional().describe('As the decision states it, or give calculation'),
  calculation: sameAs(
    decisionCalculationInput,
    'Instead of weeklyAmount: the circumstances, as calculate_maintenance takes them',
  ).optional(),
  service: z.enum(COLLECTION_SERVICES).optional().describe('From this decision on'),
  receivingParentId: text('receivingParentId', 100).min(1).optional().describe('Whom weeklyAmount is for, if several'),
});

// ---------------------------------------------------------------------------------------------------
// Outputs.

const json = z.record(z.string(), z.unknown());

/** calc/deadlines' deadline, as JSON. */
export const deadlineOutput = z.object({
  id: z.string(),
  label: z.string(),
  date: z.string(),
  basis: z.string(),
  citation: z.string(),
  href: z.string().optional(),
  kind: z.string().describe('reply_due, chase, escalate, last_day or review'),
});

export const caseSummaryOutput = z.object({
  id: z.string(),
  reference: z.string().optional().describe('The 12-digit CMS case reference'),
  title: z.string(),
  scheme: z.enum(SCHEMES),
  service: z.enum(COLLECTION_SERVICES),
  side: z.enum(SIDES).describe('Whose side Reckoner is on'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const partyOutput = z.object({
  id: z.string(),
  role: z.enum(PARTY_ROLES),
  name: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional().describe('Absent when withheld'),
  addressWithheld: z.boolean(),
  dateOfBirth: z.string().optional(),
  nationalInsuranceNumber: z.string().optional(),
});

export const decisionRecordOutput = z.object({
  id: z.string(),
  label: z.string(),
  effectiveDate: z.string(),
  letterDate: z.string().optional(),
  weeklyAmount: moneyOut.optional(),
  calculation: json.optional(),
  service: z.enum(COLLECTION_SERVICES).optional(),
  receivingParentId: z.string().optional(),
});

export const eventOutput = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  date: z.string(),
  summary: z.string().optional(),
  details: json.optional(),
  deadlines: z.array(deadlineOutput).describe('The deadlines calc computed for it when it was recorded'),
  answers: z.string().optional().describe('The event this one answers'),
  letterId: z.string().optional().describe('The letter this event is the sending of'),
  createdAt: z.string(),
});

/** A deadline on the case's timeline: where it stands today, and the events that started and met it. */
export const caseDeadlineOutput = deadlineOutput.extend({
  status: z.enum(DEADLINE_STATUSES).describe('next (still to come), overdue (passed and not met) or met (a later event met it)'),
  startedBy: z.object({ eventId: z.string().optional(), type: z.string(), date: z.string() }),
  metBy: z.object({ eventId: z.string().optional(), type: z.string(), date: z.string() }).optional(),
  arrival: z
    .object({ date: z.string(), note: z.string() })
    .optional()
    .describe('Met by a letter posted too close to the last day: the day it is taken to arrive (after the last day), and what that means'),
});

export const timelineOutput = z
  .object({
    asOf: z.string(),
    nation: z.string().describe('Whose bank holidays the working days count'),
    next: z.array(caseDeadlineOutput).describe('Not met and still to come, soonest first'),
    overdue: z.array(caseDeadlineOutput).describe('Passed and not met, oldest first'),
    met: z.array(caseDeadlineOutput).describe('Met by a later event (a reply arrived, the step was taken)'),
    laterEvents: z.int().describe('Events dated after asOf, left out until their day'),
  })
  .describe('The deadlines of every event, computed by calc/deadlines, with their status as of today');

const range = z.object({ from: z.string(), to: z.string() });

export const caseDetailOutput = caseSummaryOutput.extend({
  frequency: z.enum(PAYMENT_FREQUENCIES).optional(),
  firstDueDate: z.string().optional(),
  endDate: z.string().optional(),
  parties: z.array(partyOutput),
  children: z.array(z.object({ id: z.string(), name: z.string(), dateOfBirth: z.string().optional() })),
  decisions: z.array(decisionRecordOutput).describe('The assessment history, in effective-date order'),
  documents: z.array(
    z.object({
      id: z.string(),
      sha256: z.string(),
      kind: z.string(),
      format: z.string(),
      filename: z.string().optional(),
      size: z.int(),
      importedAt: z.string(),
      originalKept: z.boolean(),
      parsed: z.object({
        kind: z.string(),
        format: z.string(),
        metadata: json,
        checks: json,
        warnings: z.array(z.string()),
        confidence: z.number(),
        rows: z.object({ transactions: z.int(), cmsEntries: z.int() }),
      }),
    }),
  ),
  events: z.array(eventOutput),
  counts: z.object({
    parties: z.int(),
    children: z.int(),
    decisions: z.int(),
    documents: z.int(),
    transactions: z.int(),
    cmsEntries: z.int(),
    evidence: z.int(),
    events: z.int(),
    letters: z.int(),
    reconciliationRuns: z.int(),
  }),
  ranges: z
    .object({ transactions: range.optional(), cmsEntries: range.optional() })
    .describe('Dates of the stored bank transactions and CMS entries'),
  latestReconciliation: z.object({ id: z.string(), inputsHash: z.string(), createdAt: z.string() }).optional(),
});

export type CaseDetailOutput = z.infer<typeof caseDetailOutput>;

/** A few lines about a case for the MCP text content: what it holds, never names or addresses. */
/** A person of the case, as the text says them: name, role, id, and what of theirs the letters can print. */
function partyLine(p: z.infer<typeof partyOutput>): string {
  const held = [
    p.address ? 'address' : p.addressWithheld ? 'address (withheld: never shown)' : undefined,
    p.email ? 'email' : undefined,
    p.phone ? 'phone' : undefined,
    p.dateOfBirth ? 'date of birth' : undefined,
    p.nationalInsuranceNumber ? 'National Insurance number' : undefined,
  ].filter((x) => x !== undefined);
  return `${PARTY_ROLE_WORDS[p.role]}: ${p.name} (party ${p.id}${held.length ? `; holds ${held.join(', ')}` : '; no contact details'}).`;
}

/** Events the text of a case lists, latest first; the rest are in structuredContent.events. */
const EVENTS_LISTED = 10;

/**
 * The case's latest events in words, each with its id: record_event's `answers` takes one, and a client that shows
 * only the text had no way to find it (a journey probe of 6 December 2026).
 */
function eventLines(events: CaseDetailOutput['events']): string[] {
  if (events.length === 0) return [];
  const latest = [...events].sort((a, b) => (a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : a.date < b.date ? 1 : -1));
  const shown = latest.slice(0, EVENTS_LISTED);
  const clip = (text: string) => (text.length <= 80 ? text : `${text.slice(0, 79)}…`);
  return [
    shown.length < events.length ? `Events (the latest ${shown.length} of ${events.length}):` : 'Events:',
    ...shown.map((e) => `- ${e.date} ${EVENT_WORDS[e.type]}${e.summary ? `: “${clip(e.summary)}”` : ''} (id ${e.id})`),
  ];
}

export function describeCase(c: CaseDetailOutput & { readonly timeline?: z.infer<typeof timelineOutput> }): string {
  const n = c.counts;
  // A later decision may have moved the case to the other service: the latest that says is what it is on now.
  const moved = [...c.decisions].reverse().find((d) => d.service !== undefined);
  const service =
    moved && moved.service !== c.service
      ? `${COLLECTION_WORDS[moved.service!]} from ${moved.effectiveDate} (${moved.label}; the case was made as ${COLLECTION_WORDS[c.service]})`
      : COLLECTION_WORDS[c.service];
  const lines = [
    `Case ${c.id}${c.reference ? ` (CMS ${c.reference})` : ''}: on ${SIDE_WORDS[c.side]}'s side, ${service}, ${c.scheme} scheme.`,
    ...c.parties.map(partyLine),
    `Holds ${plural(n.decisions, 'decision')}, ${plural(n.documents, 'document')}, ${plural(n.transactions, 'bank transaction')}, ` +
      `${plural(n.cmsEntries, 'CMS entry', 'CMS entries')}, ${plural(n.evidence, 'piece of evidence', 'pieces of evidence')}, ${plural(n.events, 'event')}, ` +
      `${plural(n.letters, 'letter')} and ${plural(n.reconciliationRuns, 'reconciliation')}.`,
  ];
  lines.push(...eventLines(c.events));
  const t = c.timeline;
  if (t) {
    const list = (ds: readonly { label: string; date: string }[]) => ds.map((d) => `${d.date} ${d.label}`).join('; ');
    if (t.overdue.length) lines.push(`Overdue as of ${t.asOf}: ${list(t.overdue)}.`);
    if (t.next.length) lines.push(`Next: ${list(t.next)}.`);
    if (t.met.length) lines.push(`Met: ${list(t.met)}.`);
    // Met by a letter posted too close to the last day: it may have arrived too late.
    for (const d of t.met) if (d.arrival) lines.push(`${d.label} (last day ${d.date}): ${d.arrival.note}`);
    if (!t.overdue.length && !t.next.length && !t.met.length) lines.push('No deadlines yet: record_event and mark_letter_sent start them.');
  }
  return lines.join('\n');
}

type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;

/** The store's read-only shapes as the (mutable) zod output types: the same plain JSON, typed for the output schema. */
export function mutable<T>(value: T): Mutable<T> {
  return value as Mutable<T>;
}
