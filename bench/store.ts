/**
 * The case store section of `npm run bench` (also runs alone: `npx tsx bench/store.ts`).
 *
 * 1. Import throughput: `importParsed` of bank statements of 20,000 transactions into one case (validation,
 *    the document row, ON CONFLICT inserts against the per-case fingerprint index, the audit entry, one
 *    transaction), in transactions per second, on PGlite and on PostgreSQL when one is reachable
 *    (BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL; a throwaway database is made and dropped). The
 *    baseline, measured in the same run on the same database: the same rows inserted as plain multi-row
 *    INSERTs into a table with no index or constraint. A re-import of a statement already there (every row
 *    found, none written) is timed too.
 * 2. Cold start: `bin/reckoner mcp` spawned, an MCP client connected over stdio, until its first
 *    calculate_maintenance call is answered; the median of a few runs, with no store configured, with
 *    RECKONER_DATA_DIR and with DATABASE_URL (the store opens lazily, so the calculation must not wait for
 *    it), from the bundle as installed and from the sources through tsx. Baseline: node starting and
 *    exiting. The target is under one second.
 *
 * A measurement, not a test: nothing passes or fails on speed.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { addDays } from '../calc/dates.ts';
import type { ParsedTransaction, ParseResult } from '../statements/types.ts';
import { openStore } from '../store/open.ts';
import type { CaseStore } from '../store/types.ts';
import { median } from './measure.ts';

const ROWS = 20_000;
const RUNS = 3;
const COLD_RUNS = 5;
const RECKONER = fileURLToPath(new URL('../bin/reckoner', import.meta.url));
const REPO = fileURLToPath(new URL('..', import.meta.url));

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
}

/** Times RUNS imports of new statements and one re-import into one case. */
async function timeImports(store: CaseStore): Promise<{ importPerSec: number; reimportPerSec: number }> {
  const c = await store.createCase({ title: 'bench', side: 'paying' });
  // Warm-up: a small import, so the first timed one does not pay for plan caching.
  const warm = statement('warm');
  await store.importParsed(c.id, info('warm'), { ...warm, transactions: warm.transactions.slice(0, 2000) });
  const rates: number[] = [];
  let last: ParseResult | undefined;
  for (let r = 0; r < RUNS; r++) {
    last = statement(`run${r}`);
    const t0 = performance.now();
    const result = await store.importParsed(c.id, info(`run${r}`), last);
    const ms = performance.now() - t0;
    if (result.new !== ROWS) throw new Error(`bench import added ${result.new} rows, not ${ROWS}`);
    rates.push(ROWS / (ms / 1000));
  }
  const t0 = performance.now();
  const again = await store.importParsed(c.id, info(`run${RUNS - 1}`), last!);
  const reMs = performance.now() - t0;
  if (again.alreadyThere !== ROWS) throw new Error('bench re-import found fewer rows than it should');
  return { importPerSec: median(rates), reimportPerSec: ROWS / (reMs / 1000) };
}

/** Rows of one statement as VALUES tuples, in batches of 1,000 (as the store writes them). */
function valueBatches(s: ParseResult): { text: string; params: unknown[] }[] {
  const out: { text: string; params: unknown[] }[] = [];
  for (let i = 0; i < s.transactions.length; i += 1000) {
    const batch = s.transactions.slice(i, i + 1000);
    const params: unknown[] = [];
    const tuples = batch.map((t) => {
      const base = params.length;
      params.push(t.fingerprint, t.date, t.amount, t.direction, t.description, t.balance ?? null, t.reference ?? null);
      return `(${Array.from({ length: 7 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
    });
    out.push({ text: `insert into bench_plain values ${tuples.join(', ')}`, params });
  }
  return out;
}

const PLAIN_TABLE =
  'create table if not exists bench_plain (fingerprint text, date date, amount numeric(14,2), direction text, description text, balance numeric(14,2), reference text)';

/** The baseline: the same rows, plain INSERTs in one transaction, into an unindexed table. */
async function timePlain(run: (text: string, params: unknown[]) => Promise<void>, begin: () => Promise<void>, commit: () => Promise<void>) {
  await run(PLAIN_TABLE, []);
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const batches = valueBatches(statement(`plain${r}`));
    const t0 = performance.now();
    await begin();
    for (const b of batches) await run(b.text, b.params);
    await commit();
    rates.push(ROWS / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

async function pgliteThroughput(): Promise<Throughput> {
  const dir = mkdtempSync(join(tmpdir(), 'reckoner-bench-'));
  try {
    const store = await openStore({ dataDir: dir });
    let timed;
    try {
      timed = await timeImports(store);
    } finally {
      await store.close();
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create({ dataDir: join(dir, 'pglite') });
    try {
      const baseline = await timePlain(
        async (text, params) => void (await db.query(text, params)),
        async () => void (await db.exec('begin')),
        async () => void (await db.exec('commit')),
      );
      return { driver: 'PGlite (embedded, on disk)', ...timed, baselinePerSec: baseline };
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
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
    let timed;
    try {
      timed = await timeImports(store);
    } finally {
      await store.close();
    }
    const sql = postgres(target.toString(), { max: 1, onnotice: () => undefined });
    try {
      const reserved = await sql.reserve();
      try {
        const baseline = await timePlain(
          async (text, params) => void (await reserved.unsafe(text, params as never[])),
          async () => void (await reserved.unsafe('begin')),
          async () => void (await reserved.unsafe('commit')),
        );
        return { driver: 'PostgreSQL (postgres.js)', ...timed, baselinePerSec: baseline };
      } finally {
        reserved.release();
      }
    } finally {
      await sql.end();
    }
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => undefined);
    await admin.end();
  }
}

/** Milliseconds from spawning `bin/reckoner mcp` to the answer of its first calculate_maintenance call. */
async function coldStart(env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const transport = new StdioClientTransport({ command: RECKONER, args: ['mcp'], env, cwd: REPO, stderr: 'ignore' });
  const client = new Client({ name: 'bench', version: '0' });
  try {
    await client.connect(transport);
    const result = await client.callTool({
      name: 'calculate_maintenance',
      arguments: { date: '2026-04-06', payingParent: { grossWeeklyIncome: 500 }, receivingParents: [{ children: [{}, {}] }] },
    });
    if (result.isError) throw new Error('calculate_maintenance failed in the cold-start bench');
    return performance.now() - t0;
  } finally {
    await client.close();
  }
}

/** Milliseconds to spawn node and let it exit: what any `bin/reckoner` start pays. */
async function bareNode(): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { cwd: REPO, stdio: 'ignore' });
  await once(child, 'exit');
  return performance.now() - t0;
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-GB');

export async function storeSection(): Promise<string> {
  console.log(
    `\n4. Case store: importParsed of ${ROWS.toLocaleString('en-GB')}-transaction bank statements into one case, ${RUNS} runs (median)`,
  );
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const results: (Throughput | { driver: string; note: string })[] = [await pgliteThroughput()];
  if (url) {
    const pg = await postgresThroughput(url);
    results.push(typeof pg === 'string' ? { driver: 'PostgreSQL (postgres.js)', note: pg } : pg);
  } else {
    results.push({ driver: 'PostgreSQL (postgres.js)', note: 'not measured: set TEST_DATABASE_URL (or BENCH_DATABASE_URL)' });
  }
  const head = ['', 'import tx/s', 'plain INSERT tx/s', 'ratio', 're-import tx/s (all already there)'];
  const rows = results.map((r) =>
    'note' in r
      ? [r.driver, r.note, '', '', '']
      : [r.driver, fmt(r.importPerSec), fmt(r.baselinePerSec), (r.importPerSec / r.baselinePerSec).toFixed(2), fmt(r.reimportPerSec)],
  );
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((l) => (l[c]!.length > 40 ? 0 : l[c]!.length))));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  console.log(`\n5. Cold start: bin/reckoner mcp spawned until its first calculate_maintenance answer over stdio (${COLD_RUNS} runs each)`);
  execFileSync(process.execPath, [join(REPO, 'scripts/build.mjs')]); // the bundle `npm ci` and `npm start` build
  const dataDir = mkdtempSync(join(tmpdir(), 'reckoner-bench-cold-'));
  const base: Record<string, string> = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) => v !== undefined && !['DATABASE_URL', 'RECKONER_DATA_DIR', 'RECKONER_FROM_SOURCE'].includes(k),
    ),
  ) as Record<string, string>;
  // The store opens on the first case tool, so none of these should wait for a database; DATABASE_URL
  // may name one that is not even reachable.
  const variants: { label: string; env: Record<string, string> }[] = [
    { label: 'no store configured', env: base },
    { label: 'RECKONER_DATA_DIR set', env: { ...base, RECKONER_DATA_DIR: dataDir } },
    { label: 'DATABASE_URL set', env: { ...base, DATABASE_URL: url ?? 'postgres://postgres@127.0.0.1:1/none' } },
    { label: 'from the sources (tsx)', env: { ...base, RECKONER_FROM_SOURCE: '1' } },
  ];
  const samples = variants.map(() => [] as number[]);
  const node: number[] = [];
  try {
    for (const v of variants) await coldStart(v.env); // warm the file cache and tsx's cache once
    for (let i = 0; i < COLD_RUNS; i++) {
      for (const [k, v] of variants.entries()) samples[k]!.push(await coldStart(v.env));
      node.push(await bareNode());
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const range = (xs: number[]) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;
  const width = Math.max(...variants.map((v) => v.label.length)) + 2;
  for (const [k, v] of variants.entries()) {
    console.log(`   ${`${v.label}:`.padEnd(width)} ${fmt(median(samples[k]!))} ms median (${range(samples[k]!)})`);
  }
  console.log(`   ${'baseline, bare node:'.padEnd(width)} ${fmt(median(node))} ms median (${range(node)}), node starting and exiting`);
  const worst = Math.max(...samples.slice(0, 3).map(median));
  console.log(
    `   target (bin/reckoner as installed, database or not): under 1,000 ms — ${worst < 1000 ? 'met' : 'NOT met'}, ` +
      `${fmt(worst)} ms = ${(worst / median(node)).toFixed(1)} × bare node`,
  );

  const p = results[0] as Throughput;
  const pg = results[1]!;
  return (
    `store import ${fmt(p.importPerSec)} transactions/s on PGlite (${(p.importPerSec / p.baselinePerSec).toFixed(2)} × plain INSERT)` +
    ('note' in pg ? '' : `, ${fmt(pg.importPerSec)}/s on PostgreSQL (${(pg.importPerSec / pg.baselinePerSec).toFixed(2)} × plain INSERT)`) +
    `; cold start to first calculation ${fmt(worst)} ms`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`\nSummary: ${await storeSection()}.`);
}
