/**
 * `build_liability_schedule` and `reconcile_ledger` through both public faces: a real MCP `Client` over
 * `InMemoryTransport`, and the JSON API through Hono's `app.request`. Every figure below is computed by hand
 * (labelled "computed") with the arithmetic next to it; the rules are those of calc/schedule/build.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { addDays } from '../../calc/dates.ts';
import { MAX_ROWS } from '../../calc/ledger/entries.ts';
import { createApp } from '../../server/http.ts';
import { createMcpServer } from '../../server/mcp.ts';
import { buildLiabilityScheduleInput, buildLiabilityScheduleOutput } from '../../tools/build-liability-schedule.ts';
import { reconcileLedgerInput, reconcileLedgerOutput, type ReconcileLedgerOutput } from '../../tools/reconcile-ledger.ts';
import { inMemoryClient, textOf } from './helpers.ts';

/** What the server thinks today is, for inputs that default to it. */
const TODAY = '2024-04-30';
const BASE = 'http://127.0.0.1:8787';

type ToolName = 'build_liability_schedule' | 'reconcile_ledger';

/** One call through one face: the structured result, or the error with the fields it names. */
type Outcome =
  | { readonly ok: true; readonly output: Record<string, unknown>; readonly text?: string }
  | { readonly ok: false; readonly message: string; readonly fields?: readonly string[] };

interface Face {
  readonly name: 'mcp' | 'http';
  call(tool: ToolName, args: Record<string, unknown>): Promise<Outcome>;
}

let client: Client;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ client, close } = await inMemoryClient(createMcpServer({ context: () => ({ today: TODAY }) })));
});
afterAll(() => close());

const mcp: Face = {
  name: 'mcp',
  async call(tool, args) {
    const result = (await client.callTool({ name: tool, arguments: args })) as CallToolResult;
    if (result.isError) {
      // Error results carry text only.
      expect(result.structuredContent).toBeUndefined();
      return { ok: false, message: textOf(result) };
    }
    return { ok: true, output: result.structuredContent as Record<string, unknown>, text: textOf(result) };
  },
};

const app = createApp({ host: '127.0.0.1', port: 8787, context: () => ({ today: TODAY }) });

const http: Face = {
  name: 'http',
  async call(tool, args) {
    const response = await app.request(`${BASE}/api/v1/${tool.replace(/_/g, '-')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status === 200) return { ok: true, output: body };
    const error = (body as { error: { code: string; message: string; details: { field: string; message: string }[] } }).error;
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect(error.code).toBe('invalid_input');
    return { ok: false, message: error.message, fields: error.details.map((d) => d.field) };
  },
};

const FACES = [mcp, http];

async function schedule(face: Face, args: Record<string, unknown>) {
  const outcome = await face.call('build_liability_schedule', args);
  if (!outcome.ok) throw new Error(`expected a schedule, got: ${outcome.message}`);
  return { out: buildLiabilityScheduleOutput.parse(outcome.output), text: outcome.text };
}

async function reconciled(face: Face, args: Record<string, unknown>) {
  const outcome = await face.call('reconcile_ledger', args);
  if (!outcome.ok) throw new Error(`expected a reconciliation, got: ${outcome.message}`);
  return { out: reconcileLedgerOutput.parse(outcome.output), raw: outcome.output, text: outcome.text };
}

/** Asserts an invalid_input error that names `field` (MCP: in the text; HTTP: in the message and the details). */
async function expectRefused(face: Face, tool: ToolName, args: Record<string, unknown>, field: string, message?: RegExp) {
  const outcome = await face.call(tool, args);
  expect(outcome.ok, `expected ${field} to be refused`).toBe(false);
  if (outcome.ok) return;
  expect(outcome.message).toContain(field);
  if (message) expect(outcome.message).toMatch(message);
  // An unknown field is reported at its parent object; the message quotes its name.
  if (face.name === 'http' && !field.startsWith('"')) expect(outcome.fields).toContain(field);
}

// ---------------------------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------------------------

/**
 * £100 a week from 15 January 2024, then £120 a week from 10 March 2024; monthly, first payment day
 * 1 February 2024; Collect and Pay; up to 30 April 2024. The decisions are given latest first on purpose.
 */
const MID_MONTH_CHANGE = {
  decisions: [
    { id: 'review', effectiveDate: '2024-03-10', weeklyAmount: '120.00' },
    { id: 'initial', effectiveDate: '2024-01-15', weeklyAmount: 100 },
  ],
  frequency: 'monthly',
  firstDueDate: '2024-02-01',
  service: 'collect_and_pay',
  asOf: '2024-04-30',
};

/**
 * A paying parent on Direct Pay at £100 a week, monthly from 1 January 2024; the bank shows four payments
 * (the April one £400), CMS records three of them and a £250 payment that never happened.
 */
const PHANTOM_AND_MISSING = {
  schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 100 }], frequency: 'monthly' },
  side: 'paying',
  cmsEntries: [
    { id: 'due-jan', date: '2024-01-01', type: 'liability', amount: '433.33' },
    { id: 'due-feb', date: '2024-02-01', type: 'liability', amount: '433.33' },
    { id: 'due-mar', date: '2024-03-01', type: 'liability', amount: '433.33' },
    { id: 'due-apr', date: '2024-04-01', type: 'liability', amount: '433.33' },
    { id: 'paid-jan', date: '2024-01-02', type: 'direct_payment', amount: '433.33' },
    { id: 'paid-feb', date: '2024-02-01', type: 'direct_payment', amount: 433.33 },
    { id: 'phantom', date: '2024-02-15', type: 'direct_payment', amount: '£250.00' },
    { id: 'paid-apr', date: '2024-04-02', type: 'direct_payment', amount: '400.00' },
  ],
  bankTransactions: [
    { id: 'b-jan', date: '2024-01-01', amount: '433.33', direction: 'out', description: 'CMS DIRECT PAY' },
    { id: 'b-feb', date: '2024-02-01', amount: 433.33, direction: 'out', description: 'CMS DIRECT PAY' },
    { id: 'b-mar', date: '2024-03-01', amount: '£433.33', direction: 'out', description: 'CMS DIRECT PAY' },
    { id: 'b-apr', date: '2024-04-01', amount: '400.00', direction: 'out', description: 'CMS DIRECT PAY' },
    { id: 'b-shop', date: '2024-04-03', amount: '25.00', direction: 'out', description: 'TESCO STORES' },
  ],
  bankFilter: { descriptionContains: ['CMS'] },
  cmsClaim: { date: '2024-04-30', balance: '£216.66' },
};

/**
 * 500 weeks of £50 a week on Direct Pay from Monday 5 January 2015, with 2,000 bank transactions: each week
 * the £50 payment, a supermarket bill, a salary and a subscription. CMS records the liability every week and
 * every payment but one in 50 (10 missing), and five £35 payments that never happened.
 */
function bigLedger(): Record<string, unknown> {
  const start = '2015-01-05';
  const weeks = 500;
  const bankTransactions: Record<string, unknown>[] = [];
  const cmsEntries: Record<string, unknown>[] = [];
  for (let w = 0; w < weeks; w++) {
    const day = addDays(start, 7 * w);
    bankTransactions.push({ id: `pay-${w}`, date: day, amount: '50.00', direction: 'out', description: 'CMS CHILD MAINT' });
    bankTransactions.push({ date: addDays(day, 1), amount: 23.45 + (w % 7), direction: 'out', description: 'TESCO STORES' });
    bankTransactions.push({ date: addDays(day, 2), amount: '1,200.00', direction: 'in', description: 'SALARY' });
    bankTransactions.push({ date: addDays(day, 4), amount: 9.99, direction: 'out', description: 'STREAMING SUBSCRIPTION' });
    cmsEntries.push({ date: day, type: 'liability', amount: 50 });
    if (w % 50 !== 49) cmsEntries.push({ date: addDays(day, 1), type: 'direct_payment', amount: '50.00' });
    if (w % 100 === 25) cmsEntries.push({ id: `phantom-${w}`, date: addDays(day, 3), type: 'direct_payment', amount: '35.00' });
  }
  return {
    schedule: { decisions: [{ effectiveDate: start, weeklyAmount: 50 }], frequency: 'weekly', asOf: addDays(start, 7 * weeks - 1) },
    side: 'paying',
    cmsEntries,
    bankTransactions,
    bankFilter: { descriptionContains: ['CMS'] },
  };
}

// ---------------------------------------------------------------------------------------------------------

describe('tools/list', () => {
  test('both tools are read-only, idempotent, closed-world and not destructive, with input and output schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(
      expect.arrayContaining(['calculate_maintenance', 'build_liability_schedule', 'reconcile_ledger']),
    );
    for (const name of ['build_liability_schedule', 'reconcile_ledger']) {
      const tool = tools.find((t) => t.name === name)!;
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false });
      expect(tool.title).toBeTruthy();
      expect(tool.description).toBeTruthy();
      expect(tool.inputSchema.properties).toHaveProperty('page');
      expect(tool.outputSchema?.properties).toHaveProperty('trace');
      expect(tool.outputSchema?.properties).toHaveProperty('page');
    }
  });

  test('every input field of both tools is described for the client (calculation is calculate_maintenance’s own)', () => {
    const undescribed: string[] = [];
    const walk = (schema: Record<string, unknown>, path: string): void => {
      const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
      for (const [key, property] of Object.entries(properties)) {
        if (!property['description']) undescribed.push(`${path}${key}`);
        if (key !== 'calculation') walk(property, `${path}${key}.`);
      }
      if (schema['items']) walk(schema['items'] as Record<string, unknown>, path);
      for (const option of (schema['anyOf'] ?? []) as Record<string, unknown>[]) walk(option, path);
    };
    walk(z.toJSONSchema(buildLiabilityScheduleInput, { io: 'input' }) as Record<string, unknown>, '');
    walk(z.toJSONSchema(reconcileLedgerInput, { io: 'input' }) as Record<string, unknown>, '');
    expect(undescribed).toEqual([]);
  });

  test('lists are capped at the core’s MAX_ROWS with a message that says what to do', () => {
    const row = { date: '2024-01-01', amount: 5, direction: 'out' };
    const result = reconcileLedgerInput.safeParse({
      schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 5 }] },
      side: 'paying',
      bankTransactions: Array<typeof row>(MAX_ROWS + 1).fill(row),
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['bankTransactions'],
        message: expect.stringMatching(/^at most 250,000 bank transactions .* split them/),
      }),
    ]);
  });

  test('MAX_ROWS + 1 CMS entries over MCP → isError naming cmsEntries', async () => {
    const row = { date: '2024-01-01', amount: 5, type: 'direct_payment' };
    const outcome = await mcp.call('reconcile_ledger', {
      schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 5 }], asOf: '2024-02-01' },
      side: 'paying',
      cmsEntries: Array<typeof row>(MAX_ROWS + 1).fill(row),
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/^cmsEntries: at most 250,000 CMS entries can be reconciled at once/);
  });
});

describe('one contract for MCP and HTTP', () => {
  test('/openapi.json describes both routes', async () => {
    const doc = (await (await app.request(`${BASE}/openapi.json`)).json()) as { paths: Record<string, { post?: unknown }> };
    expect(doc.paths['/api/v1/build-liability-schedule']?.post).toBeDefined();
    expect(doc.paths['/api/v1/reconcile-ledger']?.post).toBeDefined();
  });

  test('the cursors are stateless: a cursor from MCP gives the same page over HTTP', async () => {
    const input = { decisions: [{ effectiveDate: '2022-01-03', weeklyAmount: 10 }], frequency: 'weekly', asOf: '2024-01-01' };
    const cursor = (await schedule(mcp, input)).out.page.nextCursor!;
    const overMcp = await schedule(mcp, { ...input, page: { cursor } });
    const overHttp = await schedule(http, { ...input, page: { cursor } });
    expect(overHttp.out).toEqual(overMcp.out);
    expect(overHttp.out.page).toMatchObject({ offset: 50, number: 2 });
  });
});

describe.each(FACES)('build_liability_schedule over $name', (face) => {
  test('a mid-month change of amount, on Collect and Pay: every line exact', async () => {
    const { out, text } = await schedule(face, MID_MONTH_CHANGE);
    // Decisions come out in effective-date order whatever the order given.
    expect(out.decisions.map((d) => [d.id, d.effectiveDate, d.weeklyAmount])).toEqual([
      ['initial', '2024-01-15', '100.00'],
      ['review', '2024-03-10', '120.00'],
    ]);
    expect(out.liabilityStart).toBe('2024-01-15');
    expect(out.lines.map((l) => [l.periodStart, l.periodEnd, l.maintenance, l.collectionFee, l.totalDue, l.runningTotal])).toEqual([
      // Computed: the monthly instalment at £100 is 100 × 52 ÷ 12 = 433.333…; the period 1–31 January holds the
      // start of liability, so 15–31 January (17 of 31 days) is due: 433.333… × 17/31 = 237.634… → £237.63.
      // Collect and Pay fee 20%: 47.526 → £47.53. 237.63 + 47.53 = 285.16.
      ['2024-01-01', '2024-01-31', '237.63', '47.53', '285.16', '285.16'],
      // Computed: a whole month at £100: 433.33; fee 86.666 → 86.67; 520.00; running 285.16 + 520.00 = 805.16.
      ['2024-02-01', '2024-02-29', '433.33', '86.67', '520.00', '805.16'],
      // Computed: 1–9 March at £100: 433.333… × 9/31 = 125.806… → 125.81; 10–31 March at £120 (instalment
      // 120 × 52 ÷ 12 = 520): 520 × 22/31 = 369.032… → 369.03; 125.81 + 369.03 = 494.84; fee 98.968 → 98.97;
      // 593.81; running 805.16 + 593.81 = 1,398.97.
      ['2024-03-01', '2024-03-31', '494.84', '98.97', '593.81', '1398.97'],
      // Computed: a whole month at £120: 520.00; fee 104.00; 624.00; running 2,022.97.
      ['2024-04-01', '2024-04-30', '520.00', '104.00', '624.00', '2022.97'],
    ]);
    expect(out.lines[2]!.segments).toEqual([
      { from: '2024-03-01', to: '2024-03-09', days: 9, decisionId: 'initial', weeklyAmount: '100.00', amount: '125.81' },
      { from: '2024-03-10', to: '2024-03-31', days: 22, decisionId: 'review', weeklyAmount: '120.00', amount: '369.03' },
    ]);
    expect(out.lines[0]!.segments).toEqual([
      { from: '2024-01-15', to: '2024-01-31', days: 17, decisionId: 'initial', weeklyAmount: '100.00', amount: '237.63' },
    ]);
    // Computed: the receiving parent's 4% fee: 237.63 → 9.51, 433.33 → 17.33, 494.84 → 19.79, 520.00 → 20.80.
    expect(out.lines.map((l) => l.receivingParents[0]!.fee)).toEqual(['9.51', '17.33', '19.79', '20.80']);
    expect(out.totals).toEqual({
      // Computed: 237.63 + 433.33 + 494.84 + 520.00 = 1,685.80; fees 47.53 + 86.67 + 98.97 + 104.00 = 337.17.
      maintenance: '1685.80',
      collectionFees: '337.17',
      totalDue: '2022.97',
      // Computed: 9.51 + 17.33 + 19.79 + 20.80 = 67.43; 1,685.80 − 67.43 = 1,618.37.
      receivingParents: [{ id: 'receiving_parent_1', maintenance: '1685.80', fee: '67.43', net: '1618.37' }],
    });
    expect(out.counts.lines).toBe(4);
    expect(out.page).toEqual({ size: 50, offset: 0, count: 4, total: 4, number: 1, pages: 1 });
    expect(out.trace.length).toBeGreaterThan(0);
    for (const step of out.trace) expect(step.citation, step.step).toBeTruthy();
    if (face.name === 'mcp') {
      expect(text).toContain('£2,022.97');
      expect(text).toContain('Collect and Pay fees £337.17');
      expect(text).toContain('page 1 of 1');
    }
  });

  test('decisions in any order give the same schedule', async () => {
    const forwards = await schedule(face, { ...MID_MONTH_CHANGE, decisions: [...MID_MONTH_CHANGE.decisions].reverse() });
    const backwards = await schedule(face, MID_MONTH_CHANGE);
    expect(forwards.out).toEqual(backwards.out);
  });

  test('asOf defaults to today', async () => {
    const { asOf: _omitted, ...undated } = MID_MONTH_CHANGE;
    const { out } = await schedule(face, undated);
    expect(out.asOf).toBe(TODAY);
    expect(out.totals.totalDue).toBe('2022.97');
  });

  test('a decision may give the circumstances instead of the amount', async () => {
    const { out } = await schedule(face, {
      decisions: [
        {
          effectiveDate: '2024-01-01',
          calculation: { payingParent: { grossWeeklyIncome: 1000 }, receivingParents: [{ children: [{}, {}] }] },
        },
      ],
      asOf: '2024-02-15',
    });
    // CSA 1991 Sch 1 para 2(1): 800 × 16% + 200 × 12% = £152 a week (basic plus).
    expect(out.decisions[0]).toMatchObject({ weeklyAmount: '152.00', rate: 'basic_plus' });
    // Computed: monthly from the first effective date: 152 × 52 ÷ 12 = 658.666… → £658.67, two periods.
    expect(out.lines.map((l) => l.maintenance)).toEqual(['658.67', '658.67']);
    expect(out.totals.totalDue).toBe('1317.34');
  });

  test('lines page 50 at a time by default, and the pages put together are the whole schedule', async () => {
    // 120 weeks of £10 a week: 120 weekly lines.
    const input = {
      decisions: [{ effectiveDate: '2022-01-03', weeklyAmount: 10 }],
      frequency: 'weekly',
      asOf: addDays('2022-01-03', 7 * 120 - 1),
    };
    const whole = (await schedule(face, { ...input, page: { size: 500 } })).out;
    expect(whole.counts.lines).toBe(120);
    expect(whole.page).toEqual({ size: 500, offset: 0, count: 120, total: 120, number: 1, pages: 1 });
    const pages = [];
    let cursor: string | undefined;
    do {
      const { out } = await schedule(face, cursor ? { ...input, page: { cursor } } : input);
      pages.push(out);
      cursor = out.page.nextCursor;
    } while (cursor);
    expect(pages.map((p) => [p.page.number, p.page.pages, p.page.offset, p.page.count])).toEqual([
      [1, 3, 0, 50],
      [2, 3, 50, 50],
      [3, 3, 100, 20],
    ]);
    expect(pages.flatMap((p) => p.lines)).toEqual(whole.lines);
    // Computed: 120 × £10 = £1,200.00, on every page.
    for (const p of pages) expect(p.totals.totalDue).toBe('1200.00');
  });
});

describe.each(FACES)('reconcile_ledger over $name', (face) => {
  test('a phantom CMS payment and a bank payment CMS never recorded: findings, balance and bridge exact', async () => {
    const { out, text } = await reconciled(face, PHANTOM_AND_MISSING);
    expect(out.balance).toMatchObject({
      asOf: '2024-04-30',
      basis: 'gross',
      // Computed: 4 months at 100 × 52 ÷ 12 = 433.333… → 433.33 each; 4 × 433.33 = 1,733.32.
      accrued: '1733.32',
      due: '1733.32',
      notYetDue: '0.00',
      // Computed: the bank's CMS payments (Tesco filtered out): 433.33 × 3 + 400.00 = 1,699.99.
      paid: '1699.99',
      // Computed: CMS's payment records: 433.33 × 2 + 250.00 + 400.00 = 1,516.66.
      recordedByCms: '1516.66',
      adjustments: '0.00',
      writtenOff: '0.00',
      enforcementCharges: '0.00',
      // Computed: 1,733.32 − 1,699.99 = 33.33 owed by the paying parent.
      recomputed: '33.33',
      // Computed: CMS's own entries, 1,733.32 − 1,516.66 = 216.66, the figure it claims.
      cmsEntriesTotal: '216.66',
      cmsClaimed: '216.66',
      // Computed: 216.66 − 33.33 = 183.33 = the missing March payment (433.33) less the phantom (250.00).
      difference: '183.33',
      position: 'arrears',
    });
    expect(out.findings).toEqual([
      {
        id: 'finding_1',
        kind: 'cms_payment_without_evidence',
        date: '2024-02-15',
        amount: '250.00',
        effect: '-250.00',
        effects: { maintenance: '-250.00', collectionFees: '0.00', enforcementCharges: '0.00' },
        favours: 'receiving_parent',
        cmsEntryIds: ['phantom'],
        bankTransactionIds: [],
        evidenceIds: [],
        citations: [],
        explanation: 'CMS recorded a Direct Pay payment of £250.00 on 15 February 2024, but your bank shows no such payment.',
      },
      {
        id: 'finding_2',
        kind: 'payment_missing_from_cms',
        date: '2024-03-01',
        amount: '433.33',
        effect: '433.33',
        effects: { maintenance: '433.33', collectionFees: '0.00', enforcementCharges: '0.00' },
        favours: 'paying_parent',
        cmsEntryIds: [],
        bankTransactionIds: ['b-mar'],
        evidenceIds: [],
        citations: [{ kind: 'bank', id: 'b-mar', date: '2024-03-01', amount: '433.33', direction: 'out', description: 'CMS DIRECT PAY' }],
        explanation: '£433.33 left your account on 1 March 2024 ("CMS DIRECT PAY"), but CMS has no record of it.',
      },
    ]);
    // The bridge: 216.66 − 250.00 (phantom) + 433.33 (missing) … read as CMS's figure less each line: 216.66 − (−250.00) − 433.33 = 33.33.
    expect(out.bridge).toMatchObject({
      from: '216.66',
      fromLabel: 'cms_claim',
      to: '33.33',
      difference: '183.33',
      inPayingParentsFavour: { count: 1, amount: '433.33' },
      inReceivingParentsFavour: { count: 1, amount: '250.00' },
      otherLines: [],
    });
    expect(out.counts).toMatchObject({ cmsEntries: 8, bankTransactions: 5, findings: 2, periods: 4, matches: 7, ignored: 1 });
    expect(out.counts.byKind).toMatchObject({
      cms_payment_without_evidence: { count: 1, amount: '250.00', effect: '-250.00' },
      payment_missing_from_cms: { count: 1, amount: '433.33', effect: '433.33' },
      duplicate_payment_record: { count: 0, amount: '0.00', effect: '0.00' },
      amount_mismatch: { count: 0, amount: '0.00', effect: '0.00' },
    });
    // Three payments matched to the bank, four monthly charges agreeing with the schedule.
    expect(out.matches.map((x) => [x.reason, x.cmsEntryIds, x.bankTransactionIds])).toEqual(
      expect.arrayContaining([
        ['exact_amount', ['paid-jan'], ['b-jan']],
        ['exact_amount', ['paid-feb'], ['b-feb']],
        ['exact_amount', ['paid-apr'], ['b-apr']],
        ['schedule_agrees', ['due-jan'], []],
        ['schedule_agrees', ['due-apr'], []],
      ]),
    );
    expect(out.ignored).toEqual([{ bankTransactionId: 'b-shop', reason: 'not_a_maintenance_payment' }]);
    // Computed running balances from the evidence: 0, 0, 0, 433.33 − 400.00 = 33.33; per CMS: 0, −250.00, 183.33, 216.66.
    expect(out.periods.map((p) => [p.runningBalance, p.runningBalancePerCms])).toEqual([
      ['0.00', '0.00'],
      ['0.00', '-250.00'],
      ['0.00', '183.33'],
      ['33.33', '216.66'],
    ]);
    expect(out.page).toEqual({ size: 50, offset: 0, count: 14, total: 14, number: 1, pages: 1 });
    expect(out.schedule).toMatchObject({ frequency: 'monthly', liabilityStart: '2024-01-01', lines: 4 });
    for (const step of out.trace) expect(step.citation, step.step).toBeTruthy();
    if (face.name === 'mcp') {
      // The text leads with the bridge.
      expect(text!.split('\n').slice(0, 5)).toEqual([
        "CMS says £216.66 owed by the paying parent on 2024-04-30; worked out from the decisions and the evidence it is £33.33 owed by the paying parent: CMS's figure is £183.33 too high.",
        'The difference, line by line (positive: CMS’s figure too high; negative: too low):',
        '- 1 payment CMS recorded that no evidence shows: -£250.00',
        '- 1 payment CMS has no record of: £433.33',
        '= £183.33 (£216.66 − £33.33).',
      ]);
      expect(text).toContain(
        'finding_2. £433.33 left your account on 1 March 2024 ("CMS DIRECT PAY"), but CMS has no record of it. [£433.33]',
      );
      expect(text).toContain('page 1 of 1');
    }
  });

  test('entries and transactions in any order give the same result', async () => {
    const shuffled = {
      ...PHANTOM_AND_MISSING,
      cmsEntries: [...PHANTOM_AND_MISSING.cmsEntries].reverse(),
      bankTransactions: [...PHANTOM_AND_MISSING.bankTransactions].reverse(),
    };
    expect((await reconciled(face, shuffled)).out).toEqual((await reconciled(face, PHANTOM_AND_MISSING)).out);
  });

  test('2,000 bank transactions: pages under 60,000 characters, every item exactly once, the summary the same on every page', async () => {
    const input = bigLedger();
    const pages: { out: ReconcileLedgerOutput; raw: Record<string, unknown> }[] = [];
    let cursor: string | undefined;
    do {
      pages.push(await reconciled(face, { ...input, page: { size: 500, ...(cursor ? { cursor } : {}) } }));
      cursor = pages.at(-1)!.out.page.nextCursor;
    } while (cursor && pages.length < 100);
    expect(pages.length).toBeGreaterThan(1);
    for (const { raw } of pages) expect(JSON.stringify(raw).length).toBeLessThan(60_000);

    const first = pages[0]!.out;
    // Computed: 10 payments missing from CMS (£50 each) and 5 phantom £35 payments; nothing else wrong.
    expect(first.counts.byKind.payment_missing_from_cms).toEqual({ count: 10, amount: '500.00', effect: '500.00' });
    expect(first.counts.byKind.cms_payment_without_evidence).toEqual({ count: 5, amount: '175.00', effect: '-175.00' });
    expect(first.counts).toMatchObject({ bankTransactions: 2000, findings: 15, periods: 500 });
    // Computed: 500 weeks × £50 = £25,000.00 due, and 500 × £50 paid.
    expect(first.balance).toMatchObject({ due: '25000.00', paid: '25000.00', recomputed: '0.00', position: 'settled' });
    // The bridge from CMS's entries (no claim): 25,000.00 − (490 × 50.00 + 5 × 35.00) = 325.00 = 500.00 − 175.00.
    expect(first.bridge).toMatchObject({ from: '325.00', fromLabel: 'cms_entries', to: '0.00', difference: '325.00' });

    const summaryOf = ({ page: _p, findings: _d, periods: _r, matches: _m, ignored: _i, ...summary }: ReconcileLedgerOutput) => summary;
    for (const { out } of pages) expect(summaryOf(out)).toEqual(summaryOf(first));

    const all = {
      findings: pages.flatMap((p) => p.out.findings),
      periods: pages.flatMap((p) => p.out.periods),
      matches: pages.flatMap((p) => p.out.matches),
      ignored: pages.flatMap((p) => p.out.ignored),
    };
    expect(all.findings).toHaveLength(first.counts.findings);
    expect(new Set(all.findings.map((d) => d.id)).size).toBe(first.counts.findings);
    expect(all.matches).toHaveLength(first.counts.matches);
    expect(new Set(all.matches.map((x) => x.id)).size).toBe(first.counts.matches);
    expect(new Set(all.periods.map((p) => p.periodStart)).size).toBe(first.counts.periods);
    expect(new Set(all.ignored.map((i) => i.bankTransactionId ?? i.cmsEntryId)).size).toBe(first.counts.ignored);
    expect(all.findings.filter((d) => d.kind === 'cms_payment_without_evidence').flatMap((d) => d.cmsEntryIds)).toEqual([
      'phantom-25',
      'phantom-125',
      'phantom-225',
      'phantom-325',
      'phantom-425',
    ]);

    // One ordered stream: findings, then periods, then matches, then ignored; offsets follow on.
    const order = pages.flatMap((p) =>
      (['findings', 'periods', 'matches', 'ignored'] as const).flatMap((list, rank) => p.out[list].map(() => rank)),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    let offset = 0;
    for (const [i, { out }] of pages.entries()) {
      expect(out.page).toMatchObject({ offset, number: i + 1, pages: pages.length, total: first.page.total });
      offset += out.page.count;
    }
    expect(offset).toBe(first.page.total);
  });

  test('a cursor from a different input is refused, naming page.cursor', async () => {
    const input = bigLedger();
    const { out } = await reconciled(face, { ...input, page: { size: 100 } });
    const cursor = out.page.nextCursor!;
    expect(cursor).toBeTruthy();
    // The same cursor with the same input works (only page may change) …
    const next = await reconciled(face, { ...input, page: { cursor } });
    expect(next.out.page.offset).toBeGreaterThan(0);
    // … but not with another input.
    await expectRefused(face, 'reconcile_ledger', { ...input, windowDays: 6, page: { cursor } }, 'page.cursor', /different input/);
    // Nor from another tool, nor a made-up one.
    const weekly = { decisions: [{ effectiveDate: '2022-01-03', weeklyAmount: 10 }], frequency: 'weekly', asOf: '2024-01-01' };
    const scheduleCursor = (await schedule(face, weekly)).out.page.nextCursor!;
    await expectRefused(
      face,
      'reconcile_ledger',
      { ...input, page: { cursor: scheduleCursor } },
      'page.cursor',
      /build_liability_schedule/,
    );
    await expectRefused(face, 'build_liability_schedule', { ...weekly, page: { cursor } }, 'page.cursor', /reconcile_ledger/);
    await expectRefused(face, 'reconcile_ledger', { ...input, page: { cursor: 'not-a-cursor' } }, 'page.cursor', /not a cursor/);
  });
});

describe.each(FACES)('bad input over $name → invalid_input naming the field', (face) => {
  const weekly = (weeklyAmount: unknown) => ({ decisions: [{ effectiveDate: '2024-01-15', weeklyAmount }], asOf: '2024-04-30' });
  const ledger = (extra: Record<string, unknown>) => ({
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 100 }], asOf: '2024-04-30' },
    side: 'paying',
    ...extra,
  });
  const calculation = { payingParent: { grossWeeklyIncome: 500 }, receivingParents: [{ children: [{}] }] };

  test.each([
    { name: 'no decisions', args: { decisions: [], asOf: '2024-04-30' }, field: 'decisions' },
    {
      name: 'both weeklyAmount and calculation',
      args: { decisions: [{ effectiveDate: '2024-01-15', weeklyAmount: 5, calculation }], asOf: '2024-04-30' },
      field: 'decisions[0]',
      message: /either weeklyAmount or calculation/,
    },
    {
      name: 'neither weeklyAmount nor calculation',
      args: { decisions: [{ effectiveDate: '2024-01-15' }], asOf: '2024-04-30' },
      field: 'decisions[0]',
    },
    {
      name: 'a date that does not exist',
      args: { decisions: [{ effectiveDate: '2024-02-30', weeklyAmount: 5 }], asOf: '2024-04-30' },
      field: 'decisions[0].effectiveDate',
      message: /real date/,
    },
    {
      name: 'a case end before the first effective date',
      args: { ...weekly(5), caseEndDate: '2023-12-31' },
      field: 'caseEndDate',
      message: /not after the first effective date/,
    },
    { name: 'a negative weekly amount', args: weekly(-5), field: 'decisions[0].weeklyAmount', message: /negative/ },
    { name: 'a decimal comma', args: weekly('12,50'), field: 'decisions[0].weeklyAmount', message: /decimal comma.*"12\.50"/ },
    { name: 'a euro sign', args: weekly('€5'), field: 'decisions[0].weeklyAmount', message: /not in pounds/ },
    { name: 'a dollar sign', args: weekly('$5.00'), field: 'decisions[0].weeklyAmount', message: /not in pounds/ },
    { name: 'commas out of place', args: weekly('1,23.00'), field: 'decisions[0].weeklyAmount', message: /commas/ },
    { name: 'a word for an amount', args: weekly('fifty'), field: 'decisions[0].weeklyAmount', message: /not an amount of money/ },
    {
      name: 'a calculation without income',
      args: { decisions: [{ effectiveDate: '2024-01-15', calculation: { ...calculation, payingParent: {} } }], asOf: '2024-04-30' },
      field: 'decisions[0].calculation.payingParent.income',
    },
    {
      name: 'an unknown field',
      args: { ...weekly(5), colour: 'blue' },
      field: 'colour',
      message: /^colour: colour is not a field here; remove it \(the fields here are decisions, /,
    },
    { name: 'a page size over 500', args: { ...weekly(5), page: { size: 501 } }, field: 'page.size' },
  ])('build_liability_schedule: $name', async ({ args, field, message }) => {
    await expectRefused(face, 'build_liability_schedule', args, field, message);
  });

  test.each([
    { name: 'an unknown side', args: ledger({ side: 'payer' }), field: 'side' },
    {
      name: 'a negative bank payment',
      args: ledger({ bankTransactions: [{ date: '2024-01-02', amount: -433.33, direction: 'out' }] }),
      field: 'bankTransactions[0].amount',
      message: /negative/,
    },
    {
      name: 'a negative CMS payment',
      args: ledger({ cmsEntries: [{ date: '2024-01-02', type: 'direct_payment', amount: '-433.33' }] }),
      field: 'cmsEntries[0].amount',
      message: /negative/,
    },
    {
      name: 'another currency in a CMS amount',
      args: ledger({ cmsEntries: [{ date: '2024-01-02', type: 'direct_payment', amount: '€433.33' }] }),
      field: 'cmsEntries[0].amount',
      message: /not in pounds/,
    },
    {
      name: 'a decimal comma in the CMS balance',
      args: ledger({ cmsClaim: { date: '2024-04-30', balance: '216,66' } }),
      field: 'cmsClaim.balance',
      message: /decimal comma/,
    },
    {
      name: 'a bank date that does not exist',
      args: ledger({ bankTransactions: [{ date: '2024-02-30', amount: 5, direction: 'out' }] }),
      field: 'bankTransactions[0].date',
    },
    {
      name: 'part pennies',
      args: ledger({ bankTransactions: [{ date: '2024-01-02', amount: 5.005, direction: 'out' }] }),
      field: 'bankTransactions[0].amount',
      message: /whole pence/,
    },
    {
      name: 'an unknown CMS entry type',
      args: ledger({ cmsEntries: [{ date: '2024-01-02', type: 'payment', amount: 5 }] }),
      field: 'cmsEntries[0].type',
    },
    {
      name: 'an unknown field in a transaction',
      args: ledger({ bankTransactions: [{ date: '2024-01-02', amount: 5, direction: 'out', payee: 'CMS' }] }),
      field: 'bankTransactions[0]',
      message: /unknown field "payee"/,
    },
    {
      name: 'no date to reconcile up to',
      args: ledger({ schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 100 }] } }),
      field: 'schedule.asOf',
    },
    { name: 'no decisions', args: ledger({ schedule: { decisions: [], asOf: '2024-04-30' } }), field: 'schedule.decisions' },
    {
      name: 'both weeklyAmount and calculation',
      args: ledger({ schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 5, calculation }], asOf: '2024-04-30' } }),
      field: 'schedule.decisions[0]',
    },
    {
      name: 'a receiving parent who is not in the decisions',
      args: ledger({ side: 'receiving', receivingParentId: 'B' }),
      field: 'receivingParentId',
    },
    { name: 'a window over 31 days', args: ledger({ windowDays: 40 }), field: 'windowDays' },
  ])('reconcile_ledger: $name', async ({ args, field, message }) => {
    await expectRefused(face, 'reconcile_ledger', args, field, message);
  });
});
