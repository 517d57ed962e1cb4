/**
 * server/case-work.ts: calls on a stored case run a few at a time on a shared server, and one organisation's calls
 * never take every slot. Each call here is held open until the test lets it finish, so what runs when is seen step
 * by step (nothing is timed).
 */
import { describe, expect, test } from 'vitest';
import { CaseWorkLimiter } from '../../server/case-work.ts';

/** A call that records its start and finishes when `finish` is called. */
function held(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: async () => (log.push(`start ${name}`), await done, log.push(`end ${name}`), name), finish: () => finish() };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CaseWorkLimiter', () => {
  test('two at once in all, one per organisation: B starts while A’s second waits; A’s second starts when A’s first ends', async () => {
    const limiter = new CaseWorkLimiter(2, 1);
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

  test('a call that fails frees its slot', async () => {
    const limiter = new CaseWorkLimiter(1, 1);
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
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openStore } = await import('../../store/open.ts');
    const { createMcpServer } = await import('../../server/mcp.ts');
    const dir = mkdtempSync(join(tmpdir(), 'reckoner-case-work-'));
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
