/**
 * A PostgreSQL connection terminated under a write (pg_terminate_backend, as a restart or a failover does) fails
 * the request on it, not the server: postgres.js 3.4.9 throws from a write it had queued after the connection
 * closed (server/postgres-guard.ts), which took `bin/reckoner serve` down for everyone. A real server on a real
 * PostgreSQL (TEST_DATABASE_URL): an import is made to wait on a lock held on its case, its backend is terminated
 * while it waits mid-transaction, and the server must still answer, reconnect, and log nothing of the case.
 */
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { isPostgresWriteAfterClose, POSTGRES_WRITE_AFTER_CLOSE } from '../../server/postgres-guard.ts';
import { freshPostgresDatabase, TEST_DATABASE_URL } from '../store/helpers.ts';
import { freePort, spawnReckoner, stopAll, waitForStderr } from './helpers.ts';

afterAll(stopAll);

/** The error postgres.js 3.4.9 throws, with the stack it throws it with. */
function writeAfterClose(frame: string): TypeError {
  const error = new TypeError("Cannot read properties of null (reading 'write')");
  error.stack = `TypeError: ${error.message}\n    at ${frame}\n    at process.processImmediate (node:internal/timers:483:21)`;
  return error;
}

describe('which uncaught error serve survives', () => {
  it('is only postgres.js writing to a closed connection', () => {
    expect(
      isPostgresWriteAfterClose(writeAfterClose('Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)')),
    ).toBe(true);
    expect(isPostgresWriteAfterClose(writeAfterClose('nextWrite (/app/node_modules/postgres/cjs/src/connection.js:255:22)'))).toBe(true);
    // The same message from anywhere else, another message from there, or not a TypeError: the process still ends.
    expect(isPostgresWriteAfterClose(writeAfterClose('Immediate.nextWrite (file:///app/server/http.ts:10:1)'))).toBe(false);
    expect(isPostgresWriteAfterClose(writeAfterClose('write (file:///app/node_modules/postgres/src/connection.js:9:1)'))).toBe(false);
    const other = writeAfterClose('Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)');
    Object.defineProperty(other, 'message', { value: "Cannot read properties of null (reading 'end')" });
    expect(isPostgresWriteAfterClose(other)).toBe(false);
    expect(isPostgresWriteAfterClose(new Error("Cannot read properties of null (reading 'write')"))).toBe(false);
    expect(isPostgresWriteAfterClose("Cannot read properties of null (reading 'write')")).toBe(false);
  });
});

const SHOP = 'HOLLOWBROOK PHARMACY';
/** A Starling statement (a layout the parser knows by its header) of 40 lines. */
const STATEMENT = [
  'Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category',
  ...Array.from(
    { length: 40 },
    (_, i) => `0${1 + (i % 9)}/02/2024,${SHOP} ${i},REF${i},CONTACTLESS,-1.00,${(900 - i).toFixed(2)},GROCERIES`,
  ),
  '',
].join('\n');

describe.skipIf(!TEST_DATABASE_URL)('a PostgreSQL connection terminated mid-write', () => {
  it('fails the request on it; the server keeps answering and reconnects', async () => {
    const db = await freshPostgresDatabase();
    const admin = postgres(db.url, { max: 2, onnotice: () => undefined });
    try {
      const port = await freePort();
      const child = spawnReckoner(['serve', '--port', String(port)], {
        env: { ...process.env, DATABASE_URL: db.url, RECKONER_API_TOKENS: '', RECKONER_DATA_DIR: '' },
      });
      await waitForStderr(child, /listening on/);
      const call = async (tool: string, body: unknown) => {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/${tool}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, json: (await response.json()) as Record<string, unknown> };
      };
      const made = await call('create-case', { title: 'Hollowbrook', side: 'paying' });
      expect(made.status).toBe(200);
      const caseId = made.json.id as string;
      const document = { caseId, contentBase64: Buffer.from(STATEMENT).toString('base64'), filename: 'statement.csv' };

      // The case's row locked from outside: the import's transaction waits on it, its backend active.
      const holder = await admin.reserve();
      let importing: Promise<{ status: number; json: Record<string, unknown> }>;
      try {
        await holder`begin`;
        await holder`select 1 from cases where id = ${caseId} for update`;
        importing = call('import-document', document);
        let answered = false;
        void importing.finally(() => (answered = true));
        let terminated = 0;
        while (terminated === 0) {
          if (answered) throw new Error(`the import was answered before it reached the lock: ${JSON.stringify(await importing)}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
          const [row] = await admin<{ terminated: number }[]>`
            select count(pg_terminate_backend(pid))::int as terminated from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`;
          terminated = row?.terminated ?? 0;
        }
      } finally {
        await holder`rollback`.catch(() => undefined);
        holder.release();
      }
      const failed = await importing;
      expect(failed.status).toBeGreaterThanOrEqual(500);

      // Still serving, and the case store works again: the same import goes through whole.
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const again = await call('import-document', document);
      expect(again.status).toBe(200);
      expect(again.json).toMatchObject({ caseId, documentAlreadyImported: false });
      const read = await call('get-case', { caseId });
      expect(read.json).toMatchObject({ counts: { transactions: 40, documents: 1 } });
      expect(child.exitCode).toBeNull();

      // What it logged says what happened, and nothing of the case.
      const logged = (await waitForStderr(child, /known postgres\.js fault[^\n]*\n/)).input ?? '';
      expect(logged).toContain(POSTGRES_WRITE_AFTER_CLOSE);
      expect(logged).not.toContain(SHOP);
      expect(logged).not.toContain('Hollowbrook');
    } finally {
      await stopAll();
      await admin.end({ timeout: 1 });
      await db.drop();
    }
  }, 120_000);
});
