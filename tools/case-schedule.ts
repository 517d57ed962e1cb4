/**
 * `build_case_schedule`: the liability schedule of a stored case, from the decisions it holds.
 * @module
 */
import * as z from 'zod';
import { InputError } from '../calc/errors.ts';
import { buildSchedule, type ScheduleInput } from '../calc/schedule/build.ts';
import type { CaseStore } from '../store/types.ts';
import { buildLiabilityScheduleOutput, buildLiabilityScheduleTool, toJson } from './build-liability-schedule.ts';
import { caseId, storeOf } from './case-common.ts';
import { inputHash, pageInput } from './paging.ts';
import { civilDate, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

/**
 * Runs `work` on input assembled from a case: an error about `decisions[i]` (which the caller never typed)
 * names the stored decision instead.
 */
export function aboutStoredDecisions<T>(input: { readonly decisions: readonly { readonly id?: string }[] }, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const m = /^(?:schedule\.)?decisions\[(\d+)\](.*)$/.exec(error.field);
    if (!m) throw error;
    const label = input.decisions[Number(m[1])]?.id ?? m[1];
    throw new InputError(
      `decision "${label}"${m[2]}`,
      `${error.message.slice(error.field.length + 2)} (a decision stored in the case: correct it, or add the missing one with add_decision)`,
    );
  }
}

/** The schedule input of a case, refusing a case with no decisions with what to do. */
export async function caseScheduleInput(store: CaseStore, id: string, asOf: string): Promise<ScheduleInput> {
  const input = await store.scheduleInput(id, { asOf });
  if (input.decisions.length === 0) {
    throw new InputError(
      'caseId',
      'the case has no CMS decisions yet; add them with add_decision, each with its effective date and weekly amount',
    );
  }
  return input;
}

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
