/**
 * `add_decision`: a CMS decision added to a case's assessment history (an annual review, a change of
 * circumstances, a revision after a mandatory reconsideration).
 * @module
 */
import * as z from 'zod';
import { Dec, pounds } from '../calc/money.ts';
import { caseId, decisionRecordInput, decisionRecordOutput, storeOf } from './case-common.ts';
import { leanOutput, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const addDecisionInput = strictObject({ caseId, decision: decisionRecordInput.describe('The decision, as on the CMS letter') });

export const addDecisionOutput = z.object({ caseId: z.string(), decision: decisionRecordOutput });

export const addDecisionTool = defineTool({
  name: 'add_decision',
  title: 'Add a CMS decision to a case',
  description: 'Adds a CMS decision (effective date, letter date, weekly amount or the circumstances) to a case.',
  inputSchema: addDecisionInput,
  // Lean: the decision as kept, by name; the text says what was added.
  outputSchema: leanOutput(addDecisionOutput, ['caseId', 'decision']),
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => ({
    caseId: input.caseId,
    decision: await (await storeOf(context)).addDecision(input.caseId, input.decision),
  }),
  summarize: (out) =>
    `Added decision "${out.decision.label}", effective ${out.decision.effectiveDate}` +
    (out.decision.weeklyAmount
      ? `: ${pounds(new Dec(out.decision.weeklyAmount))} a week.`
      : ' (amount to be calculated from its circumstances).'),
});
