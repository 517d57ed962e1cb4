/**
 * The registry of banks Reckoner reads, derived from the layouts themselves: the CSV layouts
 * (csv/layouts.ts, and HSBC's header-less export) and the PDF layout hints (pdf/layouts.ts). Every list of
 * banks shown to people (error messages, the README's section between `<!-- banks:start -->` and
 * `<!-- banks:end -->`, written by scripts/readme-banks.ts) comes from here, so adding a layout is the only
 * step to list a bank.
 *
 * OFX/QFX is read the same way whichever bank wrote it, so it is not listed per bank.
 * @module
 */
import { HEADERLESS_LAYOUTS, LAYOUTS } from './csv/layouts.ts';
import { BANK_LAYOUTS } from './pdf/layouts.ts';
import type { Format } from './types.ts';

export interface SupportedBank {
  /** The bank, as people name it. */
  readonly issuer: string;
  /** The formats whose layout Reckoner knows for this bank, in the order csv, pdf, ofx. */
  readonly formats: readonly Format[];
  /** The layouts that read them (the `layout` in a parse's metadata). */
  readonly layouts: readonly string[];
}

const FORMAT_ORDER: readonly Format[] = ['csv', 'pdf', 'ofx'];

/** "The Co-operative Bank" is sorted under C, "first direct" under F. */
const sortKey = (issuer: string) => issuer.replace(/^the\s+/i, '').toLowerCase();

/** Every bank with a known CSV or PDF layout, in alphabetical order. */
export function supportedBanks(): SupportedBank[] {
  const byIssuer = new Map<string, { formats: Set<Format>; layouts: string[] }>();
  const add = (issuer: string, format: Format, layout: string) => {
    let entry = byIssuer.get(issuer);
    if (!entry) byIssuer.set(issuer, (entry = { formats: new Set(), layouts: [] }));
    entry.formats.add(format);
    if (!entry.layouts.includes(layout)) entry.layouts.push(layout);
  };
  for (const layout of [...LAYOUTS, ...Object.values(HEADERLESS_LAYOUTS)]) for (const bank of layout.banks) add(bank, 'csv', layout.id);
  for (const layout of BANK_LAYOUTS) add(layout.issuer, 'pdf', layout.id);
  return [...byIssuer.entries()]
    .map(([issuer, e]) => ({ issuer, formats: FORMAT_ORDER.filter((f) => e.formats.has(f)), layouts: e.layouts }))
    .sort((a, b) => (sortKey(a.issuer) < sortKey(b.issuer) ? -1 : sortKey(a.issuer) > sortKey(b.issuer) ? 1 : 0));
}

/** "a, b and c" */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const FORMAT_NAMES: Record<Format, string> = { csv: 'CSV', pdf: 'PDF', ofx: 'OFX' };

/**
 * The banks in one sentence. With a format, only the banks with a layout in that format, by name:
 * "Bank of Scotland, Barclays, … and Virgin Money". Without, each bank with its formats:
 * "Bank of Scotland (CSV), Barclays (CSV, PDF), …".
 */
export function supportedBanksSentence(format?: Format): string {
  const banks = supportedBanks();
  if (format !== undefined) return listed(banks.filter((b) => b.formats.includes(format)).map((b) => b.issuer));
  return listed(banks.map((b) => `${b.issuer} (${b.formats.map((f) => FORMAT_NAMES[f]).join(', ')})`));
}

/** Rows of a Markdown table, each cell padded to its column's width (as Prettier writes tables). */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)];
}

/** The README's generated section (between its markers, without them): a table of the banks and their formats. */
export function supportedBanksMarkdown(): string {
  const mark = (b: SupportedBank, f: Format) => (b.formats.includes(f) ? 'yes' : '');
  return [
    'The banks whose layouts `parse_statement` knows, from the registry in `statements/banks.ts` (run',
    '`npx tsx scripts/readme-banks.ts` after adding a layout). CSV: the columns of the bank’s download (or text',
    'download) are known. PDF: the issuer is named and its way of printing rows is used as a hint; a PDF statement',
    'from any other bank is read too, its table found by its header or by how its columns line up, and checked by',
    'its own running balances. Any bank’s OFX/QFX export is read too, and any other CSV with a `csvMapping`.',
    '',
    ...table(
      ['bank', 'CSV', 'PDF', 'layouts'],
      supportedBanks().map((b) => [b.issuer, mark(b, 'csv'), mark(b, 'pdf'), b.layouts.map((l) => `\`${l}\``).join(', ')]),
    ),
  ].join('\n');
}
