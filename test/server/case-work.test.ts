/**
 * server/case-work.ts: calls on a stored case run a few at a time on a shared server, and one organisation's calls
 * never take every slot. Each call here is held open until the test lets it finish, so what runs when is seen step
 * by step (nothing is timed).
 */
import { describe, expect, test } from 'vitest';
import { CaseWorkBusyError, caseWorkBusyIn, CaseWorkLimiter, isCaseWork } from '../../server/case-work.ts';

/** A call that records its start and finishes when `finish` is called. */
function held(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: async () => (log.push(`start ${name}`), await done, log.push(`end ${name}`), name), finish: () => finish() };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CaseWorkLimiter', () => {
  test('two at once in all, one per organisation: B starts while A’s second waits; A’s second starts when A’s first ends', async () => {
    const limiter = new CaseWorkLimiter({ total: 2, perOrganisation: 1 });
    const log: string[] = [];
    const a1 = held(log, 'a1');
    const a2 = held(log, 'a2');
    const b1 = held(log, 'b1');
    const c1 = held(log, 'c1');
    const runs = [limiter.run('a', a1.work), limiter.run('a', a2.work), limiter.run('b', b1.work), limiter.run('c', c1.work)];
    await settle();
    // a2 waits for A's slot; b1 takes the second; c1 waits for a slot.
    expect(log).toEqual(['start a1', 'start b1']);
    expect(limiter.counts).toEqual({ running: 2, waiting: 2 });
    a1.finish();
    await settle();
    // A's slot is free, but the oldest waiting call that can start is a2 (before c1).
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
    b1.finish();
    await settle();
    expect(log.slice(-2)).toEqual(['end b1', 'start c1']);
    a2.finish();
    c1.finish();
    expect(await Promise.all(runs)).toEqual(['a1', 'a2', 'b1', 'c1']);
    expect(limiter.counts).toEqual({ running: 0, waiting: 0 });
  });

  test('at most maxWaiting calls wait, one organisation’s at most half; past that a call is refused at once, marked busy', async () => {
    const limiter = new CaseWorkLimiter({ total: 1, perOrganisation: 1, maxWaiting: 4 });
    const log: string[] = [];
    const a1 = held(log, 'a1');
    const runs = [limiter.run('a', a1.work), limiter.run('a', async () => 'a2'), limiter.run('a', async () => 'a3')];
    await settle();
    // A holds the slot and its two waiting places (half of four): its next call is refused, B's may still wait.
    const refused = await limiter.run('a', async () => 'a4').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CaseWorkBusyError);
    expect(refused).toMatchObject({ code: 'too_large', busy: true, retryAfterSeconds: 10 });
    expect(caseWorkBusyIn(new Error('rewritten', { cause: refused }))).toBe(refused);
    runs.push(
      limiter.run('b', async () => 'b1'),
      limiter.run('b', async () => 'b2'),
    );
    await settle();
    expect(limiter.counts).toEqual({ running: 1, waiting: 4 });
    // Every place is taken: C, with none of its own waiting, is refused too.
    await expect(limiter.run('c', async () => 'c1')).rejects.toBeInstanceOf(CaseWorkBusyError);
    a1.finish();
    expect(await Promise.all(runs)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
  });

  test('the requests of waiting calls are weighed: one organisation’s at most half the bytes, all at most the whole', async () => {
    const limiter = new CaseWorkLimiter({ total: 1, perOrganisation: 1, maxWaiting: 100, maxWaitingBytes: 100 });
    const log: string[] = [];
    const a1 = held(log, 'a1');
    const runs = [limiter.run('a', a1.work), limiter.run('a', async () => 'a2', undefined, 40)];
    await settle();
    // A waits 40 bytes of its 50: 20 more would pass its half.
    await expect(limiter.run('a', async () => 'a3', undefined, 20)).rejects.toThrow(
      /hold 40 bytes of requests, and this one 20 bytes more/,
    );
    runs.push(limiter.run('a', async () => 'a3', undefined, 10));
    // One call alone may wait whatever it weighs (a case export is one request); B's 60 fit the whole 100 with A's 50…
    runs.push(limiter.run('b', async () => 'b1', undefined, 50));
    await settle();
    // …and nothing more does.
    await expect(limiter.run('c', async () => 'c1', undefined, 1)).rejects.toBeInstanceOf(CaseWorkBusyError);
    a1.finish();
    expect(await Promise.all(runs)).toEqual(['a1', 'a2', 'a3', 'b1']);
  });

  test('a waiting call whose signal aborts leaves the queue with the signal’s reason and never runs', async () => {
    const limiter = new CaseWorkLimiter({ total: 1, perOrganisation: 1, maxWaiting: 4 });
    const log: string[] = [];
    const a1 = held(log, 'a1');
    const first = limiter.run('a', a1.work);
    const controller = new AbortController();
    const gone = limiter.run('b', async () => (log.push('start gone'), 'gone'), controller.signal).catch((e: unknown) => e);
    await settle();
    expect(limiter.counts).toEqual({ running: 1, waiting: 1 });
    controller.abort(new Error('client went away'));
    expect(await gone).toMatchObject({ message: 'client went away' });
    expect(limiter.counts).toEqual({ running: 1, waiting: 0 });
    a1.finish();
    await first;
    await settle();
    expect(log).toEqual(['start a1', 'end a1']);
    // A signal aborted already is refused before it takes a slot.
    await expect(limiter.run('b', async () => 'late', AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    expect(limiter.counts).toEqual({ running: 0, waiting: 0 });
  });

  test('import_case and any call given a caseId take a turn; other calls do not', () => {
    expect(isCaseWork('import_case', { export: {} })).toBe(true);
    expect(isCaseWork('reconcile_case', { caseId: 'x' })).toBe(true);
    expect(isCaseWork('calculate_maintenance', { date: '2026-04-06' })).toBe(false);
    expect(isCaseWork('parse_statement', null)).toBe(false);
  });

  test('a call that fails frees its slot', async () => {
    const limiter = new CaseWorkLimiter({ total: 1, perOrganisation: 1 });
    await expect(limiter.run('a', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await limiter.run('a', async () => 'next')).toBe('next');
  });
});

describe('MCP case resources wait their turn too', () => {
  test('each read of a case resource runs through the server’s case work, as a tool call on a case does', async () => {
    // A security test (5 December 2026): six chart reads of a 100,000-line case at once held the process 20 s, as
    // resource reads never went through the limiter.
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { InMemoryTransport } = await import('@modelcontextprotocol/sdk/inMemory.js');
    const { rmSync } = await import('node:fs');
    const { openStore } = await import('../../store/open.ts');
    const { createMcpServer } = await import('../../server/mcp.ts');
    const { freshDataDir } = await import('../store/helpers.ts');
    // A copy of a migrated store: migrating a new one took 14–27 s on a loaded machine, past the test's time.
    const dir = await freshDataDir();
    const store = await openStore({ dataDir: dir });
    const turns: string[] = [];
    const server = createMcpServer({
      store: async () => store,
      caseWork: async (work) => {
        turns.push('turn');
        return work();
      },
    });
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    await server.connect(serverTransport);
    const client = new Client({ name: 'reckoner-test', version: '0.0.0' });
    await client.connect(clientTransport);
    try {
      const made = await client.callTool({ name: 'create_case', arguments: { title: 'Resources', side: 'paying' } });
      const id = (made.structuredContent as { id: string }).id;
      const callTurns = turns.length;
      for (const uri of [`reckoner://cases/${id}`, `reckoner://cases/${id}/entries`]) {
        await client.readResource({ uri });
      }
      // One turn for each of the two reads, after those the tool call took.
      expect(turns.length - callTurns).toBe(2);
    } finally {
      await client.close();
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
