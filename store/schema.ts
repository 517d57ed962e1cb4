/**
 * The case store's tables (drizzle pg-core): one schema for PGlite and PostgreSQL alike. Money is
 * `numeric(14,2)` read and written as a string ("62.86"), dates are `date` read as "YYYY-MM-DD", moments are
 * `timestamptz`. Everything that belongs to a case goes when the case goes (`on delete cascade`), except the
 * audit log, which holds no case content and survives the case (append-only: see the migration that adds its
 * trigger).
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
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
// The values each check constraint allows, from the lists the code itself uses, so the two cannot drift.
import { CMS_ENTRY_TYPES, DIRECTIONS } from '../calc/ledger/entries.ts';
import { ENFORCEMENT_ACTIONS } from '../calc/scheme-2012/parameters.ts';
import { SIDES } from '../calc/reconcile/reconcile.ts';
import { PAYMENT_FREQUENCIES } from '../calc/schedule/build.ts';
import { COLLECTION_SERVICES } from '../calc/scheme-2012/calculate.ts';
import { EVENT_TYPES, PARTY_ROLES, SCHEMES } from './types.ts';

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
const caseId = () =>
  uuid('case_id')
    .notNull()
    .references(() => cases.id, { onDelete: 'cascade' });

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const SCHEME_VALUES = SCHEMES;
export const SERVICE_VALUES = COLLECTION_SERVICES;
export const SIDE_VALUES = SIDES;
export const FREQUENCY_VALUES = PAYMENT_FREQUENCIES;
export const PARTY_ROLE_VALUES = PARTY_ROLES;
export const DIRECTION_VALUES = DIRECTIONS;
export const CMS_ENTRY_TYPE_VALUES = CMS_ENTRY_TYPES;
export const CHARGE_TYPE_VALUES = ENFORCEMENT_ACTIONS;
export const EVENT_TYPE_VALUES = EVENT_TYPES;

export const cases = pgTable(
  'cases',
  {
    id: id(),
    /** The 12-digit CMS case reference, digits only. */
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
    check('cases_reference_digits', sql`${t.reference} ~ '^[0-9]{12}$'`),
    check('cases_scheme_known', sql`${t.scheme} in (${quoted(SCHEME_VALUES)})`),
    check('cases_service_known', sql`${t.service} in (${quoted(SERVICE_VALUES)})`),
    check('cases_side_known', sql`${t.side} in (${quoted(SIDE_VALUES)})`),
    check('cases_frequency_known', sql`${t.frequency} in (${quoted(FREQUENCY_VALUES)})`),
    index('cases_created_idx').on(t.createdAt),
  ],
);

export const parties = pgTable(
  'parties',
  {
    id: id(),
    caseId: caseId(),
    position: integer('position').notNull(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    /** CMS keeps this person's address from the other party (domestic abuse): never show or send it. */
    addressWithheld: boolean('address_withheld').notNull().default(false),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('parties_role_known', sql`${t.role} in (${quoted(PARTY_ROLE_VALUES)})`),
    index('parties_case_idx').on(t.caseId, t.position),
  ],
);

export const children = pgTable(
  'children',
  {
    id: id(),
    caseId: caseId(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    dateOfBirth: civil('date_of_birth'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [index('children_case_idx').on(t.caseId, t.position)],
);

/** The assessment history: each CMS decision with its effective date and weekly amount (or the circumstances). */
export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    caseId: caseId(),
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
  (t) => [uniqueIndex('documents_case_sha256_unique').on(t.caseId, t.sha256), index('documents_case_idx').on(t.caseId, t.importedAt)],
);

export const transactions = pgTable(
  'transactions',
  {
    id: id(),
    caseId: caseId(),
    /** The document that first brought the row in. */
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    fingerprint: text('fingerprint').notNull(),
    date: civil('date').notNull(),
    amount: money('amount').notNull(),
    direction: text('direction').notNull(),
    description: text('description').notNull().default(''),
    balance: money('balance'),
    reference: text('reference'),
  },
  (t) => [
    check('transactions_direction_known', sql`${t.direction} in (${quoted(DIRECTION_VALUES)})`),
    check('transactions_amount_positive', sql`${t.amount} >= 0`),
    uniqueIndex('transactions_case_fingerprint_unique').on(t.caseId, t.fingerprint),
    index('transactions_case_date_idx').on(t.caseId, t.date),
  ],
);

export const cmsEntries = pgTable(
  'cms_entries',
  {
    id: id(),
    caseId: caseId(),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    fingerprint: text('fingerprint').notNull(),
    date: civil('date').notNull(),
    type: text('type').notNull(),
    amount: money('amount').notNull(),
    description: text('description').notNull().default(''),
    reference: text('reference'),
    /** An enforcement charge: the action it is for. */
    chargeType: text('charge_type'),
  },
  (t) => [
    check('cms_entries_type_known', sql`${t.type} in (${quoted(CMS_ENTRY_TYPE_VALUES)})`),
    check('cms_entries_charge_type_known', sql`${t.chargeType} in (${quoted(CHARGE_TYPE_VALUES)})`),
    uniqueIndex('cms_entries_case_fingerprint_unique').on(t.caseId, t.fingerprint),
    index('cms_entries_case_date_idx').on(t.caseId, t.date),
  ],
);

export const reconciliationRuns = pgTable(
  'reconciliation_runs',
  {
    id: id(),
    caseId: caseId(),
    /** Hash of the whole reconciliation input assembled from the store: equal hashes, equal results. */
    inputsHash: text('inputs_hash').notNull(),
    result: jsonb('result').notNull(),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [index('reconciliation_runs_case_idx').on(t.caseId, t.createdAt)],
);

export const letters = pgTable(
  'letters',
  {
    id: id(),
    caseId: caseId(),
    type: text('type').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('letters_case_type_version_unique').on(t.caseId, t.type, t.version)],
);

/** What happened in the dispute (letters sent and received, calls, decisions) and the deadlines each starts. */
export const events = pgTable(
  'events',
  {
    id: id(),
    caseId: caseId(),
    type: text('type').notNull(),
    date: civil('date').notNull(),
    summary: text('summary'),
    details: jsonb('details'),
    /** [{ name, date, source? }]: the deadlines this event starts. */
    deadlines: jsonb('deadlines').notNull().default([]),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [check('events_type_known', sql`${t.type} in (${quoted(EVENT_TYPE_VALUES)})`), index('events_case_date_idx').on(t.caseId, t.date)],
);

/**
 * Who did what to which case, and when: never any case content. Append-only (a trigger refuses updates and
 * deletes, except the erasure of a deleted case's own entries); no foreign key, so it outlives the case.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id'),
    action: text('action').notNull(),
    at: moment('at').notNull().defaultNow(),
    actor: text('actor').notNull(),
  },
  (t) => [index('audit_log_case_idx').on(t.caseId, t.id)],
);

export const schema = {
  cases,
  parties,
  children,
  decisions,
  documents,
  transactions,
  cmsEntries,
  reconciliationRuns,
  letters,
  events,
  auditLog,
};
