/**
 * `get_case`: everything a case holds, in summary: people (withheld addresses left out), children, decisions,
 * documents, events with their deadlines, counts, and the latest reconciliation.
 * @module
 */
import { caseDetailOutput, caseId, describeCase, mutable, storeOf } from './case-common.ts';
import { strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const getCaseInput = strictObject({ caseId });

export const getCaseTool = defineTool({
  name: 'get_case',
  title: 'Show a case',
  description:
    'Shows a stored case: its reference and settings, the people (an address marked withheld is left out), the children, the ' +
    'decisions, the documents imported (with what the parser said about each), the events with the deadlines they start, how ' +
    'many bank transactions and CMS entries it holds and over which dates, and the latest reconciliation.',
  inputSchema: getCaseInput,
  outputSchema: caseDetailOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => mutable(await (await storeOf(context)).getCase(input.caseId)),
  summarize: describeCase,
});
