/**
 * `check_my_calculation`: the user has a CMS calculation or decision letter. The decision goes on a case (with
 * the circumstances CMS used, and the letter's arrival, which starts the reconsideration clock); the weekly
 * amount is checked with `calculate_maintenance` on the decision's date; a mandatory reconsideration is drafted
 * from the case, kept, and marked sent, so its deadlines are Reckoner's.
 * @module
 */
import { caseIdArg, dateArg, moneyArg, optionalChoice, SIDES } from './arguments.ts';
import { caseEvent, letters, tool } from './names.ts';
import { brief, caseStep, definePrompt, groundRules, letterLine, letterSteps, steps, userDetails } from './prompt.ts';

const { reconsideration, lateReconsideration, incomeChallenge, variation } = letters;

export const checkMyCalculationPrompt = definePrompt({
  name: 'check_my_calculation',
  title: 'Check my CMS calculation',
  description:
    'Check the weekly amount on a Child Maintenance Service calculation or decision letter against the law, step by step; ' +
    'if it is wrong, find out why and challenge it in time.',
  argsSchema: {
    side: optionalChoice('side', SIDES, 'Which parent you are'),
    decisionDate: dateArg('decisionDate', 'The date printed on the CMS decision letter'),
    effectiveDate: dateArg('effectiveDate', 'The effective date on the letter: the day the new amount starts'),
    cmsWeeklyAmount: moneyArg('cmsWeeklyAmount', 'The weekly amount the letter says'),
    caseId: caseIdArg('caseId', 'Your Reckoner case, if you already keep one'),
  },
  brief: (args) =>
    brief(
      'Check my CMS calculation',
      'The user has a Child Maintenance Service (CMS) calculation or decision letter and wants to know whether the amount ' +
        'is right. Help them check it with Reckoner and, if it is wrong, challenge it in time.',
      groundRules(),
      userDetails(args),
      steps([
        'Ask for the decision letter, if you do not have its details yet. From it you need: the date on the letter, the ' +
          'effective date (the day the amount starts), the weekly amount CMS worked out, and the figures CMS used: the paying ' +
          'parent’s gross weekly income, the children, the nights each child stays with the paying parent, other children in ' +
          'the paying parent’s household, any benefit, any variation, and whether it is Direct Pay or Collect and Pay.' +
          (args.side ? '' : ' Ask which parent the user is.'),
        'Ask about the circumstances as they really were on the effective date, one thing at a time: the paying parent’s gross ' +
          'income (before tax and National Insurance) and how often it is paid, and pension contributions the employer did not ' +
          'already take off; whether the paying parent (or their partner) gets a benefit that leads to the flat rate, or a reason ' +
          'for the nil rate (such as being in prison or in a care home); each qualifying child and the nights a year they stay ' +
          'overnight with the paying parent; children in the paying parent’s household for whom they or their partner get child ' +
          'benefit, and the paying parent’s children under another maintenance arrangement; any variation CMS agreed.',
        caseStep(args.caseId, 'the side, a title, the 12-digit CMS case reference and the user’s name and address as CMS has them'),
        `Put the decision on the case, if it is not there yet: ${tool.addDecision} with the caseId and the decision as its letter states it — the ` +
          'effective date, the date on the letter, and as calculation the circumstances CMS used, exactly as the letter gives ' +
          `them — so the case holds CMS’s figures. Then ${tool.recordEvent} with the caseId, type ` +
          `${caseEvent('decision_letter_received')} and the date printed on the letter: Reckoner works out from it the last day ` +
          'to ask for a mandatory reconsideration.',
        `Call ${tool.calculateMaintenance} twice, both times with date set to the decision’s effective date (not today): first ` +
          'with the figures CMS used, exactly as the letter states them; then with the circumstances the user says are right.',
        'Compare, using only the tool results. If the first result’s weekly amount is not the amount on the letter, CMS’s working ' +
          'differs from the law: go through the trace step by step beside the breakdown on the letter and show the first step ' +
          'where they part. If the second result differs from the letter, name each input that differs (CMS’s figure and the ' +
          'right one) and the trace steps it changes, quoting each step’s legal source. If both agree with the letter, say so ' +
          'plainly: the amount is right for those circumstances, and there is nothing to challenge.',
        `If the amount is wrong, the route is a mandatory reconsideration, ${letterLine(reconsideration)} ${tool.getCase} ` +
          'with the caseId shows its last day as it stands today. If that day has passed, the letter is ' +
          `${letterLine(lateReconsideration)} Other letters may fit better: if the paying parent’s income now is very different ` +
          `from the figure CMS used, ${letterLine(incomeChallenge)} If the calculation leaves out special expenses or additional ` +
          `income, ${letterLine(variation)}`,
        ...letterSteps({
          calculation:
            'the circumstances the user says are right (as for the second calculation, without the date; CMS’s come from the case)',
          afterwards:
            `When CMS’s answer (the mandatory reconsideration notice) arrives, call ${tool.recordEvent} with the caseId, type ` +
            `${caseEvent('mr_notice_received')} and the date on it: Reckoner works out the time for an appeal from it.`,
        }),
        'Tell the user that the decision stays in force while CMS looks at it again' +
          (args.side === 'paying'
            ? ', so they should keep paying the amount CMS set until it changes.'
            : args.side === 'receiving'
              ? ', so payments continue at the amount CMS set until it changes.'
              : ': the amount CMS set must still be paid until it changes.'),
      ]),
    ),
});
