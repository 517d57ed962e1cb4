/**
 * Character maps (statements/pdf/cmap-check.ts). pdf.js builds an entry for every code a font's map covers, and a
 * security audit's 868-byte PDF, one /ToUnicode range over 16,777,215 codes, grew the process to 1.7 GB and killed it
 * (V8's "JavaScript heap out of memory", signal 6) in 16 s: the worker's heap cap did not contain it, and the server
 * went down with every call in flight. The maps are now counted before pdf.js reads the file: a range wider than every
 * two-byte code, or maps that together cover more than four such fonts, refuse it; an identity map of a whole two-byte
 * font still reads.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import { cmapCodes } from '../../statements/pdf/cmap-check.ts';
import { identityMap, manyFullMaps, wideRange } from '../fixtures/pdf/cmaps.ts';
import { renderTruth } from '../fixtures/pdf/generate.ts';
import { loadTruths, type BankTruth } from '../fixtures/pdf/truth.ts';

const TAIL = 'the file is damaged or was made to exhaust the reader. Send the statement as the bank or CMS issued it, or a CSV export.';
const CHILD = fileURLToPath(new URL('./worker-child/peak-rss.ts', import.meta.url));
const statement = loadTruths().find((t): t is BankTruth => t.name === 'barclays-year-end')!;
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('a character map over millions of codes is refused in the worker, and the process lives', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'reckoner-cmap-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the audit’s 868-byte file: refused naming the range, the process growing by under 200 MB', async () => {
    const bytes = wideRange();
    expect(bytes.length).toBeLessThan(1000);
    const normal = join(dir, 'normal.pdf');
    const file = join(dir, 'wide.pdf');
    writeFileSync(normal, await renderTruth(statement));
    writeFileSync(file, bytes);
    // A fresh process, as in pdf-long-strings.test.ts (its bound of 200 MB over the peak after a normal statement):
    // before the check this one never answered, the process aborting at 1.7 GB.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, normal, file], { timeout: 120_000 });
    const { before, after, error } = JSON.parse(stdout) as { before: number; after: number; error?: { code: string; message: string } };
    expect(error).toEqual({
      code: 'too_large',
      message: `The PDF has a character map with a range of 16,777,215 codes, more than any font uses (at most 65,536); ${TAIL}`,
    });
    expect(after - before).toBeLessThan(200);
  }, 150_000);
});

describe('maps are counted code by code', () => {
  test('ranges by their width, single mappings one each, whatever the destination', () => {
    // 256 + 2 (an array destination) + 65,536 (a CID range, a number destination) + 2 single mappings.
    const map = latin1(
      '2 beginbfrange <0000> <00FF> <0041> <0100> <0101> [<0041> <0042>] endbfrange ' +
        '1 begincidrange <0000> <FFFF> 0 endcidrange 2 beginbfchar <01> <0041> <02> <0042> endbfchar',
    );
    expect(cmapCodes(map)).toBe(256 + 2 + 65_536 + 2);
    expect(cmapCodes(latin1('BT /F1 12 Tf (beginbfrange) Tj ET'))).toBe(0);
  });

  test('five whole two-byte maps are more than a document may map', async () => {
    // 5 × 65,536 = 327,680, over 4 × 65,536 = 262,144.
    await expect(parsePdf({ bytes: manyFullMaps() })).rejects.toMatchObject({
      code: 'too_large',
      message: `The PDF's character maps cover more than 262,144 codes (327,680 so far), the most this reader takes; a statement’s fonts map a few hundred. The file is damaged or was made to exhaust the reader. Send the statement as the bank or CMS issued it, or a CSV export.`,
    });
  });

  test('an identity map of a whole two-byte font still reads: past every check, refused only for having no table', async () => {
    await expect(parsePdf({ bytes: identityMap() })).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/No transaction table/),
    });
  });
});
