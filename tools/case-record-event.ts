/**
 * `record_event`: something that happened in the dispute, in calc's vocabulary of events. Its deadlines are
 * computed by calc/deadlines, never typed in; a reply recorded here meets the deadline it answers.
 * @module
 */
import * as z from 'zod';
import { EVENT_DATE_HINT, EVENT_TYPES, longDate, NATIONS, RECEIPT_BASES, type ReceiptBasis } from '../calc/deadlines/index.ts';
import { InputError } from '../calc/errors.ts';
import { eventReceipt, recordCaseEvent, storedCaseTimeline } from '../cases/index.ts';
import { caseId, eventOutput, mutable, storeOf, timelineOutput } from './case-common.ts';
import { civilDate, leanOutput, strictObject } from './schemas.ts';
import { EVENT_WORDS } from './words.ts';
import { defineTool } from './tool.ts';

export const recordEventInput = strictObject({
  caseId,
  type: z
    .enum(EVENT_TYPES, {
      error: 'must be one of the event types compute_deadlines lists (e.g. decision_letter_received, dispute_reply_received)',
    })
    .describe('What happened'),
  date: civilDate.describe(EVENT_DATE_HINT),
  summary: z.string().max(2000, 'summary must be at most 2000 characters').optional(),
  // missedPaymentReport: a call or letter_sent that told CMS of a missed Direct Pay payment (cases/events.ts
  // missedPaymentReportOf).
  details: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('E.g. reference; missedPaymentReport {dueDate?, amount?}: it reported a missed Direct Pay payment'),
  facts: strictObject({
    livesOutsideUk: z.boolean().optional().describe('deo_served: 56 days to appeal, not 28'),
    decision: z
      .enum(['default_maintenance_decision', 'interim_maintenance_decision', 'other'])
      .optional()
      .describe('decision_letter_received: default or interim starts no limit'),
    receivedOn: civilDate.optional().describe('sar_sent, rectification_requested: the day DWP received it, if after date'),
  }).optional(),
  answers: z
    .uuid({ message: 'answers must be the id of an event of this case' })
    .meta({ pattern: undefined })
    .optional()
    .describe('The event this one answers (get_case lists events)'),
  nation: z.enum(NATIONS).optional().describe("Bank holidays: default the case's, else england_and_wales"),
});

export const recordEventOutput = z.object({
  caseId: z.string(),
  event: eventOutput,
  timeline: timelineOutput,
  receipt: z
    .object({ date: z.string(), how: z.enum(RECEIPT_BASES) })
    .optional()
    .describe('sar_sent, rectification_requested: the day DWP is taken to have received the request, which its month runs from'),
});

/** How a request's day of receipt was found, in words (the date is the day DWP is taken to have received it). */
const RECEIPT_WORDS: Record<ReceiptBasis, (date: string) => string> = {
  given: (date) => `DWP received it on ${longDate(date)}: its month runs from then.`,
  same_day: () => 'DWP received it the day it was sent: its month runs from then.',
  posted: (date) =>
    `Posted, it is taken to reach DWP on ${longDate(date)}, the second working day after posting (CPR r.6.26): its month runs from then.`,
  assumed_posted: (date) =>
    `How it went was not given (details.method), so it is taken as posted and to reach DWP on ${longDate(date)}, the second working ` +
    'day after posting (CPR r.6.26): its month runs from then. Sent by email, online or by hand, DWP had it that day and the reply is due sooner.',
};

export const recordEventTool = defineTool({
  name: 'record_event',
  title: 'Record an event in a case',
  description: 'Records what happened in a case (a letter, a reply, a call) and the deadlines it starts.',
  inputSchema: recordEventInput,
  // Lean: the event and timeline by name; the text gives the dates and rules.
  outputSchema: leanOutput(recordEventOutput, ['event', 'timeline']),
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const { caseId: id, ...event } = input;
    // An event is something that has happened: one dated after today would start deadlines from a day not yet come
    // (and a date past the bank holiday tables was refused for those tables, not for being in the future).
    if (event.date > context.today) {
      throw new InputError(
        'date',
        `${event.date} is after today (${context.today}); record an event once it has happened, with the date printed on the letter or the day it happened`,
      );
    }
    const store = await storeOf(context);
    const recorded = await recordCaseEvent(store, id, event);
    const timeline = await storedCaseTimeline(store, id, context.today);
    const receipt = eventReceipt(recorded);
    return mutable({ caseId: id, event: recorded, timeline, ...(receipt ? { receipt } : {}) });
  },
  summarize: (out) => {
    const e = out.event;
    // A deadline of an event recorded late may have passed already: said beside it, as the timeline has it (a meaning
    // probe of 6 December 2026: a DEO served in April, recorded in October, read "Last day to appeal … by 2024-05-08").
    const passed = (d: { id: string }) => out.timeline.overdue.some((o) => o.id === d.id && o.startedBy.eventId === e.id);
    const started = e.deadlines.length
      ? ` It starts: ${e.deadlines.map((d) => `${d.label} by ${d.date}${passed(d) ? `, passed before today (${out.timeline.asOf})` : ''} (${d.citation})`).join('; ')}.`
      : '';
    const met = out.timeline.met.filter((d) => d.metBy?.eventId === e.id);
    const meets = met.length ? ` It meets: ${met.map((d) => `${d.label} (due ${d.date})`).join('; ')}.` : '';
    const next = out.timeline.next.length ? ` Next: ${out.timeline.next.map((d) => `${d.date} ${d.label}`).join('; ')}.` : '';
    const received = out.receipt ? ` ${RECEIPT_WORDS[out.receipt.how](out.receipt.date)}` : '';
    return `Recorded ${EVENT_WORDS[e.type]} on ${e.date}.${received}${started}${meets}${next}`;
  },
});
