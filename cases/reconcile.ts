/**
 * Reconciling a stored case, and keeping the run. What CMS claims and its payment plan default to what the
 * case's latest CMS statement and payment schedule print (cases/claim.ts), so nobody types them in again. The
 * options a run used are kept with it, so a letter or a bundle drafted later quotes the same reconciliation.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import { InputError } from '../calc/errors.ts';
import { readBooks } from '../calc/reconcile/read.ts';
import { reconcile, type ReconcileInput, type Reconciliation } from '../calc/reconcile/reconcile.ts';
import { buildSchedule, type Schedule } from '../calc/schedule/build.ts';
import type { ScheduleInput } from '../calc/schedule/types.ts';
import { RUN_RESULT_MAX_CHARS, type CaseRecords, type CaseStore, type ReconcileOptions, type ReconciliationRun } from '../store/types.ts';
import { claimFromDocuments, planFromDocuments } from './claim.ts';
import { inputHash } from './hash.ts';
import { keptRun } from './kept-run.ts';
import { reconcileFromRecords } from './inputs.ts';
import { aboutStoredDecisions } from './stored-decisions.ts';

/** Where each default came from, for the answer to say ("CMS's claim read from the statement of …"). */
export interface ReconcileDefaults {
  /** The document CMS's claim was read from, when it was not given. */
  readonly claimFrom?: string;
  /** The document the payment plan was read from, when it was not given. */
  readonly planFrom?: string;
}

/** The options with CMS's claim, its payment plan and the day to reconcile to filled in from the case. */
export function optionsWithDefaults(
  records: CaseRecords,
  options: ReconcileOptions,
  today: CivilDate,
): { options: ReconcileOptions; defaults: ReconcileDefaults } {
  const claim = options.cmsClaim === undefined ? claimFromDocuments(records.documents) : undefined;
  const plan = options.paymentPlan === undefined ? planFromDocuments(records.documents) : undefined;
  const cmsClaim = options.cmsClaim ?? claim?.claim;
  return {
    options: {
      ...options,
      ...(cmsClaim ? { cmsClaim } : {}),
      ...(plan ? { paymentPlan: plan.plan } : {}),
      asOf: options.asOf ?? cmsClaim?.date ?? today,
    },
    defaults: { ...(claim ? { claimFrom: claim.documentId } : {}), ...(plan ? { planFrom: plan.documentId } : {}) },
  };
}

/** Refuses a case with nothing to reconcile, saying what to add. */
function checkReconcilable(records: CaseRecords): void {
  if (records.decisions.length === 0) {
    throw new InputError(
      'caseId',
      'the case has no CMS decisions yet; add them with add_decision, each with its effective date and weekly amount',
    );
  }
}

export interface CaseReconciliation {
  readonly input: ReconcileInput;
  readonly result: Reconciliation;
  /** The hash of the input: the same hash is the same reconciliation. */
  readonly hash: string;
  readonly options: ReconcileOptions;
  readonly defaults: ReconcileDefaults;
}

/** Runs the reconciliation of the case's records with these options (nothing kept). */
export function reconcileRecords(records: CaseRecords, options: ReconcileOptions, today: CivilDate): CaseReconciliation {
  checkReconcilable(records);
  const filled = optionsWithDefaults(records, options, today);
  const input = reconcileFromRecords(records, filled.options);
  const result = aboutStoredDecisions(input.schedule, () => reconcile(input));
  return { input, result, hash: inputHash(input), ...filled };
}

/** A stored case's schedule, as its reconciliation reads it. */
export interface CaseSchedule {
  readonly input: ScheduleInput;
  readonly schedule: Schedule;
  /** What the reading says about the payment plan (a catch-up deferred after CMS's schedule, or left over by it). */
  readonly warnings: readonly string[];
  /** The document CMS's payment plan was read from, when the latest run gave none. */
  readonly planFrom?: string;
}

/**
 * The schedule of a stored case to `asOf` as reconcile_case reads it, so the two tell one story: CMS's payment plan
 * as the latest run was given it, else as the latest payment schedule imported prints it; the arrears carried over
 * and written off as that run had them; and, with no plan, a catch-up deferred after a CMS schedule whose lines
 * collect none of it (calc/reconcile/cms-plan.ts). CMS's claim is left out: it is compared on its own date.
 */
export function caseSchedule(records: CaseRecords, asOf: CivilDate): CaseSchedule {
  checkReconcilable(records);
  const { cmsClaim: _claim, openingBalance, paymentPlan, ...kept } = runOptions(records.latestReconciliation) ?? {};
  const fromDocuments = paymentPlan === undefined ? planFromDocuments(records.documents) : undefined;
  const plan = paymentPlan ?? fromDocuments?.plan;
  const input = reconcileFromRecords(records, {
    ...kept,
    // Carried over on a day after asOf, it is not yet part of what was due.
    ...(openingBalance && openingBalance.date <= asOf ? { openingBalance } : {}),
    ...(plan ? { paymentPlan: plan } : {}),
    asOf,
  });
  const books = aboutStoredDecisions(input.schedule, () => {
    try {
      return readBooks(input);
    } catch (e) {
      // Several receiving parents and no run yet that says whose evidence the case holds: the schedule is everyone's.
      if (e instanceof InputError && e.field === 'receivingParentId')
        return { schedule: buildSchedule(input.schedule as ScheduleInput), planWarnings: [] };
      throw e;
    }
  });
  return {
    input: { ...input.schedule, asOf },
    schedule: books.schedule,
    warnings: books.planWarnings,
    ...(fromDocuments ? { planFrom: fromDocuments.documentId } : {}),
  };
}

/** The options kept with a run (older runs kept none). */
export function runOptions(run: ReconciliationRun | undefined): ReconcileOptions | undefined {
  const options = run?.result['options'];
  return options !== null && typeof options === 'object' ? (options as ReconcileOptions) : undefined;
}

/**
 * Reconciles the case and keeps the run, unless the latest run had the same input (then it is reused).
 * `serialize` turns the result into what is kept (the tools' JSON); the options used are kept beside it.
 */
export async function reconcileCase(
  store: CaseStore,
  caseId: string,
  options: ReconcileOptions,
  today: CivilDate,
  serialize: (r: CaseReconciliation) => Record<string, unknown>,
): Promise<CaseReconciliation & { run: ReconciliationRun; saved: boolean }> {
  const records = await store.caseRecords(caseId);
  const r = reconcileRecords(records, options, today);
  const latest = records.latestReconciliation;
  if (latest && latest.inputsHash === r.hash) return { ...r, run: latest, saved: false };
  // A run too large to keep whole is kept in part, saying what it leaves out (cases/kept-run.ts).
  const result = keptRun({ ...serialize(r), options: r.options }, RUN_RESULT_MAX_CHARS);
  const run = await store.saveReconciliation(caseId, { inputsHash: r.hash, result });
  return { ...r, run, saved: true };
}

/**
 * The reconciliation a letter or a bundle quotes: the latest run's, with the options it was run with, on the
 * case as it is now (so a row added since is in it); with no run yet, the defaults. Undefined when the case has
 * no decisions to reconcile. `notAfter` (a letter's date) caps the day it runs to: a letter cannot state a balance
 * on a day after its own, and counted to today, every instalment after the evidence ends would read as unpaid.
 */
export function currentReconciliation(records: CaseRecords, today: CivilDate, notAfter?: CivilDate): CaseReconciliation | undefined {
  if (records.decisions.length === 0) return undefined;
  const options = runOptions(records.latestReconciliation) ?? {};
  if (notAfter === undefined || notAfter >= today) return reconcileRecords(records, options, today);
  return reconcileRecords(
    records,
    options.asOf !== undefined && options.asOf > notAfter ? { ...options, asOf: notAfter } : options,
    notAfter,
  );
}
