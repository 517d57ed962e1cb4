/**
 * Every synthetic statement (test/fixtures/pdf/truth/*.json, drawn by test/fixtures/pdf/generate.ts)
 * parses to its ground truth exactly: kind, metadata, checks, and every field of every row.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fingerprintRows, accountKey } from '../../statements/fingerprint.ts';
import { parsePdf } from '../../statements/pdf/index.ts';
import type { ParseResult } from '../../statements/types.ts';
import { ENCRYPTED_PASSWORD, encryptedPdf, largeTruth, renderTruth } from '../fixtures/pdf/generate.ts';
import { expectedCmsEntries, expectedTransactions, loadTruths, type BankTruth, type Truth } from '../fixtures/pdf/truth.ts';

const truths = loadTruths();
/** The rows as the truth states them: without the fingerprint (tested below) and the place (provenance.test.ts). */
const withoutFingerprint = <T extends { fingerprint: string; source?: unknown }>(rows: readonly T[]) =>
  rows.map(({ fingerprint: _f, source: _s, ...r }) => r);

function expectMatchesTruth(result: ParseResult, truth: Truth): void {
  expect(result.kind).toBe(truth.kind);
  expect(result.format).toBe('pdf');
  expect(result.metadata).toEqual(truth.expected.metadata);
  const { totalsDetail, ...checks } = result.checks;
  expect(checks).toEqual(truth.expected.checks);
  if (result.checks.totals !== 'not_available') expect(totalsDetail).toEqual(expect.any(String));
  if (truth.kind === 'bank_statement') {
    expect(withoutFingerprint(result.transactions)).toEqual(expectedTransactions(truth));
    expect(result.cmsEntries).toEqual([]);
  } else {
    expect(withoutFingerprint(result.cmsEntries)).toEqual(expectedCmsEntries(truth));
    expect(result.transactions).toEqual([]);
  }
}

test('there is ground truth for at least six bank layouts, the generic fallback, and both CMS documents', () => {
  const layouts = new Set(truths.filter((t): t is BankTruth => t.kind === 'bank_statement').map((t) => t.layout));
  expect([...layouts].sort()).toEqual(['barclays', 'coop', 'generic', 'hsbc', 'lloyds', 'monzo', 'nationwide']);
  expect(truths.some((t) => t.kind === 'cms_statement')).toBe(true);
  expect(truths.some((t) => t.kind === 'cms_payment_schedule')).toBe(true);
});

describe.each(truths.map((t) => [t.name, t] as const))('%s', (_name, truth) => {
  let bytes: Uint8Array;
  let result: ParseResult;
  beforeAll(async () => {
    bytes = await renderTruth(truth);
    result = await parsePdf({ bytes });
  });

  test('parses to the ground truth exactly', () => {
    expectMatchesTruth(result, truth);
  });

  test('warnings are the expected ones', () => {
    expect(result.warnings).toEqual(truth.expected.warnings ?? []);
  });

  test('the same parse when every word is a separate text item (as many real PDFs draw them)', async () => {
    const split = await parsePdf({ bytes: await renderTruth(truth, { splitWords: true }) });
    expectMatchesTruth(split, truth);
    expect(split.transactions.map((t) => t.fingerprint)).toEqual(result.transactions.map((t) => t.fingerprint));
  });

  test('fingerprints: the shared recipe, unique, and the same on a second import', async () => {
    const again = await parsePdf({ bytes });
    const rows = truth.kind === 'bank_statement' ? result.transactions : result.cmsEntries;
    const prints = rows.map((r) => r.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    expect((truth.kind === 'bank_statement' ? again.transactions : again.cmsEntries).map((r) => r.fingerprint)).toEqual(prints);
    const recipe =
      truth.kind === 'bank_statement'
        ? fingerprintRows(expectedTransactions(truth), accountKey(truth.expected.metadata))
        : fingerprintRows(
            expectedCmsEntries(truth).map((e) => ({ date: e.date, amount: e.amount, direction: e.type, description: e.description })),
            accountKey(truth.expected.metadata),
          );
    expect(prints).toEqual(recipe);
  });

  test('confidence is high when the checks hold, low when they fail', () => {
    const c = truth.expected.checks;
    if (c.runningBalance === 'failed' || c.totals === 'failed') expect(result.confidence).toBeLessThan(0.5);
    else expect(result.confidence).toBeGreaterThanOrEqual(0.75);
  });
});

describe('hard cases, spelled out', () => {
  const byName = (name: string) => truths.find((t) => t.name === name)!;

  test('dates without a year take it from the period, across December to January', async () => {
    const r = await parsePdf({ bytes: await renderTruth(byName('barclays-year-end')) });
    const dates = r.transactions.map((t) => t.date);
    expect(dates[0]).toBe('2023-12-18');
    expect(dates.at(-1)).toBe('2024-01-17');
    expect(dates).toEqual([...dates].sort());
  });

  test('identical rows on one day stay two transactions with different fingerprints', async () => {
    const r = await parsePdf({ bytes: await renderTruth(byName('barclays-year-end')) });
    const [a, b] = r.transactions;
    expect(a!.description).toBe(b!.description);
    expect(a!.amount).toBe(b!.amount);
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
  });

  test('money in before money out (Lloyds-like) is never read the other way round', async () => {
    const r = await parsePdf({ bytes: await renderTruth(byName('lloyds-money-in-first')) });
    expect(r.transactions.slice(0, 2).map((t) => [t.description, t.amount, t.direction])).toEqual([
      ['DD OCTOPUS ENERGY', '96.40', 'out'],
      ['FPI A SAMPLE BIRTHDAY', '96.40', 'in'],
    ]);
  });

  test('a statement that does not add up says where it first breaks', async () => {
    const r = await parsePdf({ bytes: await renderTruth(byName('barclays-does-not-add-up')) });
    expect(r.checks.runningBalance).toBe('failed');
    // 500.00 − 4.50 − 12.99 + 25.00 − 7.80 = 499.71 (computed); the statement prints 489.71.
    expect(r.checks.firstBreak).toEqual({ row: 3, date: '2024-06-10', expected: '499.71', printed: '489.71' });
    // …and says so in words, at the place the row is printed (its provenance), instead of guessing which row is wrong.
    const { page, line } = r.transactions[3]!.source!;
    expect(r.warnings[0]).toMatch(
      new RegExp(`^The running balance breaks at page ${page}, line ${line} \\(2024-06-10\\): .* give £499\\.71, but £489\\.71 is printed`),
    );
    expect(r.checks.totals).toBe('failed');
    expect(r.checks.totalsDetail).toMatch(/money out is £65\.28 but .* add up to £55\.28/);
  });

  test('an encrypted statement parses with its password, to the same truth', async () => {
    const truth = byName('barclays-year-end') as BankTruth;
    const r = await parsePdf({ bytes: await encryptedPdf(truth), password: ENCRYPTED_PASSWORD });
    expectMatchesTruth(r, truth);
  });

  test('a hint that disagrees with the document is a warning, not a failure', async () => {
    const r = await parsePdf({ bytes: await renderTruth(byName('monzo-signed')), hint: 'cms_statement' });
    expect(r.kind).toBe('bank_statement');
    expect(r.warnings).toEqual([expect.stringMatching(/You said this is a CMS statement, but it reads as a bank statement/)]);
  });
});

describe('a 100-page statement (generated at test time)', () => {
  test('parses to its ground truth, every row, with every check passing', async () => {
    const truth = largeTruth(100);
    const bytes = await renderTruth(truth);
    const r = await parsePdf({ bytes });
    expect(r.metadata.pages).toBe(100);
    expect(r.metadata.layout).toBe('barclays_pdf_v1');
    expect(r.transactions.length).toBe(truth.rows.length);
    expect(withoutFingerprint(r.transactions)).toEqual(expectedTransactions(truth));
    expect(r.checks).toMatchObject({ runningBalance: 'ok', totals: 'ok' });
    expect(r.warnings).toEqual([]);
  }, 60_000);
});
