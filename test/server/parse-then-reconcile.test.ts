/**
 * parse_statement's rows go into reconcile_ledger as they are, over MCP (a real SDK client, in-memory transports):
 * their places ({ page, line }), fingerprints, outside-period marks and schedule statuses are accepted, and a payment
 * schedule's lines (fromSchedule) are not read as CMS charging twice beside the statement of account's.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createMcpServer } from '../../server/mcp.ts';
import { renderLayout } from '../fixtures/pdf/cms-layouts/render.ts';
import { renderTruth } from '../fixtures/pdf/generate.ts';
import { loadTruths } from '../fixtures/pdf/truth.ts';
import { CMS_LAYOUTS } from '../fixtures/pdf/cms-layouts/truth.ts';
import { inMemoryClient, textOf } from './helpers.ts';

let client: Client;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ client, close } = await inMemoryClient(createMcpServer({ context: () => ({ today: '2024-12-31' }) })));
});
afterAll(() => close());

async function call(name: string, args: Record<string, unknown>): Promise<Record<string, any>> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError ?? false, textOf(result)).toBe(false);
  return result.structuredContent as Record<string, any>;
}
const parse = async (bytes: Uint8Array) => call('parse_statement', { contentBase64: Buffer.from(bytes).toString('base64') });

test('a statement of account and a payment schedule, parsed, reconcile as they come', async () => {
  // test/fixtures/pdf/cms-layouts/truth.ts: the statement (soa-amount-due-paid) charges £260.00 on 5 April, 5 May and
  // 5 June 2024; the schedule (schedule-amount-status) lists £312.00 due on the 1st of May to October 2024.
  const statement = await parse((await renderLayout(CMS_LAYOUTS.statements[0])).bytes);
  const schedule = await parse((await renderLayout(CMS_LAYOUTS.schedules[0])).bytes);
  const bank = await parse(await renderTruth(loadTruths().find((t) => t.name === 'barclays-year-end')!));
  expect(bank.transactions[0]).toMatchObject({ fingerprint: expect.any(String), source: { page: 1, line: expect.any(Number) } });
  expect(schedule.kind).toBe('cms_payment_schedule');
  expect(schedule.cmsEntries.every((e: { fromSchedule?: boolean }) => e.fromSchedule === true)).toBe(true);
  expect(statement.cmsEntries.some((e: { fromSchedule?: boolean }) => e.fromSchedule)).toBe(false);
  expect(statement.cmsEntries[0]).toMatchObject({ fingerprint: expect.any(String), source: { page: 1, line: expect.any(Number) } });

  const r = await call('reconcile_ledger', {
    schedule: {
      decisions: [{ effectiveDate: '2024-04-05', weeklyAmount: '60.00' }],
      frequency: 'monthly',
      firstDueDate: '2024-04-05',
      service: 'collect_and_pay',
      asOf: '2024-09-30',
    },
    side: 'paying',
    cmsEntries: [...statement.cmsEntries, ...schedule.cmsEntries],
    // A bank statement's rows as parse_statement gives them (places, fingerprints and balances included).
    bankTransactions: bank.transactions,
  });
  expect(r.counts.bankTransactions).toBe(bank.transactions.length);
  // Monthly periods from 5 April: the statement's liabilities span 5 April to 4 July, so the schedule's lines of
  // 1 May, 1 June and 1 July are those charges again; 1 August and 1 September are the schedule's own (1 October is
  // after asOf).
  const setAside = (r.ignored as { reason: string; cmsEntryId: string }[]).filter((i) => i.reason === 'schedule_line_already_charged');
  expect(setAside).toHaveLength(3);
  expect((r.findings as { kind: string }[]).filter((f) => f.kind === 'duplicate_liability')).toEqual([]);
  // The statement's payments, which no bank statement was given for, are found as they would be typed in.
  expect(
    (r.findings as { kind: string; date: string }[]).filter((f) => f.kind === 'cms_payment_without_evidence').map((f) => f.date),
  ).toContain('2024-04-20');
});
