/**
 * A stored decision as calc's schedule takes it: the one mapping, used by the store (to check a decision as it is
 * added) and by the case service (to build the schedule). Pure: it loads no database code.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import type { DecisionInput } from '../calc/schedule/types.ts';
import type { MaintenanceInput } from '../calc/scheme-2012/calculate.ts';
import type { DecisionRecord } from './types.ts';

const opt = <K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } =>
  (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };

/** A stored decision as calc takes it: its label is its id in schedules and traces. */
export function decisionInput(d: DecisionRecord): DecisionInput {
  return {
    id: d.label,
    effectiveDate: d.effectiveDate,
    ...opt('letterDate', d.letterDate),
    ...opt('weeklyAmount', d.weeklyAmount),
    ...opt('calculation', d.calculation as (Omit<MaintenanceInput, 'date'> & { date?: CivilDate }) | undefined),
    ...opt('service', d.service),
    ...opt('receivingParentId', d.receivingParentId),
  };
}
