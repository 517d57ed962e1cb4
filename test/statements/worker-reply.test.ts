/**
 * What the process that serves requests does per row when the parse worker answers (a security probe: a
 * 250,000-transaction OFX held a running server's `/healthz` for up to 2.2 s after the worker had read it; about a
 * second of that was V8's deserializer rebuilding the one message of 250,000 row objects on the main thread). The
 * worker now sends its rows as text, in parts of ROWS_PER_PART rows (statements/worker/reply.ts): the deserializer
 * copies one string a part, and the pool reads each part with JSON.parse as it arrives, between other work.
 *
 * Nothing here is timed: it counts what each message holds (the values the main thread's deserializer must build),
 * checks that no message holds more than one part's rows, and that what the pool puts together is the worker's result
 * exactly. Through the real worker, so run `npm run build` after changing statements/.
 */
import { afterAll, describe, expect, test, vi } from 'vitest';
import { parseDocumentInProcess } from '../../statements/index.ts';
import type { ParseResult } from '../../statements/types.ts';
import { ParsePool } from '../../statements/worker/pool.ts';
import { resultMessages, ResultAssembler, ROWS_PER_PART, type ResultDone, type RowsPart } from '../../statements/worker/reply.ts';

/** Every value (object, array, string, number …) a structured clone of `v` holds: what deserializing it builds. */
function valuesIn(v: unknown): number {
  if (v === null || typeof v !== 'object') return 1;
  return 1 + (Array.isArray(v) ? v : Object.values(v)).reduce((n: number, x) => n + valuesIn(x), 0);
}

/** An OFX 1.02 file of `n` card payments, one a line. */
function ofx(n: number): Uint8Array {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(i / 40) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    rows.push(
      `<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>${day}<TRNAMT>-${(i % 97) + 1}.25<FITID>${i + 1}<NAME>CARD PAYMENT TO SHOP ${i % 50}</STMTTRN>`,
    );
  }
  const head = '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP<BANKACCTFROM><BANKID>400075<ACCTID>31926819</BANKACCTFROM><BANKTRANLIST>';
  return new TextEncoder().encode(
    ['OFXHEADER:100', 'DATA:OFXSGML', 'VERSION:102', '', head, ...rows, '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>'].join(
      '\n',
    ),
  );
}

const ROWS = 2 * ROWS_PER_PART + 345;
let inProcess: ParseResult;
const read = async () => (inProcess ??= await parseDocumentInProcess({ bytes: ofx(ROWS) }));

describe('the messages a result goes back in', () => {
  test('rows as one string a part, at most ROWS_PER_PART rows a part; a handful of values in every message, however many rows', async () => {
    const result = await read();
    expect(result.transactions).toHaveLength(ROWS);
    const messages = resultMessages(7, result);
    const parts = messages.slice(0, -1) as RowsPart[];
    expect(parts).toHaveLength(3);
    for (const m of parts) {
      expect(m).toEqual({ id: 7, ok: true, part: { list: 'transactions', json: expect.any(String) } });
      expect((JSON.parse(m.part.json) as unknown[]).length).toBeLessThanOrEqual(ROWS_PER_PART);
      // id, ok, part, list, json: nothing per row for the deserializer to build.
      expect(valuesIn(m)).toBe(6);
    }
    const done = messages.at(-1) as ResultDone;
    expect(done.parts).toBe(3);
    expect(done.result.transactions).toEqual([]);
    expect(done.result.cmsEntries).toEqual([]);
    // The result without its rows: its metadata, checks and warnings only (the single message had 7 values a row and more).
    expect(valuesIn(done)).toBeLessThan(60);
    expect(valuesIn(result)).toBeGreaterThan(7 * ROWS);
  });

  test('put together, the result is the worker’s exactly; a missing part is an error, not a short list', async () => {
    const result = await read();
    const messages = resultMessages(1, result);
    const whole = new ResultAssembler();
    for (const m of messages.slice(0, -1)) whole.add((m as RowsPart).part);
    expect(whole.finish(messages.at(-1) as ResultDone)).toEqual(result);

    const short = new ResultAssembler();
    for (const m of messages.slice(1, -1)) short.add((m as RowsPart).part);
    expect(() => short.finish(messages.at(-1) as ResultDone)).toThrow(/2 parts of rows where it said 3/);
  });

  test('CMS entries, with their optional fields, come back as they went', () => {
    const cmsEntries = Array.from({ length: ROWS_PER_PART + 2 }, (_, i) => ({
      date: '2024-12-02',
      type: i % 2 ? ('collection_fee' as const) : ('enforcement_charge' as const),
      amount: '10.40',
      description: `Line ${i} “quoted” £ ½`,
      ...(i % 2 ? {} : { chargeType: 'liability_order' as const }),
      fingerprint: `f${i}`,
      source: { page: 1 + (i % 3), line: i },
      ...(i % 5 === 0 ? { outsidePeriod: true as const } : {}),
    }));
    const result: ParseResult = {
      kind: 'cms_statement',
      format: 'pdf',
      metadata: { layout: 'cms_statement_pdf_v1', balances: { total: '1.00' } },
      transactions: [],
      cmsEntries,
      checks: { runningBalance: 'ok', totals: 'not_available' },
      warnings: ['one'],
      confidence: 0.5,
    };
    const messages = resultMessages(2, result);
    expect(messages).toHaveLength(3);
    const a = new ResultAssembler();
    for (const m of messages.slice(0, -1)) a.add((m as RowsPart).part);
    expect(a.finish(messages.at(-1) as ResultDone)).toEqual(result);
  });
});

describe('through the parse worker', () => {
  const pools: ParsePool[] = [];
  afterAll(async () => {
    vi.restoreAllMocks();
    await Promise.all(pools.map((p) => p.close()));
  });

  test('the main thread is handed parts of text and one small result; what it gives back is the in-process result', async () => {
    const replies: unknown[] = [];
    const onReply = (ParsePool.prototype as unknown as { onReply: (slot: unknown, reply: unknown) => void }).onReply;
    vi.spyOn(ParsePool.prototype as unknown as { onReply: typeof onReply }, 'onReply').mockImplementation(function (
      this: ParsePool,
      slot: unknown,
      reply: unknown,
    ) {
      replies.push(reply);
      return onReply.call(this, slot, reply);
    });
    const pool = new ParsePool({ size: 1 });
    pools.push(pool);
    const result = await pool.parse({ bytes: ofx(ROWS) });
    expect(result).toEqual(await read());
    // Three parts of rows and the result: every message a handful of values.
    expect(replies).toHaveLength(4);
    expect(replies.map((r) => ('part' in (r as object) ? 'part' : 'result'))).toEqual(['part', 'part', 'part', 'result']);
    for (const r of replies) expect(valuesIn(r)).toBeLessThan(60);
  });
});
