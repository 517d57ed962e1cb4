/**
 * The law as data, by date: every rate, threshold, table and fee is a parameter whose values each
 * carry the date they took effect and the legal reference for that value (OpenFisca / PolicyEngine
 * style). Asking for a date outside a parameter's coded range fails loudly.
 * @module
 */
import { compareDates, type CivilDate } from './dates.ts';
import { ReckonerError } from './errors.ts';

/** Where a rule or value comes from: a short legal citation and a link to the text. */
export interface Reference {
  /** e.g. "Child Support Act 1991 Sch 1 para 2(1)". */
  readonly title: string;
  /** e.g. "https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/2"; absent for Reckoner's own rules. */
  readonly href?: string;
}

/** A value in force from `from` until the next value's `from`. */
export interface DatedValue<T> {
  readonly from: CivilDate;
  readonly value: T;
  readonly reference: Reference;
}

export interface Parameter<T> {
  /** Dotted name, e.g. `scheme2012.rates.flat`. */
  readonly name: string;
  readonly description: string;
  readonly unit: 'GBP_per_week' | 'GBP' | 'percent' | 'nights' | 'count' | 'days' | 'table';
  /** Values in date order. */
  readonly values: readonly DatedValue<T>[];
}

/** A parameter value as used on a given date. */
export interface ResolvedValue<T> {
  readonly name: string;
  readonly value: T;
  readonly from: CivilDate;
  readonly reference: Reference;
}

/** Thrown when a calculation is asked for a date the coded law does not cover. */
export class OutOfCoverageError extends ReckonerError {
  override name = 'OutOfCoverageError';
  /** `message` says which dates are covered; `field` is the input's date that falls outside them. */
  constructor(message: string, field = 'date') {
    super('unsupported', [{ field, message }]);
    this.message = message;
  }
}

export function defineParameter<T>(parameter: Parameter<T>): Parameter<T> {
  for (let i = 1; i < parameter.values.length; i++) {
    if (compareDates(parameter.values[i - 1]!.from, parameter.values[i]!.from) >= 0) {
      throw new Error(`${parameter.name}: values must be in strictly increasing date order`);
    }
  }
  return parameter;
}

/** The value of `parameter` in force on `date`. */
export function valueOn<T>(parameter: Parameter<T>, date: CivilDate): ResolvedValue<T> {
  let found: DatedValue<T> | undefined;
  for (const v of parameter.values) {
    if (compareDates(v.from, date) <= 0) found = v;
  }
  if (!found) {
    const first = parameter.values[0]?.from ?? 'never';
    throw new OutOfCoverageError(`${parameter.name} has no value before ${first}; ${date} is outside the coded law`);
  }
  return { name: parameter.name, value: found.value, from: found.from, reference: found.reference };
}
