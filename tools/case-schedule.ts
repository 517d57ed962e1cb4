/**
 * `build_case_schedule`: the liability schedule of a stored case, from the decisions it holds.
 * @module
 */
import * as z from 'zod';
import { SIDES } from '../calc/reconcile/reconcile.ts';
import { buildLiabilityScheduleOutput, summarizeSchedule, toJson } from './build-liability-schedule.ts';
import { aboutStoredDecisions, caseSchedule, nextTurn } from '../cases/index.ts';
import { caseId, storeOf } from './case-common.ts';
import { inputHash, pageInput } from './paging.ts';
import { civilDate, leanOutput, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export { aboutStoredDecisions };

export const buildCaseScheduleInput = strictObject({
  caseId,
  asOf: civilDate.optional().describe('Include every period that starts on or before this day; defaults to today'),
  page: pageInput,
});

export const buildCaseScheduleOutput = buildLiabilityScheduleOutput.extend({
  caseId: z.string(),
  side: z.enum(SIDES),
  planFrom: z.string().optional().describe('The payment schedule document CMS’s catch-up amounts were read from'),
  warnings: z.array(z.string()).optional().describe('About the payment plan, as reconcile_case says it'),
});

export const buildCaseScheduleTool = defineTool({
  name: 'build_case_schedule',
  title: 'Build the liability schedule of a case',
  description:
    'What was due in a case, period by period, from the decisions it holds (as build_liability_schedule), with the payment plan reconcile_case uses.',
  inputSchema: buildCaseScheduleInput,
  // Lean: as build_liability_schedule.
  outputSchema: leanOutput(buildCaseScheduleOutput, ['caseId', 'totals', 'page', 'lines', 'trace']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const store = await storeOf(context);
    const records = await store.caseRecords(input.caseId);
    const built = await caseSchedule(records, input.asOf ?? context.today);
    await nextTurn();
    return {
      caseId: input.caseId,
      side: records.case.side,
      ...toJson(built.schedule, inputHash(built.input), input.page),
      ...(built.planFrom ? { planFrom: built.planFrom } : {}),
      ...(built.warnings.length > 0 ? { warnings: [...built.warnings] } : {}),
    };
  },
  // From the case's side: a receiving parent is told what reaches her, after CMS's 4% (summarizeSchedule).
  summarize: (out) => [summarizeSchedule(out, out.side), ...(out.warnings ?? []).map((w) => `Note: ${w}`)].join('\n'),
});
