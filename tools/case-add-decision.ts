/**
 * `add_decision`: a CMS decision added to a case's assessment history (an annual review, a change of
 * circumstances, a revision after a mandatory reconsideration).
 * @module
 */
import * as z from 'zod';
import { Dec, pounds } from '../calc/money.ts';
import { caseId, decisionRecordInput, decisionRecordOutput, storeOf } from './case-common.ts';
import { strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const addDecisionInput = strictObject({ caseId, decision: decisionRecordInput.describe('The decision, as on the CMS letter') });

export const addDecisionOutput = z.object({ caseId: z.string(), decision: decisionRecordOutput });

export const addDecisionTool = defineTool({
  name: 'add_decision',
  title: 'Add a CMS decision to a case',
  description:
    'Adds a CMS decision to a stored case: its effective date, the date of the letter, and the weekly amount it states (or the ' +
    'circumstances, to work the amount out as calculate_maintenance does). It is checked with the decisions already there (two ' +
    'decisions that take effect on one day need their letter dates), and build_case_schedule and reconcile_case use it from then on.',
  inputSchema: addDecisionInput,
  outputSchema: addDecisionOutput,
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
