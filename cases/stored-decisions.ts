/**
 * Errors about decisions the caller never typed: calc names `decisions[i]`, but a stored case's decisions were
 * added one by one with add_decision, so the error names the stored decision by its label instead.
 * @module
 */
import { InputError } from '../calc/errors.ts';

/** Runs `work` on input assembled from a case: an error about `decisions[i]` names the stored decision instead. */
export function aboutStoredDecisions<T>(input: { readonly decisions: readonly { readonly id?: string }[] }, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const m = /^(?:schedule\.)?decisions\[(\d+)\](.*)$/.exec(error.field);
    if (!m) throw error;
    const label = input.decisions[Number(m[1])]?.id ?? m[1];
    throw new InputError(
      `decision "${label}"${m[2]}`,
      `${error.message.slice(error.field.length + 2)} (a decision stored in the case: correct it, or add the missing one with add_decision)`,
    );
  }
}
