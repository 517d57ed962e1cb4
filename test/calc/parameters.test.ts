import { describe, expect, it } from 'vitest';
import { OutOfCoverageError, valueOn } from '../../calc/parameters.ts';
import { LAW } from '../../calc/scheme-2012/law.ts';
import { ALL_PARAMETERS, COVERAGE, flatRate } from '../../calc/scheme-2012/parameters.ts';
import { parametersOn } from '../../calc/scheme-2012/resolve.ts';
import { calc, kids } from './scheme-2012/helpers.ts';

describe('every value of the law carries its citation', () => {
  for (const parameter of ALL_PARAMETERS) {
    it(`${parameter.name}: every dated value cites a source with a title and a link`, () => {
      expect(parameter.values.length).toBeGreaterThan(0);
      for (const v of parameter.values) {
        expect(v.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(v.reference.title.trim().length).toBeGreaterThan(10);
        expect(v.reference.href).toMatch(/^https:\/\/www\.legislation\.gov\.uk\//);
      }
      expect(parameter.description.length).toBeGreaterThan(10);
    });
  }
  it('every rule citation has a title and a link', () => {
    for (const [name, ref] of Object.entries(LAW)) {
      expect(ref.title, name).toMatch(/(Act|Regulations|SI) /);
      expect(ref.href, name).toMatch(/^https:\/\/www\.legislation\.gov\.uk\//);
    }
  });
  it('every step of a trace carries a citation', () => {
    const r = calc({
      payingParent: {
        income: { amount: 52000, period: 'year' },
        pensionContributions: { amount: 100, period: 'month' },
        relevantOtherChildren: 1,
        otherArrangementChildren: 1,
      },
      receivingParents: [{ children: kids(175, 0) }, { children: kids(104) }],
      variations: { specialExpensesWeekly: 20, additionalIncomeWeekly: 30 },
      collection: 'collect_and_pay',
    });
    expect(r.trace.length).toBeGreaterThan(10);
    for (const step of r.trace) {
      expect(step.citation.length, step.step).toBeGreaterThan(10);
      expect(step.step).toMatch(/^[a-z0-9_]+$/);
    }
  });
});

describe('dates outside the coded range are refused', () => {
  it(`the first covered day is ${COVERAGE.from} (the scheme fully live, 25 Nov 2013)`, () => {
    expect(() => parametersOn(COVERAGE.from)).not.toThrow();
    expect(() => parametersOn('2013-11-24')).toThrow(OutOfCoverageError);
    expect(() => parametersOn('2013-11-24')).toThrow(/pathfinder/);
  });
  it(`the last covered day is ${COVERAGE.through}; later dates say the figures must be checked again`, () => {
    expect(() => parametersOn(COVERAGE.through)).not.toThrow();
    expect(() => parametersOn('2027-04-06')).toThrow(/checked again/);
  });
  it('a parameter asked for a date before its first value fails loudly', () => {
    expect(() => valueOn(flatRate, '2001-01-01')).toThrow(/no value before 2013-11-25/);
  });
  it('dated values switch on their day: the £20 application fee ran from 30 Jun 2014 to 25 Feb 2024', async () => {
    const { applicationFee } = await import('../../calc/scheme-2012/parameters.ts');
    expect(valueOn(applicationFee, '2014-06-29').value).toBe('0');
    expect(valueOn(applicationFee, '2014-06-30').value).toBe('20');
    expect(valueOn(applicationFee, '2024-02-25').value).toBe('20');
    expect(valueOn(applicationFee, '2024-02-26').value).toBe('0');
  });
});
