/**
 * `build_case_schedule`: the liability schedule of a stored case, from the decisions it holds.
 * @module
 */
import * as z from 'zod';
import { buildSchedule } from '../calc/schedule/build.ts';
import { buildLiabilityScheduleOutput, buildLiabilityScheduleTool, toJson } from './build-liability-schedule.ts';
import { aboutStoredDecisions, caseScheduleInput } from '../cases/index.ts';
import { caseId, storeOf } from './case-common.ts';
import { inputHash, pageInput } from './paging.ts';
import { civilDate, leanOutput, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export { aboutStoredDecisions };

export { caseScheduleInput };

export const buildCaseScheduleInput = strictObject({
  caseId,
  asOf: civilDate.optional().describe('Include every period that starts on or before this day; defaults to today'),
  page: pageInput,
});

export const buildCaseScheduleOutput = buildLiabilityScheduleOutput.extend({ caseId: z.string() });

export const buildCaseScheduleTool = defineTool({
  name: 'build_case_schedule',
  title: 'Build the liability schedule of a case',
  description: 'What was due in a case, period by period, from the decisions it holds (as build_liability_schedule).',
  inputSchema: buildCaseScheduleInput,
  // Lean: as build_liability_schedule.
  outputSchema: leanOutput(buildCaseScheduleOutput, ['caseId', 'totals', 'page', 'lines', 'trace']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const store = await storeOf(context);
    const scheduleInput = await caseScheduleInput(store, input.caseId, input.asOf ?? context.today);
    const schedule = aboutStoredDecisions(scheduleInput, () => buildSchedule(scheduleInput));
    return { caseId: input.caseId, ...toJson(schedule, inputHash(scheduleInput), input.page) };
  },
  summarize: (out) => buildLiabilityScheduleTool.summarize(out),
});
