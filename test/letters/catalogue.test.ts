/**
 * The catalogue itself: the 24 letters of dispute-process.md §2 with their ids and names, each with a
 * described fact for every field, a named legal basis, enclosures, a way to send it, and inputs that match
 * the figures it declares.
 */
import { describe, expect, test } from 'vitest';
import { factFields, LETTER_IDS, LETTERS } from '../../letters/index.ts';

/** dispute-process.md §2.1: the ids and what each letter is. */
const EXPECTED: Record<string, string> = {
  L01: 'subject_access_request',
  L02: 'account_breakdown_request',
  L03: 'mandatory_reconsideration',
  L04: 'payment_dispute',
  L05: 'complaint',
  L06: 'complaint_escalation',
  L07: 'ice_referral',
  L08: 'mp_letter',
  L09: 'ombudsman_referral',
  L10: 'variation_application',
  L11: 'enforcement_pause_request',
  L12: 'direct_pay_to_collect_and_pay',
  L13: 'change_of_circumstances',
  L14: 'deo_request',
  L15: 'income_challenge',
  L16: 'arrears_payment_plan',
  L17: 'tribunal_appeal',
  L18: 'late_mandatory_reconsideration',
  L19: 'overpayment_refund',
  L20: 'special_payment_claim',
  L21: 'rectification_request',
  L22: 'deduction_order_appeal',
  L23: 'deduction_order_representations',
  L24: 'sar_chase_ico_complaint',
};

describe('the catalogue', () => {
  test('holds L01–L24 in order, each with its §2 type name', () => {
    expect(LETTERS.map((l) => l.id)).toEqual([...LETTER_IDS]);
    expect(Object.fromEntries(LETTERS.map((l) => [l.id, l.type]))).toEqual(EXPECTED);
    expect(new Set(LETTERS.map((l) => l.type)).size).toBe(24);
  });

  test.each(LETTERS.map((l) => [l.id, l] as const))('%s is complete', (_id, letter) => {
    expect(letter.title.length).toBeGreaterThan(10);
    expect(letter.whenToUse.length).toBeGreaterThan(40);
    expect(letter.type).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(['paying', 'receiving', 'either']).toContain(letter.sender);
    expect(letter.recipient.length).toBeGreaterThan(0);
    expect(letter.legalBasis.length).toBeGreaterThan(0);
    for (const r of letter.legalBasis) expect(r.title).toBeTruthy();
    expect(letter.sendBy.method).toBeTruthy();
    // Every fact says what it is; the sender and (but for the ICO stage) the case reference are required.
    const fields = factFields(letter.facts);
    for (const f of fields) expect(f.description, `${letter.id} ${f.field}`).toBeTruthy();
    expect(fields.find((f) => f.field === 'sender.name')?.required).toBe(true);
    expect(fields.find((f) => f.field === 'caseReference')?.required).toBe(true);
    expect(fields.some((f) => f.field === 'senderRole')).toBe(letter.sender === 'either');
    // A letter that declares figures takes a computation to back them, and one that takes none declares none.
    expect(letter.figures.length > 0).toBe(Object.keys(letter.inputs).length > 0);
  });

  test('no fact is money: amounts come only from computations', () => {
    for (const letter of LETTERS) {
      for (const f of factFields(letter.facts)) {
        expect(f.type, `${letter.id} ${f.field}`).not.toBe('number');
        if (f.type === 'boolean') continue;
        expect(f.field, `${letter.id}`).not.toMatch(/amount|balance|money|pounds|income(?!From|To)|arrears|cost(?!s$)/i);
      }
    }
  });

  test('the letters copying an MP are the ones that take copyToMp', () => {
    for (const letter of LETTERS) {
      expect(
        factFields(letter.facts).some((f) => f.field === 'copyToMp'),
        letter.id,
      ).toBe(letter.copyToMp);
    }
  });
});
