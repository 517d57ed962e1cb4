/**
 * Every tool Reckoner offers, in the order clients list them.
 * @module
 */
import { buildLiabilityScheduleTool } from './build-liability-schedule.ts';
import { calculateMaintenanceTool } from './calculate-maintenance.ts';
import { CASE_TOOLS } from './case-tools.ts';
import { computeDeadlinesTool } from './compute-deadlines.ts';
import { draftLetterTool } from './draft-letter.ts';
import { listLetterTypesTool } from './list-letter-types.ts';
import { parseStatementTool } from './parse-statement.ts';
import { reconcileLedgerTool } from './reconcile-ledger.ts';
import type { ToolDefinition } from './tool.ts';

export const TOOLS: readonly ToolDefinition[] = [
  calculateMaintenanceTool as unknown as ToolDefinition,
  buildLiabilityScheduleTool as unknown as ToolDefinition,
  reconcileLedgerTool as unknown as ToolDefinition,
  computeDeadlinesTool as unknown as ToolDefinition,
  parseStatementTool as unknown as ToolDefinition,
  listLetterTypesTool as unknown as ToolDefinition,
  draftLetterTool as unknown as ToolDefinition,
  ...(CASE_TOOLS as unknown as ToolDefinition[]),
];
