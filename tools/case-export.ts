/**
 * `export_case`: everything about a case as one JSON document, for the parent to keep or to move to another
 * Reckoner (import_case reads it back). To a local Reckoner it can be written straight to a file.
 * @module
 */
import * as z from 'zod';
import { InputError } from '../calc/errors.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../store/types.ts';
import { caseId, INLINE_EXPORT_MAX_BYTES, storeOf } from './case-common.ts';
import { writeAllowedFile } from './local-files.ts';
import { strictObject } from './schemas.ts';
import { CodedInputError, defineTool } from './tool.ts';

export const exportCaseInput = strictObject({
  caseId,
  path: z
    .string()
    .min(1, 'path must not be empty')
    .max(4096)
    .optional()
    .describe(
      'Write the export to this new file on this computer instead of returning it (only when Reckoner runs locally, over stdio). Use it for big cases',
    ),
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
  description:
    'Exports a stored case as one JSON document with everything in it — people (with addresses, even withheld ones: this is the ' +
    'user’s own copy), children, decisions, documents (and their files, where kept), bank transactions, CMS entries, ' +
    'reconciliations, letters and events — for the user to keep, or to move to another Reckoner with import_case. A local ' +
    'Reckoner can write it to a file (path); otherwise it is returned. Treat it as private.',
  inputSchema: exportCaseInput,
  outputSchema: exportCaseOutput,
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
      return { ...summary, export: JSON.parse(text) as Record<string, unknown> };
    }
    // A new file, 0600, inside the folders the client shares or RECKONER_FILES_DIR lists (local-files.ts).
    const full = await writeAllowedFile(input.path, context, `${text}\n`, {
      notLocal: 'cannot be written here: this Reckoner is not on your computer (HTTP); leave path out to get the export back',
    });
    return { ...summary, path: full };
  },
  summarize: (out) => {
    const c = out.counts;
    const what = `${c.documents} documents, ${c.transactions} bank transactions, ${c.cmsEntries} CMS entries, ${c.events} events, ${c.letters} letters`;
    return out.path
      ? `Exported case ${out.caseId} to ${out.path} (${out.bytes.toLocaleString('en-GB')} bytes: ${what}). Keep it private.`
      : `Export of case ${out.caseId} (${out.bytes.toLocaleString('en-GB')} bytes: ${what}) is in the result. Keep it private.`;
  },
});
