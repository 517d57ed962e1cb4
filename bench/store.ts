/**
 * The case store section of `npm run bench` (also runs alone: `npx tsx bench/store.ts`, or `npm run bench -- store`).
 *
 * Import throughput: `importParsed` of bank statements of 20,000 transactions into one case (validation,
 * the document row, ON CONFLICT inserts against the per-case fingerprint index, the audit entry, one
 * transaction), in transactions per second, on PGlite and on PostgreSQL when one is reachable
 * (BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL; a throwaway database is made and dropped). The
 * baseline, measured in the same run on the same kind of database (PostgreSQL: the same database; PGlite: a second
 * directory, open at the same time): the same rows inserted as plain multi-row
 * INSERTs, in batches of 1,000 in one transaction, into a table made `LIKE transactions INCLUDING DEFAULTS
 * INCLUDING CONSTRAINTS INCLUDING INDEXES`: the same columns, checks and indexes (the per-case unique
 * fingerprint index and the date index) as the store's own table, so the ratio is what the store adds (its
 * validation, conflict handling, document and audit rows, row-level security, foreign keys), not the cost of
 * keeping the indexes. Import and baseline runs take turns, each pair back to back (the order alternating), both
 * warmed up first; the ratio is the median of the pairs' ratios. A re-import of a statement already there (every
 * row found, none written) is timed too.
 *
 * The cold start that used to be measured here is bench/cold-start.ts.
 *
 * A measurement, not a test: nothing passes or fails on speed.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addDays } from '../calc/dates.ts';
import type { ParsedTransaction, ParseResult } from '../statements/types.ts';
import { openStore } from '../store/open.ts';
import type { CaseStore } from '../store/types.ts';
import { median } from './measure.ts';

const ROWS = 20_000;
const RUNS = 5;

/** A statement of `ROWS` rows of account `account`, deterministic. */
function statement(account: string): ParseResult {
  const transactions: ParsedTransaction[] = [];
  for (let i = 0; i < ROWS; i++) {
    const pence = 100 + ((i * 7919) % 9900);
    transactions.push({
      date: addDays('2015-01-01', Math.floor(i / 6)),
      description: i % 7 === 0 ? 'CMS DIRECT PAY' : `CARD PAYMENT ${i % 997}`,
      amount: (pence / 100).toFixed(2),
      direction: 'out',
      balance: ((1_000_000_000 - i * 5000) / 100).toFixed(2),
      ...(i % 7 === 0 ? { reference: `CMS${i}` } : {}),
      fingerprint: createHash('sha256').update(`${account}:${i}`).digest('hex'),
    });
  }
  return {
    kind: 'bank_statement',
    format: 'csv',
    metadata: { layout: 'bench_csv' },
    transactions,
    cmsEntries: [],
    checks: { runningBalance: 'ok', totals: 'not_available' },
    warnings: [],
    confidence: 1,
  };
}

const info = (name: string) => ({ sha256: createHash('sha256').update(name).digest('hex'), size: name.length, filename: `${name}.csv` });

interface Throughput {
  readonly driver: string;
  readonly importPerSec: number;
  readonly reimportPerSec: number;
  readonly baselinePerSec: number;
  /** The median of the runs' import ÷ baseline ratios (each pair taken back to back). */
  readonly ratio: number;
}

/** A connection of the baseline's own: a statement with parameters, and the transaction around a statement's rows. */
interface Plain {
  readonly run: (text: string, params: unknown[]) => Promise<void>;
  readonly begin: () => Promise<void>;
  readonly commit: () => Promise<void>;
}

/** Rows of one statement as VALUES tuples, in batches of 1,000 (as the store writes them). */
function valueBatches(s: ParseResult, caseId: string): { text: string; params: unknown[] }[] {
  const out: { text: string; params: unknown[] }[] = [];
  for (let i = 0; i < s.transactions.length; i += 1000) {
    const batch = s.transactions.slice(i, i + 1000);
    const params: unknown[] = [];
    const tuples = batch.map((t) => {
      const base = params.length;
      params.push(caseId, 'local', t.fingerprint, t.date, t.amount, t.direction, t.description, t.balance ?? null, t.reference ?? null);
      return `(${Array.from({ length: 9 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
    });
    out.push({ text: `insert into bench_plain (${PLAIN_COLUMNS}) values ${tuples.join(', ')}`, params });
  }
  return out;
}

/** The store's own table's columns, checks and indexes (no foreign keys, no row-level security, no triggers). */
const PLAIN_TABLE = 'create table if not exists bench_plain (like transactions including defaults including constraints including indexes)';
const PLAIN_COLUMNS = 'case_id, organisation, fingerprint, date, amount, direction, description, balance, reference';
const PLAIN_CASE = '00000000-0000-4000-8000-000000000017';

/** Milliseconds to insert `s`'s rows as plain INSERTs in one transaction. */
async function plainInsert(plain: Plain, s: ParseResult): Promise<number> {
  const batches = valueBatches(s, PLAIN_CASE);
  const t0 = performance.now();
  await plain.begin();
  for (const b of batches) await plain.run(b.text, b.params);
  await plain.commit();
  return performance.now() - t0;
}

/**
 * RUNS imports of new statements into one case (RUNS × ROWS = 100,000 lines, a case's limit: store/repository/limits.ts) and RUNS plain inserts of statements as large, taken in turns (the
 * order alternating from run to run) so drift in the machine's speed falls on both; both warmed up first with a
 * small statement. Then one re-import of the last statement.
 */
async function timeImports(store: CaseStore, plain: Plain): Promise<Omit<Throughput, 'driver'>> {
  const c = await store.createCase({ title: 'bench', side: 'paying' });
  await plain.run(PLAIN_TABLE, []);
  const warm = statement('warm');
  const small = { ...warm, transactions: warm.transactions.slice(0, 2000) };
  // Warmed up on a case of its own: the measured one then takes RUNS × ROWS lines, within a case's limit of them.
  const warmCase = await store.createCase({ title: 'bench warm-up', side: 'paying' });
  await store.importParsed(warmCase.id, info('warm'), small);
  await plainInsert(plain, small);
  const imports: number[] = [];
  const plains: number[] = [];
  let last: ParseResult | undefined;
  const importOne = async (r: number) => {
    last = statement(`run${r}`);
    const t0 = performance.now();
    const result = await store.importParsed(c.id, info(`run${r}`), last);
    const ms = performance.now() - t0;
    if (result.new !== ROWS) throw new Error(`bench import added ${result.new} rows, not ${ROWS}`);
    imports.push(ROWS / (ms / 1000));
  };
  const plainOne = async (r: number) => void plains.push(ROWS / ((await plainInsert(plain, statement(`plain${r}`))) / 1000));
  for (let r = 0; r < RUNS; r++) {
    if (r % 2 === 0) {
      await importOne(r);
      await plainOne(r);
    } else {
      await plainOne(r);
      await importOne(r);
    }
  }
  const t0 = performance.now();
  const again = await store.importParsed(c.id, info(`run${RUNS - 1}`), last!);
  const reMs = performance.now() - t0;
  if (again.alreadyThere !== ROWS) throw new Error('bench re-import found fewer rows than it should');
  return {
    importPerSec: median(imports),
    reimportPerSec: ROWS / (reMs / 1000),
    baselinePerSec: median(plains),
    ratio: median(imports.map((x, i) => x / plains[i]!)),
  };
}

/**
 * PGlite: the store in one directory and the baseline in another, both open at once (one process may hold each), the
 * baseline's made by opening and closing a store there first, so it has the same migrated `transactions` table.
 */
async function pgliteThroughput(): Promise<Throughput> {
  const dir = mkdtempSync(join(tmpdir(), 'reckoner-bench-'));
  const baseDir = mkdtempSync(join(tmpdir(), 'reckoner-bench-plain-'));
  try {
    await (await openStore({ dataDir: baseDir })).close();
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create({ dataDir: join(baseDir, 'pglite') });
    try {
      const store = await openStore({ dataDir: dir });
      try {
        const timed = await timeImports(store, {
          run: async (text, params) => void (await db.query(text, params)),
          begin: async () => void (await db.exec('begin')),
          commit: async () => void (await db.exec('commit')),
        });
        return { driver: 'PGlite (embedded, on disk)', ...timed };
      } finally {
        await store.close();
      }
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(baseDir, { recursive: true, force: true });
  }
}

async function postgresThroughput(url: string): Promise<Throughput | string> {
  const { default: postgres } = await import('postgres');
  const name = `reckoner_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined, connect_timeout: 5 });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    await admin.end({ timeout: 1 }).catch(() => undefined);
    return `not measured: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name} (could not make a throwaway database)`;
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    const store = await openStore({ databaseUrl: target.toString() });
    try {
      const sql = postgres(target.toString(), { max: 1, onnotice: () => undefined });
      try {
        const reserved = await sql.reserve();
        try {
          const timed = await timeImports(store, {
            run: async (text, params) => void (await reserved.unsafe(text, params as never[])),
            begin: async () => void (await reserved.unsafe('begin')),
            commit: async () => void (await reserved.unsafe('commit')),
          });
          return { driver: 'PostgreSQL (postgres.js)', ...timed };
        } finally {
          reserved.release();
        }
      } finally {
        await sql.end();
      }
    } finally {
      await store.close();
    }
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => undefined);
    await admin.end();
  }
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-GB');

export async function storeSection(): Promise<string> {
  console.log(
    `\nCase store: importParsed of ${ROWS.toLocaleString('en-GB')}-transaction bank statements into one case, ${RUNS} runs (median)`,
  );
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const results: (Throughput | { driver: string; note: string })[] = [await pgliteThroughput()];
  if (url) {
    const pg = await postgresThroughput(url);
    results.push(typeof pg === 'string' ? { driver: 'PostgreSQL (postgres.js)', note: pg } : pg);
  } else {
    results.push({ driver: 'PostgreSQL (postgres.js)', note: 'not measured: set TEST_DATABASE_URL (or BENCH_DATABASE_URL)' });
  }
  const head = ['', 'import tx/s', 'plain INSERT, same indexes, tx/s', 'ratio (median of pairs)', 're-import tx/s (all already there)'];
  const rows = results.map((r) =>
    'note' in r
      ? [r.driver, r.note, '', '', '']
      : [r.driver, fmt(r.importPerSec), fmt(r.baselinePerSec), r.ratio.toFixed(2), fmt(r.reimportPerSec)],
  );
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((l) => (l[c]!.length > 40 ? 0 : l[c]!.length))));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  const p = results[0] as Throughput;
  const pg = results[1]!;
  return (
    `store import ${fmt(p.importPerSec)} transactions/s on PGlite (${p.ratio.toFixed(2)} × plain INSERT with the same indexes)` +
    ('note' in pg ? '' : `, ${fmt(pg.importPerSec)}/s on PostgreSQL (${pg.ratio.toFixed(2)} × plain INSERT)`)
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`\nSummary: ${await storeSection()}.`);
}
