/**
 * The case repository, written once against drizzle's PostgreSQL type: the same code runs on PGlite and on
 * PostgreSQL. Every operation is one transaction; every change first locks the case's row (so imports into one
 * case queue behind each other, and a delete waits for an import to finish), writes, and appends to the audit
 * log. Nothing half-written is kept.
 *
 * Tenancy: a store acts for one {@link Principal}. Each transaction starts (see `scoped`) by switching to the
 * role `reckoner_app` and setting `reckoner.organisation` to the principal's organisation, both for that
 * transaction only; row-level security (migration 0004) then shows and accepts only that organisation's rows,
 * whatever the query says. A case of another organisation is simply not there (`not_found`), exactly like a
 * case that does not exist, so its existence is not given away.
 *
 * Sealing: each case's private fields are sealed with the case's own data key (store/seal.ts), and the
 * transaction refuses to go on when the store's recorded key fingerprint is not this process's key.
 *
 * Errors: bad input is an {@link InputError} naming the field; a missing case is a {@link StoreError}
 * `not_found`; a full disk is a StoreError `unsupported` (reason `disk_full`); anything else the database
 * refuses for reasons the input does not explain is a {@link StoreFailure} carrying only the SQLSTATE (a
 * driver's message may quote the row it was given, and case data must not reach logs or clients that way).
 * @module
 */
import { randomUUID } from 'node:crypto';
import {
  and,
  asc,
  count,
  desc,
  DrizzleError,
  DrizzleQueryError,
  eq,
  getTableColumns,
  getTableName,
  gte,
  lte,
  max,
  min,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { AnyPgColumn, PgDatabase, PgQueryResultHKT, PgTransactionConfig } from 'drizzle-orm/pg-core';
import { isCivilDate, type CivilDate } from '../calc/dates.ts';
import { InputError } from '../calc/errors.ts';
import { CMS_ENTRY_TYPES, DIRECTIONS, type CmsEntryType, type Direction } from '../calc/ledger/entries.ts';
import { formatMoney, money, roundPenny, type Dec } from '../calc/money.ts';
import { SIDES, type ReconcileInput, type Side } from '../calc/reconcile/reconcile.ts';
import {
  PAYMENT_FREQUENCIES,
  resolveDecisions,
  type DecisionInput,
  type PaymentFrequency,
  type ScheduleInput,
} from '../calc/schedule/build.ts';
import { COLLECTION_SERVICES, type CollectionService, type MaintenanceInput } from '../calc/scheme-2012/calculate.ts';
import { ENFORCEMENT_ACTIONS, type EnforcementAction } from '../calc/scheme-2012/parameters.ts';
import { Trace } from '../calc/trace.ts';
import type { ParseResult } from '../statements/types.ts';
import { erasureOf } from './erasure.ts';
import { createKeyring, keyRefused, type Keyring, type Sealer } from './seal.ts';
import { diskFull, forbidden, isDiskFull, notFound, sqlStateOf, StoreError, StoreFailure } from './errors.ts';
import { caseExportSchema, type ParsedCaseExport } from './export.ts';
import * as t from './schema.ts';
import {
  EVENT_TYPES,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  LOCAL_PRINCIPAL,
  PARTY_ROLES,
  SCHEMES,
  type AuditEntry,
  type CaseDetail,
  type CaseExport,
  type CaseStore,
  type CaseSummary,
  type Child,
  type Deadline,
  type DecisionRecord,
  type DecisionRecordInput,
  type DocumentInfo,
  type DocumentSummary,
  type Driver,
  type EventRecord,
  type ImportOptions,
  type ImportResult,
  type LetterRecord,
  type Party,
  type PartyInput,
  type Principal,
  type ReconciliationRun,
  type ReconcileOptions,
  type Scheme,
  type StoredCmsEntry,
  type StoredParse,
  type StoredTransaction,
} from './types.ts';

/** The drizzle database both drivers give: PGlite's and postgres.js's are both this. */
export type Database = PgDatabase<PgQueryResultHKT, typeof t.schema>;

/** Rows written per INSERT: well under PostgreSQL's 65,535 parameters, big enough to keep round trips few. */
const BATCH = 1000;
/** Rows sent per statement when they go as one JSON parameter (imports): no parameter limit applies. */
const JSON_BATCH = 5000;
const MAX_TEXT = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The role every store transaction runs as: row-level security applies to it (migration 0004). */
export const APP_ROLE = 'reckoner_app';
/** The role that may read and re-wrap every organisation's case keys, and record the key fingerprint. */
export const KEYRING_ROLE = 'reckoner_keyring';
/** The role that may read case ids, and nothing else: to tell another organisation's case from none (migration 0005). */
export const LOCATOR_ROLE = 'reckoner_locator';
/**
 * Advisory lock on the keyring: every store transaction holds it shared; a rekey holds it exclusively, so no
 * case key is wrapped under the old master key while the keys are being re-wrapped.
 */
export const KEYRING_LOCK = '7283190452';

export interface RepositoryOptions {
  readonly driver: Driver;
  readonly location: string;
  readonly close: () => Promise<void>;
  /** The master key's keyring (store/seal.ts); default: no key, values stored as they are. */
  readonly keyring?: Keyring;
  /** Whom the store acts for (default {@link LOCAL_PRINCIPAL}). */
  readonly principal?: Principal;
}

/** The setting's variable for error messages: where a store is configured. */
const whereOf = (options: Pick<RepositoryOptions, 'driver' | 'location'>) => ({
  field: options.driver === 'pglite' ? 'RECKONER_DATA_DIR' : 'DATABASE_URL',
  location: options.location,
});

// ---------------------------------------------------------------------------------------------------
// Checking input the repository is given directly (the tools' zod schemas check it first; the repository
// does not rely on them).

/**
 * Text no record should hold: a NUL character (PostgreSQL cannot store it in text or JSON, and it truncates
 * text elsewhere) or half of a UTF-16 surrogate pair (not text at all; it would be stored as U+FFFD). Refused
 * naming the field, never quoting the text.
 */
function cleanText(field: string, value: string): string {
  if (value.includes('\u0000')) throw new InputError(field, 'contains a NUL character (\\u0000); remove it');
  if (!value.isWellFormed()) {
    throw new InputError(field, 'contains a broken character (half of a UTF-16 surrogate pair); send the text as UTF-8');
  }
  return value;
}

/** {@link cleanText} for every string in a JSON value, keys too, naming the path (`details.notes[2]`). */
function cleanJson(field: string, value: unknown, depth = 0): void {
  if (typeof value === 'string') cleanText(field, value);
  else if (depth > 100) throw new InputError(field, 'is nested too deeply');
  else if (Array.isArray(value)) value.forEach((v, i) => cleanJson(`${field}[${i}]`, v, depth + 1));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = field ? `${field}.${k.slice(0, 100)}` : k.slice(0, 100);
      cleanText(at, k);
      cleanJson(at, v, depth + 1);
    }
  }
}

function requireText(field: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(field, 'must not be empty');
  if (value.length > maxLength) throw new InputError(field, `must be at most ${maxLength} characters`);
  return cleanText(field, value.trim());
}

function optionalText(field: string, value: unknown, maxLength: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InputError(field, 'must be text');
  if (value.length > maxLength) throw new InputError(field, `must be at most ${maxLength} characters`);
  const trimmed = cleanText(field, value.trim());
  return trimmed === '' ? null : trimmed;
}

/** The principal a store acts for, checked: its id goes into the audit log, its organisation into every row. */
export function checkPrincipal(principal: Principal): Principal {
  if (principal === null || typeof principal !== 'object') throw new InputError('principal', 'must be { id, organisation }');
  return {
    id: requireText('principal.id', principal.id, 200),
    organisation: requireText('principal.organisation', principal.organisation, 200),
  };
}

function civilDate(field: string, value: unknown): CivilDate {
  if (typeof value !== 'string' || !isCivilDate(value)) throw new InputError(field, 'must be a real date written YYYY-MM-DD');
  return value;
}

function optionalDate(field: string, value: unknown): CivilDate | null {
  return value === undefined || value === null ? null : civilDate(field, value);
}

function oneOf<T extends string>(field: string, value: unknown, values: readonly T[]): T {
  if (typeof value !== 'string' || !values.includes(value as T)) throw new InputError(field, `must be one of ${values.join(', ')}`);
  return value as T;
}

/** Money as stored: two decimals, whole pence, within numeric(14,2). The value itself is never quoted back. */
function moneyText(field: string, value: unknown, options: { readonly negative: boolean }): string {
  let d: Dec;
  try {
    d = money(value as string | number);
  } catch {
    throw new InputError(field, 'must be an amount of money in pounds, such as "62.86"');
  }
  if (!options.negative && d.isNegative()) throw new InputError(field, 'must not be negative');
  if (!d.equals(roundPenny(d))) throw new InputError(field, 'must be whole pence (two decimals at most)');
  if (d.abs().gte('1000000000000')) throw new InputError(field, 'is too large to be an amount of maintenance');
  return formatMoney(d);
}

function checkCaseId(caseId: unknown): string {
  if (typeof caseId !== 'string' || !UUID.test(caseId)) {
    throw new InputError('caseId', 'is not a case id (ids look like 0f8fad5b-d9cb-469f-a165-70867728950e); list_cases shows them');
  }
  return caseId.toLowerCase();
}

/** The 12-digit CMS case reference, with spaces and dashes taken out. */
function caseReference(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new InputError('reference', 'must be the 12-digit CMS case reference');
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(digits)) throw new InputError('reference', 'must be the 12-digit CMS case reference (spaces are fine)');
  return digits;
}

function deadlinesOf(field: string, value: unknown): Deadline[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InputError(field, 'must be a list of { name, date, source }');
  if (value.length > 50) throw new InputError(field, 'at most 50 deadlines for one event');
  return value.map((d: unknown, i) => {
    const f = `${field}[${i}]`;
    if (d === null || typeof d !== 'object') throw new InputError(f, 'must be { name, date, source }');
    const x = d as Record<string, unknown>;
    const source = optionalText(`${f}.source`, x.source, 500);
    return { name: requireText(`${f}.name`, x.name, 200), date: civilDate(`${f}.date`, x.date), ...(source ? { source } : {}) };
  });
}

function jsonObject(field: string, value: unknown, maxLength = 100_000): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new InputError(field, 'must be a JSON object');
  if (JSON.stringify(value).length > maxLength)
    throw new InputError(field, `must be at most ${maxLength.toLocaleString('en-GB')} characters of JSON`);
  cleanJson(field, value);
  return value as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------------
// Rows to public shapes.

const iso = (d: Date): string => d.toISOString();
/** `{ [key]: value }` when the value is there, `{}` when it is null: optional fields stay absent in JSON. */
function opt<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

type CaseRow = typeof t.cases.$inferSelect;
type PartyRow = typeof t.parties.$inferSelect;
type ChildRow = typeof t.children.$inferSelect;
type DecisionRow = typeof t.decisions.$inferSelect;
type DocumentRow = Omit<typeof t.documents.$inferSelect, 'original'>;
type TransactionRow = typeof t.transactions.$inferSelect;
type CmsEntryRow = typeof t.cmsEntries.$inferSelect;
type EventRow = typeof t.events.$inferSelect;
type LetterRow = typeof t.letters.$inferSelect;
type RunRow = typeof t.reconciliationRuns.$inferSelect;

function caseSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    ...opt('reference', row.reference),
    title: row.title,
    scheme: row.scheme as Scheme,
    service: row.service as CollectionService,
    side: row.side as Side,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

function caseFields(row: CaseRow): CaseExport['case'] {
  return {
    ...caseSummary(row),
    ...opt('frequency', row.frequency as PaymentFrequency | null),
    ...opt('firstDueDate', row.firstDueDate),
    ...opt('endDate', row.endDate),
  };
}

/** A party as shown: a withheld address is never shown (only the export carries it). */
function party(row: PartyRow): Party {
  return {
    id: row.id,
    role: row.role as Party['role'],
    name: row.name,
    ...opt('email', row.email),
    ...opt('phone', row.phone),
    ...(row.addressWithheld ? {} : opt('address', row.address)),
    addressWithheld: row.addressWithheld,
  };
}

const child = (row: ChildRow): Child => ({ id: row.id, name: row.name, ...opt('dateOfBirth', row.dateOfBirth) });

function decision(row: DecisionRow): DecisionRecord {
  return {
    id: row.id,
    label: row.label,
    effectiveDate: row.effectiveDate,
    ...opt('letterDate', row.letterDate),
    ...opt('weeklyAmount', row.weeklyAmount),
    ...opt('calculation', row.calculation as Record<string, unknown> | null),
    ...opt('service', row.service as CollectionService | null),
    ...opt('receivingParentId', row.receivingParentId),
  };
}

function documentSummary(row: DocumentRow & { originalKept: boolean }): DocumentSummary {
  return {
    id: row.id,
    sha256: row.sha256,
    kind: row.kind,
    format: row.format,
    ...opt('filename', row.filename),
    size: row.size,
    importedAt: iso(row.importedAt),
    originalKept: row.originalKept,
    parsed: row.parsed as StoredParse,
  };
}

function transaction(row: TransactionRow): StoredTransaction {
  return {
    id: row.id,
    ...opt('documentId', row.documentId),
    fingerprint: row.fingerprint,
    date: row.date,
    amount: row.amount,
    direction: row.direction as Direction,
    description: row.description,
    ...opt('balance', row.balance),
    ...opt('reference', row.reference),
  };
}

function cmsEntry(row: CmsEntryRow): StoredCmsEntry {
  return {
    id: row.id,
    ...opt('documentId', row.documentId),
    fingerprint: row.fingerprint,
    date: row.date,
    type: row.type as CmsEntryType,
    amount: row.amount,
    description: row.description,
    ...opt('reference', row.reference),
    ...opt('chargeType', row.chargeType as EnforcementAction | null),
  };
}

function eventRecord(row: EventRow): EventRecord {
  return {
    id: row.id,
    type: row.type as EventRecord['type'],
    date: row.date,
    ...opt('summary', row.summary),
    ...opt('details', row.details as Record<string, unknown> | null),
    deadlines: row.deadlines as Deadline[],
    createdAt: iso(row.createdAt),
  };
}

const letter = (row: LetterRow): LetterRecord => ({
  id: row.id,
  type: row.type,
  version: row.version,
  content: row.content as Record<string, unknown>,
  createdAt: iso(row.createdAt),
});

const runRecord = (row: RunRow): ReconciliationRun => ({
  id: row.id,
  caseId: row.caseId,
  inputsHash: row.inputsHash,
  result: row.result as Record<string, unknown>,
  createdAt: iso(row.createdAt),
});

/** A stored decision as calc takes it. */
function decisionInput(row: DecisionRecord): DecisionInput {
  return {
    id: row.label,
    effectiveDate: row.effectiveDate,
    ...opt('letterDate', row.letterDate),
    ...opt('weeklyAmount', row.weeklyAmount),
    ...opt('calculation', row.calculation as (Omit<MaintenanceInput, 'date'> & { date?: CivilDate }) | undefined),
    ...opt('service', row.service),
    ...opt('receivingParentId', row.receivingParentId),
  };
}

// ---------------------------------------------------------------------------------------------------

/** Errors from drizzle or a driver: these may quote the values of a query, so they are never passed on. */
function isDatabaseError(error: unknown): boolean {
  if (error instanceof InputError || error instanceof StoreFailure) return false;
  return (
    error instanceof DrizzleQueryError ||
    error instanceof DrizzleError ||
    sqlStateOf(error) !== undefined ||
    (error instanceof Error && /^(PostgresError|DatabaseError)$/.test(error.name))
  );
}

/**
 * Runs `work`, turning any database error into one that quotes nothing it was given: a full disk is a
 * {@link StoreError} naming where the store is kept; anything else a {@link StoreFailure} with the SQLSTATE.
 */
async function guarded<T>(what: string, where: { readonly field: string; readonly location: string }, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputError || error instanceof StoreFailure) throw error;
    if (isDiskFull(error)) throw diskFull(what, where);
    if (!isDatabaseError(error)) throw error;
    const sqlState = sqlStateOf(error);
    if (sqlState === '40P01' || sqlState === '40001') {
      throw new StoreFailure(
        `${what} clashed with another change to the same case and was undone; nothing was saved. Try again.`,
        sqlState,
      );
    }
    throw new StoreFailure(`${what} failed in the database${sqlState ? ` (SQLSTATE ${sqlState})` : ''}; nothing was saved.`, sqlState);
  }
}

/** The rows of a raw query: postgres.js gives an array, PGlite `{ rows }`. The one place that knows it. */
export function rowsOf<R>(result: unknown): R[] {
  return (Array.isArray(result) ? result : (result as { rows: R[] }).rows) as R[];
}

/** Runs an `insert … returning` wrapped in `select count(*) … as n`, and gives n. */
async function insertedCount(ex: Database, query: SQL): Promise<number> {
  const rows = rowsOf<{ n: number | string }>(await ex.execute(query));
  return Number(rows[0]?.n ?? 0);
}

function* batches<T>(rows: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Every table that holds a case's data, its key included (the audit log keeps only ids and actions). */
const CASE_TABLES = [
  t.cases,
  t.caseKeys,
  t.parties,
  t.children,
  t.decisions,
  t.documents,
  t.transactions,
  t.cmsEntries,
  t.reconciliationRuns,
  t.letters,
  t.events,
]
  .map((table) => getTableName(table))
  .join(', ');

/**
 * `"cases"."id"`, written out: drizzle leaves columns unqualified in a one-table query, and inside a subquery
 * an unqualified "id" would be the subquery's own table's.
 */
const CASE_ID = sql.raw('"cases"."id"');

/** The case's wrapped data key, as a column of a query on `cases` (null when the case has none). */
const wrappedKey = sql<Uint8Array | null>`(select k.wrapped from ${t.caseKeys} as k where k.case_id = ${CASE_ID})`.mapWith(
  t.caseKeys.wrapped,
);

/**
 * Checks, when a store opens, that this database user may act as the store's roles (a PostgreSQL user the
 * migration did not make a member needs `GRANT reckoner_app, reckoner_keyring TO <user>`), and records the
 * master key's fingerprint if the store has none yet (or has the earlier format's record of this key).
 * A store with another key's fingerprint is left as it is: its cases are then refused one operation at a time.
 */
export async function prepareStore(db: Database, keyring: Keyring): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock_shared(${KEYRING_LOCK}::bigint), set_config('role', ${KEYRING_ROLE}, true)`);
    if (!keyring.sealing) return;
    const [recorded] = await tx.select().from(t.keyring);
    if (!recorded) await tx.insert(t.keyring).values({ id: 1, fingerprint: keyring.fingerprint! }).onConflictDoNothing();
    else if (recorded.fingerprint === keyring.legacyFingerprint) {
      await tx.update(t.keyring).set({ fingerprint: keyring.fingerprint!, changedAt: sql`now()` });
    }
  });
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`);
  });
}

interface Shared {
  readonly db: Database;
  readonly options: RepositoryOptions;
  readonly keyring: Keyring;
  closed: boolean;
}

export function createRepository(db: Database, options: RepositoryOptions): CaseStore {
  const shared: Shared = { db, options, keyring: options.keyring ?? createKeyring(), closed: false };
  return storeFor(shared, checkPrincipal(options.principal ?? LOCAL_PRINCIPAL));
}

/** The store acting for one principal; {@link CaseStore.as} makes another over the same connection. */
function storeFor(shared: Shared, principal: Principal): CaseStore {
  const { db, keyring, options } = shared;
  const actor = principal.id;
  const where = whereOf(options);
  const run = <T>(what: string, work: () => Promise<T>): Promise<T> => guarded(what, where, work);

  /**
   * Runs `work` in a transaction of this principal's organisation: as the role reckoner_app, with
   * reckoner.organisation set, both for this transaction only (so a pooled connection keeps neither), holding
   * the keyring lock shared; and only if the store's key is this process's key (`scope` words the refusal).
   */
  async function scoped<T>(scope: 'case' | 'store', work: (tx: Database) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
    return db.transaction(async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock_shared(${KEYRING_LOCK}::bigint), set_config('role', ${APP_ROLE}, true), set_config('reckoner.organisation', ${principal.organisation}, true)`,
      );
      // A statement of its own, after the lock: it sees a rekey that finished while this waited for it.
      const [recorded] = await tx.select({ fingerprint: t.keyring.fingerprint }).from(t.keyring);
      if (recorded && !keyring.matches(recorded.fingerprint)) throw keyRefused(recorded.fingerprint, keyring, scope);
      return work(tx);
    }, config);
  }

  // Private fields are sealed on the way in and opened on the way out, each case with its own key (store/seal.ts);
  // everything the database compares, sorts, indexes or checks stays as it is.
  const sealerOf = (caseId: string, wrapped: Uint8Array | null): Sealer => keyring.caseSealer(caseId, wrapped);

  /** The sealer to write a case's fields with: a case without a key gets one now, when there is a master key. */
  async function writingSealer(ex: Database, caseId: string, wrapped: Uint8Array | null): Promise<Sealer> {
    if (wrapped !== null || !keyring.sealing) return sealerOf(caseId, wrapped);
    const key = keyring.newCaseKey(caseId);
    const [made] = await ex
      .insert(t.caseKeys)
      .values({ caseId, wrapped: key.wrapped })
      .onConflictDoNothing()
      .returning({ caseId: t.caseKeys.caseId });
    if (made) return key.sealer;
    // Another transaction gave it one first.
    const [theirs] = await ex.select({ wrapped: t.caseKeys.wrapped }).from(t.caseKeys).where(eq(t.caseKeys.caseId, caseId));
    return sealerOf(caseId, theirs!.wrapped);
  }

  const openCase = (r: CaseRow, s: Sealer): CaseRow => ({ ...r, title: s.openText(r.title), reference: s.openText(r.reference) });
  const sealParty = <R extends { name: string; email: string | null; phone: string | null; address: string | null }>(
    r: R,
    s: Sealer,
  ): R => ({
    ...r,
    name: s.text(r.name),
    email: s.text(r.email),
    phone: s.text(r.phone),
    address: s.text(r.address),
  });
  const openParty = (r: PartyRow, s: Sealer): PartyRow => ({
    ...r,
    name: s.openText(r.name),
    email: s.openText(r.email),
    phone: s.openText(r.phone),
    address: s.openText(r.address),
  });
  const sealChild = <R extends { name: string }>(r: R, s: Sealer): R => ({ ...r, name: s.text(r.name) });
  const openChild = (r: ChildRow, s: Sealer): ChildRow => ({ ...r, name: s.openText(r.name) });
  const sealCalculation = (c: Record<string, unknown> | null, s: Sealer) => (c === null ? null : s.json(c));
  const openDecision = (r: DecisionRow, s: Sealer): DecisionRow => ({ ...r, calculation: s.openJson(r.calculation) });
  const sealEvent = <R extends { summary: string | null; details: unknown }>(r: R, s: Sealer): R => ({
    ...r,
    summary: s.text(r.summary),
    details: r.details === null ? null : s.json(r.details),
  });
  const openEvent = (r: EventRow, s: Sealer): EventRow => ({ ...r, summary: s.openText(r.summary), details: s.openJson(r.details) });
  const openLetter = (r: LetterRow, s: Sealer): LetterRow => ({ ...r, content: s.openJson(r.content) });
  const openRun = (r: RunRow, s: Sealer): RunRow => ({ ...r, result: s.openJson(r.result) });
  const openDocument = <R extends { filename: string | null; parsed: unknown }>(r: R, s: Sealer): R => ({
    ...r,
    filename: s.openText(r.filename),
    parsed: s.openJson(r.parsed),
  });
  /** Descriptions are sealed unless empty (nothing to hide, and most CMS lines have one). */
  const sealDescription = (value: string, s: Sealer): string => (value === '' ? value : s.text(value));
  const openRow = <R extends { description: string; reference: string | null }>(r: R, s: Sealer): R => ({
    ...r,
    description: s.openText(r.description),
    reference: s.openText(r.reference),
  });

  /**
   * Erasure means the bytes too. A deleted row stays in its table file (plain VACUUM only marks the space
   * free) and in the write-ahead log (the delete logs a full image of its page). So the case tables are
   * rewritten (VACUUM FULL), and the log moves to a new segment and checkpoints with recycling off, so the
   * old segments are removed rather than renamed for reuse. The embedded database is one user's and small,
   * so this runs at once; on a shared PostgreSQL the deleted case's key is gone (crypto-shredding, with a key
   * set) and the rest is left to its operator (autovacuum, backups).
   */
  async function eraseLeftovers(): Promise<void> {
    for (const statement of [`VACUUM FULL ${CASE_TABLES}`, 'SET wal_recycle = off', 'SELECT pg_switch_wal()', 'CHECKPOINT']) {
      await db.execute(sql.raw(statement));
    }
  }

  const audit = (ex: Database, caseId: string | null, action: string) => ex.insert(t.auditLog).values({ caseId, action, actor });

  /**
   * Why this organisation cannot see a case: it is another organisation's (forbidden), or there is none. Asked as
   * reckoner_locator, which may read case ids only; the transaction is back in this organisation's role after.
   */
  async function missingCase(ex: Database, caseId: string): Promise<StoreError> {
    await ex.execute(sql`select set_config('role', ${LOCATOR_ROLE}, true)`);
    const found = await ex.select({ id: t.cases.id }).from(t.cases).where(eq(t.cases.id, caseId));
    await ex.execute(sql`select set_config('role', ${APP_ROLE}, true)`);
    return found.length > 0 ? forbidden(caseId) : notFound(caseId);
  }

  /** The case's row (opened) and its sealer; not found or forbidden if it is not there or not this organisation's. */
  async function findCase(ex: Database, caseId: string): Promise<{ row: CaseRow; s: Sealer }> {
    const [found] = await ex.select({ row: t.cases, wrapped: wrappedKey }).from(t.cases).where(eq(t.cases.id, caseId));
    if (!found) throw await missingCase(ex, caseId);
    const s = sealerOf(caseId, found.wrapped);
    return { row: openCase(found.row, s), s };
  }

  /**
   * Locks the case's row for the rest of the transaction (and marks it changed), and gives the sealer to
   * write it with; not found or forbidden if it is not there (or not this organisation's).
   */
  async function lockCase(ex: Database, caseId: string): Promise<{ row: CaseRow; s: Sealer }> {
    const [locked] = await ex
      .update(t.cases)
      .set({ updatedAt: sql`now()` })
      .where(eq(t.cases.id, caseId))
      .returning({ ...getTableColumns(t.cases), wrapped: wrappedKey });
    if (!locked) throw await missingCase(ex, caseId);
    const { wrapped, ...row } = locked;
    const s = await writingSealer(ex, caseId, wrapped);
    return { row: openCase(row, s), s };
  }

  async function readDecisions(ex: Database, caseId: string, s: Sealer): Promise<DecisionRecord[]> {
    const rows = await ex
      .select()
      .from(t.decisions)
      .where(eq(t.decisions.caseId, caseId))
      .orderBy(asc(t.decisions.effectiveDate), asc(t.decisions.letterDate), asc(t.decisions.createdAt), asc(t.decisions.id));
    return rows.map((r) => decision(openDecision(r, s)));
  }

  /**
   * Checks decisions the way the schedule will read them, all together (two decisions on one day need their
   * letter dates), so that a decision that cannot be used is refused now rather than at the next schedule.
   */
  function checkDecisions(all: readonly DecisionRecord[], service: CollectionService, fieldOf: (index: number) => string): void {
    if (all.length === 0) return;
    try {
      resolveDecisions({ decisions: all.map(decisionInput), asOf: '2100-01-01', service }, new Trace());
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const m = /^decisions\[(\d+)\](.*)$/.exec(error.field);
      const field = m ? `${fieldOf(Number(m[1]))}${m[2]}` : error.field;
      throw new InputError(field, error.message.slice(error.field.length + 2));
    }
  }

  function decisionValues(caseId: string, d: DecisionRecordInput, field: string, label: string) {
    if (d === null || typeof d !== 'object')
      throw new InputError(field, 'must be a decision: { effectiveDate, weeklyAmount or calculation }');
    const calculation = jsonObject(`${field}.calculation`, d.calculation);
    const weeklyAmount =
      d.weeklyAmount === undefined || d.weeklyAmount === null
        ? null
        : moneyText(`${field}.weeklyAmount`, d.weeklyAmount, { negative: false });
    if ((weeklyAmount === null) === (calculation === null))
      throw new InputError(field, 'give either weeklyAmount or calculation (not both, not neither)');
    return {
      caseId,
      label,
      effectiveDate: civilDate(`${field}.effectiveDate`, d.effectiveDate),
      letterDate: optionalDate(`${field}.letterDate`, d.letterDate),
      weeklyAmount,
      calculation,
      service: d.service === undefined || d.service === null ? null : oneOf(`${field}.service`, d.service, COLLECTION_SERVICES),
      receivingParentId: optionalText(`${field}.receivingParentId`, d.receivingParentId, 100),
    };
  }

  /** Labels for new decisions: those given, or decision_N for the first N not taken. */
  function labelsFor(existing: readonly string[], given: readonly (string | undefined)[], field: (i: number) => string): string[] {
    const taken = new Set(existing);
    const out: string[] = [];
    given.forEach((label, i) => {
      if (label === undefined) return;
      const l = requireText(`${field(i)}.label`, label, 100);
      if (taken.has(l))
        throw new StoreError('conflict', `${field(i)}.label`, `"${l}" is already the name of a decision in this case; choose another`);
      taken.add(l);
    });
    let n = existing.length;
    given.forEach((label, i) => {
      if (label !== undefined) {
        out[i] = label.trim();
        return;
      }
      let l: string;
      do l = `decision_${++n}`;
      while (taken.has(l));
      taken.add(l);
      out[i] = l;
    });
    return out;
  }

  async function readCase(ex: Database, caseId: string): Promise<CaseDetail> {
    const { row, s } = await findCase(ex, caseId);
    const [partyRows, childRows, decisionRows, documentRows, eventRows, txStats, cmsStats, letterCount, runRows, runCount] =
      await Promise.all([
        ex.select().from(t.parties).where(eq(t.parties.caseId, caseId)).orderBy(asc(t.parties.position)),
        ex.select().from(t.children).where(eq(t.children.caseId, caseId)).orderBy(asc(t.children.position)),
        readDecisions(ex, caseId, s),
        ex
          .select({
            id: t.documents.id,
            caseId: t.documents.caseId,
            organisation: t.documents.organisation,
            sha256: t.documents.sha256,
            kind: t.documents.kind,
            format: t.documents.format,
            filename: t.documents.filename,
            size: t.documents.size,
            parsed: t.documents.parsed,
            importedAt: t.documents.importedAt,
            originalKept: sql<boolean>`${t.documents.original} is not null`,
          })
          .from(t.documents)
          .where(eq(t.documents.caseId, caseId))
          .orderBy(asc(t.documents.importedAt), asc(t.documents.id)),
        ex
          .select()
          .from(t.events)
          .where(eq(t.events.caseId, caseId))
          .orderBy(asc(t.events.date), asc(t.events.createdAt), asc(t.events.id)),
        ex
          .select({ n: count(), from: min(t.transactions.date), to: max(t.transactions.date) })
          .from(t.transactions)
          .where(eq(t.transactions.caseId, caseId)),
        ex
          .select({ n: count(), from: min(t.cmsEntries.date), to: max(t.cmsEntries.date) })
          .from(t.cmsEntries)
          .where(eq(t.cmsEntries.caseId, caseId)),
        ex.select({ n: count() }).from(t.letters).where(eq(t.letters.caseId, caseId)),
        ex
          .select({ id: t.reconciliationRuns.id, inputsHash: t.reconciliationRuns.inputsHash, createdAt: t.reconciliationRuns.createdAt })
          .from(t.reconciliationRuns)
          .where(eq(t.reconciliationRuns.caseId, caseId))
          .orderBy(desc(t.reconciliationRuns.createdAt), desc(t.reconciliationRuns.id))
          .limit(1),
        ex.select({ n: count() }).from(t.reconciliationRuns).where(eq(t.reconciliationRuns.caseId, caseId)),
      ]);
    const tx = txStats[0]!;
    const cms = cmsStats[0]!;
    const latest = runRows[0];
    return {
      ...caseFields(row),
      parties: partyRows.map((r) => party(openParty(r, s))),
      children: childRows.map((r) => child(openChild(r, s))),
      decisions: decisionRows,
      documents: documentRows.map((r) => documentSummary(openDocument(r, s))),
      events: eventRows.map((r) => eventRecord(openEvent(r, s))),
      counts: {
        parties: partyRows.length,
        children: childRows.length,
        decisions: decisionRows.length,
        documents: documentRows.length,
        transactions: Number(tx.n),
        cmsEntries: Number(cms.n),
        events: eventRows.length,
        letters: Number(letterCount[0]!.n),
        reconciliationRuns: Number(runCount[0]!.n),
      },
      ranges: {
        ...(tx.from && tx.to ? { transactions: { from: tx.from, to: tx.to } } : {}),
        ...(cms.from && cms.to ? { cmsEntries: { from: cms.from, to: cms.to } } : {}),
      },
      ...(latest ? { latestReconciliation: { id: latest.id, inputsHash: latest.inputsHash, createdAt: iso(latest.createdAt) } } : {}),
    };
  }

  function partyValues(caseId: string, p: PartyInput, i: number, field: string) {
    const f = `${field}[${i}]`;
    if (p === null || typeof p !== 'object') throw new InputError(f, 'must be { role, name, … }');
    return {
      caseId,
      position: i,
      role: oneOf(`${f}.role`, p.role, PARTY_ROLES),
      name: requireText(`${f}.name`, p.name, 200),
      email: optionalText(`${f}.email`, p.email, 320),
      phone: optionalText(`${f}.phone`, p.phone, 50),
      address: optionalText(`${f}.address`, p.address, 1000),
      addressWithheld: p.addressWithheld === true,
    };
  }

  function rangeWhere(column: AnyPgColumn, caseColumn: AnyPgColumn, caseId: string, o?: { from?: CivilDate; to?: CivilDate }): SQL {
    const parts = [eq(caseColumn, caseId)];
    if (o?.from !== undefined) parts.push(gte(column, civilDate('from', o.from)));
    if (o?.to !== undefined) parts.push(lte(column, civilDate('to', o.to)));
    return and(...parts)!;
  }

  async function readTransactions(ex: Database, caseId: string, s: Sealer, o?: { from?: CivilDate; to?: CivilDate }) {
    const rows = await ex
      .select()
      .from(t.transactions)
      .where(rangeWhere(t.transactions.date, t.transactions.caseId, caseId, o))
      .orderBy(asc(t.transactions.date), asc(t.transactions.fingerprint));
    return rows.map((r) => transaction(openRow(r, s)));
  }

  async function readCmsEntries(ex: Database, caseId: string, s: Sealer, o?: { from?: CivilDate; to?: CivilDate }) {
    const rows = await ex
      .select()
      .from(t.cmsEntries)
      .where(rangeWhere(t.cmsEntries.date, t.cmsEntries.caseId, caseId, o))
      .orderBy(asc(t.cmsEntries.date), asc(t.cmsEntries.fingerprint));
    return rows.map((r) => cmsEntry(openRow(r, s)));
  }

  const store: CaseStore = {
    driver: options.driver,
    location: options.location,
    principal,
    as: (other) => storeFor(shared, checkPrincipal(other)),

    createCase: (input) =>
      run('Creating the case', async () => {
        if (input === null || typeof input !== 'object') throw new InputError('(body)', 'must be the case: { title, side, … }');
        const values = {
          title: requireText('title', input.title, 200),
          side: oneOf('side', input.side, SIDES),
          reference: caseReference(input.reference),
          scheme: input.scheme === undefined ? '2012' : oneOf('scheme', input.scheme, SCHEMES),
          service: input.service === undefined ? 'direct_pay' : oneOf('service', input.service, COLLECTION_SERVICES),
          frequency: input.frequency === undefined ? null : oneOf('frequency', input.frequency, PAYMENT_FREQUENCIES),
          firstDueDate: optionalDate('firstDueDate', input.firstDueDate),
          endDate: optionalDate('endDate', input.endDate),
        };
        const partyList = input.parties ?? [];
        const childList = input.children ?? [];
        const decisionList = input.decisions ?? [];
        if (partyList.length > 20) throw new InputError('parties', 'at most 20 parties');
        if (childList.length > 20) throw new InputError('children', 'at most 20 children');
        if (decisionList.length > 100) throw new InputError('decisions', 'at most 100 decisions');
        const labels = labelsFor(
          [],
          decisionList.map((d) => d?.label),
          (i) => `decisions[${i}]`,
        );
        // Checked before anything is written: the values need a case id, so a placeholder stands in.
        const decisionRows = decisionList.map((d, i) => decisionValues('', d, `decisions[${i}]`, labels[i]!));
        checkDecisions(
          decisionRows.map((d, i) => decision({ ...d, id: String(i), caseId: '', organisation: '', createdAt: new Date(0) })),
          values.service as CollectionService,
          (i) => `decisions[${i}]`,
        );
        const partyRows = partyList.map((p, i) => partyValues('', p, i, 'parties'));
        const kids = childList.map((c, i) => {
          if (c === null || typeof c !== 'object') throw new InputError(`children[${i}]`, 'must be { name, dateOfBirth }');
          return {
            position: i,
            name: requireText(`children[${i}].name`, c.name, 200),
            dateOfBirth: optionalDate(`children[${i}].dateOfBirth`, c.dateOfBirth),
          };
        });
        return scoped('store', async (tx) => {
          // The id is made here, not by the database: the case's key is wrapped for it before the row is written.
          const id = randomUUID();
          const key = keyring.sealing ? keyring.newCaseKey(id) : undefined;
          const s = key?.sealer ?? sealerOf(id, null);
          await tx.insert(t.cases).values({ ...values, id, title: s.text(values.title), reference: s.text(values.reference) });
          if (key) await tx.insert(t.caseKeys).values({ caseId: id, wrapped: key.wrapped });
          if (partyRows.length) await tx.insert(t.parties).values(partyRows.map((p) => sealParty({ ...p, caseId: id }, s)));
          if (kids.length) await tx.insert(t.children).values(kids.map((k) => sealChild({ ...k, caseId: id }, s)));
          if (decisionRows.length) {
            await tx
              .insert(t.decisions)
              .values(decisionRows.map((d) => ({ ...d, caseId: id, calculation: sealCalculation(d.calculation, s) })));
          }
          await audit(tx, id, 'case_created');
          return readCase(tx, id);
        });
      }),

    getCase: (caseId) =>
      run('Reading the case', async () => {
        const id = checkCaseId(caseId);
        return scoped('case', (tx) => readCase(tx, id));
      }),

    listCases: (o = {}) =>
      run('Listing cases', async () => {
        const limit = Math.min(Math.max(Math.trunc(o.limit ?? 50), 1), 500);
        const offset = Math.max(Math.trunc(o.offset ?? 0), 0);
        const counted = (table: typeof t.transactions | typeof t.cmsEntries | typeof t.documents) =>
          sql<number>`(select count(*) from ${table} as r where r.case_id = ${CASE_ID})`.mapWith(Number);
        return scoped('store', async (tx) => {
          const [rows, total] = await Promise.all([
            tx
              .select({
                row: t.cases,
                wrapped: wrappedKey,
                documents: counted(t.documents),
                transactions: counted(t.transactions),
                cmsEntries: counted(t.cmsEntries),
              })
              .from(t.cases)
              .orderBy(desc(t.cases.createdAt), asc(t.cases.id))
              .limit(limit)
              .offset(offset),
            tx.select({ n: count() }).from(t.cases),
          ]);
          return {
            cases: rows.map((r) => ({
              ...caseSummary(openCase(r.row, sealerOf(r.row.id, r.wrapped))),
              counts: { documents: r.documents, transactions: r.transactions, cmsEntries: r.cmsEntries },
            })),
            total: Number(total[0]!.n),
          };
        });
      }),

    addDecision: (caseId, input) =>
      run('Adding the decision', async () => {
        const id = checkCaseId(caseId);
        return scoped('case', async (tx) => {
          const { row, s } = await lockCase(tx, id);
          const existing = await readDecisions(tx, id, s);
          const [label] = labelsFor(
            existing.map((d) => d.label),
            [input?.label],
            () => 'decision',
          );
          const values = decisionValues(id, input, 'decision', label!);
          checkDecisions(
            [...existing, decision({ ...values, id: 'new', organisation: '', createdAt: new Date(0) })],
            row.service as CollectionService,
            (i) => (i === existing.length ? 'decision' : `stored decision "${existing[i]?.label}"`),
          );
          const [inserted] = await tx
            .insert(t.decisions)
            .values({ ...values, calculation: sealCalculation(values.calculation, s) })
            .returning();
          await audit(tx, id, 'decision_added');
          return decision(openDecision(inserted!, s));
        });
      }),

    recordEvent: (caseId, input) =>
      run('Recording the event', async () => {
        const id = checkCaseId(caseId);
        if (input === null || typeof input !== 'object') throw new InputError('(body)', 'must be the event: { type, date, … }');
        const values = {
          caseId: id,
          type: oneOf('type', input.type, EVENT_TYPES),
          date: civilDate('date', input.date),
          summary: optionalText('summary', input.summary, 2000),
          details: jsonObject('details', input.details),
          deadlines: deadlinesOf('deadlines', input.deadlines),
        };
        return scoped('case', async (tx) => {
          const { s } = await lockCase(tx, id);
          const [row] = await tx.insert(t.events).values(sealEvent(values, s)).returning();
          await audit(tx, id, 'event_recorded');
          return eventRecord(openEvent(row!, s));
        });
      }),

    importParsed: (caseId, info, parsed, o: ImportOptions = {}) =>
      run('Importing the document', async () => {
        const id = checkCaseId(caseId);
        const doc = checkDocument(info, parsed);
        const txRows = checkTransactions(parsed.transactions ?? []);
        const cmsRows = checkCmsEntries(parsed.cmsEntries ?? []);
        const total = txRows.length + cmsRows.length;
        return scoped('case', async (tx): Promise<ImportResult> => {
          const { s } = await lockCase(tx, id);
          const [found] = await tx
            .select({ id: t.documents.id })
            .from(t.documents)
            .where(and(eq(t.documents.caseId, id), eq(t.documents.sha256, doc.sha256)));
          let documentId: string;
          if (found) documentId = found.id;
          else {
            const [inserted] = await tx
              .insert(t.documents)
              .values({
                ...doc,
                filename: s.text(doc.filename),
                parsed: s.json(doc.parsed),
                original: s.bytes(doc.original),
                caseId: id,
              })
              .returning({ id: t.documents.id });
            documentId = inserted!.id;
          }
          let written = 0;
          let newTx = 0;
          for (const batch of batches(txRows, JSON_BATCH)) {
            const sealed = s.sealing
              ? batch.map((r) => ({ ...r, description: sealDescription(r.description, s), reference: s.text(r.reference) }))
              : batch;
            newTx += await insertedCount(
              tx,
              sql`with ins as (
                insert into ${t.transactions} (case_id, document_id, fingerprint, date, amount, direction, description, balance, reference)
                select ${id}::uuid, ${documentId}::uuid, x.fingerprint, x.date, x.amount, x.direction, x.description, x.balance, x.reference
                from jsonb_to_recordset(${JSON.stringify(sealed)}::jsonb)
                  as x(fingerprint text, date date, amount numeric, direction text, description text, balance numeric, reference text)
                on conflict (case_id, fingerprint) do nothing
                returning 1)
              select count(*)::int as n from ins`,
            );
            written += batch.length;
            o.onProgress?.(written, total);
          }
          let newCms = 0;
          for (const batch of batches(cmsRows, JSON_BATCH)) {
            const sealed = s.sealing
              ? batch.map((r) => ({ ...r, description: sealDescription(r.description, s), reference: s.text(r.reference) }))
              : batch;
            newCms += await insertedCount(
              tx,
              sql`with ins as (
                insert into ${t.cmsEntries} (case_id, document_id, fingerprint, date, type, amount, description, reference, charge_type)
                select ${id}::uuid, ${documentId}::uuid, x.fingerprint, x.date, x.type, x.amount, x.description, x.reference, x.charge_type
                from jsonb_to_recordset(${JSON.stringify(sealed)}::jsonb)
                  as x(fingerprint text, date date, type text, amount numeric, description text, reference text, charge_type text)
                on conflict (case_id, fingerprint) do nothing
                returning 1)
              select count(*)::int as n from ins`,
            );
            written += batch.length;
            o.onProgress?.(written, total);
          }
          await audit(tx, id, found ? 'document_reimported' : 'document_imported');
          return {
            caseId: id,
            documentId,
            documentAlreadyImported: found !== undefined,
            new: newTx + newCms,
            alreadyThere: total - newTx - newCms,
            transactions: { new: newTx, alreadyThere: txRows.length - newTx },
            cmsEntries: { new: newCms, alreadyThere: cmsRows.length - newCms },
          };
        });
      }),

    transactions: (caseId, o) =>
      run('Reading the transactions', async () => {
        const id = checkCaseId(caseId);
        return scoped('case', async (tx) => readTransactions(tx, id, (await findCase(tx, id)).s, o));
      }),

    cmsEntries: (caseId, o) =>
      run('Reading the CMS entries', async () => {
        const id = checkCaseId(caseId);
        return scoped('case', async (tx) => readCmsEntries(tx, id, (await findCase(tx, id)).s, o));
      }),

    saveReconciliation: (caseId, input) =>
      run('Saving the reconciliation', async () => {
        const id = checkCaseId(caseId);
        const inputsHash = requireText('inputsHash', input.inputsHash, 200);
        const result = jsonObject('result', input.result);
        if (!result) throw new InputError('result', 'must be the reconciliation result');
        return scoped('case', async (tx) => {
          const { s } = await lockCase(tx, id);
          const [row] = await tx
            .insert(t.reconciliationRuns)
            .values({ caseId: id, inputsHash, result: s.json(result) })
            .returning();
          await audit(tx, id, 'reconciliation_saved');
          return runRecord(openRun(row!, s));
        });
      }),

    latestReconciliation: (caseId) =>
      run('Reading the reconciliation', async () => {
        const id = checkCaseId(caseId);
        return scoped('case', async (tx) => {
          const { s } = await findCase(tx, id);
          const [row] = await tx
            .select()
            .from(t.reconciliationRuns)
            .where(eq(t.reconciliationRuns.caseId, id))
            .orderBy(desc(t.reconciliationRuns.createdAt), desc(t.reconciliationRuns.id))
            .limit(1);
          return row ? runRecord(openRun(row, s)) : undefined;
        });
      }),

    saveLetter: (caseId, input) =>
      run('Saving the letter', async () => {
        const id = checkCaseId(caseId);
        const type = requireText('type', input?.type, 100);
        const content = jsonObject('content', input?.content);
        if (!content) throw new InputError('content', 'must be the letter');
        return scoped('case', async (tx) => {
          const { s } = await lockCase(tx, id);
          const [last] = await tx
            .select({ v: max(t.letters.version) })
            .from(t.letters)
            .where(and(eq(t.letters.caseId, id), eq(t.letters.type, type)));
          const [row] = await tx
            .insert(t.letters)
            .values({ caseId: id, type, version: (last?.v ?? 0) + 1, content: s.json(content) })
            .returning();
          await audit(tx, id, 'letter_saved');
          return letter(openLetter(row!, s));
        });
      }),

    scheduleInput: (caseId, o) =>
      run('Reading the decisions', async () => {
        const id = checkCaseId(caseId);
        const asOf = civilDate('asOf', o?.asOf);
        return scoped('case', async (tx) => {
          const { row, s } = await findCase(tx, id);
          const decisions = await readDecisions(tx, id, s);
          return { ...scheduleOf(row, decisions, asOf), asOf };
        });
      }),

    reconcileInput: (caseId, o: ReconcileOptions = {}) =>
      run('Reading the case for reconciliation', async () => {
        const id = checkCaseId(caseId);
        return scoped(
          'case',
          async (tx): Promise<ReconcileInput> => {
            const { row, s } = await findCase(tx, id);
            const [decisions, txs, cms] = await Promise.all([
              readDecisions(tx, id, s),
              readTransactions(tx, id, s, o.from === undefined ? undefined : { from: o.from }),
              readCmsEntries(tx, id, s, o.from === undefined ? undefined : { from: o.from }),
            ]);
            const { asOf, ...schedule } = scheduleOf(row, decisions, o.asOf);
            return {
              schedule: { ...schedule, ...(asOf === undefined ? {} : { asOf }), ...opt('paymentPlan', o.paymentPlan) },
              side: row.side as Side,
              ...opt('receivingParentId', o.receivingParentId),
              ...opt('caseReference', row.reference),
              cmsEntries: cms.map((e) => ({
                id: e.id,
                date: e.date,
                type: e.type,
                amount: e.amount,
                ...opt('reference', e.reference),
                ...(e.description ? { description: e.description } : {}),
                ...opt('chargeType', e.chargeType),
              })),
              bankTransactions: txs.map((x) => ({
                id: x.id,
                date: x.date,
                amount: x.amount,
                direction: x.direction,
                ...(x.description ? { description: x.description } : {}),
                ...opt('reference', x.reference),
              })),
              ...opt('evidence', o.evidence),
              ...opt('bankFilter', o.bankFilter),
              ...opt('cmsClaim', o.cmsClaim),
              ...opt('windowDays', o.windowDays),
              ...opt('maxDateDifferenceDays', o.maxDateDifferenceDays),
            };
          },
          { isolationLevel: 'repeatable read', accessMode: 'read only' },
        );
      }),

    exportCase: (caseId) =>
      run('Exporting the case', async () => {
        const id = checkCaseId(caseId);
        return scoped(
          'case',
          async (tx): Promise<CaseExport> => {
            const { row, s } = await findCase(tx, id);
            const [partyRows, childRows, decisionRows, documentRows, txs, cms, runRows, letterRows, eventRows] = await Promise.all([
              tx.select().from(t.parties).where(eq(t.parties.caseId, id)).orderBy(asc(t.parties.position)),
              tx.select().from(t.children).where(eq(t.children.caseId, id)).orderBy(asc(t.children.position)),
              tx.select().from(t.decisions).where(eq(t.decisions.caseId, id)).orderBy(asc(t.decisions.createdAt), asc(t.decisions.id)),
              tx.select().from(t.documents).where(eq(t.documents.caseId, id)).orderBy(asc(t.documents.importedAt), asc(t.documents.id)),
              readTransactions(tx, id, s),
              readCmsEntries(tx, id, s),
              tx
                .select()
                .from(t.reconciliationRuns)
                .where(eq(t.reconciliationRuns.caseId, id))
                .orderBy(asc(t.reconciliationRuns.createdAt), asc(t.reconciliationRuns.id)),
              tx.select().from(t.letters).where(eq(t.letters.caseId, id)).orderBy(asc(t.letters.type), asc(t.letters.version)),
              tx
                .select()
                .from(t.events)
                .where(eq(t.events.caseId, id))
                .orderBy(asc(t.events.date), asc(t.events.createdAt), asc(t.events.id)),
            ]);
            await audit(tx, id, 'case_exported');
            return {
              format: EXPORT_FORMAT,
              version: EXPORT_VERSION,
              exportedAt: new Date().toISOString(),
              case: caseFields(row),
              parties: partyRows.map((p) => ({
                ...party({ ...openParty(p, s), addressWithheld: false }),
                addressWithheld: p.addressWithheld,
                createdAt: iso(p.createdAt),
              })),
              children: childRows.map((c) => ({ ...child(openChild(c, s)), createdAt: iso(c.createdAt) })),
              decisions: decisionRows.map((d) => ({ ...decision(openDecision(d, s)), createdAt: iso(d.createdAt) })),
              documents: documentRows.map((raw) => {
                const d = openDocument(raw, s);
                return {
                  id: d.id,
                  sha256: d.sha256,
                  kind: d.kind,
                  format: d.format,
                  ...opt('filename', d.filename),
                  size: d.size,
                  parsed: d.parsed as StoredParse,
                  ...(d.original ? { originalBase64: Buffer.from(s.openBytes(d.original)).toString('base64') } : {}),
                  importedAt: iso(d.importedAt),
                };
              }),
              transactions: txs,
              cmsEntries: cms,
              reconciliationRuns: runRows.map((r) => {
                const { caseId: _caseId, ...rest } = runRecord(openRun(r, s));
                return rest;
              }),
              letters: letterRows.map((r) => letter(openLetter(r, s))),
              events: eventRows.map((r) => eventRecord(openEvent(r, s))),
            };
          },
          { isolationLevel: 'repeatable read' },
        );
      }),

    importCaseExport: (document, o = {}) =>
      run('Importing the case export', async () => {
        const parsed = caseExportSchema.safeParse(document);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const field = issue.path.reduce<string>(
            (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
            '',
          );
          throw new InputError(field || '(export)', issue.message);
        }
        cleanJson('', parsed.data);
        const x = o.asNew ? withNewIds(parsed.data) : parsed.data;
        const caseId = x.case.id;
        return scoped('store', async (tx) => {
          const [already] = await tx.select({ id: t.cases.id }).from(t.cases).where(eq(t.cases.id, caseId));
          if (already) {
            throw new StoreError(
              'conflict',
              'case.id',
              `case ${caseId} is already in this store; delete it first, or import the export as a new case (asNew)`,
            );
          }
          const key = keyring.sealing ? keyring.newCaseKey(caseId) : undefined;
          const s = key?.sealer ?? sealerOf(caseId, null);
          const c = x.case;
          const [made] = await tx
            .insert(t.cases)
            .values({
              id: c.id,
              reference: s.text(c.reference ?? null),
              title: s.text(c.title),
              scheme: c.scheme,
              service: c.service,
              side: c.side,
              frequency: c.frequency ?? null,
              firstDueDate: c.firstDueDate ?? null,
              endDate: c.endDate ?? null,
              createdAt: new Date(c.createdAt),
              updatedAt: new Date(c.updatedAt),
            })
            .onConflictDoNothing({ target: t.cases.id })
            .returning({ id: t.cases.id });
          if (!made) {
            // The id is taken by a case this organisation cannot see. Said the same way whatever holds it.
            throw new StoreError(
              'conflict',
              'case.id',
              `the id ${caseId} is already taken in this store; import the export as a new case (asNew)`,
            );
          }
          if (key) await tx.insert(t.caseKeys).values({ caseId, wrapped: key.wrapped });
          const put = async <R>(rows: readonly R[], insert: (batch: R[]) => Promise<unknown>) => {
            for (const batch of batches(rows)) await insert(batch);
          };
          await put(x.parties, (b) =>
            tx.insert(t.parties).values(
              b.map((p) =>
                sealParty(
                  {
                    id: p.id,
                    caseId,
                    position: x.parties.indexOf(p),
                    role: p.role,
                    name: p.name,
                    email: p.email ?? null,
                    phone: p.phone ?? null,
                    address: p.address ?? null,
                    addressWithheld: p.addressWithheld,
                    createdAt: new Date(p.createdAt),
                  },
                  s,
                ),
              ),
            ),
          );
          await put(x.children, (b) =>
            tx.insert(t.children).values(
              b.map((k) =>
                sealChild(
                  {
                    id: k.id,
                    caseId,
                    position: x.children.indexOf(k),
                    name: k.name,
                    dateOfBirth: k.dateOfBirth ?? null,
                    createdAt: new Date(k.createdAt),
                  },
                  s,
                ),
              ),
            ),
          );
          await put(x.decisions, (b) =>
            tx.insert(t.decisions).values(
              b.map((d) => ({
                id: d.id,
                caseId,
                label: d.label,
                effectiveDate: d.effectiveDate,
                letterDate: d.letterDate ?? null,
                weeklyAmount: d.weeklyAmount ?? null,
                calculation: sealCalculation(d.calculation ?? null, s),
                service: d.service ?? null,
                receivingParentId: d.receivingParentId ?? null,
                createdAt: new Date(d.createdAt),
              })),
            ),
          );
          // One document at a time: each may carry a file of up to 20 MB.
          await put(x.documents, (b) =>
            tx.insert(t.documents).values(
              b.map((d) => ({
                id: d.id,
                caseId,
                sha256: d.sha256,
                kind: d.kind,
                format: d.format,
                filename: s.text(d.filename ?? null),
                size: d.size,
                parsed: s.json(d.parsed),
                original: d.originalBase64 === undefined ? null : s.bytes(new Uint8Array(Buffer.from(d.originalBase64, 'base64'))),
                importedAt: new Date(d.importedAt),
              })),
            ),
          );
          const documentIds = new Set(x.documents.map((d) => d.id));
          const docRef = (field: string, ref: string | undefined): string | null => {
            if (ref === undefined) return null;
            if (!documentIds.has(ref)) throw new InputError(field, 'names a document that is not in the export');
            return ref;
          };
          await put(x.transactions, (b) =>
            tx.insert(t.transactions).values(
              b.map((r) => ({
                id: r.id,
                caseId,
                documentId: docRef('transactions.documentId', r.documentId),
                fingerprint: r.fingerprint,
                date: r.date,
                amount: r.amount,
                direction: r.direction,
                description: sealDescription(r.description, s),
                balance: r.balance ?? null,
                reference: s.text(r.reference ?? null),
              })),
            ),
          );
          await put(x.cmsEntries, (b) =>
            tx.insert(t.cmsEntries).values(
              b.map((r) => ({
                id: r.id,
                caseId,
                documentId: docRef('cmsEntries.documentId', r.documentId),
                fingerprint: r.fingerprint,
                date: r.date,
                type: r.type,
                amount: r.amount,
                description: sealDescription(r.description, s),
                reference: s.text(r.reference ?? null),
                chargeType: r.chargeType ?? null,
              })),
            ),
          );
          await put(x.reconciliationRuns, (b) =>
            tx
              .insert(t.reconciliationRuns)
              .values(
                b.map((r) => ({ id: r.id, caseId, inputsHash: r.inputsHash, result: s.json(r.result), createdAt: new Date(r.createdAt) })),
              ),
          );
          await put(x.letters, (b) =>
            tx.insert(t.letters).values(
              b.map((l) => ({
                id: l.id,
                caseId,
                type: l.type,
                version: l.version,
                content: s.json(l.content),
                createdAt: new Date(l.createdAt),
              })),
            ),
          );
          await put(x.events, (b) =>
            tx.insert(t.events).values(
              b.map((e) =>
                sealEvent(
                  {
                    id: e.id,
                    caseId,
                    type: e.type,
                    date: e.date,
                    summary: e.summary ?? null,
                    details: e.details ?? null,
                    deadlines: e.deadlines,
                    createdAt: new Date(e.createdAt),
                  },
                  s,
                ),
              ),
            ),
          );
          await audit(tx, caseId, 'case_imported');
          return readCase(tx, caseId);
        });
      }),

    deleteCase: (caseId) =>
      run('Deleting the case', async () => {
        const id = checkCaseId(caseId);
        const result = await scoped('case', async (tx) => {
          // The case's key first: without it, whatever copies of the case's sealed rows remain cannot be opened.
          await tx.delete(t.caseKeys).where(eq(t.caseKeys.caseId, id));
          const gone = await tx.delete(t.cases).where(eq(t.cases.id, id)).returning({ id: t.cases.id });
          if (gone.length === 0) {
            const why = await missingCase(tx, id);
            if (why.code === 'forbidden') throw why;
            return { deleted: false };
          }
          // Erasure: the case's own audit entries go too (the trigger allows it for this case, in this
          // transaction only); one entry says that the case was deleted.
          await tx.execute(sql`select set_config('reckoner.erasure', ${id}, true)`);
          await tx.delete(t.auditLog).where(eq(t.auditLog.caseId, id));
          await tx.execute(sql`select set_config('reckoner.erasure', '', true)`);
          await audit(tx, id, 'case_deleted');
          return { deleted: true };
        });
        if (!result.deleted) return result;
        if (options.driver === 'pglite') await eraseLeftovers();
        return { deleted: true, erasure: erasureOf(options.driver, keyring.sealing) };
      }),

    auditLog: (caseId) =>
      run('Reading the audit log', async () => {
        const id = caseId === undefined ? undefined : checkCaseId(caseId);
        return scoped('store', async (tx) => {
          const rows = await tx
            .select()
            .from(t.auditLog)
            .where(id === undefined ? undefined : eq(t.auditLog.caseId, id))
            .orderBy(asc(t.auditLog.id));
          return rows.map((r): AuditEntry => ({ id: r.id, ...opt('caseId', r.caseId), action: r.action, at: iso(r.at), actor: r.actor }));
        });
      }),

    close: async () => {
      if (shared.closed) return;
      shared.closed = true;
      await options.close();
    },
  };
  return store;
}

function scheduleOf(
  row: CaseRow,
  decisions: readonly DecisionRecord[],
  asOf: CivilDate | undefined,
): Omit<ScheduleInput, 'asOf'> & { asOf?: CivilDate } {
  return {
    decisions: decisions.map(decisionInput),
    ...opt('frequency', row.frequency as PaymentFrequency | null),
    ...opt('firstDueDate', row.firstDueDate),
    ...opt('caseEndDate', row.endDate),
    ...opt('asOf', asOf),
    service: row.service as CollectionService,
  };
}

// ---------------------------------------------------------------------------------------------------
// Checking what a parser produced before any of it is written. Messages name the row, never its content.

function checkDocument(info: DocumentInfo, parsed: ParseResult) {
  if (info === null || typeof info !== 'object') throw new InputError('document', 'must say { sha256, size, filename }');
  if (typeof info.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(info.sha256))
    throw new InputError('document.sha256', 'must be the SHA-256 of the file, 64 hex digits');
  if (!Number.isInteger(info.size) || info.size < 0) throw new InputError('document.size', 'must be the size of the file in bytes');
  if (info.original !== undefined && !(info.original instanceof Uint8Array))
    throw new InputError('document.original', 'must be the bytes of the file');
  if (parsed === null || typeof parsed !== 'object') throw new InputError('parsed', 'must be a parse result');
  const stored: StoredParse = {
    kind: requireText('parsed.kind', parsed.kind, 100),
    format: requireText('parsed.format', parsed.format, 20),
    metadata: { ...parsed.metadata },
    checks: { ...parsed.checks },
    warnings: [...(parsed.warnings ?? [])],
    confidence: typeof parsed.confidence === 'number' && parsed.confidence >= 0 && parsed.confidence <= 1 ? parsed.confidence : 0,
    rows: { transactions: parsed.transactions?.length ?? 0, cmsEntries: parsed.cmsEntries?.length ?? 0 },
  };
  cleanJson('parsed.metadata', stored.metadata);
  cleanJson('parsed.checks', stored.checks);
  cleanJson('parsed.warnings', stored.warnings);
  return {
    sha256: info.sha256.toLowerCase(),
    kind: stored.kind,
    format: stored.format,
    filename: optionalText('document.filename', info.filename, 255),
    size: info.size,
    parsed: stored,
    original: info.original ?? null,
  };
}

function rowText(field: string, value: unknown, maxLength: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new InputError(field, 'must be text');
  if (value.length > maxLength) throw new InputError(field, `must be at most ${maxLength} characters`);
  return cleanText(field, value.trim());
}

function fingerprintOf(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > 200)
    throw new InputError(field, 'must be the row’s fingerprint from the parser (1 to 200 characters)');
  return cleanText(field, value);
}

function checkTransactions(rows: ParseResult['transactions']) {
  if (!Array.isArray(rows)) throw new InputError('parsed.transactions', 'must be a list');
  if (rows.length > 250_000) throw new InputError('parsed.transactions', 'at most 250,000 rows in one document');
  return rows.map((r, i) => {
    const f = `parsed.transactions[${i}]`;
    if (r === null || typeof r !== 'object') throw new InputError(f, 'must be a transaction');
    const balance = r.balance === undefined || r.balance === null ? null : moneyText(`${f}.balance`, r.balance, { negative: true });
    const reference = rowText(`${f}.reference`, r.reference, 200);
    return {
      fingerprint: fingerprintOf(`${f}.fingerprint`, r.fingerprint),
      date: civilDate(`${f}.date`, r.date),
      amount: moneyText(`${f}.amount`, r.amount, { negative: false }),
      direction: oneOf(`${f}.direction`, r.direction, DIRECTIONS),
      description: rowText(`${f}.description`, r.description, MAX_TEXT),
      balance,
      reference: reference === '' ? null : reference,
    };
  });
}

function checkCmsEntries(rows: ParseResult['cmsEntries']) {
  if (!Array.isArray(rows)) throw new InputError('parsed.cmsEntries', 'must be a list');
  if (rows.length > 250_000) throw new InputError('parsed.cmsEntries', 'at most 250,000 rows in one document');
  return rows.map((r, i) => {
    const f = `parsed.cmsEntries[${i}]`;
    if (r === null || typeof r !== 'object') throw new InputError(f, 'must be a CMS entry');
    const type = oneOf(`${f}.type`, r.type, CMS_ENTRY_TYPES);
    const reference = rowText(`${f}.reference`, r.reference, 200);
    const chargeType = r.chargeType === undefined ? null : oneOf(`${f}.chargeType`, r.chargeType, ENFORCEMENT_ACTIONS);
    if (chargeType !== null && type !== 'enforcement_charge') throw new InputError(`${f}.chargeType`, 'is only for an enforcement_charge');
    return {
      fingerprint: fingerprintOf(`${f}.fingerprint`, r.fingerprint),
      date: civilDate(`${f}.date`, r.date),
      type,
      amount: moneyText(`${f}.amount`, r.amount, { negative: type === 'adjustment' }),
      description: rowText(`${f}.description`, r.description, MAX_TEXT),
      reference: reference === '' ? null : reference,
      charge_type: chargeType,
    };
  });
}

/** The same export with a new id for the case and every row in it (references between rows kept). */
function withNewIds(x: ParsedCaseExport): ParsedCaseExport {
  const ids = new Map<string, string>();
  const fresh = (old: string): string => {
    let id = ids.get(old);
    if (!id) ids.set(old, (id = crypto.randomUUID()));
    return id;
  };
  const re = <R extends { id: string }>(rows: readonly R[]): R[] => rows.map((r) => ({ ...r, id: fresh(r.id) }));
  return {
    ...x,
    case: { ...x.case, id: fresh(x.case.id) },
    parties: re(x.parties),
    children: re(x.children),
    decisions: re(x.decisions),
    documents: re(x.documents),
    transactions: re(x.transactions).map((r) => ({ ...r, ...(r.documentId ? { documentId: fresh(r.documentId) } : {}) })),
    cmsEntries: re(x.cmsEntries).map((r) => ({ ...r, ...(r.documentId ? { documentId: fresh(r.documentId) } : {}) })),
    reconciliationRuns: re(x.reconciliationRuns),
    letters: re(x.letters),
    events: re(x.events),
  };
}
