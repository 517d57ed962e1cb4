/**
 * `list_letter_types`: the letter catalogue (L01–L24), tersely (id, name, title, when to use it, who sends it); asked for
 * one letter, it in full: who it goes to, the facts it needs (with what each one is), the computed figures it quotes, and
 * the deadlines it starts.
 * @module
 */
import * as z from 'zod';
import { clockStartsOnSending } from '../calc/deadlines/index.ts';
import { OutOfCoverageError } from '../calc/parameters.ts';
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
import { leanOutput, strictObject } from './schemas.ts';
import { capped, listed, plural } from './words.ts';
import { defineTool, type ToolContext } from './tool.ts';

export const listLetterTypesInput = strictObject({
  type: z.string().min(1).max(60).optional().describe('One letter by id ("L03") or name, for its facts, inputs and deadlines'),
  sender: z.enum(['paying', 'receiving']).optional().describe('Only the letters this parent can send'),
  nation: z.enum(NATIONS).optional().describe('Bank holidays for the example dates: default england_and_wales'),
  detail: z.boolean().optional().describe('Every letter in full (for a catalogue page)'),
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
  ifCountedFromToday: z
    .string()
    .optional()
    .describe(
      'Only for a letter whose sending starts its clock: the date it falls on if the letter is sent today (posted, where the time runs from receipt)',
    ),
});

/** One line of the catalogue: what the terse listing gives for every letter. */
export const letterBriefOutput = z.object({
  id: z.string().describe('L01 … L24'),
  type: z.string().describe('The snake_case name draft_letter takes'),
  title: z.string(),
  whenToUse: z.string(),
  sender: z.enum(['paying', 'receiving', 'either']).describe('Who may send it'),
});

/** One letter in full: what `{ type }` asks for. */
export const letterTypeOutput = letterBriefOutput.extend({
  recipient: z.array(z.string()).describe('The usual recipient (some letters take the address as a fact)'),
  legalBasis: z.array(z.object({ title: z.string(), href: z.string().optional() })),
  facts: z.array(factOutput).describe('Every fact it takes, with what each is (the common ones too)'),
  factsSchema: z.record(z.string(), z.unknown()).describe('JSON Schema of the facts'),
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
  sendBy: z.object({ method: z.string(), notes: z.array(z.string()) }),
  copyToMp: z.boolean().describe('Whether a copy to your MP is apt (give facts.copyToMp)'),
  clock: z.object({
    countedFrom: z.string().describe('The date the letter’s deadlines count from'),
    deadlines: z.array(deadlineStarted),
  }),
});

export const listLetterTypesOutput = z.object({
  letters: z
    .array(z.union([letterTypeOutput, letterBriefOutput]))
    .describe('The letters asked for: id, name, title, when to use it, who sends it (in full with detail)'),
  letter: letterTypeOutput.optional().describe('With type: that letter in full'),
});
export type ListLetterTypesOutput = z.infer<typeof listLetterTypesOutput>;

/**
 * The deadlines a letter starts, with the date each falls on if the letter is sent today — only where sending it is what
 * starts the clock (calc `clockStartsOnSending`). A reconsideration's last day counts from the decision letter, an
 * appeal's from the reconsideration notice: a date counted from today would be a false one (a journey probe: L03 showed
 * 9 April 2025 "if counted from today" for a decision whose time had ended on 5 February), so they have none.
 */
function examples(spec: LetterSpec, today: string, nation: Nation): z.infer<typeof deadlineStarted>[] {
  const dated = clockStartsOnSending(spec.id);
  // A request DWP answers from the day it receives it: sent today, it is taken as posted (calc/deadlines requestReceipt).
  const facts = LETTER_CLOCKS[spec.id].countsFromReceipt ? { method: 'post' } : {};
  try {
    return deadlinesFor(spec.id, today, nation, facts).map((d) => ({
      id: d.id,
      label: d.label,
      kind: d.kind,
      citation: d.citation,
      ...(d.href ? { href: d.href } : {}),
      ...(dated ? { ifCountedFromToday: d.date } : {}),
    }));
  } catch (e) {
    if (e instanceof OutOfCoverageError) return [];
    throw e;
  }
}

type Fact = z.infer<typeof factOutput>;

const toJson = ({ values, ...f }: FactField): Fact => ({ ...f, ...(values ? { values: [...values] } : {}) });

/** One letter of the catalogue, briefly. */
export function letterBriefJson(spec: LetterSpec): z.infer<typeof letterBriefOutput> {
  return { id: spec.id, type: spec.type, title: spec.title, whenToUse: spec.whenToUse, sender: spec.sender };
}

/** One letter of the catalogue in full: every fact (the common ones too), its JSON Schema, inputs, figures and clock. */
export function letterTypeJson(spec: LetterSpec, context: ToolContext, nation: Nation): z.infer<typeof letterTypeOutput> {
  return {
    ...letterBriefJson(spec),
    recipient: [...spec.recipient],
    legalBasis: spec.legalBasis.map((r) => ({ title: r.title, ...(r.href ? { href: r.href } : {}) })),
    facts: factFields(spec.facts).map(toJson),
    factsSchema: factsJsonSchema(spec.facts),
    inputs: (['calculation', 'cmsCalculation', 'reconciliation'] as const).flatMap((input) => {
      const use = spec.inputs[input];
      return use ? [{ input, use: use.use, why: use.why }] : [];
    }),
    figures: [...spec.figures],
    enclosures: [...spec.enclosures],
    sendBy: { method: spec.sendBy.method, notes: [...spec.sendBy.notes] },
    copyToMp: spec.copyToMp,
    // A letter that starts no deadline (L08, L10, L12, L14–L16, L20) says so; its date would read as a clock.
    clock: {
      countedFrom: LETTER_CLOCKS[spec.id].event ? LETTER_CLOCKS[spec.id].date : NO_CLOCK,
      deadlines: examples(spec, context.today, nation),
    },
  };
}

/** `clock.countedFrom` of a letter that starts no deadline. */
const NO_CLOCK = 'nothing: it starts no deadline';

const SENDER_WORDS = { paying: 'the paying parent', receiving: 'the receiving parent', either: 'either parent' } as const;

/** The catalogue in words: a line per letter; with one letter, its facts, inputs, figures and deadlines too. */
export function summarizeLetterTypes(out: ListLetterTypesOutput): string {
  const head = [
    `${plural(out.letters.length, 'letter type')}${out.letter ? '' : ' (ask with { type } for one letter’s facts, inputs and deadlines)'}:`,
    ...out.letters.map((l) => `${l.id} ${l.type} — ${l.title} (sent by ${SENDER_WORDS[l.sender]}). ${l.whenToUse}`),
  ];
  const l = out.letter;
  if (!l) return capped(head, []);
  const required = l.facts.filter((f) => f.required);
  head.push(
    `To: ${l.recipient.join(', ')}. Send by ${l.sendBy.method}.`,
    `Legal basis: ${l.legalBasis.map((b) => b.title).join('; ')}.`,
    ...(l.inputs.length
      ? [`Figures come from ${listed(l.inputs.map((i) => `${i.input} (${i.use}: ${i.why})`))}; never typed into facts.`]
      : ['It quotes no computed figures.']),
    ...(l.enclosures.length ? [`Enclose: ${l.enclosures.join('; ')}.`] : []),
    LETTER_CLOCKS[findLetter(l.id).id].event
      ? `Its clock counts from ${l.clock.countedFrom}.`
      : 'It starts no deadline, so no reply to it is tracked: mark_letter_sent records it as a letter sent.',
  );
  return capped(head, [
    {
      title: `Facts (${plural(required.length, 'required fact')} of ${l.facts.length}):`,
      lines: l.facts.map(
        (f) => `- ${f.field}${f.required ? ' (required)' : ''}: ${f.description}${f.values ? ` — one of ${f.values.join(', ')}` : ''}`,
      ),
      rest: (left) => `… ${plural(left, 'more fact')} in structuredContent.letter.facts`,
    },
    {
      title: deadlinesTitle(l),
      lines: l.clock.deadlines.map((d) => `- ${d.ifCountedFromToday ? `${d.ifCountedFromToday} ` : ''}${d.label} (${d.citation ?? ''})`),
      rest: (left) => `… ${plural(left, 'more deadline')} in structuredContent.letter.clock`,
    },
  ]);
}

/** The heading of a letter's deadlines: dated if it is sent today, or what they count from instead. */
function deadlinesTitle(l: NonNullable<ListLetterTypesOutput['letter']>): string {
  const id = findLetter(l.id).id;
  if (!clockStartsOnSending(id)) {
    return `Deadlines it starts (no date here: they count from ${l.clock.countedFrom}; compute_deadlines with that date gives them):`;
  }
  return LETTER_CLOCKS[id].countsFromReceipt
    ? 'Deadlines it starts (if posted today: DWP is taken to have it on the second working day after):'
    : 'Deadlines it starts (if sent today):';
}

export const listLetterTypesTool = defineTool({
  name: 'list_letter_types',
  title: 'List the letters Reckoner can draft',
  description:
    'The 24 letters of a CMS dispute (reconsideration, payment dispute, complaint, ICE, MP, refund …) and when to use ' +
    'each; ask for one { type } for the facts draft_letter needs and the deadlines it starts.',
  inputSchema: listLetterTypesInput,
  // Lean: the list and the one letter by name; the text lists each letter in words.
  outputSchema: leanOutput(listLetterTypesOutput, ['letters', 'letter']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: (input, context) => {
    const nation = input.nation ?? 'england_and_wales';
    const chosen = input.type ? [findLetter(input.type)] : LETTERS;
    const letters = chosen.filter((l) => !input.sender || l.sender === 'either' || l.sender === input.sender);
    const one = input.type ? letters[0] : undefined;
    return {
      letters: letters.map((l) => (input.detail ? letterTypeJson(l, context, nation) : letterBriefJson(l))),
      ...(one ? { letter: letterTypeJson(one, context, nation) } : {}),
    };
  },
  summarize: summarizeLetterTypes,
});
