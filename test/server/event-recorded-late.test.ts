/**
 * An event recorded after its deadline has passed says so beside the deadline (a meaning probe of 6 December 2026: a
 * deduction from earnings order served on 10 April 2024, recorded on 15 October, read "It starts: Last day to appeal …
 * by 2024-05-08" as if it were still to come). The appeal runs 28 days from service (SI 1992/1989 reg 22(2)(b)):
 * 10 April + 28 days = 8 May 2024, before 15 October.
 */
import { describe, expect, test } from 'vitest';
import { ok, storedCaseServer } from './stored-case-server.ts';
import { textOf } from './helpers.ts';

const server = storedCaseServer('2024-10-15');

describe('record_event after its deadline has passed', () => {
  test('the deadline it starts is said to have passed before today', async () => {
    const made = ok(await server.call('create_case', { title: 'DEO 2024', side: 'paying', service: 'collect_and_pay' }));
    const caseId = made.id as string;
    const text = textOf(await server.call('record_event', { caseId, type: 'deo_served', date: '2024-04-10' }));
    expect(text).toMatch(/by 2024-05-08, passed before today \(2024-10-15\) \(/);
  });

  test('one recorded in time says nothing of the kind', async () => {
    const made = ok(await server.call('create_case', { title: 'DEO 2024, in time', side: 'paying', service: 'collect_and_pay' }));
    const caseId = made.id as string;
    // 1 October + 28 days = 29 October 2024, after 15 October.
    const text = textOf(await server.call('record_event', { caseId, type: 'deo_served', date: '2024-10-01' }));
    expect(text).toContain('by 2024-10-29 (');
    expect(text).not.toContain('passed before today');
  });
});
