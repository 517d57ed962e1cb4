/**
 * A free-form JSON field (an event's details) nested thousands of levels deep is refused naming the field: a security
 * test of 5 December 2026 sent record_event details 5,000 levels deep and got an internal error, as the size check
 * wrote the value out (JSON.stringify) before its depth was checked.
 */
import { expect, test } from 'vitest';
import { InputError } from '../../calc/errors.ts';
import { jsonObject } from '../../store/repository/check.ts';

const nested = (levels: number): Record<string, unknown> => {
  let value: Record<string, unknown> = { note: 'end' };
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
};

test('6,000 levels: invalid_input naming the field, not a stack overflow', () => {
  let error: unknown;
  try {
    jsonObject('details', nested(6000));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).problems).toEqual([
    { field: 'details.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a...', message: 'is nested too deeply (more than 100 levels)' },
  ]);
});

test('100 levels are read as they are', () => {
  expect(JSON.stringify(jsonObject('details', nested(100)))).toContain('"note":"end"');
});
