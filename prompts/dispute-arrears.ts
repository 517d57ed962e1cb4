/**
 * `dispute_arrears`: "CMS says I owe £X" / "CMS says they owe me": a case holding the decisions, CMS's record
 * and the bank statement; what was due, each entry CMS got wrong, then the letters drafted from the case, kept,
 * marked sent (their deadlines are Reckoner's), and the evidence bundle.
 * @module
 */
import { caseIdArg, dateArg, moneyArg, NATIONS, choice, optionalChoice, SIDES } from './arguments.ts';
import { caseEvent, letters, tool, type LetterRef } from './names.ts';
import { brief, caseStep, definePrompt, groundRules, letterLine, letterSteps, steps, userDetails } from './prompt.ts';

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
    const { accountBreakdown, subjectAccess, paymentDispute, enforcementPause, overpaymentRefund, directPayToCollectAndPay, complaint } =
      letters;
    const letterList = [
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
      groundRules(),
      userDetails(args),
      steps([
        'Tell the user the plan in a sentence or two: keep the CMS decisions, CMS’s record and their bank statements in a case, ' +
          'work out what was due, set it beside what CMS recorded and what their bank statement shows, find each entry that does ' +
          'not match, then write to CMS.',
        'Ask for the documents: the CMS statement or letter that gives the balance (and its date), and the CMS payment schedule if ' +
          `they have it; bank statements of the account the maintenance ${paying ? 'was paid from' : 'was paid into'}, covering ` +
          'the whole period in dispute; every CMS decision letter (effective date, date of the letter, weekly amount, Direct Pay ' +
          'or Collect and Pay); how often payments fall due and the first due date; and how maintenance payments appear on the ' +
          'bank statement (the payee name or reference), to pick them out. ' +
          (paying
            ? 'If money was taken from wages or a benefit, the payslips or benefit statements that show it (it never reaches the bank). '
            : '') +
          'On Direct Pay CMS records no payments: ask which missed payments were reported to CMS, and when.',
        caseStep(
          args.caseId,
          'the side, a title, the CMS case reference, Direct Pay or Collect and Pay, how often payments fall due and the first ' +
            'due date, and the people (names as CMS has them, and the user’s own address for letters)',
        ),
        `Each CMS decision the case does not hold yet goes in with ${tool.addDecision}: its effective date, the date on the ` +
          'letter and the weekly amount, exactly as the letter states them.',
        `Statements go in with ${tool.importDocument}: the CMS statement or payment schedule (PDF) and the bank statements ` +
          '(PDF, CSV, OFX), as a path on this computer when Reckoner runs locally, otherwise as their content (base64). Tell the ' +
          'user how many entries were added and about any warning, failed check or low confidence, and ask them to check those ' +
          'lines against the paper copy.',
        `What the user has only on paper or on screen goes in as printed: CMS’s entries from a letter or the online account ` +
          `(on Direct Pay, the missed payments they reported) with ${tool.addCmsEntries}; ` +
          `payslip or benefit deductions and other payments they can show with ${tool.addEvidence}, each with its date and amount.`,
        ...(paying
          ? []
          : [
              `On Direct Pay, each missed payment the user reported to CMS themselves goes in with ${tool.recordEvent}: type ` +
                `${caseEvent('call')} (or ${caseEvent('letter_sent')}), the day they reported it, and details { missedPaymentReport: ` +
                '{ dueDate, amount }, reference: the call reference }. A report CMS did not record is its error, and the payment ' +
                'dispute letter lists it.',
            ]),
        `Work out what was due: ${tool.buildCaseSchedule} with the caseId.`,
        `Reconcile: ${tool.reconcileCase} with the caseId and a bankFilter with the payee name or reference the user gave, to ` +
          'pick out the maintenance payments. CMS’s balance, and its payment plan, are read from the latest imported CMS ' +
          'statement and schedule; only when the balance is in a letter instead, give cmsClaim with the balance and the date as ' +
          'the user read them from that letter.',
        'Go through the result with the user, using only its figures: first the bridge — CMS’s figure, each kind of finding with ' +
          'its effect, and the recomputed balance it ends at (what is not yet due under the payment plan is not arrears) — then ' +
          'each finding, one at a time: what CMS recorded, what the evidence shows, in whose favour it is, and its effect. Ask the ' +
          'user whether each one matches what they know (a payment made another way may explain it). Fetch the next page with ' +
          'nextCursor until every one has been seen.',
        'Then the letters, usually in this order, each drafted from the case as the next steps say:\n' +
          letterList.map((s) => `   - ${s}`).join('\n'),
        ...letterSteps({
          afterwards:
            `When CMS replies, call ${tool.recordEvent} with the caseId, the kind of reply (e.g. ` +
            `${caseEvent('dispute_reply_received')}) and the day it arrived: a reply meets the deadline it answers.`,
        }),
        `If CMS does not put it right (a complaint, then the Independent Case Examiner, an MP or a tribunal), ` +
          `${tool.buildEvidenceBundle} with the caseId and who it is for gives one ordered PDF of the case to send them.`,
        paying
          ? 'Tell the user to keep paying the amount CMS set while the dispute runs: a dispute does not stop collection, and ' +
            'enforcement can carry on while it is looked at, which is why asking CMS in writing to hold enforcement matters.'
          : 'Tell the user that CMS keeps collecting at the amount it set while the dispute is looked at.',
      ]),
    );
  },
});
