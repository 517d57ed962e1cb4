/**
 * A fact that is an object (or a list of objects), left out or given as something else, is refused with what it must
 * hold, field by field (a journey probe, story 5: `facts.court` given as the court's name got "Invalid input: expected
 * object, received string", and left out "is missing — The court the appeal goes to": neither named court.name or
 * court.address, so the next try sent the name alone and was refused again for the address).
 */
import { describe, expect, test } from 'vitest';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { refusal } from './helpers.ts';

const appeal = {
  sender: PAYING_PARENT,
  caseReference: CASE_REFERENCE,
  employerName: 'Sample Widgets Ltd',
  ground: 'not_earnings',
  details: ['The order takes from my expenses'],
  orderDate: '2026-03-10',
};
const COURT =
  'an object with name and address (name: The court’s name (a magistrates’ court in England and Wales; the sheriff court in Scotland); address: The court’s address, one line each, ending with the postcode)';

describe('the court of a deduction order appeal (L22)', () => {
  test('given as text: it must be an object with name and address, each said', () => {
    const problems = refusal({ type: 'L22', sentOn: '2026-03-20', facts: { ...appeal, court: 'Testbury Magistrates’ Court' } }).problems;
    // Before: { field: 'facts.court', message: 'Invalid input: expected object, received string' }.
    expect(problems).toEqual([{ field: 'facts.court', message: `must be ${COURT}, not text` }]);
  });

  test('left out: the first refusal already says it needs name and address', () => {
    const problems = refusal({ type: 'L22', sentOn: '2026-03-20', facts: appeal }).problems;
    // Before: 'is missing — The court the appeal goes to'.
    expect(problems).toEqual([{ field: 'facts.court', message: `is missing — The court the appeal goes to: ${COURT}` }]);
  });

  test('a list of objects given as text says what each holds', () => {
    const problems = refusal({
      type: 'complaint',
      sentOn: '2026-03-20',
      facts: {
        sender: PAYING_PARENT,
        caseReference: CASE_REFERENCE,
        senderRole: 'paying',
        chronology: 'They lost my letter',
        whatWentWrong: ['x'],
        impact: 'y',
        outcomes: ['apology'],
      },
    }).problems;
    expect(problems).toContainEqual({
      field: 'facts.chronology',
      message:
        'must be a list of objects, each with date and what (date: When it happened, YYYY-MM-DD; what: What happened, in a sentence or two), not text',
    });
  });
});
