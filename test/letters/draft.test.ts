/**
 * Every letter type drafted from the shared synthetic case (fixture.ts): each figure it quotes is the one
 * computed by hand in the fixture's notes, appears exactly in the Markdown and the plain text, and carries its
 * rule or evidence; each date appears as the letter writes dates; no placeholder is left; the deadlines are
 * those calc/deadlines gives for the letter.
 */
import { describe, expect, test } from 'vitest';
import { deadlinesForLetter } from '../../calc/deadlines/index.ts';
import { draftLetter, findLetter, type DraftedLetter } from '../../letters/index.ts';
import { asWritten, expectNoPlaceholder, unescapeMarkdown } from './helpers.ts';
import { CASES, DECISION } from './fixture.ts';

/**
 * The figures each letter must quote, computed by hand (fixture.ts explains each): weekly £78.86 on £575.34;
 * CMS's £110.57 on £805.48; the account's £1,640.32 claimed against £410.08 worked out.
 */
const CORRECT = { weekly_amount: '£78.86', gross_weekly_income: '£575.34' };
const CMS = { cms_weekly_amount: '£110.57', cms_gross_weekly_income: '£805.48', weekly_amount_difference: '£31.71' };
const ACCOUNT = {
  cms_claimed_balance: '£1,640.32',
  recomputed_balance: '£410.08',
  // Net: £1,640.32 − £410.08 = £1,230.24 too high.
  balance_difference: '£1,230.24',
  // These letters used to say "the amounts at stake come to £820.16": the two entries' sizes added up (£410.08 +
  // £410.08), though the payment missed on 9 June 2025 makes CMS's figure too high and the phantom payment of
  // 21 August 2025 makes it too low, so together they change nothing. What explains CMS's figure is the bridge:
  // line 1, 9 June 2025, +£410.08; line 2, 21 August 2025, −£410.08; line 3, the £1,230.24 CMS's own entries
  // (£410.08 in all: 12 × £410.08 due − 11 × £410.08 recorded) do not explain, +£1,230.24.
  // +£410.08 − £410.08 + £1,230.24 = £1,230.24 = the net difference.
  bridge_line_1: '+£410.08',
  bridge_line_2: '-£410.08',
  bridge_line_3: '+£1,230.24',
  // Each way: lines 1 and 3, £410.08 + £1,230.24 = £1,640.32 too high; line 2, £410.08 too low.
  bridge_too_high_total: '£1,640.32',
  bridge_too_low_total: '£410.08',
  bridge_unexplained: '£1,230.24',
  cms_entries_total: '£410.08',
};
/** The statement's figures (CMS's figure, the correct one and the claim's own) in a letter that prints it. */
const { cms_claimed_balance: _claimed, recomputed_balance: _recomputed, ...STATEMENT } = ACCOUNT;
const EXPECTED: Record<string, Record<string, string>> = {
  subject_access_request: {},
  account_breakdown_request: ACCOUNT,
  mandatory_reconsideration: { ...CORRECT, ...CMS },
  payment_dispute: ACCOUNT,
  complaint: ACCOUNT,
  complaint_escalation: ACCOUNT,
  ice_referral: ACCOUNT,
  mp_letter: ACCOUNT,
  ombudsman_referral: ACCOUNT,
  // £575.34 − £25 = £550.34; × 16% = £88.0544 → £88; × 6/7 = £75.43.
  variation_application: { variation_weekly: '£25.00', weekly_without_variation: '£78.86', weekly_amount: '£75.43' },
  enforcement_pause_request: {
    cms_claimed_balance: '£1,640.32',
    undisputed_arrears: '£410.08',
    disputed_amount: '£1,230.24',
    // Was disputed_entries_total £820.16, the sizes of two entries that cancel out; now the statement (ACCOUNT).
    ...STATEMENT,
    // Collect and Pay: the paying parent keeps paying maintenance with the 20% fee (Fees Regulations 2014 reg 7):
    // £78.86 × 52 ÷ 12 = £341.7266… → £341.73; fee 20% = £68.346 → £68.35; £341.73 + £68.35 = £410.08 a month.
    monthly_with_collection_fee: '£410.08',
  },
  // Short: £341.73 − £200 = £141.73 (June), £341.73 − £150 = £191.73 (August), £341.73 (October): £675.19.
  direct_pay_to_collect_and_pay: { shortfall_total: '£675.19', recomputed_balance: '£675.19' },
  change_of_circumstances: { ...CORRECT, monthly_amount: '£341.73' },
  // £78.86 + 20% (£15.772 → £15.77) = £94.63.
  deo_request: { weekly_amount: '£78.86', monthly_amount: '£341.73', weekly_with_collection_fee: '£94.63' },
  // (£805.48 − £575.34) ÷ £805.48 = 28.57…% → 28.5% (rounded down).
  income_challenge: { ...CORRECT, ...CMS, income_difference_percent: '28.5%' },
  // £410.08 ÷ 3 = £136.693… → £136.70 each; the last £410.08 − £273.40 = £136.68.
  arrears_payment_plan: {
    undisputed_arrears: '£410.08',
    disputed_amount: '£1,230.24',
    cms_claimed_balance: '£1,640.32',
    ...STATEMENT,
    instalment_amount: '£136.70',
    last_instalment_amount: '£136.68',
    // On Collect and Pay, maintenance £341.73 + the 20% fee £68.35 = £410.08 a month (see enforcement_pause_request).
    monthly_with_collection_fee: '£410.08',
  },
  tribunal_appeal: { ...CORRECT, ...CMS },
  late_mandatory_reconsideration: { ...CORRECT, ...CMS },
  // 12 months due at £410.08 = £4,920.96; 13 payments = £5,331.04; £410.08 overpaid, as CMS agrees.
  overpayment_refund: { total_due: '£4,920.96', paid_per_bank: '£5,331.04', overpaid_amount: '£410.08', cms_claimed_balance: '£410.08' },
  special_payment_claim: ACCOUNT,
  rectification_request: ACCOUNT,
  deduction_order_appeal: {},
  deduction_order_representations: ACCOUNT,
  sar_chase_ico_complaint: {},
};

const drafted = new Map<string, DraftedLetter>();
const draft = (type: string): DraftedLetter => {
  let letter = drafted.get(type);
  if (!letter) {
    letter = draftLetter(CASES[type]!.input);
    drafted.set(type, letter);
  }
  return letter;
};

const TYPES = Object.keys(CASES);

describe('every letter type drafts from the shared case', () => {
  test('the fixture covers all 24 letter types', () => {
    expect(TYPES).toHaveLength(24);
    expect(new Set(TYPES.map((t) => findLetter(t).id)).size).toBe(24);
  });

  test.each(TYPES)('%s: every figure is the computed one, written exactly, with its source', (type) => {
    const letter = draft(type);
    const md = unescapeMarkdown(letter.markdown);
    const figures = Object.fromEntries(letter.figures.map((f) => [f.id, f.value]));
    expect(figures).toMatchObject(EXPECTED[type]!);
    // Every figure the catalogue declares for the letter, where its inputs are given, is quoted.
    for (const id of Object.keys(EXPECTED[type]!)) expect(figures, id).toHaveProperty(id);
    for (const f of letter.figures) {
      expect(md, `${f.id} in the Markdown`).toContain(f.value);
      expect(letter.text, `${f.id} in the text`).toContain(f.value);
      expect(f.source, f.id).toBeTruthy();
      expect(f.citation, f.id).toBeTruthy();
      // A line of the reconciliation statement is signed (its effect on CMS's figure); every other amount is not.
      if (f.amount !== undefined)
        expect(f.amount).toMatch(
          f.id.startsWith('bridge_line_') || f.id.startsWith('bridge_subtotal_') ? /^-?\d+\.\d{2}$/ : /^\d+\.\d{2}$/,
        );
      // Each figure is also a trace step.
      expect(letter.trace.some((s) => s.step === `letter.${f.id}`)).toBe(true);
    }
  });

  test.each(TYPES)('%s: every date is written as a letter writes it', (type) => {
    const letter = draft(type);
    const md = unescapeMarkdown(letter.markdown);
    const input = CASES[type]!.input;
    for (const iso of [input.sentOn, ...CASES[type]!.dates]) {
      expect(md, `${iso} in the Markdown`).toContain(asWritten(iso));
      expect(letter.text, `${iso} in the text`).toContain(asWritten(iso));
    }
  });

  test.each(TYPES)('%s: no placeholder is left, and the legal basis, enclosures and sending are stated', (type) => {
    const letter = draft(type);
    expectNoPlaceholder(letter.markdown, 'markdown');
    expectNoPlaceholder(letter.text, 'text');
    expect(letter.sendBy.method).toBeTruthy();
    expect(letter.sendBy.to.length).toBeGreaterThan(0);
    expect(letter.markdown).toContain('not part of the letter');
    expect(letter.text).toContain('NOT PART OF THE LETTER');
    for (const e of letter.enclosures) expect(unescapeMarkdown(letter.markdown)).toContain(e);
    expect(letter.text).toContain(letter.sendBy.method);
    expect(letter.markdown.startsWith(letter.document.from[0]!)).toBe(true);
  });

  test.each(TYPES)('%s: the deadlines are those the deadline tables give, and the reply date is asked for', (type) => {
    const letter = draft(type);
    for (const d of letter.deadlines) {
      expect(unescapeMarkdown(letter.markdown)).toContain(asWritten(d.date));
      expect(d.citation).toBeTruthy();
    }
    const reply = letter.deadlines.find((d) => d.kind === 'reply_due' && !/_ack_due$|extended/.test(d.id));
    if (reply) {
      expect(letter.markdown).toContain(`Please reply in writing by ${asWritten(reply.date)}.`);
      expect(letter.text).toContain(`Please reply in writing by ${asWritten(reply.date)}.`);
    } else {
      expect(letter.markdown).not.toContain('Please reply in writing by');
    }
  });

  test('a reconsideration counts its deadline from the decision letter; an appeal from the notice; a payment dispute from sending', () => {
    expect(draft('mandatory_reconsideration').deadlines).toEqual(deadlinesForLetter('L03', DECISION.letterDate, 'england_and_wales'));
    // 2 March 2026 + 30 days = 1 April 2026, earlier than 2 April (one month): the stricter.
    expect(draft('mandatory_reconsideration').deadlines[0]).toMatchObject({ id: 'mr_last_day', date: '2026-04-01' });
    expect(draft('tribunal_appeal').deadlines.map((d) => d.date)).toEqual(['2026-06-01', '2027-06-01']);
    // 15 working days after Friday 20 March 2026, with Good Friday (3 April) and Easter Monday (6 April) off: 14 April.
    expect(draft('payment_dispute').deadlines[0]).toMatchObject({ id: 'dispute_reply_due', date: '2026-04-14' });
    expect(draft('sar_chase_ico_complaint').markdown).toContain(asWritten('2026-05-27'));
  });

  test('letters with disputed entries carry the reconciliation statement: from CMS’s figure, line by line, to the correct one', () => {
    for (const type of ['payment_dispute', 'rectification_request', 'complaint', 'account_breakdown_request']) {
      const md = unescapeMarkdown(draft(type).markdown);
      expect(md, type).toContain('| No. | Date | What CMS recorded | What my evidence shows | Effect on CMS’s figure | Why |');
      expect(md).toContain('|  | 9 March 2026 | CMS’s figure: a balance of £1,640.32 owed |');
      // The lines in date order (the old table put 21 August first), each with its signed effect.
      expect(md).toContain('| 1 | 9 June 2025 | Nothing recorded | £410.08 paid out on 9 June 2025 (“CMS CHILD MAINT”) | +£410.08 |');
      expect(md).toContain('| 2 | 21 August 2025 | Payment received £410.08 on 21 August 2025 (ref DEO) | No such payment | -£410.08 |');
      expect(md).toContain('| 3 | 9 March 2026 | CMS’s figure, against its own entries | No entry explains it | +£1,230.24 |');
      // +£410.08 − £410.08 + £1,230.24 = £1,230.24; £1,640.32 − £1,230.24 = £410.08, where the statement ends.
      expect(md).toContain('| Net effect of the lines above |  | +£1,230.24 |');
      // £341.73 maintenance + £68.35 collection fees = £410.08.
      expect(md).toContain(
        '| The correct balance: £410.08 owed (maintenance arrears of £341.73, and collection fees of £68.35, which are owed to the Secretary of State and are not arrears) |',
      );
      // The finding is in the parent's own voice, written so by calc (no English rewritten here).
      expect(md).toContain('but my bank shows no such payment');
      expect(md).not.toMatch(/\byour bank\b/);
      // The sizes of the entries added up are no figure of this account.
      expect(md).not.toContain('£820.16');
      expect(md).not.toContain('amounts at stake');
    }
    expect(draft('mandatory_reconsideration').markdown).not.toContain('What my evidence shows');
  });

  test('the letters carry the legal basis by name', () => {
    expect(draft('subject_access_request').markdown).toContain('Article 15 of the UK GDPR');
    expect(draft('mandatory_reconsideration').markdown).toContain('regulation 14(1)(a)');
    expect(draft('late_mandatory_reconsideration').markdown).toContain('regulation 15');
    expect(draft('deduction_order_representations').markdown).toContain('regulation 25M');
    expect(draft('deduction_order_appeal').markdown).toContain('regulation 22');
    expect(draft('rectification_request').markdown).toContain('Article 16 of the UK GDPR');
    expect(draft('overpayment_refund').markdown).toContain('s.41B');
    expect(draft('income_challenge').markdown).toContain('regulation 34(2)');
    expect(draft('ombudsman_referral').markdown).toContain('Parliamentary Commissioner Act 1967 s.5');
  });

  test('a withheld address never appears, and the letter says it is withheld', () => {
    const letter = draft('direct_pay_to_collect_and_pay');
    expect(letter.document.from).toEqual(['Alex Morgan', 'Address withheld for my safety', 'Email: alex.morgan@example.org']);
    expect(letter.markdown).toContain('Please reply by email to alex.morgan@example.org.');
    // Nothing about where the paying parent lives either: the letter names them only by role.
    expect(letter.markdown).not.toContain('Larch Close');
    expect(letter.markdown).not.toContain('Jordan');
  });

  test('letters to someone other than CMS speak of CMS in the third person', () => {
    for (const type of ['mp_letter', 'ice_referral', 'ombudsman_referral']) {
      const md = draft(type).markdown;
      expect(md, type).toContain('The Child Maintenance Service says that on 9 March 2026');
      expect(md, type).not.toContain('You say that');
    }
    expect(draft('mp_letter').document.to).toEqual(['Priya Shah MP', 'House of Commons', 'London', 'SW1A 0AA']);
    expect(draft('mp_letter').markdown).toContain('Dear Priya Shah,');
    expect(draft('mp_letter').markdown).toContain('Yours sincerely,');
  });

  test('a copy to the MP is stated on the letter and in how to send it', () => {
    const letter = draft('payment_dispute');
    expect(letter.markdown).toContain('**Copy to:** Priya Shah MP (Testbury and Riverside)');
    expect(letter.sendBy.copies).toEqual(['Priya Shah MP (Testbury and Riverside)']);
  });

  test('the same input gives the same letter', () => {
    const again = draftLetter(CASES['payment_dispute']!.input);
    expect(again.markdown).toBe(draft('payment_dispute').markdown);
    expect(again.text).toBe(draft('payment_dispute').text);
  });

  test('a Scottish case appeals a deduction from earnings order to the sheriff', () => {
    const input = CASES['deduction_order_appeal']!.input;
    const letter = draftLetter({ ...input, nation: 'scotland' });
    expect(letter.markdown).toContain('before the sheriff');
    expect(letter.deadlines[0]!.label).toContain('the sheriff');
  });
});
