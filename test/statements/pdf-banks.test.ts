/**
 * PDF statements of the banks added with the registry of banks (Starling, Monzo, Santander, Halifax, TSB,
 * first direct, Revolut, Chase UK, Metro Bank, Virgin Money), drawn by test/fixtures/pdf/banks/generate.ts from the ground truth in
 * test/fixtures/pdf/banks/truth/*.json, each in a structure modelled on that bank's statement. Each parses
 * to its truth exactly: the issuer detected, the metadata, the checks, every field of every row, no warnings.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import { BANK_LAYOUTS } from '../../statements/pdf/layouts.ts';
import type { ParseResult } from '../../statements/types.ts';
import {
  BANK_PDF_LAYOUTS,
  expectedBankPdfTransactions,
  loadBankPdfTruths,
  renderBankPdf,
  type BankPdfTruth,
} from '../fixtures/pdf/banks/generate.ts';

const truths = loadBankPdfTruths();

test('there is a statement for each bank added: Starling, Monzo, Santander, Halifax, TSB, first direct and more', () => {
  expect(truths.map((t) => t.layout).sort()).toEqual([...BANK_PDF_LAYOUTS].sort());
  expect(truths.map((t) => t.expected.metadata.issuer)).toEqual([
    'Chase UK',
    'first direct',
    'Halifax',
    'Metro Bank',
    'Monzo',
    'Revolut',
    'Santander',
    'Starling Bank',
    'TSB',
    'Virgin Money',
  ]);
});

test('each truth names a layout hint that exists, under the issuer the hint gives', () => {
  for (const t of truths) {
    const spec = BANK_LAYOUTS.find((l) => l.id === t.expected.metadata.layout);
    expect(spec?.issuer, t.name).toBe(t.expected.metadata.issuer);
  }
});

describe.each(truths.map((t) => [t.name, t] as const))('%s', (_name, truth: BankPdfTruth) => {
  let result: ParseResult;
  beforeAll(async () => {
    result = await parsePdf({ bytes: await renderBankPdf(truth) });
  });

  test('the issuer is detected', () => {
    expect([result.metadata.issuer, result.metadata.layout]).toEqual([truth.expected.metadata.issuer, truth.expected.metadata.layout]);
  });

  test('every field of every row is the ground truth', () => {
    expect(result.transactions.map(({ fingerprint: _f, source: _s, ...row }) => row)).toEqual(expectedBankPdfTransactions(truth));
  });

  test('the metadata and the checks are the ground truth, with no warnings', () => {
    expect(result.kind).toBe('bank_statement');
    expect(result.format).toBe('pdf');
    expect(result.metadata).toEqual(truth.expected.metadata);
    const { totalsDetail: _d, ...checks } = result.checks;
    expect(checks).toEqual(truth.expected.checks);
    expect(result.warnings).toEqual(truth.expected.warnings ?? []);
    expect(result.cmsEntries).toEqual([]);
  });

  test('fingerprints are distinct and the same when the statement is drawn and read again', async () => {
    const again = await parsePdf({ bytes: await renderBankPdf(truth) });
    const prints = result.transactions.map((t) => t.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    expect(again.transactions.map((t) => t.fingerprint)).toEqual(prints);
  });
});
