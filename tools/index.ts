/**
 * Every tool Reckoner offers, in the order clients list them.
 * @module
 */
import { buildLiabilityScheduleTool } from './build-liability-schedule.ts';
import { calculateMaintenanceTool } from './calculate-maintenance.ts';
import { CASE_TOOLS } from './case-tools.ts';
import { checkIncomeChangeTool } from './check-income-change.ts';
import { computeDeadlinesTool } from './compute-deadlines.ts';
import { draftLetterTool } from './draft-letter.ts';
import { listLetterTypesTool } from './list-letter-types.ts';
import { parseStatementTool } from './parse-statement.ts';
import { reconcileLedgerTool } from './reconcile-ledger.ts';
import type { AnyTool } from './tool.ts';

export const TOOLS: readonly AnyTool[] = [
  calculateMaintenanceTool,
  buildLiabilityScheduleTool,
  reconcileLedgerTool,
  computeDeadlinesTool,
  checkIncomeChangeTool,
  parseStatementTool,
  listLetterTypesTool,
  draftLetterTool,
  ...CASE_TOOLS,
];
