/**
 * `check_income_change` through the real server: a real SDK `Client` on the real MCP server (createMcpServer, every
 * tool of tools/index.ts) over in-memory transports, and the JSON API route `/api/v1/check-income-change` of the real
 * Hono app. The same six cases at the edge of the reg 34(2) test (SI 2012/2677 reg 34(2)(a): at least 25%) as the
 * calc test, figures worked by hand in test/calc/scheme-2012/income-change-edge.ts; then the dates, the letter and
 * its deadline, and a stored case (its latest decision used; another organisation's case refused).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createApp } from '../../server/http.ts';
import { createMcpServer } from '../../server/mcp.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { checkIncomeChangeOutput } from '../../tools/check-income-change.ts';
import type { ToolContext } from '../../tools/tool.ts';
import { EDGE } from '../calc/scheme-2012/income-change-edge.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { inMemoryClient, textOf } from './helpers.ts';

const TODAY = '2026-01-20';
const CMS = { payingParent: { grossWeeklyIncome: '500.00' }, receivingParents: [{ children: [{}] }] };
const body = (current: string, extra: Record<string, unknown> = {}) => ({
  cmsCalculation: CMS,
  currentIncome: { grossWeeklyIncome: current },
  decisionDate: '2026-01-05',
  effectiveDate: '2026-01-12',
  ...extra,
});

let store: CaseStore;
let context: () => ToolContext = () => ({ today: TODAY });
let client: Client;
let closeServer: () => Promise<void>;
const app = createApp({ host: '127.0.0.1', port: 8787, context: () => ({ today: TODAY }) });

beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
  ({ client, close: closeServer } = await inMemoryClient(createMcpServer({ context: () => context() })));
});
afterAll(async () => {
  await closeServer();
  await store.close();
  cleanup();
});

async function call(args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name: 'check_income_change', arguments: args })) as CallToolResult;
}

async function viaMcp(args: Record<string, unknown>) {
  const result = await call(args);
  expect(result.isError ?? false, textOf(result)).toBe(false);
  return { out: checkIncomeChangeOutput.parse(result.structuredContent), text: textOf(result) };
}

async function viaHttp(args: Record<string, unknown>) {
  const response = await app.request('http://127.0.0.1:8787/api/v1/check-income-change', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  const json = (await response.json()) as unknown;
  return { status: response.status, json };
}

describe('tools/list', () => {
  test('check_income_change is listed, read-only and closed-world, with its inputs', async () => {
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === 'check_income_change')!;
    expect(tool).toBeDefined();
    expect(tool.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, openWorldHint: false });
    expect(Object.keys(tool.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['caseId', 'cmsCalculation', 'currentIncome', 'decisionDate', 'reportedOn', 'changedOn']),
    );
    // Kept small: the whole tools/list is budgeted (test/server/budget.test.ts).
    expect(JSON.stringify(tool).length).toBeLessThanOrEqual(1600);
  });
});

describe.each([
  ['MCP', async (args: Record<string, unknown>) => (await viaMcp(args)).out],
  [
    'HTTP',
    async (args: Record<string, unknown>) => {
      const { status, json } = await viaHttp(args);
      expect(status, JSON.stringify(json)).toBe(200);
      return checkIncomeChangeOutput.parse(json);
    },
  ],
] as const)('the 25%% edge over %s (historic £500.00 a week, £60.00 a week)', (_, run) => {
  test.each(EDGE)('current £$current: current income used $used, £$next a week ($difference)', async (e) => {
    const out = await run(body(e.current));
    expect(out).toMatchObject({
      currentIncomeUsed: e.used,
      historicWeeklyIncome: '500.00',
      currentWeeklyIncome: e.current,
      percent: e.percent,
      thresholdPercent: '25',
      direction: e.direction,
      weeklyAmount: { now: '60.00', new: e.next, difference: e.difference },
      // Reported 20 January 2026 (today), by the last day for a reconsideration of the 5 January letter (4 February).
      route: 'mandatory_reconsideration',
      effectiveDate: '2026-01-12',
      nextReviewDate: '2027-01-12',
      letter: { id: 'L15', type: 'income_challenge', deadline: { id: 'mr_last_day', date: '2026-02-04' } },
    });
    expect(out.trace.find((s) => s.step === 'current_income_test')).toMatchObject({
      value: e.used ? 'current' : 'historic',
      citation: 'SI 2012/2677 reg 34(2)(a)',
    });
  });
});

describe('over MCP: the words and the dates', () => {
  test('the text gives the test, the amounts, the date, the review and the letter', async () => {
    const { text } = await viaMcp(body('625.00'));
    expect(text).toContain('Current income £625.00 a week against historic £500.00: 25.0% higher — current income is used');
    expect(text).toContain('Weekly amount: £75.00 against £60.00 now (+£15.00 a week), from 2026-01-12 (a mandatory reconsideration).');
    expect(text).toContain('Next annual review: 2027-01-12.');
    expect(text).toContain('Letter: L15 income_challenge — CMS must receive it by 2026-02-04.');
    expect(text).toContain('How it was worked out');
  });

  test('after the 30 days: a supersession from the day reported, no deadline; the income down', async () => {
    const { out, text } = await viaMcp(body('375.00', { reportedOn: '2026-03-02', firstEffectiveDate: '2024-02-29' }));
    expect(out).toMatchObject({
      route: 'supersession',
      effectiveDate: '2026-03-02',
      // 29 February 2024 + 24 months = 28 February 2026 (passed), + 36 months = 28 February 2027 (reg 19(2)).
      nextReviewDate: '2027-02-28',
      weeklyAmount: { now: '60.00', new: '45.00', difference: '-15.00' },
      letter: { id: 'L15', deadline: null },
    });
    expect(text).toContain('(−£15.00 a week)');
    expect(text).toContain('no time limit');
  });

  test('a bad input names its field', async () => {
    const noCms = await call({ currentIncome: { grossWeeklyIncome: 600 }, decisionDate: '2026-01-05' });
    expect(noCms.isError).toBe(true);
    expect(textOf(noCms)).toMatch(/^cmsCalculation: give the circumstances CMS used/);
    const noDate = await call({ cmsCalculation: CMS, currentIncome: { grossWeeklyIncome: 600 } });
    expect(textOf(noDate)).toMatch(/^decisionDate: give the date on the decision letter/);
    const early = await call(body('600', { reportedOn: '2026-01-01' }));
    expect(textOf(early)).toMatch(/^reportedOn: is before the decision letter/);
  });

  test('over HTTP a bad input is a 400 naming the field', async () => {
    const { status, json } = await viaHttp({ cmsCalculation: CMS, currentIncome: { grossWeeklyIncome: 600 } });
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { code: 'invalid_input', details: [{ field: 'decisionDate' }] } });
  });
});

describe('with a stored case', () => {
  let caseId: string;
  beforeAll(async () => {
    const created = await store.createCase({
      title: 'Income change',
      side: 'paying',
      decisions: [
        { effectiveDate: '2024-02-29', letterDate: '2024-02-20', weeklyAmount: '52.00' },
        { label: 'annual review 2026', effectiveDate: '2026-01-12', letterDate: '2026-01-05', calculation: CMS },
      ],
    });
    caseId = created.id;
  });

  test('the latest decision with a calculation gives CMS’s circumstances and the dates', async () => {
    context = () => ({ today: TODAY, store: async () => store });
    const { out, text } = await viaMcp({ caseId, currentIncome: { grossWeeklyIncome: '625.00' }, reportedOn: '2026-03-02' });
    expect(out).toMatchObject({
      currentIncomeUsed: true,
      weeklyAmount: { now: '60.00', new: '75.00', difference: '15.00' },
      route: 'supersession',
      effectiveDate: '2026-03-02',
      // The case's first effective date, 29 February 2024: reviews on 28 February 2025, 2026, 2027 (reg 19(2)).
      nextReviewDate: '2027-02-28',
      fromCase: ['cmsCalculation (decision "annual review 2026")', 'decisionDate', 'effectiveDate', 'firstEffectiveDate'],
    });
    expect(text).toContain('From the case: cmsCalculation (decision "annual review 2026")');
  });

  test('a case whose decisions hold no circumstances, with cmsCalculation given: the case gives the dates', async () => {
    // An audit was refused "the case has no decision with the circumstances CMS used … or give cmsCalculation" while
    // giving cmsCalculation. The same answer as above: the dates from the case's latest decision, the circumstances given.
    context = () => ({ today: TODAY, store: async () => store });
    const bare = await store.createCase({
      title: 'Income change, amounts only',
      side: 'paying',
      decisions: [
        { effectiveDate: '2024-02-29', letterDate: '2024-02-20', weeklyAmount: '52.00' },
        { label: 'annual review 2026', effectiveDate: '2026-01-12', letterDate: '2026-01-05', weeklyAmount: '60.00' },
      ],
    });
    const { out } = await viaMcp({
      caseId: bare.id,
      cmsCalculation: CMS,
      currentIncome: { grossWeeklyIncome: '625.00' },
      reportedOn: '2026-03-02',
    });
    expect(out).toMatchObject({
      weeklyAmount: { now: '60.00', new: '75.00', difference: '15.00' },
      effectiveDate: '2026-03-02',
      nextReviewDate: '2027-02-28',
      fromCase: ['decisionDate', 'effectiveDate', 'firstEffectiveDate'],
    });
  });

  test('another organisation’s case is refused, naming caseId', async () => {
    context = () => ({ today: TODAY, store: async () => store.as({ id: 'bob', organisation: 'bravo' }) });
    const result = await call({ caseId, currentIncome: { grossWeeklyIncome: '625.00' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(
      `caseId: case ${caseId} belongs to another organisation; your token's organisation cannot see or change it (list_cases shows yours)`,
    );
  });
});
