/**
 * Through the real tools, over MCP in process and over the JSON API (Hono's `app.request`), on a PGlite store:
 *
 * 1. CMS's balance before a balance it brings forward is not known. The account is test/calc/reconcile/brought-forward.ts
 *    (worked out in brought-forward.test.ts): £260.00 a month due on the 6th from 6 January 2025, every month paid but
 *    March, CMS's statement from 1 June 2025 opening with £260.00 brought forward. calc marks the four periods that end
 *    before 1 June (`cmsUnknown`) and keeps 0 in them; reconcile_ledger and reconcile_case gave
 *    `runningBalancePerCms: "0.00"` there, which reads as CMS saying nothing was owed. Now those rows carry
 *    `cmsUnknown: true` and no CMS balance; from the period ending 5 June each is 260.00 + 216.67 + 43.33 − 260.00 =
 *    "260.00".
 * 2. reconcile_case takes CMS's claim in part, the rest read from the case's latest CMS statement (cases/reconcile.ts
 *    claimWith). Its schema required `date`, so `cmsClaim: { basis: "gross" }` was refused ("cmsClaim.date: …") before
 *    the case could complete it. The statement is test/fixtures/pdf/cms-balance-statement.ts's ("Balance you owe
 *    440.00" on 20 December 2024; £1,560.00 due + £50.00 charge − £1,170.00 paid = £440.00, as
 *    test/cases/partial-claim.test.ts works it).
 */
import { createHash } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http.ts';
import { createMcpServer } from '../../server/mcp.ts';
import { lazyStore, type LazyStore } from '../../store/open.ts';
import { reconcileLedgerOutput } from '../../tools/reconcile-ledger.ts';
import { caseWithCmsStatement } from '../cases/cms-statement-case.ts';
import { collectAndPay } from '../calc/reconcile/brought-forward.ts';
import { CLOSING, PERIOD_END } from '../fixtures/pdf/cms-balance-statement.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { inMemoryClient, textOf } from './helpers.ts';

const TODAY = '2025-09-01';
const BASE = 'http://127.0.0.1:8787';

let lazy: LazyStore;
let call: (name: string, args: Record<string, unknown>) => Promise<CallToolResult>;
let close: () => Promise<void>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  lazy = lazyStore({ dataDir: await freshDataDir() });
  const context = () => ({ today: TODAY, store: lazy.store });
  const linked = await inMemoryClient(createMcpServer({ context }));
  call = async (name, args) => (await linked.client.callTool({ name, arguments: args })) as CallToolResult;
  close = linked.close;
  app = createApp({ host: '127.0.0.1', port: 8787, context });
}, 120_000);

afterAll(async () => {
  await close?.();
  await lazy?.close();
  cleanup();
});

function ok(result: CallToolResult): Record<string, unknown> {
  if (result.isError) throw new Error(`tool failed: ${textOf(result)}`);
  return result.structuredContent as Record<string, unknown>;
}

async function post(route: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await app.request(`${BASE}/api/v1/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

type Period = { periodEnd: string; runningBalance: string; runningBalancePerCms?: string; cmsUnknown?: true };
/** Each period row as [end, CMS's balance, or "not known" where the row says so and gives none]. */
const perCms = (periods: unknown): (string | undefined)[][] =>
  (periods as Period[]).map((p) => [
    p.periodEnd,
    p.cmsUnknown === true && !('runningBalancePerCms' in p) ? 'not known' : p.runningBalancePerCms,
  ]);

/** brought-forward.test.ts: the four periods before 1 June not known (before: "0.00"), then £260.00. */
const EXPECTED = [
  ['2025-02-05', 'not known'],
  ['2025-03-05', 'not known'],
  ['2025-04-05', 'not known'],
  ['2025-05-05', 'not known'],
  ['2025-06-05', '260.00'],
  ['2025-07-05', '260.00'],
  ['2025-08-05', '260.00'],
  ['2025-09-05', '260.00'],
];

describe('CMS’s balance before the balance it brings forward', () => {
  const input = collectAndPay('260.00', '260.00');

  it('reconcile_ledger gives none in the periods before 1 June, and says it is not known', async () => {
    const out = ok(await call('reconcile_ledger', input as unknown as Record<string, unknown>));
    expect(perCms(out['periods'])).toEqual(EXPECTED);
    // Reckoner's own balance is still given in every row: 0, 0, then March unpaid, £260.00.
    expect((out['periods'] as Period[]).map((p) => p.runningBalance)).toEqual([
      '0.00',
      '0.00',
      '260.00',
      '260.00',
      '260.00',
      '260.00',
      '260.00',
      '260.00',
    ]);
    // The full output schema (the one /openapi.json and programs use) accepts the rows as they are.
    expect(reconcileLedgerOutput.safeParse(out).success).toBe(true);
  });

  it('the JSON API answers with the same rows', async () => {
    const res = await post('reconcile-ledger', input);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(perCms(res.body['periods'])).toEqual(EXPECTED);
  });

  it('reconcile_case on a stored case with that account, and the run kept with it, say the same', async () => {
    const created = ok(
      await call('create_case', {
        title: 'Balance brought forward',
        side: 'paying',
        service: 'collect_and_pay',
        frequency: 'monthly',
        firstDueDate: '2025-01-06',
        decisions: [{ effectiveDate: '2025-01-06', weeklyAmount: '50.00', service: 'collect_and_pay' }],
      }),
    );
    const caseId = created['id'] as string;
    ok(
      await call('add_cms_entries', {
        caseId,
        entries: input.cmsEntries!.map(({ id: _id, ...e }) => e),
      }),
    );
    const store = await lazy.store();
    await store.importRows(
      caseId,
      { sha256: createHash('sha256').update('bank brought-forward').digest('hex'), size: 100, kind: 'bank_statement', format: 'csv' },
      {
        transactions: input.bankTransactions!.map((t, i) => ({
          date: t.date,
          amount: t.amount as string,
          direction: 'out' as const,
          description: t.description!,
          fingerprint: `bank-${i}`,
          source: { line: i + 2 },
        })),
      },
    );
    const args = { caseId, bankFilter: input.bankFilter, cmsClaim: input.cmsClaim };
    const out = ok(await call('reconcile_case', args));
    expect(perCms(out['periods'])).toEqual(EXPECTED);
    expect(perCms((await post('reconcile-case', args)).body['periods'])).toEqual(EXPECTED);
    const run = await store.latestReconciliation(caseId);
    expect(perCms(run!.result['periods'])).toEqual(EXPECTED);
  }, 60_000);
});

describe('reconcile_case with CMS’s claim in part', () => {
  const bankFilter = { descriptionContains: ['CMS'] };

  it('its basis alone: CMS’s balance and its day are the latest statement’s, over MCP and the JSON API', async () => {
    const caseId = await caseWithCmsStatement(await lazy.store(), { balanceLabel: 'Balance you owe' }, 'partial-tool.pdf');
    // Before: refused by the schema, "cmsClaim.date: …", though the case holds the statement that gives it.
    const out = ok(await call('reconcile_case', { caseId, bankFilter, cmsClaim: { basis: 'gross' } }));
    expect(CLOSING).toBe('440.00');
    expect([out['asOf'], (out['balance'] as { cmsClaimed?: string }).cmsClaimed]).toEqual([PERIOD_END, '440.00']);
    expect((out['readFromDocuments'] as { claimFrom?: string }).claimFrom).toEqual(expect.any(String));
    // £440.00 CMS's − £440.00 worked out: nothing between them.
    expect((out['balance'] as { difference?: string }).difference).toBe('0.00');

    const res = await post('reconcile-case', { caseId, bankFilter, cmsClaim: { basis: 'gross' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect([res.body['asOf'], (res.body['balance'] as { cmsClaimed?: string }).cmsClaimed]).toEqual([PERIOD_END, '440.00']);
  }, 60_000);

  it('a balance without its day: the day is the statement’s, the balance the one given', async () => {
    const caseId = await caseWithCmsStatement(await lazy.store(), { balanceLabel: 'Balance you owe' }, 'partial-tool-balance.pdf');
    const out = ok(await call('reconcile_case', { caseId, bankFilter, cmsClaim: { balance: '500.00' } }));
    // £500.00 given − £440.00 worked out = £60.00 the entries do not explain, on the statement's day.
    expect([out['asOf'], (out['balance'] as { difference?: string }).difference]).toEqual([PERIOD_END, '60.00']);
  }, 60_000);

  it('with no CMS statement to complete it from, the refusal names the field to give', async () => {
    const created = ok(
      await call('create_case', {
        title: 'No statement',
        side: 'paying',
        service: 'collect_and_pay',
        decisions: [{ effectiveDate: '2025-07-01', weeklyAmount: 60, service: 'collect_and_pay' }],
      }),
    );
    const caseId = created['id'] as string;
    const basisOnly = await call('reconcile_case', { caseId, cmsClaim: { basis: 'gross' } });
    expect(basisOnly.isError).toBe(true);
    expect(textOf(basisOnly)).toContain(
      'cmsClaim: give the balance CMS states (balance), or its parts (maintenance, collectionFees, enforcementCharges), and the day it is for (date): no CMS statement the case holds gives one to read it from',
    );
    const balanceOnly = await call('reconcile_case', { caseId, cmsClaim: { balance: '500.00' } });
    expect(balanceOnly.isError).toBe(true);
    expect(textOf(balanceOnly)).toContain(
      'cmsClaim.date: give the day CMS’s figure is for (YYYY-MM-DD): no CMS statement the case holds gives a balance to take its day from',
    );
    // The JSON API: the same refusal, as invalid_input with the field in its details.
    const res = await post('reconcile-case', { caseId, cmsClaim: { balance: '500.00' } });
    expect(res.status).toBe(400);
    const error = res.body['error'] as { code: string; details: { field: string }[] };
    expect([error.code, error.details.map((d) => d.field)]).toEqual(['invalid_input', ['cmsClaim.date']]);
  }, 60_000);

  it('reconcile_ledger, with no case to read it from, still needs the day', async () => {
    const refused = await call('reconcile_ledger', { ...collectAndPay('260.00', '260.00'), cmsClaim: { balance: '260.00' } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/cmsClaim\.date/);
  });

  it('a field reconcile_case does not know is still refused by name', async () => {
    const refused = await call('reconcile_case', { caseId: '00000000-0000-4000-8000-000000000000', cmsClaim: { balanse: '1.00' } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('cmsClaim.balanse: balanse is not a field here; did you mean balance?');
  });
});
