/**
 * `list_letter_types` and `draft_letter` through MCP (a real SDK client over InMemoryTransport, against a
 * server that registers the two tools exactly as server/mcp.ts registers every tool) and by direct handler
 * calls. The client validates each result against the advertised output schema.
 */
import { registerTools } from '../../server/mcp.ts';
import { registerFileResources } from '../../server/resources.ts';
import { LOCAL_PRINCIPAL } from '../../store/types.ts';
import { FileShelf } from '../../tools/files.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { draftLetterInput, draftLetterOutput, draftLetterTool } from '../../tools/draft-letter.ts';
import { listLetterTypesInput, listLetterTypesOutput, listLetterTypesTool } from '../../tools/list-letter-types.ts';
import type { ToolContext, ToolDefinition } from '../../tools/tool.ts';
import { extractPdfText } from '../../statements/pdf/text.ts';
import { CASES, SENT_ON } from '../letters/fixture.ts';
import { deadlinesForEvent, eventForLetter } from '../../calc/deadlines/index.ts';
import { LETTER_CLOCKS, LETTERS } from '../../letters/index.ts';
import { readLinkedFile } from './file-links.ts';
import { textOf } from './helpers.ts';

const TODAY = SENT_ON;
const files = new FileShelf().for(LOCAL_PRINCIPAL);
const context = (): ToolContext => ({ today: TODAY, files });
const TOOLS = [listLetterTypesTool, draftLetterTool] as unknown as ToolDefinition[];

/** An MCP server with these two tools, registered exactly as the real server registers them. */
function createServer(): McpServer {
  const server = new McpServer({ name: 'reckoner', version: '0.0.0' });
  registerTools(server, TOOLS, context);
  registerFileResources(server, () => files);
  return server;
}

let client: Client;
let server: McpServer;

beforeAll(async () => {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  server = createServer();
  await server.connect(serverTransport);
  client = new Client({ name: 'reckoner-test', version: '0.0.0' });
  await client.connect(clientTransport);
});
afterAll(async () => {
  await client.close();
  await server.close();
});

const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;

describe('tools/list', () => {
  test('both tools are read-only, idempotent and closed-world, with input and output schemas', async () => {
    const { tools } = await client.listTools();
    for (const name of ['list_letter_types', 'draft_letter']) {
      const tool = tools.find((t) => t.name === name)!;
      expect(tool, name).toBeDefined();
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false });
      expect(tool.outputSchema?.type).toBe('object');
    }
    const draft = tools.find((t) => t.name === 'draft_letter')!;
    expect(Object.keys(draft.inputSchema.properties ?? {}).sort()).toEqual(
      ['calculation', 'caseId', 'cmsCalculation', 'facts', 'format', 'nation', 'reconciliation', 'sentOn', 'type'].sort(),
    );
    // facts are optional: with caseId the case supplies them; without, a refusal lists every missing fact.
    expect(draft.inputSchema.required).toEqual(['type']);
  });
});

describe('list_letter_types', () => {
  // Issue 13 (item 1): the list is terse by default (id, name, title, when to use, who sends it); one letter, asked for
  // by id or name, comes with its facts, inputs and the deadlines it starts.
  test('lists the 24 letters tersely; one letter comes with its facts, inputs and the deadlines it starts', async () => {
    const result = await call('list_letter_types', {});
    expect(result.isError ?? false).toBe(false);
    const out = listLetterTypesOutput.parse(result.structuredContent);
    expect(out.letters.map((l) => l.id)).toEqual(Array.from({ length: 24 }, (_, i) => `L${String(i + 1).padStart(2, '0')}`));
    expect(out.letter).toBeUndefined();
    expect(JSON.stringify(out).length).toBeLessThan(20_000);
    expect(textOf(result)).toContain('L04 payment_dispute');
    const one = listLetterTypesOutput.parse((await call('list_letter_types', { type: 'mandatory_reconsideration' })).structuredContent);
    const mr = one.letter!;
    expect(mr.facts.find((f) => f.field === 'caseReference')).toMatchObject({ required: true });
    expect(mr.facts.map((f) => f.field)).toEqual(expect.arrayContaining(['decision.type', 'decision.letterDate', 'grounds']));
    expect(mr.inputs).toEqual(expect.arrayContaining([expect.objectContaining({ input: 'calculation', use: 'required' })]));
    expect(mr.clock.countedFrom).toContain('the date printed on the decision letter');
    // Its last day counts from the decision letter, not from today: a date counted from today (19 April 2026 here) would
    // be a false one (journey probe F10), so none is given.
    expect(mr.clock.deadlines[0]).toMatchObject({ id: 'mr_last_day' });
    expect(mr.clock.deadlines[0]!.ifCountedFromToday).toBeUndefined();
  });

  // A journey probe (story 2): for L19 list_letter_types said "Its clock counts from the day the letter is sent", while
  // mark_letter_sent said "It starts no deadline" (its sending is recorded as letter_sent, which starts none).
  test('a letter that starts no deadline says so, and its sending starts none either', async () => {
    const none = LETTERS.filter((l) => !LETTER_CLOCKS[l.id].event).map((l) => l.id);
    expect(none).toEqual(['L08', 'L10', 'L12', 'L14', 'L15', 'L16', 'L20']);
    for (const id of none) {
      // What mark_letter_sent records for it, and the deadlines that event starts: none.
      expect(eventForLetter(id), id).toBe('letter_sent');
      expect(deadlinesForEvent('letter_sent', TODAY, 'england_and_wales'), id).toEqual([]);
      const result = await call('list_letter_types', { type: id });
      const out = listLetterTypesOutput.parse(result.structuredContent);
      expect(out.letter!.clock, id).toEqual({ countedFrom: 'nothing: it starts no deadline', deadlines: [] });
      expect(textOf(result), id).toContain(
        'It starts no deadline, so no reply to it is tracked: mark_letter_sent records it as a letter sent.',
      );
      expect(textOf(result), id).not.toContain('Its clock counts from');
    }
    // A letter that starts one keeps its clock: a payment dispute, from the day it is sent.
    expect(textOf(await call('list_letter_types', { type: 'L04' }))).toContain('Its clock counts from the day the letter is sent.');
    // So does a refund request now (its sending is refund_requested): from Friday 20 March 2026, 15 working days with
    // Good Friday 3 April and Easter Monday 6 April skipped → Tuesday 14 April 2026; + 5 → Tuesday 21 April.
    expect(eventForLetter('L19')).toBe('refund_requested');
    const refund = await call('list_letter_types', { type: 'L19' });
    expect(textOf(refund)).toContain('Its clock counts from the day the letter is sent.');
    expect(listLetterTypesOutput.parse(refund.structuredContent).letter!.clock.deadlines).toEqual([
      expect.objectContaining({ id: 'refund_reply_due', ifCountedFromToday: '2026-04-14' }),
      expect.objectContaining({ id: 'refund_escalate', ifCountedFromToday: '2026-04-21' }),
    ]);
  });

  test('one type comes with every fact and the JSON Schema of its facts', async () => {
    const out = listLetterTypesOutput.parse((await call('list_letter_types', { type: 'L04' })).structuredContent);
    expect(out.letters).toHaveLength(1);
    expect(out.letter!.facts.map((f) => f.field)).toEqual(expect.arrayContaining(['sender.name', 'caseReference', 'holdEnforcement']));
    expect(out.letter!.factsSchema).toMatchObject({ type: 'object', required: expect.arrayContaining(['sender', 'caseReference']) });
  });

  test('filters by sender', async () => {
    const out = listLetterTypesOutput.parse((await call('list_letter_types', { sender: 'receiving' })).structuredContent);
    expect(out.letters.map((l) => l.type)).toContain('direct_pay_to_collect_and_pay');
    expect(out.letters.map((l) => l.type)).not.toContain('arrears_payment_plan');
  });

  test('an unknown type is an error listing the valid ones', async () => {
    const result = await call('list_letter_types', { type: 'nope' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^type: "nope" is not a letter type\. Choose one of: subject_access_request \(L01\)/);
  });
});

describe('draft_letter over MCP', () => {
  test('drafts a payment dispute with its figures, deadlines and a PDF', async () => {
    const result = await call('draft_letter', { ...CASES['payment_dispute']!.input, format: 'pdf' });
    expect(result.isError ?? false, textOf(result)).toBe(false);
    const out = draftLetterOutput.parse(result.structuredContent);
    expect(out).toMatchObject({ id: 'L04', type: 'payment_dispute', sentOn: SENT_ON, nation: 'england_and_wales' });
    expect(out.figures.find((f) => f.id === 'balance_difference')).toMatchObject({ value: '£1,230.24', amount: '1230.24' });
    expect(out.deadlines[0]).toMatchObject({ id: 'dispute_reply_due', date: '2026-04-14', kind: 'reply_due' });
    expect(out.sendBy.copies).toEqual(['Priya Shah MP (Testbury and Riverside)']);
    expect(out.trace.some((s) => s.step === 'reconciliation.balance')).toBe(true);
    // The text content carries the letter itself, for clients that show only text.
    expect(textOf(result)).toContain('Dispute of entries on my child maintenance account');
    // The PDF comes as a link to a resource, not as base64 in the result.
    const { link, bytes, mimeType } = await readLinkedFile(client, result);
    expect(link).toMatchObject({ uri: out.file!.uri, mimeType: 'application/pdf', size: bytes.length });
    expect(mimeType).toBe('application/pdf');
    const pdf = new Uint8Array(bytes);
    const text = (await extractPdfText(pdf)).replace(/\s+/g, ' ');
    for (const f of out.figures) expect(text).toContain(f.value);
  });

  test('sentOn defaults to the server’s today; no PDF unless asked', async () => {
    const { sentOn: _s, ...rest } = CASES['subject_access_request']!.input;
    const out = draftLetterOutput.parse((await call('draft_letter', rest)).structuredContent);
    expect(out.sentOn).toBe(TODAY);
    expect(out.file).toBeUndefined();
    expect(out.markdown).toContain('20 March 2026');
  });

  test.each([
    {
      name: 'a missing fact lists every missing fact',
      args: { type: 'complaint', facts: { senderRole: 'paying' } },
      expected: [
        /facts\.sender: is missing/,
        /facts\.caseReference: is missing — Your 12-digit CMS case reference/,
        /facts\.chronology: is missing/,
      ],
    },
    {
      name: 'a figure with nothing behind it names the computation to give',
      args: { type: 'payment_dispute', facts: CASES['payment_dispute']!.input.facts },
      expected: [/^reconciliation: is missing — the letter quotes each disputed entry/],
    },
    {
      name: 'an unknown type lists the valid ones',
      args: { type: 'angry_letter', facts: {} },
      // Every problem is at most 500 characters over MCP as over HTTP (tools/tool.ts MAX_PROBLEM_CHARS), so the list is cut.
      expected: [/^type: must be a letter type: one of subject_access_request, account_breakdown_request, .*deduction_order_appeal/],
    },
    {
      name: 'money in a fact',
      args: { ...CASES['complaint']!.input, facts: { ...CASES['complaint']!.input.facts, impact: 'They took £500' } },
      expected: [/facts\.impact: must not state an amount of money/],
    },
    {
      name: 'an unknown top-level field',
      args: { ...CASES['complaint']!.input, amount: '500' },
      expected: [/^amount: amount is not a field here; remove it \(the fields here are caseId, type, facts, /],
    },
  ])('$name', async ({ args, expected }) => {
    const result = await call('draft_letter', args);
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    for (const e of expected) expect(textOf(result)).toMatch(e);
  });
});

describe('direct handler calls', () => {
  test('every fixture case drafts through the tool’s own input schema', async () => {
    for (const [type, c] of Object.entries(CASES)) {
      const input = draftLetterInput.parse(c.input);
      const out = draftLetterOutput.parse(await draftLetterTool.handler(input, context()));
      expect(out.type, type).toBe(type);
      expect(draftLetterTool.summarize(out)).toContain(`Drafted ${out.id} ${type}`);
    }
  });

  test('the list handler and its summary', () => {
    const out = listLetterTypesOutput.parse(
      listLetterTypesTool.handler(listLetterTypesInput.parse({ type: 'late_mandatory_reconsideration' }), context()),
    );
    expect(out.letters[0]).toMatchObject({ id: 'L18', sender: 'either' });
    expect(listLetterTypesTool.summarize(out)).toContain('L18 late_mandatory_reconsideration');
  });

  test('money read by the calculator accepts numbers and strings alike', async () => {
    const c = CASES['deo_request']!.input;
    const asString = draftLetterInput.parse({
      ...c,
      calculation: { ...c.calculation, payingParent: { income: { amount: '30000', period: 'year' } } },
    });
    const out = draftLetterOutput.parse(await draftLetterTool.handler(asString, context()));
    expect(out.figures.find((f) => f.id === 'weekly_amount')?.value).toBe('£78.86');
  });
});
