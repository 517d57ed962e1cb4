/**
 * The working in words (issue 13, items 2 and 7): a client that forwards only a result's text to the model still has
 * the answer, the figures, the numbered trace with each step's citation and the findings — capped to a readable
 * length with a pointer to the rest — and every summary that counts things is grammatical, singular and plural.
 * Over a real SDK `Client` and the real server (server/mcp.ts) on in-memory transports, with a real PGlite store.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { addDays } from '../../calc/dates.ts';
import { Dec, pounds } from '../../calc/money.ts';
import { createMcpServer } from '../../server/mcp.ts';
import { lazyStore, type LazyStore } from '../../store/open.ts';
import { addCmsEntriesTool, addEvidenceTool } from '../../tools/case-add-records.ts';
import { describeCase, type CaseDetailOutput } from '../../tools/case-common.ts';
import { summarizeDeadlines, type ComputeDeadlinesOutput } from '../../tools/compute-deadlines.ts';
import type { ToolContext } from '../../tools/tool.ts';
import { capped, plural, TEXT_CAP, traceLines, traceSection } from '../../tools/words.ts';
import { CASES } from '../letters/fixture.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { EXAMPLES } from './helpers.ts';

const TODAY = '2026-03-20';

let lazy: LazyStore;
let client: Client;
let closeServer: () => Promise<void>;

beforeAll(async () => {
  lazy = lazyStore({ dataDir: await freshDataDir() });
  const context = (): ToolContext => ({ today: TODAY, store: lazy.store });
  const server = createMcpServer({ context, store: lazy.store });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  client = new Client({ name: 'reckoner-words', version: '0.0.0' });
  await client.connect(clientTransport);
  closeServer = () => server.close();
}, 120_000);
afterAll(async () => {
  await client?.close();
  await closeServer?.();
  await lazy?.close();
  cleanup();
});

interface Step {
  readonly step: string;
  readonly description: string;
  readonly value: string;
  readonly citation: string;
}

/** Calls a tool; its text (the first content item) and its structured result. */
async function call(name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const first = result.content[0];
  const text = first?.type === 'text' ? first.text : '';
  expect(result.isError ?? false, text).toBe(false);
  return { text, out: result.structuredContent as Record<string, unknown> & { trace: Step[] } };
}

/**
 * The text carries the trace as numbered steps, each with its citation: every step up to the cap, in order, and,
 * when the cap cut it, how many more there are and where.
 */
function expectTheWorking(text: string, trace: readonly Step[]): void {
  expect(trace.length).toBeGreaterThan(0);
  const lines = traceLines(trace);
  const shown = lines.filter((l) => text.includes(l));
  expect(shown).toEqual(lines.slice(0, shown.length));
  expect(shown.length).toBeGreaterThan(0);
  trace.slice(0, shown.length).forEach((s, i) => {
    expect(s.citation, s.step).toBeTruthy();
    expect(text).toContain(`${i + 1}. ${s.description}: ${s.value} (${s.citation})`);
  });
  if (shown.length < lines.length) expect(text).toContain(`${plural(lines.length - shown.length, 'more step')} of the trace`);
}

const money = (amount: string): string => pounds(new Dec(amount));

// ---------------------------------------------------------------------------------------------------------

describe('tools/words.ts', () => {
  test('plural: one and many, regular and irregular', () => {
    expect(plural(0, 'step')).toBe('0 steps');
    expect(plural(1, 'step')).toBe('1 step');
    expect(plural(2, 'step')).toBe('2 steps');
    expect(plural(1, 'CMS entry', 'CMS entries')).toBe('1 CMS entry');
    expect(plural(1_234, 'CMS entry', 'CMS entries')).toBe('1,234 CMS entries');
    expect(plural(1, 'piece of evidence', 'pieces of evidence')).toBe('1 piece of evidence');
  });

  test('the trace as numbered steps with their citations', () => {
    expect(
      traceLines([
        { step: 'a', description: 'Gross weekly income', value: '£173.00', citation: 'SI 2012/2677 reg 34' },
        { step: 'b', description: 'Rate', value: 'reduced', citation: 'Child Support Act 1991 Sch 1 para 3' },
      ]),
    ).toEqual(['1. Gross weekly income: £173.00 (SI 2012/2677 reg 34)', '2. Rate: reduced (Child Support Act 1991 Sch 1 para 3)']);
  });

  test('capped: the head whole, then lines while they fit, then a pointer to the rest', () => {
    const steps = Array.from({ length: 400 }, (_, i) => ({ description: `Step ${i}`, value: '£1.00', citation: `reg ${i}` }));
    const text = capped(
      ['The answer: £1.00.'],
      [traceSection(steps), { lines: ['a finding'], rest: (n) => `… ${plural(n, 'more finding')}` }],
    );
    expect(text.startsWith('The answer: £1.00.\nHow it was worked out (400 steps):\n1. Step 0: £1.00 (reg 0)')).toBe(true);
    const shown = text.split('\n').filter((l) => /^\d+\. /.test(l)).length;
    expect(shown).toBeGreaterThan(100);
    expect(text).toContain(`… ${400 - shown} more steps of the trace in structuredContent.trace`);
    expect(text).toContain('… 1 more finding');
    expect(text.length).toBeLessThanOrEqual(TEXT_CAP + 200);
    // Nothing is cut when everything fits.
    expect(capped(['head'], [traceSection(steps.slice(0, 1))])).toBe('head\nHow it was worked out (1 step):\n1. Step 0: £1.00 (reg 0)');
  });
});

// ---------------------------------------------------------------------------------------------------------

/**
 * A paying parent on Direct Pay at £100 a week, monthly from 1 January 2024 (the example of schedule-tools.test.ts):
 * the bank shows four payments, CMS records three of them and a £250 payment that never happened; CMS says £216.66.
 */
const PHANTOM_AND_MISSING = {
  schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 100 }], frequency: 'monthly' },
  side: 'paying',
  cmsEntries: [
    { date: '2024-01-01', type: 'liability', amount: '433.33' },
    { date: '2024-02-01', type: 'liability', amount: '433.33' },
    { date: '2024-03-01', type: 'liability', amount: '433.33' },
    { date: '2024-04-01', type: 'liability', amount: '433.33' },
    { date: '2024-01-02', type: 'direct_payment', amount: '433.33' },
    { date: '2024-02-01', type: 'direct_payment', amount: '433.33' },
    { date: '2024-02-15', type: 'direct_payment', amount: '250.00' },
    { date: '2024-04-02', type: 'direct_payment', amount: '400.00' },
  ],
  bankTransactions: [
    { date: '2024-01-01', amount: '433.33', direction: 'out', description: 'CMS DIRECT PAY' },
    { date: '2024-02-01', amount: '433.33', direction: 'out', description: 'CMS DIRECT PAY' },
    { date: '2024-03-01', amount: '433.33', direction: 'out', description: 'CMS DIRECT PAY' },
    { date: '2024-04-01', amount: '400.00', direction: 'out', description: 'CMS DIRECT PAY' },
  ],
  bankFilter: { descriptionContains: ['CMS'] },
  cmsClaim: { date: '2024-04-30', balance: '216.66' },
};

describe('every figure tool’s text holds the headline figure and each trace step’s citation', () => {
  test('calculate_maintenance: £22.00 a week (CMS leaflet, example on p23), with its working', async () => {
    const { text, out } = await call('calculate_maintenance', EXAMPLES.reducedRate);
    expect(out.weeklyAmount).toBe('22.00');
    expect(text).toContain('Weekly child maintenance: £22.00');
    expectTheWorking(text, out.trace);
  });

  test('calculate_maintenance writes its pounds as people read them: £1,500.00 a week gives a yearly £8,268.00', async () => {
    // Gross £1,500.00 a week, one child: 12% of the first £800 (£96.00) + 9% of the £700 above it (£63.00) = £159.00
    // a week (CSMCR 2012 Sch 1 para 2(1) as substituted); a year is 52 weeks: £159.00 × 52 = £8,268.00; a month is
    // £159.00 × 52 ÷ 12 = £689.00. Before, the text read "£1500.00" and "yearly: £8268.00", while the readOut grouped them.
    const { text, out } = await call('calculate_maintenance', {
      date: '2026-04-06',
      payingParent: { grossWeeklyIncome: '1500.00' },
      receivingParents: [{ id: 'a', children: [{ id: 'c1' }] }],
    });
    expect(out.weeklyAmount).toBe('159.00');
    expect(text).toContain(
      'Weekly child maintenance: £159.00 (basic rate (with the "basic plus" part above £800), on gross weekly income of £1,500.00)',
    );
    expect(text).toContain('Monthly: £689.00; four-weekly: £636.00; yearly: £8,268.00.');
  });

  test('build_liability_schedule: a decision that takes effect after asOf makes nothing due yet, and says so', async () => {
    // Before: "Due from 2025-01-01 to 2024-02-28 (0 monthly periods …)", a span that runs backwards.
    const { text, out } = await call('build_liability_schedule', {
      decisions: [{ effectiveDate: '2025-01-01', weeklyAmount: '60.00' }],
      asOf: '2024-02-28',
    });
    expect((out.totals as { totalDue: string }).totalDue).toBe('0.00');
    expect(text.split('\n')[0]).toBe(
      'Nothing is due by 2024-02-28: liability starts on 2025-01-01, after that day (give a later asOf to see what falls due).',
    );
  });

  test('build_liability_schedule: a part period’s line says which days the amount is for', async () => {
    // Liability from 15 January, payments due on the 1st: January's line is the part 15–31 January, 17 of 31 days,
    // 60 × 52 × 17 ÷ (12 × 31) = 142.58 and its 20% fee 28.52: 171.10. Before, the line read only "2024-01-01 to 2024-01-31".
    const { text } = await call('build_liability_schedule', {
      decisions: [{ effectiveDate: '2024-01-15', weeklyAmount: '60' }],
      firstDueDate: '2024-02-01',
      asOf: '2024-02-29',
      service: 'collect_and_pay',
    });
    expect(text).toContain('2024-01-01 to 2024-01-31 (liable 2024-01-15 to 2024-01-31), due 2024-01-15: £171.10 (running total £171.10)');
    expect(text).toContain('2024-02-01 to 2024-02-29, due 2024-02-01: £312.00');
  });

  test('build_liability_schedule: the total due, the trace and the lines', async () => {
    const { text, out } = await call('build_liability_schedule', {
      decisions: [
        { id: 'review', effectiveDate: '2024-03-10', weeklyAmount: '120.00' },
        { id: 'initial', effectiveDate: '2024-01-15', weeklyAmount: 100 },
      ],
      frequency: 'monthly',
      firstDueDate: '2024-02-01',
      asOf: '2024-04-30',
    });
    const totals = out.totals as { totalDue: string };
    expect(text).toContain(`: ${money(totals.totalDue)}`);
    expectTheWorking(text, out.trace);
    const lines = out.lines as { periodStart: string; totalDue: string }[];
    for (const l of lines) expect(text).toContain(`${l.periodStart} to `);
  });

  test('reconcile_ledger: what a receiving parent is owed is owed to them, not called the paying parent’s debt', async () => {
    // £60 a week on Collect and Pay: 249.60 a month reaches the receiving parent (260.00 less CMS's 4%). CMS says it
    // passed on January to March; the bank shows January and February. Owed by 30 April, net: 4 × 249.60 − 2 × 249.60 =
    // 499.20; gross 4 × 260.00 − 2 × 260.00 = 520.00. Before: "owed by the paying parent", "(the paying parent's arrears)".
    const { text } = await call('reconcile_ledger', {
      schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60.00' }], service: 'collect_and_pay' },
      side: 'receiving',
      cmsEntries: ['01', '02', '03'].map((m) => ({ date: `2024-${m}-05`, type: 'payment_passed_on', amount: '249.60' })),
      bankTransactions: ['01', '02'].map((m) => ({ date: `2024-${m}-05`, amount: '249.60', direction: 'in', description: 'CMS' })),
      bankFilter: { includeAll: true },
      cmsClaim: { date: '2024-04-30', balance: '249.60', basis: 'net' },
    });
    expect(text).toContain('CMS says £249.60 owed to the receiving parent on 2024-04-30');
    expect(text).toContain('worked out from the decisions and the evidence it is £499.20 owed to the receiving parent');
    // March's £249.60, passed on and never arrived, is owed to her but is not the paying parent's arrears as CMS counts
    // them (a meaning probe, 6 December 2026): the gross figure is the maintenance, not "as CMS counts arrears".
    expect(text).toContain('Both ways: gross £520.00 (the maintenance before its 4% fee), net £499.20');
    expect(text).not.toContain('owed by the paying parent');
  });

  test('reconcile_ledger: on Direct Pay throughout, a receiving parent’s balance is not given before and after a 4% fee there is not', async () => {
    // £60 a week on Direct Pay: 60 × 52 ÷ 12 = 260.00 a month, paid straight to her with no fee. January and February
    // arrived, March did not: 3 × 260.00 − 2 × 260.00 = 260.00 owed, one basis only. An MCP audit (F14) read "Both
    // ways: gross £580.00 (the maintenance, as CMS counts arrears, before its 4% fee), net £580.00".
    const { text, out } = await call('reconcile_ledger', {
      schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60.00' }], service: 'direct_pay' },
      side: 'receiving',
      cmsEntries: [],
      bankTransactions: ['01', '02'].map((m) => ({ date: `2024-${m}-01`, amount: '260.00', direction: 'in', description: 'MAINTENANCE' })),
      bankFilter: { includeAll: true },
      cmsClaim: { date: '2024-03-31', balance: '260.00' },
    });
    expect(text).toContain('worked out from the decisions and the evidence it is £260.00 owed to the receiving parent');
    expect(text).not.toContain('Both ways');
    expect(text).not.toContain('4%');
    expect((out.balance as Record<string, unknown>).bothBases).toBeUndefined();
  });

  test('reconcile_ledger: a receiving parent passed more than was due is not told it is owed to them', async () => {
    // £80 a week on Collect and Pay, monthly from 1 February 2024: 346.67 due a month, 332.80 passed on (346.67 less
    // CMS's 4%, 13.87). CMS passed on February to April; the bank shows those three and a fourth 332.80 on 20 April:
    // 332.80 more than was due, 346.67 as CMS counts it. An audit read "net -£332.80 (still owed to you in cash)".
    const cms = ['02', '03', '04'].flatMap((m) => [
      { date: `2024-${m}-01`, type: 'liability', amount: '346.67' },
      { date: `2024-${m}-10`, type: 'payment_passed_on', amount: '332.80' },
    ]);
    const bank = [...['02', '03', '04'].map((m) => `2024-${m}-11`), '2024-04-20'].map((date) => ({
      date,
      amount: '332.80',
      direction: 'in',
      description: 'CHILD MAINTENANCE SERVICE',
    }));
    const { text } = await call('reconcile_ledger', {
      schedule: {
        decisions: [{ effectiveDate: '2024-02-01', weeklyAmount: 80, service: 'collect_and_pay' }],
        frequency: 'monthly',
        firstDueDate: '2024-02-01',
      },
      side: 'receiving',
      cmsEntries: cms,
      bankTransactions: bank,
      bankFilter: { descriptionContains: ['CHILD MAINT'] },
      cmsClaim: { date: '2024-04-30', balance: '0.00', basis: 'net' },
    });
    expect(text).toContain(
      'Both ways: you received £332.80 more than was due in cash, £346.67 as CMS counts it (the maintenance before its 4% fee).',
    );
    expect(text).not.toContain('still owed to you');
  });

  test('reconcile_ledger: CMS’s figure, the true one, the bridge, the trace and the findings', async () => {
    const { text, out } = await call('reconcile_ledger', PHANTOM_AND_MISSING);
    const balance = out.balance as { recomputed: string };
    expect(text).toContain('CMS says £216.66 owed by the paying parent');
    expect(text).toContain(money(balance.recomputed));
    expectTheWorking(text, out.trace);
    const findings = out.findings as { id: string; explanation: string }[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(text).toContain(`${f.id}. ${f.explanation}`);
  });

  test('reconcile_ledger over 500 weeks: capped, with a pointer to the rest', async () => {
    const start = '2015-01-05';
    const cmsEntries: Record<string, unknown>[] = [];
    const bankTransactions: Record<string, unknown>[] = [];
    for (let w = 0; w < 500; w++) {
      const day = addDays(start, 7 * w);
      bankTransactions.push({ date: day, amount: '50.00', direction: 'out', description: 'CMS CHILD MAINT' });
      cmsEntries.push({ date: day, type: 'liability', amount: 50 });
      // CMS misses every other payment: 250 findings.
      if (w % 2 === 0) cmsEntries.push({ date: addDays(day, 1), type: 'direct_payment', amount: '50.00' });
    }
    const { text, out } = await call('reconcile_ledger', {
      schedule: { decisions: [{ effectiveDate: start, weeklyAmount: 50 }], frequency: 'weekly', asOf: addDays(start, 7 * 500 - 1) },
      side: 'paying',
      cmsEntries,
      bankTransactions,
      bankFilter: { descriptionContains: ['CMS'] },
    });
    expect((out.counts as { findings: number }).findings).toBeGreaterThanOrEqual(250);
    expect(text.length).toBeLessThanOrEqual(TEXT_CAP + 400);
    expect(text).toMatch(/… \d+ more findings?( on this page| on later pages): page through them with page\.cursor/);
    expectTheWorking(text, out.trace);
    // The first three findings come before the trace, whatever its length (a meaning probe of 6 December 2026: the trace
    // filled the text, and its only finding was left out).
    const findings = out.findings as { id: number; explanation: string }[];
    for (const f of findings.slice(0, 3)) expect(text).toContain(`${f.id}. ${f.explanation}`);
    expect(text.indexOf(`${findings[0]!.id}. `)).toBeLessThan(text.indexOf('How it was worked out ('));
  });

  test('compute_deadlines: the last day with its rule (SI 2012/2677 reg 14(1)(a)), by id and by name alike', async () => {
    const byId = await call('compute_deadlines', { letter: { type: 'L03', sentOn: '2025-01-31' } });
    const byName = await call('compute_deadlines', { letter: { type: 'mandatory_reconsideration', sentOn: '2025-01-31' } });
    expect(byName.out).toEqual(byId.out);
    expect(byName.text).toBe(byId.text);
    expect(byId.text).toContain('2025-02-28 (Friday 28 February 2025), last day');
    expect(byId.text).toContain('reg 14(1)(a)');
    expectTheWorking(byId.text, byId.out.trace);
  });

  test('draft_letter: every figure it quotes, the trace, and the letter', async () => {
    const input = CASES['payment_dispute']!.input;
    const { text, out } = await call('draft_letter', { ...input, type: 'L04' });
    expect(out.type).toBe('payment_dispute');
    const figures = (out.figures as { id: string; value: string }[]).filter((f) => !/^bridge_(line|subtotal)_/.test(f.id));
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) expect(text).toContain(f.value);
    expect(text).toContain('£1,640.32'); // CMS's claim, as the fixture gives it
    expectTheWorking(text, out.trace);
    expect(text).toContain('The letter:');
    // The address as its lines, not as a list of things ("Wolverhampton and WV98 2BU": an audit).
    expect(text).toContain('to Child Maintenance Service 21, Mail Handling Site A, Wolverhampton, WV98 2BU');
    expect(text).not.toContain('Wolverhampton and WV98 2BU');
  });

  test('reconcile_case: the same working from a stored case', async () => {
    const created = await call('create_case', {
      title: 'Words',
      side: 'paying',
      frequency: 'monthly',
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 100 }],
    });
    const caseId = created.out.id as string;
    expect(created.text).toContain('1 decision,');
    await call('add_cms_entries', { caseId, entries: PHANTOM_AND_MISSING.cmsEntries });
    await call('add_evidence', {
      caseId,
      evidence: PHANTOM_AND_MISSING.bankTransactions.map((b) => ({ type: 'declared_payment', date: b.date, amount: b.amount })),
    });
    const { text, out } = await call('reconcile_case', { caseId, asOf: '2024-04-30', cmsClaim: PHANTOM_AND_MISSING.cmsClaim });
    const balance = out.balance as { recomputed: string };
    expect(text).toContain('CMS says £216.66 owed by the paying parent');
    expect(text).toContain(money(balance.recomputed));
    expectTheWorking(text, out.trace);
    expect(text).toMatch(/Kept with the case|The same as the run already kept/);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('summaries that count things are grammatical, one and many', () => {
  const detail = (n: number): CaseDetailOutput => ({
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    title: 'x',
    scheme: '2012',
    service: 'collect_and_pay',
    side: 'paying',
    createdAt: '2024-01-01',
    updatedAt: '2024-01-01',
    parties: [],
    children: [],
    decisions: [],
    documents: [],
    events: [],
    counts: {
      parties: n,
      children: n,
      decisions: n,
      documents: n,
      transactions: n,
      cmsEntries: n,
      evidence: n,
      events: n,
      letters: n,
      reconciliationRuns: n,
    },
    ranges: {},
  });

  test('a case: 1 decision, 1 CMS entry, 1 piece of evidence; 2 of each; Collect and Pay in words', () => {
    const one = describeCase(detail(1));
    expect(one).toContain("on the paying parent's side, Collect and Pay, 2012 scheme");
    expect(one).toContain(
      'Holds 1 decision, 1 document, 1 bank transaction, 1 CMS entry, 1 piece of evidence, 1 event, 1 letter and 1 reconciliation.',
    );
    const two = describeCase(detail(2));
    expect(two).toContain(
      'Holds 2 decisions, 2 documents, 2 bank transactions, 2 CMS entries, 2 pieces of evidence, 2 events, 2 letters and 2 reconciliations.',
    );
    expect(one).not.toContain('_');
  });

  test('a schedule: 1 period and several', async () => {
    const one = await call('build_liability_schedule', {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 100 }],
      frequency: 'monthly',
      asOf: '2024-01-01',
    });
    expect(one.text).toContain('(1 monthly period starting on or before 2024-01-01)');
    const many = await call('build_liability_schedule', {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 100 }],
      frequency: 'monthly',
      asOf: '2024-03-01',
    });
    expect(many.text).toContain('(3 monthly periods starting on or before 2024-03-01)');
    for (const text of [one.text, many.text]) expect(text).toMatch(/How it was worked out \(\d+ steps?\):/);
    expect(one.text).not.toMatch(/\b1 (steps|periods|instalments)\b/);
  });

  test('a reconciliation: 1 CMS entry, 1 bank transaction; several of each', async () => {
    const one = await call('reconcile_ledger', {
      schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 100 }], frequency: 'monthly', asOf: '2024-01-31' },
      side: 'paying',
      cmsEntries: [{ date: '2024-01-02', type: 'direct_payment', amount: '433.33' }],
      bankTransactions: [{ date: '2024-01-01', amount: '433.33', direction: 'out', description: 'CMS DIRECT PAY' }],
      bankFilter: { descriptionContains: ['CMS'] },
    });
    expect(one.text).toContain('from 1 CMS entry, 1 bank transaction and 0 other pieces of evidence');
    const many = await call('reconcile_ledger', PHANTOM_AND_MISSING);
    expect(many.text).toContain('from 8 CMS entries, 4 bank transactions and 0 other pieces of evidence');
    // The bridge's kinds come from calc's own names for one and many.
    expect(many.text).toMatch(/- 1 payment CMS recorded that no evidence shows: /);
  });

  test('deadlines: 1 earlier deadline was met; 3 earlier deadlines were met', async () => {
    const { out } = await call('compute_deadlines', {
      events: [
        { type: 'decision_letter_received', date: '2025-01-31' },
        { type: 'mr_sent', date: '2025-02-10' },
      ],
      asOf: '2025-03-20',
    });
    const deadlines = out as unknown as ComputeDeadlinesOutput;
    expect(summarizeDeadlines(deadlines)).toContain('3 earlier deadlines were met by later events.');
    const oneMet = { ...deadlines, timeline: { ...deadlines.timeline!, met: deadlines.timeline!.met.slice(0, 1) } };
    expect(summarizeDeadlines(oneMet)).toContain('1 earlier deadline was met by later events.');
  });

  test('the letter catalogue: 24 letter types; 1 letter type', async () => {
    expect((await call('list_letter_types', {})).text).toMatch(/^24 letter types /);
    expect((await call('list_letter_types', { type: 'L18' })).text).toMatch(/^1 letter type:\nL18 late_mandatory_reconsideration/);
  });

  test('lines added to a case: 1 CMS entry, 2 CMS entries; 1 piece of evidence, 2 pieces', () => {
    const added = (n: number) => ({ caseId: 'c', new: n, alreadyThere: 0, rows: [] });
    expect(addCmsEntriesTool.summarize(added(1))).toBe('Added 1 CMS entry to case c; 0 already there.');
    expect(addCmsEntriesTool.summarize(added(2))).toBe('Added 2 CMS entries to case c; 0 already there.');
    expect(addEvidenceTool.summarize(added(1))).toBe('Added 1 piece of evidence to case c; 0 already there.');
    expect(addEvidenceTool.summarize(added(2))).toBe('Added 2 pieces of evidence to case c; 0 already there.');
  });

  test('the figure tools’ texts read as English', async () => {
    for (const [name, args] of [
      ['calculate_maintenance', EXAMPLES.collectAndPay],
      ['reconcile_ledger', PHANTOM_AND_MISSING],
    ] as const) {
      const { text } = await call(name, args);
      expect(text, name).not.toContain('collect_and_pay');
      expect(text, name).not.toContain('and_pay');
      expect(text, name).not.toMatch(/\b1 steps\b/);
    }
  });
});
