/**
 * What every section of a bundle reads: the reconciliation with its rows by id (as the letters read it), the
 * reconciliation statement (letters/figures.ts, shared with the letters), the chart model (calc/chart), and where
 * each row is printed in the parent's documents.
 * @module
 */
import { reconciliationChart, type ChartModel } from '../../calc/chart/index.ts';
import { readBankTransactions, readCmsEntries, readEvidence } from '../../calc/ledger/entries.ts';
import { overdueBy, reconciliationStatement, type ComputedReconciliation } from '../figures.ts';
import type { Block, StatementSummary } from '../types.ts';
import type { BundleDocument, EvidenceBundleInput, Ledger, RowLocation } from './types.ts';
import { documentLabel, placeWords } from './words.ts';

/** A row located in a document. */
export interface Located {
  readonly document: BundleDocument;
  /** The document's number in the enclosure list (1-based, in the order the documents were given). */
  readonly number: number;
  readonly source?: RowLocation['source'];
  /** "Document 2 (bank statement barclays-2024.pdf), page 3, line 12". */
  readonly where: string;
}

export interface BundleContext {
  readonly input: EvidenceBundleInput;
  readonly computed: ComputedReconciliation;
  readonly statement: { readonly table: Extract<Block, { kind: 'table' }>; readonly summary: StatementSummary } | undefined;
  readonly chart: ChartModel;
  /** Where a row of the reconciliation input is printed; undefined when no document was given for it. */
  locate(ledger: Ledger, id: string): Located | undefined;
  /** The statement's line number (1-based) for a finding, as the statement prints it. */
  lineOf(findingId: string): number | undefined;
}

export function bundleContext(input: EvidenceBundleInput): BundleContext {
  const { input: reconcileInput, result } = input.reconciliation;
  // The canonical rows reconcile read, by id, as letters/figures.ts `compute` builds them.
  const read: ComputedReconciliation = {
    input: reconcileInput,
    result,
    cmsEntries: new Map(readCmsEntries(reconcileInput.cmsEntries).map((e) => [e.id, e])),
    bankTransactions: new Map(readBankTransactions(reconcileInput.bankTransactions).map((t) => [t.id, t])),
    evidence: new Map(readEvidence(reconcileInput.evidence).map((v) => [v.id, v])),
  };
  // A deduction still in time at the reconciliation's date whose time ran out before the bundle's: said as such.
  const computed = overdueBy({ reconciliation: read }, input.generatedOn).reconciliation!;
  const made = reconciliationStatement(computed, (f) => f.value, input.case.side);
  const statement =
    made && made.table.kind === 'table' ? { table: made.table as Extract<Block, { kind: 'table' }>, summary: made.summary } : undefined;
  const documents = new Map((input.documents ?? []).map((d, i) => [d.id, { document: d, number: i + 1 }]));
  const rows = new Map((input.rows ?? []).map((r) => [`${r.ledger}:${r.id}`, r]));
  const lines = new Map(result.bridge.lines.flatMap((l, i) => (l.findingId ? [[l.findingId, i + 1] as const] : [])));
  return {
    input,
    computed,
    statement,
    chart: reconciliationChart(result),
    locate(ledger, id) {
      const row = rows.get(`${ledger}:${id}`);
      const found = row && documents.get(row.documentId);
      if (!row || !found) return undefined;
      const name = documentLabel(found.number, found.document);
      return {
        ...found,
        ...(row.source ? { source: row.source } : {}),
        where: row.source ? `${name}, ${placeWords(row.source)}` : name,
      };
    },
    lineOf: (findingId) => lines.get(findingId),
  };
}
