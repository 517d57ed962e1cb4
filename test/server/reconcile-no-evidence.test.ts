/**
 * reconcile_case on a case with decisions but no bank payment, payslip or other evidence of payment (a journey probe):
 * it said "worked out from the decisions and the evidence, on 2026-05-20 it is £3,432.00 owed by the paying parent",
 * without saying that no evidence of payment was given, so that everything due counts as unpaid. Over MCP, in
 * process, on a PGlite store.
 *
 * Invented case: £60 a week on Collect and Pay from 1 July 2025, monthly: £60 × 52 ÷ 12 = £260.00 and the paying
 * parent's 20% fee £52.00, £312.00 due on the 1st. To 20 May 2026, 11 instalments (July to May): 11 × £312.00 =
 * £3,432.00, nothing paid as far as anything given shows.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMcpServer } from '../../server/mcp.ts';
import { lazyStore, type LazyStore } from '../../store/open.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { inMemoryClient, textOf } from './helpers.ts';

let lazy: LazyStore;
let call: (name: string, args: Record<string, unknown>) => Promise<CallToolResult>;
let close: () => Promise<void>;

beforeAll(async () => {
  lazy = lazyStore({ dataDir: await freshDataDir() });
  const server = createMcpServer({ context: () => ({ today: '2026-05-20', store: lazy.store }) });
  const linked = await inMemoryClient(server);
  call = async (name, args) => (await linked.client.callTool({ name, arguments: args })) as CallToolResult;
  close = linked.close;
}, 120_000);

afterAll(async () => {
  await close?.();
  await lazy?.close();
  cleanup();
});

it('says the balance is worked out from the decisions alone, as no evidence of payment was given', async () => {
  const created = await call('create_case', {
    title: 'No payments given',
    side: 'paying',
    service: 'collect_and_pay',
    decisions: [{ effectiveDate: '2025-07-01', weeklyAmount: 60, service: 'collect_and_pay' }],
  });
  const caseId = (created.structuredContent as { id: string }).id;
  const result = await call('reconcile_case', { caseId });
  expect(result.isError ?? false).toBe(false);
  expect(textOf(result).split('\n')[0]).toBe(
    "No entry of CMS's and no balance it claims was given, so there is no figure of CMS's to check; " +
      'worked out from the decisions alone (no evidence of payment was given: no bank transactions, payslips or other evidence, so nothing counts as paid), ' +
      'on 2026-05-20 it is £3,432.00 owed by the paying parent.',
  );
  expect((result.structuredContent as { counts: { bankTransactions: number; evidence: number } }).counts).toMatchObject({
    bankTransactions: 0,
    evidence: 0,
  });
}, 60_000);
