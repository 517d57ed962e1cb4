/**
 * A case's CMS decisions: each with its effective date and a weekly amount or the circumstances to work it out.
 * A decision is checked the way the schedule will read it, with the others of the case, when it is given, so
 * one that cannot be used is refused now rather than at the next schedule.
 * @module
 */
import { asc, eq } from 'drizzle-orm';
import { InputError } from '../../calc/errors.ts';
import { resolveDecisions } from '../../calc/schedule/build.ts';
import { COLLECTION_SERVICES, type CollectionService } from '../../calc/scheme-2012/calculate.ts';
import { Trace } from '../../calc/trace.ts';
import { StoreError } from '../errors.ts';
import * as t from '../schema.ts';
import type { Sealer } from '../seal.ts';
import type { CaseStore, DecisionRecordInput } from '../types.ts';
import { checkCaseId, civilDate, jsonObject, list, moneyText, oneOf, optionalDate, optionalText, requireText } from './check.ts';
import type { Context } from './context.ts';
import { decisionOf, decisionRow, opt, shownDecision, type DecisionStored, type DecisionValues } from './rows.ts';
import { makeRoom } from './limits.ts';
import type { Database } from './sql.ts';
import { decisionInput } from '../decision-input.ts';

export { decisionInput };

export const MAX_DECISIONS = 100;

/** The decisions, in the order the schedule reads them (`effective`), or as they were added (`created`). */
export async function readDecisions(
  ex: Database,
  caseId: string,
  s: Sealer,
  order: 'effective' | 'created' = 'effective',
): Promise<DecisionStored[]> {
  const d = t.decisions;
  const rows = await ex
    .select()
    .from(d)
    .where(eq(d.caseId, caseId))
    .orderBy(
      ...(order === 'effective' ? [asc(d.effectiveDate), asc(d.letterDate), asc(d.createdAt), asc(d.id)] : [asc(d.createdAt), asc(d.id)]),
    );
  return rows.map((r) => decisionOf(r, s));
}

/** One decision's values, checked; `label` is given by {@link labelsFor}. */
function checkDecision(field: string, d: DecisionRecordInput, label: string): DecisionValues {
  if (d === null || typeof d !== 'object')
    throw new InputError(field, 'must be a decision: { effectiveDate, weeklyAmount or calculation }');
  const calculation = jsonObject(`${field}.calculation`, d.calculation);
  const weeklyAmount =
    d.weeklyAmount === undefined || d.weeklyAmount === null
      ? null
      : moneyText(`${field}.weeklyAmount`, d.weeklyAmount, { negative: false });
  if ((weeklyAmount === null) === (calculation === null))
    throw new InputError(field, 'give either weeklyAmount or calculation (not both, not neither)');
  const letterDate = optionalDate(`${field}.letterDate`, d.letterDate);
  const service = d.service === undefined || d.service === null ? null : oneOf(`${field}.service`, d.service, COLLECTION_SERVICES);
  const receivingParentId = optionalText(`${field}.receivingParentId`, d.receivingParentId, 100);
  return {
    label,
    effectiveDate: civilDate(`${field}.effectiveDate`, d.effectiveDate),
    ...opt('letterDate', letterDate),
    ...opt('weeklyAmount', weeklyAmount),
    ...opt('calculation', calculation),
    ...opt('service', service),
    ...opt('receivingParentId', receivingParentId),
  };
}

/** Labels for new decisions: those given, or decision_N for the first N not taken. */
function labelsFor(existing: readonly string[], given: readonly (string | undefined)[], field: (i: number) => string): string[] {
  const taken = new Set(existing);
  const out: string[] = [];
  given.forEach((label, i) => {
    if (label === undefined) return;
    const l = requireText(`${field(i)}.label`, label, 100);
    if (taken.has(l))
      throw new StoreError('conflict', `${field(i)}.label`, `"${l}" is already the name of a decision in this case; choose another`);
    taken.add(l);
    out[i] = l;
  });
  let n = existing.length;
  given.forEach((label, i) => {
    if (label !== undefined) return;
    let l: string;
    do l = `decision_${++n}`;
    while (taken.has(l));
    taken.add(l);
    out[i] = l;
  });
  return out;
}

/**
 * Checks decisions the way the schedule will read them, all together (two decisions on one day need their
 * letter dates); calc's field `decisions[i]` is renamed to the caller's (`fieldOf(i)`).
 */
function checkTogether(all: readonly DecisionValues[], service: CollectionService, fieldOf: (index: number) => string): void {
  if (all.length === 0) return;
  try {
    resolveDecisions({ decisions: all.map((d) => decisionInput({ ...d, id: '' })), asOf: '2100-01-01', service }, new Trace());
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw error.withProblems((p) => {
      const m = /^decisions\[(\d+)\](.*)$/.exec(p.field);
      return m ? { field: `${fieldOf(Number(m[1]))}${m[2]}`, message: p.message } : p;
    });
  }
}

/** The decisions given with a new case, checked together. */
export function checkNewDecisions(
  field: string,
  given: readonly DecisionRecordInput[] | undefined,
  service: CollectionService,
): DecisionValues[] {
  const decisions = list(field, given, MAX_DECISIONS);
  const at = (i: number) => `${field}[${i}]`;
  const labels = labelsFor(
    [],
    decisions.map((d) => d?.label),
    at,
  );
  const values = decisions.map((d, i) => checkDecision(at(i), d, labels[i]!));
  checkTogether(values, service, at);
  return values;
}

export async function insertDecisions(ex: Database, caseId: string, decisions: readonly DecisionValues[], s: Sealer): Promise<void> {
  if (decisions.length > 0) await ex.insert(t.decisions).values(decisions.map((d) => decisionRow(caseId, d, s)));
}

export function decisionOperations(cx: Context): Pick<CaseStore, 'addDecision' | 'decisions'> {
  return {
    addDecision: (caseId, input) =>
      cx.run('Adding the decision', async () => {
        const id = checkCaseId(caseId);
        return cx.scoped('case', async (tx) => {
          const { case: c, s } = await cx.lockCase(tx, id);
          await makeRoom(tx, id, 'decisions', 'decision');
          const existing = await readDecisions(tx, id, s);
          const [label] = labelsFor(
            existing.map((d) => d.label),
            [input?.label],
            () => 'decision',
          );
          const values = checkDecision('decision', input, label!);
          checkTogether([...existing, values], c.service, (i) =>
            i === existing.length ? 'decision' : `stored decision "${existing[i]?.label}"`,
          );
          const [inserted] = await tx
            .insert(t.decisions)
            .values(decisionRow(id, values, s))
            .returning();
          await cx.audit(tx, id, 'decision_added');
          return shownDecision(decisionOf(inserted!, s));
        });
      }),

    decisions: (caseId) =>
      cx.run('Reading the decisions', async () => {
        const id = checkCaseId(caseId);
        return cx.scoped('case', async (tx) => (await readDecisions(tx, id, (await cx.findCase(tx, id)).s)).map(shownDecision));
      }),
  };
}
