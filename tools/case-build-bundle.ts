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
import { strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const buildBundleInput = strictObject({
  caseId,
  purpose: z
    .enum(BUNDLE_PURPOSES)
    .describe('Who it is for: mandatory_reconsideration, complaint, ice (Independent Case Examiner), mp or tribunal'),
});

export const buildBundleOutput = z.object({
  caseId: z.string(),
  purpose: z.enum(BUNDLE_PURPOSES),
  pages: z.int(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), page: z.int() })).describe('The index: each section and its first page'),
  filename: z.string(),
  pdfBase64: z.string().describe('The bundle as an A4 PDF, base64'),
});

export const buildBundleTool = defineTool({
  name: 'build_evidence_bundle',
  title: 'Build an evidence bundle',
  description:
    'Builds one ordered PDF of a stored case for the ICE, an MP, a tribunal, a complaint or a reconsideration: a cover in plain ' +
    'words, an index, the bridge from CMS’s figure to the true one, the period schedule, the disputed entries, a chart, the ' +
    'letters and replies, the deadlines, and the enclosures cited by page and line. Reconcile the case first.',
  inputSchema: buildBundleInput,
  outputSchema: buildBundleOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const bundle = await buildCaseBundle(await storeOf(context), input.caseId, input.purpose, context.today);
    return {
      caseId: input.caseId,
      purpose: input.purpose,
      pages: bundle.pages,
      sections: bundle.sections.map((s) => ({ ...s })),
      filename: `evidence-bundle-${input.purpose}-${context.today}.pdf`,
      pdfBase64: Buffer.from(bundle.pdf).toString('base64'),
    };
  },
  summarize: (out) =>
    `Evidence bundle for ${out.purpose.replace(/_/g, ' ')}: ${out.pages} pages. Index: ${out.sections.map((s) => `${s.title} p.${s.page}`).join('; ')}. ` +
    'The PDF is in pdfBase64.',
});
