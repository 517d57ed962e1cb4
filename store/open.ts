/**
 * Opening the case store: PostgreSQL (postgres.js) when a database URL is given (`DATABASE_URL`), otherwise
 * PGlite, embedded, in a directory on this machine (`RECKONER_DATA_DIR`, by default the user's data
 * directory). Migrations run on open, from one folder for both. Nothing leaves the machine unless a
 * PostgreSQL URL says where to send it.
 *
 * The database modules are loaded only when a store is opened, so importing this file costs nothing: the
 * calculator and the parsers never wait for the database. {@link lazyStore} opens it on first use.
 * @module
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreError, StoreFailure } from './errors.ts';
import { lockDirectory } from './lock.ts';
import { createSealer, parseKey, type Sealer } from './seal.ts';
import type { CaseStore } from './types.ts';

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
  /** Who the audit log names for changes through this store (default "local"). */
  readonly actor?: string;
  /** PostgreSQL: most connections in the pool (default 10). */
  readonly maxConnections?: number;
  /**
   * A 32-byte key (RECKONER_ENCRYPTION_KEY): names, contact details, event notes, letters and original
   * documents are then sealed with it before they are written (store/seal.ts). Without one they are stored
   * as they are, in a directory only this user can read or a database the deployment protects.
   */
  readonly encryptionKey?: Uint8Array;
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
  const sealing = key ? { encryptionKey: parseKey(key) } : {};
  const url = env.DATABASE_URL?.trim();
  if (url) return { databaseUrl: url, ...sealing };
  const dir = env.RECKONER_DATA_DIR?.trim();
  return { dataDir: dir ? resolve(dir) : defaultDataDir(env), ...sealing };
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

/**
 * Opens the store, creating and migrating the database if needed.
 *
 * @throws {StoreError} `conflict` when another process has the PGlite directory (naming its pid);
 *   `unsupported` when the PostgreSQL server cannot be reached or the directory cannot be used.
 */
export async function openStore(options: StoreOptions = {}): Promise<CaseStore> {
  const actor = options.actor ?? 'local';
  const sealer = createSealer(options.encryptionKey);
  if (options.databaseUrl) return openPostgres(options.databaseUrl, actor, options.maxConnections ?? 10, sealer);
  return openPglite(resolve(options.dataDir ?? defaultDataDir()), actor, sealer);
}

async function openPglite(dir: string, actor: string, sealer: Sealer): Promise<CaseStore> {
  try {
    // Private by default: only this user may read the directory.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new StoreError(
      'unsupported',
      'RECKONER_DATA_DIR',
      `cannot create ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); set RECKONER_DATA_DIR to a directory this user can write`,
    );
  }
  const lock = lockDirectory(dir);
  let client: import('@electric-sql/pglite').PGlite | undefined;
  try {
    const [{ PGlite }, { drizzle }, { migrate }, { schema }, { createRepository }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
      import('./schema.ts'),
      import('./repository.ts'),
    ]);
    client = await PGlite.create({ dataDir: join(dir, 'pglite') });
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const opened = client;
    return createRepository(db, {
      driver: 'pglite',
      location: dir,
      actor,
      sealer,
      close: async () => {
        try {
          await opened.close();
        } finally {
          lock.release();
        }
      },
    });
  } catch (error) {
    await client?.close().catch(() => undefined);
    lock.release();
    if (error instanceof StoreError) throw error;
    throw new StoreFailure(
      `The embedded database in ${dir} could not be opened (${(error as Error).name}: ${(error as Error).message}). ` +
        'If it was copied or damaged, move the directory aside and start again, or restore it from an export.',
    );
  }
}

async function openPostgres(url: string, actor: string, max: number, sealer: Sealer): Promise<CaseStore> {
  const [{ default: postgres }, { drizzle }, { migrate }, { schema }, { createRepository }] = await Promise.all([
    import('postgres'),
    import('drizzle-orm/postgres-js'),
    import('drizzle-orm/postgres-js/migrator'),
    import('./schema.ts'),
    import('./repository.ts'),
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
    const code = (error as NodeJS.ErrnoException).code;
    throw new StoreError(
      'unsupported',
      'DATABASE_URL',
      `could not open the PostgreSQL database at ${where} (${code ?? (error as Error).name}); check that the server is running and the URL, ` +
        'user and password are right, or unset DATABASE_URL to use the embedded database',
    );
  }
  return createRepository(db, {
    driver: 'postgres',
    location: where,
    actor,
    sealer,
    close: () => client.end({ timeout: 5 }),
  });
}

export interface LazyStore {
  /** The store, opened on the first call; later calls share it. A failed open is tried again next time. */
  readonly store: () => Promise<CaseStore>;
  /** Whether an open has been started. */
  readonly started: () => boolean;
  /** Closes the store if it was opened (and releases the PGlite directory). */
  readonly close: () => Promise<void>;
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
  };
}
