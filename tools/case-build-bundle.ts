/**
 * `build_evidence_bundle`: one ordered PDF of a stored case for the ICE, an MP, a tribunal, a complaint or a
 * reconsideration — cover, index, the bridge, the period schedule, the disputed entries, the chart, letters and
 * replies, the deadlines, and the enclosures cited by page and line.
 * @module
 */
import * as z from 'zod';
import { buildCaseBundle } from '../cases/index.ts';
import { BUNDLE_PURPOSES } from '../letters/bundle/types.ts';
import { caseId, storeOf } from './case-common.ts';
import { fileOutput, shelve } from './files.ts';
import { stage, untilCancelled } from './progress.ts';
import { leanOutput, strictObject } from './schemas.ts';
import { plural, PURPOSE_WORDS } from './words.ts';
import { defineTool } from './tool.ts';

export const buildBundleInput = strictObject({
  caseId,
  purpose: z.enum(BUNDLE_PURPOSES).describe('mandatory_reconsideration, complaint, ice (Independent Case Examiner), mp or tribunal'),
});

export const buildBundleOutput = z.object({
  caseId: z.string(),
  purpose: z.enum(BUNDLE_PURPOSES),
  pages: z.int(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), page: z.int() })).describe('The index: each section and its first page'),
  filename: z.string(),
  file: fileOutput.describe('The bundle as an A4 PDF'),
});

export const buildBundleTool = defineTool({
  name: 'build_evidence_bundle',
  title: 'Build an evidence bundle',
  description:
    'One ordered PDF of a case for the ICE, an MP, a tribunal, a complaint or a reconsideration: cover, index, bridge, schedule, disputed entries, chart, letters and enclosures.',
  inputSchema: buildBundleInput,
  // Lean: the index and the file by name; the text lists the sections.
  outputSchema: leanOutput(buildBundleOutput, ['pages', 'sections', 'file']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    stage(context, 1, 3, 'Gathering the case: the reconciliation, the schedule, letters, replies and deadlines');
    const bundle = await untilCancelled(
      context,
      buildCaseBundle(await storeOf(context), input.caseId, input.purpose, context.today, context.signal),
    );
    stage(context, 2, 3, `Rendered ${plural(bundle.pages, 'page')} in ${plural(bundle.sections.length, 'section')}`);
    const out = {
      caseId: input.caseId,
      purpose: input.purpose,
      pages: bundle.pages,
      sections: bundle.sections.map((s) => ({ ...s })),
      filename: `evidence-bundle-${input.purpose}-${context.today}.pdf`,
      file: shelve(context.files, {
        bytes: bundle.pdf,
        mimeType: 'application/pdf',
        name: `evidence-bundle-${input.purpose}-${context.today}.pdf`,
        caseId: input.caseId,
      }),
    };
    stage(context, 3, 3, 'Done');
    return out;
  },
  summarize: (out) =>
    `Evidence bundle for ${PURPOSE_WORDS[out.purpose]}: ${plural(out.pages, 'page')}. Index: ${out.sections.map((s) => `${s.title} p.${s.page}`).join('; ')}. ` +
    `The PDF is ${out.file.name}${out.file.uri ? ` (${out.file.uri})` : ''}.`,
});
