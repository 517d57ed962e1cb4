/**
 * The enclosure list: each of the parent's documents, numbered, and under it every line of it the bundle relies
 * on, by page and line ("page 3, line 12"), with the entry as printed there and what it is relied on for (a line
 * of the reconciliation statement, or a payment CMS recorded rightly). Rows the findings rest on that no enclosed
 * document holds are listed last, so nothing is cited without saying where it is.
 * @module
 */
import type { CivilDate } from '../../../calc/dates.ts';
import { poundsOfPence } from '../../../calc/money.ts';
import type { BundleBlock, SectionContent } from '../blocks.ts';
import type { BundleContext, Located } from '../context.ts';
import { SECTION_TITLES } from '../purpose.ts';
import type { Ledger } from '../types.ts';
import { CMS_ENTRY_WORDS, documentLabel, EVIDENCE_WORDS, placeWords, shortDate } from '../words.ts';

/** A row the bundle relies on, and why. */
interface Cited {
  readonly ledger: Ledger;
  readonly id: string;
  readonly use: string;
}

interface Row {
  readonly date: CivilDate;
  readonly what: string;
  /** Whole pence, as calc read the row. */
  readonly pence: number;
}

const COLUMNS = ['Page and line', 'Date', 'Entry as printed', 'Amount', 'Relied on for'];
const WIDTHS = [1.7, 1.1, 3.1, 1.1, 2.6];

/** The rows the findings and the payment matches rest on, each once, findings first. */
function citedRows(c: BundleContext): Cited[] {
  const out = new Map<string, Cited>();
  const add = (ledger: Ledger, ids: readonly string[], use: string) => {
    for (const id of ids) if (!out.has(`${ledger}:${id}`)) out.set(`${ledger}:${id}`, { ledger, id, use });
  };
  const { result } = c.computed;
  for (const f of result.findings) {
    const line = c.lineOf(f.id);
    const use = line === undefined ? 'An entry in dispute' : `Line ${line} of the reconciliation statement (an entry in dispute)`;
    add('cms', f.cmsEntryIds, use);
    add('bank', f.bankTransactionIds, use);
    add('evidence', f.evidenceIds, use);
    // What the finding cites beside its own rows (a report of a missed payment that the bank shows paid cites the
    // payment): the evidence for that line, not a payment CMS agrees with.
    for (const x of f.citations) add(x.kind === 'bank' ? 'bank' : 'evidence', [x.id], use);
  }
  for (const m of result.matches) {
    // Payments proved by the evidence; CMS's charge lines that agree with the decisions prove nothing further.
    if (m.bankTransactionIds.length === 0 && m.evidenceIds.length === 0) continue;
    const use = 'A payment CMS recorded rightly';
    add('bank', m.bankTransactionIds, use);
    add('evidence', m.evidenceIds, use);
    add('cms', m.cmsEntryIds, use);
  }
  return [...out.values()];
}

function rowOf(c: BundleContext, ledger: Ledger, id: string): Row | undefined {
  const r = c.computed;
  if (ledger === 'bank') {
    const t = r.bankTransactions.get(id);
    return (
      t && {
        date: t.date,
        pence: t.pence,
        what: `${t.direction === 'out' ? 'Paid out' : 'Paid in'}${t.description ? ` “${t.description}”` : ''}`,
      }
    );
  }
  if (ledger === 'cms') {
    const e = r.cmsEntries.get(id);
    return e && { date: e.date, pence: e.pence, what: `${CMS_ENTRY_WORDS[e.type]}${e.description ? ` “${e.description}”` : ''}` };
  }
  const v = r.evidence.get(id);
  return v && { date: v.date, pence: v.pence, what: `${EVIDENCE_WORDS[v.type]}${v.description ? ` “${v.description}”` : ''}` };
}

const order = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

const cells = (place: string, row: Row, use: string): string[] => [place, shortDate(row.date), row.what, poundsOfPence(row.pence), use];

export function enclosuresSection(c: BundleContext): SectionContent {
  const title = SECTION_TITLES.enclosures;
  const documents = c.input.documents ?? [];
  const byDocument = new Map<string, { located: Located; row: Row; use: string }[]>();
  const unplaced: { row: Row; use: string }[] = [];
  for (const cited of citedRows(c)) {
    const row = rowOf(c, cited.ledger, cited.id);
    if (!row) continue;
    const located = c.locate(cited.ledger, cited.id);
    if (!located) {
      // Only what is in dispute must be found; a payment CMS agrees with needs no place.
      if (cited.use !== 'A payment CMS recorded rightly') unplaced.push({ row, use: cited.use });
      continue;
    }
    const list = byDocument.get(located.document.id) ?? [];
    list.push({ located, row, use: cited.use });
    byDocument.set(located.document.id, list);
  }
  if (documents.length === 0 && unplaced.length === 0) {
    return { id: 'enclosures', title, blocks: [{ kind: 'paragraph', text: 'No documents are enclosed.' }] };
  }
  const blocks: BundleBlock[] = [
    {
      kind: 'paragraph',
      text: 'The documents below are enclosed, in this order. Under each are the lines of it this bundle relies on, by page and line (lines counted from the top of the page; in a file without pages, from its first line).',
    },
  ];
  documents.forEach((d, i) => {
    blocks.push({ kind: 'subheading', text: documentLabel(i + 1, d) });
    const rows = [...(byDocument.get(d.id) ?? [])].sort(
      (a, b) =>
        order(a.located.source?.page ?? 0, b.located.source?.page ?? 0) || order(a.located.source?.line ?? 0, b.located.source?.line ?? 0),
    );
    if (rows.length === 0) {
      blocks.push({ kind: 'paragraph', text: 'Enclosed as a whole; no single line of it is cited.' });
      return;
    }
    blocks.push({
      kind: 'table',
      columns: COLUMNS,
      widths: WIDTHS,
      right: [3],
      rows: rows.map((r) => cells(r.located.source ? placeWords(r.located.source) : 'Not given', r.row, r.use)),
    });
  });
  if (unplaced.length) {
    blocks.push(
      { kind: 'subheading', text: 'Entries in dispute not found in the enclosed documents' },
      { kind: 'table', columns: COLUMNS, widths: WIDTHS, right: [3], rows: unplaced.map((u) => cells('Not enclosed', u.row, u.use)) },
    );
  }
  return { id: 'enclosures', title, blocks };
}
