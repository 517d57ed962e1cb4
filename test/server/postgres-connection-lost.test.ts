/**
 * A PostgreSQL connection terminated under a write (pg_terminate_backend, as a restart or a failover does) fails
 * the request on it, not the server: postgres.js 3.4.9 throws from a write it had queued after the connection
 * closed (server/postgres-guard.ts), which took `bin/reckoner serve` down for everyone, and `bin/reckoner mcp` (stdio)
 * down with the client's session. A real server on a real PostgreSQL (TEST_DATABASE_URL), over HTTP and over stdio
 * with the SDK's client: an import is made to wait on a lock held on its case, its backend is terminated while it
 * waits mid-transaction, and the server must still answer, reconnect, and log nothing of the case.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { isPostgresWriteAfterClose, POSTGRES_WRITE_AFTER_CLOSE } from '../../server/postgres-guard.ts';
import { freshPostgresDatabase, TEST_DATABASE_URL } from '../store/helpers.ts';
import { freePort, RECKONER, spawnReckoner, stopAll, textOf, waitForStderr } from './helpers.ts';

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

/**
 * Holds a lock on the case's row from outside, starts `importing()` (whose transaction then waits on it, its backend
 * active), terminates the backends waiting on a lock, and gives back what the import was answered.
 */
async function importTerminated<T>(admin: postgres.Sql, caseId: string, importing: () => Promise<T>): Promise<T> {
  const holder = await admin.reserve();
  let started: Promise<T>;
  try {
    await holder`begin`;
    await holder`select 1 from cases where id = ${caseId} for update`;
    started = importing();
    let answered = false;
    void started.finally(() => (answered = true)).catch(() => undefined);
    let terminated = 0;
    while (terminated === 0) {
      if (answered) throw new Error(`the import was answered before it reached the lock: ${JSON.stringify(await started)}`);
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
  return started;
}

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
      const failed = await importTerminated(admin, caseId, () => call('import-document', document));
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

describe.skipIf(!TEST_DATABASE_URL)('a PostgreSQL connection terminated mid-write under bin/reckoner mcp (stdio)', () => {
  it("fails the call on it; the client's session goes on and the store reconnects", async () => {
    const db = await freshPostgresDatabase();
    const admin = postgres(db.url, { max: 2, onnotice: () => undefined });
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
    const transport = new StdioClientTransport({
      command: RECKONER,
      args: ['mcp'],
      env: { ...env, DATABASE_URL: db.url, RECKONER_DATA_DIR: '' },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const client = new Client({ name: 'reckoner-test', version: '0.0.0' });
    try {
      await client.connect(transport);
      const call = async (name: string, args: Record<string, unknown>) =>
        (await client.callTool({ name, arguments: args })) as CallToolResult;
      const made = await call('create_case', { title: 'Hollowbrook', side: 'paying' });
      expect(made.isError).toBeFalsy();
      const caseId = (made.structuredContent as { id: string }).id;
      const document = { caseId, contentBase64: Buffer.from(STATEMENT).toString('base64'), filename: 'statement.csv' };

      const failed = await importTerminated(admin, caseId, () => call('import_document', document));
      expect(failed.isError).toBe(true);
      expect(textOf(failed)).not.toContain(SHOP);

      // The fault is caught and said (its write runs after the call was answered), and the store let go of.
      await new Promise<void>((resolve) => {
        const check = (): void => void (stderr.includes(POSTGRES_WRITE_AFTER_CLOSE) && resolve());
        transport.stderr?.on('data', check);
        check();
      });
      // The same session, still answered, and the case store works again: the same import goes through whole.
      const again = await call('import_document', document);
      expect(again.isError, textOf(again)).toBeFalsy();
      expect(again.structuredContent).toMatchObject({ caseId, documentAlreadyImported: false });
      const read = await call('get_case', { caseId });
      expect(read.structuredContent).toMatchObject({ counts: { transactions: 40, documents: 1 } });
      expect(transport.pid).not.toBeNull();

      // What it logged says what happened, and nothing of the case; stdout carried only JSON-RPC (the client read it).
      expect(stderr).not.toContain(SHOP);
      expect(stderr).not.toContain('Hollowbrook');
    } finally {
      await client.close().catch(() => undefined);
      await admin.end({ timeout: 1 });
      await db.drop();
    }
  }, 120_000);
});
