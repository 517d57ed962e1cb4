/**
 * `challenge_a_decision`: the route against a CMS decision — mandatory reconsideration within its deadline
 * (late, if need be), then an appeal to the First-tier Tribunal. The decision and the letter that started the
 * clock go on a case, so the deadlines are Reckoner's; the letter is drafted from the case, kept and marked sent.
 * @module
 */
import { caseIdArg, choice, dateArg, NATIONS, optionalChoice } from './arguments.ts';
import { caseEvent, letters, tool } from './names.ts';
import { brief, caseStep, definePrompt, groundRules, letterLine, letterSteps, steps, userDetails } from './prompt.ts';

/** Where the user is: a decision to ask CMS to look at again, or a reconsideration notice to appeal against. */
export const STAGES = ['decision', 'reconsidered'] as const;

const { reconsideration, lateReconsideration, tribunalAppeal } = letters;

export const challengeADecisionPrompt = definePrompt({
  name: 'challenge_a_decision',
  title: 'Challenge a CMS decision',
  description:
    'Ask CMS to look at a decision again (mandatory reconsideration), and appeal to the tribunal if it will not change it: ' +
    'which letter, by when, and what to put in it.',
  argsSchema: {
    stage: choice(
      'stage',
      STAGES,
      'Where you are: decision (you have a decision letter you think is wrong) or reconsidered (CMS has looked again and sent a mandatory reconsideration notice)',
    ),
    letterDate: dateArg('letterDate', 'The date printed on that letter (the decision letter, or the reconsideration notice)'),
    nation: optionalChoice('nation', NATIONS, 'Where you live, for the bank holidays in deadlines'),
    caseId: caseIdArg('caseId', 'Your Reckoner case, if you already keep one'),
  },
  brief: (args) => {
    const appeal = args.stage === 'reconsidered';
    return brief(
      'Challenge a CMS decision',
      'The user thinks a Child Maintenance Service decision is wrong. The route is: first a mandatory reconsideration (CMS ' +
        'looks at the decision again), then, if CMS does not change it, an appeal to the First-tier Tribunal against the ' +
        'mandatory reconsideration notice. Only decisions go this way (a calculation, a revised or default decision, a ' +
        'variation, a refusal); a disputed arrears balance or payment record is challenged by asking CMS for the breakdown and ' +
        'disputing the entries instead. ' +
        (appeal
          ? 'The user says CMS has already looked again and sent its notice: help them appeal.'
          : 'The user has a decision letter: help them ask for a mandatory reconsideration in time.'),
      groundRules(),
      userDetails(args),
      steps([
        'Pin down the exact decision: the date on the letter, the effective date, and what kind of decision it is. A request must ' +
          'name the decision exactly.' +
          (appeal ? ' Ask also for the mandatory reconsideration notice and the date on it.' : ''),
        caseStep(args.caseId, 'the side, a title, the 12-digit CMS case reference and the user’s name and address as CMS has them'),
        `Put the decision on the case, if it is not there yet: ${tool.addDecision} with the caseId and the decision as its letter states it — the ` +
          'effective date, the date on the letter, and the weekly amount, or, where the amount is in dispute, as calculation the ' +
          'circumstances CMS used, exactly as the letter gives them.',
        appeal
          ? `Record the notice: ${tool.recordEvent} with the caseId, type ${caseEvent('mr_notice_received')} and the date on ` +
            'the notice. Reckoner works out from it the last day for the appeal to reach the tribunal: tell the user that day.'
          : `Record the letter: ${tool.recordEvent} with the caseId, type ${caseEvent('decision_letter_received')} and the date ` +
            'printed on the decision letter. Reckoner works out from it the last day to ask for a mandatory reconsideration: ' +
            'tell the user that day.',
        'Find out what the user thinks is wrong, in their words: the income, the children, the nights, a benefit, a variation. ' +
          `Where it is about the amount, call ${tool.calculateMaintenance} with date set to the effective date, once with the ` +
          'figures CMS used and once with the right ones, and show which inputs and trace steps differ, quoting their legal sources.',
        appeal
          ? `The letter is ${letterLine(tribunalAppeal)}`
          : `If the last day has not passed, the letter is ${letterLine(reconsideration)} If it has passed, the letter is ` +
            `${letterLine(lateReconsideration)}`,
        ...letterSteps({
          calculation: appeal
            ? 'the circumstances the user says are right, where the appeal is about the amount'
            : 'the circumstances the user says are right (CMS’s come from the case)',
          afterwards: appeal
            ? `When the tribunal writes (an acknowledgement, a hearing date), call ${tool.recordEvent} with the caseId, type ` +
              `${caseEvent('letter_received')} and the day it arrived.`
            : `When CMS’s mandatory reconsideration notice arrives, call ${tool.recordEvent} with the caseId, type ` +
              `${caseEvent('mr_notice_received')} and the date on it: Reckoner works out the time for an appeal from it.`,
        }),
        'Tell the user that the decision stays in force while it is looked at again or appealed: the amount CMS set must still ' +
          'be paid until it changes.',
      ]),
    );
  },
});
