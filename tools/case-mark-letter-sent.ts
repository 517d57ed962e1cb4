/**
 * `mark_letter_sent`: a kept letter went, on a day, by a means. This records the event of its sending with the
 * deadlines calc computes from that day (the letter's clocks start here), once: a letter is sent only once.
 * @module
 */
import * as z from 'zod';
import { NATIONS } from '../calc/deadlines/index.ts';
import { markCaseLetterSent, storedCaseTimeline } from '../cases/index.ts';
import { LETTER_METHODS } from '../store/types.ts';
import { caseId, eventOutput, mutable, storeOf, timelineOutput } from './case-common.ts';
import { fileOutput, shelve } from './files.ts';
import { civilDate, leanOutput, strictObject } from './schemas.ts';
import { EVENT_WORDS, METHOD_WORDS } from './words.ts';
import { defineTool } from './tool.ts';

export const markLetterSentInput = strictObject({
  caseId,
  letterId: z
    .uuid({ message: 'letterId must be the id save_letter gave' })
    .meta({ description: 'The kept letter, as save_letter gave it', pattern: undefined }),
  sentOn: civilDate.describe('The day it went (posted, emailed, handed in)'),
  method: z
    .enum(LETTER_METHODS)
    .optional()
    .describe('post, recorded_delivery (keep the proof), email, online_account, online_form, hand or phone_then_post'),
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
    method: z.enum(LETTER_METHODS).optional(),
  }),
  event: eventOutput,
  timeline: timelineOutput,
  file: fileOutput.describe('The letter as kept and sent, an A4 PDF'),
  warnings: z.array(z.string()).describe('A last day the letter meets by its posting but may miss by its arrival'),
});

export const markLetterSentTool = defineTool({
  name: 'mark_letter_sent',
  title: 'Mark a letter sent',
  description: 'Records the day a kept letter went: its deadlines start from that day.',
  inputSchema: markLetterSentInput,
  // Lean: the letter, event and timeline by name; the text gives the dates.
  outputSchema: leanOutput(markLetterSentOutput, ['letter', 'event', 'timeline', 'file']),
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const store = await storeOf(context);
    const done = await markCaseLetterSent(
      store,
      input.caseId,
      input.letterId,
      { sentOn: input.sentOn, ...(input.method ? { method: input.method } : {}) },
      { ...(input.nation ? { nation: input.nation } : {}), today: context.today },
    );
    const timeline = await storedCaseTimeline(store, input.caseId, context.today);
    return mutable({
      caseId: input.caseId,
      letter: done.letter,
      event: done.event,
      timeline,
      warnings: done.warnings,
      file: shelve(context.files, {
        bytes: done.pdf,
        mimeType: 'application/pdf',
        name: `${done.letter.type.replace(/_/g, '-')}-v${done.letter.version}-sent-${input.sentOn}.pdf`,
        caseId: input.caseId,
      }),
    });
  },
  summarize: (out) =>
    `Marked letter ${out.letter.id} sent on ${out.letter.sentOn}${out.letter.method ? ` by ${METHOD_WORDS[out.letter.method]}` : ''}; ` +
    `recorded as ${EVENT_WORDS[out.event.type]}.` +
    (out.event.deadlines.length
      ? ` Deadlines it starts: ${out.event.deadlines.map((d) => `${d.date} ${d.label} (${d.citation})`).join('; ')}.`
      : ' It starts no deadline.') +
    out.warnings.map((w) => `\nWarning: ${w}`).join(''),
});
