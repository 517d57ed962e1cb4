/**
 * `export_calendar`: the open deadlines of a stored case (overdue and next, from calc/deadlines) as an iCalendar
 * file for any calendar app, each with a reminder two days before.
 * @module
 */
import * as z from 'zod';
import { caseCalendar } from '../cases/index.ts';
import { caseId, storeOf } from './case-common.ts';
import { fileOutput, shelve } from './files.ts';
import { leanOutput, strictObject } from './schemas.ts';
import { plural } from './words.ts';
import { defineTool } from './tool.ts';

export const exportCalendarInput = strictObject({ caseId });

export const exportCalendarOutput = z.object({
  caseId: z.string(),
  filename: z.string(),
  mimeType: z.literal('text/calendar'),
  deadlines: z.int().describe('Open deadlines in the file'),
  // The text stays beside the file: it is small (a few hundred bytes a deadline, no PDF), the web page saves it as is,
  // and a client that forwards only text still has it.
  ics: z.string().describe('The iCalendar file (RFC 5545): save it as filename and open it in a calendar'),
  file: fileOutput.describe('The same .ics as a file'),
});

export const exportCalendarTool = defineTool({
  name: 'export_calendar',
  title: 'Deadlines as a calendar file',
  description: 'A case’s open deadlines as an iCalendar file, each with its rule; no names or amounts.',
  inputSchema: exportCalendarInput,
  // Lean: the count and the file by name; the text lists the dates.
  outputSchema: leanOutput(exportCalendarOutput, ['deadlines', 'file']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const out = await caseCalendar(await storeOf(context), input.caseId, context.today, new Date().toISOString());
    const file = shelve(context.files, {
      bytes: Buffer.from(out.ics, 'utf8'),
      mimeType: 'text/calendar',
      name: out.filename,
      caseId: input.caseId,
    });
    return {
      caseId: input.caseId,
      filename: out.filename,
      mimeType: 'text/calendar' as const,
      deadlines: out.deadlines,
      ics: out.ics,
      file,
    };
  },
  summarize: (out) => `Calendar file ${out.filename} with ${plural(out.deadlines, 'open deadline')} (the .ics text is in ics).`,
});
