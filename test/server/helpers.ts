/**
 * Small shared pieces for the interface tests: example inputs with known answers, a free port, a real
 * HTTP server on it, a real MCP client linked in process to a server, and spawned `bin/reckoner` processes that
 * are always cleaned up.
 * @module
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createApp, type HttpOptions } from '../../server/http.ts';

/**
 * A real SDK client connected to `server` over a linked pair of in-memory transports (no mocks: the client checks
 * each result against the tool's output schema); `close` closes the client, then the server.
 */
export async function inMemoryClient(server: McpServer, name = 'reckoner-test'): Promise<{ client: Client; close: () => Promise<void> }> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name, version: '0.0.0' });
  await client.connect(clientTransport);
  return {
    client,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** Absolute path of the executable under test. */
export const RECKONER = fileURLToPath(new URL('../../bin/reckoner', import.meta.url));

/** Every example names its date, so results never depend on today. */
export const DATE = '2026-04-06';

/**
 * Inputs whose answers come from the law or an official example; each test asserts the figures next to
 * the source. Kept here so MCP and HTTP are checked against the same inputs.
 */
export const EXAMPLES = {
  /** GOV.UK calculator test "example on p23" of the CMS leaflet: 2 qualifying children, 1 relevant other child, £173. */
  reducedRate: {
    date: DATE,
    payingParent: { grossWeeklyIncome: 173, relevantOtherChildren: 1 },
    receivingParents: [{ children: [{}, {}] }],
  },
  /** 2 children, £1,000 a week: basic rate with the "basic plus" part above £800. */
  basicPlus: {
    date: DATE,
    payingParent: { grossWeeklyIncome: 1000 },
    receivingParents: [{ children: [{}, {}] }],
  },
  /** £30,000 a year, 2 children: CSMCR reg 35(1)(c) ÷ 365 × 7. */
  annualIncome: {
    date: DATE,
    payingParent: { income: { amount: 30000, period: 'year' } },
    receivingParents: [{ children: [{}, {}] }],
  },
  /** 3 children, £600 a week, two receiving parents, shared care with both. */
  twoReceivingParents: {
    date: DATE,
    payingParent: { grossWeeklyIncome: 600 },
    receivingParents: [
      { id: 'A', children: [{ nightsPerYear: 175 }, { nightsPerYear: 0 }] },
      { id: 'B', children: [{ nightsPerYear: 104 }] },
    ],
  },
  /** Collect and Pay, £500 a week, 1 child with 52 nights. */
  collectAndPay: {
    date: DATE,
    collection: 'collect_and_pay',
    payingParent: { grossWeeklyIncome: 500 },
    receivingParents: [{ children: [{ nightsPerYear: 52 }] }],
  },
} as const satisfies Record<string, Record<string, unknown>>;

/** A valid input to start bad-input cases from (a fresh copy each time). */
export function validInput(): Record<string, unknown> {
  return structuredClone(EXAMPLES.basicPlus) as unknown as Record<string, unknown>;
}

/** The single text item of an MCP tool result (beside it, only the resource links of the files the tool made). */
export function textOf(result: CallToolResult | Record<string, unknown>): string {
  const content = (result as CallToolResult).content.filter((item) => item.type !== 'resource_link');
  if (content.length !== 1 || content[0]?.type !== 'text') throw new Error(`expected one text item, got ${JSON.stringify(content)}`);
  return content[0].text;
}

/** A port that was free a moment ago on 127.0.0.1 (bind to 0, read the port, close). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

export interface RunningHttp {
  readonly port: number;
  /** e.g. `http://127.0.0.1:43121` */
  readonly origin: string;
  close(): Promise<void>;
}

/** The real Hono app on a real socket. The app is made once the port is known: its Host guard names the port. */
export async function startHttp(options: Omit<HttpOptions, 'host' | 'port'> = {}): Promise<RunningHttp> {
  const port = await freePort();
  const app = createApp({ ...options, host: '127.0.0.1', port });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
  await once(server, 'listening');
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
    },
  };
}

/** Children spawned by the tests; {@link stopAll} ends whichever are still running. */
const children = new Set<ChildProcess>();
/** What each spawned child has printed on stderr so far. */
const stderrSoFar = new WeakMap<ChildProcess, string>();

/** Spawns `bin/reckoner` with the given arguments, with all three standard streams piped. */
export function spawnReckoner(args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(RECKONER, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
  children.add(child);
  // Everything the child prints on stderr is kept from the start, so a wait begun after a line arrived still sees it
  // (two lines can come in one chunk, before a second wait is listening).
  if (child.stderr) {
    stderrSoFar.set(child, '');
    child.stderr.on('data', (chunk: Buffer) => stderrSoFar.set(child, stderrSoFar.get(child)! + chunk.toString('utf8')));
  }
  child.once('exit', () => children.delete(child));
  return child;
}

/** Resolves with the exit code (or signal) once the child has exited; at once if it already has. */
export async function exited(child: ChildProcess): Promise<number | NodeJS.Signals> {
  if (child.exitCode !== null) return child.exitCode;
  if (child.signalCode !== null) return child.signalCode;
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return code ?? signal!;
}

/** Sends SIGTERM to one child (if still running) and waits for it to exit. */
export async function stop(child: ChildProcess): Promise<number | NodeJS.Signals> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  return exited(child);
}

/** Stops every child a test spawned and left running; for afterEach / afterAll. */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stop));
}

/**
 * Resolves with the first match of `pattern` in what the child has printed on stderr since it was spawned (rejects if
 * the child exits first without printing it).
 */
export function waitForStderr(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const printed = (): string => stderrSoFar.get(child) ?? '';
    const settle = (): boolean => {
      const match = printed().match(pattern);
      if (match) {
        child.stderr!.off('data', onData);
        child.off('exit', onExit);
        resolve(match);
      }
      return match !== null;
    };
    // Listeners run in the order they were added: the record kept since spawning is updated before this one looks.
    const onData = (): void => void settle();
    const onExit = (code: number | null): void => {
      if (!settle()) reject(new Error(`reckoner exited (${code}) before printing ${pattern}; stderr:\n${printed()}`));
    };
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
    settle();
  });
}
