/**
 * `get_case`: everything a case holds, in summary: people (withheld addresses left out), children, decisions,
 * documents, events with their deadlines, counts, the latest reconciliation, and the timeline of deadlines as of
 * today (next, overdue, met) from calc/deadlines.
 * @module
 */
import { caseTimeline } from '../cases/index.ts';
import { caseDetailOutput, caseId, describeCase, mutable, storeOf, timelineOutput } from './case-common.ts';
import { leanOutput, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const getCaseInput = strictObject({ caseId });

export const getCaseOutput = caseDetailOutput.extend({ timeline: timelineOutput });

export const getCaseTool = defineTool({
  name: 'get_case',
  title: 'Show a case',
  description:
    'A stored case: its people (withheld addresses left out), decisions, documents, events, counts and today’s timeline of deadlines.',
  inputSchema: getCaseInput,
  // Lean: the headline parts by name; the text describes the case.
  outputSchema: leanOutput(getCaseOutput, ['id', 'reference', 'counts', 'decisions', 'events', 'timeline']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const detail = await (await storeOf(context)).getCase(input.caseId);
    return mutable({ ...detail, timeline: caseTimeline(detail.events, context.today, detail.decisions) });
  },
  summarize: describeCase,
});
