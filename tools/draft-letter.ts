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
import { draftLetter, LETTER_IDS, LETTER_TYPES, NATIONS, renderPdf, type DraftedLetter, type Nation } from '../letters/index.ts';
import { caseId, deadlineOutput, storeOf } from './case-common.ts';
import { calculateMaintenanceInput } from './calculate-maintenance.ts';
import { reconcileLedgerInput } from './reconcile-ledger.ts';
import { civilDate, moneyOut, strictObject, trace } from './schemas.ts';
import { defineTool } from './tool.ts';

const TYPES = [...LETTER_TYPES, ...LETTER_IDS] as unknown as [string, ...string[]];

export const FORMATS = ['markdown', 'text', 'pdf'] as const;

export const draftLetterInput = strictObject({
  caseId: caseId
    .optional()
    .describe(
      'A stored case: the letter takes from it what it holds (the sender, the CMS reference, the decision, dates of recorded ' +
        'events, CMS’s calculation, the reconciliation); give in facts only what it does not hold',
    ),
  type: z
    .enum(TYPES, {
      error: `must be a letter type: one of ${LETTER_TYPES.join(', ')} (or its id, L01–L24); list_letter_types describes each`,
    })
    .describe('The letter type (e.g. "payment_dispute") or its id (e.g. "L04"); list_letter_types lists them'),
  facts: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'The facts the letter needs, as list_letter_types lists them for this type (sender, caseReference, dates, reasons …). ' +
        'Facts never carry amounts of money: figures come from calculation, cmsCalculation or reconciliation',
    ),
  calculation: calculateMaintenanceInput
    .optional()
    .describe('The right circumstances, as for calculate_maintenance; its date defaults to the decision’s effective date, else sentOn'),
  cmsCalculation: calculateMaintenanceInput
    .optional()
    .describe(
      'The circumstances CMS used, as its decision letter states them (as for calculate_maintenance), to set beside the right ones',
    ),
  reconciliation: reconcileLedgerInput
    .omit({ page: true })
    .optional()
    .describe('Without caseId: the decisions, CMS’s entries and the bank statement, as for reconcile_ledger (without page)'),
  nation: z.enum(NATIONS).optional().describe('Whose bank holidays count for working days: england_and_wales (default) or scotland'),
  sentOn: civilDate.optional().describe('The date on the letter, the day it is sent; defaults to today'),
  format: z.enum(FORMATS).optional().describe('pdf adds pdfBase64 (an A4 PDF); Markdown and plain text are always returned'),
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
  pdfBase64: z.string().optional().describe('The letter as an A4 PDF, base64 (format: pdf)'),
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

/** A drafted letter as the tools' JSON, with its PDF when rendered. */
export function letterOutput(letter: DraftedLetter, pdf: Uint8Array | undefined, fromCase?: readonly string[]): DraftLetterOutput {
  return {
    id: letter.id,
    type: letter.type,
    title: letter.title,
    sentOn: letter.sentOn,
    nation: letter.nation,
    markdown: letter.markdown,
    text: letter.text,
    ...(pdf ? { pdfBase64: Buffer.from(pdf).toString('base64') } : {}),
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
    'Drafts one of the 24 catalogue letters (list_letter_types) in plain, firm English a parent can sign: the legal basis ' +
    'named, the enclosures listed, how to send it, and the deadlines it starts. With caseId, everything the stored case ' +
    'holds is used and only what it lacks is asked for (a refusal lists exactly that). ' +
    'Every figure is computed here (from the case, or from calculation / cmsCalculation / reconciliation without one) and ' +
    'quoted with its rule or evidence; facts never carry amounts. Returns Markdown and text, and a PDF with format "pdf". ' +
    'It only drafts: save_letter keeps it, mark_letter_sent starts its clocks.',
  inputSchema: draftLetterInput,
  outputSchema: draftLetterOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    if (input.caseId !== undefined) {
      if (input.reconciliation) {
        throw new InputError('reconciliation', 'comes from the case when caseId is given; leave it out (reconcile_case sets its options)');
      }
      const { letter, fromCase } = await draftCaseLetter(await storeOf(context), input.caseId, caseLetterRequest(input), context.today);
      return letterOutput(letter, input.format === 'pdf' ? await renderPdf(letter.document) : undefined, fromCase);
    }
    const letter = draftLetter({
      type: input.type,
      facts: input.facts ?? {},
      sentOn: input.sentOn ?? context.today,
      ...(input.nation ? { nation: input.nation } : {}),
      ...(input.calculation ? { calculation: input.calculation } : {}),
      ...(input.cmsCalculation ? { cmsCalculation: input.cmsCalculation } : {}),
      ...(input.reconciliation ? { reconciliation: input.reconciliation } : {}),
    });
    return letterOutput(letter, input.format === 'pdf' ? await renderPdf(letter.document) : undefined);
  },
  summarize: (out) => {
    const lines = [
      `Drafted ${out.id} ${out.type} (${out.title}), dated ${out.sentOn}.`,
      out.figures.length
        ? `Figures quoted (each from a computed result): ${out.figures
            .filter((f) => !/^bridge_(line|subtotal)_/.test(f.id))
            .map((f) => `${f.label} ${f.value}`)
            .join('; ')}.`
        : 'The letter quotes no figures.',
      ...(out.deadlines.length ? [`Dates it starts: ${out.deadlines.map((d) => `${d.date} ${d.label}`).join('; ')}.`] : []),
      `Send: ${out.sendBy.method}, to ${out.sendBy.to.join(', ')}${out.sendBy.copies.length ? `; copy to ${out.sendBy.copies.join(', ')}` : ''}.`,
      ...out.warnings.map((w) => `Note: ${w}`),
      ...(out.pdfBase64 ? ['The PDF is in pdfBase64.'] : []),
      '',
      out.markdown,
    ];
    return lines.join('\n');
  },
});
