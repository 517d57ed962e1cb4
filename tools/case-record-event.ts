/**
 * `record_event`: something that happened in the dispute (a letter sent or received, a call, a decision) and
 * the deadlines it starts.
 * @module
 */
import * as z from 'zod';
import { EVENT_TYPES } from '../store/types.ts';
import { caseId, deadlineInput, eventOutput, mutable, storeOf } from './case-common.ts';
import { civilDate, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const recordEventInput = strictObject({
  caseId,
  type: z
    .enum(EVENT_TYPES)
    .describe(
      'letter_sent, letter_received, call, decision, mandatory_reconsideration, appeal, complaint, payment, enforcement, note or other',
    ),
  date: civilDate.describe('The day it happened (for a letter received: the day it arrived)'),
  summary: z.string().max(2000, 'summary must be at most 2000 characters').optional().describe('One or two lines: what happened'),
  details: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Anything else worth keeping, as JSON: the letter type, who was spoken to, a call reference …'),
  deadlines: z
    .array(deadlineInput)
    .max(50, 'at most 50 deadlines for one event')
    .optional()
    .describe('The deadlines this event starts (compute_deadlines works them out)'),
});

export const recordEventOutput = z.object({ caseId: z.string(), event: eventOutput });

export const recordEventTool = defineTool({
  name: 'record_event',
  title: 'Record an event in a case',
  description:
    'Records something that happened in a stored case — a letter sent or received, a call with CMS, a decision, a mandatory ' +
    'reconsideration, an appeal, a complaint — with the deadlines it starts, so that get_case can list what falls due.',
  inputSchema: recordEventInput,
  outputSchema: recordEventOutput,
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const { caseId: id, ...event } = input;
    return { caseId: id, event: mutable(await (await storeOf(context)).recordEvent(id, event)) };
  },
  summarize: (out) => {
    const e = out.event;
    const deadlines = e.deadlines.length ? ` Deadlines: ${e.deadlines.map((d) => `${d.name} by ${d.date}`).join('; ')}.` : '';
    return `Recorded ${e.type.replace(/_/g, ' ')} on ${e.date}.${deadlines}`;
  },
});
