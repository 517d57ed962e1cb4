/**
 * `reconcile_case`: the reconciliation of a stored case — its decisions, the CMS entries and the bank
 * transactions it holds — and the run kept with the case (its input hash and result).
 * @module
 */
import * as z from 'zod';
import type { Reconciliation } from '../calc/reconcile/reconcile.ts';
import { nextTurn, reconcileCase } from '../cases/index.ts';
import type { KeptInPart } from '../cases/kept-run.ts';
import type { CaseStore, ReconcileOptions, ReconciliationRun } from '../store/types.ts';
import { caseId, storeOf } from './case-common.ts';
import { pageInput } from './paging.ts';
import {
  cmsClaimInput,
  findingToJson,
  periodToJson,
  reconcileLedgerInput,
  reconcileLedgerOutput,
  summarizeReconciliation,
  toJson,
  type ReconcileLedgerOutput,
} from './reconcile-ledger.ts';
import { civilDate, leanOutput, sameAs, strictObject } from './schemas.ts';
import { defineTool, type ToolContext } from './tool.ts';
import { plural } from './words.ts';
import { checkCancelled, stage } from './progress.ts';

const shape = reconcileLedgerInput.shape;
const sched = reconcileLedgerInput.shape.schedule.shape;

export const reconcileCaseInput = strictObject({
  caseId,
  asOf: civilDate.optional().describe('Default the claim’s date, else today'),
  from: civilDate.optional().describe('Only rows dated from this day'),
  receivingParentId: shape.receivingParentId,
  bankFilter: sameAs(shape.bankFilter, 'As reconcile_ledger takes it'),
  // Each field optional: what is left out (its date, its balance, all of it) is the latest CMS statement's
  // (cases/reconcile.ts claimWith), which says which field to give where the case has no statement to read it from.
  cmsClaim: sameAs(
    cmsClaimInput.partial().optional(),
    'CMS’s figure as reconcile_ledger takes it; any field left out is the latest CMS statement’s',
  ),
  evidence: sameAs(shape.evidence, 'Evidence for this run only, as reconcile_ledger takes it'),
  paymentPlan: sameAs(
    reconcileLedgerInput.shape.schedule.shape.paymentPlan,
    'As build_liability_schedule takes it; default the latest CMS payment schedule’s',
  ),
  openingBalance: sameAs(sched.openingBalance, 'As build_liability_schedule'),
  writeOffs: sameAs(sched.writeOffs, 'As build_liability_schedule'),
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
      keptInPart: z
        .object({
          citationsById: z.literal(true),
          findingsLeftOut: z.int(),
          periodsLeftOut: z.int(),
          note: z.string(),
        })
        .optional()
        .describe('Present when the run was too large to keep whole: what the kept run leaves out (this answer has it all)'),
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
  stage(context, 1, 3, 'Reading the case: decisions, CMS entries, bank transactions, evidence');
  const r = await reconcileCase(store, id, options as ReconcileOptions, context.today, (x) => {
    // Called once the reconciliation is done and before the run is kept: the last moment to stop.
    stage(context, 2, 3, `Reconciled: ${plural(x.result.findings.length, 'finding')}; keeping the run with the case`);
    checkCancelled(context);
    return storedResult(toJson(x.result, x.hash, undefined), x.result);
  });
  stage(context, 3, 3, 'Done');
  await nextTurn();
  const out = toJson(r.result, r.hash, page);
  return {
    caseId: id,
    ...out,
    ...(r.defaults.claimFrom || r.defaults.planFrom ? { readFromDocuments: { ...r.defaults } } : {}),
    run: { id: r.run.id, inputsHash: r.hash, createdAt: r.run.createdAt, saved: r.saved, ...keptInPartOf(r.run) },
  };
}

/** What the kept run says it left out (cases/kept-run.ts), when it was too large to keep whole. */
function keptInPartOf(run: ReconciliationRun): { keptInPart?: KeptInPart } {
  const kept = run.result['keptInPart'];
  return kept !== null && typeof kept === 'object' ? { keptInPart: kept as KeptInPart } : {};
}

export const reconcileCaseTool = defineTool({
  name: 'reconcile_case',
  title: 'Reconcile a case',
  description: 'Reconciles a case from what it holds (as reconcile_ledger) and keeps the run for letters and bundles.',
  inputSchema: reconcileCaseInput,
  // Lean: as reconcile_ledger, with the run kept.
  outputSchema: leanOutput(reconcileCaseOutput, ['balance', 'bridge', 'findings', 'run', 'trace']),
  annotations: { readOnlyHint: false, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => reconcileStoredCase(await storeOf(context), input, context),
  summarize: (out) =>
    `${summarizeReconciliation(out, `page through them with page.cursor, or read reckoner://cases/${out.caseId}/reconciliation`)}\n${out.run.saved ? 'Kept with the case' : 'The same as the run already kept with the case'} (run ${out.run.id}).` +
    (out.run.keptInPart ? ` ${out.run.keptInPart.note}` : ''),
});
