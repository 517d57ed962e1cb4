/**
 * Bad and hostile CSV input: each is a clear ParseError (code and a message that says what to fix) within a
 * bounded time, or, where the file can still be read honestly (mixed encodings), a result with a warning.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { supportedBanksSentence } from '../../statements/banks.ts';
import { MappingError, parseDocument, ParseError, type ParseResult } from '../../statements/index.ts';
import { encodeText, FIXTURE_DIR, largeStatement, loadTruth, renderCsvText } from '../fixtures/csv/generate.ts';

const utf8 = (text: string) => encodeText(text, 'utf-8');
const fixture = (name: string) => new Uint8Array(readFileSync(`${FIXTURE_DIR}${name}.csv`));

async function failure(promise: Promise<ParseResult>): Promise<ParseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

describe('truncated files', () => {
  test('cut inside a quoted field (Nationwide quotes every field): the line and "cut off"', async () => {
    const bytes = fixture('nationwide-statement');
    const cut = bytes.subarray(0, bytes.length - 20);
    const error = await failure(parseDocument({ bytes: cut }));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toMatch(/^Line 12: a quoted field starts here and never ends, so the file looks cut off/);
  });

  test('cut in the middle of an unquoted row (half a row): the line and the missing column', async () => {
    const text = renderCsvText(loadTruth('starling'));
    const lines = text.split('\n');
    const last = lines.length - 2;
    lines[last] = lines[last]!.split(',').slice(0, 3).join(',');
    const error = await failure(parseDocument({ bytes: utf8(lines.join('\n')) }));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toBe(
      'Line 9 has 3 fields, but the "Balance (GBP)" column is field 6: the row is incomplete, so the file looks cut off or damaged. Download the statement again and send the whole file.',
    );
  });
});

describe('unknown layouts', () => {
  const text =
    'Posted,Payee,Money Out (£),Money In (£),Running Balance\n05/03/2024,SAMPLE SHOP,12.50,,100.00\n06/03/2024,JOE BLOGGS,,20.00,120.00\n';

  test('the message lists the columns found and a csvMapping built from them, which then works', async () => {
    const error = await failure(parseDocument({ bytes: utf8(text) }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('The columns found (line 1) are "Posted", "Payee", "Money Out (£)", "Money In (£)", "Running Balance"');
    // The banks it names are the registry's (statements/banks.ts), so the message cannot fall behind the layouts.
    expect(error.message).toContain(supportedBanksSentence('csv'));
    expect(error.message).toMatch(/Monzo.*Starling|Starling.*Monzo/);
    const example = JSON.parse(/for example (\{.*?\}):/.exec(error.message)![1]!) as Record<string, string>;
    expect(example).toEqual({
      date: 'Posted',
      description: 'Payee',
      paidOut: 'Money Out (£)',
      paidIn: 'Money In (£)',
      balance: 'Running Balance',
      dateFormat: 'DD/MM/YYYY',
    });
    const result = await parseDocument({ bytes: utf8(text), csvMapping: example as never });
    expect(result.transactions.map((t) => [t.date, t.amount, t.direction, t.balance])).toEqual([
      ['2024-03-05', '12.50', 'out', '100.00'],
      ['2024-03-06', '20.00', 'in', '120.00'],
    ]);
    expect(result.checks.runningBalance).toBe('ok');
  });

  test('a headerless file that is not HSBC says where its dates and amounts are, without repeating the row, and asks for positions', async () => {
    const error = await failure(parseDocument({ bytes: utf8('05/03/2024,SAMPLE SHOP,X1,12.50,GBP\n06/03/2024,OTHER,X2,1.00,GBP\n') }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain(
      'line 1 has 5 fields, which do not read as a header row (their contents are not repeated here); by position, field 0 a date, field 3 an amount',
    );
    expect(error.message).not.toMatch(/SAMPLE SHOP|X1|GBP"/);
    expect(error.message).toContain('{"date":0,"description":1,"amount":3,');
  });

  test('a text document that is not a table is refused as an unknown layout, not read', async () => {
    const error = await failure(parseDocument({ bytes: utf8('Dear Sir or Madam,\nPlease find my statement attached.\n') }));
    expect(error.code).toBe('unsupported');
  });
});

describe('csvMapping mistakes are invalid_input naming the field', () => {
  const text = 'Posted,Payee,Amount\n05/03/2024,SAMPLE SHOP,-12.50\n';
  test.each([
    [
      { date: 'Posted', description: 'Payee', amount: 'Value' },
      'csvMapping.amount',
      /names the column "Value", but no line near the top.*"Posted", "Payee", "Amount"/,
    ],
    [{ date: 0, description: 1, amount: 7 }, 'csvMapping.amount', /is column 7, but the rows have 3 columns \(0 to 2\)/],
    [{ date: 'Posted', description: 'Payee', amount: 'Amount', dateFormat: 'MM/YYYY' }, 'csvMapping.dateFormat', /day, a month and a year/],
    [{ date: 'Posted', description: 'Payee' }, 'csvMapping.amount', /is missing/],
    [{ date: 'Posted', description: 'Payee', amount: 'Amount', paidIn: 'Amount' }, 'csvMapping.amount', /not both/],
    [{ date: -1, description: 'Payee', amount: 'Amount' }, 'csvMapping.date', /column position counting from 0/],
  ])('%j', async (mapping, field, message) => {
    const error = await failure(parseDocument({ bytes: utf8(text), csvMapping: mapping as never }));
    expect(error).toBeInstanceOf(MappingError);
    expect(error.code).toBe('invalid_input');
    expect((error as MappingError).field).toBe(field);
    expect(error.message).toMatch(message);
  });

  test('with positions only, a first row whose date is not a date is taken as the header', async () => {
    const result = await parseDocument({ bytes: utf8(text), csvMapping: { date: 0, description: 1, amount: 2 } });
    expect(result.transactions).toHaveLength(1);
    expect(result.transactions[0]).toMatchObject({ date: '2024-03-05', description: 'SAMPLE SHOP', amount: '12.50', direction: 'out' });
  });

  test('dates in another form than csvMapping.dateFormat: the error says how to set it', async () => {
    const error = await failure(
      parseDocument({
        bytes: utf8('Posted,Payee,Amount\n2024-03-05,SHOP,-1.00\n'),
        csvMapping: { date: 'Posted', description: 'Payee', amount: 'Amount' },
      }),
    );
    expect(error.message).toBe(
      'Line 2, column "Posted" (the date): "2024-03-05" is not a date in the form DD/MM/YYYY; if the dates are written another way, set csvMapping.dateFormat (now "DD/MM/YYYY").',
    );
  });
});

describe('bad cells', () => {
  const starling = () => renderCsvText(loadTruth('starling')).split('\n');

  test('an impossible date (31/02) names the line and the column', async () => {
    const lines = starling();
    lines[3] = lines[3]!.replace(/^\d\d\/\d\d\/\d{4}/, '31/02/2024');
    const error = await failure(parseDocument({ bytes: utf8(lines.join('\n')) }));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toBe('Line 4, column "Date" (the date): "31/02/2024" is not a real date (February 2024 has no day 31).');
  });

  test('a decimal comma names the line and the column, and does not become £1,250', async () => {
    const lines = starling();
    lines[2] = lines[2]!.replace('-56.12', '"-12,50"');
    const error = await failure(parseDocument({ bytes: utf8(lines.join('\n')) }));
    expect(error.message).toMatch(/^Line 3, column "Amount \(GBP\)" \(the amount\): "-12,50" has a decimal comma/);
  });

  test('an empty amount, and amounts in both money-out and money-in columns, are refused', async () => {
    const lines = starling();
    lines[2] = lines[2]!.replace('-56.12', '');
    expect((await failure(parseDocument({ bytes: utf8(lines.join('\n')) }))).message).toMatch(
      /Line 3, column "Amount \(GBP\)" \(the amount\) is empty/,
    );
    const lloyds = renderCsvText(loadTruth('lloyds')).split('\r\n');
    lloyds[1] = lloyds[1]!.replace(',,50.00,', ',1.00,50.00,');
    expect((await failure(parseDocument({ bytes: utf8(lloyds.join('\r\n')) }))).message).toMatch(
      /^Line 2 has an amount both in "Debit Amount" and in "Credit Amount"/,
    );
  });

  test('a negative figure in a money-out column counts as money in, with a warning', async () => {
    const text = 'Date,Details,Paid out,Paid in\n01/03/2024,REVERSAL,-5.00,\n';
    const result = await parseDocument({
      bytes: utf8(text),
      csvMapping: { date: 'Date', description: 'Details', paidOut: 'Paid out', paidIn: 'Paid in' },
    });
    expect(result.transactions[0]).toMatchObject({ amount: '5.00', direction: 'in' });
    expect(result.warnings.join(' ')).toMatch(/1 row has a negative figure in a money-out or money-in column/);
  });
});

describe('encodings', () => {
  test('mixed encodings (one line UTF-8 in a windows-1252 Nationwide file): read line by line, with a warning and lower confidence', async () => {
    const bytes = Buffer.from(fixture('nationwide-statement'));
    const lines = bytes.toString('latin1').split('\r\n');
    // Line 7 re-saved as UTF-8 ("£" becomes C2 A3), the rest stay windows-1252.
    const mixed = Buffer.concat(
      lines.map((line, i) => Buffer.from(line + (i < lines.length - 1 ? '\r\n' : ''), i === 6 ? 'utf8' : 'latin1')),
    );
    const result = await parseDocument({ bytes: new Uint8Array(mixed) });
    const truth = loadTruth('nationwide-statement');
    expect(result.transactions.map((t) => [t.amount, t.balance])).toEqual(truth.transactions.map((t) => [t.amount, t.balance]));
    expect(result.warnings[0]).toMatch(/mixes encodings/);
    expect(result.confidence).toBe(0.94);
  });

  test('a UTF-8 file with a byte-order mark whose body is not all UTF-8 is read too, with a warning', async () => {
    const body = Buffer.from(fixture('nationwide-statement'));
    const result = await parseDocument({ bytes: new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body])) });
    expect(result.transactions).toHaveLength(loadTruth('nationwide-statement').transactions.length);
    expect(result.warnings[0]).toMatch(/says it is UTF-8 but some lines are not/);
  });
});

describe('other refusals and edge cases', () => {
  test('a file of blank lines holds no statement', async () => {
    const error = await failure(parseDocument({ bytes: utf8('\n\n \r\n') }));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toMatch(/only blank space/);
  });

  test('a header with no rows is read as no transactions, with a warning', async () => {
    const result = await parseDocument({ bytes: utf8('Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category\n') });
    expect(result.transactions).toEqual([]);
    expect(result.warnings).toContain('The file holds no transactions.');
    expect(result.checks.runningBalance).toBe('not_available');
  });

  test('a hint of a CMS document on a bank CSV: read as a bank statement, and the warning says so', async () => {
    const result = await parseDocument({ bytes: fixture('starling'), hint: 'cms_statement' });
    expect(result.kind).toBe('bank_statement');
    expect(result.warnings.join(' ')).toMatch(/described as cms_statement, but it is a bank statement \(CSV\)/);
  });

  test('more rows than the limit: too_large, early', async () => {
    const { bytes } = largeStatement(5000);
    const error = await failure(parseDocument({ bytes }, { limits: { maxRows: 1000 } }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/more than 1,000 (lines|transactions)/);
  });

  test('past the time budget: too_large, not a hang', async () => {
    const { bytes } = largeStatement(20_000);
    const error = await failure(parseDocument({ bytes }, { limits: { maxMillis: 1 } }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/took longer than/);
  });

  test('a 5 MB quoted field that never closes fails fast', async () => {
    const bytes = utf8(`Date,Details\n01/01/2024,"${'x'.repeat(5_000_000)}`);
    const error = await failure(parseDocument({ bytes }));
    expect(error.message).toMatch(/Line 2: a quoted field starts here and never ends/);
  });
});
