/**
 * What every part of the repository shares: the connection, the keyring, whom the store acts for, and the
 * transaction every operation runs in.
 *
 * Tenancy: a store acts for one {@link Principal}. Each transaction starts (see {@link Context.scoped}) by
 * switching to the role `reckoner_app` and setting `reckoner.organisation` to the principal's organisation, both
 * for that transaction only; row-level security (migrations 0004, 0007) then shows and accepts only that
 * organisation's rows, whatever the query says. A case of another organisation is simply not there
 * (`not_found`), or, asked as the locator role, `forbidden` — never its content.
 *
 * Sealing: each case's private fields are sealed with the case's own data key (store/seal.ts, store/repository/
 * rows.ts says which), and a transaction refuses to go on when the store's recorded key fingerprint is not this
 * process's key. Every change first locks the case's row (so changes to one case queue behind each other, and a
 * delete waits for an import), writes, and appends to the audit log; nothing half-written is kept.
 * @module
 */
import { and, eq, getTableColumns, getTableName, is, max, sql } from 'drizzle-orm';
import { PgTable, type PgTransactionConfig } from 'drizzle-orm/pg-core';
import { forbidden, notFound, StoreError } from '../errors.ts';
import * as t from '../schema.ts';
import { keyRefused, type Keyring, type Sealer } from '../seal.ts';
import type { CaseSettings, Driver, Principal } from '../types.ts';
import { caseOf } from './rows.ts';
import type { ErasureTiming } from './erasure.ts';
import { guarded, rowsOf, type Database } from './sql.ts';

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

/** A consistent snapshot for reads that gather several tables (a reconciliation's input, an export). */
export const SNAPSHOT: PgTransactionConfig = { isolationLevel: 'repeatable read', accessMode: 'read only' };

export interface RepositoryOptions {
  readonly driver: Driver;
  readonly location: string;
  readonly close: () => Promise<void>;
  /** The master key's keyring (store/seal.ts); default: no key, values stored as they are. */
  readonly keyring?: Keyring;
  /** Whom the store acts for (default LOCAL_PRINCIPAL). */
  readonly principal?: Principal;
  /** PGlite: when a deleted case's tables are rewritten (erasure.ts; default ERASURE_TIMING). For tests. */
  readonly erasureTiming?: ErasureTiming;
  /** The most bytes of original files one case may keep (limits.ts; default MAX_KEPT_FILE_BYTES). For tests. */
  readonly maxKeptFileBytes?: number; /** The most cases one organisation may keep (limits.ts; default MAX_CASES_PER_ORGANISATION). */
  readonly maxCasesPerOrganisation?: number;
}

/** Told when each store call starts and ends (erasure.ts waits for a pause in them). */
export interface Activity {
  begin(): void;
  end(): void;
}

/** A case found in a transaction: its own fields (opened) and the sealer for its private fields. */
export interface FoundCase {
  readonly case: CaseSettings;
  readonly s: Sealer;
}

/** What the repository's modules are given: one per principal, over the store's one connection. */
export interface Context {
  readonly db: Database;
  readonly keyring: Keyring;
  readonly options: RepositoryOptions;
  readonly principal: Principal;
  /** Runs `work`, turning database errors into ones that quote nothing (`what` starts their message). */
  run<T>(what: string, work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` in a transaction of this principal's organisation: as the role reckoner_app, with
   * reckoner.organisation set, both for this transaction only (so a pooled connection keeps neither), holding
   * the keyring lock shared; and only if the store's key is this process's key (`scope` words the refusal).
   */
  scoped<T>(scope: 'case' | 'store', work: (tx: Database) => Promise<T>, config?: PgTransactionConfig): Promise<T>;
  /** The sealer of a case, from its wrapped key (null when it has none). */
  sealerOf(caseId: string, wrapped: Uint8Array | null): Sealer;
  /** The case (opened) and its sealer; not_found or forbidden when this organisation cannot see it. */
  findCase(ex: Database, caseId: string): Promise<FoundCase>;
  /**
   * {@link findCase}, locking the case's row for the rest of the transaction and marking it changed
   * (`updatedAt`); the sealer writes, so a case without a key gets one now when there is a master key.
   */
  lockCase(ex: Database, caseId: string): Promise<FoundCase>;
  /** Why this organisation cannot see a case: another organisation's (forbidden), or none (not_found). */
  missingCase(ex: Database, caseId: string): Promise<StoreError>;
  /**
   * Appends to the audit log: the action and the principal, never case content. A repeatable action (one that adds
   * nothing to the case) done again by the same principal on the same case is counted on its entry instead.
   */
  audit(ex: Database, caseId: string | null, action: string): Promise<void>;
}

/**
 * The actions that add nothing to a case: each is one audit entry per case, action and principal, its repeats
 * counted on it (times, last_at), so that doing one in a loop cannot grow the log without end. The same list is in
 * the audit log's trigger (migration 0011), which allows that count and nothing else to change.
 */
export const REPEATABLE_ACTIONS: ReadonlySet<string> = new Set([
  'case_exported',
  'document_reimported',
  'cms_entries_readded',
  'evidence_readded',
  'party_changed',
]);

/**
 * `"cases"."id"`, written out: drizzle leaves columns unqualified in a one-table query, and inside a subquery
 * an unqualified "id" would be the subquery's own table's.
 */
const CASE_ID = sql.raw('"cases"."id"');

/** The case's wrapped data key, as a column of a query on `cases` (null when the case has none). */
export const wrappedKey = sql<Uint8Array | null>`(select k.wrapped from ${t.caseKeys} as k where k.case_id = ${CASE_ID})`.mapWith(
  t.caseKeys.wrapped,
);

/** The setting's variable for error messages: where a store is configured. */
const whereOf = (options: Pick<RepositoryOptions, 'driver' | 'location'>) => ({
  field: options.driver === 'pglite' ? 'RECKONER_DATA_DIR' : 'DATABASE_URL',
  location: options.location,
});

export function createContext(
  db: Database,
  options: RepositoryOptions,
  keyring: Keyring,
  principal: Principal,
  activity?: Activity,
): Context {
  const where = whereOf(options);
  const sealerOf = (caseId: string, wrapped: Uint8Array | null): Sealer => keyring.caseSealer(caseId, wrapped);

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

  const cx: Context = {
    db,
    keyring,
    options,
    principal,
    run: async (what, work) => {
      activity?.begin();
      try {
        return await guarded(what, where, work);
      } finally {
        activity?.end();
      }
    },
    scoped: (scope, work, config) =>
      db.transaction(async (tx) => {
        await tx.execute(
          sql`select pg_advisory_xact_lock_shared(${KEYRING_LOCK}::bigint), set_config('role', ${APP_ROLE}, true), set_config('reckoner.organisation', ${principal.organisation}, true)`,
        );
        // A statement of its own, after the lock: it sees a rekey that finished while this waited for it.
        const [recorded] = await tx.select({ fingerprint: t.keyring.fingerprint }).from(t.keyring);
        if (recorded && !keyring.matches(recorded.fingerprint)) throw keyRefused(recorded.fingerprint, keyring, scope);
        return work(tx);
      }, config),
    sealerOf,
    async missingCase(ex, caseId) {
      // Asked as reckoner_locator, which may read case ids only; back in this organisation's role after.
      await ex.execute(sql`select set_config('role', ${LOCATOR_ROLE}, true)`);
      const found = await ex.select({ id: t.cases.id }).from(t.cases).where(eq(t.cases.id, caseId));
      await ex.execute(sql`select set_config('role', ${APP_ROLE}, true)`);
      return found.length > 0 ? forbidden(caseId) : notFound(caseId);
    },
    async findCase(ex, caseId) {
      const [found] = await ex.select({ row: t.cases, wrapped: wrappedKey }).from(t.cases).where(eq(t.cases.id, caseId));
      if (!found) throw await cx.missingCase(ex, caseId);
      const s = sealerOf(caseId, found.wrapped);
      return { case: caseOf(found.row, s), s };
    },
    async lockCase(ex, caseId) {
      const [locked] = await ex
        .update(t.cases)
        .set({ updatedAt: sql`now()` })
        .where(eq(t.cases.id, caseId))
        .returning({ ...getTableColumns(t.cases), wrapped: wrappedKey });
      if (!locked) throw await cx.missingCase(ex, caseId);
      const { wrapped, ...row } = locked;
      const s = await writingSealer(ex, caseId, wrapped);
      return { case: caseOf(row, s), s };
    },
    async audit(ex, caseId, action) {
      if (caseId !== null && REPEATABLE_ACTIONS.has(action)) {
        // The latest such entry only: a store from before 0011 may hold several, each of one time.
        const latest = ex
          .select({ id: max(t.auditLog.id) })
          .from(t.auditLog)
          .where(and(eq(t.auditLog.caseId, caseId), eq(t.auditLog.action, action), eq(t.auditLog.actor, principal.id)));
        const counted = await ex
          .update(t.auditLog)
          .set({ times: sql`${t.auditLog.times} + 1`, lastAt: sql`greatest(now(), coalesce(${t.auditLog.lastAt}, ${t.auditLog.at}))` })
          .where(eq(t.auditLog.id, sql`(${latest})`))
          .returning({ id: t.auditLog.id });
        if (counted.length > 0) return;
      }
      await ex.insert(t.auditLog).values({ caseId, action, actor: principal.id });
    },
  };
  return cx;
}

/**
 * Checks, when a store opens, that this database user may act as the store's roles (a PostgreSQL user the
 * migration did not make a member needs `GRANT reckoner_app, reckoner_keyring TO <user>`), and records the
 * master key's fingerprint if the store has none yet (or has the earlier format's record of this key).
 * A store with another key's fingerprint is left as it is: its cases are then refused one operation at a time.
 * Refuses a store whose row-level security the store's role would pass ({@link refuseTenancyBypass}); `field` names
 * where the store is configured, for that refusal.
 */
export async function prepareStore(db: Database, keyring: Keyring, field = 'DATABASE_URL'): Promise<void> {
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
    await refuseTenancyBypass(tx, field);
  });
}

/** The tables row-level security keeps apart by organisation: every table of the schema with an `organisation` column. */
const SCHEMA_TABLES: readonly unknown[] = Object.values(t.schema);
export const TENANT_TABLES: readonly string[] = SCHEMA_TABLES.filter(
  (table): table is PgTable => is(table, PgTable) && 'organisation' in getTableColumns(table),
).map((table) => getTableName(table));

/**
 * Refuses to open a store in which row-level security would not be what keeps organisations apart: the store's role
 * may bypass it (a superuser, or BYPASSRLS: PostgreSQL's roles are shared by the whole server, and an administrator
 * may have made `reckoner_app` beforehand), or a case table has it turned off or not forced. The repository's queries
 * ask for a case by its id alone and leave the organisation to the database, so any of these would show one
 * organisation's cases to another (a security review of 6 December 2026 gave the role BYPASSRLS: every organisation
 * then read every case). Run as the store's role, which may read the catalogue as every role may.
 */
async function refuseTenancyBypass(tx: Database, field: string): Promise<void> {
  const [role] = rowsOf<{ name: string; rolsuper: boolean; rolbypassrls: boolean }>(
    await tx.execute(sql`select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user`),
  );
  const names = sql.join(
    TENANT_TABLES.map((name) => sql`${name}`),
    sql`, `,
  );
  const open = rowsOf<{ relname: string }>(
    await tx.execute(
      sql`select relname from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r' and relname in (${names}) and not (relrowsecurity and relforcerowsecurity) order by relname`,
    ),
  ).map((r) => r.relname);
  const why =
    role?.name !== APP_ROLE
      ? `its queries do not run as ${APP_ROLE}`
      : role.rolsuper
        ? `the role ${APP_ROLE} is a superuser, which row-level security does not bind`
        : role.rolbypassrls
          ? `the role ${APP_ROLE} has BYPASSRLS`
          : open.length > 0
            ? `row-level security is off or not forced on ${open.join(', ')}`
            : undefined;
  if (!why) return;
  throw new StoreError(
    'unsupported',
    field,
    `the case store will not open: ${why}, so one organisation could read another's cases. A database administrator can run ` +
      `ALTER ROLE ${APP_ROLE} NOSUPERUSER NOBYPASSRLS; and, for each table named, ALTER TABLE <table> ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;`,
  );
}
