/**
 * `reconcile_case`: the reconciliation of a stored case — its decisions, the CMS entries and the bank
 * transactions it holds — and the run kept with the case (its input hash and result).
 * @module
 */
import * as z from 'zod';
import type { Reconciliation } from '../calc/reconcile/reconcile.ts';
import { reconcileCase } from '../cases/index.ts';
import type { CaseStore, ReconcileOptions } from '../store/types.ts';
import { caseId, storeOf } from './case-common.ts';
import { pageInput } from './paging.ts';
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
    .describe('Reconcile up to and including this day; defaults to the claim’s date, or to today when there is no claim'),
  from: civilDate.optional().describe('Only bank transactions and CMS entries dated from this day (default: all the case holds)'),
  receivingParentId: shape.receivingParentId,
  bankFilter: shape.bankFilter,
  cmsClaim: shape.cmsClaim.describe('CMS’s figure to bridge from; defaults to the balance the latest imported CMS statement prints'),
  evidence: shape.evidence.describe('Evidence for this run only, besides what add_evidence kept with the case'),
  paymentPlan: shape.schedule.shape.paymentPlan.describe('CMS’s payment plan; defaults to the latest imported CMS payment schedule’s'),
  windowDays: shape.windowDays,
  maxDateDifferenceDays: shape.maxDateDifferenceDays,
  page: pageInput,
});

export type ReconcileCaseInput = z.infer<typeof reconcileCaseInput>;

export const reconcileCaseOutput = reconcileLedgerOutput.extend({
  caseId: z.string(),
  readFromDocuments: z
    .object({
      claimFrom: z.string().optional().describe('The CMS statement CMS’s claim was read from (its document id)'),
      planFrom: z.string().optional().describe('The CMS payment schedule the payment plan was read from'),
    })
    .optional()
    .describe('What was not given and was read from the case’s documents'),
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

/**
 * Reconciles the case through the case service (CMS's claim and payment plan default to what its latest CMS
 * statement and payment schedule print) and keeps the run unless the latest had the same inputs.
 */
export async function reconcileStoredCase(store: CaseStore, input: ReconcileCaseInput, context: ToolContext): Promise<ReconcileCaseOutput> {
  const { caseId: id, page, ...options } = input;
  const r = await reconcileCase(store, id, options as ReconcileOptions, context.today, (x) =>
    storedResult(toJson(x.result, x.hash, undefined), x.result),
  );
  const out = toJson(r.result, r.hash, page);
  return {
    caseId: id,
    ...out,
    ...(r.defaults.claimFrom || r.defaults.planFrom ? { readFromDocuments: { ...r.defaults } } : {}),
    run: { id: r.run.id, inputsHash: r.hash, createdAt: r.run.createdAt, saved: r.saved },
  };
}

export const reconcileCaseTool = defineTool({
  name: 'reconcile_case',
  title: 'Reconcile a case',
  description:
    'Reconciles a stored case from what it holds: what was due under its CMS decisions, its CMS entries (imported or typed), ' +
    'bank transactions and evidence; CMS’s claim and payment plan are read from its latest CMS statement and schedule unless ' +
    'given. Finds every entry CMS got wrong, with its effect, and the bridge from CMS’s figure to the true one. Keeps the run: ' +
    'letters and bundles quote it. Use these figures; do not compute your own.',
  inputSchema: reconcileCaseInput,
  outputSchema: reconcileCaseOutput,
  annotations: { readOnlyHint: false, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => reconcileStoredCase(await storeOf(context), input, context),
  summarize: (out) =>
    `${reconcileLedgerTool.summarize(out)}\n${out.run.saved ? 'Kept with the case' : 'The same as the run already kept with the case'} (run ${out.run.id}).`,
});
