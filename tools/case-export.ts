/**
 * `export_case`: everything about a case as one JSON document, for the parent to keep or to move to another
 * Reckoner (import_case reads it back). To a local Reckoner it can be written straight to a file.
 * @module
 */
import * as z from 'zod';
import { InputError } from '../calc/errors.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../store/types.ts';
import { caseId, INLINE_EXPORT_MAX_BYTES, storeOf } from './case-common.ts';
import { fileOutput, shelve } from './files.ts';
import { writeAllowedFile } from './local-files.ts';
import { leanOutput, strictObject } from './schemas.ts';
import { CodedInputError, defineTool } from './tool.ts';
import { listed, plural } from './words.ts';
import { groupedCount } from '../calc/money.ts';

export const exportCaseInput = strictObject({
  caseId,
  path: z
    .string()
    .min(1, 'path must not be empty')
    .max(4096)
    .optional()
    .describe('Write it to this new file instead of returning it (only over stdio, run locally); for big cases'),
});

const counts = z.object({
  decisions: z.int(),
  documents: z.int(),
  transactions: z.int(),
  cmsEntries: z.int(),
  events: z.int(),
  letters: z.int(),
  reconciliationRuns: z.int(),
});

export const exportCaseOutput = z.object({
  caseId: z.string(),
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  bytes: z.int().describe('Size of the export as JSON (UTF-8)'),
  counts,
  path: z.string().optional().describe('Where the export was written, when a path was given'),
  file: fileOutput.optional().describe('The export as a JSON file (when no path was given)'),
  export: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'The export itself (absent when it was written to path): everything about the case, including withheld addresses and kept files (base64)',
    ),
});

export const exportCaseTool = defineTool({
  name: 'export_case',
  title: 'Export a case',
  description: 'The whole case as one JSON document (withheld addresses too), to keep or to move with import_case.',
  inputSchema: exportCaseInput,
  // Lean: where the export went, by name.
  outputSchema: leanOutput(exportCaseOutput, ['bytes', 'path', 'file']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    if (input.path !== undefined && context.localFiles !== true) {
      throw new InputError(
        'path',
        'cannot be written here: this Reckoner is not on your computer (HTTP); leave path out to get the export back',
      );
    }
    const store = await storeOf(context);
    const doc = await store.exportCase(input.caseId);
    const text = JSON.stringify(doc);
    const summary = {
      caseId: input.caseId,
      format: doc.format,
      version: doc.version,
      bytes: Buffer.byteLength(text),
      counts: {
        decisions: doc.decisions.length,
        documents: doc.documents.length,
        transactions: doc.transactions.length,
        cmsEntries: doc.cmsEntries.length,
        events: doc.events.length,
        letters: doc.letters.length,
        reconciliationRuns: doc.reconciliationRuns.length,
      },
    };
    if (input.path === undefined) {
      if (summary.bytes > INLINE_EXPORT_MAX_BYTES) {
        const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
        throw new CodedInputError(
          'too_large',
          'path',
          `is needed: this export is ${mib(summary.bytes)}, more than the ${mib(INLINE_EXPORT_MAX_BYTES)} an export may be to come back in ` +
            'over HTTP. Export it with a local Reckoner (bin/reckoner mcp) and a path',
        );
      }
      // The export comes back inline, as before: import_case takes it inline, and over HTTP (no path) that is how a
      // case moves to another Reckoner. It is also a file (with a shelf), to save or download without copying it
      // through the chat (the resource_link).
      if (!context.files) return { ...summary, export: JSON.parse(text) as Record<string, unknown> };
      const file = shelve(context.files, {
        bytes: Buffer.from(`${text}\n`, 'utf8'),
        mimeType: 'application/json',
        name: `reckoner-case-${input.caseId.slice(0, 8)}.json`,
        caseId: input.caseId,
      });
      return { ...summary, file, export: JSON.parse(text) as Record<string, unknown> };
    }
    // A new file, 0600, inside the folders the client shares or RECKONER_FILES_DIR lists (local-files.ts).
    const full = await writeAllowedFile(input.path, context, `${text}\n`, {
      notLocal: 'cannot be written here: this Reckoner is not on your computer (HTTP); leave path out to get the export back',
    });
    return { ...summary, path: full };
  },
  summarize: (out) => {
    const c = out.counts;
    const what = listed([
      plural(c.documents, 'document'),
      plural(c.transactions, 'bank transaction'),
      plural(c.cmsEntries, 'CMS entry', 'CMS entries'),
      plural(c.events, 'event'),
      plural(c.letters, 'letter'),
    ]);
    return out.path
      ? `Exported case ${out.caseId} to ${out.path} (${groupedCount(out.bytes)} bytes: ${what}). Keep it private.`
      : `Export of case ${out.caseId} (${groupedCount(out.bytes)} bytes: ${what}) is in the result. Keep it private.`;
  },
});
