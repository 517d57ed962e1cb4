/**
 * calc/flat-string.ts makes a constant joined from pieces into one piece: the characters must come back exactly, in
 * every kind of string the calculator and its callers join (one byte, two bytes, a lone surrogate, which JSON writes
 * as an escape and reads back, control characters, quotes and backslashes).
 */
import { describe, expect, it } from 'vitest';
import { flatString } from '../../calc/flat-string.ts';
import { LAW } from '../../calc/scheme-2012/law.ts';

describe('flatString', () => {
  it('gives back the very characters it is given', () => {
    const pieces = [
      '',
      'reg ',
      '46–47',
      '£7 × 52 ÷ 12 − £1',
      '"quoted" \\ back',
      'tab\there\nline',
      'lone \ud800 high',
      'lone \udc00 low',
      '😀',
    ];
    for (const a of pieces) {
      for (const b of pieces) {
        const joined = `${a}/${b}`;
        const flat = flatString(joined);
        expect(flat).toBe(joined);
        expect([...flat].map((c) => c.codePointAt(0))).toEqual([...joined].map((c) => c.codePointAt(0)));
      }
    }
  });

  it('leaves the citations and links of the 2012 scheme as they were written', () => {
    // law.ts joins them from the act's address and the paragraph: Sch 1 para 2(1), legislation.gov.uk's own address.
    expect(LAW.basicRate).toEqual({
      title: 'Child Support Act 1991 Sch 1 para 2(1)',
      href: 'https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/2',
    });
    expect(LAW.sharedCareNights).toEqual({
      title: 'Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) reg 46–47',
      href: 'https://www.legislation.gov.uk/uksi/2012/2677/regulation/46',
    });
  });
});
