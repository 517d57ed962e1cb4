/**
 * The same row in two documents. Two statements of one account (a PDF and a CSV export of the same months, or two
 * statements that overlap) list the same transactions, often in other words, and the store keeps both, each with a
 * fingerprint of its own. For the reconciliation each counts once, or a payment would be found "missing from CMS"
 * for the second copy, or a CMS line "recorded twice".
 *
 * Rows alike in what a statement cannot word differently (a bank row's date, amount and direction; a CMS line's
 * date, type and amount) are the same rows when their documents are of one account (neither names another): the
 * documents together show as many such rows as the document that shows most, taking documents in the order they were
 * imported, so two genuinely alike payments on one day that one statement shows twice stay two.
 * @module
 */
import type { DocumentSummary } from '../store/types.ts';

/** A row as this needs it: its id, its document (none when typed in) and what makes rows alike. */
export interface RowOf {
  readonly id: string;
  readonly documentId?: string;
  readonly key: string;
}

/**
 * Each row that repeats one counted already, with the id of that row. Rows typed in (no document) are never
 * repeats and are never repeated. `accountOf` names a document's account ('' when it names none).
 */
export function repeatsAcrossDocuments(
  rows: readonly RowOf[],
  documents: readonly DocumentSummary[],
  accountOf: (d: DocumentSummary) => string,
): Map<string, string> {
  const repeats = new Map<string, string>();
  const order = [...documents].sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
  const rank = new Map(order.map((d, i) => [d.id, i]));
  const account = new Map(order.map((d) => [d.id, accountOf(d)]));
  // Rows by what makes them alike, then by document in import order (a document's rows in the order given).
  const byKey = new Map<string, Map<number, RowOf[]>>();
  for (const r of rows) {
    const i = r.documentId === undefined ? undefined : rank.get(r.documentId);
    if (i === undefined) continue;
    const docs = byKey.get(r.key) ?? new Map<number, RowOf[]>();
    byKey.set(r.key, docs);
    const list = docs.get(i) ?? [];
    docs.set(i, list);
    list.push(r);
  }
  const sameAccount = (a: string, b: string) => a === '' || b === '' || a === b;
  for (const docs of byKey.values()) {
    if (docs.size < 2) continue;
    const counted: { row: RowOf; account: string }[] = [];
    for (const i of [...docs.keys()].sort((a, b) => a - b)) {
      const mine = docs.get(i)!;
      const here = account.get(order[i]!.id)!;
      const earlier = counted.filter((c) => sameAccount(c.account, here));
      mine.forEach((r, k) => {
        if (k < earlier.length) repeats.set(r.id, earlier[k]!.row.id);
        else counted.push({ row: r, account: here });
      });
    }
  }
  return repeats;
}

/** A bank statement's account as its metadata names it (masked sort code and number), or ''. */
export function bankAccountOf(d: DocumentSummary): string {
  const m = d.parsed.metadata as { sortCodeMasked?: unknown; accountNumberMasked?: unknown };
  return [m.sortCodeMasked, m.accountNumberMasked].filter((x): x is string => typeof x === 'string' && x !== '').join(' ');
}

/** A CMS document's case, as its metadata names it, or ''. */
export function cmsCaseOf(d: DocumentSummary): string {
  const ref = (d.parsed.metadata as { caseReference?: unknown }).caseReference;
  return typeof ref === 'string' ? ref.replace(/\s+/g, '') : '';
}
