/**
 * A long array's first bad element is found before zod parses the rest (store/bounded-parse.ts): a security test of
 * 5 December 2026 stopped a shared server with a case export of 2,000,000 `{}` rows (zod made 6,000,000 issues) and held
 * it 6–9 s with 249,000 of them under the 1 MiB body limit. What shows the early stop here is how many elements are
 * read, not a time.
 */
import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { LONG, longArrayProblems } from '../../store/bounded-parse.ts';
import { readCaseExport } from '../../store/export.ts';
import { parseInput } from '../../tools/tool.ts';
import { reconcileLedgerInput } from '../../tools/reconcile-ledger.ts';

/** `n` rows whose `id` counts how many of them anything reads; row `bad` has a number for its id. */
function watched(n: number, bad: number): { rows: object[]; reads: () => number } {
  let reads = 0;
  const rows = Array.from({ length: n }, (_, i) =>
    Object.defineProperty({ amount: '1.00' }, 'id', {
      enumerable: true,
      get: () => {
        reads++;
        return i === bad ? 7 : `row-${i}`;
      },
    }),
  );
  return { rows, reads: () => reads };
}

/** How many times zod reads a row's `id` when it parses the row alone. */
function perRow(schema: z.ZodType): number {
  const one = watched(1, 0);
  schema.safeParse(one.rows[0]);
  return one.reads();
}

const row = z.strictObject({ id: z.string(), amount: z.string() });
const schema = z.strictObject({ title: z.string().optional(), rows: z.array(row).optional(), few: z.array(row).max(3).optional() });

describe('longArrayProblems', () => {
  test('stops at the first bad element of a long array: the rows after it are never read', () => {
    const { rows, reads } = watched(5000, 1500);
    const problems = longArrayProblems(schema, { rows });
    expect(problems?.issues.map((i) => [i.code, i.path])).toEqual([['invalid_type', ['rows', 1500, 'id']]]);
    // Rows 0–1,500 read as zod reads one row (perRow times); zod alone would have read all 5,000.
    expect(reads()).toBe(1501 * perRow(row));
  });

  test('an array past its maximum is refused before any element is read', () => {
    const { rows, reads } = watched(10, 99);
    expect(longArrayProblems(schema, { few: rows })?.issues.map((i) => [i.code, i.path])).toEqual([['too_big', ['few']]]);
    expect(reads()).toBe(0);
  });

  test('a short array, or a long one with no bad element, is left to zod', () => {
    expect(longArrayProblems(schema, { rows: [{ id: 7, amount: '1.00' }] })).toBeUndefined();
    expect(LONG).toBe(1000);
    expect(longArrayProblems(schema, { rows: watched(LONG + 1, -1).rows })).toBeUndefined();
  });
});

test('a tool given 249,000 empty rows answers with the first one’s problems only', () => {
  const input = {
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 100 }] },
    side: 'paying',
    cmsEntries: Array.from({ length: 249_000 }, () => ({})),
  };
  let error: unknown;
  try {
    parseInput(reconcileLedgerInput, input);
  } catch (e) {
    error = e;
  }
  const problems = (error as { problems: { field: string; message: string }[] }).problems;
  // Each empty row lacks its date, type and amount: 3 problems for row 0, where zod made 3 × 249,000 = 747,000.
  expect(problems.map((p) => p.field)).toEqual(['cmsEntries[0].date', 'cmsEntries[0].type', 'cmsEntries[0].amount']);
  expect(problems[0]!.message).toBe('give the date, written YYYY-MM-DD');
});

test('a case export with a long list of bad rows is refused at its first: the rows after it are never read', () => {
  const { rows, reads } = watched(20_000, 0);
  const read = readCaseExport({ format: 'reckoner-case-export', version: 2, transactions: rows });
  expect(read.ok).toBe(false);
  expect(read.ok ? undefined : read.issue.path).toEqual(['transactions', 0, 'id']);
  // Row 0 only, as zod reads one row; zod alone would have read all 20,000.
  expect(reads()).toBe(perRow(z.strictObject({ id: z.string(), amount: z.string() })));
});

test('a value nested deeper than zod can follow is refused naming its field, not an internal error', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 20_000; i++) deep = { a: deep };
  const free = z.strictObject({ title: z.string(), details: z.json() });
  expect(() => parseInput(free, { title: 'x', details: deep })).toThrow(
    expect.objectContaining({ problems: [{ field: 'details', message: 'is nested too deeply to read; send it with fewer levels' }] }),
  );
});
