/**
 * Refusals: a missing fact (every one listed, with what it is), a figure with no computation behind it, an
 * unknown letter type, money or another person's address written into a fact, and facts that contradict the
 * letter's own time limits.
 */
import { describe, expect, test } from 'vitest';
import { InputError } from '../../calc/errors.ts';
import { draftLetter, LetterInputError, type DraftInput } from '../../letters/index.ts';
import { CASES, PAYING_PARENT, reconciliation, SENT_ON } from './fixture.ts';

/** The refusal's full message (one `field: message` line per problem, as adapters report it) and its problems. */
function refusal(input: DraftInput): { message: string; problems: readonly { field: string; message: string }[] } {
  try {
    draftLetter(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const err = e as InputError;
    return {
      message: err.message,
      problems: e instanceof LetterInputError ? e.problems : [],
    };
  }
  throw new Error('the draft was not refused');
}

const input = (type: string) => CASES[type]!.input;

describe('a missing fact', () => {
  test('empty facts: every required fact is listed, each with what it is', () => {
    const { message, problems } = refusal({
      type: 'mandatory_reconsideration',
      facts: {},
      sentOn: SENT_ON,
      calculation: input('mandatory_reconsideration').calculation!,
    });
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['facts.sender', 'facts.caseReference', 'facts.senderRole', 'facts.decision', 'facts.grounds']),
    );
    expect(message).toContain('facts.caseReference: is missing — Your 12-digit CMS case reference, starting 121');
    expect(message).toContain('facts.decision: is missing — The CMS decision, exactly as its letter names it');
    expect(message).toContain('facts.grounds: is missing — Why the decision is wrong');
    expect(message).toMatch(/mandatory_reconsideration letter cannot be drafted until these \d+ problems are put right/);
  });

  test('nested facts are named by their path', () => {
    const facts = { ...input('mandatory_reconsideration').facts, sender: { name: 'Jordan Ellis' }, decision: { type: 'annual_review' } };
    const { problems } = refusal({ ...input('mandatory_reconsideration'), facts });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'facts.decision.letterDate', message: 'is missing — The date printed on the decision letter, YYYY-MM-DD' },
        expect.objectContaining({ field: 'facts.sender.address', message: expect.stringContaining('addressWithheld: true') }),
      ]),
    );
  });

  test('a letter that needs identity (SAR) requires date of birth and NI number', () => {
    const { name, address } = PAYING_PARENT;
    const { problems } = refusal({
      ...input('subject_access_request'),
      facts: { ...input('subject_access_request').facts, sender: { name, address } },
    });
    expect(problems.map((p) => p.field)).toEqual(['facts.sender.dateOfBirth', 'facts.sender.nationalInsuranceNumber']);
  });

  test('a wrong case reference, a misspelt fact and a bad date are each explained', () => {
    const facts = { ...input('payment_dispute').facts, caseReference: '12345', holdEnforcment: true };
    const { message } = refusal({ ...input('payment_dispute'), facts });
    expect(message).toContain('facts.caseReference: must be the 12-digit CMS case reference starting 121');
    expect(message).toContain('unknown fact "holdEnforcment"');
    const late = refusal({
      ...input('complaint_escalation'),
      facts: { ...input('complaint_escalation').facts, complaintDate: '2026-02-30' },
    });
    expect(late.message).toContain('facts.complaintDate: must be a real date written YYYY-MM-DD');
  });

  test('an address given as one piece of text gets one problem, saying to give a list of lines', () => {
    // An audit (F14) was told both "expected array, received string" and "give at most 7 address lines", for three lines.
    const sender = { ...PAYING_PARENT, address: '14 Elm Row\nLeeds\nLS6 2AB' };
    const { problems } = refusal({ ...input('payment_dispute'), facts: { ...input('payment_dispute').facts, sender } });
    expect(problems).toEqual([
      {
        field: 'facts.sender.address',
        message: 'give the address as a list of lines, one per item ending with the postcode, e.g. ["14 Elm Row","Leeds","LS6 2AB"]',
      },
    ]);
  });

  test('a missing fact that is one of a list says it is missing, what it is, and the list', () => {
    // An audit (F14) was told "facts.statedIn: must be one of letter, …", not that it was missing.
    const { statedIn: _, ...facts } = input('account_breakdown_request').facts as Record<string, unknown>;
    const { problems } = refusal({ ...input('account_breakdown_request'), facts });
    expect(problems).toEqual([
      {
        field: 'facts.statedIn',
        message:
          'is missing — Where CMS gave the balance you dispute: one of letter, statement_of_account, online_account, phone_call, arrears_notice, payment_plan, enforcement_notice',
      },
    ]);
    // Every such fact, nested ones too; one given but not on the list is still told the list.
    const mr = input('mandatory_reconsideration');
    const nested = refusal({ ...mr, facts: { ...mr.facts, decision: { letterDate: '2026-03-02' } } });
    expect(nested.problems).toEqual([
      {
        field: 'facts.decision.type',
        message:
          'is missing — What kind of decision it is: one of maintenance_calculation, annual_review, supersession, revision, variation_decision, default_maintenance_decision, interim_maintenance_decision, refusal_to_supersede, refusal_to_revise',
      },
    ]);
    const wrong = refusal({ ...input('account_breakdown_request'), facts: { ...facts, statedIn: 'email' } });
    expect(wrong.problems).toEqual([
      {
        field: 'facts.statedIn',
        message:
          'must be one of letter, statement_of_account, online_account, phone_call, arrears_notice, payment_plan, enforcement_notice',
      },
    ]);
  });
});

describe('a figure with no computation behind it', () => {
  test('a reconsideration without a calculation says what to give', () => {
    const { calculation: _c, cmsCalculation: _m, ...rest } = input('mandatory_reconsideration');
    const { problems } = refusal(rest);
    expect(problems).toEqual([
      {
        field: 'calculation',
        message: expect.stringMatching(
          /^is missing — the letter quotes the correct weekly maintenance.*never typed in\. Give calculation \(a calculate_maintenance input/,
        ),
      },
    ]);
  });

  test('missing facts and missing computations are refused together', () => {
    const { problems } = refusal({
      type: 'income_challenge',
      facts: { ...input('income_challenge').facts, taxYear: undefined },
      sentOn: SENT_ON,
    });
    expect(problems.map((p) => p.field)).toEqual(['facts.taxYear', 'calculation', 'cmsCalculation']);
  });

  test('a change of income needs the new calculation; a change of address does not', () => {
    const { calculation: _c, ...rest } = input('change_of_circumstances');
    expect(refusal(rest).problems).toEqual([
      expect.objectContaining({ field: 'calculation', message: expect.stringContaining('a change in income changes the amount') }),
    ]);
    const address = { ...rest, facts: { ...rest.facts, change: 'address', details: 'I have moved house' } };
    expect(draftLetter(address).figures).toEqual([]);
  });

  test('a balance letter needs CMS’s claim; a dispute needs disputed entries; a refund needs an overpayment', () => {
    const { cmsClaim: _claim, ...rest } = reconciliation;
    const noClaim = { ...rest, schedule: { ...rest.schedule, asOf: '2026-03-09' } };
    expect(refusal({ ...input('account_breakdown_request'), reconciliation: noClaim }).problems).toEqual([
      expect.objectContaining({ field: 'reconciliation.cmsClaim' }),
    ]);
    const agreeing = { ...reconciliation, cmsEntries: [], bankTransactions: [] };
    expect(refusal({ ...input('payment_dispute'), reconciliation: agreeing }).message).toContain(
      'reconciliation.bankTransactions: is missing',
    );
    expect(refusal({ ...input('overpayment_refund'), reconciliation }).message).toContain('shows no overpayment');
    expect(refusal({ ...input('direct_pay_to_collect_and_pay'), reconciliation }).message).toContain(
      'reconciliation.side: must be "receiving"',
    );
  });

  test('a computation a letter does not use is refused, not ignored', () => {
    expect(refusal({ ...input('subject_access_request'), reconciliation }).problems).toEqual([
      expect.objectContaining({ field: 'reconciliation', message: expect.stringContaining('quotes no figures') }),
    ]);
  });

  test('a bad computation input names the field inside it', () => {
    const calc = { ...input('deo_request').calculation!, payingParent: { income: { amount: -5, period: 'year' as const } } };
    expect(refusal({ ...input('deo_request'), calculation: calc }).message).toMatch(
      /^calculation\.payingParent\.income\.amount: must not be negative/,
    );
  });

  test('money typed into a fact is refused, pointing to the computations', () => {
    for (const text of ['I have paid £1,200 more than I owed', 'CMS took 433.33 from my account', 'about 300 pounds']) {
      const facts = { ...input('complaint').facts, impact: text };
      const { problems } = refusal({ ...input('complaint'), facts });
      expect(problems).toEqual([{ field: 'facts.impact', message: expect.stringContaining('must not state an amount of money') }]);
    }
  });
});

describe('safety and honesty in the facts', () => {
  test('a postcode in a written fact is refused: it may be another person’s address', () => {
    const facts = { ...input('complaint').facts, impact: 'The other parent now lives at 3 Elm Road, ZZ5 6QT' };
    expect(refusal({ ...input('complaint'), facts }).problems).toEqual([
      { field: 'facts.impact', message: expect.stringContaining('never carry another person’s address') },
    ]);
  });

  test('a placeholder in a written fact is refused', () => {
    const facts = { ...input('complaint').facts, whatWentWrong: ['TODO fill this in'] };
    expect(refusal({ ...input('complaint'), facts }).message).toContain('still holds a placeholder');
  });

  test('an address withheld from an MP needs another way to reply', () => {
    const facts = { ...input('mp_letter').facts, sender: { name: 'Alex Morgan', addressWithheld: true } };
    expect(refusal({ ...input('mp_letter'), facts }).problems).toEqual([expect.objectContaining({ field: 'facts.sender.email' })]);
  });

  test('the tribunal needs an address; a confidential one is asked for instead of withholding it', () => {
    const facts = { ...input('tribunal_appeal').facts, sender: { name: 'Alex Morgan', addressWithheld: true, email: 'a@example.org' } };
    expect(refusal({ ...input('tribunal_appeal'), facts }).message).toContain('set confidentialAddress: true');
  });

  test('an MP letter needs consent', () => {
    const facts = { ...input('mp_letter').facts, consent: false };
    expect(refusal({ ...input('mp_letter'), facts }).message).toContain('facts.consent: must be true');
  });
});

describe('time limits the facts contradict', () => {
  test('a reconsideration after 30 days points to the late one, and a late one within 30 days to the ordinary one', () => {
    expect(refusal({ ...input('mandatory_reconsideration'), sentOn: '2026-04-02' }).message).toContain(
      'the 30 days for a mandatory reconsideration of the decision dated 2026-03-02 ended on 2026-04-01; use late_mandatory_reconsideration (L18)',
    );
    expect(refusal({ ...input('late_mandatory_reconsideration'), sentOn: '2026-04-01' }).message).toContain(
      'use mandatory_reconsideration (L03)',
    );
  });

  test('an appeal after the month needs reasons; a deduction order appeal after 28 days is refused', () => {
    expect(refusal({ ...input('tribunal_appeal'), sentOn: '2026-06-02' }).message).toContain('facts.lateReasons: is missing');
    expect(refusal({ ...input('deduction_order_appeal'), sentOn: '2026-04-08' }).message).toContain(
      // SI 1992/1989 reg 22(2)(b): 28 days; 10 March 2026 + 28 days = 7 April 2026.
      'the time for this appeal ended on 2026-04-07: 28 calendar days after Tuesday 10 March 2026',
    );
  });

  test('an ICO complaint before chasing DWP is refused', () => {
    const facts = { ...input('sar_chase_ico_complaint').facts, stage: 'ico_complaint' };
    expect(refusal({ ...input('sar_chase_ico_complaint'), facts }).message).toContain('facts.chasedOn: is missing');
  });
});

describe('an unknown letter type', () => {
  test('is refused with every valid type listed', () => {
    const { message } = refusal({ ...input('complaint'), type: 'angry_letter' });
    expect(message).toMatch(/^type: "angry_letter" is not a letter type\. Choose one of: subject_access_request \(L01\), /);
    expect(message).toContain('sar_chase_ico_complaint (L24)');
  });

  test('an id works as well as a name', () => {
    expect(draftLetter({ ...input('complaint'), type: 'L05' }).type).toBe('complaint');
  });

  test('a bad date or nation is refused', () => {
    expect(refusal({ ...input('complaint'), sentOn: '20/04/2026' }).message).toMatch(/^sentOn: must be a real date/);
    expect(refusal({ ...input('complaint'), nation: 'wales' as never }).message).toMatch(/^nation: must be one of/);
  });
});
