/**
 * Documents are read in a cage (statements/worker/): a real `bin/reckoner serve` is sent hostile PDFs and a
 * long honest one at once, and /healthz keeps answering while the long one is read; each hostile file gets its
 * own error (413 too_large, 422 parse_failed) and the honest one its rows. Over stdio, a calculation is
 * answered before a long parse sent ahead of it. Both are shown by the order things arrive in, not by a clock: a
 * server that read the document on its own thread could answer nothing else until the document was read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { largeTruth, renderTruth, streamBomb } from '../fixtures/pdf/generate.ts';
import { nestedForms, sharedHeavyContent, selfDrawingForm } from '../fixtures/pdf/hostile.ts';
import { EXAMPLES, RECKONER, spawnReckoner, stop, stopAll, waitForStderr } from './helpers.ts';

let dataDir: string;
let large: Uint8Array;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'reckoner-cage-'));
  large = await renderTruth(largeTruth(100));
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
afterEach(stopAll);

describe('bin/reckoner serve stays responsive while it reads documents', () => {
  test('hostile PDFs and a 100-page statement at once: /healthz answers while the statement is read', async () => {
    const child = spawnReckoner(['serve', '--port', '0'], { env: { PATH: process.env.PATH!, HOME: dataDir, RECKONER_DATA_DIR: dataDir } });
    try {
      const [, port] = await waitForStderr(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
      const origin = `http://127.0.0.1:${port}`;
      const upload = async (bytes: Uint8Array) => {
        const response = await fetch(`${origin}/api/v1/parse-statement`, {
          method: 'POST',
          headers: { 'content-type': 'application/pdf' },
          body: Buffer.from(bytes),
        });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      // The worker is started (and pdf.js loaded) first, as in a server that has read one.
      expect((await upload(nestedForms(30, 2))).status).toBe(413);

      const honest = upload(large);
      let honestRead = false;
      void honest.finally(() => (honestRead = true));
      const parses = Promise.all([
        honest,
        upload(nestedForms(10, 6)),
        upload(sharedHeavyContent()),
        upload(streamBomb(100)),
        upload(selfDrawingForm()),
        upload(large),
      ]);
      let settled = false;
      void parses.finally(() => (settled = true));
      // How many /healthz answers arrive while the 100-page statement is still being read.
      let answeredDuringRead = 0;
      while (!settled) {
        const health = await fetch(`${origin}/healthz`);
        expect(health.status).toBe(200);
        if (!honestRead) answeredDuringRead++;
        await new Promise((r) => setTimeout(r, 50));
      }
      const [statement, fanOut, shared, bomb, selfDrawing, again] = await parses;
      expect(statement!.status).toBe(200);
      expect((statement!.body.counts as { transactions: number }).transactions).toBeGreaterThan(2000);
      expect(again!.status).toBe(200);
      expect(fanOut).toMatchObject({
        status: 413,
        body: { error: { code: 'too_large', message: expect.stringMatching(/drawing operations/) } },
      });
      expect(shared).toMatchObject({
        status: 413,
        body: { error: { code: 'too_large', message: expect.stringMatching(/pieces of text/) } },
      });
      expect(bomb).toMatchObject({
        status: 413,
        body: { error: { code: 'too_large', message: expect.stringMatching(/decompression bomb/) } },
      });
      expect(selfDrawing).toMatchObject({
        status: 422,
        body: { error: { code: 'parse_failed', message: expect.stringMatching(/draws itself/) } },
      });
      expect(answeredDuringRead).toBeGreaterThanOrEqual(3);
    } finally {
      await stop(child);
    }
  }, 120_000);
});

describe('bin/reckoner mcp stays responsive while it reads a document', () => {
  test('a calculation is answered while a 100-page statement is read', async () => {
    const transport = new StdioClientTransport({
      command: RECKONER,
      args: ['mcp'],
      env: { PATH: process.env.PATH!, HOME: dataDir, RECKONER_DATA_DIR: dataDir },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'reckoner-test', version: '0' });
    await client.connect(transport);
    try {
      const contentBase64 = Buffer.from(large).toString('base64');
      await client.callTool({ name: 'parse_statement', arguments: { contentBase64: Buffer.from(nestedForms(30, 2)).toString('base64') } });
      const order: string[] = [];
      const parse = (client.callTool({ name: 'parse_statement', arguments: { contentBase64 } }) as Promise<CallToolResult>).finally(() =>
        order.push('parse'),
      );
      await new Promise((r) => setTimeout(r, 200));
      const calc = (await client.callTool({ name: 'calculate_maintenance', arguments: EXAMPLES.reducedRate })) as CallToolResult;
      order.push('calculation');
      const parsed = await parse;
      expect(calc.isError).toBeFalsy();
      expect(parsed.isError).toBeFalsy();
      // Sent 200 ms after the parse, the calculation is answered first.
      expect(order).toEqual(['calculation', 'parse']);
    } finally {
      await client.close();
    }
  }, 120_000);
});
