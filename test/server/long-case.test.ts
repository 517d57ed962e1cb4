/**
 * A long dispute kept as a case: ten years of Direct Pay with every monthly instalment paid short. Its
 * reconciliation's run, every finding with the bank line it cites, is larger than the 100,000 characters other kept
 * JSON may hold, and reconcile_case refused the whole call on it ("result: must be at most 100,000 characters of
 * JSON"), so a parent with a long history could neither reconcile the case nor read the run back. Through the real
 * MCP server and client (InMemoryTransport) on a PGlite store.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMcpServer } from '../../server/mcp.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { inMemoryClient } from './helpers.ts';

let store: CaseStore & { close?: () => Promise<void> };
let connection: Awaited<ReturnType<typeof inMemoryClient>>;

type Structured = Record<string, unknown>;
async function call(name: string, args: Record<string, unknown>): Promise<Structured> {
  const result = await connection.client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name}: ${JSON.stringify(result.content).slice(0, 400)}`);
  return result.structuredContent as Structured;
}

beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
  connection = await inMemoryClient(
    createMcpServer({ store: async () => store, context: () => ({ today: '2026-01-15', store: async () => store }) }),
  );
});

afterAll(async () => {
  await connection?.close();
  await store?.close?.();
  cleanup();
});

describe('a ten-year case whose every instalment was paid short', () => {
  test('reconcile_case keeps the whole run, every finding with its citation, and the resource gives it back', async () => {
    const made = await call('create_case', { title: 'Ten years', side: 'paying' });
    await call('add_decision', { caseId: made['id'], decision: { effectiveDate: '2016-01-04', weeklyAmount: '100.00' } });
    const exported = (await call('export_case', { caseId: made['id'] }))['export'] as Structured;
    // £100.00 a week on Direct Pay is £433.33 a month (× 52 ÷ 12, CSMCR 2012 reg 5 and the monthly instalment);
    // £400.00 paid on each due day, the 4th, January 2016 to December 2025: 120 instalments, each £33.33 short.
    exported['transactions'] = Array.from({ length: 120 }, (_, i) => {
      const month = 1 + (i % 12);
      const date = `${2016 + Math.floor(i / 12)}-${String(month).padStart(2, '0')}-04`;
      return { id: randomUUID(), fingerprint: `line-${i}`, date, amount: '400.00', direction: 'out', description: 'CMS DIRECT PAY' };
    });
    const imported = await call('import_case', { export: exported, asNew: true });
    const caseId = imported['id'] as string;

    const out = await call('reconcile_case', { caseId, asOf: '2025-12-31', bankFilter: { descriptionContains: ['CMS'] } });
    const findings = out['findings'] as { kind: string; date: string; amount: string; citations: unknown[] }[];
    const counts = out['counts'] as { findings: number };
    expect(counts.findings).toBe(120);
    expect(findings[0]).toMatchObject({ date: '2016-01-04', amount: '33.33' });
    expect(out['run']).toMatchObject({ saved: true });
    expect((out['run'] as Structured)['keptInPart']).toBeUndefined();

    const read = await connection.client.readResource({ uri: `reckoner://cases/${caseId}/reconciliation` });
    const text = (read.contents[0] as { text: string }).text;
    const kept = JSON.parse(text) as {
      result: { findings: { amount: string; citations: { description?: string }[] }[]; keptInPart?: unknown };
    };
    // The run is past the bound that refused it, and kept whole: 120 findings of £33.33, each citing its payment.
    expect(JSON.stringify(kept.result).length).toBeGreaterThan(100_000);
    expect(kept.result.keptInPart).toBeUndefined();
    expect(kept.result.findings).toHaveLength(120);
    expect(kept.result.findings.every((f) => f.amount === '33.33' && f.citations.some((c) => c.description === 'CMS DIRECT PAY'))).toBe(
      true,
    );
  });
});
