/**
 * `import_case`: a case export (from export_case) put back into the store: the same case, with the same id,
 * or as a new case.
 * @module
 */
import * as z from 'zod';
import { InputError } from '../calc/errors.ts';
import { caseDetailOutput, describeCase, mutable, storeOf } from './case-common.ts';
import { readAllowedFile } from './local-files.ts';
import { leanOutput, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';
import { checkCancelled, stage } from './progress.ts';

/** Largest export read from a file: 20 files of 20 MiB in base64, and their rows. */
const MAX_EXPORT_BYTES = 1024 * 1024 * 1024;

export const importCaseInput = strictObject({
  export: z.record(z.string(), z.unknown()).optional().describe('As export_case gave it; or give path'),
  path: z.string().min(1, 'path must not be empty').max(4096).optional().describe('An export file on this computer (local Reckoner only)'),
  asNew: z.boolean().optional().describe('A copy with new ids; by default it keeps its id'),
}).superRefine((input, ctx) => {
  if ((input.export === undefined) === (input.path === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['export'],
      message: input.export === undefined ? 'is missing; give the export (or its path)' : 'give export or path, not both',
    });
  }
});

export const importCaseTool = defineTool({
  name: 'import_case',
  title: 'Import a case export',
  description: 'Puts a case exported with export_case back, as it was, or as a new case with asNew.',
  inputSchema: importCaseInput,
  // Lean: the case id and counts by name; get_case shows the rest.
  outputSchema: leanOutput(caseDetailOutput, ['id', 'reference', 'title', 'counts']),
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    let doc: unknown = input.export;
    if (input.path !== undefined) {
      // From the allowed folders only, and never more than an export can be (see local-files.ts).
      const bytes = await readAllowedFile(input.path, context, {
        maxBytes: MAX_EXPORT_BYTES,
        tooLarge: (_size, full) =>
          new InputError(
            'path',
            `${full} is larger than ${MAX_EXPORT_BYTES / 1024 / 1024 / 1024} GiB, so it is not a case export; give a file written by export_case`,
          ),
        notLocal: 'cannot be read here: this Reckoner is not on your computer (HTTP); send the export itself',
      });
      try {
        doc = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
      } catch {
        // The contents are not quoted: the file may be anything.
        throw new InputError('path', `${input.path} is not JSON; give a file written by export_case`);
      }
    }
    stage(context, 1, 2, 'Read the export; importing it (all of it or nothing)');
    // The last moment to stop: the import is one transaction.
    checkCancelled(context);
    const imported = mutable(await (await storeOf(context)).importCaseExport(doc, { asNew: input.asNew === true }));
    stage(context, 2, 2, 'Imported');
    return imported;
  },
  summarize: (out) => `Imported.\n${describeCase(out)}`,
});
