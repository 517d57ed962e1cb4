/**
 * How the parse process hands a result back (entry.ts sends, pool.ts receives), so that the process that serves
 * requests does little per row. A security probe found a 250,000-transaction OFX held a running server's `/healthz`
 * for up to 2.2 seconds after the worker had answered: the result came back as one message of 250,000 row objects,
 * which the receiving process rebuilt in one go (V8's deserializer, about a second on the main thread).
 *
 * Now the rows go as text: in parts of {@link ROWS_PER_PART} rows, each part's rows one JSON string (the receiving
 * process's deserializer copies a string, never builds an object per row), then the result without its rows, saying
 * how many parts went before it. The receiving process reads each part as it arrives, with `JSON.parse` (native, about
 * half the cost of the deserializer), between other work, adding its rows to their list: no one message holds it
 * longer than a part takes, and nothing is left to do at the end. The rows are plain data (strings, numbers, true), the same after JSON as before.
 * @module
 */
import type { ParseResult } from '../types.ts';

/** Rows in one part: a part's JSON is about a megabyte, read in a few milliseconds. */
export const ROWS_PER_PART = 5000;

export type RowList = 'transactions' | 'cmsEntries';

/** A part of a result's rows: `json` is a JSON array of up to {@link ROWS_PER_PART} rows of `list`. */
export interface RowsPart {
  readonly id: number;
  readonly ok: true;
  readonly part: { readonly list: RowList; readonly json: string };
}

/** The result, its row lists empty, after `parts` parts that hold its rows in order. */
export interface ResultDone {
  readonly id: number;
  readonly ok: true;
  readonly result: ParseResult;
  readonly parts: number;
}

/** The messages that carry `result` for job `id`: its rows in parts, then the rest. */
export function resultMessages(id: number, result: ParseResult): (RowsPart | ResultDone)[] {
  const out: (RowsPart | ResultDone)[] = [];
  for (const list of ['transactions', 'cmsEntries'] as const) {
    const rows: readonly unknown[] = result[list];
    for (let at = 0; at < rows.length; at += ROWS_PER_PART) {
      out.push({ id, ok: true, part: { list, json: JSON.stringify(rows.slice(at, at + ROWS_PER_PART)) } });
    }
  }
  out.push({ id, ok: true, result: { ...result, transactions: [], cmsEntries: [] }, parts: out.length });
  return out;
}

/** Puts a result back together from its messages, as they arrive (pool.ts keeps one for each job). */
export class ResultAssembler {
  private readonly rows: Record<RowList, unknown[]> = { transactions: [], cmsEntries: [] };
  private received = 0;

  /** A part: its rows read now and added to their list, so that no later message has more than one part to do. */
  add(part: RowsPart['part']): void {
    const list = this.rows[part.list];
    for (const row of JSON.parse(part.json) as unknown[]) list.push(row);
    this.received++;
  }

  /** The whole result; an error if a part went missing (the parts and the result come over one ordered channel). */
  finish(done: ResultDone): ParseResult {
    if (done.parts !== this.received) {
      throw new Error(`the reader's answer came in ${this.received} parts of rows where it said ${done.parts}`);
    }
    return {
      ...done.result,
      transactions: this.rows.transactions as ParseResult['transactions'],
      cmsEntries: this.rows.cmsEntries as ParseResult['cmsEntries'],
    };
  }
}
