/**
 * The complaint escalation says "I have had no reply": it is refused while CMS still has time to reply (an MCP audit
 * drafted it two days after the complaint). CMS answers a stage-1 complaint in 15 working days: from Tuesday
 * 18 February 2025, 19–21 February (3), 24–28 (8), 3–7 March (13), 10–11 March (15): Tuesday 11 March 2025.
 */
import { describe, expect, test } from 'vitest';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { CASES } from './fixture.ts';
import { refusal } from './helpers.ts';

const base = CASES['complaint_escalation']!.input as DraftInput;
const { replyDate: _reply, ...noReply } = base.facts as Record<string, unknown>;
const escalation = (sentOn: string, facts: Record<string, unknown> = {}): DraftInput => ({
  ...base,
  sentOn,
  facts: { ...noReply, complaintDate: '2025-02-18', ...facts },
});

describe('an escalation of a complaint CMS has not answered', () => {
  test('is refused until the reply is overdue, naming replyDate and the day the reply is due', () => {
    for (const sentOn of ['2025-02-20', '2025-03-11']) {
      const [problem, ...rest] = refusal(escalation(sentOn)).problems;
      expect(rest).toEqual([]);
      expect(problem!.field).toBe('facts.replyDate');
      expect(problem!.message).toMatch(
        /^is missing, and CMS’s reply to the complaint of 2025-02-18 is not due until 2025-03-11: 15 working days after/,
      );
    }
  });

  test('is drafted the day after the reply was due, or at once when CMS has replied', () => {
    expect(draftLetter(escalation('2025-03-12')).text).toContain('I have had no reply.');
    expect(draftLetter(escalation('2025-02-20', { replyDate: '2025-02-19' })).text).toContain('You replied on 19 February 2025');
  });
});
