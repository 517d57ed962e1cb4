import { formatMoney } from '../../../calc/money.ts';
import { calculateMaintenance, type MaintenanceInput, type MaintenanceResult } from '../../../calc/scheme-2012/calculate.ts';

export const DATE = '2026-04-06';

/** `n` children for one receiving parent, each with the given nights. */
export function kids(...nights: number[]): { nightsPerYear: number }[] {
  return nights.map((n) => ({ nightsPerYear: n }));
}

export function calc(input: Omit<MaintenanceInput, 'date'> & { date?: string }): MaintenanceResult {
  return calculateMaintenance({ date: DATE, ...input });
}

/** The weekly amount as the JSON contract writes it. */
export function weekly(input: Omit<MaintenanceInput, 'date'> & { date?: string }): string {
  return formatMoney(calc(input).weeklyAmount);
}

/** Each receiving parent's weekly amount. */
export function shares(input: Omit<MaintenanceInput, 'date'> & { date?: string }): string[] {
  return calc(input).receivingParents.map((p) => formatMoney(p.weeklyAmount));
}
