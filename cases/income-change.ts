/**
 * What `check_income_change` takes from a stored case: the latest decision that holds CMS's circumstances (its
 * calculation, its letter date and effective date) and the case's first effective date (for the annual review,
 * SI 2012/2677 reg 19(2)). The store refuses another organisation's case (forbidden) and a case that is not there
 * (not_found), as for every case tool.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import { InputError } from '../calc/errors.ts';
import type { CaseStore } from '../store/types.ts';

export interface IncomeChangeDecision {
  /** The decision's label, for the caller to say where the figures came from. */
  readonly label: string;
  /** CMS's circumstances as stored (as calculate_maintenance takes them; their date defaults to the effective date). */
  readonly calculation: Record<string, unknown>;
  readonly effectiveDate: CivilDate;
  readonly letterDate?: CivilDate;
  /** The earliest effective date of the case's decisions. */
  readonly firstEffectiveDate: CivilDate;
}

/**
 * The case's latest decision with a calculation; with `calculationGiven` (the caller gives CMS's circumstances), its
 * latest decision of any kind, for its dates. @throws {InputError} naming caseId when it has none.
 */
export async function incomeChangeDecision(store: CaseStore, caseId: string, calculationGiven = false): Promise<IncomeChangeDecision> {
  const decisions = await store.decisions(caseId); // in effective-date order
  const latest = calculationGiven ? decisions.at(-1) : decisions.filter((d) => d.calculation).at(-1);
  if (!latest || (!calculationGiven && !latest.calculation)) {
    throw new InputError(
      'caseId',
      calculationGiven
        ? 'the case has no decisions yet; add the decision with add_decision, or leave caseId out and give decisionDate'
        : 'the case has no decision with the circumstances CMS used; add one with add_decision (with calculation), or give cmsCalculation',
    );
  }
  return {
    label: latest.label,
    calculation: latest.calculation ?? {},
    effectiveDate: latest.effectiveDate,
    ...(latest.letterDate ? { letterDate: latest.letterDate } : {}),
    firstEffectiveDate: decisions[0]!.effectiveDate,
  };
}
