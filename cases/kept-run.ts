/**
 * What is kept of a reconciliation run that is too large to keep whole. The run is a record: letters and bundles
 * reconcile the case again with the run's options (cases/reconcile.ts currentReconciliation), and reconcile_case
 * gives every finding and period again. So a run over the store's bound is never refused (a long dispute's
 * reconcile_case failed outright on it); it is kept in part, and says what it left out:
 *
 * 1. each finding's citations by their kind and id only (the rows they name are the case's own);
 * 2. then as many findings as fit, in their order, and once all of them are kept, as many period rows; the counts
 *    left out are kept.
 *
 * Everything else (the balances, the bridge, the trace, the warnings, the options) is always kept whole.
 * @module
 */

/** What a run kept in part says about itself, under `keptInPart`. */
export interface KeptInPart {
  /** Each finding's citations are kept as their kind and id (the bank line, CMS entry or evidence the case holds). */
  readonly citationsById: true;
  /** Findings not kept, counted from the end of the list. */
  readonly findingsLeftOut: number;
  /** Period rows not kept, counted from the end of the list. */
  readonly periodsLeftOut: number;
  readonly note: string;
}

/** Room kept for `keptInPart` itself: its note and counts, with digits to spare. */
const NOTE_ROOM = 600;

/** The run as kept: `result` itself when its JSON is at most `maxChars` characters, else a part of it that is. */
export function keptRun(result: Record<string, unknown>, maxChars: number): Record<string, unknown> {
  if (JSON.stringify(result).length <= maxChars) return result;
  const findings = Array.isArray(result['findings']) ? (result['findings'] as unknown[]).map(citationsById) : [];
  const periods = Array.isArray(result['periods']) ? (result['periods'] as unknown[]) : [];
  const whole = { ...result, findings, periods };
  if (JSON.stringify(whole).length + NOTE_ROOM <= maxChars) return { ...whole, keptInPart: note(0, 0) };

  // The rest of the run with both lists empty, then each list's items while they fit (one comma between items).
  let room = maxChars - NOTE_ROOM - JSON.stringify({ ...result, findings: [], periods: [] }).length;
  const keptFindings = fitting(findings, room);
  room -= charsOf(keptFindings);
  const keptPeriods = keptFindings.length < findings.length ? [] : fitting(periods, room);
  return {
    ...result,
    findings: keptFindings,
    periods: keptPeriods,
    keptInPart: note(findings.length - keptFindings.length, periods.length - keptPeriods.length),
  };
}

function note(findingsLeftOut: number, periodsLeftOut: number): KeptInPart {
  const leftOut =
    findingsLeftOut + periodsLeftOut === 0
      ? ''
      : ` and leaves out the last ${findingsLeftOut} finding${findingsLeftOut === 1 ? '' : 's'} and ${periodsLeftOut} period row${periodsLeftOut === 1 ? '' : 's'}`;
  return {
    citationsById: true,
    findingsLeftOut,
    periodsLeftOut,
    note:
      `This run was too large to keep whole: it keeps each finding's citations by their id${leftOut}. ` +
      'reconcile_case gives every finding and period row again, with the rows each cites.',
  };
}

/** A finding with each citation cut to its kind and id. */
function citationsById(finding: unknown): unknown {
  if (finding === null || typeof finding !== 'object') return finding;
  const f = finding as { citations?: unknown };
  if (!Array.isArray(f.citations)) return finding;
  return {
    ...f,
    citations: f.citations.map((c: unknown) => {
      if (c === null || typeof c !== 'object') return c;
      const { kind, id } = c as { kind?: unknown; id?: unknown };
      return id === undefined ? c : { kind, id };
    }),
  };
}

/** The leading items whose JSON, with a comma between each, takes at most `room` characters. */
function fitting(items: readonly unknown[], room: number): unknown[] {
  const kept: unknown[] = [];
  let used = 0;
  for (const item of items) {
    const chars = JSON.stringify(item).length + (kept.length === 0 ? 0 : 1);
    if (used + chars > room) break;
    kept.push(item);
    used += chars;
  }
  return kept;
}

/** The characters a list's items take inside its brackets. */
function charsOf(items: readonly unknown[]): number {
  return JSON.stringify(items).length - 2;
}
