/**
 * Every tool by name, loaded on first use: what the MCP server offers before any tool's code has run. A calculation,
 * the call most conversations start with and the one a script makes alone, loads the calculator and its schemas
 * alone; every other tool loads with the first tools/list or the first call of any of them, all together (each in a
 * chunk of its own was 25 more files to read before tools/list could answer, slower than loading them at start).
 * Measured in `npm run bench -- cold-start`. The order is tools/index.ts TOOLS' order, and each entry loads the tool
 * of its own name (test/server/catalogue.test.ts).
 * @module
 */
import type { AnyTool } from './tool.ts';

/** A tool the server offers, by name, and how to load it. */
export interface ToolEntry {
  readonly name: string;
  /** The tool itself: its module is imported the first time (esbuild puts it in a chunk loaded then). */
  readonly load: () => Promise<AnyTool>;
}

const NAMES = [
  'calculate_maintenance',
  'build_liability_schedule',
  'reconcile_ledger',
  'compute_deadlines',
  'check_income_change',
  'parse_statement',
  'list_letter_types',
  'draft_letter',
  'create_case',
  'get_case',
  'list_cases',
  'set_party',
  'add_decision',
  'import_document',
  'add_cms_entries',
  'add_evidence',
  'record_event',
  'save_letter',
  'mark_letter_sent',
  'build_case_schedule',
  'reconcile_case',
  'build_evidence_bundle',
  'export_calendar',
  'export_case',
  'import_case',
  'remove_records',
  'delete_case',
] as const;

/** The name of a tool the server offers. */
export type ToolName = (typeof NAMES)[number];

const calculator = async (): Promise<AnyTool> => (await import('./calculate-maintenance.ts')).calculateMaintenanceTool;

/** A tool of tools/index.ts TOOLS, all of which load together. */
function fromAll(name: ToolName): () => Promise<AnyTool> {
  return async () => {
    const tool = (await import('./index.ts')).TOOLS.find((t) => t.name === name);
    if (!tool) throw new Error(`tools/index.ts TOOLS has no tool ${name}`);
    return tool;
  };
}

export const TOOL_CATALOGUE: readonly (ToolEntry & { readonly name: ToolName })[] = NAMES.map((name) => ({
  name,
  load: name === 'calculate_maintenance' ? calculator : fromAll(name),
}));

/** A tool already loaded, as an entry (for a server given its tools, as tests are). */
export function entryOf(tool: AnyTool): ToolEntry {
  return { name: tool.name, load: async () => tool };
}
