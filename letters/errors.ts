/**
 * The refusal of a draft: every problem at once (each missing fact with what it is, each computation a figure
 * needs), so the parent can put everything right in one go.
 * @module
 */
import { InputError, type Problem } from '../calc/errors.ts';

/** One problem with a draft's input: the field, written as in the input (`facts.sender.name`), and what to do. */
export type LetterProblem = Problem;

/**
 * A draft refused for one or more problems: an {@link InputError} (code `invalid_input`) with one problem per
 * fact or computation, and a headline naming the letter when there are several. Its message is one line per
 * problem, so MCP shows each on its own line and HTTP gives one `details` entry each.
 */
export class LetterInputError extends InputError {
  override name = 'LetterInputError';

  constructor(letter: string, problems: readonly LetterProblem[]) {
    super(problems, {
      headline: `The ${letter} letter cannot be drafted until ${problems.length === 1 ? 'this problem is' : `these ${problems.length} problems are`} put right (list_letter_types describes every fact):`,
    });
  }
}
