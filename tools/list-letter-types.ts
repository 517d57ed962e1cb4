/**
 * `list_letter_types`: the letter catalogue (L01–L24) — what each letter is for, who sends it to whom, the
 * facts it needs (with what each one is), the computed figures it quotes, and the deadlines it starts.
 * @module
 */
import * as z from 'zod';
import { OutOfCoverageError } from '../calc/parameters.ts';
import { commonFacts, strictObject as factsObject } from '../letters/facts.ts';
import {
  deadlinesFor,
  factFields,
  factsJsonSchema,
  findLetter,
  LETTER_CLOCKS,
  LETTERS,
  NATIONS,
  type FactField,
  type LetterSpec,
  type Nation,
} from '../letters/index.ts';
import { strictObject } from './schemas.ts';
import { defineTool, type ToolContext } from './tool.ts';

export const listLetterTypesInput = strictObject({
  type: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .describe('One letter type (e.g. "mandatory_reconsideration") or id (e.g. "L03"), to see it alone with the JSON Schema of its facts'),
  sender: z.enum(['paying', 'receiving']).optional().describe('Only the letters this parent can send: paying or receiving'),
  nation: z.enum(NATIONS).optional().describe('Bank holidays for the example deadline dates: england_and_wales (default) or scotland'),
});

const factOutput = z.object({
  field: z.string().describe('Where the fact goes in draft_letter’s facts, e.g. "sender.name" or "grounds[]"'),
  description: z.string(),
  required: z.boolean(),
  type: z.string().describe('string, date (YYYY-MM-DD), enum, boolean, integer, array or object'),
  values: z.array(z.string()).optional().describe('The values an enum fact may take'),
});

const deadlineStarted = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.string().describe('reply_due, chase, escalate, last_day or review'),
  citation: z.string().optional().describe('The rule (when one type is asked for)'),
  href: z.string().optional(),
  ifCountedFromToday: z.string().optional().describe('The date it would fall on if the clock started today (an example)'),
});

export const letterTypeOutput = z.object({
  id: z.string().describe('L01 … L24'),
  type: z.string().describe('The snake_case name draft_letter takes'),
  title: z.string(),
  whenToUse: z.string(),
  sender: z.enum(['paying', 'receiving', 'either']).describe('Who may send it'),
  recipient: z.array(z.string()).describe('The usual recipient (some letters take the address as a fact)'),
  legalBasis: z.array(z.object({ title: z.string(), href: z.string().optional().describe('When one type is asked for') })),
  facts: z
    .array(factOutput)
    .describe('The facts it needs, with what each is: every fact when one type is asked for, else its own required facts'),
  optionalFacts: z.array(z.string()).optional().describe('Its own optional facts, by name (ask for the one type to see what each is)'),
  factsSchema: z.record(z.string(), z.unknown()).optional().describe('JSON Schema of the facts (when one type is asked for)'),
  inputs: z
    .array(
      z.object({
        input: z.enum(['calculation', 'cmsCalculation', 'reconciliation']),
        use: z.enum(['required', 'optional']),
        why: z.string(),
      }),
    )
    .describe('The computations its figures come from: every amount in a letter comes from one of these, never typed in'),
  figures: z.array(z.string()).describe('Ids of the figures it quotes when its inputs are given'),
  enclosures: z.array(z.string()),
  sendBy: z.object({ method: z.string(), notes: z.array(z.string()).optional().describe('When one type is asked for') }),
  copyToMp: z.boolean().describe('Whether a copy to your MP is apt (give facts.copyToMp)'),
  clock: z.object({
    countedFrom: z.string().describe('The date the letter’s deadlines count from'),
    deadlines: z.array(deadlineStarted),
  }),
});

export const listLetterTypesOutput = z.object({
  commonFacts: z
    .array(factOutput)
    .describe(
      'Facts every letter takes (copyToMp only where copyToMp is true). Each letter lists only its own facts, and any common fact it treats differently (e.g. a date of birth it requires); asking for one type lists them all',
    ),
  letters: z.array(letterTypeOutput),
});
export type ListLetterTypesOutput = z.infer<typeof listLetterTypesOutput>;

function examples(spec: LetterSpec, today: string, nation: Nation, full: boolean): z.infer<typeof deadlineStarted>[] {
  try {
    return deadlinesFor(spec.id, today, nation).map((d) => ({
      id: d.id,
      label: d.label,
      kind: d.kind,
      ...(full ? { citation: d.citation, ...(d.href ? { href: d.href } : {}) } : {}),
      ifCountedFromToday: d.date,
    }));
  } catch (e) {
    if (e instanceof OutOfCoverageError) return [];
    throw e;
  }
}

/** One catalogue entry as JSON. */
type Fact = z.infer<typeof factOutput>;

const toJson = ({ values, ...f }: FactField): Fact => ({ ...f, ...(values ? { values: [...values] } : {}) });
const COMMON: readonly Fact[] = factFields(factsObject(commonFacts({ mp: true }))).map(toJson);
const sameAs = (a: Fact, b: Fact) => a.field === b.field && a.description === b.description && a.required === b.required;

/** One catalogue entry as JSON; `full`: every fact and the JSON Schema, else only the letter's own facts. */
export function letterTypeJson(spec: LetterSpec, context: ToolContext, nation: Nation, full: boolean): z.infer<typeof letterTypeOutput> {
  const facts = factFields(spec.facts).map(toJson);
  return {
    id: spec.id,
    type: spec.type,
    title: spec.title,
    whenToUse: spec.whenToUse,
    sender: spec.sender,
    recipient: [...spec.recipient],
    legalBasis: spec.legalBasis.map((r) => ({ title: r.title, ...(full && r.href ? { href: r.href } : {}) })),
    ...(full
      ? { facts }
      : (() => {
          const own = facts.filter((f) => !COMMON.some((c) => sameAs(c, f)));
          return { facts: own.filter((f) => f.required), optionalFacts: own.filter((f) => !f.required).map((f) => f.field) };
        })()),
    ...(full ? { factsSchema: factsJsonSchema(spec.facts) } : {}),
    inputs: (['calculation', 'cmsCalculation', 'reconciliation'] as const).flatMap((input) => {
      const use = spec.inputs[input];
      return use ? [{ input, use: use.use, why: use.why }] : [];
    }),
    figures: [...spec.figures],
    enclosures: [...spec.enclosures],
    sendBy: { method: spec.sendBy.method, ...(full ? { notes: [...spec.sendBy.notes] } : {}) },
    copyToMp: spec.copyToMp,
    clock: { countedFrom: LETTER_CLOCKS[spec.id].date, deadlines: examples(spec, context.today, nation, full) },
  };
}

export const listLetterTypesTool = defineTool({
  name: 'list_letter_types',
  title: 'List the letters Reckoner can draft',
  description:
    'The catalogue of 24 letters for a Child Maintenance Service dispute (Great Britain): subject access request, account ' +
    'breakdown, mandatory reconsideration (and late), payment dispute, complaint and escalation, ICE, MP, Ombudsman, variation, ' +
    'enforcement pause, Direct Pay to Collect and Pay, change of circumstances, deduction orders, income challenge, arrears ' +
    'plan, tribunal appeal, overpayment refund, special payment, rectification, SAR chase/ICO. For each: when to use it, who ' +
    'sends it, the facts draft_letter needs (with what each is), which computed figures it quotes and from which input ' +
    '(calculation, cmsCalculation, reconciliation), and the deadlines it starts. Ask for one type to get the JSON Schema of its facts.',
  inputSchema: listLetterTypesInput,
  outputSchema: listLetterTypesOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: (input, context) => {
    const nation = input.nation ?? 'england_and_wales';
    const chosen = input.type ? [findLetter(input.type)] : LETTERS;
    const letters = chosen.filter((l) => !input.sender || l.sender === 'either' || l.sender === input.sender);
    return { commonFacts: [...COMMON], letters: letters.map((l) => letterTypeJson(l, context, nation, input.type !== undefined)) };
  },
  summarize: (out) =>
    [
      `${out.letters.length} letter type${out.letters.length === 1 ? '' : 's'}:`,
      ...out.letters.map(
        (l) =>
          `${l.id} ${l.type} — ${l.title} (sent by ${l.sender === 'either' ? 'either parent' : `the ${l.sender} parent`}; ` +
          `${l.facts.filter((f) => f.required).length} required facts of its own${l.inputs.length ? `; figures from ${l.inputs.map((i) => `${i.input} (${i.use})`).join(', ')}` : ''}). ${l.whenToUse}`,
      ),
    ].join('\n'),
});
