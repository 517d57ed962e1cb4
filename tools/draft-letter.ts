/**
 * `draft_letter`: a letter of the catalogue, drafted from the case's facts and from figures Reckoner computes
 * itself (a calculation, CMS's calculation, a reconciliation), as Markdown, plain text and, on request, PDF.
 * It drafts only: nothing is sent or stored.
 * @module
 */
import * as z from 'zod';
import { InputError } from '../calc/errors.ts';
import { draftCaseLetter, type CaseLetterRequest } from '../cases/index.ts';
import type { CalculationInput } from '../letters/figures.ts';
import { draftLetter, NATIONS, renderPdf, type DraftedLetter, type Nation } from '../letters/index.ts';
import { caseId, deadlineOutput, storeOf } from './case-common.ts';
import { calculateMaintenanceInput } from './calculate-maintenance.ts';
import { asCalcInput, reconcileLedgerInput } from './reconcile-ledger.ts';
import { civilDate, leanOutput, letterRef, moneyOut, sameAs, strictObject, trace } from './schemas.ts';
import { capped, listed, plural, traceSection } from './words.ts';
import { fileOutput, shelve, type StoredFile } from './files.ts';
import { defineTool, type ToolContext } from './tool.ts';

export const FORMATS = ['markdown', 'text', 'pdf'] as const;

export const draftLetterInput = strictObject({
  caseId: caseId.optional().describe('A stored case: what it holds is used; give in facts only what it lacks'),
  type: letterRef,
  facts: z.record(z.string(), z.unknown()).optional().describe('The facts list_letter_types gives for this letter; never amounts of money'),
  calculation: sameAs(calculateMaintenanceInput, 'The right circumstances (as calculate_maintenance)').optional(),
  cmsCalculation: sameAs(calculateMaintenanceInput, 'CMS’s circumstances, as calculate_maintenance takes them').optional(),
  reconciliation: sameAs(reconcileLedgerInput.omit({ page: true }), 'Without caseId: as reconcile_ledger takes it').optional(),
  nation: z.enum(NATIONS).optional().describe('Bank holidays: default england_and_wales'),
  sentOn: civilDate.optional().describe('Date on the letter; default today'),
  format: z.enum(FORMATS).optional().describe('pdf adds file (an A4 PDF, as a link); Markdown and plain text are always returned'),
});

const figureOutput = z.object({
  id: z.string(),
  label: z.string(),
  value: z.string().describe('Exactly as written in the letter, e.g. "£1,230.24"'),
  amount: moneyOut.optional().describe('The figure as money, when it is money'),
  source: z.string().describe('The rule or the evidence behind it'),
  citation: z.string(),
  href: z.string().optional(),
});

export const draftLetterOutput = z.object({
  id: z.string().describe('L01 … L24'),
  type: z.string(),
  title: z.string(),
  sentOn: z.string(),
  nation: z.enum(NATIONS),
  markdown: z.string().describe('The letter, its schedules, and notes for the sender (marked as not to be sent)'),
  text: z.string().describe('The same as plain text'),
  file: fileOutput.optional().describe('The letter as an A4 PDF (format: pdf)'),
  figures: z.array(figureOutput).describe('Every figure the letter quotes, each from a computed result, with its source'),
  deadlines: z.array(deadlineOutput).describe('The dates the letter starts'),
  enclosures: z.array(z.string()),
  sendBy: z.object({
    method: z.string(),
    to: z.array(z.string()),
    copies: z.array(z.string()),
    notes: z.array(z.string()),
  }),
  warnings: z.array(z.string()),
  fromCase: z.array(z.string()).optional().describe('With caseId: the facts and figures taken from the case'),
  trace,
});

export type DraftLetterOutput = z.infer<typeof draftLetterOutput>;

/** What the case service takes for a letter from a case: the type and what the case does not hold. */
export function caseLetterRequest(input: {
  type: string;
  facts?: Record<string, unknown> | undefined;
  calculation?: CalculationInput | undefined;
  cmsCalculation?: CalculationInput | undefined;
  nation?: Nation | undefined;
  sentOn?: string | undefined;
}): CaseLetterRequest {
  return {
    type: input.type,
    ...(input.facts ? { facts: input.facts } : {}),
    ...(input.calculation ? { calculation: input.calculation } : {}),
    ...(input.cmsCalculation ? { cmsCalculation: input.cmsCalculation } : {}),
    ...(input.nation ? { nation: input.nation } : {}),
    ...(input.sentOn ? { sentOn: input.sentOn } : {}),
  };
}

/** A letter's PDF on the context's file shelf (tools/files.ts), named by letter, type and date. */
export function letterPdfFile(
  context: ToolContext,
  letter: DraftedLetter,
  bytes: Uint8Array,
  caseId?: string,
  version?: number,
): StoredFile {
  const name = `${letter.id}-${letter.type.replace(/_/g, '-')}-${letter.sentOn}${version === undefined ? '' : `-v${version}`}.pdf`;
  return shelve(context.files, { bytes, mimeType: 'application/pdf', name, ...(caseId ? { caseId } : {}) });
}

/** A drafted letter as the tools' JSON, with its PDF file when rendered. */
export function letterOutput(letter: DraftedLetter, pdf: StoredFile | undefined, fromCase?: readonly string[]): DraftLetterOutput {
  return {
    id: letter.id,
    type: letter.type,
    title: letter.title,
    sentOn: letter.sentOn,
    nation: letter.nation,
    markdown: letter.markdown,
    text: letter.text,
    ...(pdf ? { file: pdf } : {}),
    figures: letter.figures.map((f) => ({ ...f })),
    deadlines: letter.deadlines.map((d) => ({ ...d })),
    enclosures: [...letter.enclosures],
    sendBy: {
      method: letter.sendBy.method,
      to: [...letter.sendBy.to],
      copies: [...letter.sendBy.copies],
      notes: [...letter.sendBy.notes],
    },
    warnings: [...letter.warnings],
    ...(fromCase ? { fromCase: [...fromCase] } : {}),
    trace: letter.trace.map((s) => ({ ...s })),
  };
}

export const draftLetterTool = defineTool({
  name: 'draft_letter',
  title: 'Draft a letter to the CMS (or DWP, ICE, an MP, a court)',
  description:
    'A letter of the catalogue, ready to sign: legal basis, every figure with its source, enclosures, how to send it, the ' +
    'deadlines it starts. With caseId the case supplies what it holds; save_letter keeps it.',
  inputSchema: draftLetterInput,
  // Lean: the letter and its figures by name; the text carries the letter itself with its working.
  outputSchema: leanOutput(draftLetterOutput, ['id', 'markdown', 'figures', 'deadlines', 'trace']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    if (input.caseId !== undefined) {
      if (input.reconciliation) {
        throw new InputError('reconciliation', 'comes from the case when caseId is given; leave it out (reconcile_case sets its options)');
      }
      const { letter, fromCase } = await draftCaseLetter(await storeOf(context), input.caseId, caseLetterRequest(input), context.today);
      const pdf = input.format === 'pdf' ? letterPdfFile(context, letter, await renderPdf(letter.document), input.caseId) : undefined;
      return letterOutput(letter, pdf, fromCase);
    }
    const letter = draftLetter({
      type: input.type,
      facts: input.facts ?? {},
      sentOn: input.sentOn ?? context.today,
      ...(input.nation ? { nation: input.nation } : {}),
      ...(input.calculation ? { calculation: input.calculation } : {}),
      ...(input.cmsCalculation ? { cmsCalculation: input.cmsCalculation } : {}),
      ...(input.reconciliation ? { reconciliation: asCalcInput(input.reconciliation) } : {}),
    });
    return letterOutput(letter, input.format === 'pdf' ? letterPdfFile(context, letter, await renderPdf(letter.document)) : undefined);
  },
  summarize: (out) => summarizeLetter(out),
});

/** A drafted letter reads whole: the text may be longer than a calculation's. */
const LETTER_TEXT_CAP = 18_000;

/** The letter in words: what it is, the figures it quotes, the dates it starts, how to send it, the trace, then the letter. */
export function summarizeLetter(out: DraftLetterOutput): string {
  const quoted = out.figures.filter((f) => !/^bridge_(line|subtotal)_/.test(f.id));
  const head = [
    `Drafted ${out.id} ${out.type} (${out.title}), dated ${out.sentOn}.`,
    quoted.length
      ? `${plural(quoted.length, 'figure')} quoted, each from a computed result: ${quoted.map((f) => `${f.label} ${f.value} (${f.citation || f.source})`).join('; ')}.`
      : 'The letter quotes no figures.',
    ...(out.deadlines.length ? [`Dates it starts: ${out.deadlines.map((d) => `${d.date} ${d.label}`).join('; ')}.`] : []),
    `Send: ${out.sendBy.method}, to ${out.sendBy.to.join(', ')}${out.sendBy.copies.length ? `; copy to ${listed(out.sendBy.copies)}` : ''}.`,
    ...out.warnings.map((w) => `Note: ${w}`),
    ...(out.file ? [`The PDF is ${out.file.name}${out.file.uri ? ` (${out.file.uri})` : ''}.`] : []),
  ];
  return capped(
    head,
    [
      traceSection(out.trace),
      {
        title: 'The letter:',
        lines: out.markdown.split('\n'),
        rest: (left) => `… ${plural(left, 'more line')} of the letter in structuredContent.markdown`,
      },
    ],
    LETTER_TEXT_CAP,
  );
}
