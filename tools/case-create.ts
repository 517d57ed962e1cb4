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
import { civilDate, leanOutput, strictObject } from './schemas.ts';
import { CMS_REFERENCE_RULE, isCmsReference } from '../letters/facts.ts';
import { defineTool } from './tool.ts';

export const createCaseInput = strictObject({
  title: z.string().min(1, 'title must not be empty').max(200, 'title must be at most 200 characters').describe('e.g. "CMS arrears 2024"'),
  side: z.enum(SIDES).describe('Whose side the user is on'),
  reference: z.string().max(30).optional().describe('The 12-digit CMS case reference (2012 scheme: starts 121; spaces are fine)'),
  scheme: z.enum(SCHEMES).optional().describe('Default 2012'),
  service: z.enum(COLLECTION_SERVICES).optional().describe('Default direct_pay'),
  frequency: z.enum(PAYMENT_FREQUENCIES).optional().describe('Default monthly'),
  firstDueDate: civilDate.optional().describe('First payment day on CMS’s schedule'),
  endDate: civilDate.optional().describe('Day after the last day of liability'),
  parties: z.array(partyInput).max(20, 'at most 20 parties').optional(),
  children: z.array(childInput).max(20, 'at most 20 children').optional(),
  decisions: z
    .array(decisionRecordInput)
    .max(100, 'at most 100 decisions')
    .optional()
    .meta({ description: 'The CMS decisions so far, each as add_decision takes it', items: undefined }),
}).superRefine((c, ctx) => {
  // Checked now as the letters check it: a case kept with a reference every letter refuses could never write one.
  if (c.reference !== undefined && (c.scheme ?? '2012') === '2012' && !isCmsReference(c.reference)) {
    ctx.addIssue({ code: 'custom', path: ['reference'], message: CMS_REFERENCE_RULE });
  }
});

export const createCaseTool = defineTool({
  name: 'create_case',
  title: 'Create a case',
  description:
    'Starts a case: the CMS reference, whose side the user is on, the people, children and decisions so far; the rest is added later.',
  inputSchema: createCaseInput,
  // Lean: the case id and counts by name; get_case shows the rest.
  outputSchema: leanOutput(caseDetailOutput, ['id', 'reference', 'title', 'counts']),
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => mutable(await (await storeOf(context)).createCase(input)),
  summarize: (out) => `Created.\n${describeCase(out)}`,
});
