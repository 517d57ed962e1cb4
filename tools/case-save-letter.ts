/**
 * `save_letter`: drafts a letter from a stored case (as draft_letter with caseId) and keeps it on the case as a
 * draft, a new version each time; gives back the PDF. Nothing starts until mark_letter_sent says it went.
 * @module
 */
import * as z from 'zod';
import { saveCaseLetter } from '../cases/index.ts';
import { caseId, storeOf } from './case-common.ts';
import { caseLetterRequest, draftLetterInput, letterPdfFile } from './draft-letter.ts';
import { fileOutput } from './files.ts';
import { leanOutput, strictObject, trace } from './schemas.ts';
import { capped, listed, traceSection } from './words.ts';
import { defineTool } from './tool.ts';

const shape = draftLetterInput.shape;

export const saveLetterInput = strictObject({
  caseId,
  type: shape.type,
  facts: shape.facts.describe('Only what the case does not hold (draft_letter with caseId says what is missing)'),
  calculation: shape.calculation,
  cmsCalculation: shape.cmsCalculation,
  nation: shape.nation,
  sentOn: shape.sentOn.describe('The date on the letter; default today (mark_letter_sent records the day it went)'),
});

export const keptLetterOutput = z.object({
  id: z.string().describe('The kept letter: give it to mark_letter_sent'),
  letter: z.string().describe('Its catalogue id, L01 … L24'),
  type: z.string(),
  title: z.string(),
  version: z.int(),
  status: z.enum(['draft', 'sent']),
  dated: z.string().describe('The date on the letter'),
});

export const saveLetterOutput = z.object({
  caseId: z.string(),
  letter: keptLetterOutput,
  fromCase: z.array(z.string()).describe('The facts and figures taken from the case'),
  warnings: z.array(z.string()),
  markdown: z.string(),
  file: fileOutput.describe('The letter as an A4 PDF'),
  trace,
});

export const saveLetterTool = defineTool({
  name: 'save_letter',
  title: 'Keep a letter on a case',
  description: 'Drafts a letter from a case (as draft_letter with caseId) and keeps it as a draft with its PDF.',
  inputSchema: saveLetterInput,
  // Lean: the kept letter and its file by name; the text says what to do next.
  outputSchema: leanOutput(saveLetterOutput, ['letter', 'file', 'trace']),
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const { record, drafted, pdf } = await saveCaseLetter(await storeOf(context), input.caseId, caseLetterRequest(input), context.today);
    const l = drafted.letter;
    return {
      caseId: input.caseId,
      letter: {
        id: record.id,
        letter: l.id,
        type: l.type,
        title: l.title,
        version: record.version,
        status: record.status,
        dated: l.sentOn,
      },
      fromCase: [...drafted.fromCase],
      warnings: [...l.warnings],
      markdown: l.markdown,
      file: letterPdfFile(context, l, pdf, input.caseId, record.version),
      trace: l.trace.map((s) => ({ ...s })),
    };
  },
  summarize: (out) =>
    capped(
      [
        `Kept ${out.letter.letter} ${out.letter.title} as a draft (version ${out.letter.version}, letter ${out.letter.id}) on case ${out.caseId}` +
          `${out.fromCase.length ? `, with ${listed(out.fromCase)} from the case` : ''}. When it has gone, call mark_letter_sent with the day ` +
          `it went: that starts its deadlines. The PDF is ${out.file.name}${out.file.uri ? ` (${out.file.uri})` : ''}.`,
        ...out.warnings.map((w) => `Note: ${w}`),
      ],
      [traceSection(out.trace)],
    ),
});
