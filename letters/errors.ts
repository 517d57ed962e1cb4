/**
 * The refusal of a draft: every problem at once (each missing fact with what it is, each computation a figure
 * needs), so the parent can put everything right in one go.
 * @module
 */
import { InputError } from '../calc/errors.ts';

/** One problem with a draft's input: the field, written as in the input (`facts.sender.name`), and what to do. */
export interface LetterProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * A draft refused for one or more problems. It is an {@link InputError} (so every adapter reports it as bad
 * input) whose field is the first problem's and whose message goes on to list the rest, so that
 * `field: message` reads as the whole list.
 */
export class LetterInputError extends InputError {
  override name = 'LetterInputError';
  readonly problems: readonly LetterProblem[];

  constructor(letter: string, problems: readonly LetterProblem[]) {
    const [first, ...rest] = problems;
    const tail = rest.map((p) => `${p.field}: ${p.message}`);
    const summary =
      problems.length === 1
        ? ` (the ${letter} letter cannot be drafted until this is put right)`
        : ` (the ${letter} letter cannot be drafted until these ${problems.length} problems are put right; list_letter_types describes every fact)`;
    super(first!.field, [first!.message, ...tail].join('; ') + summary);
    this.problems = problems;
  }
}
