/**
 * `dispute_arrears`: "CMS says I owe £X" / "CMS says they owe me": what was due from the decisions, the CMS
 * record against the bank statement, each entry CMS got wrong, then the letters and their deadlines.
 * @module
 */
import { caseIdArg, dateArg, moneyArg, NATIONS, choice, optionalChoice, SIDES } from './arguments.ts';
import { letters, tool, type LetterRef } from './names.ts';
import { brief, definePrompt, groundRules, letterLine, steps, userDetails } from './prompt.ts';

export const ENFORCEMENT = ['none', 'threatened', 'started'] as const;

/** Whether the catalogue lets this side send the letter. */
const sendable = (l: LetterRef, side: (typeof SIDES)[number]): boolean => l.sender === 'either' || l.sender === side;

export const disputeArrearsPrompt = definePrompt({
  name: 'dispute_arrears',
  title: 'Dispute arrears or a CMS balance',
  description:
    'CMS says you owe money, or that you have been paid, and you think it is wrong. Check the balance against your bank ' +
    'statements, find each entry CMS got wrong, and write to CMS with the evidence.',
  argsSchema: {
    side: choice('side', SIDES, 'Which parent you are: paying (CMS says you owe) or receiving (you are owed money)'),
    claimedBalance: moneyArg('claimedBalance', 'The balance CMS says is owed'),
    claimDate: dateArg('claimDate', 'The date of the CMS statement or letter that gives that balance'),
    enforcement: optionalChoice('enforcement', ENFORCEMENT, 'Whether CMS has threatened or started taking the money (enforcement)'),
    caseId: caseIdArg('caseId', 'Your Reckoner case, if you already keep one'),
    nation: optionalChoice('nation', NATIONS, 'Where you live, for the bank holidays in deadlines'),
  },
  brief: (args) => {
    const paying = args.side === 'paying';
    const urgent = paying && (args.enforcement === 'threatened' || args.enforcement === 'started');
    const withCase = args.caseId !== undefined;
    const { accountBreakdown, subjectAccess, paymentDispute, enforcementPause, overpaymentRefund, directPayToCollectAndPay, complaint } =
      letters;
    const letterSteps = [
      `${letterLine(accountBreakdown)}`,
      `${letterLine(subjectAccess)} Send it the same day as ${accountBreakdown.id}.`,
      `${letterLine(paymentDispute)} Only when the reconciliation found entries to dispute.`,
      sendable(enforcementPause, args.side) &&
        `${letterLine(enforcementPause)}${urgent ? ' The user says enforcement is threatened or has started: this one is urgent, draft it first.' : ''}`,
      sendable(overpaymentRefund, args.side) && `${letterLine(overpaymentRefund)} Only when the reconciliation shows an overpayment.`,
      sendable(directPayToCollectAndPay, args.side) &&
        `${letterLine(directPayToCollectAndPay)} Only when Direct Pay payments have been missed or late.`,
      `${letterLine(complaint)} When CMS does not answer, or will not explain the figures.`,
    ].filter((s): s is string => Boolean(s));

    return brief(
      'Dispute arrears or a CMS balance',
      (paying
        ? 'The user is the paying parent. CMS says they owe money (arrears) and they think the figure is wrong.'
        : 'The user is the receiving parent. CMS’s record of what they have been paid, or of what they are owed, looks wrong to them.') +
        ' Help them prove what is right with their own records, entry by entry, and write to CMS with the evidence. ' +
        'An arrears balance is not a decision that can be appealed: the way to challenge it is to ask CMS for the breakdown and ' +
        'for the case file, dispute the specific entries, and complain if CMS does not put them right. If the arrears come from a ' +
        'wrong decision (the wrong weekly amount), that decision has to be challenged too (mandatory reconsideration).',
      groundRules({ caseKept: withCase ? 'yes' : 'maybe' }),
      userDetails(args),
      steps([
        'Tell the user the plan in a sentence or two: work out what was due from the CMS decisions, set it beside what CMS ' +
          'recorded and what their bank statement shows, find each entry that does not match, then write to CMS.',
        'Ask for the documents: the CMS statement or letter that gives the balance (and its date), and the CMS payment schedule if ' +
          `they have it; bank statements of the account the maintenance ${paying ? 'was paid from' : 'was paid into'}, covering ` +
          'the whole period in dispute; every CMS decision letter (effective date, date of the letter, weekly amount, Direct Pay ' +
          'or Collect and Pay); how often payments fall due and the first due date; and how maintenance payments appear on the ' +
          'bank statement (the payee name or reference), to pick them out. ' +
          (paying
            ? 'If money was taken from wages or a benefit, the payslips or benefit statements that show it (it never reaches the bank). '
            : '') +
          'On Direct Pay CMS records no payments: ask which missed payments were reported to CMS, and when.',
        withCase
          ? `The user keeps a case in Reckoner (its id is in their details): call ${tool.getCase} to see what it holds, then ` +
            `${tool.importDocument} for each statement it does not have yet and ${tool.addDecision} for each missing decision.`
          : `Suggest keeping all this in a case, so nothing is lost between conversations: ${tool.createCase} (with the side and ` +
            `the decisions), then ${tool.importDocument} for each statement (${tool.listCases} finds a case they already have). ` +
            `If they would rather not, call ${tool.parseStatement} on each document and keep the transactions and CMS entries it returns.`,
        'Documents go in as a path on this computer when Reckoner runs locally, otherwise as their content (base64). Tell the user ' +
          'about any warning, failed check or low confidence, and ask them to check those lines against the paper copy.',
        `Work out what was due: ${withCase ? tool.buildCaseSchedule : `${tool.buildCaseSchedule} for a case, or ${tool.buildLiabilitySchedule} with the decisions, the frequency and the first due date`}.`,
        `Reconcile: ${withCase ? `${tool.reconcileCase} with the caseId` : `${tool.reconcileCase} for a case, or ${tool.reconcileLedger} with the decisions, side, the CMS entries and the bank transactions`}, ` +
          'a bankFilter that picks out the maintenance payments, payslip or benefit deductions as evidence, the missed-payment ' +
          'reports as CMS entries (Direct Pay), CMS’s payment plan if the user has it, and cmsClaim: the balance CMS claims (as ' +
          'one figure or by part: maintenance, collection fees, enforcement charges; for a receiving parent on Collect and Pay, ' +
          'whether it is gross or net of the 4%) and the date of the statement that gives it.',
        'Go through the result with the user, using only its figures: first the bridge — CMS’s figure, each kind of finding with ' +
          'its effect, and the recomputed balance it ends at (what is not yet due under the payment plan is not arrears) — then ' +
          'each finding, one at a time: what CMS recorded, what the evidence shows, in whose favour it is, and its effect. Ask the ' +
          'user whether each one matches what they know (a payment made another way may explain it). Fetch the next page with ' +
          'nextCursor until every one has been seen.',
        'Then the letters, usually in this order. For each one, call ' +
          `${tool.listLetterTypes} with its type to see the facts it needs, ask the user for them, then ${tool.draftLetter} ` +
          'with the type, the facts and reconciliation (what you gave the reconciliation, without page)' +
          `${withCase ? `, or ${tool.saveLetter} with the caseId once the user decides to send it` : ''}:\n` +
          letterSteps.map((s) => `   - ${s}`).join('\n'),
        `For each letter sent, call ${tool.computeDeadlines} with letter.type set to its id and letter.sentOn set to the day ` +
          `it is sent (for ${subjectAccess.id}: ${subjectAccess.clockFrom}), to get when a reply is due, when to chase and ` +
          'when to escalate, and give the user every date.',
        paying
          ? 'Tell the user to keep paying the amount CMS set while the dispute runs: a dispute does not stop collection, and ' +
            'enforcement can carry on while it is looked at, which is why asking CMS in writing to hold enforcement matters.'
          : 'Tell the user that CMS keeps collecting at the amount it set while the dispute is looked at.',
      ]),
    );
  },
});
