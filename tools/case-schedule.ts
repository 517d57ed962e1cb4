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
import { civilDate, strictObject } from './schemas.ts';
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
  description:
    'Works out what was due in a stored case, period by period, from the CMS decisions the case holds and its payment ' +
    'frequency, first due date, service and end date: exactly as build_liability_schedule does, without retyping the decisions. ' +
    'The totals are always complete; the lines come a page at a time. Use these figures; do not compute your own.',
  inputSchema: buildCaseScheduleInput,
  outputSchema: buildCaseScheduleOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const store = await storeOf(context);
    const scheduleInput = await caseScheduleInput(store, input.caseId, input.asOf ?? context.today);
    const schedule = aboutStoredDecisions(scheduleInput, () => buildSchedule(scheduleInput));
    return { caseId: input.caseId, ...toJson(schedule, inputHash(scheduleInput as unknown as Record<string, unknown>), input.page) };
  },
  summarize: (out) => buildLiabilityScheduleTool.summarize(out),
});
