/**
 * The parse worker pool (statements/worker/pool.ts): the same results as parsing in process, errors with
 * their class, code and field; a deadline and a memory cap that stop a worker with an error naming the
 * limit (and a fresh worker after it); a bounded queue; and a calling thread that stays free meanwhile.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { MappingError, parseDocument, parseDocumentInProcess, ParseError } from '../../statements/index.ts';
import { ParsePool } from '../../statements/worker/pool.ts';
import { FIXTURE_DIR } from '../fixtures/csv/generate.ts';
import { largeTruth, renderTruth } from '../fixtures/pdf/generate.ts';
import { loadTruths, type BankTruth } from '../fixtures/pdf/truth.ts';

const statement = loadTruths().find((t): t is BankTruth => t.name === 'barclays-year-end')!;
const pools: ParsePool[] = [];
const pool = (options: ConstructorParameters<typeof ParsePool>[0]) => {
  const p = new ParsePool(options);
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

async function failure(promise: Promise<unknown>): Promise<ParseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

describe('through the worker as in process', () => {
  test('a PDF statement and a CSV export give the same results', async () => {
    const pdf = await renderTruth(statement);
    expect(await parseDocument({ bytes: pdf })).toEqual(await parseDocumentInProcess({ bytes: pdf }));
    const csv = new Uint8Array(readFileSync(`${FIXTURE_DIR}monzo.csv`));
    expect(await parseDocument({ bytes: csv, hint: 'cms_statement' })).toEqual(
      await parseDocumentInProcess({ bytes: csv, hint: 'cms_statement' }),
    );
  }, 30_000);

  test('errors keep their class, code and field', async () => {
    const text = new TextEncoder().encode('Posted,Payee,Amount\n05/03/2024,SHOP,-1.00\n');
    const mapping = await parseDocument({ bytes: text, csvMapping: { date: 'Posted', description: 'Payee', amount: 'Value' } }).catch(
      (e: unknown) => e,
    );
    expect(mapping).toBeInstanceOf(MappingError);
    expect(mapping).toMatchObject({ code: 'invalid_input', field: 'csvMapping.amount' });
    expect((mapping as Error).message).toMatch(/^csvMapping\.amount: names the column "Value"/);
    const encrypted = await failure(parseDocument({ bytes: new Uint8Array(Buffer.from('%PDF-1.7\nnot really\n')) }));
    expect(encrypted.code).toBe('parse_failed');
  }, 30_000);

  test('what needs no reading is refused before any worker is asked', async () => {
    expect((await failure(parseDocument({ bytes: new Uint8Array(0) }))).code).toBe('invalid_input');
    expect((await failure(parseDocument({ bytes: new Uint8Array(21 * 1024 * 1024) }))).code).toBe('too_large');
  });
});

describe('limits that stop a worker', () => {
  test('past the deadline the worker is terminated: too_large naming the limit, then a fresh worker reads on', async () => {
    const p = pool({ size: 1, deadlineMillis: 300 });
    const big = await renderTruth(largeTruth(60));
    const error = await failure(p.parse({ bytes: big }));
    expect(error.code).toBe('too_large');
    expect(error.message).toBe(
      'Reading this document took longer than 300 ms, the most one document may take, and was stopped; split it into smaller statements, or send a CSV export.',
    );
    const p2 = pool({ size: 1 });
    await expect(p2.parse({ bytes: await renderTruth(statement) })).resolves.toMatchObject({ kind: 'bank_statement' });
  }, 60_000);

  test('over the memory cap the worker is stopped: too_large naming the cap', async () => {
    const p = pool({ size: 1, maxOldGenerationSizeMb: 16 });
    const error = await failure(p.parse({ bytes: await renderTruth(largeTruth(60)) }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(
      /^Reading this document needed more than 16 MB of memory, the most one document may use, and was stopped/,
    );
    expect(p.load).toMatchObject({ running: 0, workers: 0 });
  }, 60_000);
});

describe('a document that makes V8 abort its process', () => {
  test('takes only its own child with it: too_large naming the cap, and the next document gets a fresh child', async () => {
    // fatal-entry.ts grows an array until V8 aborts the process it runs in (in a worker thread, that was this one).
    // The watchdog is given room enough not to stop it first, so the abort itself is what is seen.
    const p = pool({ size: 1, maxExternalMb: 8192, entry: new URL('./worker-child/fatal-entry.ts', import.meta.url) });
    const error = await failure(p.parse({ bytes: await renderTruth(statement) }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(
      /^Reading this document needed more than 768 MB of memory, the most one document may use, and was stopped/,
    );
    expect(p.load).toMatchObject({ running: 0, workers: 0 });
    // This process is alive (the test goes on), and so is its pool: the next document starts a child of its own.
    const again = failure(p.parse({ bytes: await renderTruth(statement) }));
    expect(p.load).toMatchObject({ running: 1, workers: 1 });
    expect((await again).code).toBe('too_large');
  }, 120_000);
});

test('a reader that cannot start fails its document with parse_failed, and the pool holds no process after it', async () => {
  const p = pool({ size: 1, entry: new URL('./worker-child/no-such-entry.ts', import.meta.url) });
  const error = await failure(p.parse({ bytes: await renderTruth(statement) }));
  expect(error.code).toBe('parse_failed');
  expect(error.message).toBe('The document could not be read: the reader stopped unexpectedly. Download it again, or send a CSV export.');
  expect(p.load).toMatchObject({ running: 0, workers: 0 });
}, 60_000);

test('the process reading a document gets none of the server’s secrets', async () => {
  const saved = { key: process.env.RECKONER_ENCRYPTION_KEY, url: process.env.DATABASE_URL };
  process.env.RECKONER_ENCRYPTION_KEY = 'a key the reader must not see';
  process.env.DATABASE_URL = 'postgres://user:secret@db/reckoner';
  try {
    const p = pool({ size: 1, entry: new URL('./worker-child/env-entry.ts', import.meta.url) });
    const error = await p.parse({ bytes: await renderTruth(statement) }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toBe('[]');
  } finally {
    for (const [name, value] of [
      ['RECKONER_ENCRYPTION_KEY', saved.key],
      ['DATABASE_URL', saved.url],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
}, 60_000);

describe('a bounded pool', () => {
  test('with every worker busy and the queue full, a document is refused at once with a clear message', async () => {
    const p = pool({ size: 1, maxQueue: 0 });
    const big = await renderTruth(largeTruth(30));
    const first = p.parse({ bytes: big });
    const error = await failure(p.parse({ bytes: big }));
    expect(error.code).toBe('too_large');
    expect(error.message).toBe(
      'Reckoner is already reading 1 document, the most it reads at once, and 0 more are waiting; try again in a minute.',
    );
    await expect(first).resolves.toMatchObject({ kind: 'bank_statement' });
  }, 60_000);

  test('a document waits its turn, but never longer than its time budget', async () => {
    const p = pool({ size: 1, maxQueue: 4 });
    const big = await renderTruth(largeTruth(60));
    const small = await renderTruth(statement);
    const first = p.parse({ bytes: big });
    const queued = p.parse({ bytes: small });
    const impatient = failure(p.parse({ bytes: small }, { limits: { maxMillis: 100 } }));
    expect(p.load.waiting).toBe(2);
    const error = await impatient;
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/^Reckoner was busy reading other documents for 100 ms, the most a document may wait/);
    await expect(first).resolves.toMatchObject({ kind: 'bank_statement' });
    await expect(queued).resolves.toMatchObject({ kind: 'bank_statement' });
  }, 60_000);
});

describe('a pool shared by organisations', () => {
  // A security audit: one organisation sending many slow documents filled the queue, and every other was told the
  // server was busy. Now one may fill half the queue (2 of 4 here), and owners take turns at a free worker.
  test('one organisation cannot fill the queue, and another’s document is read before the rest of the first’s', async () => {
    const p = pool({ size: 1, maxQueue: 4 });
    const big = await renderTruth(largeTruth(30));
    const small = await renderTruth(statement);
    const done: string[] = [];
    const read = (owner: string, name: string, bytes: Uint8Array) =>
      p.parse({ bytes }, {}, undefined, owner).then((r) => {
        done.push(name);
        return r;
      });
    const first = read('org-a', 'a1', big);
    const a2 = read('org-a', 'a2', small);
    const a3 = read('org-a', 'a3', small);
    const refused = await failure(p.parse({ bytes: small }, {}, undefined, 'org-a'));
    expect(refused.code).toBe('too_large');
    expect(refused.message).toBe(
      'Your organisation already has 2 documents waiting to be read, the most one organisation may have waiting on this server; try again when they are done.',
    );
    const b1 = read('org-b', 'b1', small);
    expect(p.load).toMatchObject({ running: 1, waiting: 3 });
    await Promise.all([first, a2, a3, b1]);
    // org-a's turn came with a1; org-b had none, so b1 goes next, then org-a's others in order.
    expect(done).toEqual(['a1', 'b1', 'a2', 'a3']);
  }, 60_000);
});

test('the calling thread stays free while a worker reads a 100-page statement', async () => {
  const p = pool({ size: 1 });
  const bytes = await renderTruth(largeTruth(100));
  await p.parse({ bytes: await renderTruth(statement) }); // the worker is up and pdf.js loaded
  // A timer of this thread's, every 10 ms, counts its turns while the worker reads: a thread that read the document
  // itself would not run its timers until the read was done.
  let turns = 0;
  const timer = setInterval(() => turns++, 10);
  const result = await p.parse({ bytes });
  clearInterval(timer);
  expect(result.transactions.length).toBeGreaterThan(2000);
  expect(turns).toBeGreaterThanOrEqual(20);
}, 60_000);

describe('the worker leaves the process alone', () => {
  const run = (file: string) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./worker-child/${file}`, import.meta.url))], {
      // Well under the pool's 30 s idle time: an idle worker must not keep a finished process running.
      timeout: 20_000,
    });

  test('a process that parsed a document exits by itself while its worker idles', async () => {
    const { stdout } = await run('parse-then-exit.ts');
    expect(stdout).toBe('2 rows\n');
  }, 30_000);

  test('nothing a worker prints reaches stdout (over stdio, the JSON-RPC channel)', async () => {
    const { stdout } = await run('noisy-parent.mjs');
    expect(stdout).toBe('done\n');
  }, 30_000);
});

describe('a cancelled parse', () => {
  test('a running document’s worker is terminated and a waiting one leaves the queue, each refused as cancelled', async () => {
    // One worker: the first (100-page) document runs, the second waits behind it.
    const p = pool({ size: 1 });
    const big = await renderTruth(largeTruth(100));
    const running = new AbortController();
    const waiting = new AbortController();
    const first = p.parse({ bytes: big, filename: 'big.pdf' }, {}, running.signal);
    const second = p.parse({ bytes: big, filename: 'big.pdf' }, {}, waiting.signal);
    expect(p.load).toMatchObject({ running: 1, waiting: 1, workers: 1 });

    waiting.abort();
    expect((await failure(second)).message).toContain('cancelled');
    expect(p.load.waiting).toBe(0);

    running.abort();
    expect((await failure(first)).message).toContain('cancelled');
    // Its worker was terminated, not left reading: the pool holds no worker and runs nothing.
    await expect.poll(() => p.load).toEqual({ running: 0, waiting: 0, workers: 0 });

    // Already cancelled: refused at once, nothing started.
    const gone = new AbortController();
    gone.abort();
    expect((await failure(p.parse({ bytes: big }, {}, gone.signal))).message).toContain('cancelled');
    expect(p.load.workers).toBe(0);
  }, 60_000);
});
