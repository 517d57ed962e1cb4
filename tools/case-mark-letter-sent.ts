/**
 * `mark_letter_sent`: a kept letter went, on a day, by a means. This records the event of its sending with the
 * deadlines calc computes from that day (the letter's clocks start here), once: a letter is sent only once.
 * @module
 */
import * as z from 'zod';
import { NATIONS } from '../calc/deadlines/index.ts';
import { caseTimeline, markCaseLetterSent } from '../cases/index.ts';
import { LETTER_METHODS } from '../store/types.ts';
import { caseId, eventOutput, mutable, storeOf, timelineOutput } from './case-common.ts';
import { civilDate, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const markLetterSentInput = strictObject({
  caseId,
  letterId: z.uuid({ message: 'letterId must be the id save_letter gave' }).describe('The kept letter, as save_letter gave it'),
  sentOn: civilDate.describe('The day it went (posted, emailed, handed in)'),
  method: z
    .enum(LETTER_METHODS)
    .optional()
    .describe('post, recorded_delivery (keep the proof of posting), email, online_account, online_form, hand or phone_then_post'),
  nation: z.enum(NATIONS).optional().describe('Whose bank holidays count; defaults to the letter’s'),
});

export const markLetterSentOutput = z.object({
  caseId: z.string(),
  letter: z.object({
    id: z.string(),
    type: z.string(),
    version: z.int(),
    status: z.string(),
    sentOn: z.string().optional(),
    method: z.string().optional(),
  }),
  event: eventOutput,
  timeline: timelineOutput,
  pdfBase64: z.string().describe('The letter as kept, an A4 PDF, base64'),
});

export const markLetterSentTool = defineTool({
  name: 'mark_letter_sent',
  title: 'Mark a letter sent',
  description:
    'Records that a kept letter went, on the day and by the means given: its deadlines (the reply due, when to chase or escalate) ' +
    'are worked out from that day and appear in get_case. A letter is marked sent once.',
  inputSchema: markLetterSentInput,
  outputSchema: markLetterSentOutput,
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const store = await storeOf(context);
    const done = await markCaseLetterSent(
      store,
      input.caseId,
      input.letterId,
      { sentOn: input.sentOn, ...(input.method ? { method: input.method } : {}) },
      input.nation ? { nation: input.nation } : {},
    );
    const timeline = caseTimeline(await store.events(input.caseId), context.today);
    return mutable({
      caseId: input.caseId,
      letter: done.letter,
      event: done.event,
      timeline,
      pdfBase64: Buffer.from(done.pdf).toString('base64'),
    });
  },
  summarize: (out) =>
    `Marked letter ${out.letter.id} sent on ${out.letter.sentOn}${out.letter.method ? ` by ${out.letter.method.replace(/_/g, ' ')}` : ''}; ` +
    `recorded as ${out.event.type.replace(/_/g, ' ')}.` +
    (out.event.deadlines.length
      ? ` Deadlines it starts: ${out.event.deadlines.map((d) => `${d.date} ${d.label} (${d.citation})`).join('; ')}.`
      : ' It starts no deadline.'),
});
