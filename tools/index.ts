/**
 * Every tool Reckoner offers, in the order clients list them.
 * @module
 */
import { calculateMaintenanceTool } from './calculate-maintenance.ts';
import type { ToolDefinition } from './tool.ts';

export const TOOLS: readonly ToolDefinition[] = [calculateMaintenanceTool as unknown as ToolDefinition];
