/**
 * The queue of calls on cases, over real HTTP on a real PGlite store (server/case-work.ts). A security probe found it
 * unbounded: one organisation queued 300 calls of 970 KB behind one slow export (all waited; the server grew from
 * 173 MB to 1.2 GB, and nothing stopped 3,000); a call whose client had gone still ran when its turn came; `import_case` (a case export of up to
 * 64 MiB, written whole) and MCP reads of kept files (a 60 MB export read ten times at once grew the server by 2 GB and
 * held every request up to 28 s) never waited their turn at all.
 *
 * A gate holds the store's getCase until the test opens it, so that what waits is seen (the store is the real one).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { startHttp, type RunningHttp } from './helpers.ts';

const ALICE = 'acme:alice:a-secret-for-acme-0123456789abcdefXYZ';
const BOB = 'bravo:bob:a-secret-for-bravo-0123456789abcdefXY';

/** Holds every getCase (of any principal) while closed, counting the calls that reached the store. */
class Gate {
  calls = 0;
  #open: Promise<void> = Promise.resolve();
  #release: () => void = () => undefined;
  close(): void {
    this.#open = new Promise((resolve) => (this.#release = resolve));
  }
  open(): void {
    this.#release();
  }
  /** The store, its getCase waiting for the gate (and the store it gives for another principal too). */
  wrap(store: CaseStore): CaseStore {
    return new Proxy(store, {
      get: (target, property, receiver) => {
        if (property === 'as') return (principal: Parameters<CaseStore['as']>[0]) => this.wrap(target.as(principal));
        if (property === 'getCase') {
          return async (id: string) => {
            this.calls++;
            await this.#open;
            return target.getCase(id);
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  }
}

/** Small limits for the test: 8 calls and 4 MiB of requests may wait, one organisation's at most half of each. */
const LIMITS = { maxWaiting: 8, maxWaitingBytes: 4 * 1024 * 1024, retryAfterSeconds: 7 };
const WAITING_PER_ORGANISATION = 4;
const RETRY_AFTER_SECONDS = 7;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the answer, or with 'waiting' if none came within `ms`. */
const within = <T>(ms: number, answer: Promise<T>): Promise<T | 'waiting'> =>
  Promise.race([answer, sleep(ms).then(() => 'waiting' as const)]);

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await sleep(25);
  expect(check()).toBe(true);
}

afterAll(cleanup);

describe('calls on cases waiting their turn on a shared server', () => {
  let http: RunningHttp;
  let store: CaseStore;
  const gate = new Gate();
  let aliceCase: string;
  let bobCase: string;

  beforeAll(async () => {
    store = await openStore({ dataDir: await freshDataDir() });
    http = await startHttp({
      apiTokens: [ALICE, BOB],
      store: async () => gate.wrap(store),
      today: () => '2026-04-06',
      caseWorkLimits: LIMITS,
    });
    aliceCase = (await api(ALICE, 'create-case', { title: 'Alice’s case', side: 'paying' })).body.id as string;
    bobCase = (await api(BOB, 'create-case', { title: 'Bob’s case', side: 'receiving' })).body.id as string;
  }, 60_000);

  // Whatever a test left held is let go before the next.
  afterEach(() => gate.open());

  afterAll(async () => {
    gate.open();
    await http?.close();
    await store?.close();
  });

  async function api(token: string, tool: string, body: unknown, signal?: AbortSignal) {
    const response = await fetch(`${http.origin}/api/v1/${tool}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
  }

  /** Alice's first call on her case, held at the gate: her organisation's one running slot is taken. */
  async function holdAlicesSlot() {
    gate.close();
    const before = gate.calls;
    const held = api(ALICE, 'get-case', { caseId: aliceCase });
    await until(() => gate.calls === before + 1);
    // In an object: an async function returning the promise itself would wait for it (and the gate).
    return { held };
  }

  test('past half the waiting places, an organisation’s next call is 503 with Retry-After; another’s still runs', async () => {
    // Before, the queue had no bound: every call waited, each holding its request.
    const { held } = await holdAlicesSlot();
    const waiting = Array.from({ length: WAITING_PER_ORGANISATION }, () => api(ALICE, 'get-case', { caseId: aliceCase }));
    await sleep(500);
    const answer = await within(5000, api(ALICE, 'get-case', { caseId: aliceCase }));
    // Before, it waited in the queue with the others (and the server kept every one of them).
    if (answer === 'waiting') gate.open();
    expect(answer).not.toBe('waiting');
    const refused = answer as Exclude<typeof answer, 'waiting'>;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(refused.body.error.code).toBe('too_large');
    expect(refused.body.error.message).toMatch(/busy: 4 of your organisation's calls on cases are already waiting their turn/);
    // Bob's organisation has its own slot: his call reaches the store while all of Alice's wait.
    const before = gate.calls;
    const bob = api(BOB, 'get-case', { caseId: bobCase });
    await until(() => gate.calls === before + 1);
    gate.open();
    expect((await bob).status).toBe(200);
    expect((await held).status).toBe(200);
    expect((await Promise.all(waiting)).map((r) => r.status)).toEqual(Array(WAITING_PER_ORGANISATION).fill(200));
  }, 60_000);

  test('past half the waiting bytes, an organisation’s next call is 503 too (each waiting call holds its request)', async () => {
    const { held } = await holdAlicesSlot();
    // Three calls of 0.9 MB each (the padding is refused when their turn comes: what counts is what they hold meanwhile).
    const padded = { caseId: aliceCase, padding: 'x'.repeat(900_000) };
    const waiting = [api(ALICE, 'get-case', padded), api(ALICE, 'get-case', padded)];
    await sleep(500);
    const answer = await within(5000, api(ALICE, 'get-case', padded));
    if (answer === 'waiting') gate.open();
    expect(answer).not.toBe('waiting');
    const refused = answer as Exclude<typeof answer, 'waiting'>;
    expect(refused.status).toBe(503);
    expect(refused.body.error.message).toMatch(/waiting their turn hold 1,800,\d{3} bytes of requests, and this one 900,\d{3} bytes more/);
    // A small call still has a place.
    const small = api(ALICE, 'get-case', { caseId: aliceCase });
    gate.open();
    expect((await held).status).toBe(200);
    expect((await Promise.all(waiting)).map((r) => r.status)).toEqual([400, 400]);
    expect((await small).status).toBe(200);
  }, 60_000);

  test('a waiting call whose client goes away leaves the queue, and never runs', async () => {
    const { held } = await holdAlicesSlot();
    const controllers = Array.from({ length: WAITING_PER_ORGANISATION }, () => new AbortController());
    const gone = controllers.map((c) => api(ALICE, 'get-case', { caseId: aliceCase }, c.signal).catch(() => 'aborted'));
    await sleep(500);
    for (const c of controllers) c.abort();
    expect(await Promise.all(gone)).toEqual(Array(controllers.length).fill('aborted'));
    await sleep(200);
    // Their places are free again: the next call waits instead of being refused.
    const next = api(ALICE, 'get-case', { caseId: aliceCase });
    const before = gate.calls;
    gate.open();
    expect((await held).status).toBe(200);
    expect((await next).status).toBe(200);
    await sleep(300);
    // Only the next call reached the store after the held one: none of those whose clients went away.
    expect(gate.calls).toBe(before + 1);
  }, 60_000);

  test('import_case waits for its organisation’s turn', async () => {
    const exported = (await api(ALICE, 'export-case', { caseId: aliceCase })).body.export as Record<string, unknown>;
    const { held } = await holdAlicesSlot();
    const imported = api(ALICE, 'import-case', { export: exported, asNew: true });
    expect(await within(1000, imported)).toBe('waiting');
    gate.open();
    expect((await held).status).toBe(200);
    expect((await imported).status).toBe(200);
  }, 60_000);

  test('an MCP read of a kept file waits for its organisation’s turn', async () => {
    const calendar = (await api(ALICE, 'export-calendar', { caseId: aliceCase })).body.file as { uri: string };
    const client = new Client({ name: 'case-work-queue-test', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL('/mcp', http.origin), { requestInit: { headers: { authorization: `Bearer ${ALICE}` } } }),
    );
    try {
      const { held } = await holdAlicesSlot();
      const read = client.readResource({ uri: calendar.uri });
      expect(await within(1000, read)).toBe('waiting');
      gate.open();
      expect((await held).status).toBe(200);
      expect((await read).contents[0]).toMatchObject({ mimeType: 'text/calendar' });
    } finally {
      await client.close();
    }
  }, 60_000);

  test('a listed case names its service in words (it said "collect and_pay")', async () => {
    const made = (await api(ALICE, 'create-case', { title: 'Collect and Pay', side: 'paying', service: 'collect_and_pay' })).body;
    const client = new Client({ name: 'case-work-queue-test', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL('/mcp', http.origin), { requestInit: { headers: { authorization: `Bearer ${ALICE}` } } }),
    );
    try {
      const listed = (await client.listResources()).resources.find((r) => r.uri === `reckoner://cases/${made.id as string}`);
      expect(listed?.description).toMatch(/^paying side, collect and pay; /);
    } finally {
      await client.close();
    }
  });

  test('a file over 16 MiB is not read as a resource over HTTP (80 MB of base64 and JSON each time); it downloads', async () => {
    // A case export with a kept original of 13 MB: its export is over 16 MiB.
    const exported = (await api(ALICE, 'export-case', { caseId: aliceCase })).body.export as Record<string, any>;
    const csv = 'Date,Description,Amount\n01/01/2024,CMS,-1.00\n';
    const sha = createHash('sha256').update(csv).digest('hex');
    exported.documents = [
      {
        id: randomUUID(),
        sha256: sha,
        kind: 'bank_statement',
        format: 'csv',
        filename: 'big.csv',
        size: 13_000_000,
        parsed: {
          kind: 'bank_statement',
          format: 'csv',
          metadata: {},
          checks: {},
          warnings: [],
          confidence: 1,
          rows: { transactions: 0, cmsEntries: 0 },
        },
        originalBase64: randomBytes(13_000_000).toString('base64'),
        importedAt: exported.case.createdAt,
      },
    ];
    const imported = await api(ALICE, 'import-case', { export: exported, asNew: true });
    expect(imported.status).toBe(200);
    const file = (await api(ALICE, 'export-case', { caseId: imported.body.id })).body.file as {
      uri: string;
      size: number;
      download: string;
    };
    expect(file.size).toBeGreaterThan(16 * 1024 * 1024);
    const client = new Client({ name: 'case-work-queue-test', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL('/mcp', http.origin), { requestInit: { headers: { authorization: `Bearer ${ALICE}` } } }),
    );
    try {
      await expect(client.readResource({ uri: file.uri })).rejects.toThrow(
        new RegExp(`more than the 16,777,216 bytes resources/read gives on this server; download it with GET ${file.download}`),
      );
    } finally {
      await client.close();
    }
    const download = await fetch(`${http.origin}${file.download}`, { headers: { authorization: `Bearer ${ALICE}` } });
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBe(file.size);
  }, 120_000);
});
