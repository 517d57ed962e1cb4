/**
 * Files as resources (issue 13, item 3): a letter, a bundle, a calendar or an export comes back as a `resource_link`
 * to `reckoner://files/<id>`, readable with `resources/read` and, over HTTP, downloadable at `/api/v1/files/<id>` by
 * the principal that made it, and by no one else. The shelf itself (tools/files.ts): ids, expiry, the cap.
 * Over real stdio (`bin/reckoner mcp`, a PGlite store in a temporary directory) and real Streamable HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { fileLinks } from '../../server/mcp.ts';
import { FileShelf, shelve } from '../../tools/files.ts';
import { cleanup, DRIVERS } from '../store/helpers.ts';
import { linksOf, readLinkedFile } from './file-links.ts';
import { RECKONER, startHttp, textOf, type RunningHttp } from './helpers.ts';

const ALICE = 'acme:alice:a-secret-for-acme-0123456789abcdefXYZ';
const ANNE = 'acme:anne:another-secret-for-acme-0123456789abc';
const BOB = 'bravo:bob:a-secret-for-bravo-0123456789abcdefXY';

/** A case that holds what a subject access request needs from it: the sender, the side, the CMS reference. */
const CASE = {
  title: 'Files check',
  side: 'paying',
  service: 'collect_and_pay',
  reference: '121234567890',
  parties: [{ role: 'paying_parent', name: 'Sam Example', address: '1 Test Street\nTestville\nTE1 1ST' }],
};
const LETTER = {
  type: 'subject_access_request',
  facts: { periodFrom: '2025-04-07', sender: { dateOfBirth: '1985-02-03', nationalInsuranceNumber: 'QQ123456C' } },
};

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  return result;
}

describe('the file shelf', () => {
  const owner = { organisation: 'acme', id: 'alice' };
  const bytes = (n: number) => new Uint8Array(n).fill(7);

  test('ids are 128 random bits, and a file is its owner’s only', () => {
    const shelf = new FileShelf();
    const mine = shelf.for(owner);
    const a = mine.put({ bytes: bytes(3), mimeType: 'application/pdf', name: 'a.pdf' });
    const b = mine.put({ bytes: bytes(3), mimeType: 'application/pdf', name: 'b.pdf' });
    const id = a.uri.slice('reckoner://files/'.length);
    expect(id).toMatch(/^[0-9a-f]{32}$/); // 16 bytes of randomBytes, as hex
    expect(b.uri).not.toBe(a.uri);
    expect(a).toEqual({
      uri: `reckoner://files/${id}`,
      name: 'a.pdf',
      mimeType: 'application/pdf',
      size: 3,
      download: `/api/v1/files/${id}`,
    });
    expect(mine.get(id)?.bytes).toEqual(bytes(3));
    expect(shelf.for({ organisation: 'bravo', id: 'alice' }).get(id)).toBeUndefined();
    expect(shelf.for({ organisation: 'acme', id: 'anne' }).get(id)).toBeUndefined();
    expect(mine.get('../etc/passwd')).toBeUndefined();
  });

  test('a file goes after its time', () => {
    let now = 1_000_000;
    const shelf = new FileShelf({ ttlMs: 60 * 60 * 1000, now: () => now });
    const file = shelf.for(owner).put({ bytes: bytes(10), mimeType: 'text/plain', name: 'x.txt' });
    const id = file.uri.slice(-32);
    now += 60 * 60 * 1000 - 1; // one millisecond before its hour is up
    expect(shelf.for(owner).get(id)).toBeDefined();
    now += 1;
    expect(shelf.for(owner).get(id)).toBeUndefined();
    expect(shelf.size).toBe(0);
  });

  test('the oldest files go first when a new one needs the room; one larger than an organisation’s half is refused', () => {
    // One organisation may hold half the shelf: 50 of 100 bytes.
    const shelf = new FileShelf({ maxBytes: 100 });
    const put = (n: number) =>
      shelf
        .for(owner)
        .put({ bytes: bytes(n), mimeType: 'text/plain', name: `${n}.txt` })
        .uri.slice(-32);
    const first = put(20);
    const second = put(20);
    // 20 + 20 + 15 = 55 > 50: the first (oldest) goes, leaving 20 + 15 = 35.
    const third = put(15);
    expect(shelf.for(owner).get(first)).toBeUndefined();
    expect(shelf.for(owner).get(second)).toBeDefined();
    expect(shelf.for(owner).get(third)).toBeDefined();
    expect(shelf.size).toBe(35);
    expect(() => put(51)).toThrow(/51 bytes, more than the 50 bytes this server keeps for one organisation's files/);
  });

  test('one organisation’s files never push another’s off the shelf', () => {
    // B keeps 45 bytes; A puts 30 and 30. Before, 45 + 30 + 30 = 105 > 100 evicted B's file, the oldest (a security
    // audit's calendar download answered 404 minutes after it was made). A's own half (50) is what gives way now.
    const shelf = new FileShelf({ maxBytes: 100 });
    const bob = { organisation: 'bravo', id: 'bob' };
    const put = (who: { organisation: string; id: string }, n: number) =>
      shelf
        .for(who)
        .put({ bytes: bytes(n), mimeType: 'text/plain', name: `${n}.txt` })
        .uri.slice(-32);
    const bobs = put(bob, 45);
    const a1 = put(owner, 30);
    const a2 = put(owner, 30);
    expect(shelf.for(bob).get(bobs)).toBeDefined();
    expect(shelf.for(owner).get(a1)).toBeUndefined();
    expect(shelf.for(owner).get(a2)).toBeDefined();
    expect(shelf.size).toBe(75);
  });

  test('without a shelf (a bare context) the bytes come back as base64', () => {
    expect(shelve(undefined, { bytes: new Uint8Array([37, 80, 68, 70]), mimeType: 'application/pdf', name: 'a.pdf' })).toEqual({
      uri: '',
      name: 'a.pdf',
      mimeType: 'application/pdf',
      size: 4,
      download: '',
      base64: 'JVBERg==', // base64 of "%PDF"
    });
  });
});

describe('resource links from a result', () => {
  test('every file at the top level or one level down becomes one link; base64 fallbacks and other objects do not', () => {
    const shelf = new FileShelf().for({ organisation: 'local', id: 'local' });
    const pdf = shelf.put({ bytes: new Uint8Array(5), mimeType: 'application/pdf', name: 'letter.pdf' });
    const ics = shelf.put({ bytes: new Uint8Array(2), mimeType: 'text/calendar', name: 'dates.ics' });
    const bare = shelve(undefined, { bytes: new Uint8Array(1), mimeType: 'text/plain', name: 'bare.txt' });
    const links = fileLinks({ file: pdf, letter: { file: ics, other: { file: pdf } }, again: pdf, bare, uri: 'reckoner://files/x' });
    expect(
      links.map((l) => {
        const link = l as { type: string; uri: string; name: string };
        return [link.type, link.uri, link.name];
      }),
    ).toEqual([
      ['resource_link', pdf.uri, 'letter.pdf'],
      ['resource_link', ics.uri, 'dates.ics'],
    ]);
    expect(links[0]).toMatchObject({ mimeType: 'application/pdf', size: 5 });
  });
});

describe('files over stdio (bin/reckoner mcp)', () => {
  let dir: string;
  let client: Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reckoner-files-'));
    const transport = new StdioClientTransport({
      command: RECKONER,
      args: ['mcp'],
      env: { ...(process.env as Record<string, string>), RECKONER_DATA_DIR: join(dir, 'data') },
      stderr: 'pipe',
    });
    client = new Client({ name: 'files-test', version: '0.0.0' });
    await client.connect(transport);
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('save_letter gives a resource link; resources/read gives the PDF', async () => {
    const created = await call(client, 'create_case', CASE);
    const caseId = (created.structuredContent as { id: string }).id;
    const saved = await call(client, 'save_letter', { caseId, ...LETTER });
    const out = saved.structuredContent as { file: { uri: string; name: string; size: number; download: string; base64?: string } };
    // No base64 in the result: the file is a link, in the content and in the structured result alike.
    expect(out.file.base64).toBeUndefined();
    expect(JSON.stringify(saved)).not.toContain('JVBERi0'); // base64 of "%PDF-"
    const { link, bytes, mimeType } = await readLinkedFile(client, saved);
    expect(link).toMatchObject({
      type: 'resource_link',
      uri: out.file.uri,
      name: out.file.name,
      mimeType: 'application/pdf',
      size: bytes.length,
    });
    expect(link.uri).toMatch(/^reckoner:\/\/files\/[0-9a-f]{32}$/);
    expect(out.file.download).toBe(`/api/v1/files/${link.uri.slice(-32)}`);
    expect(mimeType).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(textOf(saved)).toContain(out.file.name);
  }, 60_000);

  test('the calendar is a file too, the same bytes as its ics text', async () => {
    const created = await call(client, 'create_case', CASE);
    const caseId = (created.structuredContent as { id: string }).id;
    const calendar = await call(client, 'export_calendar', { caseId });
    const { bytes, mimeType } = await readLinkedFile(client, calendar);
    expect(mimeType).toBe('text/calendar');
    expect(bytes.toString('utf8')).toBe((calendar.structuredContent as { ics: string }).ics);
  }, 60_000);

  test('an unknown file is not found', async () => {
    await expect(client.readResource({ uri: `reckoner://files/${'0'.repeat(32)}` })).rejects.toThrow(/No such file/);
  });
});

describe('files over Streamable HTTP', () => {
  let http: RunningHttp;
  let store: CaseStore;
  let drop: () => Promise<void>;
  let alice: Client;
  let bob: Client;

  async function mcp(token: string): Promise<Client> {
    const client = new Client({ name: 'files-test', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL('/mcp', http.origin), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
    );
    return client;
  }
  const download = (path: string, token?: string) =>
    fetch(`${http.origin}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  beforeAll(async () => {
    const fresh = await DRIVERS[0]!.fresh();
    drop = fresh.drop;
    store = await openStore(fresh.options);
    http = await startHttp({ apiTokens: [ALICE, ANNE, BOB], store: async () => store });
    alice = await mcp(ALICE);
    bob = await mcp(BOB);
  }, 60_000);

  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await http?.close();
    await store?.close();
    await drop?.();
    await cleanup();
  });

  test('save_letter links to the PDF; resources/read and GET /api/v1/files/<id> give the same bytes, to its owner only', async () => {
    const created = await call(alice, 'create_case', CASE);
    const caseId = (created.structuredContent as { id: string }).id;
    const saved = await call(alice, 'save_letter', { caseId, ...LETTER });
    const { link, bytes } = await readLinkedFile(alice, saved);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = (saved.structuredContent as { file: { download: string; name: string } }).file;
    expect(file.download).toBe(`/api/v1/files/${link.uri.slice(-32)}`);

    const got = await download(file.download, ALICE);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="${file.name}"; filename*=UTF-8''${file.name}`);
    expect(got.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

    // Another organisation: not found, exactly as for an id that never was; over MCP too.
    const theirs = await download(file.download, BOB);
    expect(theirs.status).toBe(404);
    const theirBody = (await theirs.json()) as { error: { code: string; message: string } };
    expect(theirBody.error.code).toBe('not_found');
    const never = await download(`/api/v1/files/${'0'.repeat(32)}`, ALICE);
    expect(never.status).toBe(404);
    expect(((await never.json()) as { error: { message: string } }).error.message).toBe(theirBody.error.message);
    await expect(bob.readResource({ uri: link.uri })).rejects.toThrow(/No such file/);
    // A colleague in the same organisation: the shelf is per principal, so not found either.
    expect((await download(file.download, ANNE)).status).toBe(404);
    // No token: 401, as on every other route.
    expect((await download(file.download)).status).toBe(401);
  }, 60_000);

  test('the JSON API gives the same link: the download works with the same token', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${ALICE}` };
    const post = async (route: string, body: unknown) =>
      (await (await fetch(`${http.origin}/api/v1/${route}`, { method: 'POST', headers, body: JSON.stringify(body) })).json()) as Record<
        string,
        any
      >;
    const created = await post('create-case', CASE);
    const saved = await post('save-letter', { caseId: created.id, ...LETTER });
    const file = saved.file as { download: string; mimeType: string; size: number; base64?: string };
    expect(file.base64).toBeUndefined();
    const got = await download(file.download, ALICE);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(bytes.length).toBe(file.size);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  test('a result with no file has no link', async () => {
    const listed = await call(alice, 'list_cases', {});
    expect(linksOf(listed)).toEqual([]);
  });
});
