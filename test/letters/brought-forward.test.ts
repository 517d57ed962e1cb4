/**
 * A balance CMS brings forward from inside the case's history, in the letter's reconciliation statement: its own row,
 * saying what it is (CMS's balance brought forward on its day, against what the decisions and the payments make owed
 * the day before), where the difference arose (before that day) and what to ask for (CMS's statements for the time
 * before it), with calc's figures only (bridge.broughtForward). Before, the row was "CMS's figure, against its own
 * entries" / "No entry explains it", with calc's description, written to the parent, as the reason.
 *
 * The account is test/calc/reconcile/brought-forward.test.ts's: £50.00 a week from 6 January 2025, monthly on the 6th,
 * Collect and Pay (£216.67 + the 20% fee £43.33 = £260.00 a month); the bank shows £260.00 paid on each due day but
 * 6 March; CMS's statement starts on 1 June 2025 with a balance brought forward, then charges and records each
 * month's £260.00. Reckoner: £260.00 owed on 31 August 2025, and £260.00 at the end of 31 May.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { collectAndPay } from '../calc/reconcile/brought-forward.ts';
import { draftLetter } from '../../letters/index.ts';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { squash, unescapeMarkdown } from './helpers.ts';

const letterOf = (reconciliation: ReconcileInput) =>
  draftLetter({
    type: 'account_breakdown_request',
    sentOn: '2025-09-05',
    facts: { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying', statedIn: 'letter', statedOn: '2025-09-01' },
    reconciliation,
  });

/** The reconciliation statement's text, from its heading to the next schedule. */
const statementOf = (text: string) => squash(text.slice(text.indexOf('RECONCILIATION STATEMENT'), text.indexOf('SCHEDULE 2')));

describe('a balance brought forward in the letter’s reconciliation statement', () => {
  it('calc gives the line and its figures (CMS brings forward £520.00; owed the day before, £260.00)', () => {
    const r = reconcile(collectAndPay('520.00', '520.00'));
    expect(r.bridge.lines.map((l) => `${l.kind} ${formatMoney(l.amount)}`)).toEqual(['balance_brought_forward 260.00']);
    const bf = r.bridge.broughtForward!;
    expect([bf.date, formatMoney(bf.cms), formatMoney(bf.owed), formatMoney(bf.difference)]).toEqual([
      '2025-06-01',
      '520.00',
      '260.00',
      '260.00',
    ]);
  });

  it('says what the line is, where the difference arose and what to ask for, with calc’s figures', () => {
    const letter = letterOf(collectAndPay('520.00', '520.00'));
    const statement = statementOf(letter.text);
    expect(statement).toContain('What CMS recorded: CMS’s balance brought forward on 1 June 2025: £520.00');
    expect(statement).toContain('What my evidence shows: Owed at the end of the day before, from the decisions and the payments: £260.00');
    expect(statement).toContain('Effect on CMS’s figure: +£260.00');
    expect(statement).toContain(
      'Why: CMS brings its balance forward on 1 June 2025 as £520.00, its account before that day in one figure; the decisions and the payments make £260.00 owed at the end of the day before. ' +
        'CMS’s figure brought forward is £260.00 higher than that: the difference arose before 1 June 2025, which CMS’s entries from that day on cannot show, so I ask for CMS’s statements of the account for the time before 1 June 2025.',
    );
    // Not a difference CMS's entries leave unexplained, and not calc's sentence to the parent.
    for (const said of [
      'CMS’s figure, against its own entries',
      'No entry explains it',
      'CMS brings forward £520.00',
      'would show where',
    ]) {
      expect(statement).not.toContain(said);
    }
    // The Markdown says the same.
    const markdown = squash(unescapeMarkdown(letter.markdown));
    expect(markdown).toContain('CMS’s balance brought forward on 1 June 2025: £520.00');
    expect(markdown).toContain('so I ask for CMS’s statements of the account for the time before 1 June 2025.');
  });

  it('says "lower" where CMS brings forward less than the records make owed', () => {
    // CMS brings forward £100.00: 100.00 − 260.00 = −£160.00, in the receiving parent's favour.
    const statement = statementOf(letterOf(collectAndPay('100.00', '100.00')).text);
    expect(statement).toContain('What CMS recorded: CMS’s balance brought forward on 1 June 2025: £100.00');
    expect(statement).toContain('Owed at the end of the day before, from the decisions and the payments: £260.00');
    expect(statement).toContain('Effect on CMS’s figure: -£160.00');
    expect(statement).toContain('CMS’s figure brought forward is £160.00 lower than that: the difference arose before 1 June 2025');
  });
});
