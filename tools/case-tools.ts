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
import { removeRecordsTool } from './case-remove-records.ts';
import { saveLetterTool } from './case-save-letter.ts';
import { setPartyTool } from './case-set-party.ts';
import { buildCaseScheduleTool } from './case-schedule.ts';
import type { AnyTool } from './tool.ts';

export const CASE_TOOLS: readonly AnyTool[] = [
  createCaseTool,
  getCaseTool,
  listCasesTool,
  setPartyTool,
  addDecisionTool,
  importDocumentTool,
  addCmsEntriesTool,
  addEvidenceTool,
  recordEventTool,
  saveLetterTool,
  markLetterSentTool,
  buildCaseScheduleTool,
  reconcileCaseTool,
  buildBundleTool,
  exportCalendarTool,
  exportCaseTool,
  importCaseTool,
  removeRecordsTool,
  deleteCaseTool,
];
