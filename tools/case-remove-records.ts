/**
 * `remove_records`: records added to a case by mistake taken out by id (store/repository/removal.ts), all or nothing.
 * Before (a journey probe of 6 December 2026), nothing could take out a decision typed twice or a CMS line typed
 * wrong, and an invented adjustment in its place would be quoted in letters as CMS's own entry.
 * @module
 */
import * as z from 'zod';
import { REMOVED_RECORD_KINDS as KINDS } from '../store/types.ts';
import { caseId, storeOf } from './case-common.ts';
import { leanOutput, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';
import { plural } from './words.ts';

export const removeRecordsInput = strictObject({
  caseId,
  ids: z
    .array(z.string())
    .min(1, 'give at least one id')
    .max(100, 'give at most 100 ids')
    .describe('From get_case or the tool that added it'),
});

export const removeRecordsOutput = z.object({
  caseId: z.string(),
  removed: z.array(z.object({ id: z.string(), kind: z.enum(KINDS), rows: z.number().optional() })),
});

/** Each kind in words, for the summary. */
const KIND_WORDS: Record<(typeof KINDS)[number], [string, string]> = {
  decision: ['decision', 'decisions'],
  document: ['document', 'documents'],
  transaction: ['bank transaction', 'bank transactions'],
  cms_entry: ['CMS entry', 'CMS entries'],
  evidence: ['piece of evidence', 'pieces of evidence'],
  event: ['event', 'events'],
};

export const removeRecordsTool = defineTool({
  name: 'remove_records',
  title: 'Remove records',
  description: 'Takes decisions, documents (with their rows), CMS entries, evidence or events added by mistake out of a case.',
  inputSchema: removeRecordsInput,
  outputSchema: leanOutput(removeRecordsOutput, ['removed']),
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: true },
  handler: async (input, context) => ({
    caseId: input.caseId,
    removed: (await (await storeOf(context)).removeRecords(input.caseId, input.ids)).map((r) => ({ ...r })),
  }),
  summarize: (out) => {
    const counts = KINDS.map((k) => [k, out.removed.filter((r) => r.kind === k)] as const).filter(([, rs]) => rs.length > 0);
    const rows = out.removed.reduce((a, r) => a + (r.rows ?? 0), 0);
    const words = counts.map(([k, rs]) => plural(rs.length, ...KIND_WORDS[k]));
    return (
      `Removed ${words.join(', ')}${rows ? ` (and ${plural(rows, 'row')} read from the documents)` : ''}. ` +
      'Letters drafted from now on leave them out; reconcile_case keeps a reconciliation without them (the one kept counts them).'
    );
  },
});
