/**
 * Hostile PDFs (test/fixtures/pdf/hostile.ts), each through parseDocument, so in a parse worker: every one
 * is refused with its own error, fast, by the checks before pdf.js (the worker's deadline and memory cap
 * are the line behind them). Each bomb has an honest twin made with the same trick around a line of text:
 * pdf.js reads the twin's text, which shows the trick is one pdf.js follows, and the checks let it through.
 */
import { describe, expect, test } from 'vitest';
import { parseDocument, ParseError } from '../../statements/index.ts';
import { extractPdfText } from '../../statements/pdf/text.ts';
import { HONEST_TEXT, HOSTILE } from '../fixtures/pdf/hostile.ts';

describe('each hostile PDF is refused quickly, in the worker, with its error', () => {
  test.each(HOSTILE.map((h) => [h.name, h] as const))(
    '%s',
    async (_name, h) => {
      const bytes = await h.make();
      const error = await parseDocument({ bytes }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).code).toBe(h.code);
      // Refused by the check that counts that work, named in the message, before pdf.js is asked to do it.
      expect((error as ParseError).message).toMatch(h.message);
    },
    30_000,
  );
});

describe('the honest twins: pdf.js follows each trick, and the checks let it through', () => {
  const twins = HOSTILE.filter((h) => h.honest);
  test.each(twins.map((h) => [h.name, h] as const))(
    '%s',
    async (_name, h) => {
      const bytes = await h.honest!();
      expect(await extractPdfText(bytes)).toContain(HONEST_TEXT);
      // Through the whole parse it is a document without a table: past every check, refused only for that.
      await expect(parseDocument({ bytes })).rejects.toMatchObject({
        code: 'unsupported',
        message: expect.stringMatching(/No transaction table/),
      });
    },
    30_000,
  );
});

describe('sizes: small files that would have asked for hours or gigabytes', () => {
  test('the nested forms and the shared content fit in a few kilobytes', async () => {
    const size = async (name: string) => (await HOSTILE.find((h) => h.name === name)!.make()).length;
    expect(await size('form XObjects 10 deep, each drawing the next 6 times')).toBeLessThan(2500);
    expect(await size('form XObjects nested 30 deep')).toBeLessThan(6000);
    expect(await size('500 pages sharing one heavy content stream')).toBeLessThan(5000);
    expect(await size('a predictor row 100,000,000 bytes wide')).toBeLessThan(1000);
  });
});
