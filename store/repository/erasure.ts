/**
 * Deleting a case: its rows, its key and its own audit entries, leaving one entry that says it was deleted.
 *
 * Erasure means the bytes too. A deleted row stays in its table file (plain VACUUM only marks the space free)
 * and in the write-ahead log (the delete logs a full image of its page). So on the embedded database the tables
 * that held the case's rows are rewritten (VACUUM FULL), and the log moves to a new segment and checkpoints with
 * recycling off, so the old segments are removed rather than renamed for reuse. On a shared PostgreSQL the
 * deleted case's key is gone (crypto-shredding, with a key set) and the rest is left to its operator
 * (autovacuum, backups). store/erasure.ts words what each guarantees.
 *
 * **When the rewrite runs (PGlite).** Not while delete_case waits. Rewriting a table costs time in proportion
 * to the whole table, every case's rows, not the deleted case's; and PGlite runs in this process's own thread,
 * so while it rewrites, nothing else in the process moves (measured with 50 cases of 2,000 rows: delete_case
 * took about 0.5 s, all of it with the event loop blocked, the `transactions` table alone 0.33 s; ten times
 * the cases, ten times that). So delete_case deletes the rows at once (nothing of the case can be read from
 * then on) and leaves the rewrite due; the rewrite runs once the store has had no call for
 * {@link ERASURE_TIMING}.quietMs, and at the latest {@link ERASURE_TIMING}.withinMs after the first delete
 * still waiting, whatever the store is doing, but no sooner than withinMs after the last rewrite ended (so one a
 * minute at most, however often cases are deleted); deletes in between share one rewrite. Only the tables that held
 * rows of a deleted case are rewritten, each in a statement of its own, so a call that comes meanwhile waits
 * for one table at most. The guarantee is therefore: the bytes are gone from the store's files within
 * withinMs of the delete (plus the time of a rewrite under way when it was made, and the rewrite's own) while the
 * store stays open, when it closes (close
 * runs what is due), and, if the process stops without closing, when the store is next opened (what is due
 * is kept in a file beside the database, written before the delete commits, removed once the rewrite is done).
 *
 * The trade-off: for up to a minute after delete_case answers, the deleted rows' bytes are still in the files
 * of a store that is running (unreadable through Reckoner), and a copy of the directory taken then would hold
 * them; against that, other calls are not held up by a rewrite of every table at every delete.
 * @module
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, getTableName, sql } from 'drizzle-orm';
import { erasureOf } from '../erasure.ts';
import * as t from '../schema.ts';
import type { CaseStore } from '../types.ts';
import { checkCaseId } from './check.ts';
import type { Context, RepositoryOptions } from './context.ts';
import { rowsOf, type Database } from './sql.ts';

/** The tables of a case's rows (each with a `case_id`), besides the case's own row and key. */
const ROW_TABLES = [
  t.parties,
  t.children,
  t.decisions,
  t.documents,
  t.transactions,
  t.cmsEntries,
  t.evidence,
  t.reconciliationRuns,
  t.letters,
  t.events,
] as const;
/** Every table that holds a case's data, its key included (the audit log keeps only ids and actions). */
const TABLE_NAMES: readonly string[] = [t.cases, t.caseKeys, ...ROW_TABLES].map((table) => getTableName(table));

/** How long the store waits before rewriting: for a pause in calls, but never longer than `withinMs`. */
export interface ErasureTiming {
  /** The rewrite runs once no call has been made for this long... */
  readonly quietMs: number;
  /** ...or this long after the first delete it erases, whichever comes first. */
  readonly withinMs: number;
  /**
   * ...but never sooner than this after the last rewrite ended (default `withinMs`): deletes that come often share
   * one rewrite a minute, so that a caller deleting a small case every few seconds cannot hold every other call up
   * each time (a security audit did so for 0.8–1.6 s every 2 s with 200,000 bank lines stored).
   */
  readonly gapMs?: number;
}

export const ERASURE_TIMING: ErasureTiming = { quietMs: 2_000, withinMs: 60_000 };

/** The file, beside the database, that names the tables a rewrite is due for (PGlite only). */
export const ERASURE_DUE_FILE = 'erasure-due.json';

/**
 * The rewrites due on one database: told when calls start and end (to find a pause), and which tables held a
 * deleted case's rows. A no-op on PostgreSQL.
 */
export interface Eraser {
  /** A store call started. */
  begin(): void;
  /** A store call ended. */
  end(): void;
  /** These tables held rows of a case being deleted: written to the file before the delete commits. */
  due(tables: readonly string[]): void;
  /** Runs what is due now and stops the timer: when the store closes. Never throws (what failed stays due). */
  close(): Promise<void>;
}

const NO_ERASER: Eraser = { begin: () => undefined, end: () => undefined, due: () => undefined, close: async () => undefined };

export function createEraser(db: Database, options: RepositoryOptions): Eraser {
  if (options.driver !== 'pglite') return NO_ERASER;
  const timing = options.erasureTiming ?? ERASURE_TIMING;
  const file = join(options.location, ERASURE_DUE_FILE);
  const pending = new Set<string>(readDue(file));
  /** The tables being rewritten now: still written in the file until they are done. */
  let rewriting: readonly string[] = [];
  /** When the oldest delete still waiting for its rewrite was made (undefined: none waiting). */
  let since: number | undefined = pending.size > 0 ? Date.now() : undefined;
  let active = 0;
  let lastEnd = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  /** When the last rewrite ended; the next starts no sooner than `gap` after it. */
  let lastRewrite = Number.NEGATIVE_INFINITY;
  const gap = timing.gapMs ?? timing.withinMs;

  const writeDue = (): void => {
    const tables = TABLE_NAMES.filter((name) => pending.has(name) || rewriting.includes(name));
    if (tables.length === 0) {
      rmSync(file, { force: true });
      return;
    }
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, `${JSON.stringify({ tables })}\n`, { mode: 0o600 });
    renameSync(partial, file);
  };

  const arm = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (closed || running || since === undefined) return;
    const latest = since + timing.withinMs;
    const at = Math.max(lastRewrite + gap, active > 0 ? latest : Math.min(lastEnd + timing.quietMs, latest));
    timer = setTimeout(fire, Math.max(0, at - Date.now()));
    timer.unref(); // a process with nothing else to do is not kept alive for it: close, or the next open, runs it
  };

  function fire(): void {
    timer = undefined;
    const now = Date.now();
    if (since === undefined) return;
    if (now < lastRewrite + gap) return arm();
    if (now < since + timing.withinMs && (active > 0 || now < lastEnd + timing.quietMs)) return arm();
    running = rewrite().finally(() => {
      running = undefined;
      lastRewrite = Date.now();
      arm();
    });
  }

  /**
   * Between two tables: the event loop turns (a request that came while PGlite held it is read now) and calls
   * under way finish first, for up to a second, so that a call waits for one table's rewrite, not all of them.
   */
  async function giveWay(): Promise<void> {
    const until = Date.now() + 1_000;
    do await new Promise((resolve) => setTimeout(resolve, 5));
    while (active > 0 && Date.now() < until);
  }

  /** Rewrites the tables due, one statement each, then moves the log past them. */
  async function rewrite(): Promise<void> {
    const tables = TABLE_NAMES.filter((name) => pending.has(name));
    const started = since;
    rewriting = tables;
    pending.clear();
    since = undefined;
    try {
      for (const table of tables) {
        await db.execute(sql.raw(`VACUUM FULL ${table}`));
        await giveWay();
      }
      for (const statement of ['SET wal_recycle = off', 'SELECT pg_switch_wal()', 'CHECKPOINT']) await db.execute(sql.raw(statement));
      rewriting = [];
      writeDue(); // what was deleted meanwhile stays in it
    } catch {
      rewriting = [];
      // Due again (a full disk, a store closing under it): tried at the next pause, and by close or the next open.
      for (const table of tables) pending.add(table);
      since = Math.min(started ?? Date.now(), since ?? Date.now());
      // Not at once in a loop: the next try waits for the next pause, or withinMs.
      lastEnd = Date.now();
    }
  }

  return {
    begin: () => {
      active++;
    },
    end: () => {
      active = Math.max(0, active - 1);
      lastEnd = Date.now();
      if (since !== undefined) arm();
    },
    due: (tables) => {
      for (const table of tables) pending.add(table);
      since ??= Date.now();
      writeDue();
      arm();
    },
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      if (pending.size > 0) await rewrite();
    },
  };
}

/** The tables the file says are due (all case tables if it cannot be read as written); none without a file. */
function readDue(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  try {
    const tables = (JSON.parse(text) as { tables?: unknown }).tables;
    if (Array.isArray(tables)) return TABLE_NAMES.filter((name) => tables.includes(name));
  } catch {
    // written half by a process that stopped: every table, to be sure
  }
  return [...TABLE_NAMES];
}

/** The case tables that hold rows of the case (the case's own row and key always). */
async function tablesHolding(ex: Database, caseId: string): Promise<string[]> {
  const checks = ROW_TABLES.map(
    (table) =>
      sql`select ${getTableName(table)}::text as name where exists (select 1 from ${table} where ${table.caseId} = ${caseId}::uuid)`,
  );
  const held = rowsOf<{ name: string }>(await ex.execute(sql.join(checks, sql` union all `))).map((r) => r.name);
  return [getTableName(t.cases), getTableName(t.caseKeys), ...held];
}

export function erasureOperations(cx: Context, eraser: Eraser): Pick<CaseStore, 'deleteCase'> {
  return {
    deleteCase: (caseId) =>
      cx.run('Deleting the case', async () => {
        const id = checkCaseId(caseId);
        const result = await cx.scoped('case', async (tx) => {
          const tables = cx.options.driver === 'pglite' ? await tablesHolding(tx, id) : [];
          // The case's key first: without it, whatever copies of the case's sealed rows remain cannot be opened.
          await tx.delete(t.caseKeys).where(eq(t.caseKeys.caseId, id));
          const gone = await tx.delete(t.cases).where(eq(t.cases.id, id)).returning({ id: t.cases.id });
          if (gone.length === 0) {
            const why = await cx.missingCase(tx, id);
            if (why.code === 'forbidden') throw why;
            return { deleted: false };
          }
          // The case's own audit entries go too (the trigger allows it for this case, in this transaction
          // only); one entry says that the case was deleted.
          await tx.execute(sql`select set_config('reckoner.erasure', ${id}, true)`);
          await tx.delete(t.auditLog).where(eq(t.auditLog.caseId, id));
          await tx.execute(sql`select set_config('reckoner.erasure', '', true)`);
          await cx.audit(tx, id, 'case_deleted');
          // Before the commit: a process that stops right after it still leaves the rewrite due.
          eraser.due(tables);
          return { deleted: true };
        });
        if (!result.deleted) return result;
        return { deleted: true, erasure: erasureOf(cx.options.driver, cx.keyring.sealing) };
      }),
  };
}
