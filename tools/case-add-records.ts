/**
 * `add_cms_entries` and `add_evidence`: lines typed in from a CMS letter or the online account, and payslip or
 * benefit deductions and other payments the parent can show. Each is kept once per case by its content, so sending
 * the same lines again adds nothing; the store checks every field and names the one that is wrong.
 * @module
 */
import * as z from 'zod';
import { caseId, mutable, storeOf } from './case-common.ts';
import { cmsEntryInput, evidenceInput } from './reconcile-ledger.ts';
import { civilDate, leanOutput, moneyIn, nonNegativeMoneyIn, strictObject } from './schemas.ts';
import { plural } from './words.ts';
import { defineTool } from './tool.ts';

const occurrence = z
  .int('occurrence must be a whole number')
  .min(1, 'occurrence must be 1 or more')
  .max(1000, 'occurrence must be 1,000 or less (the same line more than 1,000 times is not a real statement)')
  .optional()
  .describe('When CMS really shows the same line twice (same date, type, amount and wording): 1 for the first, 2 for the second');

// A schedule's status comes only with a parsed schedule (import_document), never typed from a letter.
const { id: _cid, source: _cs, status: _st, ...cmsShape } = cmsEntryInput.shape;
const { id: _eid, ...evidenceShape } = evidenceInput.shape;

// Typed lines are few (a letter's worth, not a statement's 20,000 rows), so unlike reconcile_ledger's rows their
// dates and amounts are checked by the schema too: every problem in every line comes back at once, one each.
// (Whether a CMS line may be negative depends on its type: the store decides and names it.)
export const typedCmsEntry = strictObject({ ...cmsShape, date: civilDate, amount: moneyIn, occurrence });
export const typedEvidence = strictObject({ ...evidenceShape, date: civilDate, amount: nonNegativeMoneyIn, occurrence });

const added = <T extends z.ZodType>(row: T) =>
  z.object({
    caseId: z.string(),
    new: z.int().describe('Lines added now'),
    alreadyThere: z.int().describe('Lines the case held already: none added'),
    rows: z.array(row).describe('Every line given, as kept'),
  });

const storedRow = z.record(z.string(), z.unknown());

export const addCmsEntriesInput = strictObject({
  caseId,
  entries: z.array(typedCmsEntry).min(1, 'give at least one entry').max(10_000, 'at most 10,000 entries at a time').meta({
    description: 'As reconcile_ledger’s cmsEntries (no id or source); occurrence 2 for a line CMS truly shows twice',
    items: undefined,
  }),
});

export const addCmsEntriesTool = defineTool({
  name: 'add_cms_entries',
  title: 'Add CMS entries typed in',
  description: 'Adds lines of CMS’s account typed from a letter or the online account to a case, each kept once.',
  inputSchema: addCmsEntriesInput,
  // Lean: the counts by name; the text says what was added.
  outputSchema: leanOutput(added(storedRow), ['caseId', 'new', 'alreadyThere']),
  annotations: { readOnlyHint: false, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const out = await (await storeOf(context)).addCmsEntries(input.caseId, input.entries);
    return mutable({ caseId: input.caseId, ...out, rows: out.rows.map((row) => ({ ...row })) });
  },
  summarize: (out) => `Added ${plural(out.new, 'CMS entry', 'CMS entries')} to case ${out.caseId}; ${out.alreadyThere} already there.`,
});

export const addEvidenceInput = strictObject({
  caseId,
  evidence: z
    .array(typedEvidence)
    .min(1, 'give at least one item')
    .max(10_000, 'at most 10,000 items at a time')
    .meta({ description: 'Each as reconcile_ledger’s evidence (without id), with occurrence 2 for a true repeat', items: undefined }),
});

export const addEvidenceTool = defineTool({
  name: 'add_evidence',
  title: 'Add payslip, benefit or payment evidence',
  description: 'Adds payslip deductions, benefit deductions and other payments the parent can show to a case, each kept once.',
  inputSchema: addEvidenceInput,
  // Lean: the counts by name; the text says what was added.
  outputSchema: leanOutput(added(storedRow), ['caseId', 'new', 'alreadyThere']),
  annotations: { readOnlyHint: false, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const out = await (await storeOf(context)).addEvidence(input.caseId, input.evidence);
    return mutable({ caseId: input.caseId, ...out, rows: out.rows.map((row) => ({ ...row })) });
  },
  summarize: (out) =>
    `Added ${plural(out.new, 'piece of evidence', 'pieces of evidence')} to case ${out.caseId}; ${out.alreadyThere} already there.`,
});
