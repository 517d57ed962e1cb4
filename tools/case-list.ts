/**
 * `list_cases`: the cases in the store, newest first, a page at a time.
 * @module
 */
import * as z from 'zod';
import { caseSummaryOutput, storeOf } from './case-common.ts';
import { leanOutput, strictObject } from './schemas.ts';
import { plural, SIDE_WORDS } from './words.ts';
import { defineTool } from './tool.ts';

export const listCasesInput = strictObject({
  limit: z
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(500, 'limit must be at most 500')
    .optional()
    .describe('Most cases to list (default 50)'),
  offset: z
    .int('offset must be a whole number')
    .min(0, 'offset must be 0 or more')
    .optional()
    .describe('How many to skip, for the next page'),
});

export const listCasesOutput = z.object({
  total: z.int().describe('Cases in the store'),
  offset: z.int(),
  cases: z.array(
    caseSummaryOutput.extend({
      counts: z.object({ documents: z.int(), transactions: z.int(), cmsEntries: z.int(), evidence: z.int(), letters: z.int() }),
    }),
  ),
});

export const listCasesTool = defineTool({
  name: 'list_cases',
  title: 'List cases',
  description: 'The stored cases, newest first, with what each holds.',
  inputSchema: listCasesInput,
  // Lean: the list by name; the text lists each case.
  outputSchema: leanOutput(listCasesOutput, ['total', 'cases']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const offset = input.offset ?? 0;
    const { cases, total } = await (await storeOf(context)).listCases({ limit: input.limit ?? 50, offset });
    return { total, offset, cases: cases.map((c) => ({ ...c, counts: { ...c.counts } })) };
  },
  summarize: (out) => {
    if (out.total === 0) return 'No cases yet; create_case starts one.';
    const shown = out.cases.map(
      (c) =>
        `${c.id}${c.reference ? ` (CMS ${c.reference})` : ''}: ${c.title} — on ${SIDE_WORDS[c.side]}'s side, ${plural(c.counts.documents, 'document')}`,
    );
    const more =
      out.offset + out.cases.length < out.total
        ? `\n… ${out.total - out.offset - out.cases.length} more (offset ${out.offset + out.cases.length}).`
        : '';
    return `${plural(out.total, 'case')}:\n${shown.join('\n')}${more}`;
  },
});
