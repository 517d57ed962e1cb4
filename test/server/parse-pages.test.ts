/**
 * parse_statement's pages, found from each row's JSON length counted without writing the rows (tools/parse-statement.ts),
 * are the pages it gave before, when it wrote every row with `JSON.stringify` and copied every row (a 250,000-row OFX
 * held a running server's main thread for about 0.85 s there): byte for byte, page after page, for generated
 * 20,000-row results whose text JSON must escape (quotes, backslashes, control characters, emoji, a lone surrogate),
 * long and short, every optional field present and absent; and the work is no longer a `JSON.stringify` a row.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CMS_ENTRY_TYPES } from '../../calc/ledger/entries.ts';
import { ENFORCEMENT_ACTIONS } from '../../calc/scheme-2012/parameters.ts';
import type { ParseResult, ParsedCmsEntry, ParsedTransaction } from '../../statements/types.ts';
import { SCHEDULE_STATUSES } from '../../statements/types.ts';
import { DEFAULT_PAGE_SIZE, TARGET_RESPONSE_CHARS, type PageInput } from '../../tools/paging.ts';
import { parseStatementOutput, SIZED_FIELDS, toJson, type ParseStatementOutput } from '../../tools/parse-statement.ts';

// ---------------------------------------------------------------------------------------------------
// The way before: every row wrapped, copied and written (tools/parse-statement.ts and tools/paging.ts at 33e56ae),
// its lengths counted once for every page of a walk, which the old code counted again on each.

type Detail =
  | { readonly list: 'transactions'; readonly item: ParsedTransaction }
  | { readonly list: 'cmsEntries'; readonly item: ParsedCmsEntry & { fromSchedule?: true } };

function oldStream(result: ParseResult): Detail[] {
  return [
    ...result.transactions.map((item): Detail => ({ list: 'transactions', item: { ...item } })),
    ...result.cmsEntries.map((item): Detail => ({
      list: 'cmsEntries',
      item: result.kind === 'cms_payment_schedule' ? { ...item, fromSchedule: true } : { ...item },
    })),
  ];
}

function oldPageStarts(sizes: readonly number[], from: number, size: number, budget: number): number[] {
  const starts: number[] = [];
  let i = from;
  while (i < sizes.length) {
    starts.push(i);
    let used = 0;
    let n = 0;
    while (i < sizes.length && n < size && (n === 0 || used + sizes[i]! <= budget)) {
      used += sizes[i]!;
      i++;
      n++;
    }
  }
  return starts;
}

const oldCursor = (offset: number, hash: string) =>
  Buffer.from(JSON.stringify({ v: 1, k: 'parse', o: offset, h: hash }), 'utf8').toString('base64url');

/** The old toJson's output for the page at `offset` (its cursor decoded), the summary taken as it is (unchanged). */
function oldPage(
  out: ParseStatementOutput,
  stream: readonly Detail[],
  sizes: readonly number[],
  hash: string,
  size: number,
  offset: number,
): ParseStatementOutput {
  const { page: _p, transactions: _t, cmsEntries: _c, ...summary } = out;
  const budget = Math.max(TARGET_RESPONSE_CHARS - JSON.stringify(summary).length - 250, 0);
  const before = oldPageStarts(sizes, 0, size, budget).filter((s) => s < offset).length;
  const after = oldPageStarts(sizes, offset, size, budget);
  const end = after[1] ?? stream.length;
  const items = stream.slice(offset, end);
  return {
    ...summary,
    page: {
      size,
      offset,
      count: end - offset,
      total: stream.length,
      number: before + 1,
      pages: Math.max(before + after.length, 1),
      ...(end < stream.length ? { nextCursor: oldCursor(end, hash) } : {}),
    },
    transactions: items.filter((d) => d.list === 'transactions').map((d) => d.item as ParsedTransaction),
    cmsEntries: items.filter((d) => d.list === 'cmsEntries').map((d) => d.item as ParsedCmsEntry),
  } as ParseStatementOutput;
}

// ---------------------------------------------------------------------------------------------------
// Generated results.

/** A small deterministic generator, so that a failure names a row that can be made again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TEXTS = [
  'TESCO STORES 2231',
  'CMS PAYMENT 1234 5678 9012',
  'Card payment to "Joe\'s Café"',
  'C:\\transfers\\child maintenance',
  'line one\nline two\ttabbed\r',
  'Pot 🏠 rent 💷',
  'half a pair \ud83d here',
  'bell \u0007 and nul \u0000',
  'unit separator \u001f; delete \u007f and line separator \u2028, which JSON leaves',
  'é'.repeat(40),
  'A LONG DESCRIPTION '.repeat(30),
];

function generated(kind: ParseResult['kind'], transactions: number, entries: number, seed: number): ParseResult {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const money = () => `${Math.floor(r() * 100_000)}.${String(Math.floor(r() * 100)).padStart(2, '0')}`;
  const date = (i: number) => `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  // Most rows plain (as most statements are), one in eight from the list above.
  const text = (i: number) => (r() < 0.125 ? pick(TEXTS) : `PAYMENT ${i} ${'x'.repeat(Math.floor(r() * 60))}`);
  const fingerprint = (i: number) => (i * 2654435761).toString(16).padStart(64, '0').slice(-64);
  const source = (i: number) =>
    r() < 0.1 ? undefined : r() < 0.5 ? { line: i + 1 } : { page: Math.floor(i / 35) + 1, line: (i % 35) + 1 };
  const tx: ParsedTransaction[] = [];
  for (let i = 0; i < transactions; i++) {
    const s = source(i);
    tx.push({
      date: date(i),
      description: text(i),
      amount: money(),
      direction: r() < 0.5 ? 'out' : 'in',
      ...(r() < 0.7 ? { balance: r() < 0.2 ? `-${money()}` : money() } : {}),
      ...(r() < 0.3 ? { reference: r() < 0.2 ? pick(TEXTS) : `REF${i}` } : {}),
      fingerprint: fingerprint(i),
      ...(s ? { source: s } : {}),
    });
  }
  const cms: ParsedCmsEntry[] = [];
  for (let i = 0; i < entries; i++) {
    const s = source(i);
    cms.push({
      date: date(i),
      type: pick(CMS_ENTRY_TYPES),
      amount: r() < 0.05 ? `-${money()}` : money(),
      description: text(i),
      ...(r() < 0.3 ? { reference: r() < 0.2 ? pick(TEXTS) : `R-${i}` } : {}),
      ...(r() < 0.2 ? { chargeType: pick(ENFORCEMENT_ACTIONS) } : {}),
      fingerprint: fingerprint(i + transactions),
      ...(s ? { source: s } : {}),
      ...(r() < 0.1 ? { outsidePeriod: true as const } : {}),
      ...(r() < 0.4 ? { status: pick(SCHEDULE_STATUSES) } : {}),
    });
  }
  return {
    kind,
    format: kind === 'bank_statement' ? 'ofx' : 'pdf',
    metadata: { layout: 'generated', issuer: 'A "quoted" bank', periodStart: '2024-01-01', periodEnd: '2024-12-31' },
    transactions: tx,
    cmsEntries: cms,
    checks: { runningBalance: 'not_available', totals: 'not_available' },
    warnings: ['generated for test/server/parse-pages.test.ts'],
    confidence: 0.9,
  };
}

const HASH = 'generated-hash';

/** The page at `offset` (a page's start: its cursor made as the old way made it) against the old way's. */
function samePage(result: ParseResult, stream: readonly Detail[], sizes: readonly number[], size: number | undefined, offset: number) {
  const page: PageInput = { ...(size === undefined ? {} : { size }), ...(offset === 0 ? {} : { cursor: oldCursor(offset, HASH) }) };
  const out = toJson(result, HASH, page);
  const text = JSON.stringify(out);
  const old = JSON.stringify(oldPage(out, stream, sizes, HASH, size ?? DEFAULT_PAGE_SIZE, offset));
  if (text !== old) expect(text, `page at offset ${offset}, size ${size}`).toBe(old);
  return out;
}

/** Walks every page at `size`, each against the old way's page at the same offset; the pages walked. */
function walk(result: ParseResult, size: number): number {
  const stream = oldStream(result);
  const sizes = stream.map((d) => JSON.stringify(d.item).length + 1);
  let offset = 0;
  let pages = 0;
  for (;;) {
    const out = samePage(result, stream, sizes, size, offset);
    pages++;
    expect(out.page.number).toBe(pages);
    offset += out.page.count;
    if (out.page.nextCursor === undefined) break;
    expect(out.page.nextCursor).toBe(oldCursor(offset, HASH));
  }
  expect(offset).toBe(stream.length);
  return pages;
}

/** Some pages at `size`, starting at `offsets`, against the old way's. */
function somePages(result: ParseResult, size: number | undefined, offsets: readonly number[]): ParseStatementOutput[] {
  const stream = oldStream(result);
  const sizes = stream.map((d) => JSON.stringify(d.item).length + 1);
  return offsets.map((offset) => samePage(result, stream, sizes, size, offset));
}

describe('parse_statement pages without writing every row', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sizes every field of a row as the output schema lists them', () => {
    const shape = parseStatementOutput.shape;
    expect(Object.keys(SIZED_FIELDS.transactions).sort()).toEqual(Object.keys(shape.transactions.element.shape).sort());
    // fromSchedule is the tool's own, added to a payment schedule's lines and sized with them.
    expect([...Object.keys(SIZED_FIELDS.cmsEntries), 'fromSchedule'].sort()).toEqual(Object.keys(shape.cmsEntries.element.shape).sort());
  });

  it('gives the same pages as before, byte for byte, for 20,000 bank transactions', () => {
    const result = generated('bank_statement', 20_000, 0, 1);
    // 500 rows would be over the response budget: pages are cut by length, so every row's length counts.
    expect(walk(result, 500)).toBeGreaterThan(20_000 / 500);
    // By the default size, 50 rows a page: the first, the second, one in the middle, the last.
    const pages = somePages(result, undefined, [0, 50, 10_000, 19_950]);
    expect(pages.map((p) => [p.page.number, p.page.pages, p.page.count])).toEqual([
      [1, 400, 50],
      [2, 400, 50],
      [201, 400, 50],
      [400, 400, 50],
    ]);
  });

  it('gives the same pages as before for a payment schedule (fromSchedule added) and for rows of both lists', () => {
    expect(walk(generated('cms_payment_schedule', 0, 20_000, 2), 500)).toBeGreaterThan(40);
    // Transactions then CMS entries: the page that holds the last transactions and the first entries included.
    expect(walk(generated('cms_statement', 6_000, 4_000, 3), 500)).toBeGreaterThan(20);
    const both = somePages(generated('cms_statement', 12_000, 8_000, 4), 64, [0, 11_968, 19_968]);
    expect(both.map((p) => [p.transactions.length, p.cmsEntries.length])).toEqual([
      [64, 0],
      [32, 32],
      [0, 32],
    ]);
  });

  it('counts rows by their fields: no JSON.stringify a row, no copy of a row off the page', () => {
    const result = generated('bank_statement', 20_000, 0, 5);
    const escaped = result.transactions.filter((t) => /["\\\u0000-\u001f\ud800-\udfff]/.test(t.description + (t.reference ?? ''))).length;
    expect(escaped).toBeGreaterThan(1000);
    const stringify = vi.spyOn(JSON, 'stringify');
    const out = toJson(result, HASH, { size: 500 });
    // The summary once; then one for each text that holds a character JSON escapes, not one for every row.
    expect(stringify.mock.calls.length).toBeLessThanOrEqual(1 + 2 * escaped);
    expect(stringify.mock.calls.length).toBeLessThan(20_000 / 4);
    // The page's rows are copies; the result's rows are left as they were.
    expect(out.transactions[0]).toEqual(result.transactions[0]);
    expect(out.transactions[0]).not.toBe(result.transactions[0]);
  });
});
