/**
 * Shared pieces for the store tests: fresh PGlite directories (copied from a migrated template, since a
 * first PGlite start takes seconds), a throwaway PostgreSQL database per run when TEST_DATABASE_URL is set,
 * and parse results built from ground truth.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays } from '../../calc/dates.ts';
import { MIGRATIONS_FOLDER, openStore } from '../../store/open.ts';
import type { CaseStore, DocumentInfo, ImportedDocument } from '../../store/types.ts';
import type { ParsedCmsEntry, ParsedTransaction, ParseResult } from '../../statements/types.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** Directories made by this process, removed by {@link cleanup}. */
const made = new Set<string>();

function migrationsHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, name.name);
      if (name.isDirectory()) walk(p);
      else h.update(name.name).update(readFileSync(p));
    }
  };
  walk(MIGRATIONS_FOLDER);
  h.update(JSON.parse(readFileSync(join(REPO, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version as string);
  return h.digest('hex').slice(0, 16);
}

let template: Promise<string> | undefined;

/**
 * A migrated, closed PGlite directory to copy from, kept in the temporary directory between runs (keyed by
 * the migrations and the PGlite version). Made in a private directory and renamed into place, so that test
 * files running in parallel never see half of one.
 */
export function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const final = join(tmpdir(), `reckoner-test-template-${migrationsHash()}`);
    if (existsSync(join(final, 'pglite', 'PG_VERSION'))) return final;
    const building = mkdtempSync(join(tmpdir(), 'reckoner-test-template-building-'));
    const store = await openStore({ dataDir: building });
    await store.close();
    try {
      renameSync(building, final);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another test file made it first
    }
    return final;
  })();
  return template;
}

/** A new PGlite directory with the schema in place. */
export async function freshDataDir(): Promise<string> {
  const source = await pgliteTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'reckoner-test-store-'));
  cpSync(source, dir, { recursive: true });
  made.add(dir);
  return dir;
}

/** A throwaway PostgreSQL database on the TEST_DATABASE_URL server; `drop` removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const { default: postgres } = await import('postgres');
  const name = `reckoner_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** One way of opening a store, for `describe.each`: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export interface DriverUnderTest {
  readonly name: 'pglite' | 'postgres';
  /** Prepares a new empty database (a directory or a PostgreSQL database) and returns how to open it. */
  readonly fresh: () => Promise<{ options: { dataDir?: string; databaseUrl?: string }; drop: () => Promise<void> }>;
}

export const DRIVERS: readonly DriverUnderTest[] = [
  {
    name: 'pglite',
    fresh: async () => {
      const dir = await freshDataDir();
      return { options: { dataDir: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  ...(TEST_DATABASE_URL
    ? [
        {
          name: 'postgres' as const,
          fresh: async () => {
            const db = await freshPostgresDatabase();
            return { options: { databaseUrl: db.url }, drop: db.drop };
          },
        },
      ]
    : []),
];

export function cleanup(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

// ---------------------------------------------------------------------------------------------------
// Ground truth: statements built from a seed, so tests compare against what was put in.

/** A small deterministic generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const pence = (p: number): string => (p / 100).toFixed(2);

/**
 * A bank statement of `count` rows from `from`, one a day: every seventh a maintenance payment of £100.00 "CMS
 * DIRECT PAY", the rest spending. Fingerprints are `<account>:<row>`, as stable as a parser's.
 */
export function bankStatement(options: { count: number; from?: string; seed?: number; account?: string; offset?: number }): ParseResult {
  const seed = options.seed ?? 1;
  const from = options.from ?? '2024-01-01';
  const account = options.account ?? 'acct1';
  const offset = options.offset ?? 0;
  const transactions: ParsedTransaction[] = [];
  // Each row depends only on its number, so overlapping statements agree on the rows they share.
  for (let i = offset; i < offset + options.count; i++) {
    const rng = prng(seed * 1_000_003 + i);
    const maintenance = i % 7 === 0;
    const amount = maintenance ? 10_000 : 100 + Math.floor(rng() * 9_900);
    transactions.push({
      date: addDays(from, Math.floor(i / 3)),
      description: maintenance ? 'CMS DIRECT PAY' : `SHOP ${Math.floor(rng() * 1000)} LONDON`,
      amount: pence(amount),
      direction: 'out',
      balance: pence(1_000_000 - i * 137),
      ...(maintenance ? { reference: `CMS${String(i).padStart(6, '0')}` } : {}),
      fingerprint: `${account}:${i}`,
    });
  }
  return {
    kind: 'bank_statement',
    format: 'csv',
    metadata: { layout: 'test_csv', issuer: 'Test Bank', accountNumberMasked: '****1234' },
    transactions,
    cmsEntries: [],
    checks: { runningBalance: 'ok', totals: 'not_available' },
    warnings: [],
    confidence: 1,
  };
}

/** A CMS statement: weekly liability of £100.00 and the payments CMS recorded. */
export function cmsStatement(options: { weeks: number; from?: string }): ParseResult {
  const from = options.from ?? '2024-01-01';
  const cmsEntries: ParsedCmsEntry[] = [];
  for (let w = 0; w < options.weeks; w++) {
    const date = addDays(from, w * 7);
    cmsEntries.push({ date, type: 'liability', amount: '100.00', description: 'Maintenance due', fingerprint: `cms:liability:${w}` });
    cmsEntries.push({ date, type: 'direct_payment', amount: '100.00', description: 'Direct Pay payment', fingerprint: `cms:payment:${w}` });
  }
  return {
    kind: 'cms_statement',
    format: 'pdf',
    metadata: { layout: 'test_cms', issuer: 'Child Maintenance Service', caseReference: '123456789012' },
    transactions: [],
    cmsEntries,
    checks: { runningBalance: 'not_available', totals: 'ok' },
    warnings: ['a test warning'],
    confidence: 0.9,
  };
}

/** What importParsed needs to know about a document, from its bytes (or any text standing for them). */
export function documentInfo(content: string | Uint8Array, extra: { filename?: string; keep?: boolean } = {}): DocumentInfo {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    ...(extra.filename ? { filename: extra.filename } : {}),
    ...(extra.keep ? { original: bytes } : {}),
  };
}

/** A bank statement's document, named `name` (a CSV of that name). */
export function bankDocument(name: string): ImportedDocument {
  return { ...documentInfo(name, { filename: `${name}.csv` }), kind: 'bank_statement', format: 'csv', confidence: 1 };
}

/** A case with a paying side, one child, two decisions. */
export async function sampleCase(store: CaseStore, title = 'Test case') {
  return store.createCase({
    title,
    side: 'paying',
    reference: '1234 5678 9012',
    service: 'direct_pay',
    frequency: 'weekly',
    firstDueDate: '2024-01-01',
    parties: [
      { role: 'paying_parent', name: 'Alex Example', email: 'alex@example.org' },
      { role: 'receiving_parent', name: 'Sam Example', address: '1 Secret Street', addressWithheld: true },
    ],
    children: [{ name: 'Kim', dateOfBirth: '2015-05-01' }],
    decisions: [
      { label: 'initial', effectiveDate: '2024-01-01', weeklyAmount: '100.00' },
      { label: 'review 2024', effectiveDate: '2024-07-01', letterDate: '2024-06-10', weeklyAmount: 110 },
    ],
  });
}

/** Runs SQL straight on a store's database, bypassing the store (which must be closed for PGlite). */
export async function rawQuery(options: { dataDir?: string; databaseUrl?: string }, query: string): Promise<unknown[]> {
  return (await rawQueries(options, [query]))[0]!;
}

/**
 * Several queries on one connection, in order: a PGlite data directory is opened once for all of them (opening it
 * takes about a second, and two instances must not hold it at once).
 */
export async function rawQueries(options: { dataDir?: string; databaseUrl?: string }, queries: readonly string[]): Promise<unknown[][]> {
  const results: unknown[][] = [];
  if (options.databaseUrl) {
    const { default: postgres } = await import('postgres');
    const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      for (const query of queries) results.push([...(await sql.unsafe(query))]);
      return results;
    } finally {
      await sql.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: join(options.dataDir!, 'pglite') });
  try {
    for (const query of queries) results.push((await db.query(query)).rows);
    return results;
  } finally {
    await db.close();
  }
}

/**
 * Runs statements in one transaction straight on a store's database, bypassing the store (which must be closed
 * for PGlite), and gives each statement's rows. The first error rolls the transaction back and is thrown.
 */
export async function rawTransaction(
  options: { dataDir?: string; databaseUrl?: string },
  statements: readonly string[],
): Promise<unknown[][]> {
  if (options.databaseUrl) {
    const { default: postgres } = await import('postgres');
    const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      return await sql.begin(async (tx) => {
        const out: unknown[][] = [];
        for (const s of statements) out.push([...(await tx.unsafe(s))]);
        return out;
      });
    } finally {
      await sql.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: join(options.dataDir!, 'pglite') });
  try {
    return await db.transaction(async (tx) => {
      const out: unknown[][] = [];
      for (const s of statements) out.push((await tx.query(s)).rows);
      return out;
    });
  } finally {
    await db.close();
  }
}

/** A copy of the migrations folder with only the first `count` migrations: a store as an earlier Reckoner left it. */
export function earlierMigrations(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'reckoner-migrations-'));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return dir;
}

/** Migrates an empty database or PGlite directory with the migrations in `folder` (see {@link earlierMigrations}). */
export async function migrateWith(options: { dataDir?: string; databaseUrl?: string }, folder: string): Promise<void> {
  if (options.databaseUrl) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const client = postgres(options.databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      await migrate(drizzle({ client }), { migrationsFolder: folder });
    } finally {
      await client.end();
    }
    return;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create({ dataDir: join(options.dataDir!, 'pglite') });
  try {
    await migrate(drizzle({ client }), { migrationsFolder: folder });
  } finally {
    await client.close();
  }
}

/** The refusal a store call ended in: its code and its problems (a call that succeeds fails the test). */
export async function refusalOf(call: Promise<unknown>): Promise<{ code: string; problems: { field: string; message: string }[] }> {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as { code: string; problems: { field: string; message: string }[] } | undefined;
  if (!error) throw new Error('expected a refusal, and the call succeeded');
  return error;
}
