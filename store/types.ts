/**
 * The case store's public face: what tools and the server use. Types and constants only, so importing it
 * loads no database code (the calculator must not wait for the database).
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import type { CmsEntryType, Direction } from '../calc/ledger/entries.ts';
import type { EnforcementAction } from '../calc/scheme-2012/parameters.ts';
import type { ReconcileInput, Side } from '../calc/reconcile/reconcile.ts';
import type { PaymentFrequency, ScheduleInput } from '../calc/schedule/build.ts';
import type { CollectionService } from '../calc/scheme-2012/calculate.ts';
import type { ParseResult } from '../statements/types.ts';

export const SCHEMES = ['2012', '2003', '1993'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const PARTY_ROLES = ['paying_parent', 'receiving_parent', 'representative', 'other'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const EVENT_TYPES = [
  'letter_sent',
  'letter_received',
  'call',
  'decision',
  'mandatory_reconsideration',
  'appeal',
  'complaint',
  'payment',
  'enforcement',
  'note',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Which database: embedded PGlite in a directory, or a PostgreSQL server. */
export type Driver = 'pglite' | 'postgres';

export interface PartyInput {
  readonly role: PartyRole;
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address?: string;
  /** CMS keeps this person's address from the other party: Reckoner never shows it (only export_case carries it). */
  readonly addressWithheld?: boolean;
}

export interface ChildInput {
  readonly name: string;
  readonly dateOfBirth?: CivilDate;
}

/** A CMS decision as stored: the fields of calc's `DecisionInput`, named by `label`. */
export interface DecisionRecordInput {
  /** The decision's name in schedules, e.g. "annual review 2024"; defaults to decision_1, decision_2 … */
  readonly label?: string;
  readonly effectiveDate: CivilDate;
  readonly letterDate?: CivilDate;
  readonly weeklyAmount?: string | number;
  /** The circumstances as for calculate_maintenance (its date defaults to the effective date). */
  readonly calculation?: Record<string, unknown>;
  readonly service?: CollectionService;
  readonly receivingParentId?: string;
}

export interface NewCase {
  readonly title: string;
  readonly side: Side;
  /** The 12-digit CMS case reference; spaces are ignored. */
  readonly reference?: string;
  readonly scheme?: Scheme;
  readonly service?: CollectionService;
  readonly frequency?: PaymentFrequency;
  readonly firstDueDate?: CivilDate;
  readonly endDate?: CivilDate;
  readonly parties?: readonly PartyInput[];
  readonly children?: readonly ChildInput[];
  readonly decisions?: readonly DecisionRecordInput[];
}

export interface Party {
  readonly id: string;
  readonly role: PartyRole;
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  /** Absent when withheld (see `addressWithheld`) or not given. */
  readonly address?: string;
  readonly addressWithheld: boolean;
}

export interface Child {
  readonly id: string;
  readonly name: string;
  readonly dateOfBirth?: CivilDate;
}

export interface DecisionRecord {
  readonly id: string;
  readonly label: string;
  readonly effectiveDate: CivilDate;
  readonly letterDate?: CivilDate;
  /** Two decimals. */
  readonly weeklyAmount?: string;
  readonly calculation?: Record<string, unknown>;
  readonly service?: CollectionService;
  readonly receivingParentId?: string;
}

export interface DocumentSummary {
  readonly id: string;
  readonly sha256: string;
  readonly kind: string;
  readonly format: string;
  readonly filename?: string;
  readonly size: number;
  readonly importedAt: string;
  readonly originalKept: boolean;
  /** What the parser said: metadata, checks, warnings, confidence and row counts. */
  readonly parsed: StoredParse;
}

/** The parse result as stored with its document: everything but the rows, which have their own tables. */
export interface StoredParse {
  readonly kind: string;
  readonly format: string;
  readonly metadata: Record<string, unknown>;
  readonly checks: Record<string, unknown>;
  readonly warnings: readonly string[];
  readonly confidence: number;
  readonly rows: { readonly transactions: number; readonly cmsEntries: number };
}

export interface Deadline {
  /** What falls due, e.g. "mandatory reconsideration". */
  readonly name: string;
  readonly date: CivilDate;
  /** The rule that sets it, e.g. "SI 2012/2677 reg 14". */
  readonly source?: string;
}

export interface EventInput {
  readonly type: EventType;
  readonly date: CivilDate;
  readonly summary?: string;
  readonly details?: Record<string, unknown>;
  readonly deadlines?: readonly Deadline[];
}

export interface EventRecord extends EventInput {
  readonly id: string;
  readonly deadlines: readonly Deadline[];
  readonly createdAt: string;
}

export interface CaseCounts {
  readonly parties: number;
  readonly children: number;
  readonly decisions: number;
  readonly documents: number;
  readonly transactions: number;
  readonly cmsEntries: number;
  readonly events: number;
  readonly letters: number;
  readonly reconciliationRuns: number;
}

export interface CaseSummary {
  readonly id: string;
  readonly reference?: string;
  readonly title: string;
  readonly scheme: Scheme;
  readonly service: CollectionService;
  readonly side: Side;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CaseDetail extends CaseSummary {
  readonly frequency?: PaymentFrequency;
  readonly firstDueDate?: CivilDate;
  readonly endDate?: CivilDate;
  readonly parties: readonly Party[];
  readonly children: readonly Child[];
  readonly decisions: readonly DecisionRecord[];
  readonly documents: readonly DocumentSummary[];
  readonly events: readonly EventRecord[];
  readonly counts: CaseCounts;
  /** The date range of the stored bank transactions and CMS entries, if any. */
  readonly ranges: {
    readonly transactions?: { readonly from: CivilDate; readonly to: CivilDate };
    readonly cmsEntries?: { readonly from: CivilDate; readonly to: CivilDate };
  };
  readonly latestReconciliation?: { readonly id: string; readonly inputsHash: string; readonly createdAt: string };
}

/** What is known about a document besides what the parser made of it. */
export interface DocumentInfo {
  /** SHA-256 of the original bytes, 64 hex digits: the same file is one document in a case. */
  readonly sha256: string;
  /** Bytes. */
  readonly size: number;
  readonly filename?: string;
  /** The original bytes, to keep with the document (only when the user asks to keep them). */
  readonly original?: Uint8Array;
}

export interface RowCounts {
  /** Rows this import added. */
  readonly new: number;
  /** Rows already in the case (the same fingerprint), left as they were. */
  readonly alreadyThere: number;
}

export interface ImportResult {
  readonly caseId: string;
  readonly documentId: string;
  /** The same file (by SHA-256) had been imported into this case before. */
  readonly documentAlreadyImported: boolean;
  /** Bank transactions and CMS entries together. */
  readonly new: number;
  readonly alreadyThere: number;
  readonly transactions: RowCounts;
  readonly cmsEntries: RowCounts;
}

export interface ImportOptions {
  /** Called after each batch of rows is written, inside the import's transaction (progress reporting). */
  readonly onProgress?: (rowsWritten: number, rowsTotal: number) => void;
}

export interface ReconciliationRun {
  readonly id: string;
  readonly caseId: string;
  readonly inputsHash: string;
  readonly result: Record<string, unknown>;
  readonly createdAt: string;
}

export interface LetterRecord {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly content: Record<string, unknown>;
  readonly createdAt: string;
}

/** What {@link CaseStore.deleteCase} did. */
export interface DeleteResult {
  /** True if the case was there and is now gone. */
  readonly deleted: boolean;
  /** When it was deleted: what the deletion guarantees on this store (it depends on the driver and the key). */
  readonly erasure?: string;
}

export interface AuditEntry {
  readonly id: number;
  readonly caseId?: string;
  readonly action: string;
  readonly at: string;
  readonly actor: string;
}

/** Options for assembling a reconciliation from what the case holds; all optional. */
export interface ReconcileOptions {
  readonly asOf?: CivilDate;
  readonly cmsClaim?: ReconcileInput['cmsClaim'];
  readonly bankFilter?: ReconcileInput['bankFilter'];
  readonly windowDays?: number;
  readonly maxDateDifferenceDays?: number;
  readonly receivingParentId?: string;
  /** Only bank transactions and CMS entries dated from this day. */
  readonly from?: CivilDate;
  /** Payslip and benefit deductions and other payments, given with the request (not kept with the case). */
  readonly evidence?: ReconcileInput['evidence'];
  /** How initial and backdated amounts are collected (see build_liability_schedule). */
  readonly paymentPlan?: ReconcileInput['schedule']['paymentPlan'];
}

/** A stored bank transaction, in the shape reconcile takes (amounts two decimals). */
export interface StoredTransaction {
  readonly id: string;
  readonly documentId?: string;
  readonly fingerprint: string;
  readonly date: CivilDate;
  readonly amount: string;
  readonly direction: Direction;
  readonly description: string;
  readonly balance?: string;
  readonly reference?: string;
}

export interface StoredCmsEntry {
  readonly id: string;
  readonly documentId?: string;
  readonly fingerprint: string;
  readonly date: CivilDate;
  readonly type: CmsEntryType;
  readonly amount: string;
  readonly description: string;
  readonly reference?: string;
  /** An enforcement charge: the action it is for. */
  readonly chargeType?: EnforcementAction;
}

export const EXPORT_FORMAT = 'reckoner-case-export';
export const EXPORT_VERSION = 1;

/** One case, everything about it, as one JSON document (see store/export.ts for its schema). */
export interface CaseExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly exportedAt: string;
  readonly case: {
    readonly id: string;
    readonly reference?: string;
    readonly title: string;
    readonly scheme: Scheme;
    readonly service: CollectionService;
    readonly side: Side;
    readonly frequency?: PaymentFrequency;
    readonly firstDueDate?: CivilDate;
    readonly endDate?: CivilDate;
    readonly createdAt: string;
    readonly updatedAt: string;
  };
  /** Addresses included, withheld or not: this is the parent's own copy. */
  readonly parties: readonly (Omit<Party, 'address'> & { readonly address?: string; readonly createdAt: string })[];
  readonly children: readonly (Child & { readonly createdAt: string })[];
  readonly decisions: readonly (DecisionRecord & { readonly createdAt: string })[];
  readonly documents: readonly {
    readonly id: string;
    readonly sha256: string;
    readonly kind: string;
    readonly format: string;
    readonly filename?: string;
    readonly size: number;
    readonly parsed: StoredParse;
    /** The original file, base64, when it was kept. */
    readonly originalBase64?: string;
    readonly importedAt: string;
  }[];
  readonly transactions: readonly StoredTransaction[];
  readonly cmsEntries: readonly StoredCmsEntry[];
  readonly reconciliationRuns: readonly Omit<ReconciliationRun, 'caseId'>[];
  readonly letters: readonly LetterRecord[];
  readonly events: readonly EventRecord[];
}

/**
 * Who is acting, and for which organisation. Every case belongs to one organisation; only its principals can list,
 * read, change, export or delete it, and the database enforces that (row-level security), not only this code.
 */
export interface Principal {
  /** Named in the audit log for every change (never the token). */
  readonly id: string;
  readonly organisation: string;
}

/** Local use — stdio, or a loopback server without tokens — is one implicit organisation with one principal. */
export const LOCAL_PRINCIPAL: Principal = { id: 'local', organisation: 'local' };

export interface CaseStore {
  readonly driver: Driver;
  /** Whose store this is: every method acts for this principal, in its organisation. */
  readonly principal: Principal;
  /** The same store acting for another principal (sharing the connection). */
  as(principal: Principal): CaseStore;
  /** Where the data is: the PGlite directory, or the PostgreSQL host and database (never the password). */
  readonly location: string;

  createCase(input: NewCase): Promise<CaseDetail>;
  /** @throws {StoreError} `not_found` */
  getCase(caseId: string): Promise<CaseDetail>;
  listCases(options?: { readonly limit?: number; readonly offset?: number }): Promise<{
    readonly cases: readonly (CaseSummary & { readonly counts: Pick<CaseCounts, 'documents' | 'transactions' | 'cmsEntries'> })[];
    readonly total: number;
  }>;
  addDecision(caseId: string, decision: DecisionRecordInput): Promise<DecisionRecord>;
  recordEvent(caseId: string, event: EventInput): Promise<EventRecord>;
  /**
   * Stores a parsed document and its rows in one transaction: the document once per file (by SHA-256), each row
   * once per case (by fingerprint). Importing the same statement again adds nothing.
   */
  importParsed(caseId: string, document: DocumentInfo, parsed: ParseResult, options?: ImportOptions): Promise<ImportResult>;
  transactions(caseId: string, options?: { readonly from?: CivilDate; readonly to?: CivilDate }): Promise<readonly StoredTransaction[]>;
  cmsEntries(caseId: string, options?: { readonly from?: CivilDate; readonly to?: CivilDate }): Promise<readonly StoredCmsEntry[]>;
  saveReconciliation(
    caseId: string,
    run: { readonly inputsHash: string; readonly result: Record<string, unknown> },
  ): Promise<ReconciliationRun>;
  latestReconciliation(caseId: string): Promise<ReconciliationRun | undefined>;
  saveLetter(caseId: string, letter: { readonly type: string; readonly content: Record<string, unknown> }): Promise<LetterRecord>;
  /** The schedule input from the case's decisions and settings. */
  scheduleInput(caseId: string, options: { readonly asOf: CivilDate }): Promise<ScheduleInput>;
  /** The reconcile input from the case's decisions, CMS entries and bank transactions. */
  reconcileInput(caseId: string, options?: ReconcileOptions): Promise<ReconcileInput>;
  exportCase(caseId: string): Promise<CaseExport>;
  /**
   * Puts an exported case back. The case keeps its id (and every row its id) unless `asNew`, which gives it and
   * everything in it new ids. @throws {StoreError} `conflict` when the case is already there and not `asNew`.
   */
  importCaseExport(document: unknown, options?: { readonly asNew?: boolean }): Promise<CaseDetail>;
  /** Deletes the case and everything in it; the audit log keeps only "case deleted". */
  deleteCase(caseId: string): Promise<DeleteResult>;
  /** The audit entries for a case (or all, without one), oldest first. */
  auditLog(caseId?: string): Promise<readonly AuditEntry[]>;
  close(): Promise<void>;
}
