/**
 * The case tools, in the order clients should list them: what tools/index.ts adds to TOOLS.
 * @module
 */
import { addCmsEntriesTool, addEvidenceTool } from './case-add-records.ts';
import { addDecisionTool } from './case-add-decision.ts';
import { buildBundleTool } from './case-build-bundle.ts';
import { createCaseTool } from './case-create.ts';
import { deleteCaseTool } from './case-delete.ts';
import { exportCalendarTool } from './case-export-calendar.ts';
import { exportCaseTool } from './case-export.ts';
import { getCaseTool } from './case-get.ts';
import { importCaseTool } from './case-import-export.ts';
import { importDocumentTool } from './case-import-document.ts';
import { listCasesTool } from './case-list.ts';
import { markLetterSentTool } from './case-mark-letter-sent.ts';
import { reconcileCaseTool } from './case-reconcile.ts';
import { recordEventTool } from './case-record-event.ts';
import { saveLetterTool } from './case-save-letter.ts';
import { buildCaseScheduleTool } from './case-schedule.ts';
import type { ToolDefinition } from './tool.ts';

export const CASE_TOOLS: readonly ToolDefinition[] = [
  createCaseTool as unknown as ToolDefinition,
  getCaseTool as unknown as ToolDefinition,
  listCasesTool as unknown as ToolDefinition,
  addDecisionTool as unknown as ToolDefinition,
  importDocumentTool as unknown as ToolDefinition,
  addCmsEntriesTool as unknown as ToolDefinition,
  addEvidenceTool as unknown as ToolDefinition,
  recordEventTool as unknown as ToolDefinition,
  saveLetterTool as unknown as ToolDefinition,
  markLetterSentTool as unknown as ToolDefinition,
  buildCaseScheduleTool as unknown as ToolDefinition,
  reconcileCaseTool as unknown as ToolDefinition,
  buildBundleTool as unknown as ToolDefinition,
  exportCalendarTool as unknown as ToolDefinition,
  exportCaseTool as unknown as ToolDefinition,
  importCaseTool as unknown as ToolDefinition,
  deleteCaseTool as unknown as ToolDefinition,
];
