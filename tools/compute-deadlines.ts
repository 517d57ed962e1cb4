/**
 * `compute_deadlines`: the dates a letter or a case's events start (reply due, when to chase, when to
 * escalate, the last day to act), counted in calendar days, calendar months and the nation's working days,
 * each with the rule and its source; and, given events, what is overdue and what is due next.
 * @module
 */
import * as z from 'zod';
import {
  DEADLINE_KINDS,
  deadlinesForLetter,
  EVENT_DATE_HINT,
  EVENT_TYPES,
  FIRST_HOLIDAY_YEAR,
  LAST_HOLIDAY_YEAR,
  LETTER_CLOCKS,
  LETTER_IDS,
  longDate,
  NATION_NAMES,
  NATIONS,
  timeline,
  type Deadline,
  type Nation,
} from '../calc/deadlines/index.ts';
import { InputError } from '../calc/errors.ts';
import { findLetter, type LetterId } from '../letters/index.ts';
import { civilDate, leanOutput, letterRef, strictObject, trace } from './schemas.ts';
import { defineTool } from './tool.ts';
import { capped, plural, traceSection, wasWere } from './words.ts';

/** Most events one call takes. */
export const MAX_EVENTS = 200;

export const computeDeadlinesInput = strictObject({
  nation: z.enum(NATIONS).optional().describe('Bank holidays: default england_and_wales'),
  letter: strictObject({
    type: letterRef,
    sentOn: civilDate.describe('The day sent, unless list_letter_types { type } names another date'),
  }).optional(),
  events: z
    .array(
      strictObject({
        type: z.enum(EVENT_TYPES),
        date: civilDate.describe(EVENT_DATE_HINT),
      }),
    )
    .min(1, 'give at least one event, or leave events out')
    .max(MAX_EVENTS, `at most ${MAX_EVENTS} events in one call`)
    .optional()
    .describe('The case’s events so far, any order'),
  asOf: civilDate.optional().describe('Adds a timeline (overdue, next) as of this day'),
});

const deadlineOut = z.object({
  id: z.string(),
  label: z.string(),
  date: z.string(),
  basis: z.string().describe('The rule in plain words, with the dates it was counted from'),
  citation: z.string(),
  href: z.string().optional(),
  kind: z.enum(DEADLINE_KINDS),
});

export const computeDeadlinesOutput = z.object({
  nation: z.enum(NATIONS),
  letter: z
    .object({ type: z.enum(LETTER_IDS), name: z.string(), sentOn: z.string(), dateMeans: z.string() })
    .optional()
    .describe('The letter asked about, and what its date was taken to mean'),
  deadlines: z.array(deadlineOut).describe('Every deadline, in date order'),
  timeline: z
    .object({
      asOf: z.string(),
      next: z.array(deadlineOut).describe('Not yet met and on or after asOf, soonest first'),
      overdue: z.array(deadlineOut).describe('Not met and before asOf'),
      met: z.array(deadlineOut).describe('Met by a later event (the reply arrived, the step was taken)'),
    })
    .optional(),
  trace,
});

export type ComputeDeadlinesOutput = z.infer<typeof computeDeadlinesOutput>;
type DeadlineOut = z.infer<typeof deadlineOut>;

const copy = (d: Deadline): DeadlineOut => ({ ...d });

const KIND_WORDS: Record<Deadline['kind'], string> = {
  reply_due: 'reply due',
  chase: 'chase',
  escalate: 'escalate',
  last_day: 'last day',
  review: 'reminder',
};

function line(d: DeadlineOut): string {
  return `- ${d.date} (${longDate(d.date)}), ${KIND_WORDS[d.kind]}: ${d.label}`;
}

/** How many deadlines the text summary lists before "and N more". */
const SUMMARY_LINES = 8;

function listed(deadlines: readonly DeadlineOut[]): string[] {
  const lines = deadlines.slice(0, SUMMARY_LINES).map(line);
  if (deadlines.length > SUMMARY_LINES) lines.push(`- and ${deadlines.length - SUMMARY_LINES} more (see deadlines)`);
  return lines;
}

export const computeDeadlinesTool = defineTool({
  name: 'compute_deadlines',
  title: 'Compute deadlines for a letter or a case',
  description:
    `The dates a letter or a case’s events start (reply due, chase, escalate, last day to act; holidays ${FIRST_HOLIDAY_YEAR}–` +
    `${LAST_HOLIDAY_YEAR}), each with its rule; with events, what is overdue and next.`,
  inputSchema: computeDeadlinesInput,
  // Lean: the deadlines by name; the text gives each date with its rule.
  outputSchema: leanOutput(computeDeadlinesOutput, ['deadlines', 'timeline', 'trace']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: (input, context) => {
    if (!input.letter && !input.events) {
      throw new InputError('letter', 'give a letter (type and sentOn) or at least one event, so there is something to count from');
    }
    const nation: Nation = input.nation ?? 'england_and_wales';
    // A letter by id or by name: the clocks are kept by id.
    const letterId = input.letter ? (findLetter(input.letter.type).id as LetterId) : undefined;
    const letter = input.letter && letterId ? { type: letterId, date: input.letter.sentOn } : undefined;
    const withTimeline = input.events !== undefined || input.asOf !== undefined;
    let deadlines: Deadline[];
    let timelineOut: ComputeDeadlinesOutput['timeline'];
    if (withTimeline) {
      const asOf = input.asOf ?? context.today;
      const t = timeline(input.events ?? [], asOf, nation, letter ? { letter } : {});
      deadlines = t.all;
      timelineOut = { asOf, next: t.next.map(copy), overdue: t.overdue.map(copy), met: t.met.map(copy) };
    } else {
      deadlines = deadlinesForLetter(letter!.type, letter!.date, nation);
    }
    return {
      nation,
      ...(letter
        ? {
            letter: {
              type: letter.type,
              name: LETTER_CLOCKS[letter.type].name,
              sentOn: letter.date,
              dateMeans: LETTER_CLOCKS[letter.type].date,
            },
          }
        : {}),
      deadlines: deadlines.map(copy),
      ...(timelineOut ? { timeline: timelineOut } : {}),
      trace: deadlines.map((d) => ({
        step: d.id,
        description: `${d.label}: ${d.basis}`,
        value: d.date,
        citation: d.citation,
        ...(d.href ? { href: d.href } : {}),
      })),
    };
  },
  summarize: (out) => summarizeDeadlines(out),
});

/** The deadlines in words: overdue and next (or every date a letter starts), then the numbered trace with each rule. */
export function summarizeDeadlines(out: ComputeDeadlinesOutput): string {
  const head: string[] = [];
  const where = `${NATION_NAMES[out.nation]} working days`;
  if (out.letter && out.deadlines.length === 0 && !out.timeline) {
    head.push(`${out.letter.type} (${out.letter.name}) starts no deadline of its own.`);
  }
  if (out.timeline) {
    const t = out.timeline;
    head.push(`As of ${t.asOf} (${where}):`);
    if (t.overdue.length > 0) head.push(`Overdue (${t.overdue.length}):`, ...listed(t.overdue));
    if (t.next.length > 0) head.push(`Next (${t.next.length}):`, ...listed(t.next));
    else head.push('Nothing further is due.');
    if (t.met.length > 0) head.push(`${plural(t.met.length, 'earlier deadline')} ${wasWere(t.met.length)} met by later events.`);
  } else if (out.deadlines.length > 0) {
    const from = out.letter
      ? ` from ${out.letter.type} (${out.letter.name}), counted from ${out.letter.sentOn}, ${out.letter.dateMeans}`
      : '';
    head.push(`Deadlines${from}; ${where}:`, ...listed(out.deadlines));
  }
  return capped(head, [traceSection(out.trace)]);
}
