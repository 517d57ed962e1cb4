/**
 * `bin/reckoner` starts from the bundle dist/reckoner.mjs (scripts/build.mjs) when it is current, and from
 * the TypeScript sources otherwise. The check is tested on a temporary layout; the bundle, built here, is
 * run as a real process over stdio and must answer exactly as the sources do, on the paths a bundle can
 * break: the store's migrations folder, pdf.js for PDF statements, pdfkit for PDF letters, package.json,
 * and the web page's folder (served by `serve` from the bundle).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
// @ts-expect-error -- plain JavaScript, shared with bin/reckoner, which must start without tsx
import { bundleIsCurrent } from '../../bin/bundle.mjs';
import { renderTruth } from '../fixtures/pdf/generate.ts';
import { expectedTransactions, loadTruths, type BankTruth } from '../fixtures/pdf/truth.ts';
import { CASES } from '../letters/fixture.ts';
import { EXAMPLES, RECKONER, spawnReckoner, stop, stopAll, waitForStderr } from './helpers.ts';

const ROOT = new URL('../../', import.meta.url);
const isCurrent = bundleIsCurrent as (root: URL) => boolean;
const VERSION = (JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string }).version;

describe('bundleIsCurrent', () => {
  let dir: string;
  let root: URL;
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'reckoner-bundle-'));
    root = pathToFileURL(`${dir}/`);
    mkdirSync(join(dir, 'dist'));
    mkdirSync(join(dir, 'calc'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A bundle built at second 10 from calc/a.ts and calc/b.ts, the sources last changed at `a` and `b`. */
  function layout(a: number, b: number, inputs: unknown = ['calc/a.ts', 'calc/b.ts']): void {
    writeFileSync(join(dir, 'calc/a.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'calc/b.ts'), 'export const b = 2;\n');
    writeFileSync(join(dir, 'dist/reckoner.mjs'), 'export const main = () => {};\n');
    writeFileSync(join(dir, 'dist/reckoner.meta.json'), JSON.stringify({ inputs }));
    utimesSync(join(dir, 'calc/a.ts'), at(a), at(a));
    utimesSync(join(dir, 'calc/b.ts'), at(b), at(b));
    utimesSync(join(dir, 'dist/reckoner.mjs'), at(10), at(10));
  }

  test('current when every source is as old as the bundle or older', () => {
    layout(5, 10);
    expect(isCurrent(root)).toBe(true);
  });
  test('stale when one source changed after the build', () => {
    layout(5, 11);
    expect(isCurrent(root)).toBe(false);
  });
  test('stale when a source it was built from has gone', () => {
    layout(5, 5);
    rmSync(join(dir, 'calc/b.ts'));
    expect(isCurrent(root)).toBe(false);
  });
  test('stale without a list of sources, or with an empty or unreadable one', () => {
    layout(5, 5, []);
    expect(isCurrent(root)).toBe(false);
    layout(5, 5, 'calc/a.ts');
    expect(isCurrent(root)).toBe(false);
    layout(5, 5);
    writeFileSync(join(dir, 'dist/reckoner.meta.json'), '{');
    expect(isCurrent(root)).toBe(false);
    rmSync(join(dir, 'dist/reckoner.meta.json'));
    expect(isCurrent(root)).toBe(false);
  });
  test('stale without a bundle', () => {
    layout(5, 5);
    rmSync(join(dir, 'dist/reckoner.mjs'));
    expect(isCurrent(root)).toBe(false);
  });
});

describe('the bundle answers as the sources do', () => {
  const dataDirs: string[] = [];
  let pdf: string;
  let truth: BankTruth;

  beforeAll(async () => {
    // Rebuilt here, so the test checks today's sources (scripts/build.mjs swaps the file in atomically,
    // so other test files starting bin/reckoner meanwhile see the old bundle or the new one, whole).
    execFileSync(process.execPath, [fileURLToPath(new URL('scripts/build.mjs', ROOT))], { stdio: 'pipe' });
    truth = loadTruths().find((t): t is BankTruth => t.kind === 'bank_statement' && t.layout === 'barclays')!;
    pdf = Buffer.from(await renderTruth(truth)).toString('base64');
  }, 60_000);
  afterAll(() => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'reckoner-bundle-data-'));
    dataDirs.push(dir);
    return dir;
  };
  afterEach(stopAll);

  /** Runs one conversation with `bin/reckoner mcp` and returns every answer, random ids replaced. */
  async function conversation(fromSource: boolean): Promise<Record<string, unknown>> {
    const dir = dataDir();
    const env: Record<string, string> = { PATH: process.env.PATH!, HOME: dir, RECKONER_DATA_DIR: dir };
    if (fromSource) env.RECKONER_FROM_SOURCE = '1';
    // Checked just before the start, so the process below did start from the bundle (or was told not to).
    if (!fromSource) expect(isCurrent(ROOT)).toBe(true);
    const transport = new StdioClientTransport({ command: RECKONER, args: ['mcp'], env, stderr: 'pipe' });
    const client = new Client({ name: 'reckoner-test', version: '0.0.0' });
    await client.connect(transport);
    try {
      const call = async (name: string, args: Record<string, unknown>) => {
        const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
        if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
        return result.structuredContent as Record<string, unknown>;
      };
      const calculation = await call('calculate_maintenance', EXAMPLES.twoReceivingParents);
      const parsed = await call('parse_statement', { contentBase64: pdf, filename: 'statement.pdf' });
      // The PDF is a link (its id is random per process), read as a client reads it.
      const { file, ...letter } = await call('draft_letter', { ...CASES['payment_dispute']!.input, format: 'pdf' });
      const pdfFile = (await client.readResource({ uri: (file as { uri: string }).uri })).contents[0] as { blob: string };
      const created = await call('create_case', { title: 'Bundle check', side: 'paying', frequency: 'weekly', firstDueDate: '2024-01-01' });
      const caseId = created.id as string;
      const imported = await call('import_document', { caseId, contentBase64: pdf, filename: 'statement.pdf' });
      const again = await call('import_document', { caseId, contentBase64: pdf, filename: 'statement.pdf' });
      // Ids are random per process (the case's, the document's); everything else must match.
      const hide = (value: unknown) =>
        JSON.parse(JSON.stringify(value).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')) as unknown;
      return {
        server: client.getServerVersion(),
        tools: (await client.listTools()).tools.map((t) => t.name),
        calculation,
        parsed,
        letter,
        letterIsPdf: Buffer.from(pdfFile.blob, 'base64')
          .subarray(0, 5)
          .toString('latin1'),
        imported: hide(imported),
        again: hide(again),
      };
    } finally {
      await client.close();
    }
  }

  test('one conversation gives the same answers from the bundle and from the sources', async () => {
    const [bundled, source] = [await conversation(false), await conversation(true)];
    expect(bundled).toEqual(source);
    // And the answers are right, not merely equal: the PDF's rows as drawn from the ground truth ...
    const rows = (bundled.parsed as { transactions: { date: string; amount: string }[] }).transactions;
    expect(rows.map((r) => [r.date, r.amount])).toEqual(expectedTransactions(truth).map((r) => [r.date, r.amount]));
    // ... stored once, then found already there (the migrations ran from the bundle's path) ...
    expect(bundled.imported).toMatchObject({ new: truth.rows.length, alreadyThere: 0 });
    expect(bundled.again).toMatchObject({ documentAlreadyImported: true, new: 0, alreadyThere: truth.rows.length });
    // ... and a PDF letter, from a server that read its version from package.json.
    expect(bundled.letterIsPdf).toBe('%PDF-');
    expect(bundled.server).toMatchObject({ name: 'reckoner', version: VERSION });
  }, 60_000);

  test('serve from the bundle finds server/web/ one folder up and serves the page', async () => {
    // The page's folder is found relative to the chunk that serves it (the bundle is split: scripts/bundle-options.mjs).
    const chunks = readdirSync(new URL('dist/', ROOT)).filter((f) => f.endsWith('.mjs'));
    const serving = chunks.filter((f) => /new URL\("\.\.\/server\/web\/",\s*import\.meta\.url\)/.test(readFileSync(new URL(`dist/${f}`, ROOT), 'utf8')));
    expect(serving).toHaveLength(1);
    expect(isCurrent(ROOT)).toBe(true);
    const child = spawnReckoner(['serve', '--port', '0'], { env: { PATH: process.env.PATH!, RECKONER_DATA_DIR: dataDir() } });
    try {
      const [, port] = await waitForStderr(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('data-nights="0 52 104 156 175"');
      const script = await fetch(`http://127.0.0.1:${port}/assets/app.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await script.text()).toBe(readFileSync(new URL('server/web/app.js', ROOT), 'utf8'));
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  test('--version prints the package version from both', () => {
    const run = (env: Record<string, string>) =>
      execFileSync(RECKONER, ['--version'], { env: { PATH: process.env.PATH!, ...env } }).toString();
    expect(run({})).toBe(`${VERSION}\n`);
    expect(run({ RECKONER_FROM_SOURCE: '1' })).toBe(`${VERSION}\n`);
  });
});
