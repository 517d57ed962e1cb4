/**
 * `delete_case`: erasure. The case and everything in it go, in one transaction; the audit log keeps only
 * that the case was deleted.
 * @module
 */
import * as z from 'zod';
import { caseId, storeOf } from './case-common.ts';
import { leanOutput, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const deleteCaseInput = strictObject({ caseId });

export const deleteCaseOutput = z.object({
  caseId: z.string(),
  deleted: z.boolean().describe('True if the case was there and is now gone; false if there was no such case (already deleted)'),
  erasure: z
    .string()
    .optional()
    .describe('When deleted: what the deletion guarantees on this case store (where copies may remain), to tell the person who asked'),
});

export const deleteCaseTool = defineTool({
  name: 'delete_case',
  title: 'Delete a case completely',
  description: 'Deletes a case and everything in it, for good (the right to erasure); offer export_case first.',
  inputSchema: deleteCaseInput,
  // Lean: whether it went, by name; the text says what the deletion guarantees.
  outputSchema: leanOutput(deleteCaseOutput, ['deleted', 'erasure']),
  annotations: { readOnlyHint: false, idempotentHint: true, openWorldHint: false, destructiveHint: true },
  handler: async (input, context) => ({ caseId: input.caseId, ...(await (await storeOf(context)).deleteCase(input.caseId)) }),
  summarize: (out) =>
    out.deleted
      ? `Case ${out.caseId} and everything in it are deleted. ${out.erasure ?? ''}`.trimEnd()
      : `There is no case ${out.caseId} (it may have been deleted already); nothing changed.`,
});
