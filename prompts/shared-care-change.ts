/**
 * `shared_care_change`: what happens to the amount when the nights a child stays with the paying parent
 * change: `calculate_maintenance` for the current nights and for the new ones, side by side; then the change
 * reported to CMS in a letter drafted from the case, kept and marked sent, and CMS's new decision recorded.
 * @module
 */
import { caseIdArg, dateArg, nightsArg, optionalChoice, SIDES } from './arguments.ts';
import { caseEvent, letters, tool } from './names.ts';
import { brief, caseStep, definePrompt, groundRules, letterLine, letterSteps, steps, userDetails } from './prompt.ts';

const { changeOfCircumstances, reconsideration } = letters;

export const sharedCareChangePrompt = definePrompt({
  name: 'shared_care_change',
  title: 'What if the overnight stays change?',
  description:
    'See what happens to the weekly child maintenance when the number of nights the children stay with the paying parent ' +
    'changes, and how to tell CMS.',
  argsSchema: {
    side: optionalChoice('side', SIDES, 'Which parent you are'),
    currentNights: nightsArg('currentNights', 'Nights a year the child stays with the paying parent now (as CMS has it)'),
    newNights: nightsArg('newNights', 'Nights a year the child will stay with the paying parent after the change'),
    changeDate: dateArg('changeDate', 'When the new pattern starts'),
    caseId: caseIdArg('caseId', 'Your Reckoner case, if you already keep one'),
  },
  brief: (args) =>
    brief(
      'What if the overnight stays change?',
      'The nights the children stay overnight with the paying parent are changing, or may change. Show the user what the ' +
        'weekly amount is now and what it would be after the change, each from Reckoner, and how to tell CMS.',
      groundRules(),
      userDetails(args),
      steps([
        'Ask for what the calculation needs, one thing at a time: which parent the user is; the paying parent’s gross weekly ' +
          'income (the figure on the latest CMS decision letter will do) and anything else that letter used (other children in ' +
          'the household, a benefit, a variation, Direct Pay or Collect and Pay); and, for each child, the nights a year they ' +
          'stay with the paying parent now and after the change.',
        'Nights are the user’s own figures. If they only know the pattern (say, every other weekend), help them count the nights ' +
          'over the next twelve months on a calendar and ask them to confirm each total: it is their figure, not yours. Nights ' +
          'count when the child stays overnight with the paying parent; CMS may ask for evidence (a diary, a court order, messages).',
        caseStep(args.caseId, 'the side, a title, the 12-digit CMS case reference and the user’s name and address as CMS has them'),
        `Put the latest decision on the case, if it is not there: ${tool.addDecision} with the caseId, its effective date, the ` +
          'date on the letter and, as calculation, the circumstances it used (with the current nights), exactly as the letter ' +
          'gives them.',
        `Call ${tool.calculateMaintenance} twice with the same date (the day the new pattern starts, or today) and the same ` +
          'circumstances, changing only nightsPerYear: once with the current nights, once with the new.',
        'Show the two results side by side: the weekly amount, the amount at the payment frequency (perFrequency) and the ' +
          'shared care fraction of each. Do not work out the difference yourself. Explain what changed by quoting the shared care ' +
          'steps of both traces with their legal sources: which band of nights each falls in and what each band takes off.',
        `Nothing changes until CMS makes a new decision. To tell CMS in writing: ${letterLine(changeOfCircumstances)}`,
        ...letterSteps({
          calculation: 'the new circumstances, with the new nights (as for the second calculation)',
          afterwards:
            `When CMS’s new decision arrives, call ${tool.recordEvent} with the caseId, type ` +
            `${caseEvent('decision_letter_received')} and the date printed on it (Reckoner works out the last day to challenge ` +
            `it), and add it with ${tool.addDecision}. Check it: it should match the second result. If it gets the nights ` +
            `wrong: ${letterLine(reconsideration)}`,
        }),
      ]),
    ),
});
