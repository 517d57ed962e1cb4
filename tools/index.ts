/**
 * Every tool Reckoner offers, in the order clients list them.
 * @module
 */
import { buildLiabilityScheduleTool } from './build-liability-schedule.ts';
import { calculateMaintenanceTool } from './calculate-maintenance.ts';
import { computeDeadlinesTool } from './compute-deadlines.ts';
import { reconcileLedgerTool } from './reconcile-ledger.ts';
import type { ToolDefinition } from './tool.ts';

export const TOOLS: readonly ToolDefinition[] = [
  calculateMaintenanceTool as unknown as ToolDefinition,
  buildLiabilityScheduleTool as unknown as ToolDefinition,
  reconcileLedgerTool as unknown as ToolDefinition,
  computeDeadlinesTool as unknown as ToolDefinition,
];
