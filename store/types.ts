/**
 * The case store's public face: what the case service, tools and the server use. Types and constants only, so
 * importing it loads no database code (the calculator must not wait for the database).
 *
 * Rows are kept and given back in calc's shapes (calc/ledger for bank transactions, CMS entries and evidence;
 * calc/deadlines for events and deadlines), with what the store adds: ids, fingerprints, the document a row
 * came from and where in it. The store turns nothing into calc's inputs itself: the case service (cases/) does, from
 * {@link CaseStore.caseRecords}.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import type { Deadline, EventType } from '../calc/deadlines/events.ts';
import type { BankTransactionInput, CmsEntryInput, EvidenceInput } from '../calc/ledger/entries.ts';
import type { ReconcileInput, Side } from '../calc/reconcile/reconcile.ts';
import type { PaymentFrequency } from '../calc/schedule/build.ts';
import type { CollectionService } from '../calc/scheme-2012/calculate.ts';
import type { ParseResult, ScheduleStatus } from '../statements/types.ts';

export const SCHEMES = ['2012', '2003', '1993'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const PARTY_ROLES = ['paying_parent', 'receiving_parent', 'representative', 'other'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/**
 * One vocabulary of events and one shape of deadline for the whole program: calc's (calc/deadlines). The store
 * keeps an event's deadlines as the caller gives them (the case service computes them with calc); it computes
 * nothing itself.
 */
export { EVENT_TYPES, type Deadline, type EventType } from '../calc/deadlines/events.ts';

/** Where a stored CMS entry came from: a document that was imported, or typed in (a CMS letter, the online account). */
export const CMS_ENTRY_ORIGINS = ['document', 'typed'] as const;
export type CmsEntryOrigin = (typeof CMS_ENTRY_ORIGINS)[number];

/** A letter is kept as a draft (a new version at each save) until it is marked sent, once. */
export const LETTER_STATUSES = ['draft', 'sent'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/**
 * How a letter went: `post` (first or second class), `recorded_delivery` (signed for: the proof of posting a
 * late-request dispute turns on), `email`, `online_account` (a message in the CMS online account),
 * `online_form` (a GOV.UK form, e.g. an SSCS appeal or a DWP complaint form), `hand` (handed in),
 * `phone_then_post` (said on the phone, confirmed by post).
 */
export const LETTER_METHODS = [
  'post',
  'recorded_delivery',
  'email',
  'online_account',
  'online_form',
  'hand',
  'phone_then_post',
] as const;
export type LetterMethod = (typeof LETTER_METHODS)[number];

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
  /** For the letters that ask for it (a subject access request, an ICE referral); sealed when a key is set. */
  readonly dateOfBirth?: CivilDate;
  /** Two letters, six digits, a letter A–D; spaces are dropped. Sealed when a key is set. */
  readonly nationalInsuranceNumber?: string;
}

/**
 * A change to a stored party: each field given is set, and null removes it (name and role cannot be removed).
 * Fields not given stay as they are.
 */
export type PartyChanges = {
  readonly [K in Exclude<keyof PartyInput, 'role' | 'name' | 'addressWithheld'>]?: PartyInput[K] | null;
} & {
  readonly role?: PartyRole;
  readonly name?: string;
  readonly addressWithheld?: boolean;
};

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
  readonly dateOfBirth?: CivilDate;
  readonly nationalInsuranceNumber?: string;
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

export interface EventInput {
  readonly type: EventType;
  readonly date: CivilDate;
  /** One or two lines (sealed). */
  readonly summary?: string;
  /** Anything else, as JSON (sealed). */
  readonly details?: Record<string, unknown>;
  /** The deadlines this event starts, in calc's shape, as the caller computed them (at most 50). */
  readonly deadlines?: readonly Deadline[];
  /** The id of the event this one answers (a reply to a request): an event of the same case. */
  readonly answers?: string;
  /** The letter this event is about (the letter that was sent): a letter of the same case. */
  readonly letterId?: string;
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
  /** Payslip and benefit deductions and declared payments typed in. */
  readonly evidence: number;
  readonly events: number;
  /** Every version of every letter. */
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

/** A case's own fields: what it is and how it is collected. */
export interface CaseSettings extends CaseSummary {
  readonly frequency?: PaymentFrequency;
  readonly firstDueDate?: CivilDate;
  readonly endDate?: CivilDate;
}

export interface CaseDetail extends CaseSettings {
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

/** What is known about a document besides what was read from it. */
export interface DocumentInfo {
  /** SHA-256 of the original bytes, 64 hex digits: the same file is one document in a case. */
  readonly sha256: string;
  /** Bytes. */
  readonly size: number;
  readonly filename?: string;
  /** The original bytes, to keep with the document (only when the user asks to keep them). */
  readonly original?: Uint8Array;
}

/**
 * A document being imported, in the store's terms: the file ({@link DocumentInfo}) and what was read from it
 * (everything but the rows, which come separately). `metadata`, `checks` and `warnings` are kept sealed.
 */
export interface ImportedDocument extends DocumentInfo {
  /** e.g. bank_statement, cms_statement, cms_payment_schedule. */
  readonly kind: string;
  /** e.g. pdf, csv, ofx. */
  readonly format: string;
  readonly metadata?: Record<string, unknown>;
  readonly checks?: Record<string, unknown>;
  readonly warnings?: readonly string[];
  /** 0 to 1 (0 when not given). */
  readonly confidence?: number;
}

/**
 * Where a row is printed in its document, for an evidence bundle that cites "statement X, page 3, line 12":
 * a PDF's page (1-based) and line on that page, counting every line of text from the top as the reader groups
 * them; a CSV's line in the file (the header is line 1; no page); an OFX file's transaction number (no page).
 */
export interface SourceLocation {
  readonly page?: number;
  readonly line: number;
}

/**
 * A bank transaction to import: calc's row (calc/ledger BankTransactionInput) with the reader's fingerprint and
 * its place in the document. calc's own `source` (a text naming the place) is made from the document and this
 * location by whoever hands the rows to calc.
 */
export interface TransactionRowInput extends Omit<BankTransactionInput, 'id' | 'source' | 'fingerprint'> {
  /** Stable across re-imports of the same statement: the same fingerprint is the same row (1 to 200 characters). */
  readonly fingerprint: string;
  readonly source?: SourceLocation;
}

/** A CMS ledger line to import: calc's row (calc/ledger CmsEntryInput) with the reader's fingerprint and place. */
export interface CmsEntryRowInput extends Omit<CmsEntryInput, 'id' | 'source'> {
  readonly fingerprint: string;
  readonly source?: SourceLocation;
  /** Dated outside the period its document prints (statements/types.ts ParsedCmsEntry). */
  readonly outsidePeriod?: true;
  /** A payment schedule's status of the instalment (statements/types.ts ParsedCmsEntry). */
  readonly status?: ScheduleStatus;
}

/** The rows read from a document, in calc/ledger's shapes. */
export interface DocumentRows {
  readonly transactions?: readonly TransactionRowInput[];
  readonly cmsEntries?: readonly CmsEntryRowInput[];
}

/**
 * A CMS ledger line typed in from a CMS letter or the online account (no document): calc's row. Two lines
 * alike in every field (date, type, amount, description, reference, chargeType, creditor, caseReference) are
 * one line: adding it again adds nothing. When CMS really recorded the same line twice, give each its
 * `occurrence` (1, 2 …; default 1) or a distinct reference; the same line twice in one call without either is
 * refused, since it is as likely a slip as a second payment.
 */
export interface TypedCmsEntryInput extends Omit<CmsEntryInput, 'id' | 'source'> {
  readonly occurrence?: number;
}

/**
 * A payslip deduction, a benefit deduction or a declared payment, typed in: calc's row (calc/ledger
 * EvidenceInput). Alike in type, date, amount, from, description and reference is the same item (`source`,
 * where it is shown, is a note and not part of it); `occurrence` as for {@link TypedCmsEntryInput}.
 */
export interface EvidenceItemInput extends Omit<EvidenceInput, 'id'> {
  readonly occurrence?: number;
}

/** What adding typed-in rows did: how many were new, how many were there already, and every row as stored. */
export interface AddedRows<R> {
  readonly new: number;
  readonly alreadyThere: number;
  /** One per row given, in the order given (a row already there as it was stored). */
  readonly rows: readonly R[];
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

/**
 * The most characters of JSON one kept letter may hold: 4,000,000. A kept letter holds its text twice (Markdown and
 * plain), the document its PDF is made from, and every figure with its working, about four times its text, so it
 * grows with what it lists: a payment dispute of ten years of short-paid monthly instalments is about 236,000
 * characters (the 100,000 other kept JSON may hold refused to keep it, so it could never be marked sent); one of
 * 1,563 disputed lines over eleven years of weekly Collect and Pay, 2,245,899. Bounded, as the versions a case keeps
 * are (2,000).
 */
export const LETTER_CONTENT_MAX_CHARS = 4_000_000;

/**
 * The most characters of JSON one kept reconciliation run may hold: 500,000. A run keeps every finding and period
 * row, and a finding cites the bank lines and entries it rests on, so a run grows with the dispute: ten years of
 * irregular weekly payments make about 120 findings and 180,000 characters, fifteen years 270,000 (the 100,000 that
 * other kept JSON may hold refused such a case's reconcile_case outright). Bounded, as the runs a case holds are
 * (2,000); a run larger still is kept in part (cases/kept-run.ts), never refused.
 */
export const RUN_RESULT_MAX_CHARS = 500_000;

export interface ReconciliationRun {
  readonly id: string;
  readonly caseId: string;
  readonly inputsHash: string;
  readonly result: Record<string, unknown>;
  readonly createdAt: string;
}

/** A letter without its content (what lists show). */
export interface LetterSummary {
  readonly id: string;
  readonly type: string;
  /** 1, 2 …: each save of a letter type is a new version. */
  readonly version: number;
  readonly status: LetterStatus;
  /** When sent: the day it went. */
  readonly sentOn?: CivilDate;
  /** When sent: how, if the caller said. */
  readonly method?: LetterMethod;
  readonly createdAt: string;
}

export interface LetterRecord extends LetterSummary {
  /** The letter as drafted (sealed). */
  readonly content: Record<string, unknown>;
}

/** How a letter was sent. */
export interface LetterSending {
  readonly sentOn: CivilDate;
  readonly method?: LetterMethod;
}

/** The kinds of record {@link CaseStore.removeRecords} takes out. */
export const REMOVED_RECORD_KINDS = ['decision', 'document', 'transaction', 'cms_entry', 'evidence', 'event'] as const;
export type RemovedRecordKind = (typeof REMOVED_RECORD_KINDS)[number];

/** A record removed; a document with the number of rows read from it that went with it. */
export interface RemovedRecord {
  readonly id: string;
  readonly kind: RemovedRecordKind;
  readonly rows?: number;
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
  /** When it was done (the first time, for an action done more than once). */
  readonly at: string;
  readonly actor: string;
  /**
   * An action that adds nothing to the case (an export, something imported again, a party changed) is one entry per
   * case, action and actor: how many times it was done, and when last, when more than once.
   */
  readonly times?: number;
  readonly lastAt?: string;
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
  /** Payslip and benefit deductions and other payments given with the request, besides those kept with the case. */
  readonly evidence?: ReconcileInput['evidence'];
  /** How initial and backdated amounts are collected (see build_liability_schedule). */
  readonly paymentPlan?: ReconcileInput['schedule']['paymentPlan'];
  /** Arrears carried over (a CSA case moved to CMS), as the closure letter states them. */
  readonly openingBalance?: ReconcileInput['schedule']['openingBalance'];
  /** Arrears written off, as CMS's write-off letters state them. */
  readonly writeOffs?: ReconcileInput['schedule']['writeOffs'];
}

/**
 * A stored bank transaction: calc's row (calc/ledger BankTransactionInput) with its stored id, fingerprint,
 * document and place in it. Money is two decimals; `source` is the place in the document, not calc's text.
 */
export interface StoredTransaction extends Omit<BankTransactionInput, 'source'> {
  readonly id: string;
  readonly documentId?: string;
  readonly fingerprint: string;
  readonly amount: string;
  readonly description: string;
  readonly balance?: string;
  readonly source?: SourceLocation;
}

/** A stored CMS ledger line: calc's row (calc/ledger CmsEntryInput) with its id, fingerprint, origin and place. */
export interface StoredCmsEntry extends Omit<CmsEntryInput, 'source'> {
  readonly id: string;
  /** The document that first brought it in (absent when typed). */
  readonly documentId?: string;
  readonly fingerprint: string;
  readonly origin: CmsEntryOrigin;
  readonly amount: string;
  readonly description: string;
  /** Where it is printed in its document (absent when typed). */
  readonly source?: SourceLocation;
  /** Dated outside the period its document prints, as the document that first brought it says (absent otherwise). */
  readonly outsidePeriod?: true;
  /** A payment schedule's status of the instalment, as the document that first brought it says (absent when it has none). */
  readonly status?: ScheduleStatus;
}

/** A stored payslip deduction, benefit deduction or declared payment: calc's row (calc/ledger EvidenceInput). */
export interface StoredEvidence extends EvidenceInput {
  readonly id: string;
  readonly fingerprint: string;
  readonly amount: string;
  readonly createdAt: string;
}

/**
 * Everything the case service turns into calc's inputs, read in one transaction (a consistent snapshot):
 * the case's settings, people, decisions, documents (their names, for citing), rows, evidence, events, letters
 * (without their content) and the latest reconciliation. A withheld address is not in it.
 */
export interface CaseRecords {
  readonly case: CaseSettings;
  readonly parties: readonly Party[];
  readonly children: readonly Child[];
  readonly decisions: readonly DecisionRecord[];
  readonly documents: readonly DocumentSummary[];
  readonly transactions: readonly StoredTransaction[];
  readonly cmsEntries: readonly StoredCmsEntry[];
  readonly evidence: readonly StoredEvidence[];
  readonly events: readonly EventRecord[];
  readonly letters: readonly LetterSummary[];
  readonly latestReconciliation?: ReconciliationRun;
}

export const EXPORT_FORMAT = 'reckoner-case-export';
/**
 * 2: evidence, rows' places in their documents, typed CMS entries (origin, creditor, caseReference), letters'
 * status, calc's events and deadlines. An export of version 1 is still read (store/export.ts upgrades it).
 */
export const EXPORT_VERSION = 2;

/** One case, everything about it, as one JSON document (see store/export.ts for its schema). */
export interface CaseExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly exportedAt: string;
  readonly case: CaseSettings;
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
  readonly evidence: readonly StoredEvidence[];
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
    readonly cases: readonly (CaseSummary & {
      readonly counts: Pick<CaseCounts, 'documents' | 'transactions' | 'cmsEntries' | 'evidence' | 'letters'>;
    })[];
    readonly total: number;
  }>;
  /** Everything the case service needs to run calc on the case, in one consistent read. */
  caseRecords(caseId: string): Promise<CaseRecords>;

  /** Adds a person to a case (after those it has); at most 20. */
  addParty(caseId: string, party: PartyInput): Promise<Party>;
  /** Changes a person of the case: the fields given, null removing one (see {@link PartyChanges}). */
  updateParty(caseId: string, partyId: string, changes: PartyChanges): Promise<Party>;
  addDecision(caseId: string, decision: DecisionRecordInput): Promise<DecisionRecord>;
  /** The decisions, in effective-date order. */
  decisions(caseId: string): Promise<readonly DecisionRecord[]>;

  /**
   * Stores a document and its rows, in calc/ledger's shapes, in one transaction: the document once per file (by
   * SHA-256), each row once per case (by fingerprint). Importing the same statement again adds nothing.
   * Errors name `document.…`, `transactions[i].…` and `cmsEntries[i].…`.
   */
  importRows(caseId: string, document: ImportedDocument, rows: DocumentRows, options?: ImportOptions): Promise<ImportResult>;
  /** {@link importRows} for a parser's result (errors name `parsed.…`, as the parser's fields). */
  importParsed(caseId: string, document: DocumentInfo, parsed: ParseResult, options?: ImportOptions): Promise<ImportResult>;
  transactions(caseId: string, options?: { readonly from?: CivilDate; readonly to?: CivilDate }): Promise<readonly StoredTransaction[]>;
  cmsEntries(caseId: string, options?: { readonly from?: CivilDate; readonly to?: CivilDate }): Promise<readonly StoredCmsEntry[]>;
  /**
   * CMS ledger lines typed in (origin `typed`), each once per case by its content (see {@link TypedCmsEntryInput});
   * at most 10,000 at a time. Errors name `entries[i].…`.
   */
  addCmsEntries(caseId: string, entries: readonly TypedCmsEntryInput[]): Promise<AddedRows<StoredCmsEntry>>;
  /** Payslip and benefit deductions and declared payments, each once per case by its content; errors name `evidence[i].…`. */
  addEvidence(caseId: string, items: readonly EvidenceItemInput[]): Promise<AddedRows<StoredEvidence>>;
  /** The evidence, in date order. */
  evidence(caseId: string): Promise<readonly StoredEvidence[]>;

  recordEvent(caseId: string, event: EventInput): Promise<EventRecord>;
  /** The events, in date order. */
  events(caseId: string): Promise<readonly EventRecord[]>;

  /** Saves a draft: a new version of the letter type each time. */
  saveLetter(caseId: string, letter: { readonly type: string; readonly content: Record<string, unknown> }): Promise<LetterRecord>;
  /**
   * Marks a letter sent and records the event of its sending (with the deadlines the caller gives), in one
   * transaction; the event's `letterId` is the letter. @throws {StoreError} `conflict` naming `letterId` when it
   * was sent already; `not_found` naming `letterId` when the case has no such letter.
   */
  markLetterSent(
    caseId: string,
    letterId: string,
    sending: LetterSending,
    event: EventInput,
  ): Promise<{ readonly letter: LetterSummary; readonly event: EventRecord }>;
  /** Every version of every letter, by type then version; with `content: true`, with their content. */
  letters(caseId: string, options: { readonly content: true }): Promise<readonly LetterRecord[]>;
  letters(caseId: string, options?: { readonly content?: boolean }): Promise<readonly LetterSummary[]>;
  /** One letter with its content. @throws {StoreError} `not_found` naming `letterId`. */
  letter(caseId: string, letterId: string): Promise<LetterRecord>;

  saveReconciliation(
    caseId: string,
    run: { readonly inputsHash: string; readonly result: Record<string, unknown> },
  ): Promise<ReconciliationRun>;
  latestReconciliation(caseId: string): Promise<ReconciliationRun | undefined>;
  exportCase(caseId: string): Promise<CaseExport>;
  /**
   * Puts an exported case back. The case keeps its id (and every row its id) unless `asNew`, which gives it and
   * everything in it new ids. @throws {StoreError} `conflict` when the case is already there and not `asNew`.
   */
  importCaseExport(document: unknown, options?: { readonly asNew?: boolean }): Promise<CaseDetail>;
  /**
   * Removes records added by mistake, by id, all or nothing (store/repository/removal.ts): decisions, documents (with
   * the rows read from them), bank transactions, CMS entries, evidence and events; errors name `ids[i]`.
   */
  removeRecords(caseId: string, ids: readonly string[]): Promise<readonly RemovedRecord[]>;
  /** Deletes the case and everything in it; the audit log keeps only "case deleted". */
  deleteCase(caseId: string): Promise<DeleteResult>;
  /** The audit entries for a case (or all, without one), oldest first. */
  auditLog(caseId?: string): Promise<readonly AuditEntry[]>;
  close(): Promise<void>;
}
