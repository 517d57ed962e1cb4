/**
 * `reconcile_case`: the reconciliation of a stored case — its decisions, the CMS entries and the bank
 * transactions it holds — and the run kept with the case (its input hash and result).
 * @module
 */
import * as z from 'zod';
import { reconcile, type ReconcileInput, type Reconciliation } from '../calc/reconcile/reconcile.ts';
import type { CaseStore, ReconcileOptions } from '../store/types.ts';
import { caseId, storeOf } from './case-common.ts';
import { aboutStoredDecisions } from './case-schedule.ts';
import { inputHash, pageInput } from './paging.ts';
import {
  findingToJson,
  periodToJson,
  reconcileLedgerInput,
  reconcileLedgerOutput,
  reconcileLedgerTool,
  toJson,
  type ReconcileLedgerOutput,
} from './reconcile-ledger.ts';
import { civilDate, strictObject } from './schemas.ts';
import { defineTool, type ToolContext } from './tool.ts';

const shape = reconcileLedgerInput.shape;

export const reconcileCaseInput = strictObject({
  caseId,
  asOf: civilDate
    .optional()
    .describe('Reconcile up to and including this day; defaults to cmsClaim.date, or to today when there is no claim'),
  from: civilDate.optional().describe('Only bank transactions and CMS entries dated from this day (default: all the case holds)'),
  receivingParentId: shape.receivingParentId,
  bankFilter: shape.bankFilter,
  cmsClaim: shape.cmsClaim,
  evidence: shape.evidence,
  paymentPlan: shape.schedule.shape.paymentPlan,
  windowDays: shape.windowDays,
  maxDateDifferenceDays: shape.maxDateDifferenceDays,
  page: pageInput,
});

export type ReconcileCaseInput = z.infer<typeof reconcileCaseInput>;

export const reconcileCaseOutput = reconcileLedgerOutput.extend({
  caseId: z.string(),
  run: z
    .object({
      id: z.string(),
      inputsHash: z.string().describe('The same hash means the same decisions, entries, transactions and options, so the same result'),
      createdAt: z.string(),
      saved: z.boolean().describe('False when the latest run kept with the case had the same inputs (it is reused)'),
    })
    .describe('The run kept with the case (reckoner://cases/{id}/reconciliation shows the latest)'),
});

export type ReconcileCaseOutput = z.infer<typeof reconcileCaseOutput>;

/** What is kept with the case: the summary, the bridge and every finding and period row (matches and set-asides are counted). */
export function storedResult(out: ReconcileLedgerOutput, r: Reconciliation): Record<string, unknown> {
  const { page: _page, findings: _f, periods: _p, matches: _m, ignored: _i, ...summary } = out;
  return { ...summary, findings: r.findings.map(findingToJson), periods: r.periods.map(periodToJson) };
}

/** Assembles the reconciliation input from the case, runs it, and keeps the run unless the latest had the same inputs. */
export async function reconcileStoredCase(store: CaseStore, input: ReconcileCaseInput, context: ToolContext): Promise<ReconcileCaseOutput> {
  const { caseId: id, page, asOf, ...rest } = input;
  const options: ReconcileOptions = {
    ...rest,
    ...(asOf !== undefined ? { asOf } : input.cmsClaim === undefined ? { asOf: context.today } : {}),
  };
  const reconcileInput: ReconcileInput = await store.reconcileInput(id, options);
  const r = aboutStoredDecisions(reconcileInput.schedule, () => reconcile(reconcileInput));
  const hash = inputHash(reconcileInput as unknown as Record<string, unknown>);
  const out = toJson(r, hash, page);
  const latest = await store.latestReconciliation(id);
  let run: ReconcileCaseOutput['run'];
  if (latest && latest.inputsHash === hash) run = { id: latest.id, inputsHash: hash, createdAt: latest.createdAt, saved: false };
  else {
    const saved = await store.saveReconciliation(id, { inputsHash: hash, result: storedResult(out, r) });
    run = { id: saved.id, inputsHash: hash, createdAt: saved.createdAt, saved: true };
  }
  return { caseId: id, ...out, run };
}

export const reconcileCaseTool = defineTool({
  name: 'reconcile_case',
  title: 'Reconcile a case',
  description:
    'Reconciles a stored case as reconcile_ledger does, from what the case holds: the schedule of what was due from its CMS ' +
    'decisions, and the CMS entries and bank transactions imported with import_document (give payslip or benefit deductions as ' +
    'evidence, and CMS’s payment plan if you have it). Finds every entry CMS got wrong, with its effect, and gives the bridge from ' +
    'CMS’s figure (cmsClaim) to the true one. Keeps the run with the case. The summary is always complete; the detail comes a ' +
    'page at a time. Use these figures; do not compute your own.',
  inputSchema: reconcileCaseInput,
  outputSchema: reconcileCaseOutput,
  annotations: { readOnlyHint: false, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => reconcileStoredCase(await storeOf(context), input, context),
  summarize: (out) =>
    `${reconcileLedgerTool.summarize(out)}\n${out.run.saved ? 'Kept with the case' : 'The same as the run already kept with the case'} (run ${out.run.id}).`,
});
