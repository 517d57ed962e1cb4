/**
 * The budget (issue 13, item 1): what every MCP conversation loads before the user says a word. Measured as a client
 * receives it — the `tools` array of a real SDK `Client`'s tools/list against the real server over in-memory transports,
 * as JSON — and printed per tool, so whoever grows it sees where the characters go.
 * Before issue 13 it was 275,925 characters (measured the same way on the commit before: 200,820 when the issue was filed).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { createMcpServer } from '../../server/mcp.ts';

/** All tools together: about 12,000 tokens at four characters a token. */
const BUDGET = 48_000;

let client: Client;
let close: () => Promise<void>;
let tools: Tool[];

beforeAll(async () => {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const server = createMcpServer({ context: () => ({ today: '2026-03-20' }) });
  await server.connect(serverTransport);
  client = new Client({ name: 'reckoner-budget', version: '0.0.0' });
  await client.connect(clientTransport);
  close = () => server.close();
  tools = (await client.listTools()).tools;
});
afterAll(async () => {
  await client.close();
  await close();
});

const size = (value: unknown): number => (value === undefined ? 0 : JSON.stringify(value).length);

describe('tools/list', () => {
  test(`all tools together are at most ${BUDGET.toLocaleString('en-GB')} characters`, () => {
    const total = size(tools);
    const rows = tools.map((t) => {
      const { inputSchema, outputSchema, ...rest } = t;
      return { tool: t.name, total: size(t), described: size(rest), input: size(inputSchema), output: size(outputSchema) };
    });
    console.log(
      [
        `tools/list: ${total.toLocaleString('en-GB')} characters for ${tools.length} tools (budget ${BUDGET.toLocaleString('en-GB')})`,
        `${'tool'.padEnd(26)}${'total'.padStart(7)}${'name+desc'.padStart(10)}${'input'.padStart(7)}${'output'.padStart(7)}`,
        ...rows.map(
          (r) =>
            `${r.tool.padEnd(26)}${String(r.total).padStart(7)}${String(r.described).padStart(10)}${String(r.input).padStart(7)}${String(r.output).padStart(7)}`,
        ),
      ].join('\n'),
    );
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  test('a shared shape is written once per tool: the money description at most once in each', () => {
    for (const t of tools) {
      const json = JSON.stringify(t);
      expect(json.split('Pounds: 1234.56').length - 1, t.name).toBeLessThanOrEqual(1);
    }
  });

  test('no tool writes what means the same left out: no $schema, no allOf around a $ref, the title once, no execution', () => {
    // MCP reads a tool's schema as JSON Schema 2020-12 when it names no dialect; in 2020-12 a description may sit beside
    // a $ref. A tool's display name is its title (annotations.title only where there is none); taskSupport "forbidden"
    // is what a tool without execution means. The SDK's own list wrote all four: 48,655 characters where this one
    // writes 45,099 (25 tools, measured when server/tool-list.ts replaced it).
    for (const t of tools) {
      const json = JSON.stringify(t);
      expect(json, t.name).not.toContain('$schema');
      expect(json, t.name).not.toContain('"allOf":[{"$ref"');
      expect(json, t.name).not.toContain('#/definitions/');
      expect(t.title, t.name).toBeTruthy();
      expect(t.annotations?.title, t.name).toBeUndefined();
      expect(t.execution, t.name).toBeUndefined();
    }
  });

  test('every $ref in a tool points at a shape the same tool defines', () => {
    for (const t of [...tools.map((x) => x.inputSchema), ...tools.map((x) => x.outputSchema)]) {
      const defs = Object.keys((t as { $defs?: Record<string, unknown> } | undefined)?.$defs ?? {});
      for (const [, name] of JSON.stringify(t ?? {}).matchAll(/"\$ref":"#\/\$defs\/([^"]+)"/g)) expect(defs).toContain(name);
    }
  });

  test('save_letter does not repeat draft_letter’s schema, and neither repeats calculate_maintenance’s', () => {
    const byName = new Map(tools.map((t) => [t.name, t]));
    const save = JSON.stringify(byName.get('save_letter')!.inputSchema);
    const draft = JSON.stringify(byName.get('draft_letter')!.inputSchema);
    for (const json of [save, draft]) {
      // payingParent's fields are calculate_maintenance's; the letters point to it instead.
      expect(json).not.toContain('relevantOtherChildren');
      expect(json).toContain('as calculate_maintenance takes them');
    }
    expect(save.length).toBeLessThan(2_000);
  });

  test('every tool says in a sentence or two what it gives', () => {
    for (const t of tools) {
      expect(t.description, t.name).toBeTruthy();
      expect(t.description!.length, t.name).toBeLessThanOrEqual(300);
    }
  });
});

describe('list_letter_types', () => {
  const call = async (args: Record<string, unknown>) =>
    (await client.callTool({ name: 'list_letter_types', arguments: args })) as CallToolResult;

  test('with no arguments it is terse: id, name, title, when to use, who sends it', async () => {
    const result = await call({});
    const letters = (result.structuredContent as { letters: Record<string, unknown>[] }).letters;
    expect(letters).toHaveLength(24);
    for (const l of letters) expect(Object.keys(l).sort()).toEqual(['id', 'sender', 'title', 'type', 'whenToUse']);
    // Before issue 13 this answer was 66,500 characters.
    expect(size(result)).toBeLessThan(20_000);
  });

  test('with detail, every letter in full (the web page’s catalogue)', async () => {
    const letters = ((await call({ detail: true })).structuredContent as { letters: { id: string; clock: { countedFrom: string } }[] })
      .letters;
    expect(letters).toHaveLength(24);
    for (const l of letters) expect(l.clock.countedFrom, l.id).toBeTruthy();
  });

  test('one letter by name or by id comes in full, the same either way', async () => {
    const byName = await call({ type: 'payment_dispute' });
    const byId = await call({ type: 'l04' });
    expect(byName.structuredContent).toEqual(byId.structuredContent);
    const letter = (byName.structuredContent as { letter: { id: string; facts: { field: string }[]; inputs: unknown[] } }).letter;
    expect(letter.id).toBe('L04');
    expect(letter.facts.map((f) => f.field)).toEqual(expect.arrayContaining(['sender.name', 'caseReference', 'holdEnforcement']));
    const text = (byName.content[0] as { text: string }).text;
    expect(text).toContain('L04 payment_dispute');
    expect(text).toContain('- caseReference (required)');
  });
});
