/**
 * A long dispute kept as a case: ten years of Direct Pay with every monthly instalment paid short. Its
 * reconciliation's run, every finding with the bank line it cites, is larger than the 100,000 characters other kept
 * JSON may hold, and reconcile_case refused the whole call on it ("result: must be at most 100,000 characters of
 * JSON"), so a parent with a long history could neither reconcile the case nor read the run back; its payment
 * dispute letter, listing the 120 instalments, was refused by save_letter the same way, so it could never be marked
 * sent and its deadlines never started. Through the real MCP server and client (InMemoryTransport) on PGlite.
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

/** The 4th of the i-th month from January 2016, or another day of it. */
const monthly = (i: number, day = '04') => `${2016 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, '0')}-${day}`;

/**
 * The case: £100.00 a week on Direct Pay from 4 January 2016 is £433.33 a month (× 52 ÷ 12, CSMCR 2012 reg 5 and the
 * monthly instalment); £400.00 paid on each due day, the 4th, January 2016 to December 2025: 120 instalments, each
 * £33.33 short. With `reports`, CMS's record of each as reported missed, £50.00 on the 10th.
 */
async function tenYearCase(reports: boolean): Promise<string> {
  const made = await call('create_case', { title: 'Ten years', side: 'paying', reference: '121234567890' });
  await call('set_party', { caseId: made['id'], role: 'paying_parent', name: 'Sam Payer', address: '1 Test Road\nTestville\nTT1 1TT' });
  await call('add_decision', { caseId: made['id'], decision: { effectiveDate: '2016-01-04', weeklyAmount: '100.00' } });
  const exported = (await call('export_case', { caseId: made['id'] }))['export'] as Structured;
  exported['transactions'] = Array.from({ length: 120 }, (_, i) => ({
    id: randomUUID(),
    fingerprint: `line-${i}`,
    date: monthly(i),
    amount: '400.00',
    direction: 'out',
    description: 'CMS DIRECT PAY',
  }));
  if (reports) {
    exported['cmsEntries'] = Array.from({ length: 120 }, (_, i) => ({
      id: randomUUID(),
      fingerprint: `report-${i}`,
      date: monthly(i, '10'),
      type: 'missed_payment_reported',
      amount: '50.00',
      description: 'Missed payment reported',
      origin: 'typed',
    }));
  }
  return (await call('import_case', { export: exported, asNew: true }))['id'] as string;
}

describe('a ten-year case whose every instalment was paid short', () => {
  test('reconcile_case keeps the whole run, every finding with its citation, and the resource gives it back', async () => {
    const caseId = await tenYearCase(false);
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

  test('its payment dispute letter, CMS having recorded £50.00 of each £33.33, is kept and marked sent', async () => {
    const caseId = await tenYearCase(true);
    await call('reconcile_case', { caseId, asOf: '2025-12-31', bankFilter: { descriptionContains: ['CMS'] } });
    const saved = await call('save_letter', { caseId, type: 'payment_dispute' });
    const letter = saved['letter'] as { id: string; status: string };
    expect(letter.status).toBe('draft');
    // 120 reports of £50.00 are £6,000.00; each is £16.67 more than the £33.33 short, 120 × £16.67 = £2,000.40.
    expect(saved['markdown']).toContain(
      'Your own entries add up to arrears of £6,000.00 on 31 December 2025: that balance is £2,000.40 too high.',
    );
    // Each of the 120 reports is disputed: £50.00 recorded for £33.33 short, £16.67 too much each.
    expect((saved['markdown'] as string).split('£16.67').length - 1).toBeGreaterThanOrEqual(120);
    const kept = await store.letter(caseId, letter.id);
    expect(JSON.stringify(kept.content).length).toBeGreaterThan(100_000);
    const sent = await call('mark_letter_sent', { caseId, letterId: letter.id, sentOn: '2026-01-15', method: 'post' });
    expect(sent['letter']).toMatchObject({ id: letter.id, status: 'sent', sentOn: '2026-01-15' });
  });

  test('a kept letter may hold up to 4,000,000 characters of JSON, and one over it is refused saying so', async () => {
    const caseId = (await call('create_case', { title: 'Bounds', side: 'paying' }))['id'] as string;
    // {"text":"…"} is 11 characters around the text.
    const letter = (chars: number) => ({ text: 'x'.repeat(chars - 11) });
    expect(JSON.stringify(letter(4_000_000)).length).toBe(4_000_000);
    await expect(store.saveLetter(caseId, { type: 'payment_dispute', content: letter(4_000_000) })).resolves.toMatchObject({ version: 1 });
    await expect(store.saveLetter(caseId, { type: 'payment_dispute', content: letter(4_000_001) })).rejects.toThrow(
      'content: must be at most 4,000,000 characters of JSON',
    );
  });
});
