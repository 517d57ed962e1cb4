/**
 * The same row in two documents (cases/same-rows.ts): counted once when the documents are of one account, as many
 * times as the document that shows most, and never across two accounts.
 */
import { describe, expect, it } from 'vitest';
import { bankAccountOf, repeatsAcrossDocuments, type RowOf } from '../../cases/same-rows.ts';
import type { DocumentSummary } from '../../store/types.ts';

/** A document as the store describes it, imported at `minute`, naming `account` when given. */
const doc = (id: string, minute: number, account?: string): DocumentSummary => ({
  id,
  sha256: id.padEnd(64, '0'),
  kind: 'bank_statement',
  format: 'pdf',
  size: 1,
  importedAt: `2024-06-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
  originalKept: false,
  parsed: {
    kind: 'bank_statement',
    format: 'pdf',
    metadata: account ? { accountNumberMasked: account } : {},
    checks: {},
    warnings: [],
    confidence: 1,
    rows: { transactions: 0, cmsEntries: 0 },
  },
});
const row = (id: string, documentId: string | undefined, key = '2024-03-01|out|120.00'): RowOf => ({
  id,
  key,
  ...(documentId ? { documentId } : {}),
});
const repeats = (rows: RowOf[], docs: DocumentSummary[]) => Object.fromEntries(repeatsAcrossDocuments(rows, docs, bankAccountOf));

describe('the same row in two documents', () => {
  it('a PDF and a CSV of one account: the CSV’s copy repeats the PDF’s row (the CSV names no account)', () => {
    const docs = [doc('pdf', 1, '****1234'), doc('csv', 2)];
    expect(repeats([row('p1', 'pdf'), row('c1', 'csv'), row('c2', 'csv', '2024-03-08|out|120.00')], docs)).toEqual({ c1: 'p1' });
  });

  it('two alike payments on one day: as many as the document that shows most', () => {
    // The first statement shows one £120.00 payment on 1 March, the second two: one repeats, one is new.
    const docs = [doc('a', 1), doc('b', 2)];
    expect(repeats([row('a1', 'a'), row('b1', 'b'), row('b2', 'b')], docs)).toEqual({ b1: 'a1' });
    // Imported the other way round, the same: the later document's first row repeats the earlier's first.
    expect(repeats([row('b1', 'b'), row('b2', 'b'), row('a1', 'a')], [doc('b', 1), doc('a', 2)])).toEqual({ a1: 'b1' });
  });

  it('two documents naming different accounts never repeat each other; rows typed in never repeat', () => {
    const docs = [doc('x', 1, '****1111'), doc('y', 2, '****2222')];
    expect(repeats([row('x1', 'x'), row('y1', 'y'), row('t1', undefined)], docs)).toEqual({});
  });
});
