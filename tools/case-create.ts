/**
 * `create_case`: a new case in the store: the CMS reference, whose side, the people, the children and the
 * decisions so far. Everything later (statements, events, reconciliations) is added to it.
 * @module
 */
import * as z from 'zod';
import { PAYMENT_FREQUENCIES } from '../calc/schedule/build.ts';
import { SIDES } from '../calc/reconcile/reconcile.ts';
import { COLLECTION_SERVICES } from '../calc/scheme-2012/calculate.ts';
import { SCHEMES } from '../store/types.ts';
import { caseDetailOutput, childInput, decisionRecordInput, describeCase, mutable, partyInput, storeOf } from './case-common.ts';
import { civilDate, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';

export const createCaseInput = strictObject({
  title: z
    .string()
    .min(1, 'title must not be empty')
    .max(200, 'title must be at most 200 characters')
    .describe('A name for the case that means something to the user, e.g. "CMS arrears 2024"'),
  side: z.enum(SIDES).describe('Whose side Reckoner is on: paying (the paying parent) or receiving (the receiving parent)'),
  reference: z.string().max(30).optional().describe('The 12-digit CMS case reference from a CMS letter (spaces are fine)'),
  scheme: z.enum(SCHEMES).optional().describe('The child support scheme: 2012 (the default; the only one Reckoner calculates)'),
  service: z
    .enum(COLLECTION_SERVICES)
    .optional()
    .describe('direct_pay (default) or collect_and_pay; a decision can change it from its effective date'),
  frequency: z.enum(PAYMENT_FREQUENCIES).optional().describe('How often payments fall due (default monthly)'),
  firstDueDate: civilDate.optional().describe('The first payment day on the CMS payment schedule'),
  endDate: civilDate.optional().describe('The day liability stopped, if the case has ended'),
  parties: z.array(partyInput).max(20, 'at most 20 parties').optional().describe('The people in the case'),
  children: z.array(childInput).max(20, 'at most 20 children').optional().describe('The qualifying children'),
  decisions: z
    .array(decisionRecordInput)
    .max(100, 'at most 100 decisions')
    .optional()
    .describe('The CMS decisions so far, in any order (more can be added with add_decision)'),
});

export const createCaseTool = defineTool({
  name: 'create_case',
  title: 'Create a case',
  description:
    'Starts a case in Reckoner’s store (on this computer unless the server is set up with a shared database): the CMS case ' +
    'reference, whose side the user is on, the people, the children and the CMS decisions so far. Statements are added with ' +
    'import_document, events with record_event; build_case_schedule and reconcile_case then work from what the case holds. ' +
    'An address marked addressWithheld is never shown again (only export_case carries it).',
  inputSchema: createCaseInput,
  outputSchema: caseDetailOutput,
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => mutable(await (await storeOf(context)).createCase(input)),
  summarize: (out) => `Created.\n${describeCase(out)}`,
});
