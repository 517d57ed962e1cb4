/**
 * Erasure on the embedded database (store/repository/erasure.ts): delete_case takes the case's rows out of view at
 * once and leaves the rewrite of the tables that held them due; the rewrite runs at the next pause in calls (or
 * within a minute), when the store closes, or, after a process stopped without closing, when the store next opens.
 * Each test reads the bytes of the PGlite data directory itself. (test/store/store.test.ts checks delete and close.)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { bankStatement, cleanup, documentInfo, freshDataDir, REPO } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

afterAll(cleanup);

const MARKS = ['Wilhelmina Deferred', '42 Deferredton Road', 'DEFERRED-PAYMENT-REF'];

/** The marks found in any file of the PGlite directory (the store may be open: what is on disk is read). */
function marksInFiles(dataDir: string): string[] {
  const found = new Set<string>();
  for (const entry of readdirSync(join(dataDir, 'pglite'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const bytes = readFileSync(join(entry.parentPath, entry.name));
    for (const m of MARKS) if (bytes.includes(m)) found.add(m);
  }
  return [...found].sort();
}

/** The tables the due file (store/repository/erasure.ts ERASURE_DUE_FILE) names, or undefined when there is none. */
function due(dataDir: string): string[] | undefined {
  const file = join(dataDir, 'erasure-due.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { tables: string[] }).tables : undefined;
}

/** A case whose name, address and one bank line carry the marks. */
async function markedCase(store: CaseStore): Promise<string> {
  const c = await store.createCase({
    title: 'To erase',
    side: 'receiving',
    parties: [{ role: 'paying_parent', name: MARKS[0]!, address: MARKS[1]!, addressWithheld: true }],
  });
  const statement = bankStatement({ count: 5 });
  const rows = statement.transactions.map((r, i) => (i === 0 ? { ...r, description: MARKS[2]! } : r));
  await store.importParsed(c.id, documentInfo('erase me'), { ...statement, transactions: rows });
  return c.id;
}

describe('erasure on PGlite, after delete_case has answered', () => {
  let store: CaseStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('leaves the rewrite of the tables that held the case due, and runs it at the next pause in calls', async () => {
    const dataDir = await freshDataDir();
    store = await openStore({ dataDir, erasureTiming: { quietMs: 300, withinMs: 60_000 } });
    // Another case, to show the rewrite keeps what was not deleted.
    const kept = await store.createCase({ title: 'Kept', side: 'paying', parties: [{ role: 'paying_parent', name: 'Kept Person' }] });
    const id = await markedCase(store);
    expect(marksInFiles(dataDir)).toEqual([...MARKS].sort()); // the search sees them in the open store's files

    expect(await store.deleteCase(id)).toMatchObject({ deleted: true });
    // delete_case answered before the rewrite: it is due, for the tables that held the case's rows only (the
    // case had no evidence, events, letters, decisions or reconciliation runs).
    expect(due(dataDir)).toEqual(['cases', 'case_keys', 'parties', 'documents', 'transactions']);
    await expect(store.getCase(id)).rejects.toMatchObject({ code: 'not_found' });

    // The next pause in calls (300 ms here) runs it, with the store still open; then the file is gone.
    await vi.waitFor(() => expect(due(dataDir)).toBeUndefined(), { timeout: 30_000, interval: 50 });
    expect(marksInFiles(dataDir)).toEqual([]);
    expect((await store.getCase(kept.id)).parties[0]!.name).toBe('Kept Person');
  }, 60_000);

  it('rewrites within `withinMs` even when calls never pause', async () => {
    const dataDir = await freshDataDir();
    store = await openStore({ dataDir, erasureTiming: { quietMs: 3_600_000, withinMs: 300 } });
    const id = await markedCase(store);
    expect(marksInFiles(dataDir)).toEqual([...MARKS].sort());
    await store.deleteCase(id);
    expect(due(dataDir)).toContain('transactions');
    const busy = store;
    await vi.waitFor(
      async () => {
        await busy.listCases(); // a call at least every 50 ms: the store never has the hour's pause it would wait for
        expect(due(dataDir)).toBeUndefined();
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(marksInFiles(dataDir)).toEqual([]);
  }, 60_000);

  it('rewrites no sooner than `withinMs` after the last rewrite, however often cases are deleted', async () => {
    // A security audit deleted a one-line case, paused 2 s, and again: each rewrite held every call up 0.8–1.6 s.
    const dataDir = await freshDataDir();
    store = await openStore({ dataDir, erasureTiming: { quietMs: 50, withinMs: 8_000 } });
    const first = await markedCase(store);
    await store.deleteCase(first);
    await vi.waitFor(() => expect(due(dataDir)).toBeUndefined(), { timeout: 30_000, interval: 20 });
    // The first rewrite has ended: the next delete's waits, though calls pause at once (50 ms here) and again.
    const second = await markedCase(store);
    await store.deleteCase(second);
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(due(dataDir)).toContain('transactions');
    }
    // It runs when the gap since the last ended has passed (8 s here), and takes the bytes out.
    await vi.waitFor(() => expect(due(dataDir)).toBeUndefined(), { timeout: 30_000, interval: 50 });
    expect(marksInFiles(dataDir)).toEqual([]);
  }, 60_000);

  it('keeps the rewrite due when the process stops before it, and the next open runs it', async () => {
    const dataDir = await freshDataDir();
    const first = await openStore({ dataDir });
    const id = await markedCase(first);
    await first.close();
    expect(marksInFiles(dataDir)).toEqual([...MARKS].sort());

    // Another process deletes the case and stops at once, without closing the store (as if it were stopped).
    const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, 'delete', JSON.stringify({ dataDir }), id], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = (await once(proc, 'exit')) as [number];
    expect({ code, out, err }).toEqual({ code: 0, out: 'deleted\n', err: '' });

    // The rows were deleted, the rewrite was not run: it is due, and the bytes are still in the files.
    expect(due(dataDir)).toEqual(['cases', 'case_keys', 'parties', 'documents', 'transactions']);
    expect(marksInFiles(dataDir)).toEqual([...MARKS].sort());

    // The next open takes the due file and runs the rewrite at the first pause.
    store = await openStore({ dataDir, erasureTiming: { quietMs: 100, withinMs: 60_000 } });
    await expect(store.getCase(id)).rejects.toMatchObject({ code: 'not_found' });
    await vi.waitFor(() => expect(due(dataDir)).toBeUndefined(), { timeout: 30_000, interval: 50 });
    expect(marksInFiles(dataDir)).toEqual([]);
  }, 120_000);
});
