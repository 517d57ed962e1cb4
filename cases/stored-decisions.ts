/**
 * Errors about decisions the caller never typed: calc names `decisions[i]`, but a stored case's decisions were
 * added one by one with add_decision, so the error names the stored decision by its label instead.
 * @module
 */
import { InputError, type Problem } from '../calc/errors.ts';

/** Runs `work` on input assembled from a case: an error about `decisions[i]` names the stored decision instead. */
export function aboutStoredDecisions<T>(input: { readonly decisions: readonly { readonly id?: string }[] }, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const named = (p: Problem): Problem => {
      const m = /^(?:schedule\.)?decisions\[(\d+)\](.*)$/.exec(p.field);
      if (!m) return p;
      const label = input.decisions[Number(m[1])]?.id ?? m[1];
      return {
        field: `decision "${label}"${m[2]}`,
        message: `${p.message} (a decision stored in the case: correct it, or add the missing one with add_decision)`,
      };
    };
    if (!error.problems.some((p) => named(p) !== p)) throw error;
    throw error.withProblems(named);
  }
}
