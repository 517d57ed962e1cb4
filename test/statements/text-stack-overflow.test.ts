/**
 * The stack running out while a CSV or OFX file is read (V8's RangeError "Maximum call stack size exceeded") is said
 * as that format's problem, never as the PDF reader's "nested inside one another thousands of levels deep" (a security
 * probe's 10 MB OFX MEMO was answered so by the parse worker). The readers are made to overflow here by a stand-in, as
 * no file is known to do it now (ofx-long-values.test.ts has the one that did).
 */
import { describe, expect, test, vi } from 'vitest';
import { parseDocumentInProcess, stackOverflowMessage, textTooDeep } from '../../statements/index.ts';
import { TOO_DEEP } from '../../statements/pdf/text.ts';
import { failure } from './parse-failure.ts';
import { loadOfxTruth, renderOfx } from '../fixtures/ofx/generate.ts';

const { overflow } = vi.hoisted(() => ({
  overflow: (): never => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

vi.mock('../../statements/ofx.ts', async (original) => ({
  ...(await original<typeof import('../../statements/ofx.ts')>()),
  parseOfx: overflow,
}));
vi.mock('../../statements/csv/index.ts', async (original) => ({
  ...(await original<typeof import('../../statements/csv/index.ts')>()),
  parseCsv: overflow,
}));

const OFX = renderOfx(loadOfxTruth('xml-utf8'));
const CSV = new TextEncoder().encode('Date,Description,Amount\r\n01/03/2024,EXAMPLE SHOP,-12.50\r\n');
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n');

describe('the stack running out in the reader', () => {
  test('of an OFX file: the OFX message', async () => {
    const e = await failure(parseDocumentInProcess({ bytes: OFX }));
    expect(e.code).toBe('parse_failed');
    expect(e.message).toBe(
      'This OFX file cannot be read: a part of it is built in a way no bank writes (reading it ran past the deepest structure that can be followed), so the file is damaged or was not made by the bank. Download the statement again from online banking and send that file, or export the statement as CSV.',
    );
  });

  test('of a CSV file: the CSV message', async () => {
    const e = await failure(parseDocumentInProcess({ bytes: CSV }));
    expect(e.message).toBe(
      'This CSV file cannot be read: a part of it is built in a way no bank writes (reading it ran past the deepest structure that can be followed), so the file is damaged or was not exported by the bank. Export the statement again from online banking and send that file.',
    );
  });
});

describe("the parse worker's last net (worker/entry.ts) chooses by the document", () => {
  test('OFX, CSV and PDF bytes', () => {
    expect(stackOverflowMessage(OFX)).toBe(textTooDeep('ofx'));
    expect(stackOverflowMessage(CSV)).toBe(textTooDeep('csv'));
    expect(stackOverflowMessage(PDF)).toBe(TOO_DEEP);
    expect(stackOverflowMessage(undefined)).toBe(TOO_DEEP);
  });
});
