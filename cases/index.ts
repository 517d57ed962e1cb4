/**
 * The case service: what tools call for anything about a stored case. It turns stored records into calc's
 * inputs, runs calc, keeps runs, computes an event's deadlines, and drafts, keeps and sends letters; tools stay
 * thin and never call one another.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import type { CaseStore } from '../store/types.ts';
import { reconciliationChart } from '../calc/chart/index.ts';
import { chartSvg, chartText } from '../letters/chart/index.ts';
import { deadlinesCalendar } from './calendar.ts';
import { currentReconciliationInTurns } from './reconcile.ts';
import { caseTimeline } from './events.ts';
import { nextTurn } from './turns.ts';

export { buildCaseBundle, bundleInputFromRecords } from './bundle.ts';
export { deadlinesCalendar } from './calendar.ts';
export { claimFromDocuments, planFromDocuments } from './claim.ts';
export {
  caseNation,
  caseTimeline,
  DEFAULT_NATION,
  eventReceipt,
  eventWithDeadlines,
  recordCaseEvent,
  storedCaseTimeline,
  type CaseDeadline,
  type CaseTimeline,
  type NewCaseEvent,
  type StoredDecision,
} from './events.ts';
export { inputHash } from './hash.ts';
export { reconcileFromRecords, scheduleFromRecords } from './inputs.ts';
export { draftCaseLetter, markCaseLetterSent, saveCaseLetter, type CaseLetter, type CaseLetterRequest } from './letters.ts';
export { nextTurn } from './turns.ts';
export {
  caseSchedule,
  currentReconciliation,
  currentReconciliationInTurns,
  reconcileCase,
  reconcileRecords,
  reconcileRecordsInTurns,
  type HashedReconciliation,
  runOptions,
  type CaseReconciliation,
  type CaseSchedule,
} from './reconcile.ts';
export { aboutStoredDecisions } from './stored-decisions.ts';

/** The case's open deadlines (overdue and next) as an iCalendar file. */
export async function caseCalendar(
  store: CaseStore,
  caseId: string,
  today: CivilDate,
  generatedAt: string,
): Promise<{ ics: string; filename: string; deadlines: number }> {
  const detail = await store.getCase(caseId);
  const t = caseTimeline(detail.events, today, detail.decisions);
  const open = [...t.overdue, ...t.next];
  const ics = deadlinesCalendar({ caseId, name: detail.title, deadlines: open, generatedAt });
  return { ics, filename: `reckoner-deadlines-${caseId.slice(0, 8)}.ics`, deadlines: open.length };
}

/**
 * The picture of the account: due, paid and CMS-claimed over time and the two running balances, from the
 * reconciliation letters and bundles quote, as SVG (readable in greyscale) with its text alternative.
 * Undefined when the case has no decisions to reconcile.
 */
export async function caseChart(store: CaseStore, caseId: string, today: CivilDate): Promise<{ svg: string; text: string } | undefined> {
  const r = await currentReconciliationInTurns(await store.caseRecords(caseId), today);
  if (r) await nextTurn();
  if (!r) return undefined;
  const model = reconciliationChart(r.result);
  return { svg: chartSvg(model), text: chartText(model) };
}
