/**
 * Every tool by name, each loaded on first use: what the MCP server offers before any tool's code has run. A
 * calculation then loads the calculator and its schemas alone, not the letters, the case store's tools, the statement
 * reader's or the reconciliation's (about a tenth of `bin/reckoner mcp`'s time to its first answer, in
 * `npm run bench -- cold-start`); tools/list loads them all. The order is tools/index.ts TOOLS' order, and each
 * entry loads the tool of its own name (test/server/catalogue.test.ts).
 * @module
 */
import type { AnyTool } from './tool.ts';

/** A tool the server offers, by name, and how to load it. */
export interface ToolEntry {
  readonly name: string;
  /** The tool itself: its module is imported the first time (esbuild puts it in a chunk of its own). */
  readonly load: () => Promise<AnyTool>;
}

export const TOOL_CATALOGUE = [
  { name: 'calculate_maintenance', load: async () => (await import('./calculate-maintenance.ts')).calculateMaintenanceTool },
  { name: 'build_liability_schedule', load: async () => (await import('./build-liability-schedule.ts')).buildLiabilityScheduleTool },
  { name: 'reconcile_ledger', load: async () => (await import('./reconcile-ledger.ts')).reconcileLedgerTool },
  { name: 'compute_deadlines', load: async () => (await import('./compute-deadlines.ts')).computeDeadlinesTool },
  { name: 'check_income_change', load: async () => (await import('./check-income-change.ts')).checkIncomeChangeTool },
  { name: 'parse_statement', load: async () => (await import('./parse-statement.ts')).parseStatementTool },
  { name: 'list_letter_types', load: async () => (await import('./list-letter-types.ts')).listLetterTypesTool },
  { name: 'draft_letter', load: async () => (await import('./draft-letter.ts')).draftLetterTool },
  { name: 'create_case', load: async () => (await import('./case-create.ts')).createCaseTool },
  { name: 'get_case', load: async () => (await import('./case-get.ts')).getCaseTool },
  { name: 'list_cases', load: async () => (await import('./case-list.ts')).listCasesTool },
  { name: 'add_decision', load: async () => (await import('./case-add-decision.ts')).addDecisionTool },
  { name: 'import_document', load: async () => (await import('./case-import-document.ts')).importDocumentTool },
  { name: 'add_cms_entries', load: async () => (await import('./case-add-records.ts')).addCmsEntriesTool },
  { name: 'add_evidence', load: async () => (await import('./case-add-records.ts')).addEvidenceTool },
  { name: 'record_event', load: async () => (await import('./case-record-event.ts')).recordEventTool },
  { name: 'save_letter', load: async () => (await import('./case-save-letter.ts')).saveLetterTool },
  { name: 'mark_letter_sent', load: async () => (await import('./case-mark-letter-sent.ts')).markLetterSentTool },
  { name: 'build_case_schedule', load: async () => (await import('./case-schedule.ts')).buildCaseScheduleTool },
  { name: 'reconcile_case', load: async () => (await import('./case-reconcile.ts')).reconcileCaseTool },
  { name: 'build_evidence_bundle', load: async () => (await import('./case-build-bundle.ts')).buildBundleTool },
  { name: 'export_calendar', load: async () => (await import('./case-export-calendar.ts')).exportCalendarTool },
  { name: 'export_case', load: async () => (await import('./case-export.ts')).exportCaseTool },
  { name: 'import_case', load: async () => (await import('./case-import-export.ts')).importCaseTool },
  { name: 'delete_case', load: async () => (await import('./case-delete.ts')).deleteCaseTool },
] as const satisfies readonly ToolEntry[];

/** The name of a tool the server offers. */
export type ToolName = (typeof TOOL_CATALOGUE)[number]['name'];

/** A tool already loaded, as an entry (for a server given its tools, as tests are). */
export function entryOf(tool: AnyTool): ToolEntry {
  return { name: tool.name, load: async () => tool };
}
