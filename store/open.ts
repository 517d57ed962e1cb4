/**
 * Opening the case store: PostgreSQL (postgres.js) when a database URL is given (`DATABASE_URL`), otherwise
 * PGlite, embedded, in a directory on this machine (`RECKONER_DATA_DIR`, by default the user's data
 * directory). Migrations run on open, from one folder for both. Nothing leaves the machine unless a
 * PostgreSQL URL says where to send it. The embedded database's directory is private to the user (0700, its
 * files 0600) whatever the umask.
 *
 * A store acts for one principal (StoreOptions.principal, by default the local one); `store.as(principal)`
 * gives the same store, on the same connection, acting for another (store/repository/context.ts says how the database
 * enforces it). rekeyStore (store/rekey.ts) changes the master key of a store that is not open.
 *
 * The database modules are loaded only when a store is opened, so importing this file costs nothing: the
 * calculator and the parsers never wait for the database. {@link lazyStore} opens it on first use.
 * @module
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diskFull, isDiskFull, sqlStateOf, StoreError, StoreFailure } from './errors.ts';
import { LOCK_FILE, lockDirectory } from './lock.ts';
import type { Database } from './repository/index.ts';
import { createKeyring, parseKey } from './seal.ts';
import type { CaseStore, Driver, Principal } from './types.ts';

// Written from the repository root one level up, so the path is right both here and in the bundle
// dist/reckoner.mjs (scripts/build.mjs), which is also one level below the root.
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../store/migrations', import.meta.url));

/** Key of the PostgreSQL advisory lock that lets one process at a time migrate a shared database. */
const MIGRATION_LOCK = '7283190451';

export interface StoreOptions {
  /** A PostgreSQL URL (postgres://user:password@host:port/database): use that server instead of PGlite. */
  readonly databaseUrl?: string;
  /** The PGlite directory; defaults to {@link defaultDataDir}. */
  readonly dataDir?: string;
  /**
   * Whom the store acts for (default LOCAL_PRINCIPAL: organisation "local", named "local" in the audit log);
   * `store.as(principal)` gives the same store acting for another.
   */
  readonly principal?: Principal;
  /** PostgreSQL: most connections in the pool (default 10). */
  readonly maxConnections?: number;
  /**
   * A 32-byte master key (RECKONER_ENCRYPTION_KEY): each case's private fields are then sealed with the case's
   * own key, wrapped by this one, before they are written (store/seal.ts). Without one they are stored as they
   * are, in a directory only this user can read or a database the deployment protects. A store that has a key
   * refuses every case operation of a process with no key or another key.
   */
  readonly encryptionKey?: Uint8Array;
  /**
   * PGlite: how long after a delete the tables that held the case are rewritten (store/repository/erasure.ts;
   * default ERASURE_TIMING, a 2-second pause in calls or 60 seconds at most). For tests.
   */
  readonly erasureTiming?: { readonly quietMs: number; readonly withinMs: number };
  /** The most bytes of original files one case may keep (store/repository/limits.ts; default 1 GiB). For tests. */
  readonly maxKeptFileBytes?: number; /** The most cases one organisation may keep (RECKONER_MAX_CASES; store/repository/limits.ts, default 20,000). */
  readonly maxCasesPerOrganisation?: number;
}

/**
 * Where the embedded database lives when RECKONER_DATA_DIR is not set: `$XDG_DATA_HOME/reckoner`, or
 * `~/.local/share/reckoner`; on macOS `~/Library/Application Support/reckoner`; on Windows `%APPDATA%\reckoner`.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'reckoner');
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'reckoner');
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'share'), 'reckoner');
}

/** The store options the environment asks for: DATABASE_URL, else RECKONER_DATA_DIR, else the default directory. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const key = env.RECKONER_ENCRYPTION_KEY?.trim();
  const sealing = { ...(key ? { encryptionKey: parseKey(key) } : {}), ...maxCasesFrom(env) };
  const url = env.DATABASE_URL?.trim();
  if (url) return { databaseUrl: url, ...sealing };
  const dir = env.RECKONER_DATA_DIR?.trim();
  return { dataDir: dir ? resolve(dir) : defaultDataDir(env), ...sealing };
}

/** RECKONER_MAX_CASES, the most cases one organisation may keep: a whole number from 1, or unset for the default. */
function maxCasesFrom(env: NodeJS.ProcessEnv): { maxCasesPerOrganisation?: number } {
  const text = env.RECKONER_MAX_CASES?.trim();
  if (!text) return {};
  if (!/^[1-9][0-9]{0,8}$/.test(text)) {
    throw new StoreError(
      'invalid_input',
      'RECKONER_MAX_CASES',
      `must be a whole number of cases from 1 to 999,999,999 (got "${text.slice(0, 40)}"); unset it for the default of 20,000 per organisation`,
    );
  }
  return { maxCasesPerOrganisation: Number(text) };
}

/** `postgres://host:port/database`: where the data is, without the user name or password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** An open, migrated database, not yet a store: what {@link openStore} and rekeyStore (store/rekey.ts) build on. */
export interface OpenDatabase {
  readonly db: Database;
  readonly driver: Driver;
  /** Where the data is (never a password). */
  readonly location: string;
  /** The variable that configures it, for error messages: RECKONER_DATA_DIR or DATABASE_URL. */
  readonly field: string;
  /** Closes the connection (and releases the PGlite directory). */
  readonly close: () => Promise<void>;
}

/**
 * Opens the store, creating and migrating the database if needed.
 *
 * @throws {StoreError} `conflict` when another process has the PGlite directory (naming its pid);
 *   `unsupported` when the PostgreSQL server cannot be reached, its user may not act as the store's roles, or
 *   the directory cannot be used.
 */
export async function openStore(options: StoreOptions = {}): Promise<CaseStore> {
  const keyring = createKeyring(options.encryptionKey);
  const opened = await openDatabase(options);
  try {
    const { createRepository, prepareStore } = await import('./repository/index.ts');
    await prepareStore(opened.db, keyring, opened.field).catch((error: unknown) => {
      throw roleProblem(error, opened) ?? error;
    });
    return createRepository(opened.db, {
      driver: opened.driver,
      location: opened.location,
      keyring,
      ...(options.principal ? { principal: options.principal } : {}),
      ...(options.erasureTiming ? { erasureTiming: options.erasureTiming } : {}),
      ...(options.maxKeptFileBytes !== undefined ? { maxKeptFileBytes: options.maxKeptFileBytes } : {}),
      ...(options.maxCasesPerOrganisation !== undefined ? { maxCasesPerOrganisation: options.maxCasesPerOrganisation } : {}),
      close: opened.close,
    });
  } catch (error) {
    await opened.close().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    if (isDiskFull(error)) throw diskFull('Opening the case store', opened);
    throw new StoreFailure(
      `The case store at ${opened.location} could not be prepared (SQLSTATE ${sqlStateOf(error) ?? 'none'}).`,
      sqlStateOf(error),
    );
  }
}

/** The database: PostgreSQL when the options give a URL, otherwise PGlite in its directory; migrated. */
export function openDatabase(options: StoreOptions = {}): Promise<OpenDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openPglite(resolve(options.dataDir ?? defaultDataDir()));
}

/** A database user that may not act as the store's roles, said as what to grant. */
function roleProblem(error: unknown, where: OpenDatabase): StoreError | undefined {
  const state = sqlStateOf(error);
  if (state !== '42501' && state !== '22023') return undefined;
  return new StoreError(
    'unsupported',
    where.field,
    `the database user cannot act as the roles reckoner_app, reckoner_keyring and reckoner_locator (SQLSTATE ${state}), which the store runs ` +
      'its queries as so that row-level security applies; a database administrator can run: ' +
      'GRANT reckoner_app, reckoner_keyring, reckoner_locator TO <the user in DATABASE_URL>',
  );
}

/**
 * Makes the store's directory private to this user, whatever the umask: the directory itself 0700, and what
 * Reckoner keeps in it (the database folder `pglite`, the lock file) folders 0700 and files 0600. Anything else
 * a user keeps in RECKONER_DATA_DIR is left as it is. PGlite writes its files with the process's umask; this
 * runs when the store opens and when it closes (files made in between sit inside folders no one else can
 * enter). Symbolic links are not followed.
 */
export function makePrivate(dir: string): void {
  if (process.platform === 'win32') return;
  const walk = (path: string, deep: boolean): void => {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return; // not there (yet)
    }
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
      if (deep) for (const name of readdirSync(path)) walk(join(path, name), true);
    } else if ((stat.mode & 0o777) !== 0o600) chmodSync(path, 0o600);
  };
  walk(dir, false);
  walk(join(dir, 'pglite'), true);
  walk(join(dir, LOCK_FILE), false);
}

/** PostgreSQL's type oid for bytea (pg_type), the same in every version. */
const BYTEA_OID = 17;

/**
 * How PGlite passes bytea (a kept original file, a wrapped case key) to and from the database: as hex text, the form
 * PostgreSQL reads and writes (`\x…`), made and read by Buffer in native code. PGlite's own does it a byte at a time
 * in JavaScript (an array of one string per byte, then a parseInt per byte back), on the thread that serves every
 * request: a security probe's case export with a 45 MB original held the server 63 s and grew it to 4.2 GB, and three
 * at once held another organisation's calculation 125 s.
 */
const PGLITE_BYTEA = {
  serializers: {
    [BYTEA_OID]: (value: Uint8Array): string => `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`,
  },
  parsers: {
    [BYTEA_OID]: (text: string): Uint8Array => {
      // Always the hex form: PostgreSQL's bytea_output is 'hex' unless a setting says 'escape', and Reckoner sets none.
      const bytes = Buffer.from(text.slice(2), 'hex');
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  },
} as const;

async function openPglite(dir: string): Promise<OpenDatabase> {
  try {
    // Private by default: only this user may read the directory, even one that was there before.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    makePrivate(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw diskFull('Opening the case store', { field: 'RECKONER_DATA_DIR', location: dir });
    throw new StoreError(
      'unsupported',
      'RECKONER_DATA_DIR',
      `cannot create ${dir} (${code ?? 'error'}); set RECKONER_DATA_DIR to a directory this user can write`,
    );
  }
  const lock = lockDirectory(dir);
  let client: import('@electric-sql/pglite').PGlite | undefined;
  try {
    const [{ PGlite }, { drizzle }, { migrate }, { schema }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
      import('./schema.ts'),
    ]);
    client = await PGlite.create({ dataDir: join(dir, 'pglite'), ...PGLITE_BYTEA });
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    makePrivate(dir);
    const opened = client;
    return {
      db,
      driver: 'pglite',
      location: dir,
      field: 'RECKONER_DATA_DIR',
      close: async () => {
        try {
          await opened.close();
          makePrivate(dir);
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    await client?.close().catch(() => undefined);
    lock.release();
    if (error instanceof StoreError) throw error;
    if (isDiskFull(error)) throw diskFull('Opening the case store', { field: 'RECKONER_DATA_DIR', location: dir });
    throw new StoreFailure(
      `The embedded database in ${dir} could not be opened (${(error as Error).name}: ${(error as Error).message}). ` +
        'If it was copied or damaged, move the directory aside and start again, or restore it from an export.',
    );
  }
}

async function openPostgres(url: string, max: number): Promise<OpenDatabase> {
  const [{ default: postgres }, { drizzle }, { migrate }, { schema }] = await Promise.all([
    import('postgres'),
    import('drizzle-orm/postgres-js'),
    import('drizzle-orm/postgres-js/migrator'),
    import('./schema.ts'),
  ]);
  const where = describeUrl(url);
  // Notices ("schema already exists, skipping") would otherwise go to the console: stdout is JSON-RPC in mcp mode.
  const client = postgres(url, { max, onnotice: () => undefined, connect_timeout: 10, idle_timeout: 60 });
  const db = drizzle({ client, schema });
  try {
    const reserved = await client.reserve();
    try {
      await reserved`select pg_advisory_lock(${MIGRATION_LOCK}::bigint)`;
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await reserved`select pg_advisory_unlock(${MIGRATION_LOCK}::bigint)`.catch(() => undefined);
      reserved.release();
    }
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => undefined);
    const code = sqlStateOf(error) ?? (error as NodeJS.ErrnoException).code;
    if (isDiskFull(error)) throw diskFull('Opening the case store', { field: 'DATABASE_URL', location: where });
    throw new StoreError(
      'unsupported',
      'DATABASE_URL',
      code === '42501'
        ? `the database user at ${where} may not set up Reckoner's tables and roles (SQLSTATE 42501); run Reckoner once as the owner of ` +
            'the database with the right to create roles, or have an administrator create the roles reckoner_app, reckoner_keyring and reckoner_locator (NOLOGIN) and grant them to this user'
        : `could not open the PostgreSQL database at ${where} (${code ?? (error as Error).name}); check that the server is running and the URL, ` +
            'user and password are right, or unset DATABASE_URL to use the embedded database',
    );
  }
  return {
    db,
    driver: 'postgres',
    location: where,
    field: 'DATABASE_URL',
    close: () => client.end({ timeout: 5 }),
  };
}

export interface LazyStore {
  /** The store, opened on the first call; later calls share it. A failed open is tried again next time. */
  readonly store: () => Promise<CaseStore>;
  /** Whether an open has been started. */
  readonly started: () => boolean;
  /** Closes the store if it was opened (and releases the PGlite directory). */
  readonly close: () => Promise<void>;
  /**
   * Lets go of the store as it is (closed in the background, its calls still running given a few seconds to end)
   * and opens a new one on the next call: for a PostgreSQL pool left with a connection that cannot write
   * (server/postgres-guard.ts).
   */
  readonly reopen: () => void;
}

/**
 * A store that opens on first use: what the server passes to tools as `context.store`. Nothing is loaded or
 * opened until a case tool is called, so `calculate_maintenance` answers without waiting for a database.
 */
export function lazyStore(options: StoreOptions | (() => StoreOptions) = storeOptionsFromEnv): LazyStore {
  let pending: Promise<CaseStore> | undefined;
  return {
    store: () => {
      if (!pending) {
        // Options are read inside the promise, so a bad setting (an unusable key) is a failed open, not a throw.
        const attempt = (async () => openStore(typeof options === 'function' ? options() : options))();
        pending = attempt;
        attempt.catch(() => {
          if (pending === attempt) pending = undefined;
        });
      }
      return pending;
    },
    started: () => pending !== undefined,
    close: async () => {
      const p = pending;
      pending = undefined;
      if (p) await (await p.catch(() => undefined))?.close();
    },
    reopen: () => {
      const p = pending;
      pending = undefined;
      if (p) void p.then((store) => store.close()).catch(() => undefined);
    },
  };
}

/**
 * Who else may connect to the PostgreSQL database: a warning saying what to run, or undefined when only its owner,
 * superusers and the roles granted CONNECT by name may. A new database lets PUBLIC (every user of the server) connect,
 * and Reckoner's roles (reckoner_app, …) are shared by every database on the server: a user of another deployment on
 * the same server could connect to this one, act as reckoner_app and read its cases (a security audit did). Only the
 * database's name and role names are said, never case data; undefined too when the database cannot be asked (opening
 * the store then says why).
 */
export async function connectWarning(url: string): Promise<string | undefined> {
  const { default: postgres } = await import('postgres');
  const client = postgres(url, { max: 1, onnotice: () => undefined, connect_timeout: 10, idle_timeout: 1 });
  try {
    const rows = await client<{ database: string; publicConnect: boolean; others: string[] }[]>`
      select d.datname as database,
        d.datacl is null or exists (select 1 from aclexplode(d.datacl) a where a.grantee = 0 and a.privilege_type = 'CONNECT') as "publicConnect",
        array(select r.rolname::text from pg_roles r
          where r.rolcanlogin and not r.rolsuper and r.oid <> d.datdba and r.rolname <> current_user
            and has_database_privilege(r.oid, d.oid, 'CONNECT') order by r.rolname limit 10) as others
      from pg_database d where d.datname = current_database()`;
    const found = rows[0];
    if (!found || (!found.publicConnect && found.others.length === 0)) return undefined;
    const database = `"${found.database.replace(/"/g, '""')}"`;
    const who = found.publicConnect ? 'every user of this PostgreSQL server (PUBLIC has CONNECT)' : `the users ${found.others.join(', ')}`;
    return (
      `WARNING — ${who} may connect to the database ${database}, and Reckoner's roles are shared by every database on the ` +
      'server: a user of another database there could read these cases. As its owner or an administrator, run: ' +
      (found.publicConnect
        ? `REVOKE CONNECT ON DATABASE ${database} FROM PUBLIC; GRANT CONNECT ON DATABASE ${database} TO <the user in DATABASE_URL>;`
        : `REVOKE CONNECT ON DATABASE ${database} FROM <each of them>;`)
    );
  } catch {
    return undefined;
  } finally {
    await client.end({ timeout: 1 }).catch(() => undefined);
  }
}
