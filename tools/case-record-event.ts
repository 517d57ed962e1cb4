/**
 * `record_event`: something that happened in the dispute, in calc's vocabulary of events. Its deadlines are
 * computed by calc/deadlines, never typed in; a reply recorded here meets the deadline it answers.
 * @module
 */
import * as z from 'zod';
import { EVENT_TYPES, NATIONS } from '../calc/deadlines/index.ts';
import { caseTimeline, recordCaseEvent } from '../cases/index.ts';
import { caseId, eventOutput, mutable, storeOf, timelineOutput } from './case-common.ts';
import { civilDate, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const recordEventInput = strictObject({
  caseId,
  type: z
    .enum(EVENT_TYPES, {
      error: 'must be one of the event types compute_deadlines lists (e.g. decision_letter_received, dispute_reply_received)',
    })
    .describe(
      'What happened, e.g. decision_letter_received, mr_notice_received, dispute_reply_received, complaint_reply_received, call, note ' +
        '(compute_deadlines lists every type and which date to give)',
    ),
  date: civilDate.describe('The day it happened (for a letter received: the day it arrived; for a decision: the date on the letter)'),
  summary: z.string().max(2000, 'summary must be at most 2000 characters').optional().describe('One or two lines: what happened'),
  details: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Anything else worth keeping, as JSON: who was spoken to, a call reference …'),
  facts: strictObject({
    livesOutsideUk: z.boolean().optional().describe('deo_served: the paying parent lives outside the UK (56 days to appeal, not 28)'),
    decision: z
      .enum(['default_maintenance_decision', 'interim_maintenance_decision', 'other'])
      .optional()
      .describe('decision_letter_received: a default or interim decision can be revised at any time, so it starts no 30-day limit'),
  })
    .optional()
    .describe('What the deadline rules turn on besides the date'),
  answers: z
    .uuid({ message: 'answers must be the id of an event of this case' })
    .optional()
    .describe('The event this one answers (get_case lists events)'),
  nation: z.enum(NATIONS).optional().describe('Whose bank holidays count for working days: england_and_wales (default) or scotland'),
});

export const recordEventOutput = z.object({ caseId: z.string(), event: eventOutput, timeline: timelineOutput });

export const recordEventTool = defineTool({
  name: 'record_event',
  title: 'Record an event in a case',
  description:
    'Records something that happened in a stored case — a decision letter, a reply from CMS, a call — and works out the deadlines ' +
    'it starts from the law (never type deadlines in). A reply meets the deadline it answers. Returns the case timeline.',
  inputSchema: recordEventInput,
  outputSchema: recordEventOutput,
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const { caseId: id, ...event } = input;
    const store = await storeOf(context);
    const recorded = await recordCaseEvent(store, id, event);
    const timeline = caseTimeline(await store.events(id), context.today);
    return mutable({ caseId: id, event: recorded, timeline });
  },
  summarize: (out) => {
    const e = out.event;
    const started = e.deadlines.length
      ? ` It starts: ${e.deadlines.map((d) => `${d.label} by ${d.date} (${d.citation})`).join('; ')}.`
      : '';
    const met = out.timeline.met.filter((d) => d.metBy?.eventId === e.id);
    const meets = met.length ? ` It meets: ${met.map((d) => `${d.label} (due ${d.date})`).join('; ')}.` : '';
    const next = out.timeline.next.length ? ` Next: ${out.timeline.next.map((d) => `${d.date} ${d.label}`).join('; ')}.` : '';
    return `Recorded ${e.type.replace(/_/g, ' ')} on ${e.date}.${started}${meets}${next}`;
  },
});
