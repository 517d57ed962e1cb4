/**
 * `start_a_case`: set up a case in Reckoner's store — the case, its decisions, its documents and what has
 * happened so far — so a dispute is kept between conversations; then the first letter most disputes start with
 * (a breakdown of the account), drafted from the case, kept and marked sent.
 * @module
 */
import { choice, referenceArg, SIDES, textArg } from './arguments.ts';
import { caseEvent, letters, tool } from './names.ts';
import { brief, definePrompt, groundRules, letterLine, letterSteps, steps, userDetails } from './prompt.ts';

export const startACasePrompt = definePrompt({
  name: 'start_a_case',
  title: 'Start a case',
  description:
    'Keep your child maintenance dispute in one place on this computer: your CMS decisions, statements, letters and ' +
    'deadlines, ready for checking and for letters.',
  argsSchema: {
    side: choice('side', SIDES, 'Which parent you are'),
    title: textArg('title', 'A name for the case that means something to you, e.g. "CMS arrears 2024"', 200),
    reference: referenceArg('reference', 'Your 12-digit CMS case reference, from any CMS letter'),
  },
  brief: (args) =>
    brief(
      'Start a case',
      'Help the user set up a case in Reckoner’s store, so that their decisions, statements, letters and deadlines are kept ' +
        'together and every later check works from them. The store is on this computer unless Reckoner has been set up with a ' +
        'shared database; it is private, and nothing is sent to CMS.',
      groundRules(),
      userDetails(args),
      steps([
        `Check first whether they already have one: ${tool.listCases}.`,
        'Ask, one thing at a time: a name for the case; the 12-digit CMS case reference; Direct Pay or Collect and Pay; how ' +
          'often payments fall due and the first due date (on the CMS payment schedule); the people (names as CMS has them) and ' +
          'the qualifying children. Only ask for an address if a letter will need it; if the other parent must not learn it, mark ' +
          'it withheld (addressWithheld) and tell the user it will not be shown again.',
        `Ask for every CMS decision letter: its effective date, the date of the letter and the weekly amount. Call ` +
          `${tool.createCase} with all this (the decisions can go in at once) and read the summary back to the user.`,
        `Each later decision goes in with ${tool.addDecision}.`,
        `Statements go in with ${tool.importDocument}: bank statements (PDF, CSV, OFX) and CMS statements or payment schedules ` +
          '(PDF), as a path on this computer when Reckoner runs locally, otherwise as their content (base64). Tell the user how ' +
          'many entries were added and about any warning, failed check or low confidence.',
        `What the user has only on paper or on screen goes in as printed: lines from a CMS letter or the online account with ` +
          `${tool.addCmsEntries}; payslip or benefit deductions and other payments they can show with ${tool.addEvidence}.`,
        `Record what has happened so far with ${tool.recordEvent}: each decision letter (type ${caseEvent('decision_letter_received')}, ` +
          `on the date printed on it), replies from CMS (e.g. ${caseEvent('dispute_reply_received')}), letters sent or received ` +
          `(${caseEvent('letter_sent')}, ${caseEvent('letter_received')}), enforcement (${caseEvent('enforcement')}), and calls ` +
          `(${caseEvent('call')}, and suggest confirming each call in writing). Reckoner works out the deadlines each starts; never type them in.`,
        `Show the user the case with ${tool.getCase}: what it holds and what falls due next. Once it holds decisions, ` +
          `${tool.buildCaseSchedule} shows what was due; once it holds statements too, ${tool.reconcileCase} checks the CMS ` +
          'record against the bank (CMS’s balance is read from the latest imported CMS statement).',
        `If the user disputes the balance, the first letter is usually ${letterLine(letters.accountBreakdown)}`,
        ...letterSteps({}),
        `Suggest keeping a copy of the whole case with ${tool.exportCase}.`,
        'Then offer the next step: checking a calculation, disputing a balance or challenging a decision.',
      ]),
    ),
});
