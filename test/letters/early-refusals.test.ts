/**
 * A refusal that the facts given so far already decide comes first and alone (a journey probe, F9 and F13): L03 asked
 * for decision.type, grounds and the calculation over three calls before saying its 30 days had passed; L19 asked for
 * `preference` before saying there was nothing to refund.
 */
import { describe, expect, it } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { CASE_REFERENCE, PAYING_PARENT, reconciliation } from './fixture.ts';

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('drafted, not refused');
};

describe('L03 after its 30 days', () => {
  // A decision dated 6 January 2025: 30 days (SI 2012/2677 reg 14(1)(a)) end on 5 February 2025.
  const base = { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying' };

  it('says so at once, with only the decision’s date given, and asks for nothing else', () => {
    const message = refusal(() =>
      draftLetter({ type: 'mandatory_reconsideration', sentOn: '2025-03-10', facts: { ...base, decision: { letterDate: '2025-01-06' } } }),
    );
    expect(message).toContain('ended on 2025-02-05; use late_mandatory_reconsideration (L18)');
    // The type was not given: what to do if it is a decision with no time limit.
    expect(message).toContain('which can be revised at any time: then give facts.decision.type');
    expect(message).not.toContain('grounds');
    expect(message).not.toContain('is missing');
  });

  it('with the type given, the refusal alone, without the proviso', () => {
    const message = refusal(() =>
      draftLetter({
        type: 'mandatory_reconsideration',
        sentOn: '2025-03-10',
        facts: { ...base, decision: { type: 'maintenance_calculation', letterDate: '2025-01-06' } },
      }),
    );
    expect(message).toContain('ended on 2025-02-05; use late_mandatory_reconsideration (L18)');
    expect(message).not.toContain('revised at any time');
    expect(message).not.toContain('grounds');
  });

  it('a default decision, revisable at any time, is not refused for lateness', () => {
    const message = refusal(() =>
      draftLetter({
        type: 'mandatory_reconsideration',
        sentOn: '2025-03-10',
        facts: { ...base, decision: { type: 'default_maintenance_decision', letterDate: '2025-01-06' } },
      }),
    );
    expect(message).not.toContain('L18');
    expect(message).toContain('grounds');
  });
});

describe('L19 where the reconciliation shows arrears', () => {
  it('says there is nothing to refund before asking for its preference', () => {
    // test/letters/fixture.ts `reconciliation`: a balance of arrears, not an overpayment.
    const message = refusal(() =>
      draftLetter({
        type: 'overpayment_refund',
        sentOn: '2026-03-20',
        facts: { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying' },
        reconciliation,
      }),
    );
    expect(message).toContain('shows no overpayment');
    expect(message).not.toContain('preference');
  });
});
