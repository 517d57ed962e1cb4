/**
 * One test for each letter defect found in use (issue 12), named after the defect, with the rule it breaks.
 * Dates are computed by hand in each test; figures come from the shared case (fixture.ts explains each).
 */
import { describe, expect, test } from 'vitest';
import { draftLetter, renderPdf, type DraftInput, type LetterDocument } from '../../letters/index.ts';
import { extractPdfText } from '../../statements/pdf/text.ts';
import { refusal, squash } from './helpers.ts';
import { identifiersIn, printedText } from './printed.ts';
import { calculation, CASE_REFERENCE, CASES, PAYING_PARENT, RECEIVING_PARENT, reconciliation, TWO_WAY_CASES } from './fixture.ts';

const input = (type: string): DraftInput => CASES[type]!.input as DraftInput;
const withFacts = (type: string, facts: Record<string, unknown>, more: Partial<DraftInput> = {}): DraftInput => ({
  ...input(type),
  ...more,
  facts: { ...(input(type).facts as Record<string, unknown>), ...facts },
});
const deadline = (letter: ReturnType<typeof draftLetter>, id: string) => letter.deadlines.find((d) => d.id === id);

describe('1. a deduction order appeal from a parent living abroad has 56 days, not 28 (SI 1992/1989 reg 22(2)(c))', () => {
  // The order is dated 10 March 2026. computed: + 28 days = 7 April 2026; + 56 days = 5 May 2026.
  const abroad = withFacts('deduction_order_appeal', { livesOutsideUk: true });

  test('the letter’s deadline and words give 56 days', () => {
    const letter = draftLetter(abroad);
    expect(deadline(letter, 'deo_appeal_last_day')?.date).toBe('2026-05-05');
    expect(deadline(letter, 'deo_appeal_last_day')?.citation).toContain('reg 22(2)(c)');
    expect(letter.text).toContain('within the 56 days regulation 22(2)(c) allows, as I do not live in the United Kingdom');
    expect(letter.text).toContain('5 May 2026');
  });

  test('sent on 20 April 2026 (after 28 days, within 56) it is drafted abroad and refused at home (reg 22(2)(b))', () => {
    expect(draftLetter({ ...abroad, sentOn: '2026-04-20' }).id).toBe('L22');
    expect(refusal({ ...input('deduction_order_appeal'), sentOn: '2026-04-20' }).message).toContain(
      'the time for this appeal ended on 2026-04-07',
    );
  });
});

describe('2. an appeal past the absolute limit is not drafted as late (SEC Rules (SI 2008/2685) r.22(8))', () => {
  // Notice sent 31 January 2025: the month ends 28 February 2025; + 12 months = Saturday 28 February 2026, so by
  // r.12(2) the absolute limit is Monday 2 March 2026.
  const appeal = withFacts('tribunal_appeal', {
    decision: { type: 'annual_review', letterDate: '2024-12-02' },
    mrnDate: '2025-01-31',
    lateReasons: ['I was in hospital for most of 2025'],
  });

  test('a day after the absolute limit it is refused: it cannot be admitted, and what can still be done is named', () => {
    const e = refusal({ ...appeal, sentOn: '2026-03-03' });
    expect(e.problems[0]!.field).toBe('facts.mrnDate');
    const message = e.problems[0]!.message;
    expect(message).toContain('past the absolute limit');
    expect(message).toContain('r.22(8)');
    expect(message).toContain('cannot be admitted');
    expect(message).toContain('after 2026-03-02');
    for (const route of ['change_of_circumstances', 'late_mandatory_reconsideration', 'complaint']) expect(message).toContain(route);
  });

  test('on the absolute limit it is a late appeal that says the limit it is within', () => {
    const letter = draftLetter({ ...appeal, sentOn: '2026-03-02' });
    const text = squash(letter.text);
    expect(text).toContain('I know the time for appealing ended on 28 February 2025.');
    expect(text).toContain('within the absolute limit in rule 22(8)');
    expect(text).toContain('which ends on 2 March 2026');
    expect(letter.warnings.join(' ')).toContain('cannot admit an appeal after 2 March 2026');
  });
});

describe('3. a pause request under Collect and Pay does not promise to pay maintenance without the 20% fee', () => {
  // Fees Regulations 2014 reg 7: on Collect and Pay the paying parent pays the maintenance plus 20%.
  // computed: £341.73 a month + 20% (£68.35) = £410.08 a month.
  test('Collect and Pay: the promise is the maintenance with the collection fee, £410.08 a month', () => {
    const text = squash(draftLetter(input('enforcement_pause_request')).text);
    expect(text).toContain(
      'I will keep paying my ongoing maintenance with the collection fee, £410.08 a month, through the Child Maintenance Service',
    );
    expect(text).not.toContain('ongoing maintenance of £341.73');
  });

  test('Direct Pay: the promise is the maintenance alone, paid to the other parent, £341.73 a month', () => {
    const text = squash(
      draftLetter({ ...input('enforcement_pause_request'), calculation: { ...calculation, collection: 'direct_pay' } }).text,
    );
    expect(text).toContain('I will keep paying my ongoing maintenance of £341.73 a month directly to the receiving parent');
    expect(text).not.toContain('collection fee,');
  });

  test('Collect and Pay without a calculation: no amount, but still the fee', () => {
    const { calculation: _c, ...rest } = input('enforcement_pause_request');
    const text = squash(draftLetter(rest).text);
    expect(text).toContain('I will keep paying my ongoing maintenance with the collection fee, through the Child Maintenance Service');
  });
});

describe('4. a tribunal time limit ending on a closed day moves to the next working day (SEC Rules r.12(2))', () => {
  // Notice sent 31 January 2026: one month later is Saturday 28 February 2026, so the appeal is in time on Monday 2 March.
  const appeal = withFacts('tribunal_appeal', { decision: { type: 'annual_review', letterDate: '2026-01-05' }, mrnDate: '2026-01-31' });

  test('received on Monday 2 March 2026 the appeal is in time: no late reasons asked for, no late warning', () => {
    const letter = draftLetter({ ...appeal, sentOn: '2026-03-02' });
    expect(deadline(letter, 'appeal_last_day')?.date).toBe('2026-03-02');
    expect(letter.warnings.join(' ')).not.toContain('late');
    expect(squash(letter.text)).toContain(
      'under rule 12(2) of the Tribunal Procedure Rules it is in time if it arrives on the next working day, Monday 2 March 2026',
    );
  });

  test('on Tuesday 3 March 2026 it is late, counted from 2 March', () => {
    expect(refusal({ ...appeal, sentOn: '2026-03-03' }).message).toContain('the time for the appeal ended on 2026-03-02');
  });
});

describe('5. a default or interim maintenance decision gets no 30-day limit: it can be revised at any time (SI 2012/2677 reg 14)', () => {
  const decision = { type: 'default_maintenance_decision', letterDate: '2026-01-05' };

  test('a reconsideration 74 days after a default decision is drafted, with no limit and the rule that says so', () => {
    const letter = draftLetter(withFacts('mandatory_reconsideration', { decision }));
    expect(letter.deadlines).toEqual([]);
    const text = squash(letter.text);
    expect(text).toContain('This is a default maintenance decision: it can be revised at any time, so the 30-day limit does not apply');
    expect(text).toContain('SI 2012/2677');
    expect(text).not.toContain('within 30 days');
  });

  test('an interim decision likewise; a late reconsideration of either is refused as never late', () => {
    const interim = { type: 'interim_maintenance_decision', letterDate: '2026-01-05' };
    expect(draftLetter(withFacts('mandatory_reconsideration', { decision: interim })).deadlines).toEqual([]);
    expect(refusal(withFacts('late_mandatory_reconsideration', { decision })).message).toContain(
      'can be revised at any time, so a reconsideration of it is never late',
    );
  });

  test('an income challenge after a default decision is a reconsideration, not a supersession', () => {
    const text = squash(draftLetter(withFacts('income_challenge', { decision })).text);
    expect(text).toContain('please treat this letter as an application for mandatory reconsideration'.replace('please', 'Please'));
    expect(text).not.toContain('application to supersede');
  });
});

describe('6. the weekly figure is labelled weekly, not monthly', () => {
  // computed: £78.86 × 52 ÷ 12 = £341.7266… → £341.73 (C&E Regs 1992 reg 4: 52-week reference period).
  test('the monthly figure’s working reads "weekly £78.86 × 52 ÷ 12 = monthly £341.73"', () => {
    const letter = draftLetter(input('change_of_circumstances'));
    const monthly = letter.figures.find((f) => f.id === 'monthly_amount')!;
    expect(monthly.value).toBe('£341.73');
    expect(monthly.source).toContain('weekly £78.86 × 52 ÷ 12 = monthly £341.73');
    expect(letter.text).not.toContain('monthly £78.86');
  });
});

describe('7. a receiving parent is not told to enclose payslips or a P60 (they are the paying parent’s)', () => {
  const receiving = { sender: RECEIVING_PARENT, senderRole: 'receiving', contactPreference: 'email' };
  const grounds = ['The decision uses an income figure that is far below what the paying parent now earns'];

  test.each([
    ['mandatory_reconsideration', { ...receiving, grounds, disputedItems: [] }],
    ['income_challenge', { ...receiving, evidence: 'the paying parent’s own statement of a new salary' }],
    ['tribunal_appeal', { ...receiving, grounds, sender: { ...PAYING_PARENT, name: 'Alex Morgan' } }],
  ] as const)('%s sent by the receiving parent', (type, facts) => {
    const letter = draftLetter(withFacts(type, facts));
    expect(letter.enclosures.join('; ')).not.toMatch(/payslip|P60/i);
  });

  test('the paying parent is still asked for them', () => {
    expect(draftLetter(input('income_challenge')).enclosures.join('; ')).toMatch(/payslips, P60/);
    expect(draftLetter(input('mandatory_reconsideration')).enclosures.join('; ')).toMatch(/payslips, P60/);
  });
});

describe('8. a letter to the ICO calls DWP’s reference “DWP’s reference”, not “your reference”', () => {
  const facts = { stage: 'ico_complaint', chasedOn: ['2026-04-27'], dwpReference: 'SAR-20260320-1' };

  test('to the ICO', () => {
    const text = squash(draftLetter({ ...withFacts('sar_chase_ico_complaint', facts), sentOn: '2026-06-01' }).text);
    expect(text).toContain('(DWP’s reference SAR-20260320-1)');
    expect(text).not.toContain('your reference');
  });

  test('to DWP it stays “your reference”', () => {
    const text = squash(draftLetter(withFacts('sar_chase_ico_complaint', { dwpReference: 'SAR-20260320-1' })).text);
    expect(text).toContain('(your reference SAR-20260320-1)');
  });
});

describe('9. an MP letter that claims residence with the address withheld warns that MPs need an address to act', () => {
  const withheld = { sender: RECEIVING_PARENT, senderRole: 'receiving' };

  test.each(['mp_letter', 'ombudsman_referral'])('%s', (type) => {
    const letter = draftLetter({ ...withFacts(type, withheld), reconciliation: undefined } as DraftInput);
    expect(letter.text).toContain('I live in your constituency');
    const warning = letter.warnings.find((w) => w.includes('an MP acts only for people who live in the constituency'));
    expect(warning).toContain('will ask for your address');
    expect(letter.text).toContain('an MP acts only for people who live in the constituency');
  });

  test('no such warning when the address is on the letter', () => {
    expect(draftLetter(input('mp_letter')).warnings.join(' ')).not.toContain('will ask for your address');
  });
});

describe('10. nothing an API would call a field appears in the printed text of any of the 24 letters', () => {
  test('the scanner finds camelCase and snake_case names, and not ordinary words, emails or links', () => {
    expect(identifiersIn('if it differs, give it as recipientAddress, or set address_withheld')).toEqual([
      'recipientAddress',
      'address_withheld',
    ]);
    expect(identifiersIn('Email jordan.ellis@example.org; see https://www.legislation.gov.uk/uksi/2012/2677/regulation/14.')).toEqual([]);
    expect(identifiersIn('CMS’s figure is £1,230.24 too high (SI 2008/2685 r.22(8)); ring 07700 900123.')).toEqual([]);
  });

  const variants: [string, DraftInput][] = [
    ...Object.entries(CASES).map(([type, c]): [string, DraftInput] => [type, c.input as DraftInput]),
    ...Object.entries(TWO_WAY_CASES).map(([type, c]): [string, DraftInput] => [`${type} (two-way statement)`, c.input as DraftInput]),
    ['mp_letter (address withheld)', { ...withFacts('mp_letter', { sender: RECEIVING_PARENT, senderRole: 'receiving' }), reconciliation }],
    ['deduction_order_appeal (abroad)', withFacts('deduction_order_appeal', { livesOutsideUk: true })],
    ['tribunal_appeal (late)', withFacts('tribunal_appeal', { mrnDate: '2026-03-20', lateReasons: ['I was ill'] })],
    [
      'mandatory_reconsideration (default decision)',
      withFacts('mandatory_reconsideration', { decision: { type: 'default_maintenance_decision', letterDate: '2026-01-05' } }),
    ],
    [
      'sar_chase_ico_complaint (ICO)',
      { ...withFacts('sar_chase_ico_complaint', { stage: 'ico_complaint', chasedOn: ['2026-04-27'] }), sentOn: '2026-06-01' },
    ],
  ];

  test('every one of the 24 letter types is drafted here', () => {
    expect(new Set(variants.map(([, v]) => draftLetter(v).id)).size).toBe(24);
  });

  test.each(variants)('%s: letter, schedules and notes', (_name, draft) => {
    const letter = draftLetter(draft);
    expect(identifiersIn(printedText(letter.document))).toEqual([]);
    expect(identifiersIn(letter.text)).toEqual([]);
  });
});

describe('11. dates never wrap mid-number in PDF tables', () => {
  const dates = ['28 September 2026', '30 November 2025', '1 December 2026', '21 August 2025'];
  const document: LetterDocument = {
    id: 'L04',
    type: 'payment_dispute',
    title: 'Dispute',
    from: ['Jordan Ellis'],
    date: '20 March 2026',
    to: ['Child Maintenance Service'],
    references: [`CMS case reference: ${CASE_REFERENCE}`],
    subject: 'Dates in narrow columns',
    salutation: 'Dear Sir or Madam,',
    // Eight equal columns of about 59 points: "28 September 2026" is about 70 points wide at the table's 8.5 points.
    body: [
      {
        kind: 'table',
        caption: 'Dates',
        columns: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
        widths: [1, 1, 1, 1, 1, 1, 1, 1],
        rows: [[...dates, ...dates]],
      },
    ],
    closing: 'Yours faithfully,',
    signature: 'Jordan Ellis',
    enclosures: [],
    copies: [],
    schedules: [],
    notes: [],
  };

  test('each date in a narrow column reads whole in the PDF’s text', async () => {
    const text = squash(await extractPdfText(await renderPdf(document)));
    for (const d of dates) expect(text, d).toContain(d);
    expect(text).not.toMatch(/Septem\b|Novem\b|Decemb\b/);
  });

  test('and in the reconciliation statement of every letter that prints one', async () => {
    const letter = draftLetter(input('payment_dispute'));
    const text = squash(await extractPdfText(await renderPdf(letter.document)));
    for (const d of ['9 June 2025', '21 August 2025', '9 March 2026']) expect(text).toContain(d);
  });
});

describe('12. the notes page carries no letter footer and is headed as not part of the letter', () => {
  test('letter pages are numbered among themselves; notes pages say they are not to be sent', async () => {
    const letter = draftLetter(input('payment_dispute'));
    const pages = (await extractPdfText(await renderPdf(letter.document))).split('\f').map(squash);
    const notesStart = pages.findIndex((p) => p.includes('Notes for you — not part of the letter. Do not send this page.'));
    expect(notesStart).toBeGreaterThan(0);
    const letterPages = pages.slice(0, notesStart);
    letterPages.forEach((p, i) => expect(p).toContain(`CMS case reference: ${CASE_REFERENCE} · Page ${i + 1} of ${notesStart}`));
    for (const p of pages.slice(notesStart)) {
      expect(p).not.toContain(`CMS case reference: ${CASE_REFERENCE} ·`);
      expect(p).toMatch(/Notes for you, not part of the letter: do not send · Notes page \d+ of \d+/);
    }
  });

  test('the text and Markdown versions head the notes the same way', () => {
    const letter = draftLetter(input('payment_dispute'));
    expect(letter.text).toContain('NOTES FOR YOU - NOT PART OF THE LETTER. Do not send this part.');
    expect(letter.markdown).toContain('**Notes for you — not part of the letter.** Do not send this part.');
  });
});
