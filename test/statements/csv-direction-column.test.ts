/**
 * A CSV whose amount column is printed unsigned beside a column that says which way each went ("DR"/"CR",
 * "Debit"/"Credit", "D"/"C"): read with csvMapping.direction, each row signed as its direction says. Before, there was
 * no way to say so: the refusal's example mapping read every amount as money in, a CMS payment among them. Files built
 * from the ground truth of test/fixtures/pdf/ground-truth-statement.ts.
 */
import { describe, expect, test } from 'vitest';
import { MappingError } from '../../statements/index.ts';
import type { CsvMapping } from '../../statements/types.ts';
import { DECEMBER, balancesAfter } from '../fixtures/pdf/ground-truth-statement.ts';
import { slash4 } from '../fixtures/pdf/generate.ts';
import { readCsvLines, rowsOf } from './read-rows.ts';

const AFTER = balancesAfter(DECEMBER);
const file = (words: { out: string; in: string }) => [
  'Transaction Date,Details,Value,DR/CR,Balance',
  ...DECEMBER.map((r, i) => [slash4(r.date), r.description, r.amount, r.direction === 'out' ? words.out : words.in, AFTER[i]].join(',')),
];
const MAPPING: CsvMapping = { date: 'Transaction Date', description: 'Details', amount: 'Value', direction: 'DR/CR', balance: 'Balance' };

describe('an unsigned amount beside a DR/CR column', () => {
  test.each([
    { out: 'DR', in: 'CR' },
    { out: 'Debit', in: 'Credit' },
    { out: 'd', in: 'c' },
  ])('with csvMapping.direction, %o: every row exact, the running balance adding up', async (words) => {
    const result = await readCsvLines(file(words), MAPPING);
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.checks.runningBalance).toBe('ok');
  });

  test('a cell that says neither way is refused, naming its line and column', async () => {
    const lines = file({ out: 'DR', in: 'CR' });
    lines[3] = lines[3]!.replace(/,(DR|CR),/, ',XX,');
    await expect(readCsvLines(lines, MAPPING)).rejects.toThrow(
      'Line 4, column "DR/CR" (which way the amount went) is "XX"; it must say DR or CR (or Debit or Credit, D or C, Out or In).',
    );
  });

  test('direction with paidOut and paidIn is a mistake in the mapping, named', async () => {
    const error = await readCsvLines(file({ out: 'DR', in: 'CR' }), {
      date: 'Transaction Date',
      description: 'Details',
      paidOut: 'Value',
      paidIn: 'Balance',
      direction: 'DR/CR',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MappingError);
    expect((error as MappingError).problems[0]!.field).toBe('csvMapping.direction');
  });

  test('without a mapping, the refusal’s example names the direction column', async () => {
    await expect(readCsvLines(file({ out: 'DR', in: 'CR' }))).rejects.toThrow(
      'for example {"date":"Transaction Date","description":"Details","amount":"Value","direction":"DR/CR","balance":"Balance","dateFormat":"DD/MM/YYYY"}',
    );
  });

  test('a figure printed negative beside a cell that says money in is refused: the file contradicts itself (a probe)', async () => {
    const lines = file({ out: 'DR', in: 'CR' });
    const row = lines.findIndex((l) => l.includes(',CR,'));
    lines[row] = lines[row]!.replace(/,(\d[\d.]*),CR,/, ',-$1,CR,');
    await expect(readCsvLines(lines, MAPPING)).rejects.toThrow(
      `Line ${row + 1}: the amount in column "Value" is negative (money out), but column "DR/CR" says "CR" (money in); correct the row, or leave csvMapping.direction out if the amounts are signed.`,
    );
  });
});
