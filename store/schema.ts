/**
 * The case store's tables (drizzle pg-core): one schema for PGlite and PostgreSQL alike. Money is
 * `numeric(14,2)` read and written as a string ("62.86"), dates are `date` read as "YYYY-MM-DD", moments are
 * `timestamptz`. Everything that belongs to a case goes when the case goes (`on delete cascade`), except the
 * audit log, which holds no case content and survives the case (append-only: see the migration that adds its
 * trigger).
 *
 * Tenancy: every row names its `organisation`, filled in by the database from the transaction's setting
 * `reckoner.organisation` (the store sets it at the start of every transaction), and a case's rows carry its
 * organisation through a composite foreign key (case_id, organisation), so a row can never sit in another
 * organisation's case. Row-level security on every table (migration 0004, hand-written: roles and policies)
 * lets the store's role see and write only the rows of the organisation set.
 *
 * Changing this file means a new migration: `npx drizzle-kit generate` (drizzle.config.ts at the root).
 * @module
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  smallint,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
// The values each check constraint allows, from the lists the code itself uses, so the two cannot drift.
import { EVENT_TYPES } from '../calc/deadlines/events.ts';
import { CMS_ENTRY_TYPES, CREDITORS, DIRECTIONS, EVIDENCE_TYPES } from '../calc/ledger/entries.ts';
import { ENFORCEMENT_ACTIONS } from '../calc/scheme-2012/parameters.ts';
import { SIDES } from '../calc/reconcile/reconcile.ts';
import { PAYMENT_FREQUENCIES } from '../calc/schedule/build.ts';
import { COLLECTION_SERVICES } from '../calc/scheme-2012/calculate.ts';
import { SCHEDULE_STATUSES } from '../statements/types.ts';
import { CMS_ENTRY_ORIGINS, LETTER_METHODS, LETTER_STATUSES, PARTY_ROLES, SCHEMES } from './types.ts';

/** Raw bytes: Buffer from postgres.js, Uint8Array from PGlite; always a Uint8Array here. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'string' });
const civil = (name: string) => date(name, { mode: 'string' });
const moment = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().defaultRandom();
/** The case a row belongs to; the foreign key is {@link caseKey} (with the organisation), not this column alone. */
const caseId = () => uuid('case_id').notNull();
/**
 * The organisation a row belongs to, from the transaction's `reckoner.organisation` setting. Without the
 * setting the default fails ("unrecognized configuration parameter"): nothing is written for nobody.
 */
const organisation = () =>
  text('organisation')
    .notNull()
    .default(sql`current_setting('reckoner.organisation')`);
/** A case's row goes when the case goes, and must be in the case's own organisation. */
const caseKey = (name: string, t: { caseId: AnyPgColumn; organisation: AnyPgColumn }) =>
  foreignKey({ name, columns: [t.caseId, t.organisation], foreignColumns: [cases.id, cases.organisation] }).onDelete('cascade');

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Where a row is printed in its document (types.ts SourceLocation): a PDF's page and line, a CSV's line, an OFX
 * file's transaction number. Both absent for a row whose place is not known; a page only with a line.
 */
const sourceColumns = () => ({ sourcePage: integer('source_page'), sourceLine: integer('source_line') });
const sourceCheck = (name: string, t: { sourcePage: AnyPgColumn; sourceLine: AnyPgColumn }) =>
  check(
    name,
    sql`(${t.sourceLine} is null and ${t.sourcePage} is null) or (${t.sourceLine} >= 1 and coalesce(${t.sourcePage}, 1) >= 1)`,
  );

export const SCHEME_VALUES = SCHEMES;
export const SERVICE_VALUES = COLLECTION_SERVICES;
export const SIDE_VALUES = SIDES;
export const FREQUENCY_VALUES = PAYMENT_FREQUENCIES;
export const PARTY_ROLE_VALUES = PARTY_ROLES;
export const DIRECTION_VALUES = DIRECTIONS;
export const CMS_ENTRY_TYPE_VALUES = CMS_ENTRY_TYPES;
export const CHARGE_TYPE_VALUES = ENFORCEMENT_ACTIONS;
export const EVENT_TYPE_VALUES = EVENT_TYPES;
export const CREDITOR_VALUES = CREDITORS;
export const EVIDENCE_TYPE_VALUES = EVIDENCE_TYPES;
export const CMS_ENTRY_ORIGIN_VALUES = CMS_ENTRY_ORIGINS;
export const LETTER_STATUS_VALUES = LETTER_STATUSES;
export const LETTER_METHOD_VALUES = LETTER_METHODS;

export const cases = pgTable(
  'cases',
  {
    id: id(),
    organisation: organisation(),
    /** The 12-digit CMS case reference, digits only (sealed when a key is set: checked by the repository). */
    reference: text('reference'),
    scheme: text('scheme').notNull().default('2012'),
    service: text('service').notNull().default('direct_pay'),
    /** Whose side Reckoner is on: the paying or the receiving parent. */
    side: text('side').notNull(),
    title: text('title').notNull(),
    frequency: text('frequency'),
    firstDueDate: civil('first_due_date'),
    endDate: civil('end_date'),
    createdAt: moment('created_at').notNull().defaultNow(),
    updatedAt: moment('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('cases_organisation_named', sql`${t.organisation} <> ''`),
    check('cases_scheme_known', sql`${t.scheme} in (${quoted(SCHEME_VALUES)})`),
    check('cases_service_known', sql`${t.service} in (${quoted(SERVICE_VALUES)})`),
    check('cases_side_known', sql`${t.side} in (${quoted(SIDE_VALUES)})`),
    check('cases_frequency_known', sql`${t.frequency} in (${quoted(FREQUENCY_VALUES)})`),
    // What the other tables' foreign keys point at: a row's case and organisation together.
    unique('cases_id_organisation_unique').on(t.id, t.organisation),
    index('cases_organisation_created_idx').on(t.organisation, t.createdAt),
  ],
);

export const parties = pgTable(
  'parties',
  {
    id: id(),
    caseId: caseId(),
    organisation: organisation(),
    position: integer('position').notNull(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    /** CMS keeps this person's address from the other party (domestic abuse): never show or send it. */
    addressWithheld: boolean('address_withheld').notNull().default(false),
    /**
     * What CMS and DWP find a person's records by, for the letters that ask for them (a subject access request, an
     * ICE referral). Text, not a date: both are sealed when a key is set, as the name and address are.
     */
    dateOfBirth: text('date_of_birth'),
    nationalInsuranceNumber: text('national_insurance_number'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [
    caseKey('parties_case_fk', t),
    check('parties_role_known', sql`${t.role} in (${quoted(PARTY_ROLE_VALUES)})`),
    index('parties_case_idx').on(t.caseId, t.position),
  ],
);

export const children = pgTable(
  'children',
  {
    id: id(),
    caseId: caseId(),
    organisation: organisation(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    dateOfBirth: civil('date_of_birth'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [caseKey('children_case_fk', t), index('children_case_idx').on(t.caseId, t.position)],
);

/** The assessment history: each CMS decision with its effective date and weekly amount (or the circumstances). */
export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    caseId: caseId(),
    organisation: organisation(),
    /** The decision's name in schedules and traces, e.g. "annual review 2024"; unique in the case. */
    label: text('label').notNull(),
    effectiveDate: civil('effective_date').notNull(),
    letterDate: civil('letter_date'),
    weeklyAmount: money('weekly_amount'),
    /** The circumstances as for calculate_maintenance, when the amount is to be worked out. */
    calculation: jsonb('calculation'),
    service: text('service'),
    receivingParentId: text('receiving_parent_id'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [
    caseKey('decisions_case_fk', t),
    check('decisions_amount_or_calculation', sql`(${t.weeklyAmount} is null) <> (${t.calculation} is null)`),
    check('decisions_service_known', sql`${t.service} in (${quoted(SERVICE_VALUES)})`),
    uniqueIndex('decisions_case_label_unique').on(t.caseId, t.label),
    index('decisions_case_effective_idx').on(t.caseId, t.effectiveDate),
  ],
);

export const documents = pgTable(
  'documents',
  {
    id: id(),
    caseId: caseId(),
    organisation: organisation(),
    /** SHA-256 of the original bytes, hex: the same file is one document in a case. */
    sha256: text('sha256').notNull(),
    kind: text('kind').notNull(),
    format: text('format').notNull(),
    filename: text('filename'),
    size: integer('size').notNull(),
    /** What the parser said about the document (metadata, checks, warnings, confidence, row counts); the rows are in their own tables. */
    parsed: jsonb('parsed').notNull(),
    /** The original file, only when the user asked to keep it. */
    original: bytea('original'),
    importedAt: moment('imported_at').notNull().defaultNow(),
  },
  (t) => [
    caseKey('documents_case_fk', t),
    uniqueIndex('documents_case_sha256_unique').on(t.caseId, t.sha256),
    index('documents_case_idx').on(t.caseId, t.importedAt),
  ],
);

export const transactions = pgTable(
  'transactions',
  {
    id: id(),
    caseId: caseId(),
    organisation: organisation(),
    /** The document that first brought the row in. */
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    fingerprint: text('fingerprint').notNull(),
    date: civil('date').notNull(),
    amount: money('amount').notNull(),
    direction: text('direction').notNull(),
    description: text('description').notNull().default(''),
    balance: money('balance'),
    reference: text('reference'),
    ...sourceColumns(),
  },
  (t) => [
    caseKey('transactions_case_fk', t),
    check('transactions_direction_known', sql`${t.direction} in (${quoted(DIRECTION_VALUES)})`),
    check('transactions_amount_positive', sql`${t.amount} >= 0`),
    sourceCheck('transactions_source_known', t),
    uniqueIndex('transactions_case_fingerprint_unique').on(t.caseId, t.fingerprint),
    index('transactions_case_date_idx').on(t.caseId, t.date),
  ],
);

export const cmsEntries = pgTable(
  'cms_entries',
  {
    id: id(),
    caseId: caseId(),
    organisation: organisation(),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    fingerprint: text('fingerprint').notNull(),
    date: civil('date').notNull(),
    type: text('type').notNull(),
    amount: money('amount').notNull(),
    description: text('description').notNull().default(''),
    reference: text('reference'),
    /** An enforcement charge: the action it is for. */
    chargeType: text('charge_type'),
    /** Who CMS says this part of the balance is owed to, where it says. */
    creditor: text('creditor'),
    /** The CMS case reference the line is recorded on, when the parent has more than one case (sealed). */
    caseReference: text('case_reference'),
    /** `document` (imported) or `typed` (from a CMS letter or the online account; no document, no place). */
    origin: text('origin').notNull().default('document'),
    /** Dated outside the period its document prints (the import warned which); as the document that first brought it says. */
    outsidePeriod: boolean('outside_period').notNull().default(false),
    /** A payment schedule's status of the instalment (due, paid, part_paid, missed), as the document that first brought it says. */
    scheduleStatus: text('schedule_status'),
    ...sourceColumns(),
  },
  (t) => [
    caseKey('cms_entries_case_fk', t),
    check('cms_entries_schedule_status_known', sql`${t.scheduleStatus} in (${quoted(SCHEDULE_STATUSES)})`),
    check('cms_entries_type_known', sql`${t.type} in (${quoted(CMS_ENTRY_TYPE_VALUES)})`),
    check('cms_entries_charge_type_known', sql`${t.chargeType} in (${quoted(CHARGE_TYPE_VALUES)})`),
    check('cms_entries_creditor_known', sql`${t.creditor} in (${quoted(CREDITOR_VALUES)})`),
    check('cms_entries_origin_known', sql`${t.origin} in (${quoted(CMS_ENTRY_ORIGIN_VALUES)})`),
    check('cms_entries_typed_without_document', sql`${t.origin} = 'document' or (${t.documentId} is null and ${t.sourceLine} is null)`),
    sourceCheck('cms_entries_source_known', t),
    uniqueIndex('cms_entries_case_fingerprint_unique').on(t.caseId, t.fingerprint),
    index('cms_entries_case_date_idx').on(t.caseId, t.date),
  ],
);

/**
 * Evidence of money paid that no bank statement shows (calc/ledger EvidenceInput): payslip deductions, benefit
 * deductions and payments the parent declares, typed in. Each once per case by its fingerprint (its content).
 */
export const evidence = pgTable(
  'evidence',
  {
    id: id(),
    caseId: caseId(),
    organisation: organisation(),
    fingerprint: text('fingerprint').notNull(),
    type: text('type').notNull(),
    date: civil('date').notNull(),
    amount: money('amount').notNull(),
    /** calc's `from`: the employer, the benefit, or who paid or received it (sealed). */
    counterparty: text('counterparty'),
    description: text('description').notNull().default(''),
    reference: text('reference'),
    /** calc's `source`: where it is shown, e.g. "payslip of 28 March 2024" (sealed). */
    shownIn: text('shown_in'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [
    caseKey('evidence_case_fk', t),
    check('evidence_type_known', sql`${t.type} in (${quoted(EVIDENCE_TYPE_VALUES)})`),
    check('evidence_amount_positive', sql`${t.amount} >= 0`),
    uniqueIndex('evidence_case_fingerprint_unique').on(t.caseId, t.fingerprint),
    index('evidence_case_date_idx').on(t.caseId, t.date),
  ],
);

export const reconciliationRuns = pgTable(
  'reconciliation_runs',
  {
    id: id(),
    caseId: caseId(),
    organisation: organisation(),
    /** Hash of the whole reconciliation input assembled from the store: equal hashes, equal results. */
    inputsHash: text('inputs_hash').notNull(),
    result: jsonb('result').notNull(),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [caseKey('reconciliation_runs_case_fk', t), index('reconciliation_runs_case_idx').on(t.caseId, t.createdAt)],
);

export const letters = pgTable(
  'letters',
  {
    id: id(),
    caseId: caseId(),
    organisation: organisation(),
    type: text('type').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    /** `draft` until marked sent, once. */
    status: text('status').notNull().default('draft'),
    sentOn: civil('sent_on'),
    method: text('method'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [
    caseKey('letters_case_fk', t),
    uniqueIndex('letters_case_type_version_unique').on(t.caseId, t.type, t.version),
    // What an event's letter points at: a letter of the event's own case.
    unique('letters_id_case_unique').on(t.id, t.caseId),
    check('letters_status_known', sql`${t.status} in (${quoted(LETTER_STATUS_VALUES)})`),
    check('letters_method_known', sql`${t.method} in (${quoted(LETTER_METHOD_VALUES)})`),
    check('letters_sent_on_when_sent', sql`(${t.status} = 'sent') = (${t.sentOn} is not null)`),
    check('letters_method_when_sent', sql`${t.method} is null or ${t.status} = 'sent'`),
  ],
);

/** What happened in the dispute (letters sent and received, calls, decisions) and the deadlines each starts. */
export const events = pgTable(
  'events',
  {
    id: id(),
    caseId: caseId(),
    organisation: organisation(),
    type: text('type').notNull(),
    date: civil('date').notNull(),
    summary: text('summary'),
    details: jsonb('details'),
    /** calc/deadlines Deadline[] ({ id, label, date, basis, citation, href?, kind }): the deadlines this event starts. */
    deadlines: jsonb('deadlines').notNull().default([]),
    /** The event this one answers (a reply to a request), in the same case. */
    answers: uuid('answers'),
    /** The letter this event is about (the letter sent), in the same case. */
    letterId: uuid('letter_id'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [
    caseKey('events_case_fk', t),
    check('events_type_known', sql`${t.type} in (${quoted(EVENT_TYPE_VALUES)})`),
    index('events_case_date_idx').on(t.caseId, t.date),
    // With the case id, so an answer or a letter is always of the event's own case (a foreign key is checked
    // without row-level security, so the case, not only the organisation, has to be part of it).
    unique('events_id_case_unique').on(t.id, t.caseId),
    foreignKey({ name: 'events_answers_fk', columns: [t.answers, t.caseId], foreignColumns: [t.id, t.caseId] }),
    foreignKey({ name: 'events_letter_fk', columns: [t.letterId, t.caseId], foreignColumns: [letters.id, letters.caseId] }),
  ],
);

/**
 * Who did what to which case, and when: never any case content. Append-only (a trigger refuses updates and
 * deletes, except the erasure of a deleted case's own entries, and a repeat counted on its entry); no foreign key,
 * so it outlives the case. An action that adds nothing to the case (an export, a document or entries imported
 * again, a party changed) is one entry per case, action and actor: each repeat adds one to `times` and moves
 * `last_at` on, so that a client doing it in a loop cannot grow the log without end.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id'),
    organisation: organisation(),
    action: text('action').notNull(),
    at: moment('at').notNull().defaultNow(),
    /** The principal's id (never a token). */
    actor: text('actor').notNull(),
    /** How many times the action was done: more than 1 only for a repeatable action (see above). */
    times: integer('times').notNull().default(1),
    /** When it was last done, if more than once. */
    lastAt: moment('last_at'),
  },
  (t) => [index('audit_log_case_idx').on(t.caseId, t.id), check('audit_log_organisation_named', sql`${t.organisation} <> ''`)],
);

/**
 * Envelope encryption (store/seal.ts): each case's own data key, wrapped (AES-256-GCM) by the master key
 * RECKONER_ENCRYPTION_KEY. Deleting the case deletes its key, so what is left of the case in write-ahead logs,
 * backups or table files is ciphertext that nothing can open (crypto-shredding). A case made without a key has
 * no row here until a key is set and something of it is written.
 */
export const caseKeys = pgTable(
  'case_keys',
  {
    caseId: uuid('case_id').primaryKey(),
    organisation: organisation(),
    /** The data key, wrapped by the master key with the case id as associated data. */
    wrapped: bytea('wrapped').notNull(),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [caseKey('case_keys_case_fk', t)],
);

/**
 * The store's master key, by its fingerprint (an HMAC of a fixed text under the key; never the key): one row
 * once a key has been used. A process with no key or another key is refused before it reads or writes a
 * sealed case. `v1:<key id>` marks values sealed directly by the master key before data keys existed.
 */
export const keyring = pgTable(
  'keyring',
  {
    id: smallint('id').primaryKey().default(1),
    fingerprint: text('fingerprint').notNull(),
    changedAt: moment('changed_at').notNull().defaultNow(),
  },
  (t) => [check('keyring_one_row', sql`${t.id} = 1`)],
);

export const schema = {
  cases,
  parties,
  children,
  decisions,
  documents,
  transactions,
  cmsEntries,
  evidence,
  reconciliationRuns,
  letters,
  events,
  auditLog,
  caseKeys,
  keyring,
};
