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
  EVENT_DESCRIPTIONS,
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
import { civilDate, strictObject, trace } from './schemas.ts';
import { defineTool } from './tool.ts';

/** Most events one call takes. */
export const MAX_EVENTS = 200;

const letterDates = LETTER_IDS.filter((id) => LETTER_CLOCKS[id].event)
  .map((id) => `${id} ${LETTER_CLOCKS[id].name}: ${LETTER_CLOCKS[id].date}`)
  .join('; ');

const eventList = EVENT_TYPES.map((e) => `${e}: ${EVENT_DESCRIPTIONS[e]}`).join('; ');

export const computeDeadlinesInput = strictObject({
  nation: z
    .enum(NATIONS)
    .optional()
    .describe('Whose bank holidays count when working days are counted: england_and_wales (default) or scotland'),
  letter: strictObject({
    type: z.enum(LETTER_IDS).describe('The letter in the catalogue, L01–L24 (see list_letter_types)'),
    sentOn: civilDate.describe(
      `The date the letter's clock runs from: the day it is sent, except where the catalogue says otherwise. ${letterDates}`,
    ),
  })
    .optional()
    .describe('A letter whose deadlines to compute'),
  events: z
    .array(
      strictObject({
        type: z.enum(EVENT_TYPES).describe(`What happened. ${eventList}`),
        date: civilDate.describe('When it happened, as the event type says'),
      }),
    )
    .min(1, 'give at least one event, or leave events out')
    .max(MAX_EVENTS, `at most ${MAX_EVENTS} events in one call`)
    .optional()
    .describe("The case's events so far, in any order; later events (a reply, an appeal lodged) meet earlier deadlines"),
  asOf: civilDate
    .optional()
    .describe('The day to judge what is overdue and what is next; defaults to today. Giving it (or events) adds a timeline'),
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
  deadlines: z.array(deadlineOut).describe('Every deadline from the letter and the events, in date order'),
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
    'Works out the dates a Child Maintenance Service dispute runs on: the last day for a mandatory reconsideration ' +
    '(the stricter of 30 days and one month), the month for an appeal, subject access replies by the ICO rule, ' +
    'complaint replies in working days, the ICE, Ombudsman and ICO limits, enforcement appeal windows. Give a letter ' +
    '(L01–L24) and the date its clock runs from, and/or the case events so far; with events you also get what is ' +
    `overdue and what is due next. Working days skip the bank holidays of England and Wales or of Scotland ` +
    `(${FIRST_HOLIDAY_YEAR}–${LAST_HOLIDAY_YEAR}). Every date comes with its rule and source; use these dates, do not count your own.`,
  inputSchema: computeDeadlinesInput,
  outputSchema: computeDeadlinesOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: (input, context) => {
    if (!input.letter && !input.events) {
      throw new InputError('letter', 'give a letter (type and sentOn) or at least one event, so there is something to count from');
    }
    const nation: Nation = input.nation ?? 'england_and_wales';
    const letter = input.letter ? { type: input.letter.type, date: input.letter.sentOn } : undefined;
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
      ...(input.letter
        ? {
            letter: {
              type: input.letter.type,
              name: LETTER_CLOCKS[input.letter.type].name,
              sentOn: input.letter.sentOn,
              dateMeans: LETTER_CLOCKS[input.letter.type].date,
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
  summarize: (out) => {
    const lines: string[] = [];
    const where = `${NATION_NAMES[out.nation]} working days`;
    if (out.letter && out.deadlines.length === 0 && !out.timeline) {
      lines.push(`${out.letter.type} (${out.letter.name}) starts no deadline of its own.`);
    }
    if (out.timeline) {
      const t = out.timeline;
      lines.push(`As of ${t.asOf} (${where}):`);
      if (t.overdue.length > 0) {
        lines.push(`Overdue (${t.overdue.length}):`, ...listed(t.overdue));
      }
      if (t.next.length > 0) lines.push(`Next (${t.next.length}):`, ...listed(t.next));
      else lines.push('Nothing further is due.');
      if (t.met.length > 0) lines.push(`${t.met.length} earlier deadline${t.met.length === 1 ? ' was' : 's were'} met by later events.`);
    } else if (out.deadlines.length > 0) {
      const from = out.letter
        ? ` from ${out.letter.type} (${out.letter.name}), counted from ${out.letter.sentOn}, ${out.letter.dateMeans}`
        : '';
      lines.push(`Deadlines${from}; ${where}:`, ...listed(out.deadlines));
    }
    lines.push(`Each date's rule and source are in the trace (${out.trace.length} steps).`);
    return lines.join('\n');
  },
});
