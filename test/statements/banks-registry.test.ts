/**
 * The registry of banks (statements/banks.ts) is derived from the layouts, and every list of banks shown to
 * people comes from it: the README's section between its markers must be exactly what the registry gives
 * (rewrite it with `npx tsx scripts/readme-banks.ts`), so the two cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { supportedBanks, supportedBanksMarkdown, supportedBanksSentence } from '../../statements/banks.ts';
import { HEADERLESS_LAYOUTS, LAYOUTS } from '../../statements/csv/layouts.ts';
import { BANK_LAYOUTS } from '../../statements/pdf/layouts.ts';
import { banksSection, README, withBanksSection } from '../../scripts/readme-banks.ts';

test('the README lists exactly the banks the registry gives', () => {
  const readme = readFileSync(README, 'utf8');
  expect(banksSection(readme)).toBe(supportedBanksMarkdown());
  // And rewriting it changes nothing.
  expect(withBanksSection(readme, supportedBanksMarkdown())).toBe(readme);
});

test('the registry: every bank with the formats its layouts give, alphabetically', () => {
  expect(supportedBanks().map((b) => [b.issuer, b.formats.join('+')])).toEqual([
    ['Bank of Scotland', 'csv'],
    ['Barclays', 'csv+pdf'],
    ['Chase UK', 'csv+pdf'],
    ['The Co-operative Bank', 'csv+pdf'],
    ['first direct', 'csv+pdf'],
    ['Halifax', 'csv+pdf'],
    ['HSBC', 'csv+pdf'],
    ['Lloyds Bank', 'csv+pdf'],
    ['Metro Bank', 'csv+pdf'],
    ['Monzo', 'csv+pdf'],
    ['Nationwide', 'csv+pdf'],
    ['NatWest', 'csv'],
    ['RBS', 'csv'],
    ['Revolut', 'csv+pdf'],
    ['Santander', 'csv+pdf'],
    ['Starling Bank', 'csv+pdf'],
    ['TSB', 'csv+pdf'],
    ['Virgin Money', 'csv+pdf'],
  ]);
});

test('every layout is in the registry under each bank it names, and nothing else is', () => {
  const fromLayouts = new Map<string, Set<string>>();
  const add = (bank: string, id: string) => fromLayouts.set(bank, (fromLayouts.get(bank) ?? new Set()).add(id));
  for (const l of [...LAYOUTS, ...Object.values(HEADERLESS_LAYOUTS)]) for (const bank of l.banks) add(bank, l.id);
  for (const l of BANK_LAYOUTS) add(l.issuer, l.id);
  const registry = new Map(supportedBanks().map((b) => [b.issuer, new Set(b.layouts)]));
  expect(registry).toEqual(fromLayouts);
});

test('layout ids are unique, and a CSV layout that names one bank gives that bank as its issuer', () => {
  const ids = [...LAYOUTS.map((l) => l.id), ...Object.values(HEADERLESS_LAYOUTS).map((l) => l.id), ...BANK_LAYOUTS.map((l) => l.id)];
  expect(new Set(ids).size).toBe(ids.length);
  for (const l of LAYOUTS) if (l.banks.length === 1) expect(l.issuer, l.id).toBe(l.banks[0]);
});

test('the sentences: the banks with a format by name, or every bank with its formats', () => {
  expect(supportedBanksSentence('pdf')).toBe(
    'Barclays, Chase UK, The Co-operative Bank, first direct, Halifax, HSBC, Lloyds Bank, Metro Bank, Monzo, Nationwide, Revolut, Santander, Starling Bank, TSB and Virgin Money',
  );
  expect(supportedBanksSentence('ofx')).toBe('');
  expect(supportedBanksSentence()).toMatch(/^Bank of Scotland \(CSV\), Barclays \(CSV, PDF\), .* and Virgin Money \(CSV, PDF\)$/);
});

test('a PDF layout hint is found by its markers: first direct and Halifax before the banks they name', () => {
  const issuerOf = (text: string) => BANK_LAYOUTS.find((l) => l.markers.some((m) => m.test(text)))?.issuer;
  expect(issuerOf('first direct\nfirst direct is a division of HSBC UK Bank plc.')).toBe('first direct');
  expect(issuerOf('HSBC UK Bank plc')).toBe('HSBC');
  expect(issuerOf('Halifax\nHalifax is a division of Bank of Scotland plc.')).toBe('Halifax');
  expect(issuerOf('Lloyds Bank plc')).toBe('Lloyds Bank');
  expect(issuerOf('Chase is a registered trade mark and trading name of J.P. Morgan Europe Limited')).toBe('Chase UK');
});
