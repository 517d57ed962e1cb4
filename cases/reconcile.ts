/**
 * Reconciling a stored case, and keeping the run. What CMS claims and its payment plan default to what the
 * case's latest CMS statement and payment schedule print (cases/claim.ts), so nobody types them in again. The
 * options a run used are kept with it, so a letter or a bundle drafted later quotes the same reconciliation.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import { InputError } from '../calc/errors.ts';
import { normaliseReference } from '../calc/ledger/entries.ts';
import { caseReferenceWords } from '../calc/reconcile/payments.ts';
import { Dec, pounds } from '../calc/money.ts';
import { readBooks } from '../calc/reconcile/read.ts';
import { reconcile, type ReconcileInput, type Reconciliation } from '../calc/reconcile/reconcile.ts';
import type { CmsClaimInput } from '../calc/reconcile/types.ts';
import { buildSchedule, type Schedule } from '../calc/schedule/build.ts';
import type { ScheduleInput } from '../calc/schedule/types.ts';
import {
  RUN_RESULT_MAX_CHARS,
  type CaseRecords,
  type CaseStore,
  type DocumentSummary,
  type ReconcileOptions,
  type ReconciliationRun,
} from '../store/types.ts';
import {
  anotherCaseOf,
  broughtForward,
  claimFromDocuments,
  planFromDocuments,
  statementsOfCase,
  statementWords,
  type BroughtForward,
  type ClaimFromDocument,
  type StatementHeld,
} from './claim.ts';
import { inputHashInTurns } from './hash.ts';
import { nextTurn } from './turns.ts';
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

/**
 * The options with CMS's claim, its payment plan and the day to reconcile to filled in from the case, and notes for
 * the answer on what could not be filled in. The day is the one given, else the claim's, else — with no figure of
 * CMS's — the last day of the latest CMS statement (CMS's record is known to that day, and no further: counted to
 * today, every payment after it would read as one CMS has no record of), else today. A claim given in part (its
 * basis alone, say) is completed from the statement's ({@link claimWith}).
 *
 * @throws {InputError} naming the field reconcile_case takes (`asOf`, `cmsClaim.…`) where the day given is not the
 * day of CMS's figure, or a claim given in part cannot be completed.
 */
export function optionsWithDefaults(
  records: CaseRecords,
  options: ReconcileOptions,
  today: CivilDate,
): { options: ReconcileOptions; defaults: ReconcileDefaults; notes: readonly string[] } {
  const read = claimWith(records, options.cmsClaim);
  const plan = options.paymentPlan === undefined ? planFromDocuments(records) : undefined;
  const cmsClaim = read.claim;
  const statements = read.from === undefined && options.cmsClaim !== undefined ? { withoutBalance: [] } : statementsOfCase(records);
  const lastStatementDay = cmsClaim === undefined ? statements.latest?.lastDay : undefined;
  if (options.asOf !== undefined && cmsClaim !== undefined && cmsClaim.date !== options.asOf) {
    throw new InputError('asOf', asOfWords(options.asOf, cmsClaim.date, read.from === undefined ? undefined : read.document));
  }
  const asOf = options.asOf ?? cmsClaim?.date ?? lastStatementDay ?? today;
  const claim = read.from === undefined ? undefined : { claim: cmsClaim!, documentId: read.from };
  const receivingParentId = keptReceivingParent(records, options);
  return {
    options: {
      ...options,
      ...(receivingParentId ? { receivingParentId } : {}),
      ...(cmsClaim ? { cmsClaim } : {}),
      ...(plan ? { paymentPlan: plan.plan } : {}),
      asOf,
    },
    defaults: { ...(claim ? { claimFrom: claim.documentId } : {}), ...(plan ? { planFrom: plan.documentId } : {}) },
    notes: [
      ...(receivingParentId
        ? [
            `Whose evidence this is: receiving parent "${receivingParentId}" of the decisions, as the case's latest reconciliation` +
              ' was run (give receivingParentId to change it).',
          ]
        : []),
      ...otherCaseNotes(records),
      ...defaultNotes(statements.withoutBalance, claim, options.asOf === undefined && cmsClaim === undefined ? asOf : undefined, {
        lastStatementDay,
        latest: statements.latest,
        today,
      }),
    ],
  };
}

/**
 * On a receiving parent's case whose decisions share the maintenance between several receiving parents, whose
 * evidence the case holds is the decisions' id of its own receiving parent (calc/reconcile/read.ts refuses without it).
 * The case's parties carry no such id, so it is the one the case's latest reconciliation was run with, when the caller
 * gives none: the parent whose evidence the case holds does not change between runs (journey probe F11: the model had
 * to resend it on every reconciliation). Undefined when one was given, or none was kept.
 */
function keptReceivingParent(records: CaseRecords, options: ReconcileOptions): string | undefined {
  if (records.case.side !== 'receiving' || options.receivingParentId !== undefined) return undefined;
  return runOptions(records.latestReconciliation)?.receivingParentId;
}

/**
 * calc's refusal for want of `receivingParentId`, saying which parties of the case are receiving parents: the id it
 * wants is the decisions' (e.g. "bea"), not a party id, and the case keeps it with the run for later reconciliations.
 */
function withReceivingParties(e: InputError, records: CaseRecords): InputError {
  const own = records.parties.filter((p) => p.role === 'receiving_parent');
  if (own.length === 0) return e;
  const words = own.map((p) => `${p.name} (party ${p.id})`).join(', ');
  return e.withProblems((problem) =>
    problem.field === 'receivingParentId'
      ? {
          field: problem.field,
          message:
            `${problem.message}. It is the id the decisions give the receiving parent (their calculation's receivingParents[].id),` +
            ` not a party id: the case's receiving ${own.length === 1 ? 'parent is' : 'parents are'} ${words}. Give it once:` +
            ' the case keeps it with the reconciliation, and later ones take it from there',
        }
      : problem,
  ) as InputError;
}

const FIGURES = ['balance', 'maintenance', 'collectionFees', 'enforcementCharges'] as const;

/**
 * CMS's claim: the one given, completed from the one the case's latest CMS statement prints where it leaves things
 * out, the fields given winning; `from` is the statement, where anything was read from it. Given its basis alone,
 * CMS's figure and its day are the statement's; given figures without a day, the day is the statement's. Before
 * (journey probe, story 1), `{ basis: 'net' }` replaced the statement's claim, and the model was asked for CMS's
 * date, then its balance, both printed on the statement the case holds.
 *
 * @throws {InputError} where a claim given in part cannot be completed: no statement gives a figure, or the statement's
 * figure is for another day than the one given.
 */
function claimWith(
  records: CaseRecords,
  given: Partial<CmsClaimInput> | undefined,
): { claim?: CmsClaimInput; from?: string; document?: DocumentSummary } {
  const read = claimFromDocuments(records);
  // The statement the claim was read from is one of the case's documents.
  const document = read && records.documents.find((d) => d.id === read.documentId)!;
  const fromStatement = read ? { from: read.documentId, document: document! } : {};
  if (given === undefined) return read ? { claim: read.claim, ...fromStatement } : {};
  const figures = FIGURES.some((k) => given[k] !== undefined && given[k] !== null);
  if (figures) {
    if (given.date !== undefined) return { claim: given as CmsClaimInput };
    if (!read) {
      throw new InputError(
        'cmsClaim.date',
        'give the day CMS’s figure is for (YYYY-MM-DD): no CMS statement the case holds gives a balance to take its day from',
      );
    }
    return { claim: { ...given, date: read.claim.date } as CmsClaimInput, ...fromStatement };
  }
  if (!read) {
    throw new InputError(
      given.date === undefined ? 'cmsClaim' : 'cmsClaim.balance',
      `give the balance CMS states (balance), or its parts (maintenance, collectionFees, enforcementCharges)${given.date === undefined ? ', and the day it is for (date)' : ''}: no CMS statement the case holds gives one to read it from`,
    );
  }
  if (given.date !== undefined && given.date !== read.claim.date) {
    throw new InputError(
      'cmsClaim.balance',
      `give the balance CMS states for ${given.date}: the CMS statement ${statementWords(document!)} gives CMS’s figure for ${read.claim.date} only (leave cmsClaim.date out to use that one)`,
    );
  }
  return { claim: { ...read.claim, ...given } as CmsClaimInput, ...fromStatement };
}

/** Why `asOf` is refused: CMS's figure is for another day, given (cmsClaim.date) or read from the statement. */
function asOfWords(asOf: CivilDate, claimDate: CivilDate, statement: DocumentSummary | undefined): string {
  return statement
    ? `is ${asOf}, but CMS’s figure, read from the CMS statement ${statementWords(statement)}, is for ${claimDate}: the balances are compared on one day, so leave asOf out (reconciled to ${claimDate}), or give as cmsClaim (date and balance) a figure CMS states for ${asOf}; its figure for ${claimDate} is not its figure on ${asOf}`
    : `is ${asOf} but cmsClaim.date is ${claimDate}; the balances are compared on one day, so leave asOf out (the claim’s date is used) or make them the same`;
}

/**
 * What the answer says of each CMS document that prints another case's reference (cases/claim.ts anotherCaseOf):
 * read as that case's, its lines that case's, and none of CMS's figures for this case taken from it.
 */
function otherCaseNotes(records: CaseRecords): string[] {
  const own = caseReferenceWords(normaliseReference(records.case.reference ?? ''));
  return records.documents.flatMap((d) => {
    const printed = anotherCaseOf(d, records.case.reference);
    if (printed === undefined) return [];
    const what = d.kind === 'cms_payment_schedule' ? 'payment schedule' : 'statement';
    return [
      `The CMS ${what} ${statementWords(d)} prints the case reference ${caseReferenceWords(printed)}, not this case’s (${own}): it was read as that case’s ${what}. Its lines are that case’s (a payment it records that the evidence shows paid for this case is one CMS recorded on the wrong case), and CMS’s figure, the balance it brings forward and its payment plan are not taken from it.`,
    ];
  });
}

/**
 * What the answer says of a balance CMS's earliest statement brings forward from inside the case's history (the
 * decisions start before its day), where it differs from what the decisions and the evidence make owed the day before:
 * the statement it was read from, which calc's line of the bridge cannot name, and how to find where the difference
 * arose. Before, the balance was left out of CMS's entries, and the reconciliation said "1 difference the entries do
 * not explain: £260.72" of a £635.57 balance brought forward (journey probe, story 4), and took every payment before it
 * as one CMS had no record of.
 */
function broughtForwardNotes(b: BroughtForward | undefined, result: Reconciliation): string[] {
  const line = result.bridge.lines.find((l) => l.kind === 'balance_brought_forward');
  const x = result.bridge.broughtForward;
  if (!b || !line || !x || x.date !== b.date || b.decisionsFrom >= b.date) return [];
  return [
    `The CMS statement ${statementWords(b.document)} brings forward a balance of ${pounds(new Dec(b.amount))} on ${b.date}: CMS's account before its first line, in one figure. The decisions start earlier (${b.decisionsFrom}), so it is compared with what they and the evidence make owed at the end of the day before (${pounds(x.owed)}): ${pounds(x.difference.abs())} ${x.difference.gt(0) ? 'more' : 'less'}, one line of the reconciliation statement. Nothing before ${b.date} is taken as CMS's error entry by entry. To see where the difference arose, import CMS's statements for the time before ${b.date}, or ask CMS for them.`,
  ];
}

/**
 * What the answer says of CMS's figure and the day when the case's statements did not give them: each CMS statement
 * that gives no balance, by name, and the day reconciled to and why, where none was given and CMS gave no figure.
 */
function defaultNotes(
  withoutBalance: readonly StatementHeld[],
  claim: ClaimFromDocument | undefined,
  defaultedTo: CivilDate | undefined,
  about: { lastStatementDay?: CivilDate; latest?: StatementHeld; today: CivilDate },
): string[] {
  const notes: string[] = [];
  for (const s of withoutBalance) {
    notes.push(
      `The CMS statement ${s.name}${s.lastDay && !s.name.startsWith('for ') ? ` (to ${s.lastDay})` : ''} gives no balance that Reckoner could read, so CMS's figure on it is not known and is not compared` +
        (claim ? ` (CMS's figure is taken from an earlier statement, of ${claim.claim.date})` : '') +
        `; give the balance it states as cmsClaim (its date and amount).`,
    );
  }
  if (defaultedTo === undefined) return notes;
  if (about.lastStatementDay !== undefined && defaultedTo === about.lastStatementDay && about.latest) {
    notes.push(
      `Reconciled to ${defaultedTo}, the last day of the latest CMS statement (${about.latest.name}): no date was given and CMS gave no balance, and CMS's record is known only to that day. Give asOf to reconcile to another day.`,
    );
  } else if (withoutBalance.length > 0) {
    notes.push(`Reconciled to ${defaultedTo} (today): no date was given, and no CMS statement gives a balance or a last day.`);
  }
  return notes;
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
  readonly options: ReconcileOptions;
  readonly defaults: ReconcileDefaults;
}

/** A reconciliation kept as a run: with the hash of its input (the same hash is the same reconciliation). */
export type HashedReconciliation = CaseReconciliation & { readonly hash: string };

type Prepared = Omit<CaseReconciliation, 'result'> & {
  readonly notes: readonly string[];
  readonly carried?: BroughtForward;
  readonly records: CaseRecords;
};

/** The case's records as calc's input, with the options filled in from the case. */
function prepared(records: CaseRecords, options: ReconcileOptions, today: CivilDate): Prepared {
  checkReconcilable(records);
  const filled = optionsWithDefaults(records, options, today);
  const carried = broughtForward(records);
  return { input: reconcileFromRecords(records, filled.options), ...filled, ...(carried ? { carried } : {}), records };
}

function reconciled({ notes: before, carried, records, ...p }: Prepared): CaseReconciliation {
  const result = aboutStoredDecisions(p.input.schedule, () => {
    try {
      return reconcile(p.input);
    } catch (e) {
      throw e instanceof InputError ? withReceivingParties(withClaimRead(e, p), records) : e;
    }
  });
  // What the case's documents could not fill in is said first, in the answer's own notes (they are the run's too).
  const notes = [...before, ...broughtForwardNotes(carried, result)];
  return { ...p, result: notes.length > 0 ? { ...result, warnings: [...notes, ...result.warnings] } : result };
}

/**
 * A refusal of CMS's figure that was read from the case's statement, saying the one thing to add. Calc asks whether a
 * receiving parent's figure is gross or net as though it had been typed in; read from the statement, the caller
 * has only that to say, and before (journey probe, story 1) the model sent `{ basis: 'net' }`, was then asked for the
 * date and the balance, and typed them in from the statement.
 */
function withClaimRead(e: InputError, p: Omit<Prepared, 'notes' | 'carried' | 'records'>): InputError {
  const claim = p.options.cmsClaim;
  if (p.defaults.claimFrom === undefined || claim === undefined) return e;
  return e.withProblems((problem) =>
    problem.field === 'cmsClaim.basis' && claim.basis === undefined
      ? {
          field: problem.field,
          message: `${problem.message}. CMS’s figure (${claimWords(claim)}) is read from the CMS statement the case holds: send only its basis, as cmsClaim { "date": "${claim.date}", "basis": "net" } (or "gross"), and its balance is read from the statement`,
        }
      : problem,
  ) as InputError;
}

/** CMS's figure and its day in words: "£0.00 on 2026-04-30", the total, or the parts as given. */
function claimWords(c: CmsClaimInput): string {
  const total = c.balance ?? c.maintenance;
  return total === undefined ? `on ${c.date}` : `${pounds(new Dec(total))} on ${c.date}`;
}

/** Runs the reconciliation of the case's records with these options (nothing kept). */
export function reconcileRecords(records: CaseRecords, options: ReconcileOptions, today: CivilDate): CaseReconciliation {
  return reconciled(prepared(records, options, today));
}

/** {@link reconcileRecords}, letting the event loop turn between reading the records and reconciling (cases/turns.ts). */
export async function reconcileRecordsInTurns(
  records: CaseRecords,
  options: ReconcileOptions,
  today: CivilDate,
): Promise<CaseReconciliation> {
  const p = prepared(records, options, today);
  await nextTurn();
  return reconciled(p);
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
export async function caseSchedule(records: CaseRecords, asOf: CivilDate): Promise<CaseSchedule> {
  checkReconcilable(records);
  const { cmsClaim: _claim, openingBalance, paymentPlan, ...kept } = runOptions(records.latestReconciliation) ?? {};
  const fromDocuments = paymentPlan === undefined ? planFromDocuments(records) : undefined;
  const plan = paymentPlan ?? fromDocuments?.plan;
  const input = reconcileFromRecords(records, {
    ...kept,
    // Carried over on a day after asOf, it is not yet part of what was due.
    ...(openingBalance && openingBalance.date <= asOf ? { openingBalance } : {}),
    ...(plan ? { paymentPlan: plan } : {}),
    asOf,
  });
  // Reading 100,000 bank lines and building the books are each a long step: the event loop turns between them.
  await nextTurn();
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
  serialize: (r: HashedReconciliation) => Record<string, unknown>,
): Promise<HashedReconciliation & { run: ReconciliationRun; saved: boolean }> {
  // Each long step takes its own turn of the event loop (cases/turns.ts).
  const records = await store.caseRecords(caseId);
  await nextTurn();
  const reconciliation = await reconcileRecordsInTurns(records, options, today);
  await nextTurn();
  const r = { ...reconciliation, hash: await inputHashInTurns(reconciliation.input) };
  const latest = records.latestReconciliation;
  if (latest && latest.inputsHash === r.hash) return { ...r, run: latest, saved: false };
  await nextTurn();
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
  const run = currentRun(records, today, notAfter);
  return run && reconcileRecords(records, run.options, run.day);
}

/** {@link currentReconciliation}, letting the event loop turn between its steps (cases/turns.ts). */
export async function currentReconciliationInTurns(
  records: CaseRecords,
  today: CivilDate,
  notAfter?: CivilDate,
): Promise<CaseReconciliation | undefined> {
  const run = currentRun(records, today, notAfter);
  return run && (await reconcileRecordsInTurns(records, run.options, run.day));
}

/** The options and the day the current reconciliation runs with; undefined with no decisions to reconcile. */
function currentRun(
  records: CaseRecords,
  today: CivilDate,
  notAfter?: CivilDate,
): { options: ReconcileOptions; day: CivilDate } | undefined {
  if (records.decisions.length === 0) return undefined;
  const options = runOptions(records.latestReconciliation) ?? {};
  if (notAfter === undefined || notAfter >= today) return { options, day: today };
  return { options: options.asOf !== undefined && options.asOf > notAfter ? { ...options, asOf: notAfter } : options, day: notAfter };
}
