/**
 * `save_letter`: drafts a letter (exactly as `draft_letter` does), keeps it on the case as a new version, and
 * records it as sent with the deadlines it starts, so that get_case lists what falls due.
 * @module
 */
import * as z from 'zod';
import { caseId, eventOutput, storeOf } from './case-common.ts';
import { draftLetterInput, draftLetterTool } from './draft-letter.ts';
import { strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const saveLetterInput = strictObject({
  caseId,
  letter: draftLetterInput.describe('The letter, exactly as for draft_letter'),
});

export const saveLetterOutput = z.object({
  caseId: z.string(),
  letter: z.object({ id: z.string(), type: z.string(), version: z.int(), title: z.string(), sentOn: z.string() }),
  event: eventOutput,
  trace: z.array(
    z.object({ step: z.string(), description: z.string(), value: z.string(), citation: z.string(), href: z.string().optional() }),
  ),
});

export const saveLetterTool = defineTool({
  name: 'save_letter',
  title: 'Save a letter to a case',
  description:
    'Drafts a letter as draft_letter does, keeps it on the stored case (a new version each time), and records it as sent on its ' +
    'date with every deadline it starts. Use it once the parent has decided to send the letter.',
  inputSchema: saveLetterInput,
  outputSchema: saveLetterOutput,
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const store = await storeOf(context);
    // Draft first: a letter that cannot be drafted stores nothing.
    const drafted = await draftLetterTool.handler(input.letter, context);
    const saved = await store.saveLetter(input.caseId, { type: drafted.type, content: drafted as unknown as Record<string, unknown> });
    const event = await store.recordEvent(input.caseId, {
      type: 'letter_sent',
      date: drafted.sentOn,
      summary: `${drafted.id} ${drafted.title}`,
      details: { letterType: drafted.type, letterId: saved.id, version: saved.version },
      deadlines: drafted.deadlines.map((d) => ({ name: d.label, date: d.date, source: d.citation })),
    });
    return {
      caseId: input.caseId,
      letter: { id: saved.id, type: drafted.type, version: saved.version, title: drafted.title, sentOn: drafted.sentOn },
      event: event as unknown as z.infer<typeof eventOutput>,
      trace: drafted.trace,
    };
  },
  summarize: (out) =>
    `Saved ${out.letter.title} (version ${out.letter.version}) to case ${out.caseId}, sent on ${out.letter.sentOn}. ` +
    (out.event.deadlines.length
      ? `Deadlines recorded: ${out.event.deadlines.map((d) => `${d.date} ${d.name}`).join('; ')}.`
      : 'It starts no deadline.'),
});
