/**
 * Paging for tools whose results can be long (a schedule of many periods, a reconciliation of thousands of
 * bank lines). The summary of a result is always sent in full; its detail is one ordered stream sent a page
 * at a time. The calculation is deterministic, so a page request recomputes the whole result and slices it:
 * the cursor is stateless, and names the tool, the offset and a hash of the input, so that a cursor from
 * another input is refused instead of silently paging through a different result.
 * @module
 */
import * as z from 'zod';
import { InputError } from '../calc/errors.ts';
import { inputHash } from '../cases/hash.ts';
import { strictObject } from './schemas.ts';

export { inputHash };

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/**
 * Most characters of JSON a response should hold: well under the 25,000 tokens MCP clients accept for a tool
 * result. A page holds fewer detail items than `size` when the items would take it over this.
 */
export const TARGET_RESPONSE_CHARS = 55_000;

export const pageInput = strictObject({
  cursor: z
    .string()
    .min(1, 'page.cursor must not be empty; omit it for the first page')
    .max(1000, 'page.cursor is not a cursor Reckoner gave')
    .optional()
    .describe('nextCursor, with the same input'),
  size: z
    .int('page.size must be a whole number')
    .min(1, 'page.size must be at least 1')
    .max(MAX_PAGE_SIZE, `page.size must be at most ${MAX_PAGE_SIZE}`)
    .optional()
    .describe(`Default ${DEFAULT_PAGE_SIZE}`),
})
  .optional()
  .describe('Detail lists come a page at a time');

export type PageInput = z.infer<typeof pageInput>;

export const pageOutput = z
  .object({
    size: z.int().describe('The page size asked for'),
    offset: z.int().describe('Position of the first item of this page in the whole detail stream, counting from 0'),
    count: z.int().describe('Detail items on this page'),
    total: z.int().describe('Detail items in the whole result'),
    number: z.int().describe('This page, counting from 1'),
    pages: z.int().describe('Pages in the whole result at this page size'),
    nextCursor: z
      .string()
      .optional()
      .describe('Absent on the last page; otherwise send it as page.cursor, with the same input, for the next page'),
  })
  .describe('Where this page is in the detail stream');

export type PageOutput = z.infer<typeof pageOutput>;

export type CursorKind = 'schedule' | 'reconcile' | 'parse';

const KIND_WORDS: Record<CursorKind, string> = {
  schedule: 'build_liability_schedule',
  reconcile: 'reconcile_ledger',
  parse: 'parse_statement',
};

interface CursorBody {
  readonly v: 1;
  readonly k: CursorKind;
  readonly o: number;
  readonly h: string;
}

function encodeCursor(kind: CursorKind, offset: number, hash: string): string {
  const body: CursorBody = { v: 1, k: kind, o: offset, h: hash };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

const NOT_OURS = 'is not a cursor Reckoner gave; send the nextCursor of a result unchanged, or omit page.cursor for the first page';

/** The offset a cursor points at, after checking that it was made for this tool, this input and this result. */
function decodeCursor(cursor: string, kind: CursorKind, hash: string, total: number): number {
  let body: Partial<CursorBody>;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    throw new InputError('page.cursor', NOT_OURS);
  }
  if (body === null || typeof body !== 'object' || body.v !== 1 || !Number.isInteger(body.o) || (body.o as number) < 0) {
    throw new InputError('page.cursor', NOT_OURS);
  }
  if (body.k !== kind) {
    throw new InputError(
      'page.cursor',
      `is a cursor from ${body.k && body.k in KIND_WORDS ? KIND_WORDS[body.k] : 'another tool'}, not ${KIND_WORDS[kind]}; omit page.cursor for the first page`,
    );
  }
  if (body.h !== hash) {
    throw new InputError(
      'page.cursor',
      'comes from a different input: send exactly the same input as the page it came from (only page may change), or omit page.cursor to start again from the first page',
    );
  }
  const offset = body.o as number;
  if (offset > 0 && offset >= total) throw new InputError('page.cursor', `points past the end of the result (${total} items)`);
  return offset;
}

/** Where each page starts when paging items of JSON lengths `lengths` from `from`, at most `size` items and `budget` characters a page. */
function pageStarts(lengths: ArrayLike<number>, from: number, size: number, budget: number): number[] {
  const starts: number[] = [];
  let i = from;
  while (i < lengths.length) {
    starts.push(i);
    let used = 0;
    let n = 0;
    // Each item costs its JSON and a comma; at least one item a page, so paging always moves on.
    while (i < lengths.length && n < size && (n === 0 || used + lengths[i]! + 1 <= budget)) {
      used += lengths[i]! + 1;
      i++;
      n++;
    }
  }
  return starts;
}

export interface Paged<T> {
  readonly items: readonly T[];
  readonly page: PageOutput;
}

/** Where a page is in a detail stream: its items are `offset` up to (not including) `end`. */
export interface PageSpan {
  readonly offset: number;
  readonly end: number;
  readonly page: PageOutput;
}

export interface PageOptions {
  readonly kind: CursorKind;
  readonly hash: string;
  readonly page: PageInput;
  /** Characters of JSON the rest of the response takes (the summary, the trace). */
  readonly summaryChars: number;
}

/**
 * Which items of a detail stream make the page asked for, from the length of each item's JSON alone: for a tool
 * that can size its items more cheaply than by writing them (parse_statement's rows), and that then copies only the
 * page's. {@link paginate} is this with each item's `JSON.stringify`.
 *
 * @param lengths the length of each item's JSON (`JSON.stringify(item).length`), in stream order
 * @throws {InputError} naming `page.cursor` for a cursor from another tool or another input.
 */
export function pageSpan(lengths: ArrayLike<number>, options: PageOptions): PageSpan {
  const total = lengths.length;
  const size = options.page?.size ?? DEFAULT_PAGE_SIZE;
  const offset = options.page?.cursor === undefined ? 0 : decodeCursor(options.page.cursor, options.kind, options.hash, total);
  // The page object itself, with its cursor, takes about 250 characters.
  const budget = Math.max(TARGET_RESPONSE_CHARS - options.summaryChars - 250, 0);
  const before = pageStarts(lengths, 0, size, budget).filter((s) => s < offset).length;
  const after = pageStarts(lengths, offset, size, budget);
  const end = after[1] ?? total;
  return {
    offset,
    end,
    page: {
      size,
      offset,
      count: end - offset,
      total,
      number: before + 1,
      pages: Math.max(before + after.length, 1),
      ...(end < total ? { nextCursor: encodeCursor(options.kind, end, options.hash) } : {}),
    },
  };
}

/**
 * One page of a detail stream.
 *
 * @param stream every detail item, in order
 * @param summaryChars characters of JSON the rest of the response takes (the summary, the trace)
 * @throws {InputError} naming `page.cursor` for a cursor from another tool or another input.
 */
export function paginate<T>(
  stream: readonly T[],
  options: PageOptions & {
    /** The part of an item that goes into the response, when the stream wraps it; the item itself by default. */
    readonly content?: (item: T) => unknown;
  },
): Paged<T> {
  const content = options.content ?? ((item: T) => item);
  const span = pageSpan(
    stream.map((item) => JSON.stringify(content(item)).length),
    options,
  );
  return { items: stream.slice(span.offset, span.end), page: span.page };
}

/** "page 2 of 5 (items 51–100 of 230)", for the text summaries. */
export function describePage(page: PageOutput): string {
  if (page.total === 0) return 'page 1 of 1 (no detail items)';
  const range = page.count === 0 ? 'no items' : `items ${page.offset + 1}–${page.offset + page.count} of ${page.total}`;
  return `page ${page.number} of ${page.pages} (${range})${page.nextCursor ? '; for the next page send the same input with page.cursor set to nextCursor' : ''}`;
}
