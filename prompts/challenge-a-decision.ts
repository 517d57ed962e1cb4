/**
 * `challenge_a_decision`: the route against a CMS decision — mandatory reconsideration within its deadline
 * (late, if need be), then an appeal to the First-tier Tribunal — with the dates from `compute_deadlines`.
 * @module
 */
import { choice, dateArg, NATIONS, optionalChoice } from './arguments.ts';
import { caseEvent, deadlineEvent, letters, tool } from './names.ts';
import { brief, deadlinesOf, definePrompt, groundRules, letterLine, steps, userDetails } from './prompt.ts';

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
      groundRules({ caseKept: 'maybe' }),
      userDetails(args),
      steps([
        'Pin down the exact decision: the date on the letter, the effective date, and what kind of decision it is. A request must ' +
          'name the decision exactly.' +
          (appeal ? ' Ask also for the mandatory reconsideration notice and the date it was sent.' : ''),
        'Find out what the user thinks is wrong, in their words: the income, the children, the nights, a benefit, a variation. ' +
          `Where it is about the amount, call ${tool.calculateMaintenance} with date set to the effective date, once with the ` +
          'figures CMS used and once with the right ones, and show which inputs and trace steps differ, quoting their legal sources.',
        appeal
          ? `Get the dates: call ${deadlinesOf(tribunalAppeal)}, with asOf today. Tell the user the last day and that the appeal ` +
            'must reach the tribunal by then.'
          : `Get the dates: call ${deadlinesOf(reconsideration)}, with asOf today (or with events: ` +
            `${deadlineEvent('decision_letter_received')} on the date of the letter). Tell the user the last day.`,
        appeal
          ? `The letter is ${letterLine(tribunalAppeal)}`
          : `If the last day has not passed, the letter is ${letterLine(reconsideration)} If it has passed, the letter is ` +
            `${letterLine(lateReconsideration)}`,
        `Call ${tool.listLetterTypes} with the type to see the facts it needs, ask the user for them, then ${tool.draftLetter} ` +
          (appeal
            ? 'with the type and the facts'
            : 'with the type, the facts, calculation (the right circumstances) and cmsCalculation (the figures CMS used)') +
          '. Read the draft with the user; it drafts only. Its sendBy says how and where to send it, and its deadlines give the ' +
          'dates it starts.',
        'Tell the user that the decision stays in force while it is looked at again or appealed: the amount CMS set must still ' +
          'be paid until it changes.',
        appeal
          ? `Help the user keep a record: the date they send the appeal and the tribunal’s acknowledgement. If they keep a case ` +
            `in Reckoner, ${tool.saveLetter} keeps the letter and ${tool.markLetterSent} records the day it went, or ${tool.recordEvent} ` +
            `with type ${caseEvent('appeal_lodged')}.`
          : `Help the user keep a record: the date they send the request, and the notice when it comes (the appeal deadline runs ` +
            `from it: ${deadlinesOf(tribunalAppeal)}). If they keep a case in Reckoner, ${tool.saveLetter} keeps the letter and ` +
            `${tool.markLetterSent} records the day it went, or ${tool.recordEvent} with type ${caseEvent('mr_sent')}; the notice ` +
            `goes in as ${caseEvent('mr_notice_received')}.`,
      ]),
    );
  },
});
