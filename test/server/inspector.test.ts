/**
 * Reckoner driven by a real third-party client: the MCP Inspector's CLI mode (@modelcontextprotocol/inspector 0.15.x,
 * a devDependency), as a user would run it —
 * `npx @modelcontextprotocol/inspector --cli bin/reckoner mcp --method tools/list` — over stdio, and over
 * Streamable HTTP against the app `bin/reckoner serve` runs (server/http.ts, on a real socket in this process).
 * Each call is a fresh Inspector process (and, over stdio, a fresh `bin/reckoner mcp`); each test has its own
 * temporary store directory, so a case created in one call is read back by the next server process.
 * The flags are those of the package's README ("CLI Mode") and its `cli/build/index.js`: `--method`, `--tool-name`,
 * `--tool-arg key=value` (object and array values as JSON), `--uri`, and the launcher's `-e KEY=VALUE` for the
 * server's environment.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROMPTS } from '../../prompts/index.ts';
import { TOOLS } from '../../tools/index.ts';
import { EXAMPLES, RECKONER, startHttp, type RunningHttp } from './helpers.ts';

/** The Inspector's launcher (its package.json `bin`), run with this Node rather than through npx's lookup. */
function inspectorLauncher(): { path?: string; reason?: string } {
  try {
    const require = createRequire(import.meta.url);
    const manifest = require.resolve('@modelcontextprotocol/inspector/package.json');
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string; bin: Record<string, string> };
    if (!pkg.version.startsWith('0.15.')) return { reason: `@modelcontextprotocol/inspector is ${pkg.version}, not 0.15.x` };
    const path = join(dirname(manifest), pkg.bin['mcp-inspector']!);
    return existsSync(path) ? { path } : { reason: `the Inspector's CLI is missing at ${path}` };
  } catch (error) {
    return { reason: `@modelcontextprotocol/inspector is not installed (${(error as Error).message.split('\n')[0]})` };
  }
}

const launcher = inspectorLauncher();
const [nodeMajor] = process.versions.node.split('.').map(Number);
const skipReason =
  launcher.reason ?? (nodeMajor! < 20 ? `Node ${process.versions.node} is older than the Inspector needs (20)` : undefined);
// Never skip silently: say why on the test output.
if (skipReason) console.warn(`inspector.test.ts skipped: ${skipReason}`);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `mcp-inspector --cli …args` to its end and returns what it printed. */
function inspector(args: string[], timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher.path!, '--cli', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the Inspector did not finish in ${timeoutMs} ms: ${args.join(' ')}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The JSON the Inspector printed for one call (it prints `JSON.stringify(result, null, 2)` and nothing else). */
async function call<T>(target: string[], method: string, extra: string[] = []): Promise<T> {
  const run = await inspector([...target, '--method', method, ...extra]);
  expect(run.code, `inspector ${method} exited ${run.code}; stderr:\n${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as T;
}

interface ToolsList {
  tools: { name: string; description?: string; inputSchema: { type: string } }[];
}
interface PromptsList {
  prompts: { name: string; arguments?: { name: string }[] }[];
}
interface TemplatesList {
  resourceTemplates: { name: string; uriTemplate: string; mimeType?: string }[];
}
interface ToolResult {
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}
interface ReadResult {
  contents: { uri: string; mimeType?: string; text?: string }[];
}

/** `--tool-arg` pairs for an input; the Inspector JSON-parses a value whose schema type is object or array. */
function toolArgs(input: Record<string, unknown>): string[] {
  return Object.entries(input).flatMap(([key, value]) => [
    '--tool-arg',
    `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
  ]);
}

/** The case resource templates server/resources.ts registers. */
const TEMPLATES = ['reckoner://cases/{id}', 'reckoner://cases/{id}/schedule', 'reckoner://cases/{id}/reconciliation'];

/** Under a loaded machine one Inspector call (two Node starts and a server's) can take several seconds. */
const SLOW = 90_000;

// The tests run at once (each its own processes, and its own store directory): the file takes about as long as its
// slowest test, not the sum.
describe.skipIf(skipReason !== undefined)('the MCP Inspector CLI (0.15.x) against Reckoner', { concurrent: true }, () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('over stdio: bin/reckoner mcp', () => {
    /**
     * The server command for one test, with a store directory of its own; `-e` is the Inspector's own way to give
     * the server its environment.
     */
    const server = (): (() => string[]) => {
      const dir = mkdtempSync(join(tmpdir(), 'reckoner-inspector-'));
      dirs.push(dir);
      return () => ['-e', `RECKONER_DATA_DIR=${dir}`, RECKONER, 'mcp'];
    };

    test('tools/list, prompts/list and resources/templates/list', { timeout: SLOW }, async () => {
      const target = server();
      const [tools, prompts, templates] = await Promise.all([
        call<ToolsList>(target(), 'tools/list'),
        call<PromptsList>(target(), 'prompts/list'),
        call<TemplatesList>(target(), 'resources/templates/list'),
      ]);
      // Exactly the registries: every tool and prompt reaches a real client, and nothing else does.
      const names = tools.tools.map((t) => t.name);
      expect([...names].sort()).toEqual(TOOLS.map((t) => t.name).sort());
      for (const tool of tools.tools) expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(prompts.prompts.map((p) => p.name).sort()).toEqual(PROMPTS.map((p) => p.name).sort());

      const uris = templates.resourceTemplates.map((t) => t.uriTemplate);
      for (const uri of TEMPLATES) expect(uris).toContain(uri);
      expect(templates.resourceTemplates.find((t) => t.uriTemplate === 'reckoner://cases/{id}')?.mimeType).toBe('application/json');
    });

    test('tools/call calculate_maintenance with --tool-arg: the GOV.UK example, £22.00 a week', { timeout: SLOW }, async () => {
      const target = server();
      const result = await call<ToolResult>(target(), 'tools/call', [
        '--tool-name',
        'calculate_maintenance',
        ...toolArgs(EXAMPLES.reducedRate),
      ]);
      expect(result.isError ?? false).toBe(false);
      // GOV.UK calculator test "example on p23" of the CMS leaflet (helpers.ts EXAMPLES.reducedRate): reduced rate for
      // 2 children and 1 relevant other child, £7 + (£173 − £100) × 21.2% = £22.476, rounded to the pound: £22.00 a week.
      expect(result.structuredContent).toMatchObject({ rate: 'reduced', grossWeeklyIncome: '173.00', weeklyAmount: '22.00' });
      const text = result.content
        .filter((c) => c.type === 'text')
        .map((c) => c.text)
        .join('\n');
      expect(text).toContain('£22.00');
    });

    test('tools/call create_case, then resources/read of the case', { timeout: SLOW }, async () => {
      const target = server();
      const created = await call<ToolResult>(target(), 'tools/call', [
        '--tool-name',
        'create_case',
        ...toolArgs({ title: 'Inspector check', side: 'receiving', children: [{ name: 'A', dateOfBirth: '2015-03-01' }] }),
      ]);
      expect(created.isError ?? false, JSON.stringify(created.content)).toBe(false);
      const id = created.structuredContent?.id;
      expect(id).toEqual(expect.any(String));

      // A second process, the same store: the case outlives the server that made it.
      const read = await call<ReadResult>(target(), 'resources/read', ['--uri', `reckoner://cases/${id as string}`]);
      expect(read.contents).toHaveLength(1);
      expect(read.contents[0]).toMatchObject({ uri: `reckoner://cases/${id as string}`, mimeType: 'application/json' });
      const body = JSON.parse(read.contents[0]!.text!) as Record<string, unknown>;
      expect(body).toMatchObject({ id, title: 'Inspector check', side: 'receiving' });
    });

    test('a bad argument comes back as a tool error naming the field, not a crash', { timeout: SLOW }, async () => {
      const target = server();
      const result = await call<ToolResult>(target(), 'tools/call', [
        '--tool-name',
        'calculate_maintenance',
        ...toolArgs({ ...EXAMPLES.reducedRate, payingParent: { grossWeeklyIncome: -5 } }),
      ]);
      expect(result.isError).toBe(true);
      expect(result.content.map((c) => c.text ?? '').join('\n')).toContain('payingParent.grossWeeklyIncome');
    });
  });

  describe('over Streamable HTTP: /mcp', () => {
    let http: RunningHttp;
    beforeAll(async () => {
      http = await startHttp();
    });
    afterAll(() => http.close());

    test('tools/list and tools/call calculate_maintenance', { timeout: SLOW }, async () => {
      const url = `${http.origin}/mcp`;
      const [tools, result] = await Promise.all([
        call<ToolsList>([url, '--transport', 'http'], 'tools/list'),
        call<ToolResult>([url, '--transport', 'http'], 'tools/call', [
          '--tool-name',
          'calculate_maintenance',
          ...toolArgs(EXAMPLES.reducedRate),
        ]),
      ]);
      expect(tools.tools.map((t) => t.name)).toContain('calculate_maintenance');
      // The same GOV.UK example as over stdio: £22.00 a week.
      expect(result.structuredContent).toMatchObject({ rate: 'reduced', weeklyAmount: '22.00' });
    });
  });
});
