/**
 * Local files by permission (tools/local-files.ts), over stdio only: a path is read only when it is a
 * regular file inside the folders the client shares (MCP roots) or RECKONER_FILES_DIR lists; pipes,
 * sockets, devices and /proc are refused at once; reads are bounded; errors never repeat a file's
 * contents; export_case writes new 0600 files inside the same folders. Then the same through a real
 * `bin/reckoner mcp`: RECKONER_FILES_DIR, roots (and their change), four named pipes that hang nothing,
 * and a message over the SDK's size limit that gets an error instead of a silent exit.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { InputError } from '../../calc/errors.ts';
import { ParseError } from '../../statements/index.ts';
import { filesDirsFromEnv, readAllowedFile, writeAllowedFile } from '../../tools/local-files.ts';
import { parseStatementTool } from '../../tools/parse-statement.ts';
import { toFailure, type ToolContext } from '../../tools/tool.ts';
import { FIXTURE_DIR } from '../fixtures/csv/generate.ts';
import { EXAMPLES, RECKONER, spawnReckoner, stopAll } from './helpers.ts';

const NATWEST = readFileSync(`${FIXTURE_DIR}natwest.csv`);
const SECRET = 'ghp_R3ck0nerT3stT0kenNotReal0123456789';

let root: string;
let allowed: string;
let elsewhere: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'reckoner-files-'));
  allowed = join(root, 'statements');
  elsewhere = join(root, 'elsewhere');
  mkdirSync(allowed);
  mkdirSync(elsewhere);
  writeFileSync(join(allowed, 'natwest.csv'), NATWEST);
  writeFileSync(join(elsewhere, 'natwest.csv'), NATWEST);
  writeFileSync(join(allowed, 'credentials'), `[default]\naws_secret_access_key = ${SECRET}\n`);
  symlinkSync(join(elsewhere, 'natwest.csv'), join(allowed, 'link-out.csv'));
  execFileSync('mkfifo', [join(allowed, 'pipe0'), join(allowed, 'pipe1'), join(allowed, 'pipe2'), join(allowed, 'pipe3')]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const context = (dirs: readonly string[]): ToolContext => {
  const c: ToolContext = { today: '2024-04-30', localFiles: true, allowedDirs: async () => dirs };
  return c;
};
const read = (path: string, dirs: readonly string[], maxBytes = 20 * 1024 * 1024) =>
  readAllowedFile(path, context(dirs), {
    maxBytes,
    tooLarge: (size) => new ParseError('too_large', `over the bound (${size})`),
    notLocal: 'not here',
  });
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe('which paths may be read', () => {
  test('RECKONER_FILES_DIR lists folders like PATH; "~" is the home folder', () => {
    expect(filesDirsFromEnv({ RECKONER_FILES_DIR: '/a:~/b::/c/ ' })).toEqual(['/a', join(homedir(), 'b'), '/c']);
    expect(filesDirsFromEnv({})).toEqual([]);
  });

  test('a regular file inside an allowed folder is read', async () => {
    expect(Buffer.from(await read(join(allowed, 'natwest.csv'), [allowed]))).toEqual(NATWEST);
  });

  test('with no folder allowed, the error says how to allow one (RECKONER_FILES_DIR or roots)', async () => {
    const message = await refusal(read(join(allowed, 'natwest.csv'), []));
    expect(message).toMatch(/^path: cannot be used: no folder on this computer is open to Reckoner/);
    expect(message).toMatch(/RECKONER_FILES_DIR/);
    expect(message).toMatch(/MCP roots/);
  });

  test('outside the allowed folders, directly or through a link, it is refused, naming the folders and how to add one', async () => {
    const outside = await refusal(read(join(elsewhere, 'natwest.csv'), [allowed]));
    expect(outside).toMatch(/is outside the folders Reckoner may use \(.*statements\); .*RECKONER_FILES_DIR or to the client's roots/);
    expect(await refusal(read(join(allowed, 'link-out.csv'), [allowed]))).toMatch(/is outside the folders/);
    expect(await refusal(read(join(allowed, '..', 'elsewhere', 'natwest.csv'), [allowed]))).toMatch(/is outside the folders/);
  });

  test('outside the allowed folders, a file that exists and one that does not get the same refusal', async () => {
    // A security audit told /etc/shadow ("is outside the folders") from /etc/no-such-file ("there is no file at"):
    // the path was looked up before it was checked against the folders.
    const exists = await refusal(read(join(elsewhere, 'natwest.csv'), [allowed]));
    const missing = await refusal(read(join(elsewhere, 'no-such-file.csv'), [allowed]));
    expect(missing).toMatch(/is outside the folders Reckoner may use/);
    expect(missing.replace('no-such-file.csv', 'natwest.csv')).toBe(exists);
  });

  // Opening a named pipe with no writer never returns: a reader that opened one would hang here, and the test would
  // fail at its timeout (vitest.config.ts), not on a clock of its own.
  test('named pipes, sockets, devices and /proc are refused at once, whatever the folders', async () => {
    expect(await refusal(read(join(allowed, 'pipe0'), [allowed]))).toMatch(/is a named pipe, not a file/);
    expect(await refusal(read('/dev/zero', ['/']))).toMatch(/is a system file \(\/proc, \/sys or \/dev\)/);
    expect(await refusal(read('/proc/self/pagemap', ['/']))).toMatch(/is a system file/);
    expect(await refusal(read('/proc/self/environ', ['/']))).toMatch(/is a system file/);
    const socketPath = join(allowed, 'sock');
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      expect(await refusal(read(socketPath, [allowed]))).toMatch(/is a socket/);
    } finally {
      server.close();
    }
  });

  // Four pipes opened at once would take every thread of libuv's pool (four by default), and the next file could never be read.
  test('four named pipes at once hang nothing: each is refused, and the next file is read', async () => {
    const messages = await Promise.all([0, 1, 2, 3].map((i) => refusal(read(join(allowed, `pipe${i}`), [allowed]))));
    for (const m of messages) expect(m).toMatch(/named pipe/);
    expect(Buffer.from(await read(join(allowed, 'natwest.csv'), [allowed]))).toEqual(NATWEST);
  });

  test('at most maxBytes are read', async () => {
    expect(await refusal(read(join(allowed, 'natwest.csv'), [allowed], 100))).toBe(`over the bound (${NATWEST.length})`);
  });

  test('over HTTP no path is read at all', async () => {
    const http: ToolContext = { today: '2024-04-30' };
    const error = await readAllowedFile(join(allowed, 'natwest.csv'), http, {
      maxBytes: 10,
      tooLarge: () => new Error(),
      notLocal: 'not here',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('path: not here');
  });
});

describe('errors never repeat what a file holds', () => {
  test('a credentials file given as a statement: the error names the file, not its lines', async () => {
    const error = await Promise.resolve(parseStatementTool.handler({ path: join(allowed, 'credentials') }, context([allowed]))).catch(
      (e: unknown) => e,
    );
    const failure = toFailure(error);
    expect(failure.code).toBe('unsupported');
    expect(failure.message).not.toContain(SECRET);
    expect(failure.message).not.toContain('aws_secret_access_key');
    expect(failure.message).toMatch(/line \d+ has 1 field, which does not read as a header row \(its contents are not repeated here\)/);
  });

  test('nor with a csvMapping that points at its lines', async () => {
    const error = await Promise.resolve(
      parseStatementTool.handler(
        { path: join(allowed, 'credentials'), csvMapping: { date: 0, description: 0, amount: 0 } },
        context([allowed]),
      ),
    ).catch((e: unknown) => e);
    expect(toFailure(error).message).not.toContain(SECRET);
    expect(toFailure(error).message).toMatch(/the value \(\d+ characters, not repeated here\) is not a date/);
  });
});

describe('writing: export_case', () => {
  test('a new file, 0600, inside the allowed folders only; never over a file or through a link', async () => {
    const target = join(allowed, 'export.json');
    expect(await writeAllowedFile(target, context([allowed]), '{}\n', { notLocal: 'not here' })).toBe(target);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toBe('{}\n');
    expect(await refusal(writeAllowedFile(target, context([allowed]), '{}', { notLocal: 'x' }))).toMatch(
      /already exists; give the name of a new file/,
    );
    expect(await refusal(writeAllowedFile(join(elsewhere, 'x.json'), context([allowed]), '{}', { notLocal: 'x' }))).toMatch(
      /outside the folders/,
    );
    expect(await refusal(writeAllowedFile(join(allowed, 'link-out.csv'), context([allowed]), '{}', { notLocal: 'x' }))).toMatch(
      /already exists/,
    );
    expect(readFileSync(join(elsewhere, 'natwest.csv'))).toEqual(NATWEST);
    expect(await refusal(writeAllowedFile(join(allowed, 'no-such-folder', 'x.json'), context([allowed]), '{}', { notLocal: 'x' }))).toMatch(
      /does not exist/,
    );
    expect(await refusal(writeAllowedFile(join(allowed, 'x.json'), context([]), '{}', { notLocal: 'x' }))).toMatch(/RECKONER_FILES_DIR/);
  });
});

// ---------------------------------------------------------------------------------------------------
// The real server.

afterEach(stopAll);

const textOf = (result: CallToolResult) => (result.content[0] as { text: string }).text;

async function connect(env: Record<string, string>, roots?: () => string[]): Promise<{ client: Client; close: () => Promise<void> }> {
  const transport = new StdioClientTransport({
    command: RECKONER,
    args: ['mcp'],
    env: { PATH: process.env.PATH!, HOME: root, RECKONER_DATA_DIR: join(root, `data-${Math.random().toString(36).slice(2)}`), ...env },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'reckoner-test', version: '0' }, roots ? { capabilities: { roots: { listChanged: true } } } : {});
  if (roots)
    client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: roots().map((d) => ({ uri: pathToFileURL(d).href, name: d })) }));
  await client.connect(transport);
  return { client, close: () => client.close() };
}

describe('bin/reckoner mcp', () => {
  test('RECKONER_FILES_DIR: inside is read, outside is refused with a message naming it; a pipe hangs nothing', async () => {
    const { client, close } = await connect({ RECKONER_FILES_DIR: `${join(root, 'missing')}:${allowed}` });
    try {
      const ok = (await client.callTool({ name: 'parse_statement', arguments: { path: join(allowed, 'natwest.csv') } })) as CallToolResult;
      expect(ok.isError).toBeFalsy();
      expect((ok.structuredContent as { metadata: { layout: string } }).metadata.layout).toBe('natwest_csv');
      const out = (await client.callTool({
        name: 'parse_statement',
        arguments: { path: join(elsewhere, 'natwest.csv') },
      })) as CallToolResult;
      expect(out.isError).toBe(true);
      expect(textOf(out)).toMatch(/outside the folders Reckoner may use .*RECKONER_FILES_DIR/);
      // Four pipes at once, then a calculation: a server that opened them would never answer it.
      const pipes = await Promise.all(
        [0, 1, 2, 3].map(
          (i) => client.callTool({ name: 'parse_statement', arguments: { path: join(allowed, `pipe${i}`) } }) as Promise<CallToolResult>,
        ),
      );
      for (const p of pipes) expect(textOf(p)).toMatch(/named pipe/);
      const calc = (await client.callTool({ name: 'calculate_maintenance', arguments: EXAMPLES.reducedRate })) as CallToolResult;
      expect(calc.isError).toBeFalsy();
    } finally {
      await close();
    }
  }, 60_000);

  test('MCP roots: the folders the client shares are allowed, and follow its changes', async () => {
    let shared = [allowed];
    const { client, close } = await connect({}, () => shared);
    try {
      const call = async (path: string) => (await client.callTool({ name: 'parse_statement', arguments: { path } })) as CallToolResult;
      expect((await call(join(allowed, 'natwest.csv'))).isError).toBeFalsy();
      expect(textOf(await call(join(elsewhere, 'natwest.csv')))).toMatch(/outside the folders/);
      shared = [elsewhere];
      await client.sendRootsListChanged();
      await new Promise((r) => setTimeout(r, 100));
      expect((await call(join(elsewhere, 'natwest.csv'))).isError).toBeFalsy();
      expect(textOf(await call(join(allowed, 'natwest.csv')))).toMatch(/outside the folders/);
    } finally {
      await close();
    }
  }, 60_000);

  test('export_case writes inside the allowed folders, 0600, and import_case reads it back', async () => {
    const dir = mkdtempSync(join(allowed, 'exports-'));
    const { client, close } = await connect({ RECKONER_FILES_DIR: dir });
    try {
      const call = async (name: string, args: Record<string, unknown>) =>
        (await client.callTool({ name, arguments: args })) as CallToolResult;
      const created = await call('create_case', { title: 'Export check', side: 'paying', frequency: 'weekly', firstDueDate: '2024-01-01' });
      expect(created.isError).toBeFalsy();
      const caseId = (created.structuredContent as { id: string }).id;
      const file = join(dir, 'case.json');
      const exported = await call('export_case', { caseId, path: file });
      expect(exported.isError).toBeFalsy();
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(textOf(await call('export_case', { caseId, path: join(elsewhere, 'case.json') }))).toMatch(/outside the folders/);
      const back = await call('import_case', { path: file, asNew: true });
      expect(back.isError).toBeFalsy();
      expect(textOf(await call('import_case', { path: '/proc/self/pagemap' }))).toMatch(/system file/);
    } finally {
      await close();
    }
  }, 60_000);

  test('a message over the SDK limit gets a JSON-RPC error naming the limit and "path", and the session goes on', async () => {
    const child = spawnReckoner(['mcp'], { env: { PATH: process.env.PATH!, HOME: root, RECKONER_DATA_DIR: join(root, 'data-big') } });
    const replies = new Map<unknown, Record<string, unknown>>();
    const waiters = new Map<unknown, (m: Record<string, unknown>) => void>();
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as Record<string, unknown>;
      replies.set(message.id, message);
      waiters.get(message.id)?.(message);
    });
    const reply = (id: unknown) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        if (replies.has(id)) return resolve(replies.get(id)!);
        waiters.set(id, resolve);
        child.once('exit', (code) => reject(new Error(`reckoner exited (${code}) before replying to ${String(id)}`)));
      });
    const send = (message: object) => child.stdin!.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
    });
    await reply(1);
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    // 11 MiB of base64, the id last (as the SDK's client writes it).
    const big = {
      method: 'tools/call',
      params: { name: 'parse_statement', arguments: { contentBase64: 'A'.repeat(11 * 1024 * 1024) } },
      jsonrpc: '2.0',
      id: 'big-7',
    };
    send(big);
    const error = (await reply('big-7')) as { error: { code: number; message: string; data: { limitBytes: number } } };
    expect(error.error.code).toBe(-32600);
    expect(error.error.message).toMatch(/more than the 10,485,760 bytes \(10 MiB\) one message to Reckoner over stdio may be/);
    expect(error.error.message).toMatch(/by "path" instead of "contentBase64"/);
    expect(error.error.data.limitBytes).toBe(10 * 1024 * 1024);
    // The session goes on.
    send({ jsonrpc: '2.0', id: 8, method: 'tools/call', params: { name: 'calculate_maintenance', arguments: EXAMPLES.basicPlus } });
    expect(await reply(8)).toMatchObject({ id: 8, result: { structuredContent: { weeklyAmount: '152.00' } } });
    child.stdin!.end();
  }, 60_000);
});
