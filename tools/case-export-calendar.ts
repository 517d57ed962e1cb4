/**
 * `export_calendar`: the open deadlines of a stored case (overdue and next, from calc/deadlines) as an iCalendar
 * file for any calendar app, each with a reminder two days before.
 * @module
 */
import * as z from 'zod';
import { caseCalendar } from '../cases/index.ts';
import { caseId, storeOf } from './case-common.ts';
import { strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const exportCalendarInput = strictObject({ caseId });

export const exportCalendarOutput = z.object({
  caseId: z.string(),
  filename: z.string(),
  mimeType: z.literal('text/calendar'),
  deadlines: z.int().describe('Open deadlines in the file'),
  ics: z.string().describe('The iCalendar file (RFC 5545): save it as filename and open it in a calendar'),
});

export const exportCalendarTool = defineTool({
  name: 'export_calendar',
  title: 'Deadlines as a calendar file',
  description:
    'Gives the open deadlines of a stored case (overdue and still to come) as an iCalendar (.ics) file for any calendar app, ' +
    'each an all-day event with the rule behind it and a reminder two days before. No names, addresses or amounts are in it.',
  inputSchema: exportCalendarInput,
  outputSchema: exportCalendarOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const out = await caseCalendar(await storeOf(context), input.caseId, context.today, new Date().toISOString());
    return { caseId: input.caseId, filename: out.filename, mimeType: 'text/calendar' as const, deadlines: out.deadlines, ics: out.ics };
  },
  summarize: (out) =>
    `Calendar file ${out.filename} with ${out.deadlines} open deadline${out.deadlines === 1 ? '' : 's'} (the .ics text is in ics).`,
});
