/**
 * Traces: the ordered steps behind every figure, each with the legal source of its rule or rate,
 * in the spirit of OpenFisca's computation log and Catala's law headings.
 * @module
 */
import type { Reference } from './parameters.ts';

/** One step of a calculation as a parent or adviser can check it by hand. */
export interface TraceStep {
  /** Stable identifier of the step, snake_case (e.g. `relevant_other_children_reduction`). */
  readonly step: string;
  /** What was done, in plain words with the arithmetic. */
  readonly description: string;
  /** The result of the step: money as "62.86", or a fraction, count or rate name. */
  readonly value: string;
  /** The legal source of the rule or rate used, e.g. "Child Support Act 1991 Sch 1 para 2(1)". */
  readonly citation: string;
  /** Where the source can be read. */
  readonly href?: string;
}

/** One step as plain data, its keys always in this order (step, description, value, citation, href when there is one). */
export function traceStep(step: string, description: string, value: string, source: Reference): TraceStep {
  const href = source.href;
  return href ? { step, description, value, citation: source.title, href } : { step, description, value, citation: source.title };
}

/** Collects trace steps in order. */
export class Trace {
  readonly #steps: TraceStep[] = [];

  add(step: string, description: string, value: string, source: Reference): void {
    this.#steps.push(traceStep(step, description, value, source));
  }

  get steps(): readonly TraceStep[] {
    return this.#steps;
  }
}

/** Steps as sentences, in order: each description ends with a full stop (written here, once, for every reader). */
export function sentencesOf(steps: readonly TraceStep[]): string {
  return steps
    .map((s) => {
      const t = s.description.trim();
      return t.endsWith('.') ? t : `${t.replace(/;$/, '')}.`;
    })
    .join(' ');
}

/** The legal sources of some steps, each once, in order. */
export function citationsOf(steps: readonly TraceStep[]): string {
  return [...new Set(steps.map((s) => s.citation))].join('; ');
}
