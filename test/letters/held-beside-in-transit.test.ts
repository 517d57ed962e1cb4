/**
 * A receiving parent's letter where CMS holds September's payment and December's was on its way at the date
 * (test/calc/reconcile/held-beside-in-transit.ts). Before: "Your figure is £998.40 too low", and of December's: "your
 * figure does not include it yet …, but the correct balance counts it as paid", both halves the wrong way round on her
 * side: CMS's figure counts it as passed on; her balance does not count it until it reaches her.
 */
import { describe, expect, it } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { heldBesideInTransit } from '../calc/reconcile/held-beside-in-transit.ts';
import { CASE_REFERENCE, RECEIVING_PARENT, SENT_ON } from './fixture.ts';
import { expectNoPlaceholder, squash } from './helpers.ts';

describe('money held and a payment on its way, in a receiving parent’s account_breakdown_request', () => {
  const letter = draftLetter({
    type: 'account_breakdown_request',
    sentOn: SENT_ON,
    facts: { sender: RECEIVING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'receiving', statedIn: 'letter', statedOn: '2023-12-11' },
    reconciliation: heldBesideInTransit(),
  });
  const text = squash(letter.text);

  it('says CMS’s figure is right as the paying parent’s arrears, lower only by those two', () => {
    expectNoPlaceholder(text, 'letter');
    expect(text).toContain(
      'Your figure is right as the paying parent’s arrears, and lower than what I am owed only by that money and by what reached me after that date.',
    );
    expect(text).toContain(
      'CMS’s figure is £998.40 lower than what I am owed: money it holds and what reached me after that date, not arrears',
    );
    expect(text).not.toMatch(/too low/);
  });

  it('says of December’s that CMS counts it as passed on and her balance not yet', () => {
    expect(text).toContain(
      'A payment you passed on before 11 December 2023 reached me after that date (line 1, -£499.20): your figure counts it as passed on and is not wrong about it, but the correct balance does not count it yet.',
    );
    expect(text).not.toContain('counts it as paid');
  });
});
