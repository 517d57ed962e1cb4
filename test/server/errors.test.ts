/**
 * One error type over every face of the server: the codes list, one `details` entry (HTTP) and one line (MCP) per
 * problem, validator failures in plain words naming the field (the nearest known field for a misspelt one), and
 * `internal` for an unexpected error, with nothing of the error in the answer. MCP is driven by a real SDK client
 * over InMemoryTransport and over Streamable HTTP against the real app on a socket; the JSON API by fetch.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ERROR_CODES as CORE_CODES, InputError, ReckonerError } from '../../calc/errors.ts';
import { ERROR_CODES, STATUS } from '../../server/errors.ts';
import { createMcpServer } from '../../server/mcp.ts';
import { LetterInputError } from '../../letters/errors.ts';
import { editDistance, nearest, unknownField } from '../../tools/problems.ts';
import { toFailure, type ToolContext } from '../../tools/tool.ts';
import { CASES } from '../letters/fixture.ts';
import { DATE, startHttp, textOf, validInput, type RunningHttp } from './helpers.ts';

/** Words that must never reach a caller from an unexpected error: they stand for a case's private data. */
const SECRET = 'Jordan Ellis, 3 Elm Road ZZ5 6QT, owes £1,234.56';

/** A context whose case store fails unexpectedly, with case data in the error's message (as a driver's might). */
const failingContext = (): ToolContext => ({
  today: DATE,
  store: () => Promise.reject(new TypeError(`cannot read the row for ${SECRET}`)),
});

/** A complaint with three of its facts left out: whatWentWrong, impact and outcomes (test/letters/fixture.ts). */
function complaintMissingThree(): Record<string, unknown> {
  const input = structuredClone(CASES['complaint']!.input) as unknown as { facts: Record<string, unknown> } & Record<string, unknown>;
  const { whatWentWrong: _w, impact: _i, outcomes: _o, ...facts } = input.facts;
  return { ...input, facts };
}
const THREE_MISSING = ['facts.whatWentWrong', 'facts.impact', 'facts.outcomes'];

/** calculate_maintenance's valid input with nightsPerWeek where nightsPerYear belongs. */
function misspeltNights(): Record<string, unknown> {
  return { ...validInput(), receivingParents: [{ children: [{ nightsPerWeek: 3 }] }] };
}
function noReceivingParents(): Record<string, unknown> {
  const { receivingParents: _r, ...rest } = validInput();
  return rest;
}

/** The problem lines of an MCP error text (the headline, when there is one, ends with a colon). */
const linesOf = (text: string) => text.split('\n').filter((line) => !line.endsWith(':'));

describe('the codes', () => {
  test('one list, the one DESIGN.md "Errors" documents, with forbidden and internal, each with its HTTP status', () => {
    // DESIGN.md "Errors": invalid_input | not_found | conflict | unsupported | parse_failed | too_large | unauthorized |
    // forbidden | internal.
    expect([...ERROR_CODES]).toEqual([
      'invalid_input',
      'not_found',
      'conflict',
      'unsupported',
      'parse_failed',
      'too_large',
      'unauthorized',
      'forbidden',
      'internal',
    ]);
    expect(ERROR_CODES).toBe(CORE_CODES); // re-exported, not written twice
    expect(Object.keys(STATUS).sort()).toEqual([...ERROR_CODES].sort());
    expect(STATUS).toMatchObject({ forbidden: 403, internal: 500, invalid_input: 400, too_large: 413, unauthorized: 401 });
  });

  test('the message is derived from the problems; the field is data, never cut out of the message', () => {
    const one = new InputError('payingParent.income.amount', 'must not be negative');
    expect(one).toBeInstanceOf(ReckonerError);
    expect(one).toMatchObject({
      code: 'invalid_input',
      problems: [{ field: 'payingParent.income.amount', message: 'must not be negative' }],
    });
    expect(one.message).toBe('payingParent.income.amount: must not be negative');
    expect(one.within('calculation').problems).toEqual([
      { field: 'calculation.payingParent.income.amount', message: 'must not be negative' },
    ]);
    const letter = new LetterInputError('complaint', [
      { field: 'facts.impact', message: 'is missing' },
      { field: 'facts.outcomes', message: 'is missing' },
    ]);
    expect(letter.message.split('\n')).toEqual([
      'The complaint letter cannot be drafted until these 2 problems are put right (list_letter_types describes every fact):',
      'facts.impact: is missing',
      'facts.outcomes: is missing',
    ]);
    expect(toFailure(letter).details).toEqual(letter.problems);
  });

  test('the nearest field is found by edit distance, and nothing is offered when nothing is near', () => {
    // nightsPerWeek → nightsPerYear: W→Y, e→e, e→a, k→r = 3 substitutions.
    expect(editDistance('nightsperweek', 'nightsperyear')).toBe(3);
    expect(nearest('nightsPerWeek', ['id', 'nightsPerYear'])).toBe('nightsPerYear');
    expect(nearest('recievingParents', ['payingParent', 'receivingParents'])).toBe('receivingParents'); // one transposition
    expect(nearest('salary', ['grossWeeklyIncome', 'income', 'pensionContributions'])).toBeUndefined();
    // Optimal string alignment: "ca" → "abc" is 3 (no transposition then insertion), "abcd" → "acbd" is 1.
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('abcd', 'acbd')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  test('a name far longer than any field is neither compared nor echoed whole', () => {
    // A security audit froze the server for 14.6 s (and, with a 1 GB heap, killed it) with a tool name of a million
    // characters: every unknown name was compared with every known one, a matrix per comparison.
    const long = `nightsPerYear${'y'.repeat(1_000_000)}`;
    expect(nearest(long, ['nightsPerYear'])).toBeUndefined();
    expect(nearest('nightsPerYears', ['nightsPerYear'])).toBe('nightsPerYear');
    const message = unknownField(long, ['nightsPerYear']);
    expect(message).toBe(`${long.slice(0, 64)}… is not a field here; remove it (the fields here are nightsPerYear)`);
  });
});

/** The three ways in, each giving { text } for MCP or { status, body } for HTTP. */
interface McpWay {
  readonly call: (name: string, args: Record<string, unknown>) => Promise<CallToolResult>;
}

function mcpSuite(label: string, open: () => Promise<{ way: McpWay; close: () => Promise<void> }>) {
  describe(`MCP errors over ${label}`, () => {
    let way: McpWay;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ way, close } = await open());
    });
    afterAll(async () => close());

    test('a letter with three missing facts: one line per problem, each naming its fact', async () => {
      const result = await way.call('draft_letter', complaintMissingThree());
      expect(result.isError).toBe(true);
      const text = textOf(result);
      expect(text.split('\n')[0]).toBe(
        'The complaint letter cannot be drafted until these 3 problems are put right (list_letter_types describes every fact):',
      );
      const lines = linesOf(text);
      expect(lines).toHaveLength(3);
      expect(lines.map((l) => l.slice(0, l.indexOf(':')))).toEqual(THREE_MISSING);
      expect(lines[1]).toMatch(/^facts\.impact: is missing — How this has affected you/);
    });

    test('a tool name of a million characters is refused at once, quoted short', async () => {
      const result = await way.call(`calculate${'y'.repeat(1_000_000)}`, {});
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(new RegExp(`Tool calculate${'y'.repeat(55)}… not found$`));
    });

    test('a misspelt field gets the nearest known field', async () => {
      const result = await way.call('calculate_maintenance', misspeltNights());
      expect(result.isError).toBe(true);
      expect(textOf(result)).toBe(
        'receivingParents[0].children[0].nightsPerWeek: nightsPerWeek is not a field here; did you mean nightsPerYear?',
      );
    });

    test('a missing date is asked for as the date it is, and how to write it', async () => {
      // Before: "cmsClaim.date: give of CMS’s figure" (the field's description read as a noun).
      const claim = await way.call('reconcile_ledger', {
        schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }] },
        side: 'paying',
        cmsClaim: { balance: '100.00' },
      });
      expect(textOf(claim)).toBe('cmsClaim.date: give the date (the day CMS’s figure is for), written YYYY-MM-DD');
      const plan = await way.call('build_liability_schedule', {
        decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }],
        paymentPlan: { catchUp: [{ amount: '5.00' }] },
      });
      expect(textOf(plan)).toBe('paymentPlan.catchUp[0].dueDate: give the due date (a payment day), written YYYY-MM-DD');
    });

    test('a missing required list is asked for in plain words, not in zod’s', async () => {
      const result = await way.call('calculate_maintenance', noReceivingParents());
      expect(result.isError).toBe(true);
      expect(textOf(result)).toBe('receivingParents: give a list of receiving parents, each with their children');
      expect(textOf(result)).not.toMatch(/Invalid input|expected array|received undefined/);
    });
  });
}

mcpSuite('InMemoryTransport', async () => {
  const client = new Client({ name: 'errors-test', version: '0.0.0' });
  const server = createMcpServer({ context: () => ({ today: DATE }) });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  return {
    way: { call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult },
    close: async () => {
      await client.close();
      await server.close();
    },
  };
});

mcpSuite('Streamable HTTP', async () => {
  const http = await startHttp();
  const client = new Client({ name: 'errors-test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', http.origin)));
  return {
    way: { call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult },
    close: async () => {
      await client.close();
      await http.close();
    },
  };
});

interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details: readonly { field: string; message: string }[] };
}

describe('HTTP errors', () => {
  let http: RunningHttp;
  beforeAll(async () => {
    http = await startHttp({ context: () => ({ today: DATE }) });
  });
  afterAll(async () => http.close());
  const post = async (route: string, body: unknown) => {
    const res = await fetch(`${http.origin}/api/v1/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as ErrorBody };
  };

  test('a letter with three missing facts: one details entry per problem', async () => {
    const { status, body } = await post('draft-letter', complaintMissingThree());
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.details.map((d) => d.field)).toEqual(THREE_MISSING);
    expect(body.error.details[2]).toEqual({
      field: 'facts.outcomes',
      message: expect.stringMatching(/^is missing — What you want to happen/),
    });
    expect(linesOf(body.error.message)).toEqual(body.error.details.map((d) => `${d.field}: ${d.message}`));
  });

  test('lines typed from a CMS letter: every problem in every line, one details entry each', async () => {
    const { status, body } = await post('add-cms-entries', {
      caseId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      entries: [
        { date: '2024-02-30', type: 'payment_received', amount: 'fifty pounds' },
        { date: '2024-02-01', type: 'payment', amount: '50.00' },
        { date: '2024-03-01', type: 'payment_received', amount: '50.00' },
      ],
    });
    expect(status).toBe(400);
    expect(body.error.details.map((d) => d.field)).toEqual(['entries[0].date', 'entries[0].amount', 'entries[1].type']);
    expect(body.error.details[0]!.message).toBe('must be a real date written YYYY-MM-DD');
    expect(body.error.details[2]!.message).toMatch(/^must be one of liability, collection_fee, .* or write_off$/);
    expect(linesOf(body.error.message)).toEqual(body.error.details.map((d) => `${d.field}: ${d.message}`));
  });

  test('the 1993 scheme is not calculated, and the refusal says what to give instead', async () => {
    const { status, body } = await post('calculate-maintenance', {
      scheme: '1993',
      payingParent: { grossWeeklyIncome: 300 },
      receivingParents: [{ children: [{}] }],
    });
    expect(status).toBe(400);
    expect(body.error.details).toEqual([
      {
        field: 'scheme',
        message:
          'must be "2012" or "2003": Reckoner does not calculate the 1993 scheme; for a 1993-scheme (CSA) case give the weekly amount each decision letter states, as decisions[].weeklyAmount to build_liability_schedule or add_decision',
      },
    ]);
  });

  test('a row’s place given as an object with a field wrong: the field inside it is named, not the whole place', async () => {
    // `source` takes words or parse_statement's { page, line }. Before, each of these read "give e.g. "page 3, line
    // 14", or parse_statement’s { page, line }, not an object", which tells nobody what to fix.
    const row = { date: '2024-05-01', amount: '60.00', direction: 'out', description: 'CMS' };
    const { status, body } = await post('reconcile-ledger', {
      schedule: { decisions: [{ effectiveDate: '2024-04-05', weeklyAmount: '60.00' }], frequency: 'monthly', firstDueDate: '2024-04-05' },
      side: 'paying',
      cmsEntries: [],
      bankTransactions: [
        { ...row, source: { page: 2, line: 'fourteen' } },
        { ...row, source: { page: 2 } },
        { ...row, source: { pg: 2, line: 14 } },
        { ...row, source: 14 },
        { ...row, source: { page: 2, line: 14 } },
      ],
    });
    expect(status).toBe(400);
    expect(body.error.details).toEqual([
      { field: 'bankTransactions[0].source.line', message: 'give a whole number, not text' },
      { field: 'bankTransactions[1].source.line', message: 'give a whole number' },
      { field: 'bankTransactions[2].source.pg', message: 'pg is not a field here; did you mean page?' },
      // A value wrong as a whole still names both forms.
      { field: 'bankTransactions[3].source', message: 'give e.g. "page 3, line 14", or parse_statement’s { page, line }, not a number' },
    ]);
  });

  test('a misspelt field and a missing list, in plain words', async () => {
    expect((await post('calculate-maintenance', misspeltNights())).body.error.details).toEqual([
      { field: 'receivingParents[0].children[0].nightsPerWeek', message: 'nightsPerWeek is not a field here; did you mean nightsPerYear?' },
    ]);
    expect((await post('calculate-maintenance', noReceivingParents())).body.error).toEqual({
      code: 'invalid_input',
      message: 'receivingParents: give a list of receiving parents, each with their children',
      details: [{ field: 'receivingParents', message: 'give a list of receiving parents, each with their children' }],
    });
  });
});

describe('an unexpected error is internal, and says nothing of itself', () => {
  let http: RunningHttp;
  const stderr: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  beforeAll(async () => {
    http = await startHttp({ context: failingContext });
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      stderr.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stderr.write;
  });
  afterAll(async () => {
    process.stderr.write = write;
    await http.close();
  });

  const internalText = /^\(server\): something went wrong inside Reckoner, not in your input; nothing was saved\. Please report it$/;
  const leaks = (text: string) =>
    text.includes('Jordan') || text.includes('Elm Road') || text.includes('1,234.56') || /\n\s+at /.test(text);

  test('over HTTP: 500, code internal, one details entry, no case data, no stack', async () => {
    const res = await fetch(`${http.origin}/api/v1/list-cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const raw = await res.text();
    expect(res.status).toBe(500);
    const body = JSON.parse(raw) as ErrorBody;
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toMatch(internalText);
    expect(body.error.details).toHaveLength(1);
    expect(leaks(raw)).toBe(false);
    // The log names the error's kind only.
    expect(stderr.join('')).toContain('reckoner: internal error on POST /api/v1/list-cases: TypeError');
    expect(leaks(stderr.join(''))).toBe(false);
  });

  for (const [label, connect] of [
    [
      'InMemoryTransport',
      async () => {
        const client = new Client({ name: 'errors-test', version: '0.0.0' });
        const server = createMcpServer({ context: failingContext });
        const [c, s] = InMemoryTransport.createLinkedPair();
        await Promise.all([server.connect(s), client.connect(c)]);
        return client;
      },
    ],
    [
      'Streamable HTTP',
      async () => {
        const client = new Client({ name: 'errors-test', version: '0.0.0' });
        await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', http.origin)));
        return client;
      },
    ],
  ] as const) {
    test(`over MCP (${label}): an isError text that says only that something went wrong`, async () => {
      const client = await connect();
      try {
        const result = (await client.callTool({ name: 'list_cases', arguments: {} })) as CallToolResult;
        expect(result.isError).toBe(true);
        expect(textOf(result)).toMatch(internalText);
        expect(leaks(JSON.stringify(result))).toBe(false);
        expect(stderr.join('')).toContain('reckoner: internal error in list_cases: TypeError');
      } finally {
        await client.close();
      }
    });
  }
});
