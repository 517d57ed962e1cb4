/**
 * `draft_letter`: a letter of the catalogue, drafted from the case's facts and from figures Reckoner computes
 * itself (a calculation, CMS's calculation, a reconciliation), as Markdown, plain text and, on request, PDF.
 * It drafts only: nothing is sent or stored.
 * @module
 */
import * as z from 'zod';
import { draftLetter, LETTER_IDS, LETTER_TYPES, NATIONS, renderPdf } from '../letters/index.ts';
import { calculateMaintenanceInput } from './calculate-maintenance.ts';
import { reconcileLedgerInput } from './reconcile-ledger.ts';
import { civilDate, moneyOut, strictObject, trace } from './schemas.ts';
import { defineTool } from './tool.ts';

const TYPES = [...LETTER_TYPES, ...LETTER_IDS] as unknown as [string, ...string[]];

export const FORMATS = ['markdown', 'text', 'pdf'] as const;

export const draftLetterInput = strictObject({
  type: z
    .enum(TYPES, {
      error: `must be a letter type: one of ${LETTER_TYPES.join(', ')} (or its id, L01–L24); list_letter_types describes each`,
    })
    .describe('The letter type (e.g. "payment_dispute") or its id (e.g. "L04"); list_letter_types lists them'),
  facts: z
    .record(z.string(), z.unknown())
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
    .describe('The decisions, CMS’s entries and the bank statement, as for reconcile_ledger (without page)'),
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

const deadlineOutput = z.object({
  id: z.string(),
  label: z.string(),
  date: z.string(),
  basis: z.string(),
  citation: z.string(),
  href: z.string().optional(),
  kind: z.string().describe('reply_due, chase, escalate, last_day or review'),
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
  trace,
});

export type DraftLetterOutput = z.infer<typeof draftLetterOutput>;

export const draftLetterTool = defineTool({
  name: 'draft_letter',
  title: 'Draft a letter to the CMS (or DWP, ICE, an MP, a court)',
  description:
    'Drafts one of the 24 catalogue letters (list_letter_types) in plain, firm English a parent can sign: the legal basis ' +
    'named, the enclosures listed, how to send it, and the deadlines it starts ("Please reply by …"). Every figure in it is ' +
    'computed here from calculation / cmsCalculation (calculate_maintenance inputs) or reconciliation (a reconcile_ledger ' +
    'input) and quoted with its rule or evidence; a table of disputed entries is included when the reconciliation finds ' +
    'any. Facts never carry amounts. A missing fact or computation is refused with the full list of what is missing. ' +
    'Returns Markdown and plain text, and a PDF with format "pdf". It only drafts: nothing is sent or stored.',
  inputSchema: draftLetterInput,
  outputSchema: draftLetterOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const letter = draftLetter({
      type: input.type,
      facts: input.facts,
      sentOn: input.sentOn ?? context.today,
      ...(input.nation ? { nation: input.nation } : {}),
      ...(input.calculation ? { calculation: input.calculation } : {}),
      ...(input.cmsCalculation ? { cmsCalculation: input.cmsCalculation } : {}),
      ...(input.reconciliation ? { reconciliation: input.reconciliation } : {}),
    });
    const pdf = input.format === 'pdf' ? await renderPdf(letter.document) : undefined;
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
      trace: letter.trace.map((s) => ({ ...s })),
    };
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
